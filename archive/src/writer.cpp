// The archive writer: originals and stored texts first, then the Xapian documents that point at
// them; commit() syncs both stores before committing the index, and drops originals and texts
// only after the commit that stopped referencing them. So a SIGKILL at any moment leaves every
// committed document with its original and its text.
#include "vanban/archive/writer.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <exception>
#include <iostream>
#include <limits>

#include <unistd.h>
#include <xapian.h>

#include "backends.hpp"
#include "blob_store.hpp"
#include "commit_guard.hpp"
#include "disk_layout.hpp"
#include "document_builder.hpp"
#include "index_generation.hpp"
#include "reader_pin.hpp"
#include "schema.hpp"
#include "snapshot_lock.hpp"
#include "spelling.hpp"
#include "stored_text.hpp"
#include "utc_clock.hpp"

namespace vanban::archive {

struct PreparedText::Terms {
  Xapian::Document document;
  // Set when `document` is the whole entry (prepare_text for a path): what it was made for,
  // and its words for the spelling table.
  std::string path;
  std::string sha256;
  std::vector<std::string> spelling;
  // The text compressed for the text store (stored_text.hpp), when `document` refers to it.
  std::optional<CompressedText> text;
  // The digests of the original and the text store_files() stored (empty: not stored there).
  std::string stored_original;
  std::string stored_text;
};

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kIdLength = 16;

// Fills in what the writer decides of a document stored for `path` under `paths`.
void complete(ArchivedDocument& document, const std::string& path, const Original& original,
              std::vector<std::string> paths) {
  document.id = original.sha256().substr(0, kIdLength);
  document.sha256 = original.sha256();
  document.size = original.size();
  document.paths = std::move(paths);
  document.indexed_at = utc_now_iso();
  if (document.filename.empty()) document.filename = fs::path(path).filename().string();
}
// Each change touches at most two Xapian documents; stays well under Xapian's own flush point.
constexpr std::size_t kMaxBatchSize = 4000;

// A DatabaseError is the archive's disk or files failing (full, read-only, I/O): io, which
// stops a run. Any other Xapian error concerns the one document at hand.
Error xapian_error(const Xapian::Error& error, std::string_view doing) {
  const bool database = std::string_view(error.get_type()).starts_with("Database");
  return make_error(database ? ErrorKind::io : ErrorKind::internal,
                    std::string(doing) + ": " + error.get_description());
}

class XapianArchiveWriter final : public ArchiveWriter {
 public:
  XapianArchiveWriter(WritableIndex index, fs::path db_dir, WriterOptions options)
      : database_(std::move(index.database)),
        location_(std::move(index.location)),
        db_dir_(std::move(db_dir)),
        blobs_(originals_dir(db_dir_)),
        texts_(texts_dir(db_dir_)),
        options_(options) {}

  // Only on paths that already failed (an exception unwinding, a caller that returned early):
  // everything else calls close() and reports its error.
  ~XapianArchiveWriter() override {
    if (const Status closed = close(); !closed.ok()) {
      std::cerr << "vanban: closing the archive failed (changes since its last commit may be "
                   "lost): "
                << closed.error().message << '\n';
    }
  }

  Status close() override {
    if (closed_) return Status::success();
    Status committed = commit();
    closed_ = true;
    // Closed here, where an error can be caught: on a full disk, what Xapian's own destructor
    // writes while closing could otherwise throw out of a destructor (std::terminate).
    try {
      const CommitGuard guard(db_dir_);
      database_.close();
    } catch (const Xapian::Error& error) {
      if (committed.ok()) committed = xapian_error(error, "cannot close the index");
    }
    return committed;
  }

  std::optional<SourceState> source(const std::string& path) const override {
    const std::optional<Xapian::docid> docid =
        find(schema::term(schema::kPath, schema::path_key(path)));
    if (!docid) return std::nullopt;
    const Xapian::Document document = database_.get_document(*docid);
    std::string sha = document.get_value(schema::kShaSlot);
    return SourceState{sha.substr(0, kIdLength), std::move(sha),
                       document.get_value(schema::kSidecarSlot), analysed_now(*docid)};
  }

