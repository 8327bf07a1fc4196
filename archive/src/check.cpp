#include "vanban/archive/check.hpp"

#include <set>

#include <xapian.h>

#include "backends.hpp"
#include "blob_store.hpp"
#include "disk_layout.hpp"
#include "index_generation.hpp"
#include "schema.hpp"
#include "stored_text.hpp"

namespace vanban::archive {

Result<CheckReport> check_archive(const std::filesystem::path& db_dir) {
  if (!index_exists(db_dir)) {
    return make_error(ErrorKind::not_found, "no archive at " + db_dir.string(),
                      "Không có kho văn bản tại " + db_dir.string());
  }
  CheckReport report;
  const BlobStore blobs(originals_dir(db_dir));
  const BlobStore texts(texts_dir(db_dir));
  std::set<std::string> referenced;
  std::set<std::string> referenced_texts;
  try {
    const Xapian::Database database = open_index(db_dir).database;
    for (auto it = database.postlist_begin(""); it != database.postlist_end(""); ++it) {
      const Xapian::Document document = database.get_document(*it);
      const std::string sha = document.get_value(schema::kShaSlot);
      std::string id;
      auto term = document.termlist_begin();
      term.skip_to(std::string(schema::kId));  // terms are sorted; no other prefix starts with Q
      if (term != document.termlist_end() && (*term).starts_with(schema::kId)) {
        id = (*term).substr(schema::kId.size());
      }
      ++report.documents;
      // Its text, where it is stored apart: present, intact and a whole zlib stream.
      if (const std::string text = text_reference(document); !text.empty()) {
        referenced_texts.insert(text);
        Status verified = texts.verify(text);
        if (verified.ok()) {
          if (Result<std::string> blob = texts.get(text); !blob.ok()) {
            verified = blob.error();
          } else if (Result<std::string> inflated = inflate_text(*blob); !inflated.ok()) {
            verified = inflated.error();
          }
        }
        if (!verified.ok())
          report.problems.push_back(
              {id, sha, "stored text " + text + ": " + verified.error().message});
      }
      if (sha.empty()) {
        report.problems.push_back({id, sha, "document has no original recorded"});
        continue;
      }
      referenced.insert(sha);
      if (const Status verified = blobs.verify(sha); !verified.ok()) {
        report.problems.push_back({id, sha, verified.error().message});
      }
    }
  } catch (const Xapian::Error& xapian) {
    return make_error(ErrorKind::io,
                      "cannot read archive " + db_dir.string() + ": " + xapian.get_description());
  }
  if (Result<std::vector<std::string>> stored = blobs.list(); stored.ok()) {
    for (const std::string& sha : *stored) {
      if (!referenced.contains(sha)) ++report.orphans;
    }
  }
  if (Result<std::vector<std::string>> stored = texts.list(); stored.ok()) {
    for (const std::string& sha : *stored) {
      if (!referenced_texts.contains(sha)) ++report.text_orphans;
    }
  }
  return report;
}

}  // namespace vanban::archive
