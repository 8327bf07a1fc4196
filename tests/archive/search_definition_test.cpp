// Questions asking what a term means (definition_question.hpp): the term read from the
// question's frame, and the text holding the defining clause "<term> là …" ranked first.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "vanban/analyzers/fold.hpp"
#include "vanban/archive/query_parser.hpp"

#include "definition_question.hpp"
#include "search_fixtures.hpp"

namespace vanban::testing {
namespace {

// The term's words as typed (lower case), space-separated; "" when the box asks no definition.
std::string defined_words_of(const std::string& box) {
  auto parsed = archive::query::parse_query(box);
  EXPECT_TRUE(parsed.ok()) << box;
  if (!parsed.ok()) return "?";
  std::string out;
  for (const auto& word : archive::defined_term(parsed->root))
    out += (out.empty() ? "" : " ") + word.exact;
  return out;
}

TEST(DefinitionQuestion, reads_the_term_from_the_frames_closing_or_opening_it) {
  EXPECT_EQ(defined_words_of("Hợp đồng hợp tác là gì?"), "hợp đồng hợp tác");
  EXPECT_EQ(defined_words_of("vật chính được hiểu như thế nào?"), "vật chính");
  EXPECT_EQ(defined_words_of("loi tuc duoc hieu the nao"), "loi tuc");
  EXPECT_EQ(defined_words_of("quyền nhân thân có nghĩa là gì"), "quyền nhân thân");
  EXPECT_EQ(defined_words_of("Định nghĩa của \"Người lao động\"?"), "người lao động");
  EXPECT_EQ(defined_words_of("khai niem ve hoa loi"), "hoa loi");
  EXPECT_EQ(defined_words_of("Thế nào là tình thế cấp thiết?"), "tình thế cấp thiết");
  EXPECT_EQ(defined_words_of("\"tài sản\" được hiểu như thế nào"), "tài sản");
  // Only the last words before the frame: what stands further back is the asker's context.
  EXPECT_EQ(defined_words_of(
                "trong các trường hợp mà luật này quy định thì năng lực hành vi dân sự của cá "
                "nhân là gì"),
            "lực hành vi dân sự của cá nhân");
}

TEST(DefinitionQuestion, asks_no_definition_without_its_frame) {
  // The definition given, the term asked for.
  EXPECT_EQ(defined_words_of("Tài sản mà chủ sở hữu đã từ bỏ quyền sở hữu được gọi là gì?"), "");
  EXPECT_EQ(defined_words_of("Hợp đồng lao động có hiệu lực từ khi nào?"), "");
  EXPECT_EQ(defined_words_of("Lợi tức được chia như thế nào?"), "");
  EXPECT_EQ(defined_words_of("giải thích từ ngữ"), "");
  EXPECT_EQ(defined_words_of("là gì"), "");  // no term before the frame
  EXPECT_EQ(defined_words_of("định nghĩa"), "");
}

// Text of about `sentences` × 60 bytes that holds none of the words asked about below.
std::string law_text(int sentences) {
  std::string text;
  const char* lines[] = {"Các cơ quan thực hiện đầy đủ nhiệm vụ được giao. ",
                         "Ủy ban nhân dân các xã báo cáo kết quả trước ngày 15 hằng tháng. ",
                         "Kinh phí bảo đảm từ ngân sách nhà nước theo phân cấp hiện hành. "};
  for (int i = 0; i < sentences; ++i)
    text += lines[i % 3];
  return text;
}

// A law defines its terms in one long article ("Giải thích từ ngữ"), where each term stands
// once; an article that only uses the term holds it twice, so by the words alone it comes first
// (checked on main's ranking: six of the eight boxes rank it first). The defining clause "lợi tức
// là" tells the answer, typed either way and in each frame of a definition question; a question
// that asks no definition ranks as before.
TEST(SearchRanking, a_definition_question_ranks_the_text_defining_the_term_first) {
  SearchArchive archive{
      {.name = "defines",
       .title = "Điều 3",
       .body = "Giải thích từ ngữ. Trong Luật này, các từ ngữ dưới đây được hiểu như sau: 1. "
               "Hoa lợi là sản vật tự nhiên mà tài sản mang lại. 2. Lợi tức là khoản lợi thu "
               "được từ việc khai thác tài sản. " +
               law_text(30)},
      {.name = "uses",
       .title = "Điều 9",
       .body = law_text(9) +
               "Lợi tức được chia theo thỏa thuận của các bên; người hưởng lợi tức có nghĩa vụ "
               "nộp thuế."}};
  for (int i = 1; i <= 40; ++i)
    archive.add({{.name = "other" + std::to_string(i),
                  .title = "Điều " + std::to_string(10 + i),
                  .body = law_text(3 * (1 + i % 3)) + " Hồ sơ được lưu trữ."}});
  for (const std::string& question :
       {std::string("Lợi tức được hiểu như thế nào?"), std::string("Lợi tức là gì?"),
        std::string("Định nghĩa của \"lợi tức\"?"),
        std::string("Theo Bộ luật Dân sự 2015, lợi tức được hiểu như thế nào?")}) {
    for (const std::string& box : {question, analyzers::fold(question)})
      EXPECT_EQ(archive.found(box).front(), "defines") << box;
  }
  // The control: no definition asked, the text holding the words most comes first.
  for (const std::string& box : {std::string("Lợi tức được chia như thế nào?"),
                                 std::string("loi tuc duoc chia nhu the nao")})
    EXPECT_EQ(archive.found(box).front(), "uses") << box;
}

}  // namespace
}  // namespace vanban::testing
