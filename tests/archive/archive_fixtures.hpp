// Small documents for the archive tests, written for them (no corpus needed).
#pragma once

#include <string>

#include <xapian.h>

#include "vanban/archive/document.hpp"

#include "disk_layout.hpp"

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

}  // namespace vanban::testing
