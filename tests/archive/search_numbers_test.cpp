// A document number typed in the box: the document bearing it first, then those citing it,
// whatever the spacing, case or diacritics.
#include <algorithm>

#include <gtest/gtest.h>

#include "search_fixtures.hpp"

namespace vanban::testing {
namespace {

using Names = std::vector<std::string>;

SearchArchive directive_archive() {
  return SearchArchive{
      // Citing documents mention the number often, in their title too: they must still rank
      // below the document bearing the number.
      {.name = "plan",
       .number = "32/KH-UBND",
       .title = "Triển khai Chỉ thị số 33/CT-TTg về công tác dân vận",
       .body = "Thực hiện Chỉ thị số 33/CT-TTg. Theo Chỉ thị số 33/CT-TTg, các sở ngành...",
       .cites = {"33/CT-TTg"}},
      {.name = "directive",
       .type = "Chỉ thị",
       .number = "33/CT-TTg",
       .issuer = "Thủ tướng Chính phủ",
       .date = "2021-11-26",
       .title = "Về tiếp tục tăng cường công tác dân vận",
       .body = "Thủ tướng Chính phủ yêu cầu."},
      {.name = "report",
       .type = "Báo cáo",
       .number = "12/BC-UBND",
       .title = "Kết quả công tác dân vận",
       .body = "Đánh giá việc thực hiện Chỉ thị 33/CT-TTg.",
       .cites = {"33/CT-TTg"}},
      {.name = "unrelated",
       .number = "34/KH-UBND",
       .title = "Kế hoạch phòng cháy",
       .body = "Thực hiện Chỉ thị số 34/CT-TTg."},
      {.name = "decree",
       .type = "Nghị định",
       .number = "59/2023/NĐ-CP",
       .issuer = "Chính phủ",
       .date = "2023-08-14",
       .title = "Quy định chi tiết Luật Thực hiện dân chủ ở cơ sở",
       .body = "Chính phủ ban hành."},
  };
}

TEST(SearchNumbers, number_finds_its_document_first_then_citing_ones) {
  auto archive = directive_archive();
  const Names found = archive.found("33/CT-TTg");
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found.front(), "directive");
  Names citing(found.begin() + 1, found.end());
  std::sort(citing.begin(), citing.end());
  EXPECT_EQ(citing, (Names{"plan", "report"}));
}

// A citation the extractor did not read (here: no citation recorded at all) still finds its
// document by the number in its text, after the documents it did read as citing.
TEST(SearchNumbers, a_number_in_the_text_alone_is_found_after_the_citing_documents) {
  auto archive = directive_archive();
  archive.add({{.name = "missed",
                .number = "40/KH-UBND",
                .title = "Kế hoạch tuyên truyền",
                .body = "Tiếp tục quán triệt 33/CT-TTg trong toàn tỉnh."}});
  const Names found = archive.found("33/CT-TTg");
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(found.front(), "directive");
  EXPECT_EQ(found.back(), "missed");
  EXPECT_EQ(archive.found("34/CT-TTg"), Names{"unrelated"});  // its text alone names it
}

TEST(SearchNumbers, number_is_found_whatever_the_case_spacing_or_diacritics) {
  auto archive = directive_archive();
  for (const char* typed : {"33/ct-ttg", "33 / CT - TTg", "Chỉ thị 33/CT-TTg"})
    EXPECT_EQ(archive.found(typed).front(), "directive") << typed;
  EXPECT_EQ(archive.found("59/2023/ND-CP"), Names{"decree"});
  EXPECT_EQ(archive.found("59/2023/nđ-cp"), Names{"decree"});
}

TEST(SearchNumbers, words_beside_a_number_rank_the_citing_documents) {
  auto archive = directive_archive();
  EXPECT_EQ(archive.found("33/CT-TTg kết quả"), (Names{"directive", "report", "plan"}));
  EXPECT_EQ(archive.found("33/CT-TTg triển khai"), (Names{"directive", "plan", "report"}));
}

TEST(SearchNumbers, number_parameter_and_so_field_select_the_document_itself) {
  auto archive = directive_archive();
  EXPECT_EQ(archive.found("so:33/ct-ttg"), Names{"directive"});
  archive::SearchRequest request;
  request.filters[archive::FieldId::number] = {"33/CT-TTg"};
  EXPECT_EQ(archive.names(archive.search(request)), Names{"directive"});
}

TEST(SearchNumbers, trich_field_and_cites_parameter_select_citing_documents) {
  auto archive = directive_archive();
  auto found = archive.found("trich:33/CT-TTg");
  std::sort(found.begin(), found.end());
  EXPECT_EQ(found, (Names{"plan", "report"}));
  archive::SearchRequest request;
  request.query = "dân vận";
  request.filters[archive::FieldId::cites] = {"33/ct-ttg"};
  found = archive.names(archive.search(request));
  std::sort(found.begin(), found.end());
  EXPECT_EQ(found, (Names{"plan", "report"}));
}

}  // namespace
}  // namespace vanban::testing