  AnalysisState analysis() const override {
    return schema::analysis_state(database_, options_.analysis_version);
  }

  std::vector<StaleDocument> stale_documents(std::uint64_t& cursor,
                                             std::size_t limit) const override {
    std::vector<StaleDocument> stale;
    if (limit == 0 || cursor >= std::numeric_limits<Xapian::docid>::max()) return stale;
    // Every docid after the cursor, beside the postings of the current version's term: the
    // documents of one and not the other are stale. Both lists ascend.
    const std::string current_term = schema::analysis_term(options_.analysis_version);
    Xapian::PostingIterator all = database_.postlist_begin("");
    Xapian::PostingIterator current = database_.postlist_begin(current_term);
    const Xapian::PostingIterator all_end = database_.postlist_end("");
    const Xapian::PostingIterator current_end = database_.postlist_end(current_term);
    const auto start = static_cast<Xapian::docid>(cursor + 1);
    all.skip_to(start);
    if (current != current_end) current.skip_to(start);
    for (; all != all_end && stale.size() < limit; ++all) {
      const Xapian::docid docid = *all;
      cursor = docid;
      if (current != current_end && *current < docid) current.skip_to(docid);
      if (current != current_end && *current == docid) continue;
      const Xapian::Document document = database_.get_document(docid);
      StaleDocument entry;
      entry.sha256 = document.get_value(schema::kShaSlot);
      entry.id = entry.sha256.substr(0, kIdLength);
      entry.paths = schema::unserialise_list(document.get_value(schema::kPathsSlot));
      entry.sidecar_sha256 = document.get_value(schema::kSidecarSlot);
      entry.original = blobs_.path_of(entry.sha256);
      const std::optional<ArchivedDocument> stored =
          parse_document(document.get_data(), /*with_text=*/false);
      if (stored) entry.size = stored->size;
      if (!entry.paths.empty()) {
        // The name a format is recognised by: the path's own (a .zip member's after "!/").
        const std::string& first = entry.paths.front();
        const std::size_t slash = first.find_last_of('/');
        entry.filename = slash == std::string::npos ? first : first.substr(slash + 1);
      } else if (stored) {
        entry.filename = stored->filename;
      }
      stale.push_back(std::move(entry));
    }
    return stale;
  }

  std::vector<std::string> source_paths() const override {
    std::vector<std::string> paths;
    for (auto it = database_.valuestream_begin(schema::kPathsSlot);
         it != database_.valuestream_end(schema::kPathsSlot); ++it) {
      for (std::string& path : schema::unserialise_list(*it))
        paths.push_back(std::move(path));
    }
    std::sort(paths.begin(), paths.end());
    return paths;
  }

  using ArchiveWriter::put;
  Result<PutOutcome> put(const std::string& path, const Original& original,
                         ArchivedDocument document) override {
    return put_document(path, original, document, nullptr);
  }

  Result<PutOutcome> put_prepared(const std::string& path, const Original& original,
                                  ArchivedDocument& document, PreparedText& free_text) override {
    return put_document(path, original, document, &free_text.terms());
  }

  // Touches only the two stores, whose folders never change while the writer is open: safe
  // beside the writing thread. A blob appears under its name only through a rename, so the
  // writer sees it whole or not at all; the one thing that can happen to it before the writer
  // takes the document is the writer's own removal after a commit (the same content dropped by
  // another document), which put_document() checks for.
  void store_files(const Original& original, PreparedText& free_text) override {
    PreparedText::Terms& terms = free_text.terms();
    try {
      if (blobs_.put_unsynced(original).ok()) terms.stored_original = original.sha256();
      if (terms.text && texts_.put_unsynced(terms.text->blob).ok())
        terms.stored_text = terms.text->blob.sha256();
    } catch (const std::exception&) {
      // Left to put_prepared(), which stores what is missing and reports its failure.
    }
  }

