// The search response's JSON of a relation question: how the box was understood, and a
// validity question's answer as /api/instruments gives it.
#include "vanban/server/search_json.hpp"

#include <gtest/gtest.h>

namespace vanban::server {
namespace {

archive::SearchResponse understood_response() {
  archive::SearchResponse response;
  archive::RelationQuestion question;
  question.kind = archive::QuestionKind::relation;
  question.field = archive::FieldId::amends;
  question.instrument.typed = "nghi dinh 14/2017";
  question.instrument.type_name = "Nghị định";
  question.instrument.number = "14/2017";
  response.understood = archive::UnderstoodQuestion{
      question,
      archive::question_label(question),
      {{"14/2017/nd-cp", "14/2017/NĐ-CP", "Nghị định", "Quy định về giá đất", true}},
      true,
      "",
      archive::question_subject(question)};
  archive::InstrumentDocuments found;
  found.number_key = "14/2017/nd-cp";
  archive::IncomingRelation replaced;
  replaced.relation.type = "thay_the";
  replaced.document.id = "abc";
  replaced.document.metadata.number = "30/2020/NĐ-CP";
  found.relations_in.push_back(replaced);
  response.validity_answers.push_back(found);
  return response;
}

TEST(SearchJson, a_relation_question_says_how_the_box_was_understood) {
  const nlohmann::json body = to_json(understood_response());
  const nlohmann::json& understood = body.at("understood");
  EXPECT_EQ(understood.at("kind"), "relation");
  EXPECT_EQ(understood.at("relation"), "amends");
  EXPECT_EQ(understood.at("label"), "các văn bản sửa đổi, bổ sung");
  EXPECT_EQ(understood.at("typed"), "nghi dinh 14/2017");
  EXPECT_EQ(understood.at("subject"), "văn bản");
  EXPECT_TRUE(understood.at("answered").get<bool>());
  ASSERT_EQ(understood.at("instruments").size(), 1U);
  EXPECT_EQ(understood.at("instruments")[0].at("number"), "14/2017/NĐ-CP");
  EXPECT_EQ(understood.at("instruments")[0].at("type"), "Nghị định");
  ASSERT_EQ(body.at("validity_answers").size(), 1U);
  const nlohmann::json& answer = body.at("validity_answers")[0];
  EXPECT_EQ(answer.at("number_key"), "14/2017/nd-cp");
  EXPECT_EQ(answer.at("relations_in")[0].at("type"), "thay_the");
  EXPECT_EQ(answer.at("relations_in")[0].at("document").at("number"), "30/2020/NĐ-CP");
}

TEST(SearchJson, a_words_search_has_no_reading) {
  const nlohmann::json body = to_json(archive::SearchResponse{});
  EXPECT_TRUE(body.at("understood").is_null());
  EXPECT_TRUE(body.at("validity_answers").empty());
}

}  // namespace
}  // namespace vanban::server
