// Questions typed in words: all the words first; when too few documents hold them all, the
// documents holding some of them, the rarer words weighing more; function and question words
// never required; `+word` and "phrases" stay required.
#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "search_fixtures.hpp"

namespace vanban::testing {
namespace {

using Names = std::vector<std::string>;

// Articles of a law: no number, issuer or title of their own.
Doc article(std::string name, std::string body) {
  return {.name = std::move(name), .type = "", .issuer = "", .date = "", .body = std::move(body)};
}

// Filler articles that hold none of the words of the questions below but the common ones.
std::vector<Doc> fillers(int count) {
  const char* lines[] = {"Người lao động có quyền nghỉ hằng năm theo hợp đồng lao động.",
                         "Cơ quan nhà nước có thẩm quyền quyết định việc đăng ký kinh doanh.",
                         "Tài sản chung của vợ chồng được chia theo thỏa thuận.",
                         "Hợp đồng dân sự được giao kết bằng lời nói hoặc bằng văn bản."};
  std::vector<Doc> docs;
  for (int i = 0; i < count; ++i)
    docs.push_back(article("filler-" + std::to_string(i), lines[i % 4]));
  return docs;
}

// An answer lacking "xây" and three articles holding every required word of a question on
// building on encroached land, among fillers (the unaccented-question tests below).
std::vector<Doc> encroachment_articles() {
  std::vector<Doc> docs{
      article("answer",
              "Hành vi lấn chiếm đất bị phạt tiền từ năm triệu đồng đến mười triệu đồng; "
              "người lấn chiếm đất phải trả lại đất đã lấn chiếm."),
      article("build-1", "Xây dựng công trình trên đất lấn chiếm thì bị phạt tiền."),
      article("build-2", "Không được xây dựng trên đất lấn chiếm; vi phạm thì bị phạt tiền."),
      article("build-3", "Công trình xây dựng trên đất lấn chiếm bị phạt tiền và tháo dỡ.")};
  const auto more = fillers(8);
  docs.insert(docs.end(), more.begin(), more.end());
  return docs;
}

// Whether the answer is among what `box` finds.
bool finds_answer(SearchArchive& archive, const std::string& box) {
  const auto names = archive.found(box);
  return std::find(names.begin(), names.end(), "answer") != names.end();
}

TEST(SearchRelaxed, a_question_finds_the_article_holding_most_of_its_words) {
  SearchArchive archive{
      article("answer",
              "Người nghiện ma túy từ đủ 18 tuổi trở lên bị áp dụng biện pháp xử lý "
              "hành chính đưa vào cơ sở cai nghiện bắt buộc."),
      article("other", "Người chưa thành niên vi phạm hành chính bị áp dụng biện pháp giáo dục.")};
  archive.add(fillers(12));
  const std::pair<std::string, std::string> questions[] = {
      {"Người nghiện ma túy từ đủ 18 tuổi bị áp dụng biện pháp gì theo luật hiện hành?", "luật"},
      {"Nguoi nghien ma tuy tu du 18 tuoi bi ap dung bien phap gi theo luat hien hanh?", "luat"}};
  for (const auto& [question, law] : questions) {
    const auto response = archive.search(question);
    ASSERT_FALSE(response.hits.empty()) << question;
    EXPECT_TRUE(response.relaxed) << question;
    EXPECT_EQ(archive.name_of(response.hits.front().id), "answer") << question;
    EXPECT_EQ(archive.name_of(response.hits[1].id), "other") << question;
    // Each hit says which words it lacks; the answer lacks the question's own words.
    const auto& missing = response.hits.front().missing_words;
    EXPECT_NE(std::find(missing.begin(), missing.end(), law), missing.end())
        << ::testing::PrintToString(missing);
    EXPECT_EQ(std::find(missing.begin(), missing.end(), "18"), missing.end());
  }
}

TEST(SearchRelaxed, a_query_with_any_word_in_the_archive_is_never_empty) {
  SearchArchive archive{article("one", "Trọng tài thương mại giải quyết tranh chấp."),
                        article("two", "Hòa giải ở cơ sở.")};
  const auto response = archive.search("trọng tài xyzzy quixotic");
  EXPECT_EQ(archive.names(response), Names{"one"});
  EXPECT_TRUE(response.relaxed);
  EXPECT_EQ(response.hits.front().missing_words, (Names{"xyzzy", "quixotic"}));
  EXPECT_TRUE(archive.found("xyzzy quixotic").empty());  // no word of it anywhere
}

TEST(SearchRelaxed, documents_holding_all_the_words_come_first) {
  // One document holds every word; others hold the rare ones many times: the complete one
  // still comes first, the partial ones follow.
  SearchArchive archive{article("all", "Thẩm quyền của trọng tài trong tranh chấp thương mại."),
                        article("rare",
                                "Trọng tài, trọng tài viên, trung tâm trọng tài, trọng "
                                "tài thương mại và trọng tài vụ việc.")};
  archive.add(fillers(8));
  const auto response = archive.search("trọng tài thẩm quyền tranh chấp thương mại");
  ASSERT_GE(response.hits.size(), 2u);
  EXPECT_TRUE(response.relaxed);
  EXPECT_EQ(archive.names(response)[0], "all");
  EXPECT_EQ(archive.names(response)[1], "rare");
  EXPECT_TRUE(response.hits.front().missing_words.empty());
}

TEST(SearchRelaxed, enough_documents_holding_all_the_words_are_not_relaxed) {
  SearchArchive archive{article("a", "Trọng tài thương mại."), article("b", "Trọng tài viên."),
                        article("c", "Trung tâm trọng tài."), article("d", "Trọng lượng tài sản.")};
  archive.add(fillers(8));
  const auto response = archive.search("trọng tài");
  EXPECT_FALSE(response.relaxed);
  EXPECT_EQ(response.total, 4u);
  EXPECT_TRUE(response.unrequired_words.empty());
}

TEST(SearchRelaxed, function_and_question_words_are_never_required) {
  SearchArchive archive{article("a", "Thời hiệu khởi kiện về hợp đồng là ba năm."),
                        article("b", "Thời hiệu khởi kiện yêu cầu chia di sản."),
                        article("c", "Thời hiệu khởi kiện vụ án dân sự."),
                        article("d", "Tài sản là vật, tiền và giấy tờ có giá.")};
  archive.add(fillers(4));
  // "là" is in one answer of three: a search of words never requires it.
  const auto words = archive.search("thời hiệu khởi kiện là");
  EXPECT_FALSE(words.question);
  EXPECT_FALSE(words.relaxed);
  EXPECT_EQ(words.total, 3u);
  EXPECT_EQ(archive.names(words).front(), "a");  // it holds "là" as well
  EXPECT_EQ(words.unrequired_words, (Names{"là"}));
  // A question ("bao nhiêu") matches any of its words by weight (an_unaccented_question_...,
  // a_typed_question_matches_any_of_its_words_by_weight): typed with diacritics, its function
  // and question words only weigh, so "d", holding "là" alone, is not counted.
  const auto typed = archive.search("thời hiệu khởi kiện là bao nhiêu");
  EXPECT_TRUE(typed.question);
  EXPECT_EQ(typed.total, 3u);
  EXPECT_EQ(archive.names(typed).front(), "a");
  // Typed without diacritics, which folded words are function words is not known ("la" may be
  // lá): every word matches, "d" too; the same three first.
  const auto folded = archive.search("thoi hieu khoi kien la bao nhieu");
  EXPECT_TRUE(folded.question);
  EXPECT_EQ(folded.total, 4u);
  ASSERT_GE(folded.hits.size(), 3u);
  auto first = archive.names(folded);
  first.resize(3);
  std::sort(first.begin(), first.end());
  EXPECT_EQ(first, (Names{"a", "b", "c"}));
  EXPECT_EQ(archive.names(folded).front(), "a");
}

TEST(SearchRelaxed, plus_word_and_quoted_phrase_stay_required) {
  SearchArchive archive{article("phrase", "Trọng tài thương mại giải quyết tranh chấp."),
                        article("words", "Thương mại điện tử; trọng tài viên."),
                        article("neither", "Hòa giải thương mại.")};
  archive.add(fillers(4));
  EXPECT_EQ(archive.found("\"trọng tài thương mại\" xyzzy"), Names{"phrase"});
  EXPECT_EQ(archive.found("+trọng +tài thương mại xyzzy"), (Names{"phrase", "words"}));
  const auto response = archive.search("+xyzzy trọng tài");
  EXPECT_TRUE(response.hits.empty());
}

// Several numbers typed together that no document holds all of (laws listed in a title, two
// instruments a user compares): the documents holding any of them, the one that is a number
// first, then those citing more of them; each hit says which numbers it lacks.
TEST(SearchRelaxed, several_numbers_find_the_documents_holding_any_of_them) {
  auto citing = [](std::string name, std::vector<std::string> numbers) {
    return Doc{.name = std::move(name), .body = "Căn cứ luật.", .cites = std::move(numbers)};
  };
  const Names both = {"44/2024/QH15", "61/2024/QH15"};
  SearchArchive archive{
      citing("cites-both", both),
      citing("cites-one", {"44/2024/QH15"}),
      {.name = "is-one", .type = "Luật", .number = "61/2024/QH15", .body = "Luật này quy định."},
      citing("neither", {"15/2023/QH15"})};
  const auto response = archive.search("Luật số 44/2024/QH15, Luật số 61/2024/QH15");
  EXPECT_TRUE(response.relaxed);
  EXPECT_EQ(archive.names(response), (Names{"is-one", "cites-both", "cites-one"}));
  for (const std::string& number : both)  // beside the words, which only rank
    EXPECT_NE(std::find(response.unrequired_words.begin(), response.unrequired_words.end(), number),
              response.unrequired_words.end());
  auto lacks = [&](std::size_t hit, const std::string& number) {
    const auto& missing = response.hits.at(hit).missing_words;
    return std::find(missing.begin(), missing.end(), number) != missing.end();
  };
  EXPECT_TRUE(lacks(0, "44/2024/QH15") && !lacks(0, "61/2024/QH15"));
  EXPECT_TRUE(!lacks(1, "44/2024/QH15") && !lacks(1, "61/2024/QH15"));
  EXPECT_TRUE(!lacks(2, "44/2024/QH15") && lacks(2, "61/2024/QH15"));
  // One number stays what was asked for: its words only rank, nothing is relaxed.
  const auto one = archive.search("Luật số 44/2024/QH15 xyzzy");
  EXPECT_FALSE(one.relaxed);
  EXPECT_EQ(archive.names(one), (Names{"cites-both", "cites-one"}));

  // Enough documents holding every number: nothing relaxed.
  SearchArchive enough{citing("a", both), citing("b", both), citing("c", both),
                       citing("d", {"44/2024/QH15"})};
  const auto strict = enough.search("44/2024/QH15 61/2024/QH15");
  EXPECT_FALSE(strict.relaxed);
  EXPECT_EQ(strict.hits.size(), 3u);
}

// A title typed or pasted whole finds its own document first, however long: the heading
// bonus is a phrase over the short heading lists, not one of the adjacency checks a long box
// goes without. The rival quotes the title five times.
TEST(SearchRelaxed, a_long_title_finds_its_own_document_first) {
  const std::string title =
      "Quy định chi tiết và hướng dẫn thi hành một số điều của Luật Bảo hiểm xã hội về bảo "
      "hiểm xã hội bắt buộc đối với người lao động";
  SearchArchive archive{
      {.name = "own",
       .type = "Nghị định",
       .number = "12/2026/NĐ-CP",
       .issuer = "Chính phủ",
       .title = title,
       .body = "Nghị định này quy định về đối tượng, mức đóng và chế độ hưởng. Điều 1. Phạm vi "
               "điều chỉnh. Điều 2. Đối tượng áp dụng. Điều 3. Hiệu lực thi hành."},
      {.name = "rival",
       .type = "Thông tư",
       .number = "5/2026/TT-BLĐTBXH",
       .issuer = "Bộ Lao động - Thương binh và Xã hội",
       .title = "Sửa đổi biểu mẫu",
       .body = "Thực hiện Nghị định " + title + "; theo " + title + "; hướng dẫn " + title +
               "; sửa đổi " + title + "; bổ sung " + title + "."}};
  archive.add(fillers(20));
  for (const std::string& query :
       {title, std::string("Quy dinh chi tiet va huong dan thi hanh mot "
                           "so dieu cua Luat Bao hiem xa hoi ve bao "
                           "hiem xa hoi bat buoc doi voi nguoi lao dong")})
    EXPECT_EQ(archive.found(query).front(), "own") << query;
}

// The mechanism of the collapse of unaccented questions on articles of laws: few articles
// have a heading (the last one is signed "CHỦ TỊCH QUỐC HỘI"), so every heading syllable was
// rare by the headings' own statistics, and "tich", "chu", "hoi" typed without diacritics
// (tịch thu, chủ thể, hỏi) gave that article a heading bonus above the answer.
TEST(SearchRelaxed, sparse_headings_do_not_outweigh_the_text) {
  SearchArchive archive{
      {.name = "signature",
       .type = "",
       .issuer = "Chủ tịch Quốc hội",
       .date = "",
       .body = "Bộ luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2017."},
      article("answer", "Tài sản bị tịch thu của người bị kết án được sung vào ngân sách.")};
  archive.add(fillers(40));
  // "tịch" is common in the text (as it is in laws: "Chủ tịch", "quốc tịch"), rare in headings.
  std::vector<Doc> chairs;
  for (int i = 0; i < 15; ++i)
    chairs.push_back(article("chair-" + std::to_string(i), "Chủ tịch Ủy ban nhân dân ký."));
  archive.add(chairs);
  for (const std::string query : {"tich OR thu OR tai OR san", "tịch OR thu OR tài OR sản"})
    EXPECT_EQ(archive.found(query).front(), "answer") << query;
}

// A question typed without diacritics (a question frame: "bao nhieu", "la gi", "hay khong")
// matches any of its words from the start and ranks by weight alone: which of its folded words
// are function words is not known ("dung" is dùng or đúng), so requiring all the others leaves
// out an answer that lacks one of the asker's words, and placing first the documents that hold
// every word puts a mention above the answer. Typed with diacritics, or without a frame, the box
// matches as before.
TEST(SearchRelaxed, an_unaccented_question_matches_any_of_its_words) {
  // Three articles hold every required word of the question ("xay" of xây dựng among them); the
  // answer says what the fine is and never "xây".
  SearchArchive archive{};
  archive.add(encroachment_articles());
  auto holds_answer = [&](const std::string& box) { return finds_answer(archive, box); };
  const auto question = archive.search("lan chiem dat xay dung bi phat bao nhieu tien");
  EXPECT_TRUE(question.question);
  EXPECT_TRUE(question.relaxed);
  EXPECT_EQ(question.all_words_total, 0U);
  EXPECT_TRUE(holds_answer("lan chiem dat xay dung bi phat bao nhieu tien"));
  // Each hit lists the words it lacks, never the frame's ("bao lau" is the asker's grammar).
  const auto how_long = archive.search("lan chiem dat xay dung bi phat bao lau");
  EXPECT_TRUE(how_long.question);
  ASSERT_FALSE(how_long.hits.empty());
  for (const auto& hit : how_long.hits) {
    const auto& missing = hit.missing_words;
    EXPECT_EQ(std::find(missing.begin(), missing.end(), "lau"), missing.end()) << hit.id;
    if (hit.id == archive.id_of("answer")) {
      EXPECT_EQ(missing, Names{"xay"});  // "dung" folds to a function word
    }
  }
  // Without a frame: all the words, as before (three documents hold them all, so nothing
  // relaxes and the answer, lacking "xây", is not among them).
  EXPECT_FALSE(archive.search("lan chiem dat xay dung bi phat tien").question);
  EXPECT_FALSE(holds_answer("lan chiem dat xay dung bi phat tien"));
}

// A box typed without diacritics that ends with a question mark is a question whatever its
// words: most questions carry no interrogative word of the frames' closed list ("phat coc gap
// doi thi co dung quy dinh phap luat?", "ben ban co duoc ban cho nguoi khac?"), and titles,
// topics and document numbers are never typed with one. So is the yes-or-no "co ... khong"
// typed without the mark. It matches any of its words, by weight, as a question with a frame
// does; typed with diacritics, it matches as before.
TEST(SearchRelaxed, an_unaccented_box_ending_with_a_question_mark_is_a_question) {
  SearchArchive archive{};
  archive.add(encroachment_articles());
  auto holds_answer = [&](const std::string& box) { return finds_answer(archive, box); };
  for (const std::string box :
       {"lan chiem dat xay dung co bi phat tien?", "lan chiem dat xay dung co bi phat tien ? ",
        "lan chiem dat xay dung co bi phat tien\xEF\xBC\x9F",
        "lan chiem dat xay dung co bi phat tien khong"}) {
    const auto asked = archive.search(box);
    EXPECT_TRUE(asked.question) << box;
    EXPECT_TRUE(asked.relaxed) << box;
    EXPECT_TRUE(holds_answer(box)) << box;
  }
  // The same words without the mark, a mark inside the box, "khong" after no verb asked (since
  // session 31 "bi ... khong" asks, as "co ... khong" does: question_without_mark_test.cpp): all
  // the words, as before (three documents hold them all; the answer lacks "xây").
  for (const std::string box :
       {"lan chiem dat xay dung co bi phat tien", "lan chiem dat? xay dung co bi phat tien",
        "lan chiem dat xay dung phat tien khong"}) {
    EXPECT_FALSE(archive.search(box).question) << box;
    EXPECT_FALSE(holds_answer(box)) << box;
  }
}

// A question typed with diacritics is a question as one typed without them is (session 28): a
// question mark closing the box, an interrogative frame ("bao nhiêu", "là gì", "như thế nào",
// "hay không") or "có ... không", each word typed as the grammar spells it. It describes a
// situation in the asker's words, which the answer need not hold ("đảm bảo" where the law says
// "bảo đảm", "điều gì", "định nghĩa"): it matches any of its words, by weight, none placed first
// for holding them all. Its diacritics say which of its words are function words ("có", "bị",
// "là"): they weigh but match nothing alone, so the total counts the documents holding some
// word the question is about. A box of words (no mark, no frame) matches as before: all the
// words, the same total and facets.
TEST(SearchRelaxed, a_typed_question_matches_any_of_its_words_by_weight) {
  SearchArchive archive{};
  archive.add(encroachment_articles());
  // A document holding only the question's function words ("có", "bị", "là"): no answer.
  archive.add({article("function-words", "Việc này là có thật và bị nhắc lại nhiều năm.")});
  auto holds = [&](const archive::SearchResponse& response, const std::string& name) {
    const auto names = archive.names(response);
    return std::find(names.begin(), names.end(), name) != names.end();
  };
  for (const std::string box :
       {"lấn chiếm đất xây dựng có bị phạt tiền?", "lấn chiếm đất xây dựng bị phạt bao nhiêu tiền",
        "lấn chiếm đất xây dựng có bị phạt tiền không", "Lấn chiếm đất xây dựng bị phạt thế nào"}) {
    const auto asked = archive.search(box);
    EXPECT_TRUE(asked.question) << box;
    EXPECT_TRUE(asked.relaxed) << box;
    EXPECT_EQ(asked.all_words_total, 0U) << box;
    EXPECT_TRUE(holds(asked, "answer")) << box;
    EXPECT_FALSE(holds(asked, "function-words")) << box;
    // The four articles on the topic (articles are undated); the fillers hold none of its
    // words but function words.
    EXPECT_EQ(asked.total, 4U) << box;
    EXPECT_EQ(facet(asked, "year"), (std::map<std::string, std::uint64_t>{{"Không rõ", 4}})) << box;
  }
  // The control: the same words as a search of words, typed with diacritics. Three documents
  // hold them all: not relaxed, the answer (lacking "xây") not among them, their facets.
  const auto words = archive.search("lấn chiếm đất xây dựng bị phạt tiền");
  EXPECT_FALSE(words.question);
  EXPECT_FALSE(words.relaxed);
  EXPECT_EQ(words.total, 3U);
  EXPECT_EQ(facet(words, "year"), (std::map<std::string, std::uint64_t>{{"Không rõ", 3}}));
  EXPECT_FALSE(holds(words, "answer"));
  // A frame's words spelled otherwise are no frame ("bảo nhiều"), nor is a mark inside the box.
  EXPECT_FALSE(archive.search("lấn chiếm đất xây dựng bị phạt bảo nhiều tiền").question);
  EXPECT_FALSE(archive.search("lấn chiếm đất? xây dựng có bị phạt tiền").question);
  // Only function words typed: they are the query (the box finds what holds them).
  EXPECT_TRUE(holds(archive.search("có phải là không?"), "function-words"));
}

TEST(SearchRelaxed, an_unaccented_question_ranks_by_weight_not_by_holding_every_word) {
  // "mention" holds every word of the question once, in a long article about something else;
  // "answer" holds the question's rare words many times and never "thuong" (thưởng).
  std::string mention = "Quy định chung về lao động, tiền lương và tiền thưởng tính theo năm.";
  for (int i = 0; i < 12; ++i)
    mention += " Người lao động có quyền nghỉ hằng năm theo hợp đồng lao động.";
  mention += " Tranh chấp về trợ cấp thôi việc được giải quyết theo quy định.";
  SearchArchive archive{
      article("mention", mention),
      article("answer",
              "Trợ cấp thôi việc được chi trả cho người lao động nghỉ việc. Trợ cấp thôi việc "
              "tính theo số năm làm việc. Mức trợ cấp thôi việc bằng nửa tháng tiền lương."),
      article("other", "Trợ cấp thất nghiệp do bảo hiểm xã hội chi trả.")};
  archive.add(fillers(8));
  // Without diacritics, a question: by weight, the answer first.
  EXPECT_EQ(archive.found("tro cap thoi viec va tien thuong tinh nhu the nao").front(), "answer");
  // Typed with diacritics too (session 28).
  const auto typed = archive.search("trợ cấp thôi việc và tiền thưởng tính như thế nào?");
  EXPECT_TRUE(typed.question);
  EXPECT_EQ(archive.names(typed).front(), "answer");
  // The same words without a frame, either way: a search of words, relaxed (one document holds
  // them all), the one holding every word first, as before.
  const auto words = archive.search("trợ cấp thôi việc và tiền thưởng tính");
  EXPECT_FALSE(words.question);
  EXPECT_TRUE(words.relaxed);
  EXPECT_EQ(words.all_words_total, 1U);
  EXPECT_EQ(archive.names(words).front(), "mention");
  EXPECT_EQ(archive.found("tro cap thoi viec va tien thuong tinh").front(), "mention");
}

TEST(SearchSuggestion, an_unaccented_query_is_offered_the_archives_spelling) {
  SearchArchive archive{
      {.name = "kheo", .title = "Phong trào thi đua Dân vận khéo", .body = "Dân vận khéo."},
      {.name = "dan", .title = "Phát triển đàn gia súc", .body = "Tăng đàn bò, đàn trâu."},
      {.name = "chu", .title = "Dân chủ ở cơ sở", .body = "Quy chế dân chủ."}};
  EXPECT_EQ(archive.search("dan van kheo").suggestion, "dân vận khéo");
  EXPECT_EQ(archive.search("dan chu").suggestion, "dân chủ");
  // Typed with diacritics, or nothing to restore: no suggestion.
  EXPECT_EQ(archive.search("dân vận").suggestion, "");
  EXPECT_EQ(archive.search("xyzzy").suggestion, "");
}

}  // namespace
}  // namespace vanban::testing