  Status remove_path(const std::string& path) override {
    try {
      if (!find(schema::term(schema::kPath, schema::path_key(path)))) {
        return make_error(ErrorKind::not_found, "no document for path " + path);
      }
      detach_path(path);
      return count_change();
    } catch (const Xapian::Error& error) {
      return xapian_error(error, "cannot remove path " + path);
    }
  }

  Status remove_document(const std::string& id) override {
    try {
      const std::string id_term = schema::term(schema::kId, id);
      const std::optional<Xapian::docid> docid = find(id_term);
      if (!docid) {
        return make_error(ErrorKind::not_found, "no document with id " + id,
                          "Không có văn bản mã " + id);
      }
      forget(*docid, database_.get_document(*docid));
      database_.delete_document(*docid);
      return count_change();
    } catch (const Xapian::Error& error) {
      return xapian_error(error, "cannot remove document " + id);
    }
  }

  Status commit() override {
    if (changes_ == 0 && unreferenced_.empty() && unreferenced_texts_.empty() &&
        !unsynced_originals_ && !unsynced_texts_)
      return Status::success();
    const Xapian::rev before = database_.get_revision();
    if (Status committed = commit_pinned(); !committed.ok()) return committed;
    // Nothing more is written until the readers of the revision before this one are done: the
    // next writes reuse its blocks (reader_pin.hpp). Outside the snapshot lock, which a reader
    // holding its pin may be waiting for.
    const Xapian::rev after = database_.get_revision();
    if (after == before) return Status::success();
    return wait_for_readers_behind(db_dir_, after);
  }

 private:
  Status commit_pinned() {
    // A backup pinning a revision holds this shared: the commit waits for its copy to finish.
    const Result<std::optional<SnapshotLock>> pinned =
        SnapshotLock::acquire(db_dir_, SnapshotLock::Mode::exclusive);
    if (!pinned.ok()) return pinned.error();
    try {
      // Originals first: once the index commit is durable, every original it refers to is too.
      if (unsynced_originals_) {
        if (Status synced = blobs_.sync(); !synced.ok()) return synced;
        unsynced_originals_ = false;
      }
      if (unsynced_texts_) {
        if (Status synced = texts_.sync(); !synced.ok()) return synced;
        unsynced_texts_ = false;
      }
      if (changes_ > 0) {
        const CommitGuard guard(db_dir_);  // a Xapian abort inside commit: a clear error
        database_.commit();
      }
      changes_ = 0;
      // Only now may originals go: the index that referenced them is gone for good. A crash
      // before this line leaves an orphan original, which is harmless (check reports it).
      std::vector<std::string> candidates;
      candidates.swap(unreferenced_);
      for (const std::string& sha : candidates) {
        if (sha.empty() || database_.term_exists(schema::term(schema::kSha, sha))) continue;
        if (const Status removed = blobs_.remove(sha);
            !removed.ok() && removed.error().kind != ErrorKind::not_found) {
          return removed;
        }
      }
      // Texts likewise; one text may serve several documents (the same text read from two
      // originals), so it goes only when no document names it any more.
      candidates.clear();
      candidates.swap(unreferenced_texts_);
      for (const std::string& sha : candidates) {
        if (database_.term_exists(schema::term(schema::kTextBlob, sha))) continue;
        if (const Status removed = texts_.remove(sha);
            !removed.ok() && removed.error().kind != ErrorKind::not_found) {
          return removed;
        }
      }
      return Status::success();
    } catch (const Xapian::Error& error) {
      return xapian_error(error, "cannot commit");
    }
  }

 public:
  std::uint64_t document_count() const override { return database_.get_doccount(); }

