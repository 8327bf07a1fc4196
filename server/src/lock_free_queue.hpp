// A bounded queue that never takes a lock (D. Vyukov's bounded MPMC queue): each cell carries a
// sequence number saying whether it may be written or read at a given position, so producers and
// consumers meet through atomics only. The connection thread hands requests to the worker
// threads and gets their connections back through these: with a mutex there, a worker preempted
// while holding it (the workers run at a lower priority) would stop the connection thread, and
// with it /healthz, until that worker ran again.
//
// push() fails when the queue is full and pop() returns nothing when it is empty; neither
// waits. A pop may also see "empty" while a producer that claimed the next cell has not yet
// filled it (it is then found by a later pop).
#pragma once

#include <atomic>
#include <bit>
#include <cstddef>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

namespace vanban::server {

template <typename T>
class LockFreeQueue {
  static_assert(std::is_default_constructible_v<T> && std::is_move_assignable_v<T>);

 public:
  // Holds at least `capacity` values (rounded up to a power of two).
  explicit LockFreeQueue(std::size_t capacity)
      : cells_(std::bit_ceil(capacity < 2 ? std::size_t{2} : capacity)), mask_(cells_.size() - 1) {
    for (std::size_t i = 0; i < cells_.size(); ++i)
      cells_[i].sequence.store(i, std::memory_order_relaxed);
  }
  LockFreeQueue(const LockFreeQueue&) = delete;
  LockFreeQueue& operator=(const LockFreeQueue&) = delete;

  std::size_t capacity() const { return cells_.size(); }

  // False (and `value` untouched) when full.
  bool push(T& value) {
    std::size_t position = tail_.load(std::memory_order_relaxed);
    for (;;) {
      Cell& cell = cells_[position & mask_];
      const std::size_t sequence = cell.sequence.load(std::memory_order_acquire);
      const auto lag = static_cast<std::ptrdiff_t>(sequence - position);
      if (lag == 0) {
        if (tail_.compare_exchange_weak(position, position + 1, std::memory_order_relaxed)) {
          cell.value = std::move(value);
          cell.sequence.store(position + 1, std::memory_order_release);
          return true;
        }
      } else if (lag < 0) {
        return false;  // the cell still holds a value a lap behind: full
      } else {
        position = tail_.load(std::memory_order_relaxed);
      }
    }
  }

  std::optional<T> pop() {
    std::size_t position = head_.load(std::memory_order_relaxed);
    for (;;) {
      Cell& cell = cells_[position & mask_];
      const std::size_t sequence = cell.sequence.load(std::memory_order_acquire);
      const auto lag = static_cast<std::ptrdiff_t>(sequence - (position + 1));
      if (lag == 0) {
        if (head_.compare_exchange_weak(position, position + 1, std::memory_order_relaxed)) {
          std::optional<T> value(std::move(cell.value));
          cell.value = T{};  // nothing (a connection, say) stays held by an empty cell
          cell.sequence.store(position + mask_ + 1, std::memory_order_release);
          return value;
        }
      } else if (lag < 0) {
        return std::nullopt;  // not written yet: empty
      } else {
        position = head_.load(std::memory_order_relaxed);
      }
    }
  }

 private:
  struct Cell {
    std::atomic<std::size_t> sequence{0};
    T value{};
  };
  std::vector<Cell> cells_;
  std::size_t mask_;
  // Apart, so that producers and consumers do not share a cache line.
  alignas(64) std::atomic<std::size_t> tail_{0};
  alignas(64) std::atomic<std::size_t> head_{0};
};

}  // namespace vanban::server
