// A NAME.meta.json beside a file overrides the fields extraction finds (offices keep metadata
// in a register); the sidecar wins over an edXML envelope too.
#include <gtest/gtest.h>

#include "vanban/analyzers/symbol.hpp"
#include "vanban/indexer/metadata.hpp"
#include "vanban/indexer/reader.hpp"

#include "indexer_fixtures.hpp"

namespace vanban::indexer {
namespace {

using testing::TempDir;
using testing::write_file;

TEST(Sidecar, fields_of_the_sidecar_override_the_document) {
  TempDir dir;
  write_file(dir / "kh-15.txt", "KẾ HOẠCH\nTriển khai công tác chuyển đổi số năm 2026\n");
  write_file(dir / "kh-15.txt.meta.json",
             R"({"number": "15/KH-UBND", "issuer": "Ủy ban nhân dân xã Hòa Bình",
                 "recipients": ["Ủy ban nhân dân huyện"], "so_dang_ky": 7})");
  auto read = read_file(dir / "kh-15.txt");
  ASSERT_TRUE(read.ok()) << read.error().message;
  const analyzers::DocumentMetadata metadata = analyse(*read);
  EXPECT_EQ(metadata.number, "15/KH-UBND");
  EXPECT_EQ(metadata.number_key, analyzers::symbol_key("15/KH-UBND"));
  EXPECT_EQ(metadata.issuer, "Ủy ban nhân dân xã Hòa Bình");
  EXPECT_EQ(metadata.recipients, std::vector<std::string>{"Ủy ban nhân dân huyện"});
  ASSERT_EQ(read->warnings.size(), 1u);
  EXPECT_NE(read->warnings.front().find("so_dang_ky"), std::string::npos);
}

TEST(Sidecar, sidecar_named_after_the_stem_applies_too) {
  TempDir dir;
  write_file(dir / "kh-15.html", "<p>KẾ HOẠCH</p>");
  write_file(dir / "kh-15.meta.json", R"({"date": "2026-03-12"})");
  auto read = read_file(dir / "kh-15.html");
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(analyse(*read).date, "2026-03-12");
}

TEST(Sidecar, sidecar_wins_over_the_edxml_envelope) {
  TempDir dir;
  write_file(dir / "cv.edxml", testing::fixture("cong-van.edxml"));
  write_file(dir / "cv.edxml.meta.json", R"({"signer": "Trần Văn Bình"})");
  auto read = read_file(dir / "cv.edxml");
  ASSERT_TRUE(read.ok());
  const analyzers::DocumentMetadata metadata = analyse(*read);
  EXPECT_EQ(metadata.signer, "Trần Văn Bình");
  EXPECT_EQ(metadata.number, "208/STNMT-VP");  // the envelope's other fields stay
}

TEST(Sidecar, malformed_sidecar_fails_the_file_rather_than_indexing_wrong_metadata) {
  TempDir dir;
  write_file(dir / "kh.txt", "KẾ HOẠCH");
  write_file(dir / "kh.txt.meta.json", R"({"number": "15/KH-UBND",)");
  auto read = read_file(dir / "kh.txt");
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().kind, ErrorKind::invalid_argument);
  EXPECT_NE(read.error().message.find("kh.txt.meta.json"), std::string::npos);
}

TEST(Sidecar, sidecar_names_are_recognised) {
  EXPECT_TRUE(is_sidecar("a/kh-15.pdf.meta.json"));
  EXPECT_TRUE(is_sidecar("kh-15.meta.json"));
  EXPECT_FALSE(is_sidecar("kh-15.json"));
  EXPECT_FALSE(is_sidecar("meta.json.pdf"));
}

}  // namespace
}  // namespace vanban::indexer
