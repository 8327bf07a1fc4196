#include "vanban/archive/db_dir.hpp"

#include <cstdlib>

namespace vanban::archive {

std::filesystem::path default_db_dir() {
  const char* from_environment = std::getenv("VANBAN_DB");  // NOLINT(concurrency-mt-unsafe)
  if (from_environment != nullptr && *from_environment != '\0') return from_environment;
  return "vanban-data";
}

std::filesystem::path xapian_dir(const std::filesystem::path& db_dir) {
  return db_dir / "xapian";
}

std::filesystem::path originals_dir(const std::filesystem::path& db_dir) {
  return db_dir / "originals";
}

}  // namespace vanban::archive
