#include "snapshot_lock.hpp"

#include <cerrno>

#include <fcntl.h>
#include <sys/file.h>

#include "disk_layout.hpp"

namespace vanban::archive {

Result<std::optional<SnapshotLock>> SnapshotLock::acquire(const std::filesystem::path& db_dir,
                                                          Mode mode) {
  const std::filesystem::path path = snapshot_lock_path(db_dir);
  FileDescriptor fd(::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644));
  if (fd.get() < 0) {
    if (errno == EROFS || errno == EACCES || errno == EPERM) return std::optional<SnapshotLock>();
    return io_error("cannot open", path, errno);
  }
  const int operation = mode == Mode::shared ? LOCK_SH : LOCK_EX;
  while (::flock(fd.get(), operation) != 0) {
    if (errno != EINTR) return io_error("cannot lock", path, errno);
  }
  return std::optional<SnapshotLock>(SnapshotLock(std::move(fd)));
}

}  // namespace vanban::archive
