// The connection layer's lock-free hand-over: the queue between the connection thread and the
// workers (every value delivered once, full and empty said, not waited on) and the worker pool
// (every job run once, those queued at shutdown too; workers niced as asked). Run under
// ThreadSanitizer in CI with the rest of the server suite.
#include "worker_pool.hpp"

#include <atomic>
#include <cerrno>
#include <cstddef>
#include <memory>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <unistd.h>

#include "lock_free_queue.hpp"

namespace vanban::server {
namespace {

TEST(LockFreeQueue, holds_its_capacity_in_order_then_says_full_and_empty) {
  LockFreeQueue<std::unique_ptr<int>> queue(5);  // rounded up to 8
  ASSERT_EQ(queue.capacity(), 8u);
  for (int i = 0; i < 8; ++i) {
    auto value = std::make_unique<int>(i);
    ASSERT_TRUE(queue.push(value));
    EXPECT_EQ(value, nullptr) << "a pushed value is moved into the queue";
  }
  auto extra = std::make_unique<int>(99);
  EXPECT_FALSE(queue.push(extra));
  ASSERT_NE(extra, nullptr) << "a refused value stays with the caller";
  for (int i = 0; i < 8; ++i) {
    auto value = queue.pop();
    ASSERT_TRUE(value.has_value());
    EXPECT_EQ(**value, i);
  }
  EXPECT_FALSE(queue.pop().has_value());
  // Around the ring again.
  EXPECT_TRUE(queue.push(extra));
  EXPECT_EQ(**queue.pop(), 99);
}

TEST(LockFreeQueue, delivers_every_value_once_between_many_producers_and_consumers) {
  constexpr int kProducers = 4;
  constexpr int kConsumers = 4;
  constexpr int kPerProducer = 20'000;
  LockFreeQueue<int> queue(64);  // small, so that it is often full and often empty
  std::vector<std::atomic<int>> seen(kProducers * kPerProducer);
  std::atomic<int> taken{0};
  std::vector<std::thread> threads;
  for (int p = 0; p < kProducers; ++p) {
    threads.emplace_back([&queue, p] {
      for (int i = 0; i < kPerProducer; ++i) {
        int value = p * kPerProducer + i;
        while (!queue.push(value))
          std::this_thread::yield();
      }
    });
  }
  for (int c = 0; c < kConsumers; ++c) {
    threads.emplace_back([&] {
      while (taken.load() < kProducers * kPerProducer) {
        if (auto value = queue.pop()) {
          seen[static_cast<std::size_t>(*value)].fetch_add(1);
          taken.fetch_add(1);
        } else {
          std::this_thread::yield();
        }
      }
    });
  }
  for (auto& thread : threads)
    thread.join();
  EXPECT_FALSE(queue.pop().has_value());
  int wrong = 0;
  for (const auto& count : seen)
    wrong += count.load() != 1 ? 1 : 0;
  EXPECT_EQ(wrong, 0) << "values lost or delivered twice";
}

TEST(WorkerPool, runs_every_job_once_including_those_queued_at_shutdown) {
  constexpr int kJobs = 5'000;
  std::vector<std::atomic<int>> runs(kJobs);
  {
    WorkerPool<int> pool(3, 2 * kJobs, 0, [&runs](int& job) {
      runs[static_cast<std::size_t>(job)].fetch_add(1);
      if (job % 1000 == 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    });
    for (int i = 0; i < kJobs; ++i)
      pool.submit(i);
    pool.shutdown();  // with jobs still queued
  }
  int wrong = 0;
  for (const auto& count : runs)
    wrong += count.load() != 1 ? 1 : 0;
  EXPECT_EQ(wrong, 0) << "jobs lost or run twice";
}

TEST(WorkerPool, a_full_queue_makes_the_feeder_wait_for_a_worker_not_drop_the_job) {
  std::atomic<int> ran{0};
  WorkerPool<int> pool(1, 2, 0, [&ran](int&) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    ran.fetch_add(1);
  });
  for (int i = 0; i < 50; ++i)
    pool.submit(i);
  pool.shutdown();
  EXPECT_EQ(ran.load(), 50);
}

int nice_of_this_thread() {
  errno = 0;
  const int nice = ::getpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()));
  return errno == 0 ? nice : -100;
}

TEST(WorkerPool, workers_run_niced_by_the_increment_and_the_maker_is_left_alone) {
  const int base = nice_of_this_thread();
  ASSERT_NE(base, -100);
  if (base > 19 - 4) GTEST_SKIP() << "the tests already run at nice " << base;
  std::atomic<int> seen{-100};
  {
    WorkerPool<int> pool(1, 4, 4, [&seen](int&) { seen = nice_of_this_thread(); });
    pool.submit(0);
  }
  EXPECT_EQ(seen.load(), base + 4);
  EXPECT_EQ(nice_of_this_thread(), base);
  EXPECT_EQ(thread_priority(), base);
}

}  // namespace
}  // namespace vanban::server
