#include "task_queue.hpp"

#include <utility>

namespace vanban::server {

BoundedThreadPool::BoundedThreadPool(std::size_t threads, std::size_t capacity)
    : capacity_(capacity == 0 ? 1 : capacity) {
  if (threads == 0) threads = 1;
  threads_.reserve(threads);
  for (std::size_t i = 0; i < threads; ++i)
    threads_.emplace_back([this] { work(); });
}

BoundedThreadPool::~BoundedThreadPool() {
  shutdown();
}

void BoundedThreadPool::enqueue(std::function<void()> task) {
  {
    std::unique_lock lock(mutex_);
    has_room_.wait(lock, [this] { return tasks_.size() < capacity_ || stopping_; });
    tasks_.push_back(std::move(task));
  }
  has_task_.notify_one();
}

void BoundedThreadPool::shutdown() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ && threads_.empty()) return;
    stopping_ = true;
  }
  has_task_.notify_all();
  has_room_.notify_all();
  for (auto& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
  threads_.clear();
}

void BoundedThreadPool::work() {
  for (;;) {
    std::function<void()> task;
    {
      std::unique_lock lock(mutex_);
      has_task_.wait(lock, [this] { return !tasks_.empty() || stopping_; });
      if (tasks_.empty()) return;  // stopping, and nothing left to run
      task = std::move(tasks_.front());
      tasks_.pop_front();
    }
    has_room_.notify_one();
    task();
  }
}

}  // namespace vanban::server
