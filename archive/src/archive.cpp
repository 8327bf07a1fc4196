#include "vanban/archive/archive.hpp"

#include <cstdlib>

#include "backends.hpp"
#include "disk_layout.hpp"

namespace vanban::archive {

std::filesystem::path Archive::default_dir() {
  const char* from_environment = std::getenv("VANBAN_DB");  // NOLINT(concurrency-mt-unsafe)
  if (from_environment != nullptr && *from_environment != '\0') return from_environment;
  return "vanban-data";
}

bool Archive::indexed() const {
  std::error_code error;
  return std::filesystem::is_directory(xapian_dir(dir_), error);
}

Result<std::unique_ptr<ArchiveWriter>> Archive::open_writer(const WriterOptions& options) const {
  return open_xapian_writer(dir_, options);
}

Result<std::unique_ptr<Searcher>> Archive::open_searcher(
    std::shared_ptr<FacetCache> facet_cache) const {
  return open_xapian_searcher(dir_, std::move(facet_cache));
}

Result<CheckReport> Archive::check() const {
  return check_archive(dir_);
}

Status Archive::for_each_document(const std::function<Status(const StoredOriginal&)>& visit) const {
  return visit_documents(dir_, visit);
}

Result<BackupReport> Archive::backup(const std::filesystem::path& destination) const {
  return backup_archive(dir_, destination);
}

Result<BackupReport> Archive::restore_from(const std::filesystem::path& backup) const {
  return restore_archive(backup, dir_);
}

}  // namespace vanban::archive
