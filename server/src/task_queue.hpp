// httplib's TaskQueue with a fixed number of threads and a bounded queue: when every worker is
// busy and the queue is full, the accepting thread waits (connections then wait in the kernel's
// backlog) instead of the queue growing without limit.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include <httplib.h>

namespace vanban::server {

class BoundedThreadPool final : public httplib::TaskQueue {
 public:
  BoundedThreadPool(std::size_t threads, std::size_t capacity);
  ~BoundedThreadPool() override;

  void enqueue(std::function<void()> task) override;
  // Runs what is queued, then joins the threads.
  void shutdown() override;

 private:
  void work();

  std::size_t capacity_;
  std::mutex mutex_;
  std::condition_variable has_task_;
  std::condition_variable has_room_;
  std::deque<std::function<void()>> tasks_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace vanban::server
