// Changes under folders, from inotify: which files were written, moved in or removed, and when
// the folders have been quiet long enough for a file being written to be whole.
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <utility>
#include <vector>

#include "vanban/common/file_descriptor.hpp"
#include "vanban/common/result.hpp"

namespace vanban::indexer::detail {

class FolderWatch {
 public:
  // Watches every folder under `roots` (and folders created later). `stop_fd`, when readable,
  // ends wait_for_quiet() (a signalfd).
  static Result<FolderWatch> open(const std::vector<std::filesystem::path>& roots, int stop_fd);
  FolderWatch(FolderWatch&& other) noexcept = default;
  FolderWatch& operator=(FolderWatch&&) = delete;
  FolderWatch(const FolderWatch&) = delete;
  ~FolderWatch() = default;

  // Blocks until something changed and then nothing more for `quiet` (a file still being
  // written keeps changing), or until stop_fd is readable. True when there are changes, false
  // when asked to stop.
  bool wait_for_quiet(std::chrono::milliseconds quiet);

 private:
  FolderWatch(FileDescriptor inotify, int stop_fd) : fd_(std::move(inotify)), stop_fd_(stop_fd) {}
  void add_tree(const std::filesystem::path& folder);
  // Reads the pending events; true when one concerns a file or folder.
  bool drain();

  FileDescriptor fd_;
  int stop_fd_;
  std::map<int, std::filesystem::path> folders_;  // watch descriptor → folder
};

}  // namespace vanban::indexer::detail