  Result<CompactReport> compact() override {
    if (closed_) return make_error(ErrorKind::internal, "compact() after close()");
    if (Status committed = commit(); !committed.ok()) return committed.error();
    CompactReport report;
    report.written = written_;
    auto compacted = compact_and_swap(db_dir_, database_, location_);
    if (!compacted.ok()) return compacted.error();
    // The old handle goes (and its lock with it) only now that the new one holds its own.
    database_ = std::move(compacted->index.database);
    location_ = std::move(compacted->index.location);
    report.compacted = true;
    report.documents = database_.get_doccount();
    report.bytes_before = compacted->outcome.bytes_before;
    report.bytes_after = compacted->outcome.bytes_after;
    return report;
  }

  Result<CompactReport> compact_if_due() override {
    if (Status committed = commit(); !committed.ok()) return committed.error();
    IndexSize size;
    size.documents = document_count();
    size.bytes = folder_bytes(location_.path);
    size.compacted = compacted_estimate(location_, database_.get_total_length());
    if (!compaction_due(written_, size)) {
      CompactReport report;
      report.written = written_;
      report.documents = document_count();
      return report;
    }
    return compact();
  }

 private:
  // `prepared`, when given, stays the caller's: its entry is read, not taken, so that it is
  // freed where the caller frees it (the indexer: on a worker thread).
  Result<PutOutcome> put_document(const std::string& path, const Original& original,
                                  ArchivedDocument& document, PreparedText::Terms* prepared) {
    named_text_.clear();
    Result<PutOutcome> outcome = put_entry(path, original, document, prepared);
    if (prepared) {
      // What store_files() stored that this put did not come to name (a failure; the same
      // content found under one more path, its text then the other document's) is removed
      // after the next commit, unless a document names it by then.
      if (!outcome.ok() && !prepared->stored_original.empty())
        unreferenced_.push_back(prepared->stored_original);
      if (!prepared->stored_text.empty() && (!outcome.ok() || prepared->stored_text != named_text_))
        unreferenced_texts_.push_back(prepared->stored_text);
    }
    return outcome;
  }

  // Whether `store` holds the blob `sha` because store_files() put it there for this entry.
  // Checked here, on the writing thread: a commit since may have removed an identical blob that
  // no document named any more.
  static bool stored_before(const BlobStore& store, const std::string& stored,
                            const std::string& sha) {
    return !stored.empty() && stored == sha && store.contains(sha);
  }

