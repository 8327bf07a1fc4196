// `vanban search`'s text: what a terminal user reads of a page (server/src/search_text.hpp).
#include "search_text.hpp"

#include <gtest/gtest.h>

namespace vanban::server {
namespace {

archive::SearchHit text_hit(std::string id, std::string number, std::string title) {
  archive::SearchHit hit;
  hit.id = std::move(id);
  hit.document.metadata.number = std::move(number);
  hit.document.metadata.date = "2020-03-05";
  hit.document.metadata.title = std::move(title);
  hit.validity = archive::kStatusEnded;
  return hit;
}

archive::SearchResponse validity_page() {
  archive::SearchResponse response;
  archive::RelationQuestion question;
  question.kind = archive::QuestionKind::validity;
  question.instrument.typed = "nghi dinh 14/2017";
  response.understood = archive::UnderstoodQuestion{
      question,
      archive::question_label(question),
      {{"14/2017/nd-cp", "14/2017/NĐ-CP", "Nghị định", "Quy định về giá đất", true}},
      true,
      "",
      archive::question_subject(question)};
  response.hits.push_back(text_hit("own", "14/2017/NĐ-CP", "Quy định về giá đất"));
  archive::InstrumentDocuments found;
  found.number_key = "14/2017/nd-cp";
  found.documents.push_back(response.hits.front().document);
  found.documents.back().id = "own";
  archive::IncomingRelation replaced;
  replaced.relation.type = "thay_the";
  replaced.document.metadata.number = "30/2020/NĐ-CP";
  replaced.document.metadata.title = "Về giá đất";
  found.relations_in.push_back(replaced);
  archive::IncomingRelation cited;  // a mere citation changes nothing: not listed
  cited.relation.type = "can_cu";
  cited.document.metadata.number = "1/2021/QĐ-UBND";
  found.relations_in.push_back(cited);
  response.validity_answers.push_back(found);
  response.total = 1;
  return response;
}

TEST(SearchText, a_question_says_how_it_was_read_and_answers_the_validity) {
  const std::string text = search_text(validity_page(), false);
  EXPECT_NE(text.find("Hiểu là: " + archive::question_label(validity_page().understood->question) +
                      " Nghị định 14/2017/NĐ-CP."),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("Nghị định 14/2017/NĐ-CP: Hết hiệu lực toàn bộ\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find("  Bị thay thế bởi: 30/2020/NĐ-CP"), std::string::npos) << text;
  EXPECT_EQ(text.find("1/2021/QĐ-UBND"), std::string::npos) << text;
  // The reading comes before the hits, the total last.
  EXPECT_LT(text.find("Hiểu là"), text.find("14/2017/NĐ-CP\t2020-03-05\tQuy định về giá đất"));
  EXPECT_EQ(text.substr(text.size() - std::string("Tổng số: 1 văn bản\n").size()),
            "Tổng số: 1 văn bản\n");
}

TEST(SearchText, an_unanswered_question_says_why) {
  archive::SearchResponse response = validity_page();
  response.understood->answered = false;
  response.understood->instruments.clear();
  response.understood->message = "Kho chưa có văn bản nào mang số 14/2017.";
  response.validity_answers.clear();
  const std::string text = search_text(response, false);
  EXPECT_NE(text.find("“nghi dinh 14/2017”."), std::string::npos) << text;
  EXPECT_NE(text.find("Kho chưa có văn bản nào mang số 14/2017.\n"), std::string::npos) << text;
  EXPECT_EQ(text.find("Hiểu là"), std::string::npos) << text;
}

TEST(SearchText, a_words_search_prints_its_notices_and_hits_only) {
  archive::SearchResponse response;
  response.hits.push_back(text_hit("a", "5/KH-UBND", "Kế hoạch chuyển đổi số"));
  response.hits.back().missing_words = {"xã"};
  response.relaxed = true;
  response.all_words_total = 0;
  response.suggestion = "chuyển đổi số";
  response.missing_numbers.push_back({"7/KH-UBND", 3});
  response.total = 1;
  const std::string text = search_text(response, false);
  EXPECT_EQ(text.find("Hiểu là"), std::string::npos);
  EXPECT_NE(text.find("Văn bản số 7/KH-UBND không có trong kho; 3 văn bản dẫn chiếu.\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("Có phải bạn muốn tìm: chuyển đổi số\n"), std::string::npos) << text;
  EXPECT_NE(text.find("Không có văn bản chứa đủ các từ"), std::string::npos) << text;
  EXPECT_NE(text.find("5/KH-UBND\t2020-03-05\tKế hoạch chuyển đổi số\t(thiếu: xã)\n"),
            std::string::npos)
      << text;
}

// A question (typed either way) is matched by weight from the start: its notice says so, not
// how many documents hold every word (none is counted).
TEST(SearchText, a_question_says_it_is_answered_by_weight) {
  archive::SearchResponse response;
  response.hits.push_back(text_hit("a", "5/KH-UBND", "Kế hoạch chuyển đổi số"));
  response.question = true;
  response.relaxed = true;
  response.total = 1;
  const std::string text = search_text(response, false);
  EXPECT_NE(text.find("Tìm theo câu hỏi: kết quả chứa một phần hoặc tất cả các từ của câu hỏi, "
                      "xếp theo mức liên quan.\n"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("chứa đủ các từ"), std::string::npos) << text;
}

TEST(SearchText, a_relation_question_answered_by_nothing_says_what_the_archive_lacks) {
  archive::SearchResponse response = validity_page();
  response.understood->question.kind = archive::QuestionKind::relation;
  response.understood->question.field = archive::FieldId::amends;
  response.understood->label = archive::question_label(response.understood->question);
  response.understood->subject = archive::question_subject(response.understood->question);
  response.validity_answers.clear();
  response.hits.clear();
  response.total = 0;
  const std::string lacks = "Kho chưa có văn bản nào " +
                            response.understood->label.substr(std::string("các văn bản ").size()) +
                            " Nghị định 14/2017/NĐ-CP.\n";
  EXPECT_NE(search_text(response, false).find(lacks), std::string::npos)
      << search_text(response, false);
  // Under filters the lack may be the filters': not said.
  EXPECT_EQ(search_text(response, true).find("Kho chưa có"), std::string::npos);
  // A validity question's card speaks for itself.
  EXPECT_EQ(search_text(validity_page(), false).find("Kho chưa có"), std::string::npos);
}

}  // namespace
}  // namespace vanban::server
