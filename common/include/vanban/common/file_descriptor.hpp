// File descriptors owned by scope, and writing a buffer whole: the one way the modules that work
// with descriptors (archive's durable files and locks, the indexer's bounded reader and folder
// watch) do both. POSIX only; no module's knowledge in it.
#pragma once

#include <cerrno>
#include <cstddef>
#include <string_view>
#include <utility>

#include <unistd.h>

namespace vanban {

// Owns a file descriptor (or none: -1) and closes it when destroyed or replaced.
class FileDescriptor {
 public:
  FileDescriptor() = default;
  explicit FileDescriptor(int fd) noexcept : fd_(fd) {}
  ~FileDescriptor() { reset(); }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  FileDescriptor(FileDescriptor&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  FileDescriptor& operator=(FileDescriptor&& other) noexcept {
    if (this != &other) reset(std::exchange(other.fd_, -1));
    return *this;
  }

  int get() const noexcept { return fd_; }
  bool valid() const noexcept { return fd_ >= 0; }

  // Closes the descriptor held (if any) and holds `fd` instead.
  void reset(int fd = -1) noexcept {
    if (fd_ >= 0 && fd_ != fd) (void)::close(fd_);
    fd_ = fd;
  }

  // Gives the descriptor up without closing it.
  int release() noexcept { return std::exchange(fd_, -1); }

  // Closes now: 0, or the errno close() reported (a delayed write error, EIO, ENOSPC, EDQUOT).
  // Not retried on EINTR: Linux has released the descriptor by then, and a retry could close
  // one another thread just opened.
  int close() noexcept {
    if (fd_ < 0) return 0;
    const int result = ::close(std::exchange(fd_, -1));
    return result == 0 ? 0 : errno;
  }

 private:
  int fd_ = -1;
};

// Writes all of `bytes` to `fd`, going on after a short write and after a write interrupted by
// a signal (EINTR). 0 once everything is written; else the errno of the write that failed
// (EIO for a write that wrote nothing and reported no error), what was written before it
// staying written.
inline int write_all(int fd, std::string_view bytes) noexcept {
  while (!bytes.empty()) {
    const ssize_t wrote = ::write(fd, bytes.data(), bytes.size());
    if (wrote < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    if (wrote == 0) return EIO;
    bytes.remove_prefix(static_cast<std::size_t>(wrote));
  }
  return 0;
}

}  // namespace vanban
