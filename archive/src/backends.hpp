// The Xapian-backed implementations behind Archive (archive.hpp), each given the archive's
// directory. Only Archive calls these; a sharded archive would change them, not their users.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>

#include "vanban/archive/archive.hpp"
#include "vanban/archive/backup.hpp"
#include "vanban/archive/check.hpp"
#include "vanban/archive/searcher.hpp"
#include "vanban/archive/writer.hpp"
#include "vanban/common/result.hpp"

#include "two_phase_ranking.hpp"

namespace vanban::archive {

Result<std::unique_ptr<ArchiveWriter>> open_xapian_writer(const std::filesystem::path& db_dir,
                                                          const WriterOptions& options);
// The refusal of an archive whose documents a newer analysis version made (`state.newer`).
Error newer_archive_error(const std::filesystem::path& db_dir, const AnalysisState& state);

// One writer per shard of a sharded archive (shard_layout.hpp), routing by document id.
Result<std::unique_ptr<ArchiveWriter>> open_sharded_writer(const std::filesystem::path& db_dir,
                                                           std::size_t count,
                                                           const WriterOptions& options);

// `rerank_window`: how many documents the proximity bonuses rank again (two_phase_ranking.hpp);
// 0 ranks every candidate with them in one phase (what tests and benchmarks compare against).
Result<std::unique_ptr<Searcher>> open_xapian_searcher(const std::filesystem::path& db_dir,
                                                       std::shared_ptr<FacetCache> facet_cache,
                                                       std::size_t rerank_window = kRerankWindow);

// One shard of a searcher: a local archive folder, or a remote xapian-tcpsrv.
struct ShardLocation {
  std::string spec;           // as given, for messages
  std::filesystem::path dir;  // local: the archive folder (xapian/ and originals/ inside)
  std::string host;           // remote: not empty
  unsigned port = 0;
  static ShardLocation local(const std::filesystem::path& dir) {
    return {dir.string(), dir, {}, 0};
  }
  bool remote() const { return !host.empty(); }
};

// Several shards as one archive. `originals`: archive folders holding the remote shards'
// originals. Facets by match spies, date order by value, the rerank window by id terms: what
// every shard, remote included, can run (docs/SCALING.md).
Result<std::unique_ptr<Searcher>> open_sharded_searcher(
    std::vector<ShardLocation> shards, std::vector<std::filesystem::path> originals,
    const ShardOptions& options, std::size_t rerank_window = kRerankWindow);

Result<CheckReport> check_archive(const std::filesystem::path& db_dir);

Status visit_documents(const std::filesystem::path& db_dir,
                       const std::function<Status(const StoredOriginal&)>& visit);

Result<BackupReport> backup_archive(const std::filesystem::path& db_dir,
                                    const std::filesystem::path& destination);
Result<BackupReport> restore_archive(const std::filesystem::path& backup,
                                     const std::filesystem::path& db_dir);

}  // namespace vanban::archive
