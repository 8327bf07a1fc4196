// Every document of an archive, one at a time (for exports), beside a running writer.
#include <vector>

#include <xapian.h>

#include "backends.hpp"
#include "blob_store.hpp"
#include "disk_layout.hpp"
#include "index_generation.hpp"
#include "reader_pin.hpp"

namespace vanban::archive {
namespace {

// Documents read under one pin.
constexpr std::size_t kVisitBatch = 256;

}  // namespace

Status visit_documents(const std::filesystem::path& db_dir,
                       const std::function<Status(const StoredOriginal&)>& visit) {
  if (!index_exists(db_dir)) {
    return make_error(ErrorKind::not_found, "no archive at " + db_dir.string(),
                      "Không có kho văn bản tại " + db_dir.string());
  }
  const BlobStore blobs(originals_dir(db_dir));
  Xapian::docid next = 1;  // the walk resumes here with each batch
  for (int reopens = 0;;) {
    // A batch read pinned at the newest commit (reader_pin.hpp): a writer committing beside the
    // export waits for the batch's reading at most, never for its visits (the files copied).
    std::vector<StoredOriginal> batch;
    bool done = false;
    try {
      const Result<PinnedIndex> pinned = open_pinned_index(db_dir);
      if (!pinned.ok()) return pinned.error();
      const Xapian::Database& database = pinned->index.database;
      Xapian::PostingIterator it = database.postlist_begin("");
      it.skip_to(next);
      for (; it != database.postlist_end("") && batch.size() < kVisitBatch; ++it) {
        const Xapian::docid docid = *it;
        std::optional<ArchivedDocument> document =
            parse_document(database.get_document(docid).get_data(), /*with_text=*/false);
        next = docid + 1;
        if (!document) continue;  // damaged data: `vanban check` is the place to report it
        StoredOriginal stored{std::move(*document), {}};
        stored.file = blobs.path_of(stored.document.sha256);
        batch.push_back(std::move(stored));
      }
      done = it == database.postlist_end("");
    } catch (const Xapian::DatabaseModifiedError& modified) {
      // Not expected while pinned (a writer of an older version, which does not wait): the
      // batch is read again; the same docids still name the same documents.
      if (++reopens >= 100) {
        return make_error(ErrorKind::io, "the archive changed too often to be read through: " +
                                             modified.get_description());
      }
      continue;
    } catch (const Xapian::Error& xapian) {
      return make_error(ErrorKind::io,
                        "cannot read archive " + db_dir.string() + ": " + xapian.get_description());
    }
    for (const StoredOriginal& stored : batch)
      if (Status visited = visit(stored); !visited.ok()) return visited;
    if (done) return Status::success();
  }
}

}  // namespace vanban::archive
