// Uploaded files through the one ingest path: archived as tai-len/NAME with their typed fields,
// a result per file, names reduced to their last component, a .zip giving its members.
#include <gtest/gtest.h>

#include "vanban/archive/archive.hpp"
#include "vanban/indexer/upload.hpp"

#include "indexer_fixtures.hpp"
#include "stored_zip.hpp"

namespace vanban::indexer {
namespace {

using testing::fixture;
using testing::TempDir;

TEST(UploadIngest, each_file_has_its_result_under_the_upload_folder) {
  TempDir db;
  std::vector<UploadedFile> files = {
      {"C:\\Users\\van thu\\thong-bao.txt", fixture("thong-bao.txt"),
       R"({"number": "09/TB-UBND"})"},
      {"thong-bao.txt", "THÔNG BÁO\nMột tệp khác cùng tên", ""},
      {"../.an.txt", "THÔNG BÁO\nẩn", ""},
      {"hong.docx", fixture("corrupt.docx"), ""},
      {"ho-so.zip",
       testing::stored_zip(
           {{"ke-hoach.docx", fixture("ke-hoach.docx")}, {"ban-ve.dwg", "AC1015 drawing"}}),
       ""}};
  auto outcomes = ingest_uploads(db.path(), std::move(files));
  ASSERT_TRUE(outcomes.ok()) << outcomes.error().message;
  ASSERT_EQ(outcomes->size(), 5u);
  const auto& notice = (*outcomes)[0];
  EXPECT_EQ(notice.status, "indexed") << notice.message;
  EXPECT_EQ(notice.path, "tai-len/thong-bao.txt");
  EXPECT_FALSE(notice.document_id.empty());
  EXPECT_EQ((*outcomes)[1].status, "error") << "same name twice in one upload";
  EXPECT_EQ((*outcomes)[2].status, "error") << "hidden name";
  EXPECT_EQ((*outcomes)[3].status, "error");
  EXPECT_FALSE((*outcomes)[3].message.empty());
  const auto& folder = (*outcomes)[4];
  EXPECT_EQ(folder.status, "indexed");
  ASSERT_EQ(folder.notes.size(), 1u);
  EXPECT_NE(folder.notes[0].find("tai-len/ho-so.zip!/ban-ve.dwg"), std::string::npos);

  auto searcher = archive::Archive(db.path()).open_searcher();
  ASSERT_TRUE(searcher.ok());
  auto detail = (*searcher)->document(notice.document_id);
  ASSERT_TRUE(detail.ok());
  EXPECT_EQ(detail->document.metadata.number, "09/TB-UBND") << "the typed field wins";

  // Again, the same bytes and fields: unchanged.
  auto again = ingest_uploads(
      db.path(), {{"thong-bao.txt", fixture("thong-bao.txt"), R"({"number": "09/TB-UBND"})"}});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ((*again)[0].status, "unchanged");
  EXPECT_EQ((*again)[0].document_id, notice.document_id);
}

}  // namespace
}  // namespace vanban::indexer
