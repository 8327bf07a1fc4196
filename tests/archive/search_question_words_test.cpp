// A question's interrogative words (gì, nào, ai, đâu, mấy, "bao nhiêu", "thế nào" of "như thế
// nào"): they stand where the answer will, so they weigh nothing in a question; the texts that
// hold them use them otherwise ("không có gì", "không ai", "thế chấp").
#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "vanban/archive/query_parser.hpp"

#include "accent_restoration.hpp"
#include "search_fixtures.hpp"

namespace vanban::testing {
namespace {

using Names = std::vector<std::string>;

// The words of `box` read as interrogative, space-separated as typed.
std::string interrogatives_of(const std::string& box) {
  auto parsed = archive::query::parse_query(box);
  EXPECT_TRUE(parsed.ok()) << box;
  if (!parsed.ok()) return "?";
  std::string out;
  for (const auto& child : parsed->root.children) {
    if (child.kind != archive::query::Node::Kind::words) continue;
    const std::vector<bool> asked = archive::interrogative_words(child.words);
    for (std::size_t i = 0; i < child.words.size(); ++i)
      if (asked[i]) out += (out.empty() ? "" : " ") + child.words[i].exact;
  }
  return out;
}

TEST(InterrogativeWords, are_the_pronouns_and_the_interrogative_part_of_a_frame) {
  EXPECT_EQ(interrogatives_of("Đơn vị nào có quyền tuyên bố?"), "nào");
  EXPECT_EQ(interrogatives_of("Phạm tội có tổ chức là gì?"), "gì");
  EXPECT_EQ(interrogatives_of("Ai là người đại diện?"), "ai");
  EXPECT_EQ(interrogatives_of("bị phạt tù bao nhiêu năm"), "bao nhiêu");
  EXPECT_EQ(interrogatives_of("được quy định như thế nào"), "thế nào");
  EXPECT_EQ(interrogatives_of("vì sao bị từ chối"), "sao");
  EXPECT_EQ(interrogatives_of("áp dụng mấy hình phạt chính"), "mấy");
  EXPECT_EQ(interrogatives_of("nộp hồ sơ ở đâu"), "đâu");
  // Typed without diacritics: gì, nào, ai by their letters; a frame's words in the frame.
  EXPECT_EQ(interrogatives_of("don vi nao co quyen"), "nao");
  EXPECT_EQ(interrogatives_of("pham toi la gi"), "gi");
  EXPECT_EQ(interrogatives_of("nop ho so o dau"), "dau");
  EXPECT_EQ(interrogatives_of("bi phat bao nhieu nam"), "bao nhieu");
  // Controls: "dau" alone is also đầu, "may" máy, "sao" of "sao y"; the frame's words spelled
  // otherwise are none ("bảo nhiều", "thể nào"); "bao" of "bao gồm" is no question.
  EXPECT_EQ(interrogatives_of("dau tu cong"), "");
  EXPECT_EQ(interrogatives_of("may moc thiet bi"), "");
  EXPECT_EQ(interrogatives_of("sao y bản chính"), "");
  EXPECT_EQ(interrogatives_of("bảo nhiều thể"), "");
  EXPECT_EQ(interrogatives_of("hình phạt chính bao gồm"), "");
  EXPECT_EQ(interrogatives_of("đầu tư công"), "");
}

// Articles of a law: no number, issuer or title of their own.
Doc asked_article(std::string name, std::string body) {
  return {.name = std::move(name), .type = "", .issuer = "", .date = "", .body = std::move(body)};
}

// The answers, rivals holding the question's interrogative words in another sense, and
// fillers holding none of the topic words.
std::vector<Doc> asked_articles() {
  std::vector<Doc> docs{
      asked_article("court",
                    "Tòa án nhân dân có quyền tuyên bố thỏa ước lao động tập thể vô hiệu."),
      asked_article("nobody",
                    "Thỏa ước lao động tập thể bị tuyên bố vô hiệu thì không ai phải thực hiện; "
                    "không có gì được giữ lại."),
      asked_article("mortgage-order",
                    "Thứ tự thanh toán giữa các bên cùng nhận thế chấp được xác định theo thứ tự "
                    "đăng ký thế chấp; tài sản thế chấp được xử lý theo thỏa thuận."),
      asked_article("payment-term",
                    "Thời hạn thanh toán do các bên thỏa thuận; không có thỏa thuận thì bên mua "
                    "thanh toán tại thời điểm nhận tài sản.")};
  const char* lines[] = {"Người lao động có quyền nghỉ hằng năm theo hợp đồng lao động.",
                         "Cơ quan nhà nước có thẩm quyền quyết định việc đăng ký kinh doanh.",
                         "Tài sản chung của vợ chồng được chia theo pháp luật.",
                         "Hợp đồng dân sự được giao kết bằng lời nói hoặc bằng văn bản."};
  for (int i = 0; i < 12; ++i)
    docs.push_back(asked_article("filler-" + std::to_string(i), lines[i % 4]));
  return docs;
}

TEST(SearchQuestionWords, a_questions_interrogative_words_weigh_nothing) {
  SearchArchive archive{};
  archive.add(asked_articles());
  // "ai" and "gì" are in one article only: weighed as words, the article saying "không ai",
  // "không có gì" came first, above the one stating who may.
  for (const std::string box : {"Ai có quyền tuyên bố thỏa ước lao động tập thể vô hiệu?",
                                "ai co quyen tuyen bo thoa uoc lao dong tap the vo hieu?",
                                "Quyền tuyên bố thỏa ước lao động tập thể vô hiệu là gì?"}) {
    const auto asked = archive.search(box);
    EXPECT_TRUE(asked.question) << box;
    ASSERT_FALSE(asked.hits.empty()) << box;
    EXPECT_EQ(archive.names(asked).front(), "court") << box;
  }
  // "thế" of "như thế nào" is the one of "thế chấp": the answer on the payment term first.
  for (const std::string box : {"Thời hạn thanh toán giữa các bên được xác định như thế nào?",
                                "thoi han thanh toan giua cac ben duoc xac dinh nhu the nao?"}) {
    const auto asked = archive.search(box);
    EXPECT_TRUE(asked.question) << box;
    ASSERT_FALSE(asked.hits.empty()) << box;
    EXPECT_EQ(archive.names(asked).front(), "payment-term") << box;
  }
}

// What the rule must not touch: searches of words, `+word`, a box of interrogative words only.
TEST(SearchQuestionWords, searches_of_words_keep_every_word) {
  SearchArchive archive{};
  archive.add(asked_articles());
  // A search of words (no mark, no frame) weighs and requires them as before: the one text
  // holding them all (too few: the others follow, relaxed).
  for (const auto& [box, name] :
       {std::pair<std::string, std::string>{"không có gì được giữ lại", "nobody"},
        {"thế chấp", "mortgage-order"},
        {"bao gồm thế chấp", "mortgage-order"}}) {
    const auto response = archive.search(box);
    EXPECT_FALSE(response.question) << box;
    ASSERT_FALSE(response.hits.empty()) << box;
    EXPECT_EQ(archive.names(response).front(), name) << box;
  }
  const auto words = archive.search("tuyên bố thỏa ước lao động tập thể vô hiệu");
  EXPECT_FALSE(words.question);
  EXPECT_EQ(words.all_words_total, 2U);
  // Required by the user, an interrogative word is required and weighs.
  EXPECT_EQ(archive.found("+ai có quyền tuyên bố thỏa ước lao động tập thể vô hiệu?"),
            Names{"nobody"});
  // A question of nothing else: its words are the query.
  const auto names = archive.found("gì?");
  EXPECT_NE(std::find(names.begin(), names.end(), "nobody"), names.end());
}

// Legal texts write a count under ten with a leading zero ("06 giờ", "02 năm"); office staff
// type "6 giờ". Either spelling finds the other; a number of two digits stays itself.
TEST(SearchQuestionWords, a_count_under_ten_is_either_spelling) {
  SearchArchive archive{
      asked_article("padded",
                    "Người lao động làm việc liên tục 06 giờ được nghỉ giữa giờ ít nhất 30 phút."),
      asked_article("bare", "Người lao động làm việc ban đêm liên tục 8 giờ được nghỉ giữa giờ."),
      asked_article("sixteen", "Người lao động làm việc liên tục 16 giờ được nghỉ giữa giờ."),
      asked_article("other", "Người lao động làm việc theo ca được nghỉ trước khi chuyển ca.")};
  // A search of words: the count is required, in either spelling ("16" is another count); the
  // one text holding every word first (too few: the others follow, relaxed).
  for (const auto& [box, name] :
       {std::pair<std::string, std::string>{"làm việc liên tục 6 giờ", "padded"},
        {"lam viec lien tuc 6 gio", "padded"},
        {"làm việc liên tục 08 giờ", "bare"},
        {"làm việc liên tục 16 giờ", "sixteen"},
        {"làm việc liên tục 06 giờ", "padded"}}) {
    const auto response = archive.search(box);
    EXPECT_EQ(response.all_words_total, 1U) << box;
    ASSERT_FALSE(response.hits.empty()) << box;
    EXPECT_EQ(archive.names(response).front(), name) << box;
  }
  // A question: the text holding the count first, and not said to lack it.
  const auto asked = archive.search("Làm việc liên tục 6 giờ thì được nghỉ giữa giờ bao lâu?");
  EXPECT_TRUE(asked.question);
  ASSERT_FALSE(asked.hits.empty());
  EXPECT_EQ(archive.names(asked).front(), "padded");
  const auto& missing = asked.hits.front().missing_words;
  EXPECT_EQ(std::find(missing.begin(), missing.end(), "6"), missing.end());
}

}  // namespace
}  // namespace vanban::testing
