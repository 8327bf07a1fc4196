// The reading of a box as a question about an instrument's relations (relation_question.hpp):
// every phrasing of the grammar, with and without diacritics, for instruments named each way;
// and the boxes that merely hold such words and stay words searches.
#include "vanban/archive/relation_question.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "vanban/analyzers/fold.hpp"

namespace vanban::archive {
namespace {

struct NamedBy {
  std::string typed;
  std::optional<std::string> key;
  std::string type_name;
  std::string number;
};

// Instruments named as people type them: a type and a number without code, with "số", a full
// symbol, a law by name.
const std::vector<NamedBy>& question_instruments() {
  static const std::vector<NamedBy> named{
      {"Nghị định 14/2017", std::nullopt, "Nghị định", "14/2017"},
      {"nghị định số 62/2022", std::nullopt, "Nghị định", "62/2022"},
      {"thông tư 04/2025", std::nullopt, "Thông tư", "04/2025"},
      {"thông tư liên tịch 12/2016", std::nullopt, "Thông tư liên tịch", "12/2016"},
      {"quyết định 1234/QĐ-TTg", "1234/qd-ttg", "", ""},
      {"Thông tư 07/2024/TT-BKHĐT", "7/2024/tt-bkhdt", "", ""},
      {"59/2023/NĐ-CP", "59/2023/nd-cp", "", ""},
      {"luật đất đai", "luat:luat dat dai", "", ""},
      {"Bộ luật Lao động", "luat:bo luat lao dong", "", ""},
  };
  return named;
}

// The box with its diacritics dropped (typed on a keyboard without Vietnamese input).
std::string without_diacritics(const std::string& box) {
  return analyzers::fold(box);
}

void expect_reads(const std::string& box, QuestionKind kind, FieldId field, const NamedBy& named) {
  for (const std::string& typed : {box, without_diacritics(box)}) {
    const auto read = read_relation_question(typed);
    ASSERT_TRUE(read.has_value()) << typed;
    EXPECT_EQ(read->kind, kind) << typed;
    if (kind == QuestionKind::relation) {
      EXPECT_EQ(read->field, field) << typed;
    }
    EXPECT_EQ(read->instrument.key, named.key) << typed;
    if (!named.key) {  // a full symbol's type word only names it
      EXPECT_EQ(read->instrument.type_name, named.type_name) << typed;
    }
    EXPECT_EQ(read->instrument.number, named.number) << typed;
  }
}

TEST(RelationQuestion, active_questions_name_the_relation_and_the_instrument) {
  struct Phrasing {
    std::string before;
    FieldId field;
  };
  const std::vector<Phrasing> phrasings{
      {"văn bản nào sửa đổi", FieldId::amends},
      {"các văn bản sửa đổi, bổ sung", FieldId::amends},
      {"vb nào đã bổ sung", FieldId::amends},
      {"văn bản nào căn cứ", FieldId::based_on},
      {"những văn bản dựa trên", FieldId::based_on},
      {"văn bản căn cứ vào", FieldId::based_on},
      {"những văn bản thay thế", FieldId::replaces},
      {"vb nào bãi bỏ", FieldId::repeals},
      {"văn bản nào đã hủy bỏ", FieldId::repeals},
      {"văn bản hướng dẫn", FieldId::guides},
      {"các văn bản quy định chi tiết", FieldId::guides},
      {"văn bản nào hướng dẫn thi hành", FieldId::guides},
      {"văn bản triển khai thực hiện", FieldId::implements},
      {"văn bản nào trích dẫn", FieldId::cites},
      {"văn bản dẫn chiếu", FieldId::cites},
      {"liệt kê các văn bản sửa đổi", FieldId::amends},
  };
  for (const Phrasing& phrasing : phrasings)
    for (const NamedBy& named : question_instruments())
      expect_reads(phrasing.before + " " + named.typed, QuestionKind::relation, phrasing.field,
                   named);
  // A question mark, or a question word after the instrument.
  expect_reads("văn bản nào sửa đổi Nghị định 14/2017?", QuestionKind::relation, FieldId::amends,
               question_instruments()[0]);
}

TEST(RelationQuestion, passive_questions_put_the_instrument_first) {
  struct Phrasing {
    std::string after;
    FieldId field;
  };
  const std::vector<Phrasing> phrasings{
      {"được sửa đổi bởi văn bản nào", FieldId::amends},
      {"đã được sửa đổi, bổ sung chưa", FieldId::amends},
      {"bị thay thế bởi", FieldId::replaces},
      {"đã bị thay thế bởi văn bản nào?", FieldId::replaces},
      {"bị bãi bỏ chưa", FieldId::repeals},
      {"có bị bãi bỏ không", FieldId::repeals},
      {"được hướng dẫn bởi những văn bản nào", FieldId::guides},
  };
  for (const Phrasing& phrasing : phrasings)
    for (const NamedBy& named : question_instruments())
      expect_reads(named.typed + " " + phrasing.after, QuestionKind::relation, phrasing.field,
                   named);
}

TEST(RelationQuestion, validity_and_bases_questions) {
  for (const char* after : {"còn hiệu lực không", "có còn hiệu lực", "có còn hiệu lực không?",
                            "hết hiệu lực chưa", "đã hết hiệu lực chưa", "còn hiệu lực hay không"})
    for (const NamedBy& named : question_instruments())
      expect_reads(named.typed + " " + after, QuestionKind::validity, FieldId::validity, named);
  for (const NamedBy& named : question_instruments()) {
    expect_reads("tình trạng hiệu lực của " + named.typed, QuestionKind::validity,
                 FieldId::validity, named);
    for (const std::string& box :
         {named.typed + " căn cứ vào văn bản nào", named.typed + " được ban hành căn cứ vào đâu",
          named.typed + " dựa trên những văn bản nào", "căn cứ ban hành " + named.typed,
          "căn cứ pháp lý của " + named.typed, "các văn bản căn cứ của " + named.typed})
      expect_reads(box, QuestionKind::bases, FieldId::based_on, named);
  }
}

// The boundary: the box must be wholly a question of the grammar about a named instrument. A
// topic that holds the verbs, "hiệu lực" or a type name stays a words search.
TEST(RelationQuestion, topics_holding_the_words_stay_words) {
  for (const char* box : {
           "quy định về căn cứ xác định thuế",
           "căn cứ xác định thuế thu nhập",
           "sửa đổi bổ sung quy chế làm việc",
           "văn bản hướng dẫn chấm điểm thi đua",  // a guide to a topic, not to an instrument
           "văn bản nào sửa đổi quy chế chi tiêu nội bộ",
           "hiệu lực thi hành của nghị định",
           "nghị định 14/2017 về giá đất",  // an instrument and a topic: words
           "thay thế thiết bị y tế",
           "hướng dẫn nghị định 14/2017",  // no subject: may be a topic's words
           "bãi bỏ thủ tục hành chính",
           "văn bản hết hiệu lực",
           "14/2017 còn hiệu lực không",  // a number without type or code names nothing
           "dân vận khéo",
           "nghị định 14/2017",
       }) {
    EXPECT_FALSE(read_relation_question(box).has_value()) << box;
    EXPECT_FALSE(read_relation_question(without_diacritics(box)).has_value()) << box;
  }
}

TEST(RelationQuestion, instruments_read_whole_or_not_at_all) {
  const auto bare = read_instrument("nghi dinh so 62/2022");
  ASSERT_TRUE(bare.has_value());
  EXPECT_EQ(bare->type_name, "Nghị định");
  EXPECT_EQ(bare->number, "62/2022");
  const auto coded = read_instrument("nđ 62/2022");  // a type's code for its name
  ASSERT_TRUE(coded.has_value());
  EXPECT_EQ(coded->type_name, "Nghị định");
  const auto no_year = read_instrument("quyết định 1234");
  ASSERT_TRUE(no_year.has_value());
  EXPECT_EQ(no_year->number, "1234");
  for (const char* not_one :
       {"62/2022", "nghị định", "nghị định 62/2022 về giá", "giá đất", "luật", "chỉ thị abc"})
    EXPECT_FALSE(read_instrument(not_one).has_value()) << not_one;
}

TEST(RelationQuestion, labels_say_what_was_understood) {
  const auto amended = read_relation_question("văn bản nào sửa đổi nghị định 14/2017");
  ASSERT_TRUE(amended.has_value());
  EXPECT_EQ(question_label(*amended), "các văn bản sửa đổi, bổ sung");
  const auto valid = read_relation_question("luật đất đai còn hiệu lực không");
  ASSERT_TRUE(valid.has_value());
  EXPECT_EQ(question_label(*valid), "tình trạng hiệu lực của");
}

// A type of the table as the subject, asked for as such ("thông tư nào", "các quyết định"):
// the question's subject, in its label; a type name merely opening the box is a title's words.
TEST(RelationQuestion, a_type_asked_for_is_the_subject) {
  struct Asked {
    std::string box;
    FieldId field;
    std::string subject_type;
    std::size_t instrument;  // index into question_instruments()
  };
  const std::vector<Asked> asked{
      {"thông tư nào hướng dẫn nghị định 14/2017", FieldId::guides, "Thông tư", 0},
      {"các quyết định thay thế quyết định 1234/QĐ-TTg", FieldId::replaces, "Quyết định", 4},
      {"nghị định nào quy định chi tiết luật đất đai", FieldId::guides, "Nghị định", 7},
      {"những thông tư liên tịch nào sửa đổi thông tư 04/2025", FieldId::amends,
       "Thông tư liên tịch", 2},
      {"công văn nào đã trích dẫn 59/2023/NĐ-CP?", FieldId::cites, "Công văn", 6},
  };
  for (const Asked& question : asked) {
    expect_reads(question.box, QuestionKind::relation, question.field,
                 question_instruments()[question.instrument]);
    for (const std::string& typed : {question.box, without_diacritics(question.box)}) {
      const auto read = read_relation_question(typed);
      ASSERT_TRUE(read.has_value()) << typed;
      EXPECT_EQ(read->subject_type, question.subject_type) << typed;
    }
  }
  const auto guides = read_relation_question("thong tu nao huong dan nghi dinh 14/2017");
  ASSERT_TRUE(guides.has_value());
  EXPECT_EQ(question_subject(*guides), "thông tư");
  EXPECT_EQ(question_label(*guides), "các thông tư hướng dẫn");
  // "văn bản" asks for any type.
  const auto any = read_relation_question("văn bản nào hướng dẫn nghị định 14/2017");
  ASSERT_TRUE(any.has_value());
  EXPECT_TRUE(any->subject_type.empty());
  EXPECT_EQ(question_subject(*any), "văn bản");
  for (const char* box : {
           "thông tư hướng dẫn nghị định 14/2017",  // a title's words: no "nào", no plural
           "quyết định thay thế quyết định 1234/QĐ-TTg",
           "các thông tư về đất đai",  // no verb, no instrument
           "thông tư nào",
           "các nghị định hướng dẫn chấm điểm thi đua",  // a topic, not an instrument
       }) {
    EXPECT_FALSE(read_relation_question(box).has_value()) << box;
    EXPECT_FALSE(read_relation_question(without_diacritics(box)).has_value()) << box;
  }
}

}  // namespace
}  // namespace vanban::archive
