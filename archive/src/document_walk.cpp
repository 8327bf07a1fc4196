// Every document of an archive, one at a time (for exports), beside a running writer.
#include <xapian.h>

#include "backends.hpp"
#include "blob_store.hpp"
#include "disk_layout.hpp"
#include "index_generation.hpp"

namespace vanban::archive {

Status visit_documents(const std::filesystem::path& db_dir,
                       const std::function<Status(const StoredOriginal&)>& visit) {
  if (!index_exists(db_dir)) {
    return make_error(ErrorKind::not_found, "no archive at " + db_dir.string(),
                      "Không có kho văn bản tại " + db_dir.string());
  }
  const BlobStore blobs(originals_dir(db_dir));
  Xapian::docid next = 1;  // the walk resumes here after a reopen
  for (int reopens = 0;; ++reopens) {
    try {
      const Xapian::Database database = open_index(db_dir).database;
      Xapian::PostingIterator it = database.postlist_begin("");
      it.skip_to(next);
      for (; it != database.postlist_end(""); ++it) {
        const Xapian::docid docid = *it;
        std::optional<ArchivedDocument> document =
            parse_document(database.get_document(docid).get_data(), /*with_text=*/false);
        next = docid + 1;
        if (!document) continue;  // damaged data: `vanban check` is the place to report it
        StoredOriginal stored{std::move(*document), {}};
        stored.file = blobs.path_of(stored.document.sha256);
        if (Status visited = visit(stored); !visited.ok()) return visited;
      }
      return Status::success();
    } catch (const Xapian::DatabaseModifiedError& modified) {
      // Two commits overtook this reader; the same docids still name the same documents.
      if (reopens >= 100) {
        return make_error(ErrorKind::io, "the archive changed too often to be read through: " +
                                             modified.get_description());
      }
    } catch (const Xapian::Error& xapian) {
      return make_error(ErrorKind::io,
                        "cannot read archive " + db_dir.string() + ": " + xapian.get_description());
    }
  }
}

}  // namespace vanban::archive
