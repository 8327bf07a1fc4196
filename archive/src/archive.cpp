#include "vanban/archive/archive.hpp"

#include <charconv>
#include <cstdlib>

#include "backends.hpp"
#include "disk_layout.hpp"
#include "index_generation.hpp"
#include "shard_layout.hpp"

namespace vanban::archive {
namespace {

Error sharded_unsupported(const std::filesystem::path& dir, const std::string& what) {
  return make_error(ErrorKind::invalid_argument,
                    what + " of a sharded archive: run it on each shard (" +
                        shard_dir(dir, 0).string() + ", ...)",
                    "Kho " + dir.string() +
                        " có nhiều phân đoạn: hãy chạy lệnh cho từng phân đoạn (" +
                        shard_dir(dir, 0).string() + ", ...).");
}

}  // namespace

std::filesystem::path Archive::default_dir() {
  const char* from_environment = std::getenv("VANBAN_DB");  // NOLINT(concurrency-mt-unsafe)
  if (from_environment != nullptr && *from_environment != '\0') return from_environment;
  return "vanban-data";
}

bool Archive::indexed() const {
  for (const std::filesystem::path& shard : shards())
    if (index_exists(shard)) return true;
  return index_exists(dir_);
}

Status Archive::use_shards(std::size_t count) const {
  return make_sharded(dir_, count);
}

std::vector<std::filesystem::path> Archive::shards() const {
  const auto count = read_shard_count(dir_);
  if (!count || !*count) return {};
  return shard_dirs(dir_, **count);
}

Result<std::unique_ptr<ArchiveWriter>> Archive::open_writer(const WriterOptions& options) const {
  const auto count = read_shard_count(dir_);
  if (!count) return count.error();
  if (*count) return open_sharded_writer(dir_, **count, options);
  return open_xapian_writer(dir_, options);
}

Result<std::unique_ptr<Searcher>> Archive::open_searcher(
    std::shared_ptr<FacetCache> facet_cache) const {
  const auto count = read_shard_count(dir_);
  if (!count) return count.error();
  if (*count) {
    std::vector<ShardLocation> shards;
    for (const std::filesystem::path& shard : shard_dirs(dir_, **count))
      shards.push_back(ShardLocation::local(shard));
    return open_sharded_searcher(std::move(shards), {}, ShardOptions{});
  }
  return open_xapian_searcher(dir_, std::move(facet_cache));
}

Result<std::unique_ptr<Searcher>> Archive::open_shards(
    const std::vector<std::string>& specs, const std::vector<std::filesystem::path>& originals,
    const ShardOptions& options) {
  std::vector<ShardLocation> shards;
  for (const std::string& spec : specs) {
    if (spec.starts_with("tcp://")) {
      const std::string address = spec.substr(6);
      const auto colon = address.rfind(':');
      unsigned port = 0;
      const char* digits = address.data() + (colon == std::string::npos ? 0 : colon + 1);
      const auto [end, error] = std::from_chars(digits, address.data() + address.size(), port);
      if (colon == std::string::npos || colon == 0 || error != std::errc() ||
          end != address.data() + address.size() || port == 0 || port > 65535) {
        return make_error(ErrorKind::invalid_argument, "bad shard address " + spec,
                          "Địa chỉ phân đoạn không hợp lệ: " + spec + " (dạng tcp://máy:cổng).");
      }
      shards.push_back({spec, {}, address.substr(0, colon), port});
      continue;
    }
    const Archive local(spec);
    if (const auto count = read_shard_count(spec); !count) {
      return count.error();
    } else if (*count) {
      for (const std::filesystem::path& shard : shard_dirs(spec, **count))
        shards.push_back(ShardLocation::local(shard));
    } else if (local.indexed()) {
      shards.push_back(ShardLocation::local(spec));
    } else {
      return make_error(ErrorKind::invalid_argument, "no archive at " + spec,
                        "Không có kho văn bản tại " + spec + ".");
    }
  }
  std::vector<std::filesystem::path> stores;
  for (const std::filesystem::path& dir : originals) {
    const std::vector<std::filesystem::path> inner = Archive(dir).shards();
    if (inner.empty()) stores.push_back(dir);
    stores.insert(stores.end(), inner.begin(), inner.end());
  }
  return open_sharded_searcher(std::move(shards), std::move(stores), options);
}

Result<CheckReport> Archive::check() const {
  const auto count = read_shard_count(dir_);
  if (!count) return count.error();
  if (!*count) return check_archive(dir_);
  if (!indexed()) return check_archive(dir_);  // its not_found
  CheckReport total;
  for (const std::filesystem::path& shard : shard_dirs(dir_, **count)) {
    auto report = check_archive(shard);
    if (!report) {
      if (report.error().kind == ErrorKind::not_found) continue;  // a shard nothing went to yet
      return report.error();
    }
    total.documents += report->documents;
    total.orphans += report->orphans;
    total.text_orphans += report->text_orphans;
    for (CheckProblem& problem : report->problems) {
      problem.message = shard.filename().string() + ": " + problem.message;
      total.problems.push_back(std::move(problem));
    }
  }
  return total;
}

Status Archive::for_each_document(const std::function<Status(const StoredOriginal&)>& visit) const {
  const auto count = read_shard_count(dir_);
  if (!count) return count.error();
  if (!*count) return visit_documents(dir_, visit);
  bool any = false;
  for (const std::filesystem::path& shard : shard_dirs(dir_, **count)) {
    Status visited = visit_documents(shard, visit);
    if (!visited && visited.error().kind == ErrorKind::not_found) continue;
    if (!visited) return visited;
    any = true;
  }
  if (!any) return visit_documents(dir_, visit);  // its not_found
  return Status::success();
}

Result<BackupReport> Archive::backup(const std::filesystem::path& destination) const {
  if (!shards().empty()) return sharded_unsupported(dir_, "backup");
  return backup_archive(dir_, destination);
}

Result<CompactReport> Archive::compact() const {
  if (!indexed())
    return make_error(ErrorKind::not_found, "no archive at " + dir_.string(),
                      "Không có kho văn bản tại " + dir_.string());
  auto writer = open_writer();
  if (!writer) return writer.error();
  Result<CompactReport> report = (*writer)->compact();
  if (Status closed = (*writer)->close(); !closed && report) return closed.error();
  return report;
}

Result<BackupReport> Archive::restore_from(const std::filesystem::path& backup) const {
  if (!shards().empty()) return sharded_unsupported(dir_, "restore");
  return restore_archive(backup, dir_);
}

}  // namespace vanban::archive
