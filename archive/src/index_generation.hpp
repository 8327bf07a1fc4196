// Where an archive's Xapian database lies, and how it is replaced by a compacted copy without
// a reader ever opening half of one (archive/SCHEMA.md, "Compaction").
//
// `<db>/xapian` is either the database's own folder (an archive never compacted, a backup, a
// restore) or a Xapian stub file naming a generation folder beside it ("glass xapian-N"). A
// compaction writes generation N+1 from the writer's committed revision while it holds the
// writer lock of generation N, makes it durable, then replaces the stub in one rename (the
// plain folder is exchanged with the stub by renameat2) and only then removes generation N.
//
// Readers open a generation's folder directly and read the location again afterwards: the
// generation removed while they opened it (a table missing, which Xapian takes for an empty
// one) is always one the stub no longer names, so an open that saw the same location before and
// after saw one whole database. Generation numbers only grow, so equal names mean no swap.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include <xapian.h>

#include "vanban/common/result.hpp"

namespace vanban::archive {

struct IndexLocation {
  std::filesystem::path path;    // the folder holding the glass database
  std::uint64_t generation = 0;  // 0: the plain `<db>/xapian` folder
  std::uint64_t inode = 0;       // of that folder (a plain folder replaced under the same name)
  bool operator==(const IndexLocation&) const = default;
};

// The database as the archive names it now; nullopt when nothing was ever indexed.
Result<std::optional<IndexLocation>> locate_index(const std::filesystem::path& db_dir);

// The folder of generation `generation` (1, 2, ...), beside the stub.
std::filesystem::path generation_dir(const std::filesystem::path& db_dir, std::uint64_t generation);

// Whether `<db>/xapian` exists at all (a folder or a stub): something was indexed.
bool index_exists(const std::filesystem::path& db_dir);

// A reader's handle on the current database, opened as the header says. Throws what Xapian
// throws (DatabaseNotFoundError when nothing is indexed).
struct OpenedIndex {
  Xapian::Database database;
  IndexLocation location;
};
OpenedIndex open_index(const std::filesystem::path& db_dir);

// The writer's handle: the current generation's lock held and the stub checked after taking
// it (a compaction that swapped meanwhile released the lock only after the swap). Creates the
// plain folder when nothing is indexed.
struct WritableIndex {
  Xapian::WritableDatabase database;
  IndexLocation location;
};
WritableIndex open_writable_index(const std::filesystem::path& db_dir);

// Removes what a compaction killed midway left: generation folders the stub does not name and
// the stub's temporary names. Only for the holder of the current generation's writer lock.
void remove_stale_generations(const std::filesystem::path& db_dir, const IndexLocation& current);

// What the compacted copy of `database` (the writer's, with nothing uncommitted) replaced.
struct SwapOutcome {
  IndexLocation location;          // the new generation
  std::uint64_t bytes_before = 0;  // the old generation's files
  std::uint64_t bytes_after = 0;   // the new one's
};

// Compacts `database` (the writable handle on `current`, everything committed) into the next
// generation and swaps it in. Returns the writable handle on the new generation (its lock
// taken before the swap, so no other writer can slip in between) with the outcome; the old
// handle must not write again. On an error the archive is as it was (a partial generation
// folder is removed by the next writer).
struct Compacted {
  WritableIndex index;
  SwapOutcome outcome;
};
Result<Compacted> compact_and_swap(const std::filesystem::path& db_dir,
                                   Xapian::WritableDatabase& database,
                                   const IndexLocation& current);

// The size `location` would have compacted, estimated from its last compaction's note (the
// bytes it made, scaled by the documents' total length now against then); nullopt for a plain
// folder or a generation without a note.
std::optional<std::uint64_t> compacted_estimate(const IndexLocation& location,
                                                std::uint64_t total_length);

// Bytes of the files of a database folder.
std::uint64_t folder_bytes(const std::filesystem::path& folder);

}  // namespace vanban::archive
