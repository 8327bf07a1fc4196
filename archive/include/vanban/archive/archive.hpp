// One archive on disk, and the one way into it. Its directory holds the index and the
// originals; how they are laid out, and that the index is Xapian, is the archive's business:
// writers, searchers and checks are opened here, and no other module sees a path inside it.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <vector>

#include "vanban/archive/backup.hpp"
#include "vanban/archive/check.hpp"
#include "vanban/archive/searcher.hpp"
#include "vanban/archive/writer.hpp"
#include "vanban/common/result.hpp"

namespace CLI {
class App;
}

namespace vanban::archive {

// How a searcher over shards waits for a remote one (docs/SCALING.md).
struct ShardOptions {
  // For a connection and for each reply of a remote shard: past it, the shard counts as down
  // and the answer is partial.
  std::chrono::milliseconds timeout{2000};
  // How often a searcher missing a shard tries it again (at its reopen).
  std::chrono::milliseconds retry_interval{1000};
};

class Archive {
 public:
  explicit Archive(std::filesystem::path dir) : dir_(std::move(dir)) {}

  // $VANBAN_DB when set and not empty, else ./vanban-data.
  static std::filesystem::path default_dir();

  const std::filesystem::path& dir() const { return dir_; }

  // Whether anything was ever indexed here (a first `vanban index` creates the index).
  bool indexed() const;

  // Makes this a sharded archive of `count` shards (docs/SCALING.md), or checks that it is
  // one: an archive already indexed without shards, or with another count, is an error. Its
  // writer, searchers, check and walk then cover every shard.
  Status use_shards(std::size_t count) const;
  // The folders of its shards (each an archive of its own); empty when it is not sharded.
  std::vector<std::filesystem::path> shards() const;

  // The one writer (creating the archive if needed). A second writer on the same archive gets
  // an ErrorKind::io error that says it is locked.
  Result<std::unique_ptr<ArchiveWriter>> open_writer(const WriterOptions& options = {}) const;

  // A reader. Before anything is indexed it answers with empty results. Searchers of one
  // archive may share a FacetCache (the server's pool does): the facet columns are then read
  // once per commit, not once per thread. Without one, each has its own.
  Result<std::unique_ptr<Searcher>> open_searcher(
      std::shared_ptr<FacetCache> facet_cache = nullptr) const;

  // A reader of several shards as one archive: each spec a local archive folder (a sharded
  // one stands for all its shards) or tcp://HOST:PORT of an xapian-tcpsrv serving a shard's
  // index (`xapian-tcpsrv --port PORT SHARD/xapian`). `originals`: archive folders, sharded or
  // not, whose stores hold the originals of remote shards (local shards bring their own).
  // invalid_argument for a spec that is neither; a shard that is down is not an error here
  // (answers are partial until it returns).
  static Result<std::unique_ptr<Searcher>> open_shards(
      const std::vector<std::string>& specs, const std::vector<std::filesystem::path>& originals,
      const ShardOptions& options = {});

  // Re-hashes the original of every indexed document. Opens the index read-only, so it can run
  // beside a writer (it then sees the writer's last commit). not_found when nothing is indexed.
  Result<CheckReport> check() const;

  // Calls `visit` with every document (its record without text, and the file of its original)
  // in the index's order, one at a time, beside a running writer: a commit during the walk
  // resumes it after the last document visited. Stops at the first error `visit` returns.
  // not_found when nothing is indexed.
  Status for_each_document(const std::function<Status(const StoredOriginal&)>& visit) const;

  // Copies the archive into `destination` (a new folder) as one consistent revision: the
  // index compacted from a snapshot, then exactly the originals that revision refers to, each
  // re-hashed. Safe beside a running server and writer: a commit that removes an original
  // before it is copied makes it take a newer snapshot. The copy appears under its name only
  // once complete and durable; it is itself an archive (`vanban check --db DEST` reads it).
  Result<BackupReport> backup(const std::filesystem::path& destination) const;

  // Fills this archive's directory, which must not hold an archive yet, from a backup made by
  // backup(), after checking the backup. The archive appears only once complete and durable.
  Result<BackupReport> restore_from(const std::filesystem::path& backup) const;

  // Rewrites the index compacted and swaps it in (ArchiveWriter::compact()), as the one
  // writer: an ErrorKind::io error says it is locked while another writer runs. Searchers and
  // backups running meanwhile go on, then read the new index. not_found when nothing is
  // indexed.
  Result<CompactReport> compact() const;

 private:
  std::filesystem::path dir_;
};

// The `--db DIR` option of a subcommand, defaulting to Archive::default_dir().
void add_db_option(CLI::App& command, std::string& db_dir);

}  // namespace vanban::archive
