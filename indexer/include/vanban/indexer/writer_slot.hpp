// One archive writer shared by the tasks of one process that write to the same archive
// (`serve --watch` and uploads): Xapian allows one writer per archive, so instead of locking
// each other out they take turns on the same writer.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>

#include "vanban/archive/writer.hpp"
#include "vanban/common/result.hpp"

namespace vanban::indexer {

class WriterSlot {
 public:
  explicit WriterSlot(std::filesystem::path db_dir) : db_dir_(std::move(db_dir)) {}

  // Runs `work` with the writer, holding it alone meanwhile (a second caller waits). The writer
  // is opened when none is; `keep_open` false closes it again after `work` when this call
  // opened it (an upload does not keep other processes from writing; a watch does, as it
  // always did). An error when the archive cannot be opened for writing.
  Status with_writer(const std::function<Status(archive::ArchiveWriter&)>& work,
                     bool keep_open = true);

 private:
  std::filesystem::path db_dir_;
  std::mutex mutex_;
  std::unique_ptr<archive::ArchiveWriter> writer_;
};

// The slots of a process, one per archive folder; owned by the program (app/main.cpp).
class WriterSlots {
 public:
  std::shared_ptr<WriterSlot> for_archive(const std::filesystem::path& db_dir);

 private:
  std::mutex mutex_;
  std::map<std::filesystem::path, std::shared_ptr<WriterSlot>> slots_;
};

}  // namespace vanban::indexer
