// Small documents for the archive tests, written for them (no corpus needed).
#pragma once

#include <string>

#include <xapian.h>

#include "vanban/archive/document.hpp"

#include "disk_layout.hpp"
#include "schema.hpp"

namespace vanban::testing {

inline archive::ArchivedDocument plan_document(const std::string& number,
                                               const std::string& title) {
  archive::ArchivedDocument document;
  document.format = "txt";
  document.metadata.type = "Kế hoạch";
  document.metadata.type_code = "KH";
  document.metadata.number = number;
  document.metadata.issuer = "Ủy ban nhân dân thành phố Huế";
  document.metadata.date = "2026-01-31";
  document.metadata.title = title;
  analyzers::Citation citation;
  citation.type = "Chỉ thị";
  citation.number = "33/CT-TTg";
  citation.number_key = "33/ct-ttg";
  citation.text = "Chỉ thị số 33/CT-TTg";
  document.metadata.citations.push_back(citation);
  document.text = "KẾ HOẠCH " + title + "\nThực hiện Chỉ thị số 33/CT-TTg của Thủ tướng Chính phủ.";
  return document;
}

// The original bytes of a plan: distinct per number, so distinct per test document.
inline std::string plan_bytes(const std::string& number, const std::string& title) {
  return "Số: " + number + "\n" + plan_document(number, title).text + "\n";
}

inline Xapian::Database open_reader(const std::filesystem::path& db_dir) {
  return Xapian::Database(archive::xapian_dir(db_dir).string());
}

// Takes every document's analysis version term off: the archive of a Vanban from before
// versions were stored (session 30), whose documents all count as stale.
inline void forget_analysis_versions(const std::filesystem::path& db_dir) {
  Xapian::WritableDatabase database(archive::xapian_dir(db_dir).string());
  for (auto it = database.postlist_begin(""); it != database.postlist_end(""); ++it) {
    Xapian::Document document = database.get_document(*it);
    for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
      if (archive::schema::analysis_version_of(*term)) {
        document.remove_term(*term);
        break;
      }
    }
    database.replace_document(*it, document);
  }
  database.commit();
}

}  // namespace vanban::testing
