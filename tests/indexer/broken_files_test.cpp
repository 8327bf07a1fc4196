// Damaged, encrypted, scanned and oversized files fail with a clear error of the right kind,
// never with an empty document or a crash.
#include <gtest/gtest.h>

#include "vanban/indexer/reader.hpp"

#include "indexer_fixtures.hpp"

namespace vanban::indexer {
namespace {

using testing::fixture;
using testing::fixture_path;

Error read_error(std::string_view name, const std::string& bytes, ReadOptions options = {}) {
  auto read = read_document(std::string(name), bytes, options);
  EXPECT_FALSE(read.ok()) << name << " read as:\n" << (read.ok() ? read->text : "");
  return read.ok() ? Error{} : read.error();
}

// A scan is read by OCR (ocr_test.cpp); one whose pages hold nothing to read fails, with or
// without OCR, and so does any scan where OCR cannot run.
TEST(BrokenFiles, scanned_blank_page_is_reported_as_having_no_text) {
  const Error error = read_error("trang-trang.pdf", fixture("ocr/trang-trang.pdf"));
  EXPECT_EQ(error.kind, ErrorKind::unsupported);
  EXPECT_TRUE(error.message.starts_with("no text")) << error.message;
}

TEST(BrokenFiles, scans_without_ocr_language_data_are_reported_as_having_no_text_layer) {
  const testing::TempDir empty;  // a TESSDATA folder without vie.traineddata
  ReadOptions options;
  options.ocr.tessdata = empty.path();
  std::vector<std::filesystem::path> scans = {fixture_path("scanned.pdf")};
  const auto folder = testing::corpus_dir() / "real" / "scanned-pdf-samples";
  if (std::filesystem::exists(folder)) {
    for (const auto& entry : std::filesystem::directory_iterator(folder))
      if (entry.path().extension() == ".pdf") scans.push_back(entry.path());
  }
  for (const auto& scan : scans) {
    const Error error = read_error(scan.filename().string(), testing::read_file(scan), options);
    EXPECT_EQ(error.kind, ErrorKind::unsupported) << scan;
    EXPECT_TRUE(error.message.starts_with("no text layer; OCR not installed")) << error.message;
  }
}

TEST(BrokenFiles, truncated_pdf_is_corrupt_not_partially_indexed) {
  const Error error = read_error("truncated.pdf", fixture("truncated.pdf"));
  EXPECT_EQ(error.kind, ErrorKind::invalid_argument);
  EXPECT_NE(error.message.find("truncated"), std::string::npos);
}

TEST(BrokenFiles, pdf_garbage_after_header_is_corrupt) {
  const Error error = read_error("rac.pdf", "%PDF-1.7\nnot really a pdf at all\n%%EOF\n");
  EXPECT_EQ(error.kind, ErrorKind::invalid_argument);
}

TEST(BrokenFiles, encrypted_pdf_says_a_password_is_needed) {
  const Error error = read_error("encrypted.pdf", fixture("encrypted.pdf"));
  EXPECT_EQ(error.kind, ErrorKind::unsupported);
  EXPECT_NE(error.message.find("encrypted"), std::string::npos);
}

TEST(BrokenFiles, corrupt_zip_docx_is_invalid) {
  const Error error = read_error("corrupt.docx", fixture("corrupt.docx"));
  EXPECT_EQ(error.kind, ErrorKind::invalid_argument);
  EXPECT_NE(error.message.find("zip"), std::string::npos);
}

TEST(BrokenFiles, docx_named_file_that_is_not_a_zip_is_invalid) {
  const Error error = read_error("van-ban.docx", "Văn bản này không phải tệp Word");
  EXPECT_EQ(error.kind, ErrorKind::invalid_argument);
}

TEST(BrokenFiles, malformed_edxml_is_invalid_with_the_line) {
  const Error error = read_error("malformed.edxml", fixture("malformed.edxml"));
  EXPECT_EQ(error.kind, ErrorKind::invalid_argument);
  EXPECT_NE(error.message.find("not well-formed"), std::string::npos);
  EXPECT_NE(error.message.find("line"), std::string::npos);
}

TEST(BrokenFiles, xml_that_is_not_edxml_is_unsupported) {
  const Error error = read_error("so-lieu.xml", "<?xml version='1.0'?><data><row>1</row></data>");
  EXPECT_EQ(error.kind, ErrorKind::unsupported);
}

TEST(BrokenFiles, file_over_the_size_limit_is_too_large) {
  ReadOptions options;
  options.max_bytes = 1024;
  const Error error = read_error("dai.txt", std::string(2048, 'a'), options);
  EXPECT_EQ(error.kind, ErrorKind::too_large);
}

TEST(BrokenFiles, file_on_disk_over_the_size_limit_is_refused_before_reading) {
  testing::TempDir dir;
  testing::write_file(dir / "dai.txt", std::string(4096, 'a'));
  ReadOptions options;
  options.max_bytes = 1024;
  auto read = read_file(dir / "dai.txt", options);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().kind, ErrorKind::too_large);
}

TEST(BrokenFiles, html_that_is_tag_soup_still_gives_its_text) {
  auto read = read_document("loi.html", "<html><body><p>Điều 1. <b>Phạm vi<p>Điều 2</table></div>");
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->text, "Điều 1. Phạm vi\nĐiều 2");
}

}  // namespace
}  // namespace vanban::indexer
