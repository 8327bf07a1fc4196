#include "index_generation.hpp"

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "disk_layout.hpp"
#include "durable_files.hpp"
#include "snapshot_lock.hpp"

namespace vanban::archive {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kGenerationPrefix = "xapian-";
constexpr std::string_view kStubBackend = "glass ";
// In a generation's folder, beside Xapian's files: "BYTES TOTAL_LENGTH", what its compaction
// made (compacted_estimate()).
constexpr std::string_view kNote = "vanban-compacted";
// A reader that lost every race to this many swaps in a row is told the error it met.
constexpr int kOpenAttempts = 8;

// `<db>/xapian.next`: the stub being written, or after the exchange the plain folder it
// replaced (removed next).
fs::path next_stub_path(const fs::path& db_dir) {
  return db_dir / "xapian.next";
}

std::optional<std::uint64_t> generation_of(std::string_view name) {
  if (!name.starts_with(kGenerationPrefix)) return std::nullopt;
  name.remove_prefix(kGenerationPrefix.size());
  std::uint64_t generation = 0;
  const auto [end, error] = std::from_chars(name.data(), name.data() + name.size(), generation);
  if (error != std::errc() || end != name.data() + name.size() || generation == 0)
    return std::nullopt;
  return generation;
}

Error swap_error(const std::string& what, const fs::path& path, int error_number) {
  Error error = io_error(what, path, error_number);
  error.user_message = "Không thay được chỉ mục đã thu gọn vào kho (" + path.string() +
                       "): kho giữ nguyên chỉ mục cũ.";
  return error;
}

}  // namespace

fs::path generation_dir(const fs::path& db_dir, std::uint64_t generation) {
  return db_dir / (std::string(kGenerationPrefix) + std::to_string(generation));
}

bool index_exists(const fs::path& db_dir) {
  struct stat status {};
  return ::lstat(xapian_dir(db_dir).c_str(), &status) == 0;
}

Result<std::optional<IndexLocation>> locate_index(const fs::path& db_dir) {
  const fs::path stub = xapian_dir(db_dir);
  struct stat status {};
  if (::lstat(stub.c_str(), &status) != 0) {
    if (errno == ENOENT) return std::optional<IndexLocation>();
    return io_error("cannot read", stub, errno);
  }
  if (S_ISDIR(status.st_mode))
    return std::optional<IndexLocation>(IndexLocation{stub, 0, status.st_ino});
  std::ifstream in(stub);
  std::string line;
  if (!in || !std::getline(in, line) || !line.starts_with(kStubBackend)) {
    return make_error(ErrorKind::io, "not an index stub: " + stub.string(),
                      "Tệp " + stub.string() + " của kho bị hỏng.");
  }
  const std::string name = line.substr(kStubBackend.size());
  const std::optional<std::uint64_t> generation = generation_of(name);
  if (!generation) {
    return make_error(ErrorKind::io, "the index stub " + stub.string() + " names " + name,
                      "Tệp " + stub.string() + " của kho bị hỏng.");
  }
  return std::optional<IndexLocation>(
      IndexLocation{generation_dir(db_dir, *generation), *generation, 0});
}

namespace {

// Opens the index where the stub points, again when a compaction swaps generations meanwhile:
// `open(location)` gives the opened index, or nothing when the stub moved while it opened; a
// Xapian error thrown while the stub moved is a swap too (the old generation was removed), any
// other is real. A lock held by a writer is never a swap.
template <typename Open>
auto open_unswapped(const fs::path& db_dir, Open open)
    -> std::remove_reference_t<decltype(*open(std::optional<IndexLocation>{}))> {
  for (int attempt = 1;; ++attempt) {
    const auto before = locate_index(db_dir);
    if (!before) throw Xapian::DatabaseOpeningError(before.error().message);
    try {
      if (auto opened = open(*before)) return std::move(*opened);
    } catch (const Xapian::DatabaseLockError&) {
      throw;
    } catch (const Xapian::DatabaseError&) {
      const auto after = locate_index(db_dir);
      if (attempt >= kOpenAttempts || !after || *after == *before) throw;
    }
    if (attempt >= kOpenAttempts)
      throw Xapian::DatabaseOpeningError("the index of " + db_dir.string() +
                                         " was swapped under every attempt to open it");
  }
}

}  // namespace

OpenedIndex open_index(const fs::path& db_dir) {
  return open_unswapped(db_dir, [&](const std::optional<IndexLocation>& before) {
    if (!before) throw Xapian::DatabaseNotFoundError("no index in " + db_dir.string());
    Xapian::Database database(before->path.string(), Xapian::DB_BACKEND_GLASS);
    const auto after = locate_index(db_dir);
    return after && *after == before ? std::optional<OpenedIndex>({std::move(database), *before})
                                     : std::nullopt;
  });
}

WritableIndex open_writable_index(const fs::path& db_dir) {
  return open_unswapped(db_dir, [&](const std::optional<IndexLocation>& before) {
    const fs::path path = before ? before->path : xapian_dir(db_dir);
    Xapian::WritableDatabase database(
        path.string(),
        (before ? Xapian::DB_OPEN : Xapian::DB_CREATE_OR_OPEN) | Xapian::DB_BACKEND_GLASS);
    // The lock is ours now: a compaction of this generation, had it begun, would still hold it,
    // so the stub names this generation unless one swapped before we took it.
    const auto after = locate_index(db_dir);
    return after && *after && (!before || **after == *before)
               ? std::optional<WritableIndex>({std::move(database), **after})
               : std::nullopt;
  });
}

