#include "reader_pin.hpp"

#include <cerrno>

#include <fcntl.h>
#include <sys/file.h>

#include "disk_layout.hpp"

namespace vanban::archive {
namespace {

// The lock file of `revision`'s parity, opened (made if need be); fd -1 with errno set when it
// cannot be.
FileDescriptor open_reader_lock(const std::filesystem::path& db_dir, Xapian::rev revision) {
  const std::filesystem::path path = reader_lock_path(db_dir, revision % 2);
  FileDescriptor fd(::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644));
  if (fd.get() < 0 && (errno == EROFS || errno == EACCES || errno == EPERM))
    fd = FileDescriptor(::open(path.c_str(), O_RDONLY | O_CLOEXEC));  // made by its writer
  return fd;
}

Status lock(const FileDescriptor& fd, int operation, const std::filesystem::path& path) {
  while (::flock(fd.get(), operation) != 0) {
    if (errno != EINTR) return io_error("cannot lock", path, errno);
  }
  return Status::success();
}

bool cannot_be_made(int error_number) {
  return error_number == EROFS || error_number == EACCES || error_number == EPERM ||
         error_number == ENOENT;
}

}  // namespace

Result<std::optional<ReaderPin>> ReaderPin::acquire(const std::filesystem::path& db_dir,
                                                    Xapian::rev revision) {
  FileDescriptor fd = open_reader_lock(db_dir, revision);
  const std::filesystem::path path = reader_lock_path(db_dir, revision % 2);
  if (fd.get() < 0) {
    if (cannot_be_made(errno)) return std::optional<ReaderPin>();
    return io_error("cannot open", path, errno);
  }
  if (Status locked = lock(fd, LOCK_SH, path); !locked.ok()) return locked.error();
  return std::optional<ReaderPin>(ReaderPin(std::move(fd)));
}

Result<PinnedIndex> open_pinned_index(const std::filesystem::path& db_dir) {
  PinnedIndex pinned{open_index(db_dir), std::nullopt};
  // Moved to the newest commit, or to the generation a compaction swapped in meanwhile.
  auto pin = pin_newest_revision(db_dir, pinned.index.database, [&] {
    pinned.index.database.reopen();
    if (const auto now = locate_index(db_dir); now.ok() && *now && **now != pinned.index.location)
      pinned.index = open_index(db_dir);
  });
  if (!pin.ok()) return pin.error();
  pinned.pin = std::move(*pin);
  return pinned;
}

Status wait_for_readers_behind(const std::filesystem::path& db_dir, Xapian::rev committed) {
  if (committed == 0) return Status::success();
  const Xapian::rev behind = committed - 1;
  const FileDescriptor fd = open_reader_lock(db_dir, behind);
  const std::filesystem::path path = reader_lock_path(db_dir, behind % 2);
  if (fd.get() < 0) {
    if (cannot_be_made(errno)) return Status::success();  // no reader can hold it either
    return io_error("cannot open", path, errno);
  }
  return lock(fd, LOCK_EX, path);  // released as the descriptor closes
}

}  // namespace vanban::archive
