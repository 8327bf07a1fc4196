#include "vanban/archive/check.hpp"

#include <set>

#include <xapian.h>

#include "backends.hpp"
#include "blob_store.hpp"
#include "disk_layout.hpp"
#include "index_generation.hpp"
#include "reader_pin.hpp"
#include "schema.hpp"
#include "stored_text.hpp"

namespace vanban::archive {
namespace {

// What the index says of one document: its id, its original's digest, its stored text's.
struct Listed {
  std::string id;
  std::string sha;
  std::string text;
};

// Every document of the newest revision, read pinned (reader_pin.hpp: a writer committing
// beside the check never overwrites what it reads). The pin is held for the walk of the index
// only: the files are verified after it, while the writer goes on.
Result<std::vector<Listed>> list_documents(const std::filesystem::path& db_dir) {
  std::vector<Listed> listed;
  try {
    const Result<PinnedIndex> pinned = open_pinned_index(db_dir);
    if (!pinned.ok()) return pinned.error();
    const Xapian::Database& database = pinned->index.database;
    for (auto it = database.postlist_begin(""); it != database.postlist_end(""); ++it) {
      const Xapian::Document document = database.get_document(*it);
      Listed entry{{}, document.get_value(schema::kShaSlot), text_reference(document)};
      auto term = document.termlist_begin();
      term.skip_to(std::string(schema::kId));  // terms are sorted; no other prefix starts with Q
      if (term != document.termlist_end() && (*term).starts_with(schema::kId)) {
        entry.id = (*term).substr(schema::kId.size());
      }
      listed.push_back(std::move(entry));
    }
  } catch (const Xapian::Error& xapian) {
    return make_error(ErrorKind::io,
                      "cannot read archive " + db_dir.string() + ": " + xapian.get_description());
  }
  return listed;
}

// The originals and stored texts the newest revision refers to.
Result<std::set<std::string>> referenced_now(const std::filesystem::path& db_dir) {
  Result<std::vector<Listed>> listed = list_documents(db_dir);
  if (!listed.ok()) return listed.error();
  std::set<std::string> referenced;
  for (Listed& entry : *listed) {
    referenced.insert(std::move(entry.sha));
    referenced.insert(std::move(entry.text));
  }
  return referenced;
}

}  // namespace

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
  Result<std::vector<Listed>> listed = list_documents(db_dir);
  if (!listed.ok()) return listed.error();
  // A file missing now may have been removed by a commit made since the walk (the writer
  // removes one only after the commit that stopped referring to it): asked again below.
  std::vector<std::pair<CheckProblem, std::string>> missing;  // the problem, the file's digest
  for (const Listed& document : *listed) {
    ++report.documents;
    // Its text, where it is stored apart: present, intact and a whole zlib stream.
    if (!document.text.empty()) {
      referenced_texts.insert(document.text);
      Status verified = texts.verify(document.text);
      if (verified.ok()) {
        if (Result<std::string> blob = texts.get(document.text); !blob.ok()) {
          verified = blob.error();
        } else if (Result<std::string> inflated = inflate_text(*blob); !inflated.ok()) {
          verified = inflated.error();
        }
      }
      if (!verified.ok()) {
        CheckProblem problem{document.id, document.sha,
                             "stored text " + document.text + ": " + verified.error().message};
        if (verified.error().kind == ErrorKind::not_found)
          missing.emplace_back(std::move(problem), document.text);
        else
          report.problems.push_back(std::move(problem));
      }
    }
    if (document.sha.empty()) {
      report.problems.push_back({document.id, document.sha, "document has no original recorded"});
      continue;
    }
    referenced.insert(document.sha);
    if (const Status verified = blobs.verify(document.sha); !verified.ok()) {
      CheckProblem problem{document.id, document.sha, verified.error().message};
      if (verified.error().kind == ErrorKind::not_found)
        missing.emplace_back(std::move(problem), document.sha);
      else
        report.problems.push_back(std::move(problem));
    }
  }
  if (!missing.empty()) {
    const Result<std::set<std::string>> now = referenced_now(db_dir);
    if (!now.ok()) return now.error();
    for (auto& [problem, digest] : missing)
      if (now->contains(digest)) report.problems.push_back(std::move(problem));
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