void remove_stale_generations(const fs::path& db_dir, const IndexLocation& current) {
  std::error_code error;
  for (const fs::directory_entry& entry : fs::directory_iterator(db_dir, error)) {
    const std::string name = entry.path().filename().string();
    const std::optional<std::uint64_t> generation = generation_of(name);
    if ((generation && *generation != current.generation) || entry.path() == next_stub_path(db_dir))
      fs::remove_all(entry.path(), error);
  }
}

std::optional<std::uint64_t> compacted_estimate(const IndexLocation& location,
                                                std::uint64_t total_length) {
  if (location.generation == 0) return std::nullopt;
  std::ifstream in(location.path / kNote);
  std::uint64_t bytes = 0;
  std::uint64_t then = 0;
  if (!(in >> bytes >> then)) return std::nullopt;
  if (then == 0) return bytes;
  return static_cast<std::uint64_t>(static_cast<double>(bytes) * static_cast<double>(total_length) /
                                    static_cast<double>(then));
}

std::uint64_t folder_bytes(const fs::path& folder) {
  std::uint64_t bytes = 0;
  std::error_code error;
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(folder, error)) {
    if (entry.is_regular_file(error)) bytes += entry.file_size(error);
  }
  return bytes;
}

Result<Compacted> compact_and_swap(const fs::path& db_dir, Xapian::WritableDatabase& database,
                                   const IndexLocation& current) {
  remove_stale_generations(db_dir, current);
  const std::uint64_t generation = current.generation + 1;
  const fs::path target = generation_dir(db_dir, generation);
  try {
    // The writer's committed revision; the writer lock we hold keeps every other writer out,
    // so the copy cannot miss a commit. Document ids kept, as a backup keeps them.
    database.compact(target.string(), Xapian::DBCOMPACT_NO_RENUMBER);
  } catch (const Xapian::Error& error) {
    std::error_code ignored;
    fs::remove_all(target, ignored);
    return make_error(
        ErrorKind::io, "cannot compact " + current.path.string() + ": " + error.get_description(),
        "Không thu gọn được chỉ mục của kho " + db_dir.string() + ": " + error.get_description());
  }
  Compacted compacted;
  compacted.outcome.bytes_before = folder_bytes(current.path);
  compacted.outcome.bytes_after = folder_bytes(target);
  {
    const fs::path note = target / kNote;
    FileDescriptor fd(::open(note.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
    if (fd.get() < 0) return io_error("cannot create", note, errno);
    const std::string text = std::to_string(compacted.outcome.bytes_after) + " " +
                             std::to_string(database.get_total_length()) + "\n";
    if (const int failed = write_all(fd.get(), text)) return io_error("cannot write", note, failed);
    if (const int failed = fd.close()) return io_error("cannot close", note, failed);
  }
  // Durable before the stub names it: after a crash the stub names a whole database.
  if (Status synced = sync_tree(target); !synced.ok()) return synced.error();
  try {
    compacted.index.database =
        Xapian::WritableDatabase(target.string(), Xapian::DB_OPEN | Xapian::DB_BACKEND_GLASS);
  } catch (const Xapian::Error& error) {
    return make_error(ErrorKind::io, "cannot open the compacted " + target.string() + ": " +
                                         error.get_description());
  }
  compacted.index.location = {target, generation, 0};
  compacted.outcome.location = compacted.index.location;

  const fs::path next = next_stub_path(db_dir);
  {
    FileDescriptor fd(::open(next.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
    if (fd.get() < 0) return io_error("cannot create", next, errno);
    const std::string stub = std::string(kStubBackend) + target.filename().string() + "\n";
    if (const int failed = write_all(fd.get(), stub)) return io_error("cannot write", next, failed);
    if (::fsync(fd.get()) != 0) return io_error("cannot sync", next, errno);
    if (const int failed = fd.close()) return io_error("cannot close", next, failed);
  }
  // Held as a commit holds it: a backup pinning the old revision finishes its copy before
  // the old files go (readers never take it for long).
  const Result<std::optional<SnapshotLock>> pinned =
      SnapshotLock::acquire(db_dir, SnapshotLock::Mode::exclusive);
  if (!pinned.ok()) return pinned.error();
  const fs::path stub = xapian_dir(db_dir);
  if (current.generation == 0) {
    // A folder cannot be renamed over by a file: the two names are exchanged in one step.
    if (::renameat2(AT_FDCWD, next.c_str(), AT_FDCWD, stub.c_str(), RENAME_EXCHANGE) != 0)
      return swap_error("cannot exchange with", stub, errno);
  } else if (::rename(next.c_str(), stub.c_str()) != 0) {
    return swap_error("cannot rename onto", stub, errno);
  }
  if (Status synced = sync_directory(db_dir); !synced.ok()) return synced.error();
  // The old generation is no longer named; a kill before this leaves it for the next writer.
  std::error_code ignored;
  fs::remove_all(current.generation == 0 ? next : current.path, ignored);
  return compacted;
}

}  // namespace vanban::archive
