// Relation questions typed in words, answered on a small made-up archive whose relations are
// known: the result set is exactly the documents the relations say, the instrument named as
// people name it ("nghị định 14/2017", "luật đất đai") and resolved against the archive, an
// unknown one reported and searched as words, several candidates all kept.
#include <algorithm>

#include <gtest/gtest.h>

#include "vanban/analyzers/fold.hpp"

#include "relation_fixtures.hpp"
#include "search_fixtures.hpp"

namespace vanban::testing {
namespace {

Doc question_doc(std::string name, std::string type, std::string number, std::string date,
                 std::vector<analyzers::Citation> citations = {}) {
  return Doc{.name = std::move(name),
             .type = std::move(type),
             .number = std::move(number),
             .issuer = "Chính phủ",
             .date = std::move(date),
             .title = "Quy định về quản lý đất đai",
             .citations = std::move(citations)};
}

// A law cited by its name ("căn cứ Luật Đất đai"), doing `type` to it.
analyzers::Citation law_named(const std::string& name, const std::string& type) {
  analyzers::Citation citation;
  citation.type = "Luật";
  citation.title = name;
  citation.number_key = analyzers::law_key(name);
  citation.text = name;
  citation.relations.push_back({type, std::nullopt, std::nullopt, "Câu dẫn chứng " + type});
  return citation;
}

SearchArchive questions_archive() {
  Doc law = question_doc("law", "Luật", "45/2013/QH13", "2013-11-29");
  law.title = "Đất đai";
  Doc topic = question_doc("topic", "Công văn", "77/CV-UBND", "2024-03-01");
  topic.title = "Quy định về căn cứ xác định thuế";
  topic.body = "Căn cứ xác định thuế thu nhập cá nhân.";
  Doc base = question_doc("base", "Nghị định", "14/2017/NĐ-CP", "2017-02-17",
                          {acting("10/2015/NĐ-CP", analyzers::kRelationBasedOn),
                           law_named("Luật Đất đai", analyzers::kRelationBasedOn)});
  base.effective = "2017-03-01";
  return SearchArchive{
      law,
      topic,
      base,
      question_doc("earlier", "Nghị định", "10/2015/NĐ-CP", "2015-01-10"),
      // The same number and year, another type: never one of "nghị định 14/2017"'s.
      question_doc("resolution", "Nghị quyết", "14/2017/NQ-CP", "2017-02-20"),
      question_doc("amender", "Nghị định", "20/2018/NĐ-CP", "2018-02-01",
                   {acting("14/2017/NĐ-CP", analyzers::kRelationAmends, "Điều 3")}),
      question_doc(
          "replacer", "Nghị định", "30/2020/NĐ-CP", "2020-05-01",
          {acting("14/2017/NĐ-CP", analyzers::kRelationReplaces, std::nullopt, "2017-02-17")}),
      question_doc("guide", "Thông tư", "05/2017/TT-BTC", "2017-04-01",
                   {acting("14/2017/NĐ-CP", analyzers::kRelationGuides),
                    acting("14/2017/NĐ-CP", analyzers::kRelationBasedOn)}),
      question_doc("mention", "Công văn", "88/CV-BTC", "2019-01-01", {cite("14/2017/NĐ-CP")}),
      question_doc("law-guide", "Nghị định", "43/2014/NĐ-CP", "2014-05-15",
                   {law_named("Luật Đất đai", analyzers::kRelationGuides)}),
      // An instrument cited but not archived, repealed by an archived document.
      question_doc("repealer", "Thông tư", "09/2025/TT-BKHĐT", "2025-01-01",
                   {acting("07/2024/TT-BKHĐT", analyzers::kRelationRepeals)}),
      // Two decisions numbered 12, of two offices: "quyết định 12" names both.
      question_doc("decision-a", "Quyết định", "12/QĐ-UBND", "2021-01-01"),
      question_doc("decision-b", "Quyết định", "12/2020/QĐ-TTg", "2020-01-01"),
      question_doc("cites-both", "Công văn", "99/CV-UBND", "2022-01-01",
                   {cite("12/QĐ-UBND"), cite("12/2020/QĐ-TTg")}),
  };
}

std::vector<std::string> sorted_names(std::vector<std::string> names) {
  std::sort(names.begin(), names.end());
  return names;
}

// The names found for `box`, typed as given and without its diacritics, which must agree.
std::vector<std::string> ask_answered(SearchArchive& archive, const std::string& box) {
  const archive::SearchResponse response = archive.search(box);
  EXPECT_TRUE(response.understood.has_value()) << box;
  if (response.understood) {
    EXPECT_TRUE(response.understood->answered) << box;
  }
  const auto found = sorted_names(archive.names(response));
  EXPECT_EQ(sorted_names(archive.names(archive.search(analyzers::fold(box)))), found) << box;
  return found;
}

TEST(RelationQuestions, each_relation_in_words_gives_exactly_its_documents) {
  SearchArchive archive = questions_archive();
  using Found = std::vector<std::string>;
  for (const char* box :
       {"văn bản nào sửa đổi nghị định 14/2017",
        "các văn bản sửa đổi, bổ sung Nghị định số 14/2017/NĐ-CP",
        "Nghị định 14/2017 được sửa đổi bởi văn bản nào", "nđ 14/2017 đã được sửa đổi chưa?"})
    EXPECT_EQ(ask_answered(archive, box), Found{"amender"}) << box;
  for (const char* box :
       {"những văn bản thay thế nghị định 14/2017", "nghị định 14/2017 bị thay thế bởi"})
    EXPECT_EQ(ask_answered(archive, box), Found{"replacer"}) << box;
  EXPECT_EQ(ask_answered(archive, "văn bản hướng dẫn nghị định 14/2017"), Found{"guide"});
  EXPECT_EQ(ask_answered(archive, "văn bản nào căn cứ nghị định 14/2017"), Found{"guide"});
  EXPECT_EQ(ask_answered(archive, "văn bản nào trích dẫn nghị định 14/2017"),
            (Found{"amender", "guide", "mention", "replacer"}));
  EXPECT_EQ(ask_answered(archive, "vb nào bãi bỏ thông tư 07/2024/TT-BKHĐT"), Found{"repealer"});
  // A law by its name, folded or not.
  EXPECT_EQ(ask_answered(archive, "văn bản hướng dẫn luật đất đai"), Found{"law-guide"});
}

TEST(RelationQuestions, the_reading_is_reported_with_the_instrument_as_the_archive_names_it) {
  SearchArchive archive = questions_archive();
  const auto response = archive.search("van ban nao sua doi nghi dinh 14/2017");
  ASSERT_TRUE(response.understood.has_value());
  EXPECT_EQ(response.understood->question.field, archive::FieldId::amends);
  EXPECT_EQ(response.understood->label, "các văn bản sửa đổi, bổ sung");
  EXPECT_EQ(response.understood->question.instrument.typed, "nghi dinh 14/2017");
  ASSERT_EQ(response.understood->instruments.size(), 1U);  // never the Nghị quyết of that number
  EXPECT_EQ(response.understood->instruments[0].number, "14/2017/NĐ-CP");
  EXPECT_TRUE(response.understood->instruments[0].archived);
  EXPECT_TRUE(response.understood->message.empty());
}

TEST(RelationQuestions, relation_filters_take_a_type_and_a_number_without_code) {
  SearchArchive archive = questions_archive();
  EXPECT_EQ(archive.found("cancu:\"nghị định 14/2017\""), std::vector<std::string>{"guide"});
  EXPECT_EQ(archive.found("suadoi:\"nghi dinh so 14/2017\""), std::vector<std::string>{"amender"});
  archive::SearchRequest request;
  request.filters[archive::FieldId::replaces] = {"Nghị định 14/2017"};
  EXPECT_EQ(archive.names(archive.search(request)), std::vector<std::string>{"replacer"});
  // A type whose code the archive does not hold under that number finds nothing.
  EXPECT_TRUE(archive.found("suadoi:\"thông tư 14/2017\"").empty());
}

TEST(RelationQuestions, several_candidates_are_all_kept_and_said) {
  SearchArchive archive = questions_archive();
  const auto response = archive.search("văn bản nào trích dẫn quyết định 12");
  ASSERT_TRUE(response.understood.has_value());
  EXPECT_EQ(response.understood->instruments.size(), 2U);
  EXPECT_FALSE(response.understood->message.empty());
  EXPECT_EQ(archive.names(response), std::vector<std::string>{"cites-both"});
}

TEST(RelationQuestions, an_unknown_instrument_is_said_and_the_box_searched_as_words) {
  SearchArchive archive = questions_archive();
  const auto response = archive.search("văn bản nào sửa đổi nghị định 99/2019");
  ASSERT_TRUE(response.understood.has_value());
  EXPECT_FALSE(response.understood->answered);
  EXPECT_TRUE(response.understood->instruments.empty());
  EXPECT_NE(response.understood->message.find("nghị định 99/2019"), std::string::npos);
  // What the words find, not an invented relation: none of these documents says "99/2019".
  const auto words = archive.search([] {
    archive::SearchRequest request;
    request.query = "văn bản nào sửa đổi nghị định 99/2019";
    request.as_words = true;
    return request;
  }());
  EXPECT_EQ(archive.names(response), archive.names(words));
}

TEST(RelationQuestions, a_validity_question_answers_with_the_acts_that_changed_it) {
  SearchArchive archive = questions_archive();
  const auto response = archive.search("Nghị định 14/2017 còn hiệu lực không?");
  ASSERT_TRUE(response.understood.has_value());
  EXPECT_EQ(archive.names(response), std::vector<std::string>{"base"});
  ASSERT_EQ(response.hits.size(), 1U);
  EXPECT_EQ(response.hits[0].validity, std::string(archive::kStatusEnded));
  ASSERT_EQ(response.validity_answers.size(), 1U);
  std::vector<std::string> acts;
  for (const archive::IncomingRelation& in : response.validity_answers[0].relations_in)
    acts.push_back(in.relation.type + " " + archive.name_of(in.document.id));
  EXPECT_EQ(sorted_names(acts), (std::vector<std::string>{"sua_doi amender", "thay_the replacer"}));
  // Not archived, but the archive says what ended it.
  const auto cited_only = archive.search("thông tư 07/2024/TT-BKHĐT có còn hiệu lực");
  EXPECT_TRUE(cited_only.hits.empty());
  ASSERT_EQ(cited_only.validity_answers.size(), 1U);
  EXPECT_TRUE(cited_only.validity_answers[0].documents.empty());
  ASSERT_EQ(cited_only.validity_answers[0].relations_in.size(), 1U);
  EXPECT_EQ(archive.name_of(cited_only.validity_answers[0].relations_in[0].document.id),
            "repealer");
}

TEST(RelationQuestions, what_an_instrument_was_based_on) {
  SearchArchive archive = questions_archive();
  for (const char* box :
       {"nghị định 14/2017 căn cứ vào văn bản nào", "căn cứ ban hành nghị định 14/2017/NĐ-CP"})
    EXPECT_EQ(ask_answered(archive, box), (std::vector<std::string>{"earlier", "law"})) << box;
}

TEST(RelationQuestions, topic_words_and_the_words_link_stay_a_words_search) {
  SearchArchive archive = questions_archive();
  const auto topic = archive.search("quy định về căn cứ xác định thuế");
  EXPECT_FALSE(topic.understood.has_value());
  ASSERT_FALSE(topic.hits.empty());
  EXPECT_EQ(archive.name_of(topic.hits[0].id), "topic");
  archive::SearchRequest words;
  words.query = "văn bản nào sửa đổi nghị định 14/2017";
  words.as_words = true;
  EXPECT_FALSE(archive.search(words).understood.has_value());
  // A field typed in the box: the box is the user's own query, not a question.
  EXPECT_FALSE(
      archive.search("văn bản nào sửa đổi nghị định 14/2017 nam:2018").understood.has_value());
}

TEST(RelationQuestions, a_type_asked_for_narrows_the_answer_to_it) {
  SearchArchive archive = questions_archive();
  using Found = std::vector<std::string>;
  EXPECT_EQ(ask_answered(archive, "thông tư nào hướng dẫn nghị định 14/2017"), Found{"guide"});
  EXPECT_EQ(ask_answered(archive, "nghị định nào trích dẫn nghị định 14/2017"),
            (Found{"amender", "replacer"}));
  EXPECT_EQ(ask_answered(archive, "các công văn trích dẫn nghị định 14/2017"), Found{"mention"});
  // None of that type: answered, empty, and said as asked.
  EXPECT_EQ(ask_answered(archive, "quyết định nào sửa đổi nghị định 14/2017"), Found{});
  const auto response = archive.search("quyết định nào sửa đổi nghị định 14/2017");
  ASSERT_TRUE(response.understood.has_value());
  EXPECT_EQ(response.understood->subject, "quyết định");
  EXPECT_EQ(response.understood->label, "các quyết định sửa đổi, bổ sung");
  // Types the user chose himself are his: the subject adds none.
  archive::SearchRequest chosen;
  chosen.query = "thông tư nào trích dẫn nghị định 14/2017";
  chosen.filters[archive::FieldId::type] = {"Công văn"};
  EXPECT_EQ(sorted_names(archive.names(archive.search(chosen))), Found{"mention"});
}

}  // namespace
}  // namespace vanban::testing