  Result<PutOutcome> put_entry(const std::string& path, const Original& original,
                               ArchivedDocument& document, PreparedText::Terms* prepared) {
    try {
      const std::string& sha = original.sha256();
      const std::optional<SourceState> current = source(path);
      const bool same_original = current && current->sha256 == sha;
      if (same_original && current->sidecar_sha256 == document.sidecar_sha256 &&
          current->analysis_current && !options_.reindex_unchanged) {
        // Nothing to index; an original lost from the store is put back, durably (no index
        // write, so no commit would sync it).
        if (!blobs_.contains(sha)) {
          if (Result<std::string> stored = blobs_.put(original); !stored.ok())
            return stored.error();
        }
        return PutOutcome::unchanged;
      }
      // Stored now (or by store_files() on a worker), made durable by commit() before the
      // index that refers to it.
      if (!prepared || !stored_before(blobs_, prepared->stored_original, sha)) {
        if (Result<std::string> stored = blobs_.put_unsynced(original); !stored.ok())
          return stored.error();
      }
      unsynced_originals_ = true;

      PutOutcome outcome = current ? PutOutcome::updated : PutOutcome::added;
      if (current && !same_original) detach_path(path);
      const std::string id = sha.substr(0, kIdLength);
      const std::optional<Xapian::docid> existing = find(schema::term(schema::kId, id));
      std::vector<std::string> paths = {path};
      std::string held_text;  // the stored text the replaced document names, if any
      if (existing) {
        const Xapian::Document held = database_.get_document(*existing);
        if (held.get_value(schema::kShaSlot) != sha) {
          // 64 bits of sha256 agree but the originals differ: never merge two documents.
          return make_error(ErrorKind::internal, "cannot index " + path + ": document id " + id +
                                                     " is taken by different content");
        }
        outcome = PutOutcome::updated;
        if (!same_original) {
          add_path(*existing, path);  // the same bytes, found under one more path
          if (Status counted = count_change(); !counted.ok()) return counted.error();
          return outcome;
        }
        // Same original, new sidecar (or a forced re-index): rebuilt, keeping every path.
        paths = schema::unserialise_list(held.get_value(schema::kPathsSlot));
        held_text = text_reference(held);
      }
      // Made whole on a worker thread, for this one path: used as it is, else made here.
      const bool whole = prepared && prepared->path == path && prepared->sha256 == sha &&
                         paths == std::vector<std::string>{path};
      Xapian::Document made;
      std::vector<std::string> made_spelling;
      std::optional<CompressedText> made_text;
      if (!whole) {
        complete(document, path, original, std::move(paths));
        made = prepared && prepared->path.empty() ? std::move(prepared->document)
                                                  : index_free_text(document);
        made_text = compress_text(document.text);
        add_archive_terms(made, document, made_text ? &*made_text : nullptr);
        made_spelling = spelling_words(made.termlist_begin(), made.termlist_end());
      }
      Xapian::Document& built = whole ? prepared->document : made;
      // The analysis that made it (analysis_version.hpp), added here where the writer's version
      // is known: a rebuilt document is current, a path added to one (add_path) keeps its own.
      built.add_boolean_term(schema::analysis_term(options_.analysis_version));
      const std::vector<std::string>& spelling = whole ? prepared->spelling : made_spelling;
      const std::optional<CompressedText>& text = whole ? prepared->text : made_text;
      if (text) {
        // Like the original: in the store before the index names it, durable at commit().
        if (!prepared || !stored_before(texts_, prepared->stored_text, text->blob.sha256())) {
          if (Result<std::string> stored = texts_.put_unsynced(text->blob); !stored.ok())
            return stored.error();
        }
        unsynced_texts_ = true;
        named_text_ = text->blob.sha256();
      }
      if (existing) {
        forget_spellings(*existing);
        // The text it had goes after the commit, unless this one (or another document) is it.
        if (!held_text.empty()) unreferenced_texts_.push_back(std::move(held_text));
      }
      for (const std::string& word : spelling)
        database_.add_spelling(word);
      // No document holds the id (`find` above, pending changes included): Xapian's
      // replace_document by term would look the term up again and then add it.
      if (existing) {
        database_.replace_document(schema::term(schema::kId, id), built);
      } else {
        database_.add_document(built);
      }
      if (Status counted = count_change(); !counted.ok()) return counted.error();
      return outcome;
    } catch (const Xapian::Error& error) {
      return xapian_error(error, "cannot index " + path);
    } catch (const std::exception& error) {
      return make_error(ErrorKind::internal, "cannot index " + path + ": " + error.what());
    }
  }

  // Whether the document `docid` holds this writer's analysis version.
  bool analysed_now(Xapian::docid docid) const {
    const std::string term = schema::analysis_term(options_.analysis_version);
    Xapian::PostingIterator it = database_.postlist_begin(term);
    if (it == database_.postlist_end(term)) return false;
    it.skip_to(docid);
    return it != database_.postlist_end(term) && *it == docid;
  }

  std::optional<Xapian::docid> find(const std::string& term) const {
    const Xapian::PostingIterator it = database_.postlist_begin(term);
    if (it == database_.postlist_end(term)) return std::nullopt;
    return *it;
  }

  // Takes `path` from the document holding it; a document left without paths is deleted.
  void detach_path(const std::string& path) {
    const std::string path_term = schema::term(schema::kPath, schema::path_key(path));
    const std::optional<Xapian::docid> docid = find(path_term);
    if (!docid) return;
    Xapian::Document document = database_.get_document(*docid);
    std::vector<std::string> paths =
        schema::unserialise_list(document.get_value(schema::kPathsSlot));
    std::erase(paths, path);
    if (paths.empty()) {
      forget(*docid, document);
      database_.delete_document(*docid);
      return;
    }
    document.remove_term(path_term);
    set_paths(document, paths);
    database_.replace_document(*docid, document);
  }

