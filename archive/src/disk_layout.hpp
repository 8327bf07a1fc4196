// Where the parts of an archive live inside its directory. One directory holds everything, so
// an archive is copied, backed up or moved as one folder. Only the archive module knows this.
#pragma once

#include <filesystem>

namespace vanban::archive {

// <db>/xapian: the Xapian database (one shard; readers may combine several archives).
std::filesystem::path xapian_dir(const std::filesystem::path& db_dir);

// <db>/originals: the content-addressed originals (BlobStore root).
std::filesystem::path originals_dir(const std::filesystem::path& db_dir);

// <db>/texts: the documents' reading texts, zlib-compressed and content-addressed (BlobStore
// root; stored_text.hpp).
std::filesystem::path texts_dir(const std::filesystem::path& db_dir);

// <db>/snapshot.lock: held by a writer while it commits, by a backup to pin a revision.
std::filesystem::path snapshot_lock_path(const std::filesystem::path& db_dir);

// <db>/readers-0.lock, <db>/readers-1.lock: held shared by readers of an even or odd revision,
// taken exclusively for a moment by the writer after a commit (reader_pin.hpp).
std::filesystem::path reader_lock_path(const std::filesystem::path& db_dir, unsigned parity);

}  // namespace vanban::archive
