// A fixed set of worker threads fed by one thread (the connection thread) without a lock: jobs
// go through a LockFreeQueue and a POSIX semaphore counts them (glibc's sem_post and sem_wait
// are an atomic and a futex, no mutex), so the feeding thread never waits for a worker.
//
// The workers may run at a lower priority than the thread that made the pool (`nice_increment`,
// lower_thread_priority): the search workers do, so that on a busy CPU the connection thread and
// the monitoring worker, which answer /healthz, are not left waiting behind searches.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <thread>
#include <utility>
#include <vector>

#include <semaphore.h>

#include "lock_free_queue.hpp"

namespace vanban::server {

// Raises the calling thread's nice value by `increment` (Linux gives each thread its own); does
// nothing when increment is 0 or the system refuses. Returns the thread's nice value after.
int lower_thread_priority(int increment);
// The calling thread's nice value.
int thread_priority();

class Semaphore {
 public:
  Semaphore() { ::sem_init(&semaphore_, 0, 0); }
  ~Semaphore() { ::sem_destroy(&semaphore_); }
  Semaphore(const Semaphore&) = delete;
  Semaphore& operator=(const Semaphore&) = delete;

  void release() { ::sem_post(&semaphore_); }
  void acquire() {
    while (::sem_wait(&semaphore_) != 0) {
    }  // EINTR
  }

 private:
  sem_t semaphore_;
};

template <typename Job>
class WorkerPool {
 public:
  // `capacity`: jobs queued at once; the feeder must never have more outstanding.
  WorkerPool(std::size_t threads, std::size_t capacity, int nice_increment,
             std::function<void(Job&)> run)
      : queue_(capacity), run_(std::move(run)) {
    if (threads == 0) threads = 1;
    threads_.reserve(threads);
    for (std::size_t i = 0; i < threads; ++i) {
      threads_.emplace_back([this, nice_increment] {
        lower_thread_priority(nice_increment);
        work();
      });
    }
  }
  ~WorkerPool() { shutdown(); }
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Never waits for a worker. Only when the queue is full (more jobs outstanding than the
  // capacity promised) does it yield until a worker has taken one.
  void submit(Job job) {
    while (!queue_.push(job))
      std::this_thread::yield();
    ready_.release();
  }

  // Runs what is queued, then joins the threads. Called by the feeding thread, after its last
  // submit.
  void shutdown() {
    if (threads_.empty()) return;
    stopping_.store(true);
    for (std::size_t i = 0; i < threads_.size(); ++i)
      ready_.release();
    for (auto& thread : threads_) {
      if (thread.joinable()) thread.join();
    }
    threads_.clear();
  }

 private:
  void work() {
    for (;;) {
      ready_.acquire();
      // One release per job and one per thread at shutdown. A wake that finds the queue empty
      // once stopping is this thread's signal to stop: every job was taken by then, as the
      // feeder submits nothing after shutdown(). Before that, a job's wake always finds one.
      for (;;) {
        if (auto job = queue_.pop()) {
          run_(*job);
          break;
        }
        if (stopping_.load()) return;
        std::this_thread::yield();
      }
    }
  }

  LockFreeQueue<Job> queue_;
  std::function<void(Job&)> run_;
  Semaphore ready_;
  std::atomic<bool> stopping_{false};
  std::vector<std::thread> threads_;
};

}  // namespace vanban::server