  // What a document about to be deleted leaves: its original and its text (deleted after the
  // commit if nothing else refers to them), its words' counts in the spelling table.
  void forget(Xapian::docid docid, const Xapian::Document& document) {
    unreferenced_.push_back(document.get_value(schema::kShaSlot));
    if (std::string text = text_reference(document); !text.empty())
      unreferenced_texts_.push_back(std::move(text));
    forget_spellings(docid);
  }

  // The spelling table counts each word once per document holding it (spelling.hpp): a
  // document deleted or replaced takes its words' counts back.
  void forget_spellings(Xapian::docid docid) {
    for (const std::string& word :
         spelling_words(database_.termlist_begin(docid), database_.termlist_end(docid)))
      database_.remove_spelling(word);
  }

  void add_path(Xapian::docid docid, const std::string& path) {
    Xapian::Document document = database_.get_document(docid);
    std::vector<std::string> paths =
        schema::unserialise_list(document.get_value(schema::kPathsSlot));
    if (std::find(paths.begin(), paths.end(), path) != paths.end()) return;
    paths.push_back(path);
    document.add_boolean_term(schema::term(schema::kPath, schema::path_key(path)));
    set_paths(document, paths);
    database_.replace_document(docid, document);
  }

  // Keeps the paths slot and the stored JSON in step with the XP terms.
  static void set_paths(Xapian::Document& document, const std::vector<std::string>& paths) {
    document.add_value(schema::kPathsSlot, schema::serialise_list(paths));
    auto stored = parse_document(document.get_data(), /*with_text=*/true);
    if (!stored) return;
    stored->paths = paths;
    document.set_data(serialise_document(*stored));
  }

  Status count_change() {
    ++written_;
    // Xapian flushes on its own after XAPIAN_FLUSH_THRESHOLD (10000) changed documents; our
    // commits must come first, or an index entry could become durable before its original.
    if (++changes_ >= std::clamp<std::size_t>(options_.batch_size, 1, kMaxBatchSize)) {
      return commit();
    }
    return Status::success();
  }

  Xapian::WritableDatabase database_;
  IndexLocation location_;  // the generation database_ is (index_generation.hpp)
  fs::path db_dir_;
  BlobStore blobs_;
  BlobStore texts_;
  WriterOptions options_;
  std::size_t changes_ = 0;
  std::uint64_t written_ = 0;        // changes since opened, for compact_if_due()
  bool unsynced_originals_ = false;  // originals stored since the last BlobStore::sync()
  bool unsynced_texts_ = false;      // texts likewise
  bool closed_ = false;
  std::vector<std::string> unreferenced_;        // originals to delete after the next commit
  std::vector<std::string> unreferenced_texts_;  // texts likewise
  std::string named_text_;  // the text the document of the last put names, if it made one
};

// Why nothing can be written in `folder` (read-only file system, no permission); empty if it can.
std::string unwritable(const fs::path& folder) {
  if (::access(folder.c_str(), W_OK) == 0) return {};
  return errno == EROFS ? "read-only file system" : std::strerror(errno);
}

}  // namespace

Error newer_archive_error(const std::filesystem::path& db_dir, const AnalysisState& state) {
  const std::string newest = std::to_string(state.newest);
  const std::string own = std::to_string(state.version);
  return make_error(ErrorKind::unsupported,
                    "archive " + db_dir.string() + " holds " + std::to_string(state.newer) +
                        " documents analysed by a newer Vanban (analysis version " + newest +
                        "; this one is " + own +
                        "): nothing was written; use that version of Vanban or a newer one",
                    "Kho " + db_dir.string() + " có " + std::to_string(state.newer) +
                        " văn bản do phiên bản Vanban mới hơn phân tích (phiên bản phân tích " +
                        newest + ", bản đang chạy là " + own +
                        "): chưa ghi gì vào kho; hãy dùng phiên bản Vanban đó hoặc mới hơn.");
}

