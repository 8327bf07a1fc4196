// Where an archive lives on disk. One directory holds everything: the Xapian database and the
// originals, so an archive is copied, backed up or moved as one folder.
#pragma once

#include <filesystem>

namespace vanban::archive {

// $VANBAN_DB when set and not empty, else ./vanban-data (architecture.md).
std::filesystem::path default_db_dir();

// <db>/xapian: the Xapian database (one shard; readers may combine several archives).
std::filesystem::path xapian_dir(const std::filesystem::path& db_dir);

// <db>/originals: the content-addressed originals (BlobStore root).
std::filesystem::path originals_dir(const std::filesystem::path& db_dir);

}  // namespace vanban::archive
