// Writing files so that a crash never leaves a half-written one under its final name: write a
// temp file beside the target, fsync it, rename it, fsync the directory. Shared by the store of
// originals and by backups.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>

#include "vanban/common/result.hpp"

namespace vanban::archive {

// Closes a file descriptor on scope exit.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor();
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  FileDescriptor(FileDescriptor&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  FileDescriptor& operator=(FileDescriptor&& other) noexcept;
  int get() const { return fd_; }
  // Closes now, reporting the error close() may carry (delayed write errors).
  int close();

 private:
  int fd_;
};

Error io_error(const std::string& what, const std::filesystem::path& path, int error_number);

Status write_all(int fd, std::string_view bytes, const std::filesystem::path& path);

// fsync of a directory makes a rename inside it durable.
Status sync_directory(const std::filesystem::path& directory);

// fsync of every file and folder under `root` (and of root itself).
Status sync_tree(const std::filesystem::path& root);

// Copies `from` to `to` through a temp file in to's folder (created if needed), synced and
// renamed, reading a bounded buffer at a time. Returns the sha256 hex of the bytes copied.
// not_found when `from` does not exist.
Result<std::string> copy_file_durably(const std::filesystem::path& from,
                                      const std::filesystem::path& to);

// Lower-case hex of a digest.
std::string hex_digest(const unsigned char* digest, unsigned int length);

// A random decimal suffix for temp names.
std::string random_suffix();

}  // namespace vanban::archive
