// Keeping an archive in step with folders: `vanban watch` and `vanban serve --watch`.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <vector>

#include "vanban/common/result.hpp"
#include "vanban/indexer/writer_slot.hpp"

namespace vanban::indexer {

struct WatchOptions {
  std::filesystem::path db_dir;
  std::vector<std::filesystem::path> folders;
  bool prune = false;
  // Quiet time after a change before a pass: a file still being written keeps changing.
  std::chrono::milliseconds settle{2000};
  std::uint64_t max_bytes = std::uint64_t{100} * 1024 * 1024;  // largest file read
  // The writer to take turns on with the process's other writing tasks (`serve`'s uploads);
  // null: the watch opens its own.
  std::shared_ptr<WriterSlot> writer;
};

// One pass of ingest over the folders, then another each time they changed and stayed quiet
// for `settle`, until `stop_fd` becomes readable (a pass in progress finishes and commits).
// Each pass with news prints the summary of `vanban index` (per-file errors on stdout). An
// error when the archive cannot be opened or written (the watch then stops).
Status watch_folders(const WatchOptions& options, int stop_fd);

}  // namespace vanban::indexer
