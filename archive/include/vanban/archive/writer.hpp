// The one writer of an archive (Xapian allows one WritableDatabase at a time; a second writer
// gets a clear io error). Adds, replaces and removes documents and keeps the originals.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "vanban/archive/analysis_version.hpp"
#include "vanban/archive/digest.hpp"
#include "vanban/archive/document.hpp"
#include "vanban/common/result.hpp"

namespace vanban::archive {

// What the archive knows of one source path.
struct SourceState {
  std::string document_id;
  std::string sha256;          // of the content indexed for this path
  std::string sidecar_sha256;  // of its sidecar metadata (ArchivedDocument::sidecar_sha256)
  // Analysed by the writer's analysis version (WriterOptions::analysis_version): else an
  // unchanged original and sidecar are analysed again all the same.
  bool analysis_current = false;
};

// A document an older analysis version made (ArchiveWriter::stale_documents): what it takes to
// analyse it again from its stored original.
struct StaleDocument {
  std::string id;
  std::vector<std::string> paths;  // as archived
  std::string filename;            // of its first path: the name its format is read by
  std::string sha256;              // of the original
  std::uint64_t size = 0;
  std::string sidecar_sha256;      // its sidecar's (not stored): empty when it had none
  std::filesystem::path original;  // the stored original's file
};

enum class PutOutcome { added, updated, unchanged };

struct WriterOptions {
  // Changes (put/remove calls that touched the index) after which the writer commits on its
  // own, so a long run keeps its progress if it is killed. The caller still calls commit().
  // Capped at 4000 so that Xapian never flushes on its own before the originals are synced.
  std::size_t batch_size = 200;
  // Re-index paths whose original and sidecar did not change (e.g. after the analyzers
  // improved): put() then never answers `unchanged`.
  bool reindex_unchanged = false;
  // The analysis version of the documents this writer writes (analysis_version.hpp). Opening
  // an archive holding documents of a newer version is refused. Tests write older archives
  // with it; everything else keeps the default.
  std::uint32_t analysis_version = kAnalysisVersion;
};

// A document's index entry made before the writer sees it, on the indexer's worker threads:
// the positional free-text terms (number, issuer, title, body), the costly part of indexing,
// and, when prepared for a path, everything else a document held under that one path gets
// (boolean terms, values, the stored data, its words for the spelling table). put_prepared()
// then leaves the one writing thread little but Xapian's own work. Opaque: what it is made of
// is the index's business.
class PreparedText {
 public:
  struct Terms;  // defined inside the archive
  explicit PreparedText(std::unique_ptr<Terms> terms);
  PreparedText(PreparedText&&) noexcept;
  PreparedText& operator=(PreparedText&&) noexcept;
  ~PreparedText();
  Terms& terms() { return *terms_; }

 private:
  std::unique_ptr<Terms> terms_;
};

// Thread-safe. The free-text terms only: they depend on the metadata and text alone.
PreparedText prepare_text(const ArchivedDocument& document);
// Thread-safe. The whole entry of `document` stored for `path` with these original bytes, as
// put_prepared() stores a document that `path` is the only path of (new content, changed
// content, a sidecar edited); when the archive holds the same content under other paths too,
// put_prepared() makes the entry again on the writer's thread.
PreparedText prepare_text(const ArchivedDocument& document, const std::string& path,
                          const Original& original);

// What a compaction of the index did (archive/SCHEMA.md, "Compaction"). Summed over the shards
// of a sharded archive.
struct CompactReport {
  bool compacted = false;          // false: not due (compact_if_due), nothing indexed
  std::uint64_t documents = 0;     // in the archive
  std::uint64_t written = 0;       // documents this writer added, changed or removed
  std::uint64_t bytes_before = 0;  // the index's files before
  std::uint64_t bytes_after = 0;   // and after
};

// When `vanban index` compacts after a run that wrote something (docs/BENCHMARKS.md,
// "Compaction"): when the index's files are more than kCompactSlack times its compacted size,
// estimated from the last compaction's (its size scaled by the documents' total length since),
// that is when at least a third of them is slack; a compaction costs one read and one write of
// the index, paid only once the run has left at least half of that as slack. An index never
// compacted (no estimate) is compacted after a run that wrote (added, changed, removed) at least
// a tenth of its documents: a bulk run, which leaves it about twice its compacted size.
inline constexpr double kCompactSlack = 1.5;
inline constexpr std::uint64_t kCompactShareNumerator = 1;
inline constexpr std::uint64_t kCompactShareDenominator = 10;
struct IndexSize {
  std::uint64_t documents = 0;
  std::uint64_t bytes = 0;                 // the index's files now
  std::optional<std::uint64_t> compacted;  // the estimate, when it was ever compacted
};
bool compaction_due(std::uint64_t written, const IndexSize& size);

// Opened by Archive::open_writer(). Not thread-safe: one thread writes (the indexer analyzes on
// many, writes on one).
class ArchiveWriter {
 public:
  // Commits what is pending (as Xapian's own WritableDatabase does when closed).
  virtual ~ArchiveWriter() = default;

