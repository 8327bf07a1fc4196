#include "disk_layout.hpp"

namespace vanban::archive {

std::filesystem::path xapian_dir(const std::filesystem::path& db_dir) {
  return db_dir / "xapian";
}

std::filesystem::path originals_dir(const std::filesystem::path& db_dir) {
  return db_dir / "originals";
}

std::filesystem::path texts_dir(const std::filesystem::path& db_dir) {
  return db_dir / "texts";
}

std::filesystem::path snapshot_lock_path(const std::filesystem::path& db_dir) {
  return db_dir / "snapshot.lock";
}

std::filesystem::path reader_lock_path(const std::filesystem::path& db_dir, unsigned parity) {
  return db_dir / (parity % 2 == 0 ? "readers-0.lock" : "readers-1.lock");
}

}  // namespace vanban::archive
