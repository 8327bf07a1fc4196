// A question typed without its question mark, whose only sign is an interrogative pronoun
// standing where the grammar puts one ("co quan nao cap giay phep", "can giay to gi", "ai co
// tham quyen", "nop vao dau", "co may loai") or a yes-or-no close ("... duoc ... khong", "da ...
// chua"): it is read as a question (asks_question()), typed either way. Boxes holding the same
// letters in another sense (topics, titles: "thép không gỉ", "nạo vét", "viêm não", "đầu tư",
// "nhà máy", "hàng không", "hồ chứa", "bất kỳ ... nào", "không có gì") stay searches of words.
#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "vanban/analyzers/fold.hpp"
#include "vanban/archive/query_parser.hpp"

#include "accent_restoration.hpp"
#include "search_fixtures.hpp"

namespace vanban::testing {
namespace {

using Names = std::vector<std::string>;

// Whether the search reads `box` as a question.
bool asks(const std::string& box) {
  auto parsed = archive::query::parse_query(box);
  EXPECT_TRUE(parsed.ok()) << box;
  return parsed.ok() && archive::asks_question(parsed->root, parsed->asked);
}

// Each box typed as given and without diacritics (lower case, đ → d).
std::vector<std::string> both_ways(const std::vector<std::string>& boxes) {
  std::vector<std::string> out;
  for (const std::string& box : boxes) {
    out.push_back(box);
    out.push_back(analyzers::fold(box));
  }
  return out;
}

TEST(QuestionWithoutMark, an_interrogative_pronoun_where_the_grammar_puts_one_asks) {
  for (const std::string& box : both_ways({
           "thủ tục đăng ký kết hôn cần giấy tờ gì",
           "cơ quan nào cấp giấy phép xây dựng",
           "đơn vị nào cung cấp thông tin",  // "cung" of cung cấp, not "cũng"
           "ai có thẩm quyền xử phạt vi phạm hành chính",
           "giao dịch của người chưa đủ sáu tuổi do ai xác lập",
           "người đồng phạm bao gồm những ai",
           "hồ sơ đề nghị cấp phép nộp vào đâu",
           "kinh phí lấy từ đâu",
           "hợp đồng lao động có mấy loại",
           "quy định tại điều mấy của bộ luật",
           "người lao động được nghỉ mấy ngày",
           "chủ thể nào được ưu tiên mua",
       }))
    EXPECT_TRUE(asks(box)) << box;
  // Typed with diacritics, "đâu" and "mấy" are the pronouns wherever they follow a word.
  EXPECT_TRUE(asks("tiền phạt nộp đâu"));
  EXPECT_TRUE(asks("sau mấy năm thì được nâng lương"));
}

TEST(QuestionWithoutMark, a_yes_or_no_close_after_the_verb_asked_asks) {
  for (const std::string& box : both_ways({
           "người lao động được nghỉ phép năm không", "hộ kinh doanh phải đóng thuế không",
           "nghị định này đã hết hiệu lực chưa", "hợp đồng có công chứng chưa",
           "lấn chiếm đất có bị phạt tiền không",  // main's "có ... không"
       }))
    EXPECT_TRUE(asks(box)) << box;
}

// A definition asked for by its opening frame is a question too: the law says "X là …",
// never "định nghĩa".
TEST(QuestionWithoutMark, a_definition_asked_for_asks) {
  for (const std::string& box :
       both_ways({"Định nghĩa của \"Quan hệ lao động\"", "khái niệm an ninh mạng",
                  "định nghĩa về hợp đồng hợp tác"}))
    EXPECT_TRUE(asks(box)) << box;
  // The words inside a title are no frame ("xác định nghĩa vụ").
  for (const std::string& box : both_ways({"xác định nghĩa vụ tài chính về đất đai"}))
    EXPECT_FALSE(asks(box)) << box;
}

// The controls: topics, titles and numbers holding the same letters in another sense.
TEST(QuestionWithoutMark, topics_and_titles_holding_the_same_letters_ask_nothing) {
  for (const std::string& box : both_ways({
           "thép không gỉ dạng thanh",
           "thực hiện nạo vét luồng lạch",
           "tiêm vắc xin viêm não nhật bản",
           "xác định chết não",
           "không có gì được giữ lại",
           "không để ai bị bỏ lại phía sau",
           "xử lý bất kỳ cơ quan nào vi phạm",
           "viện trợ của ai len",
           "hợp tác với ai cập",
           "ứng dụng ai trong giáo dục",
           "dự án đầu tư công",
           "kinh doanh xăng dầu",
           "tổ chức thi đấu thể thao",
           "vào đầu năm học",
           "đơn vị đi đầu trong phong trào",
           "nhà máy nhiệt điện",
           "tổ chức bộ máy cấp xã",
           "ngành may mặc",
           "cấp bản sao từ sổ gốc",
           "an ninh hàng không",
           "được cấp phép khai thác cảng hàng không",
           "được đầu tư hệ thống phòng không",
           "mục tiêu phát thải ròng bằng không",
           "đã có quy trình vận hành hồ chứa",
           "có kế hoạch sửa chữa",
           "kế hoạch dân vận",
           "158/2025/NĐ-CP",
           "Nghị định về an ninh hàng không",
       }))
    EXPECT_FALSE(asks(box)) << box;
  // The pronoun opening the box follows no noun: "nào" opening a title is no question.
  EXPECT_FALSE(asks("nạo vét kênh mương"));
  EXPECT_FALSE(asks("nao vet kenh muong"));
  // Indefinite, typed with diacritics: "gì đó", "nào cũng".
  EXPECT_FALSE(asks("một việc gì đó"));
  EXPECT_FALSE(asks("trường hợp nào cũng phải báo cáo"));
}

// Articles of a law: no number, issuer or title of their own.
Doc law_article(std::string name, std::string body) {
  return {.name = std::move(name), .type = "", .issuer = "", .date = "", .body = std::move(body)};
}

TEST(QuestionWithoutMark, is_matched_by_weight_and_its_pronoun_weighs_nothing) {
  std::vector<Doc> docs{
      law_article("court", "Tòa án nhân dân có quyền tuyên bố thỏa ước lao động tập thể vô hiệu."),
      law_article("nobody",
                  "Thỏa ước lao động tập thể bị tuyên bố vô hiệu thì không ai phải thực hiện; "
                  "không có gì được giữ lại.")};
  const char* lines[] = {"Người lao động có quyền nghỉ hằng năm theo hợp đồng lao động.",
                         "Cơ quan nhà nước có thẩm quyền quyết định việc đăng ký kinh doanh.",
                         "Tài sản chung của vợ chồng được chia theo pháp luật.",
                         "Hợp đồng dân sự được giao kết bằng lời nói hoặc bằng văn bản."};
  for (int i = 0; i < 12; ++i)
    docs.push_back(law_article("filler-" + std::to_string(i), lines[i % 4]));
  SearchArchive archive{};
  archive.add(docs);
  for (const std::string& box :
       both_ways({"ai có quyền tuyên bố thỏa ước lao động tập thể vô hiệu",
                  "cơ quan nào tuyên bố thỏa ước lao động tập thể vô hiệu",
                  "thỏa ước lao động tập thể vô hiệu thì được xử lý gì"})) {
    const auto asked = archive.search(box);
    EXPECT_TRUE(asked.question) << box;
    EXPECT_EQ(asked.all_words_total, 0U) << box;  // not counted: matched by weight
    ASSERT_FALSE(asked.hits.empty()) << box;
    // The pronoun is no word of the answer's: never listed as missing.
    for (const auto& hit : asked.hits) {
      const auto& missing = hit.missing_words;
      for (const char* pronoun : {"ai", "nào", "nao", "gì", "gi"})
        EXPECT_EQ(std::find(missing.begin(), missing.end(), pronoun), missing.end())
            << box << ' ' << hit.id;
    }
  }
  EXPECT_EQ(archive.names(archive.search("ai co quyen tuyen bo thoa uoc lao dong tap the vo hieu"))
                .front(),
            "court");
  // The control: the topic's words alone are a search of words, every word required.
  const auto words = archive.search("tuyên bố thỏa ước lao động tập thể vô hiệu");
  EXPECT_FALSE(words.question);
  EXPECT_EQ(words.all_words_total, 2U);
  const auto nothing = archive.search("không có gì được giữ lại");
  EXPECT_FALSE(nothing.question);
  EXPECT_EQ(archive.names(nothing).front(), "nobody");
}

}  // namespace
}  // namespace vanban::testing
