// A fixed pool of Searchers (each with its own handle on the index, not thread-safe),
// checked out per request. A leased searcher is reopened when it has not looked for the writer's
// latest commit for `refresh_interval`, so new documents appear without a restart; recovering
// from a failed reopen is the searcher's own business (archive::Searcher::reopen). While no
// archive exists yet a lease holds no searcher and making one is tried again at the same pace:
// the server serves empty results instead of failing.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "vanban/archive/searcher.hpp"
#include "vanban/common/result.hpp"

namespace vanban::server {

using SearcherFactory = std::function<Result<std::unique_ptr<archive::Searcher>>()>;

class SearcherPool {
 public:
  SearcherPool(SearcherFactory factory, std::size_t size,
               std::chrono::milliseconds refresh_interval);
  SearcherPool(const SearcherPool&) = delete;
  SearcherPool& operator=(const SearcherPool&) = delete;

  // A checked-out slot; returned to the pool when destroyed.
  class Lease {
   public:
    Lease(Lease&& other) noexcept;
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    ~Lease();
    // Null while no archive can be opened.
    archive::Searcher* get() const;

   private:
    friend class SearcherPool;
    Lease(SearcherPool* pool, std::size_t slot) : pool_(pool), slot_(slot) {}
    SearcherPool* pool_;
    std::size_t slot_;
  };

  // Waits for a free slot.
  Lease acquire();
  std::size_t size() const { return slots_.size(); }

 private:
  struct Slot {
    std::unique_ptr<archive::Searcher> searcher;
    std::chrono::steady_clock::time_point refreshed{};
    bool attempted = false;
  };
  void refresh(Slot& slot);
  void release(std::size_t slot);

  SearcherFactory factory_;
  std::chrono::milliseconds refresh_interval_;
  std::vector<Slot> slots_;
  std::mutex mutex_;
  std::condition_variable released_;
  std::vector<std::size_t> free_;
  std::string last_open_error_;  // guarded by mutex_; logged once per distinct message
};

}  // namespace vanban::server
