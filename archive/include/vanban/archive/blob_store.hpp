// Originals kept content-addressed: <db>/originals/ab/cdef...  (sha256 hex), written atomically
// (temp file, fsync, rename, fsync of the directory), so a stored original is always whole.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "vanban/common/result.hpp"

namespace vanban::archive {

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

 private:
  std::filesystem::path root_;
};

}  // namespace vanban::archive
