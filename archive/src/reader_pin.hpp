// Keeps every reader of an archive at most one revision behind its writer while it reads: what
// Xapian's glass backend makes safe, and no more (docs/RELIABILITY.md, "A reader two
// revisions behind").
//
// Glass writes a revision copy-on-write: the blocks a commit replaces go on the free list and
// are reused once the revision after it is being written. A reader at revision R is therefore
// untouched while the writer writes R+1; once the writer has committed R+1 and writes on, the
// blocks of R are overwritten under the reader. Xapian detects that from the revision number in
// each block's header (DatabaseModifiedError), but a read racing the write can see the old
// header over new contents (pread against a concurrent pwrite is not atomic on Linux), which
// nothing detects: the reader then walks garbage (an ASan run saw a read past a block's end).
//
// So a reader holds <db>/readers-(R mod 2).lock shared while it reads revision R, taken while R
// is still the newest commit (pin_newest_revision), and a writer, after committing revision N
// and before it writes anything more, takes <db>/readers-((N-1) mod 2).lock exclusively for a
// moment (wait_for_readers_behind): the readers still reading N-1 finish first. Readers of N
// hold the other file and are not waited for; readers of N-1 that come later see N is newer
// and pin that instead, so the writer waits for one search at most and is never starved, and
// readers never wait for a writer. Neither side holds the other's lock while it waits.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "vanban/common/result.hpp"

#include "durable_files.hpp"
#include "index_generation.hpp"

namespace vanban::archive {

// A reader's hold on one revision of an archive's index; released when destroyed.
class ReaderPin {
 public:
  // Holds the lock of `revision`'s parity shared, blocking while a writer passes through it.
  // nullopt when the lock file cannot be opened or made (a read-only archive, where no writer
  // commits either).
  static Result<std::optional<ReaderPin>> acquire(const std::filesystem::path& db_dir,
                                                  Xapian::rev revision);

 private:
  explicit ReaderPin(FileDescriptor fd) : fd_(std::move(fd)) {}
  FileDescriptor fd_;  // closing it releases the lock
};

// Pins the revision `database` reads, once it is the newest: `refresh` moves the database to
// the newest commit (reopen, or the database swapped in by a compaction); pinned, the database
// is refreshed again, and if that moved it, pinned anew. On return the database is at the
// revision held.
template <typename Refresh>
Result<std::optional<ReaderPin>> pin_newest_revision(const std::filesystem::path& db_dir,
                                                     Xapian::Database& database,
                                                     Refresh&& refresh) {
  for (;;) {
    const Xapian::rev revision = database.get_revision();
    const std::string uuid = database.get_uuid();
    auto pin = ReaderPin::acquire(db_dir, revision);
    if (!pin.ok() || !*pin) return pin;
    refresh();
    if (database.get_revision() == revision && database.get_uuid() == uuid) return pin;
  }
}

// Several databases read as one (the local shards of a sharded archive, each its own writer):
// each pinned as above. `databases()` lists what is read now, a (folder, handle) pair per local
// database (handles share their state with the combined database, so a refresh moves them);
// `refresh` moves them all to their newest commits. Empty when nothing is read locally.
template <typename Databases, typename Refresh>
Result<std::vector<ReaderPin>> pin_newest_revisions(Databases&& databases, Refresh&& refresh) {
  for (;;) {
    struct Read {
      std::filesystem::path dir;
      Xapian::rev revision;
      std::string uuid;
      bool operator==(const Read&) const = default;
    };
    const auto reads = [&databases] {
      std::vector<Read> read;
      for (const auto& [dir, database] : databases())
        read.push_back({dir, database.get_revision(), database.get_uuid()});
      return read;
    };
    const std::vector<Read> before = reads();
    std::vector<ReaderPin> pins;
    for (const Read& read : before) {
      auto pin = ReaderPin::acquire(read.dir, read.revision);
      if (!pin.ok()) return pin.error();
      if (*pin) pins.push_back(std::move(**pin));
    }
    refresh();
    if (reads() == before) return pins;
  }
}

// A reader's handle on an archive's current database at its newest commit, pinned there
// (throws what open_index throws). For the archive's one-off readers: check, backup, export.
struct PinnedIndex {
  OpenedIndex index;
  std::optional<ReaderPin> pin;
};
Result<PinnedIndex> open_pinned_index(const std::filesystem::path& db_dir);

// The writer's side: after committing `committed`, waits until no reader pinned the revision
// before it. Call it holding no other lock of the archive.
Status wait_for_readers_behind(const std::filesystem::path& db_dir, Xapian::rev committed);

}  // namespace vanban::archive
