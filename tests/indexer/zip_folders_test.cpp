// .zip folders of documents: every member indexed as a document of its own under
// "ARCHIVE.zip!/folder/file", zips inside zips unpacked to a bounded depth, names that climb out
// refused, members counted and sized before anything is unpacked, bombs refused; edXML
// attachments of every format read into their envelope's document.
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "vanban/archive/archive.hpp"
#include "vanban/indexer/ingest.hpp"
#include "vanban/indexer/reader.hpp"

#include "disk_layout.hpp"
#include "indexer_fixtures.hpp"
#include "schema.hpp"
#include "stored_zip.hpp"

namespace vanban::indexer {
namespace {

using testing::fixture;
using testing::stored_zip;
using testing::TempDir;
using testing::write_file;

std::string folder_zip() {
  const std::string inner = stored_zip({{"cong-van.docx", fixture("cong-van.docx")}});
  return stored_zip({
      {"2026/", ""},
      {"2026/ke-hoach.docx", fixture("ke-hoach.docx")},
      {"2026/thong-bao.txt", fixture("thong-bao.txt")},
      {"2026/ban-ve.dwg", "AC1027 not read"},
      {"__MACOSX/2026/._ke-hoach.docx", "resource fork"},
      {"../../ngoai/thoat.txt", "Tệp tìm cách thoát ra ngoài thư mục."},
      {"luu-tru/ho-so-cu.zip", inner},
  });
}

class ZipFolders : public ::testing::Test {
 protected:
  IngestSummary run(bool prune = false) {
    auto writer = archive::Archive(db_.path()).open_writer();
    EXPECT_TRUE(writer.ok()) << writer.error().message;
    IngestOptions options;
    options.inputs = {files_.path()};
    options.jobs = 2;
    options.prune = prune;
    auto summary = ingest(**writer, options);
    EXPECT_TRUE(summary.ok()) << summary.error().message;
    return summary.ok() ? std::move(summary).value() : IngestSummary{};
  }

  nlohmann::json stored(const std::string& path) const {
    const Xapian::Database database(archive::xapian_dir(db_.path()).string());
    const std::string term =
        archive::schema::term(archive::schema::kPath, archive::schema::path_key(path));
    const auto it = database.postlist_begin(term);
    if (it == database.postlist_end(term)) return nullptr;
    return archive::to_json(
        *archive::parse_document(database.get_document(*it).get_data(), /*with_text=*/false),
        /*with_text=*/false);
  }

  static std::set<std::string> paths(const std::vector<FileNote>& notes) {
    std::set<std::string> out;
    for (const FileNote& note : notes)
      out.insert(note.path);
    return out;
  }