  // What the archive holds for a path / every path, uncommitted changes included. Cheap (no
  // JSON parsing). Throw only when the database is damaged.
  virtual std::optional<SourceState> source(const std::string& path) const = 0;
  virtual std::vector<std::string> source_paths() const = 0;

  // Stores `original` and indexes `document` for `path` (document.paths/sha256/size/id are
  // filled in by the writer). Same original and same sidecar_sha256 as indexed: `unchanged`,
  // nothing written. Same original, new sidecar: the document is re-indexed in place. Same bytes
  // already indexed under another path: the path is added to that document. A path whose content
  // changed: its old document is replaced (or loses the path, if other paths still hold the old
  // content).
  virtual Result<PutOutcome> put(const std::string& path, const Original& original,
                                 ArchivedDocument document) = 0;
  // put() of bytes not hashed yet.
  Result<PutOutcome> put(const std::string& path, std::string_view bytes,
                         ArchivedDocument document) {
    return put(path, Original(std::string(bytes)), std::move(document));
  }
  // put() with the entry already made by prepare_text(document[, path, original]), e.g. on the
  // indexer's worker threads: the writer is one thread, and what it does not make itself does
  // not hold up the others. Ask source(path) first (on the writer's thread) to skip analysing
  // unchanged files. `document` and `free_text` stay the caller's (the writer reads them and
  // may take parts of them): freeing a document's entry costs the writing thread a few percent
  // of its time, which the caller can spend on another thread.
  virtual Result<PutOutcome> put_prepared(const std::string& path, const Original& original,
                                          ArchivedDocument& document, PreparedText& free_text) = 0;
  // Stores `original`, and the text `free_text` compressed (prepare_text for a path), in the
  // stores put_prepared() names them in, so that the writing thread only checks they are there:
  // writing two files a document was the writer's largest part after Xapian's own. Thread-safe,
  // and meant to run on the indexer's workers while the writer puts other documents; durable at
  // the commit that names them, like what put_prepared() stores. Best effort: what could not be
  // stored here (a full disk), put_prepared() stores itself and reports; what no document comes
  // to name (the same content under another path, a failed put) goes after the next commit.
  virtual void store_files(const Original& original, PreparedText& free_text) = 0;
  // Forgets a source path (for --prune); removes the document when no path is left.
  virtual Status remove_path(const std::string& path) = 0;
  virtual Status remove_document(const std::string& id) = 0;
  // Makes everything since the last commit durable and visible to readers.
  // A no-op (no Xapian commit, revision unchanged) when nothing changed. Originals no longer
  // referenced are deleted only after the commit that dropped their documents.
  virtual Status commit() = 0;
  // Commits what is pending and releases the archive (Xapian's write lock); nothing else may be
  // called after it, except close() again, which does nothing. Call it and report its error:
  // a writer destroyed unclosed commits too, but its destructor can only log a failure.
  virtual Status close() = 0;
  // Documents in the archive, including uncommitted changes.
  virtual std::uint64_t document_count() const = 0;
  // How many documents an older (or newer) analysis version made, uncommitted changes
  // included: a few term statistics, no walk over the documents.
  virtual AnalysisState analysis() const = 0;
  // Up to `limit` documents an older analysis version made, in the index's order, after
  // `cursor` (0 to start; advanced past the documents looked at, so a caller that leaves some
  // stale goes on past them). Empty when none is left after `cursor`. Streams: memory holds
  // `limit` documents, whatever the archive's size; a put between calls does not disturb it.
  virtual std::vector<StaleDocument> stale_documents(std::uint64_t& cursor,
                                                     std::size_t limit) const = 0;
  // Commits, then rewrites the index compacted into a new folder and swaps it in atomically:
  // a reader sees the old or the new database, never part of one; a kill at any point leaves
  // the old one or the new one. The writer keeps its lock throughout (no other writer commits
  // into the old database after the copy began) and goes on writing into the new one. Stored
  // texts and originals are not touched.
  virtual Result<CompactReport> compact() = 0;
  // Commits, then compact() when compaction_due(documents written by this writer, the
  // index's size).
  virtual Result<CompactReport> compact_if_due() = 0;

  // The parts of the archive that can be written at the same time, each by its own thread
  // (docs/SCALING.md "Writing shards on their own threads"): the shards of a sharded archive,
  // each its own database; one database is one part, the writer itself. A part is an
  // ArchiveWriter of its own, not thread-safe either, owned by this writer; between the
  // parts' threads, this writer's own calls (put, commit, ...) must not run.
  virtual std::size_t part_count() const { return 1; }
  virtual ArchiveWriter& part(std::size_t index) {
    (void)index;
    return *this;
  }
  // The part that holds the document of these bytes; a path whose content moves to another
  // part is taken off the part that held it first (remove_path), as put() does.
  virtual std::size_t part_of(const Original& original) const {
    (void)original;
    return 0;
  }
};

}  // namespace vanban::archive