bool compaction_due(std::uint64_t written, const IndexSize& size) {
  if (written == 0) return false;
  if (size.compacted)
    return static_cast<double>(size.bytes) > kCompactSlack * static_cast<double>(*size.compacted);
  return written * kCompactShareDenominator >= size.documents * kCompactShareNumerator;
}

PreparedText::PreparedText(std::unique_ptr<Terms> terms) : terms_(std::move(terms)) {}
PreparedText::PreparedText(PreparedText&&) noexcept = default;
PreparedText& PreparedText::operator=(PreparedText&&) noexcept = default;
PreparedText::~PreparedText() = default;

PreparedText prepare_text(const ArchivedDocument& document) {
  auto terms = std::make_unique<PreparedText::Terms>();
  terms->document = index_free_text(document);
  return PreparedText(std::move(terms));
}

PreparedText prepare_text(const ArchivedDocument& document, const std::string& path,
                          const Original& original) {
  ArchivedDocument whole = document;
  complete(whole, path, original, {path});
  auto terms = std::make_unique<PreparedText::Terms>();
  terms->document = index_free_text(whole);
  terms->text = compress_text(whole.text);
  add_archive_terms(terms->document, whole, terms->text ? &*terms->text : nullptr);
  terms->spelling =
      spelling_words(terms->document.termlist_begin(), terms->document.termlist_end());
  terms->path = path;
  terms->sha256 = original.sha256();
  return PreparedText(std::move(terms));
}

Result<std::unique_ptr<ArchiveWriter>> open_xapian_writer(const std::filesystem::path& db_dir,
                                                          const WriterOptions& options) {
  std::error_code error;
  fs::create_directories(db_dir, error);
  if (error)
    return make_error(ErrorKind::io, "cannot create " + db_dir.string() + ": " + error.message());
  // Said before Xapian tries: it reports a lock file it cannot create as a lock held by another
  // writer.
  for (const fs::path& folder :
       {db_dir, xapian_dir(db_dir), originals_dir(db_dir), texts_dir(db_dir)}) {
    if (!fs::exists(folder, error)) continue;
    if (const std::string why = unwritable(folder); !why.empty()) {
      return make_error(ErrorKind::io,
                        "archive folder " + folder.string() + " cannot be written: " + why,
                        "Không ghi được vào thư mục kho " + folder.string() + ": " + why);
    }
  }
  try {
    WritableIndex index = open_writable_index(db_dir);
    // We hold the lock now, so no other writer is mid-put: temp files are leftovers of a kill,
    // and so are generations of the index the stub does not name (a compaction killed).
    remove_stale_generations(db_dir, index.location);
    auto writer = std::make_unique<XapianArchiveWriter>(std::move(index), db_dir, options);
    // Documents of a newer analysis than this binary's: its older rules would write keys the
    // rest of the archive does not match, and the newer binary would not see them as stale.
    if (const AnalysisState state = writer->analysis(); state.newer > 0)
      return newer_archive_error(db_dir, state);
    BlobStore(originals_dir(db_dir)).remove_temp_files();
    BlobStore(texts_dir(db_dir)).remove_temp_files();
    return std::unique_ptr<ArchiveWriter>(std::move(writer));
  } catch (const Xapian::DatabaseLockError& lock_error) {
    return make_error(
        ErrorKind::io,
        "archive " + db_dir.string() +
            " is locked by another writer (is another `vanban index` running?): " +
            lock_error.get_description(),
        "Kho " + db_dir.string() +
            " đang bị khóa bởi một tiến trình ghi khác (có lệnh `vanban index` khác đang chạy?)");
  } catch (const Xapian::Error& xapian) {
    return xapian_error(xapian, "cannot open archive " + db_dir.string());
  }
}

}  // namespace vanban::archive
