// Originals kept content-addressed: <db>/originals/ab/cdef...  (sha256 hex), written atomically
// (temp file, fsync, rename, fsync of the directory), so a stored original is always whole.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/archive/digest.hpp"
#include "vanban/common/result.hpp"

namespace vanban::archive {

class BlobStore {
 public:
  explicit BlobStore(std::filesystem::path root);

  // Stores the bytes under their sha256 and returns the hex digest; durable on return (file and
  // directory entries fsynced). A no-op when the same bytes are already stored; a stored file
  // whose bytes differ (cut short by a crash) is replaced.
  Result<std::string> put(std::string_view bytes);
  // The same, trusting the digest the original carries (hashed once, where it was read).
  Result<std::string> put(const Original& original);
  // Like put() (atomic: readers see the whole blob or none), but durable only after the next
  // sync(). For a writer that stores a batch of originals and syncs once before committing the
  // index that refers to them.
  Result<std::string> put_unsynced(const Original& original);
  // Makes every earlier put_unsynced() durable (syncfs of the store's file system).
  Status sync();
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
  enum class Durability { now, at_sync };
  Result<std::string> store(std::string_view bytes, const std::string& sha, Durability durability);
  bool holds_exactly(std::string_view sha256, std::string_view bytes) const;

  std::filesystem::path root_;
};

}  // namespace vanban::archive
