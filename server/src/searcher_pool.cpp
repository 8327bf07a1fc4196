#include "vanban/server/searcher_pool.hpp"

#include <iostream>
#include <numeric>
#include <utility>

namespace vanban::server {

SearcherPool::SearcherPool(SearcherFactory factory, std::size_t size,
                           std::chrono::milliseconds refresh_interval)
    : factory_(std::move(factory)),
      refresh_interval_(refresh_interval),
      slots_(size == 0 ? 1 : size),
      free_(slots_.size()) {
  std::iota(free_.begin(), free_.end(), std::size_t{0});
}

SearcherPool::Lease::Lease(Lease&& other) noexcept : pool_(other.pool_), slot_(other.slot_) {
  other.pool_ = nullptr;
}

SearcherPool::Lease::~Lease() {
  if (pool_ != nullptr) pool_->release(slot_);
}

archive::Searcher* SearcherPool::Lease::get() const {
  return pool_->slots_[slot_].searcher.get();
}

SearcherPool::Lease SearcherPool::acquire() {
  std::size_t slot = 0;
  {
    std::unique_lock lock(mutex_);
    released_.wait(lock, [this] { return !free_.empty(); });
    slot = free_.back();
    free_.pop_back();
  }
  Lease lease(this, slot);  // returns the slot even if refreshing throws
  refresh(slots_[slot]);
  return lease;
}

void SearcherPool::refresh(Slot& slot) {
  const auto now = std::chrono::steady_clock::now();
  if (slot.attempted && now - slot.refreshed < refresh_interval_) return;
  slot.attempted = true;
  slot.refreshed = now;
  // The searcher recovers by itself (a commit, a replaced database, a shard back); a failure
  // leaves it serving the revision it had. Only an archive that did not exist yet (whose layout,
  // one database or shards, its first index decides) needs a searcher made anew.
  std::string failure;
  if (slot.searcher) {
    const Status reopened = slot.searcher->reopen();
    if (reopened.ok()) return;
    failure = "cannot see the newest commit (serving the revision before it): " +
              reopened.error().message;
  } else if (auto opened = factory_(); opened.ok()) {
    slot.searcher = std::move(*opened);
    return;
  } else {
    failure = "archive not open (serving empty results): " + opened.error().message;
  }
  // Expected while nothing is indexed yet; said once so that a real fault is not silent either.
  std::lock_guard lock(mutex_);
  if (failure != last_open_error_) {
    last_open_error_ = failure;
    std::cerr << "vanban serve: " << failure << '\n';
  }
}

void SearcherPool::release(std::size_t slot) {
  {
    std::lock_guard lock(mutex_);
    free_.push_back(slot);
  }
  released_.notify_one();
}

}  // namespace vanban::server