  TempDir db_;
  TempDir files_;
};

TEST_F(ZipFolders, each_member_is_a_document_under_the_zips_path) {
  write_file(files_ / "ho-so.zip", folder_zip());
  const IngestSummary summary = run();
  EXPECT_EQ(summary.added, 3u);
  EXPECT_EQ(paths(summary.skipped), std::set<std::string>{"ho-so.zip!/2026/ban-ve.dwg"});
  EXPECT_EQ(paths(summary.failed), std::set<std::string>{"ho-so.zip!/../../ngoai/thoat.txt"});
  const nlohmann::json plan = stored("ho-so.zip!/2026/ke-hoach.docx");
  ASSERT_TRUE(plan.is_object());
  EXPECT_EQ(plan["filename"], "ke-hoach.docx");
  EXPECT_EQ(plan["format"], "docx");
  EXPECT_EQ(plan["number"], "15/KH-UBND");
  const nlohmann::json nested = stored("ho-so.zip!/luu-tru/ho-so-cu.zip!/cong-van.docx");
  ASSERT_TRUE(nested.is_object());
  EXPECT_EQ(nested["number"], "208/STNMT-VP");
  EXPECT_TRUE(stored("ho-so.zip!/2026/thong-bao.txt").is_object());
  EXPECT_TRUE(stored("ho-so.zip").is_null()) << "the zip itself is no document";

  const IngestSummary again = run();
  EXPECT_EQ(again.added + again.updated, 0u);
  EXPECT_EQ(again.unchanged, 3u);
}

TEST_F(ZipFolders, prune_forgets_members_gone_from_the_zip_but_not_those_of_an_unreadable_zip) {
  write_file(files_ / "ho-so.zip", folder_zip());
  run();
  write_file(files_ / "ho-so.zip", stored_zip({{"2026/ke-hoach.docx", fixture("ke-hoach.docx")}}));
  const IngestSummary smaller = run(/*prune=*/true);
  EXPECT_EQ(smaller.removed, 2u);
  EXPECT_TRUE(stored("ho-so.zip!/2026/thong-bao.txt").is_null());
  EXPECT_TRUE(stored("ho-so.zip!/2026/ke-hoach.docx").is_object());

  write_file(files_ / "ho-so.zip", "PK\x03\x04 cut off");
  const IngestSummary broken = run(/*prune=*/true);
  EXPECT_EQ(paths(broken.failed), std::set<std::string>{"ho-so.zip"});
  EXPECT_EQ(broken.removed, 0u);
  EXPECT_TRUE(stored("ho-so.zip!/2026/ke-hoach.docx").is_object());
}

TEST_F(ZipFolders, a_zip_bomb_member_is_refused_and_the_run_goes_on) {
  write_file(files_ / "bom-nen.zip", fixture("bom-nen.zip"));
  write_file(files_ / "thong-bao.txt", fixture("thong-bao.txt"));
  const IngestSummary summary = run();
  EXPECT_EQ(summary.added, 1u);
  ASSERT_EQ(summary.failed.size(), 1u);
  EXPECT_EQ(summary.failed[0].path, "bom-nen.zip!/van-ban/to-trinh.txt");
  EXPECT_NE(summary.failed[0].message.find("zip bomb"), std::string::npos);
}

TEST(ZipLimits, member_count_total_size_and_nesting_depth_are_bounded) {
  const std::string text = fixture("thong-bao.txt");
  std::vector<std::pair<std::string, std::string>> many;
  for (int i = 0; i < 5; ++i)
    many.emplace_back("tb-" + std::to_string(i) + ".txt", text);
  ReadOptions options;
  options.max_zip_members = 4;
  auto too_many = read_document("nhieu.zip", stored_zip(many), options);
  ASSERT_FALSE(too_many.ok());
  EXPECT_EQ(too_many.error().kind, ErrorKind::too_large);

  options = {};
  options.max_zip_bytes = text.size() * 4;
  auto too_big = read_document("lon.zip", stored_zip(many), options);
  ASSERT_FALSE(too_big.ok());
  EXPECT_EQ(too_big.error().kind, ErrorKind::too_large);

  // Four zips deep with a limit of three levels: the innermost is refused, the rest read.
  std::string nested = stored_zip({{"sau.txt", text}});
  for (int level = 0; level < 3; ++level)
    nested = stored_zip({{"cap-" + std::to_string(level) + ".zip", nested}, {"tb.txt", text}});
  auto deep = read_document("sau.zip", nested, ReadOptions{});
  ASSERT_TRUE(deep.ok()) << deep.error().message;
  EXPECT_NE(deep->text.find("cap-2.zip!/cap-1.zip!/tb.txt"), std::string::npos) << deep->text;
  EXPECT_EQ(deep->text.find("sau.txt"), std::string::npos) << deep->text;
  ASSERT_FALSE(deep->warnings.empty());
  EXPECT_NE(deep->warnings[0].find("nested deeper"), std::string::npos) << deep->warnings[0];
}

TEST(ZipLimits, names_that_leave_the_folder_are_refused) {
  const std::string text = fixture("thong-bao.txt");
  for (const char* name :
       {"../tb.txt", "a/../../tb.txt", "/etc/tb.txt", "C:\\tb.txt", "..\\..\\tb.txt"}) {
    SCOPED_TRACE(name);
    auto read = read_document("x.zip", stored_zip({{name, text}, {"ok.txt", text}}));
    ASSERT_TRUE(read.ok()) << read.error().message;
    EXPECT_EQ(read->text.find("ok.txt"), 0u) << read->text;
    ASSERT_EQ(read->warnings.size(), 1u);
    EXPECT_NE(read->warnings[0].find("unsafe name"), std::string::npos);
  }
}

using testing::base64;

TEST(EdXmlAttachments, odt_and_zip_attachments_are_read_into_the_envelopes_document) {
  const std::string annexes = stored_zip({{"phu-luc/phu-luc.xlsx", fixture("phu-luc.xlsx")}});
  const std::string envelope =
      "<edXML><edXMLEnvelope><edXMLHeader><MessageHeader>"
      "<From><OrganName>Ủy ban nhân dân xã Hòa Bình</OrganName></From>"
      "<Subject>Kế hoạch chuyển đổi số năm 2026</Subject>"
      "</MessageHeader></edXMLHeader></edXMLEnvelope><AttachmentEncoded>"
      "<Attachment><AttachmentName>ke-hoach.odt</AttachmentName><ContentTransferEncoded>" +
      base64(fixture("ke-hoach.odt")) +
      "</ContentTransferEncoded></Attachment>"
      "<Attachment><AttachmentName>phu-luc.zip</AttachmentName><ContentTransferEncoded>" +
      base64(annexes) + "</ContentTransferEncoded></Attachment></AttachmentEncoded></edXML>";
  auto read = read_document("ke-hoach.edxml", envelope);
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(read->format, "edxml");
  const std::size_t body = read->text.find("Triển khai công tác chuyển đổi số năm 2026");
  const std::size_t annex = read->text.find("1\tỦy ban nhân dân xã Hòa Bình\t125\tĐúng hạn");
  ASSERT_NE(body, std::string::npos) << read->text;
  ASSERT_NE(annex, std::string::npos) << read->text;
  EXPECT_LT(body, annex);
  EXPECT_TRUE(read->warnings.empty()) << read->warnings.front();
}

}  // namespace
}  // namespace vanban::indexer
