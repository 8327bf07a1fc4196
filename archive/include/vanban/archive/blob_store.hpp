// Originals kept content-addressed: <db>/originals/ab/cdef...  (sha256 hex), written atomically
// (temp file, fsync, rename, fsync of the directory), so a stored original is always whole.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/common/result.hpp"

namespace vanban::archive {

// Lower-case hex sha256 of `bytes` (OpenSSL EVP). The one hash of the project's keys and blobs.
std::string sha256_hex(std::string_view bytes);

class BlobStore {
 public:
  explicit BlobStore(std::filesystem::path root);

  // Stores the bytes under their sha256 (a no-op when present) and returns the hex digest.
  Result<std::string> put(std::string_view bytes);
  bool contains(std::string_view sha256) const;
  std::filesystem::path path_of(std::string_view sha256) const;
  Result<std::string> get(std::string_view sha256) const;
  // Re-hashes the stored file: ok when present and intact.
  Status verify(std::string_view sha256) const;
  Status remove(std::string_view sha256);
  // Every stored digest (for orphan reports); temp files are not listed.
  Result<std::vector<std::string>> list() const;
  // Removes temp files left by a write that was killed. Only safe while no put() runs, i.e.
  // by the one writer (ArchiveWriter::open does it once it holds the database lock).
  std::size_t remove_temp_files();

 private:
  std::filesystem::path root_;
};

}  // namespace vanban::archive
