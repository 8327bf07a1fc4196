// A NAME.meta.json beside a file overrides the fields extraction finds (offices keep metadata
// in a register); the sidecar wins over an edXML envelope too.
#include <algorithm>
#include <optional>
#include <string>

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
  const analyzers::DocumentMetadata metadata = analyze(*read);
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
  EXPECT_EQ(analyze(*read).date, "2026-03-12");
}

TEST(Sidecar, sidecar_wins_over_the_edxml_envelope) {
  TempDir dir;
  write_file(dir / "cv.edxml", testing::fixture("cong-van.edxml"));
  write_file(dir / "cv.edxml.meta.json", R"({"signer": "Trần Văn Bình"})");
  auto read = read_file(dir / "cv.edxml");
  ASSERT_TRUE(read.ok());
  const analyzers::DocumentMetadata metadata = analyze(*read);
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

TEST(Sidecar, a_field_of_the_wrong_type_is_dropped_alone_with_a_warning) {
  TempDir dir;
  write_file(dir / "kh.txt", "KẾ HOẠCH\nTriển khai công tác dân vận\n");
  write_file(dir / "kh.txt.meta.json",
             R"({"title": "Dân vận khéo", "number": 15, "recipients": ["UBND", 3],
                 "citations": [{"number": []}], "signer": "Trần Văn Bình"})");
  auto read = read_file(dir / "kh.txt");
  ASSERT_TRUE(read.ok()) << read.error().message;
  const analyzers::DocumentMetadata metadata = analyze(*read);
  EXPECT_EQ(metadata.title, "Dân vận khéo");
  EXPECT_EQ(metadata.signer, "Trần Văn Bình");
  EXPECT_NE(metadata.number, std::optional<std::string>("15"));
  ASSERT_EQ(read->warnings.size(), 3u);
  for (const char* field : {"number", "recipients", "citations"}) {
    EXPECT_TRUE(std::any_of(read->warnings.begin(), read->warnings.end(),
                            [&](const std::string& warning) {
                              return warning.find("field " + std::string(field)) !=
                                     std::string::npos;
                            }))
        << field;
  }
}

// null states that a field is empty: it clears what extraction found, lists included, and the
// sidecar's other fields still apply.
TEST(Sidecar, null_clears_a_field_and_the_other_fields_still_apply) {
  TempDir dir;
  write_file(dir / "kh.txt",
             "KẾ HOẠCH\nTriển khai công tác dân vận\nNơi nhận:\n- Ủy ban nhân dân huyện;\n"
             "- Lưu: VT.\n");
  write_file(dir / "kh.txt.meta.json",
             R"({"number": "15/KH-UBND", "title": null, "recipients": null, "citations": null})");
  auto read = read_file(dir / "kh.txt");
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_TRUE(read->warnings.empty());
  const analyzers::DocumentMetadata metadata = analyze(*read);
  EXPECT_EQ(metadata.number, "15/KH-UBND");
  EXPECT_EQ(metadata.number_key, analyzers::symbol_key("15/KH-UBND"));
  EXPECT_FALSE(metadata.title.has_value());
  EXPECT_TRUE(metadata.recipients.empty());
  EXPECT_TRUE(metadata.citations.empty());
}

// A citation given in a sidecar keeps its fields; a citation object with a null text is read,
// not a reason to drop the sidecar.
TEST(Sidecar, citations_of_the_sidecar_replace_the_extracted_ones) {
  TempDir dir;
  write_file(dir / "kh.txt", "KẾ HOẠCH\nThực hiện Chỉ thị số 33/CT-TTg ngày 01/01/2025\n");
  write_file(dir / "kh.txt.meta.json",
             R"({"signer": "Trần Văn Bình",
                 "citations": [{"type": "Nghị định", "number": "59/2023/NĐ-CP", "text": null}]})");
  auto read = read_file(dir / "kh.txt");
  ASSERT_TRUE(read.ok()) << read.error().message;
  const analyzers::DocumentMetadata metadata = analyze(*read);
  EXPECT_EQ(metadata.signer, "Trần Văn Bình");
  ASSERT_EQ(metadata.citations.size(), 1u);
  EXPECT_EQ(metadata.citations.front().number, "59/2023/NĐ-CP");
  EXPECT_EQ(metadata.citations.front().type, "Nghị định");
}

TEST(Sidecar, dates_that_name_no_day_of_the_calendar_are_refused) {
  for (const char* date :
       {"2026-99-99", "2026-02-30", "26-1-5", "2026-1-05", "hôm qua", "2026-02-28T00:00"}) {
    TempDir dir;
    write_file(dir / "kh.txt", "KẾ HOẠCH");
    write_file(dir / "kh.txt.meta.json", std::string(R"({"date": ")") + date + R"("})");
    auto read = read_file(dir / "kh.txt");
    ASSERT_TRUE(read.ok()) << date;
    EXPECT_NE(analyze(*read).date, std::optional<std::string>(date)) << date;
    ASSERT_EQ(read->warnings.size(), 1u) << date;
    EXPECT_NE(read->warnings.front().find("date"), std::string::npos);
  }
  TempDir dir;
  write_file(dir / "kh.txt", "KẾ HOẠCH");
  write_file(dir / "kh.txt.meta.json", R"({"date": "2024-02-29"})");
  auto read = read_file(dir / "kh.txt");
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(analyze(*read).date, "2024-02-29");
  EXPECT_TRUE(read->warnings.empty());
}

TEST(Sidecar, a_deeply_nested_sidecar_fails_its_file_only) {
  TempDir dir;
  write_file(dir / "kh.txt", "KẾ HOẠCH");
  constexpr int kDepth = 100'000;
  write_file(dir / "kh.txt.meta.json",
             R"({"title": )" + std::string(kDepth, '[') + std::string(kDepth, ']') + "}");
  auto read = read_file(dir / "kh.txt");
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().kind, ErrorKind::invalid_argument);
  EXPECT_NE(read.error().message.find("nested"), std::string::npos) << read.error().message;
}

TEST(Sidecar, sidecar_names_are_recognised) {
  EXPECT_TRUE(is_sidecar("a/kh-15.pdf.meta.json"));
  EXPECT_TRUE(is_sidecar("kh-15.meta.json"));
  EXPECT_FALSE(is_sidecar("kh-15.json"));
  EXPECT_FALSE(is_sidecar("meta.json.pdf"));
}

}  // namespace
}  // namespace vanban::indexer
