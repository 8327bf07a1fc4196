// Pins a revision of an archive for a backup. A writer holds <db>/snapshot.lock exclusively
// while it commits and drops the originals its commit released; a backup that lost its
// snapshot to a commit takes it shared, so no commit overtakes the copy that follows. Readers
// never take it: searches are not held up by a backup.
#pragma once

#include <filesystem>
#include <optional>

#include "vanban/common/result.hpp"

#include "durable_files.hpp"

namespace vanban::archive {

class SnapshotLock {
 public:
  enum class Mode { shared, exclusive };

  // Blocks until granted. nullopt when the archive folder cannot hold the lock file (read-only
  // archive: no writer can commit there either, so nothing needs pinning).
  static Result<std::optional<SnapshotLock>> acquire(const std::filesystem::path& db_dir,
                                                     Mode mode);

  SnapshotLock(SnapshotLock&&) noexcept = default;
  SnapshotLock& operator=(SnapshotLock&&) noexcept = default;
  ~SnapshotLock() = default;  // closing the descriptor releases the lock

 private:
  explicit SnapshotLock(FileDescriptor fd) : fd_(std::move(fd)) {}
  FileDescriptor fd_;
};

}  // namespace vanban::archive
