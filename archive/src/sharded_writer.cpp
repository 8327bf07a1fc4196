// The writer of a sharded archive: one ArchiveWriter per shard, each document put into the
// shard its id picks (shard_of). A path is held by one document in one shard: when its content
// changes to bytes that belong elsewhere, the shard that held it lets it go first.
#include <algorithm>
#include <optional>
#include <set>
#include <thread>

#include "vanban/archive/digest.hpp"

#include "backends.hpp"
#include "shard_layout.hpp"

namespace vanban::archive {
namespace {

constexpr std::size_t kIdLength = 16;

class ShardedWriter final : public ArchiveWriter {
 public:
  explicit ShardedWriter(std::vector<std::unique_ptr<ArchiveWriter>> shards)
      : shards_(std::move(shards)) {}

  std::optional<SourceState> source(const std::string& path) const override {
    for (const auto& shard : shards_)
      if (auto state = shard->source(path)) return state;
    return std::nullopt;
  }

  std::vector<std::string> source_paths() const override {
    std::set<std::string> paths;
    for (const auto& shard : shards_)
      for (std::string& path : shard->source_paths())
        paths.insert(std::move(path));
    return {paths.begin(), paths.end()};
  }

  using ArchiveWriter::put;
  Result<PutOutcome> put(const std::string& path, const Original& original,
                         ArchivedDocument document) override {
    return routed(path, original,
                  [&](ArchiveWriter& shard) { return shard.put(path, original, document); });
  }

  Result<PutOutcome> put_prepared(const std::string& path, const Original& original,
                                  ArchivedDocument& document, PreparedText& free_text) override {
    return routed(path, original, [&](ArchiveWriter& shard) {
      return shard.put_prepared(path, original, document, free_text);
    });
  }

  // The shard put_prepared() routes the same content to; shards_ never changes, so this
  // stays thread-safe.
  void store_files(const Original& original, PreparedText& free_text) override {
    shards_[part_of(original)]->store_files(original, free_text);
  }

  Status remove_path(const std::string& path) override {
    bool held = false;
    for (const auto& shard : shards_) {
      if (!shard->source(path)) continue;
      held = true;
      if (Status removed = shard->remove_path(path); !removed) return removed;
    }
    return held ? Status::success() : shards_.front()->remove_path(path);  // its not_found
  }

  Status remove_document(const std::string& id) override {
    return shards_[shard_of(id, shards_.size())]->remove_document(id);
  }

  // Shard by shard, each atomic; every shard is tried even when one fails.
  Status commit() override {
    Status first_failure;
    for (const auto& shard : shards_)
      if (Status committed = shard->commit(); !committed && first_failure)
        first_failure = committed;
    return first_failure;
  }

  Status close() override {
    Status first_failure;
    for (const auto& shard : shards_)
      if (Status closed = shard->close(); !closed && first_failure) first_failure = closed;
    return first_failure;
  }

  Result<CompactReport> compact() override {
    return each([](ArchiveWriter& shard) { return shard.compact(); });
  }

  // Each shard by its own share: a shard is a database of its own.
  Result<CompactReport> compact_if_due() override {
    return each([](ArchiveWriter& shard) { return shard.compact_if_due(); });
  }

  std::uint64_t document_count() const override {
    std::uint64_t count = 0;
    for (const auto& shard : shards_)
      count += shard->document_count();
    return count;
  }

  AnalysisState analysis() const override {
    AnalysisState total;
    for (const auto& shard : shards_) {
      const AnalysisState state = shard->analysis();
      total.version = state.version;
      total.documents += state.documents;
      total.stale += state.stale;
      total.newer += state.newer;
      total.newest = std::max(total.newest, state.newest);
    }
    return total;
  }

  // The cursor holds the shard in its high 32 bits and the shard's own cursor (a docid) in
  // its low ones.
  std::vector<StaleDocument> stale_documents(std::uint64_t& cursor,
                                             std::size_t limit) const override {
    for (std::size_t shard = cursor >> 32; shard < shards_.size(); ++shard) {
      std::uint64_t local = cursor & 0xffffffffu;
      std::vector<StaleDocument> stale = shards_[shard]->stale_documents(local, limit);
      if (!stale.empty()) {
        cursor = (std::uint64_t{shard} << 32) | local;
        return stale;
      }
      cursor = std::uint64_t{shard + 1} << 32;
    }
    return {};
  }

  // Each shard is a database of its own: the indexer writes each on its own thread.
  std::size_t part_count() const override { return shards_.size(); }
  ArchiveWriter& part(std::size_t index) override { return *shards_.at(index); }
  std::size_t part_of(const Original& original) const override {
    return shard_of(original.sha256().substr(0, kIdLength), shards_.size());
  }

 private:
  // Each shard on its own thread: they are databases of their own, and a compaction is a
  // read and a write of the whole index, CPU-bound (zlib) as much as the disk's.
  template <typename Compact>
  Result<CompactReport> each(Compact&& compact) {
    std::vector<std::optional<Result<CompactReport>>> reports(shards_.size());
    const auto run = [&](std::size_t shard) {
      try {
        reports[shard] = compact(*shards_[shard]);
      } catch (const std::exception& error) {
        reports[shard] = Result<CompactReport>(
            make_error(ErrorKind::internal, std::string("cannot compact: ") + error.what()));
      }
    };
    {
      std::vector<std::jthread> threads;
      for (std::size_t shard = 1; shard < shards_.size(); ++shard)
        threads.emplace_back(run, shard);
      run(0);
    }  // joins
    CompactReport total;
    for (const auto& report : reports) {
      if (!*report) return report->error();
      total.compacted = total.compacted || (*report)->compacted;
      total.documents += (*report)->documents;
      total.written += (*report)->written;
      total.bytes_before += (*report)->bytes_before;
      total.bytes_after += (*report)->bytes_after;
    }
    return total;
  }

  template <typename Put>
  Result<PutOutcome> routed(const std::string& path, const Original& original, Put&& put) {
    const std::size_t target = part_of(original);
    bool moved = false;
    for (std::size_t shard = 0; shard < shards_.size(); ++shard) {
      if (shard == target || !shards_[shard]->source(path)) continue;
      if (Status removed = shards_[shard]->remove_path(path); !removed) return removed.error();
      moved = true;
    }
    Result<PutOutcome> outcome = put(*shards_[target]);
    // Taken off one shard and stored in another: the path's document changed.
    if (outcome && moved) return PutOutcome::updated;
    return outcome;
  }

  std::vector<std::unique_ptr<ArchiveWriter>> shards_;
};

}  // namespace

Result<std::unique_ptr<ArchiveWriter>> open_sharded_writer(const std::filesystem::path& db_dir,
                                                           std::size_t count,
                                                           const WriterOptions& options) {
  std::vector<std::unique_ptr<ArchiveWriter>> shards;
  for (const std::filesystem::path& dir : shard_dirs(db_dir, count)) {
    auto writer = open_xapian_writer(dir, options);
    if (!writer) return writer.error();
    shards.push_back(std::move(*writer));
  }
  return std::unique_ptr<ArchiveWriter>(std::make_unique<ShardedWriter>(std::move(shards)));
}

}  // namespace vanban::archive
