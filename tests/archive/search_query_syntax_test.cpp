// The search box language on its own: what a typed query means, and which queries are refused
// with a Vietnamese message.
#include <string>

#include <gtest/gtest.h>

#include "vanban/archive/query_parser.hpp"

namespace vanban::archive::query {
namespace {

std::string meaning(std::string_view text) {
  auto parsed = parse_query(text);
  if (!parsed) return "error: " + parsed.error().message;
  return describe(parsed->root);
}

Error refusal(std::string_view text) {
  auto parsed = parse_query(text);
  EXPECT_FALSE(parsed.ok()) << text;
  return parsed ? Error{} : parsed.error();
}

TEST(SearchQuerySyntax, adjacent_words_form_one_group_with_both_forms) {
  auto parsed = parse_query("Dân vận khéo");
  ASSERT_TRUE(parsed.ok());
  ASSERT_EQ(parsed->root.children.size(), 1u);
  const Node& group = parsed->root.children.front();
  EXPECT_EQ(group.kind, Node::Kind::words);
  ASSERT_EQ(group.words.size(), 3u);
  EXPECT_EQ(group.words[0].exact, "dân");
  EXPECT_EQ(group.words[0].folded, "dan");
  EXPECT_TRUE(group.words[0].accented());
  EXPECT_EQ(group.words[2].folded, "kheo");
}

TEST(SearchQuerySyntax, a_box_ending_with_a_question_mark_is_asked) {
  for (const char* box : {"bao lau?", "co duoc khong ?  ", "co duoc khong\xEF\xBC\x9F"}) {
    auto parsed = parse_query(box);
    ASSERT_TRUE(parsed.ok()) << box;
    EXPECT_TRUE(parsed->asked) << box;
  }
  for (const char* box : {"bao lau", "a? b", "\"co duoc khong?\"", ""}) {
    auto parsed = parse_query(box);
    ASSERT_TRUE(parsed.ok()) << box;
    EXPECT_FALSE(parsed->asked) << box;
  }
}

TEST(SearchQuerySyntax, unaccented_words_are_not_accented) {
  auto parsed = parse_query("dan van");
  ASSERT_TRUE(parsed.ok());
  for (const Word& word : parsed->root.children.front().words)
    EXPECT_FALSE(word.accented());
}

TEST(SearchQuerySyntax, quoted_text_is_a_strict_phrase) {
  EXPECT_EQ(meaning("\"dân vận\" khéo"), "all(\"dân vận\" words(khéo))");
  EXPECT_EQ(meaning("“dân vận”"), "all(\"dân vận\")");
}

TEST(SearchQuerySyntax, minus_excludes_a_word_a_phrase_or_a_group) {
  EXPECT_EQ(meaning("dân vận -đàn"), "all(words(dân vận) -words(đàn))");
  EXPECT_EQ(meaning("-\"chính quyền\" dân"), "all(-\"chính quyền\" words(dân))");
  EXPECT_EQ(meaning("a -(b c)"), "all(words(a) -all(words(b c)))");
}

TEST(SearchQuerySyntax, plus_marks_a_word_as_always_required) {
  EXPECT_EQ(meaning("+trọng tài +thương mại"), "all(words(+trọng tài +thương mại))");
  EXPECT_EQ(meaning("1 + 1"), "all(words(1 1))");  // a lone "+" marks nothing
}

TEST(SearchQuerySyntax, a_dash_between_words_does_not_exclude) {
  EXPECT_EQ(meaning("kinh tế - xã hội"), "all(words(kinh tế xã hội))");
}

TEST(SearchQuerySyntax, or_separates_alternatives_of_several_words) {
  EXPECT_EQ(meaning("dân vận OR dân chủ"), "all(any(all(words(dân vận)) | all(words(dân chủ))))");
  EXPECT_EQ(meaning("(chỉ thị OR kế hoạch) năm 2026"),
            "all(any(all(words(chỉ thị)) | all(words(kế hoạch))) words(năm 2026))");
}

TEST(SearchQuerySyntax, lower_case_or_is_a_word) {
  EXPECT_EQ(meaning("rock or roll"), "all(words(rock or roll))");
}

TEST(SearchQuerySyntax, dangling_or_and_closing_parentheses_are_forgiven) {
  EXPECT_EQ(meaning("dân OR"), "all(words(dân))");
  EXPECT_EQ(meaning("dân) vận"), "all(words(dân) words(vận))");
  EXPECT_EQ(meaning("()"), "all()");
}

TEST(SearchQuerySyntax, document_number_anywhere_is_looked_up_by_key) {
  EXPECT_EQ(meaning("33/CT-TTg"), "all(number(33/ct-ttg))");
  EXPECT_EQ(meaning("thực hiện 33/ct-ttg về dân vận"),
            "all(words(thực hiện) number(33/ct-ttg) words(về dân vận))");
  EXPECT_EQ(meaning("59/2023/ND-CP"), "all(number(59/2023/nd-cp))");
  EXPECT_EQ(meaning("59/2023/NĐ-CP"), "all(number(59/2023/nd-cp))");
}

TEST(SearchQuerySyntax, document_number_typed_with_spaces_is_one_number) {
  EXPECT_EQ(meaning("33 / CT - TTg"), "all(number(33/ct-ttg))");
  EXPECT_EQ(meaning("Chỉ thị 33/CT-TTg, năm 2021"),
            "all(words(chỉ thị) number(33/ct-ttg) words(năm 2021))");
}

TEST(SearchQuerySyntax, dates_and_fractions_are_not_document_numbers) {
  EXPECT_EQ(meaning("26/11/2021"), "all(words(26 11 2021))");
}

TEST(SearchQuerySyntax, fields_take_a_word_or_a_quoted_value) {
  EXPECT_EQ(meaning("cq:\"Bộ Nội vụ\" loai:KH nam:2026 so:32/KH-UBND trich:33/CT-TTg"),
            "all(issuer:Bộ Nội vụ type:KH year:2026 number:32/KH-UBND cites:33/CT-TTg)");
  EXPECT_EQ(meaning("CQ:ubnd loại:\"Kế hoạch\" năm:2025"),
            "all(issuer:ubnd type:Kế hoạch year:2025)");
}

TEST(SearchQuerySyntax, unknown_field_names_are_words) {
  EXPECT_EQ(meaning("http:abc"), "all(words(http abc))");
}

TEST(SearchQuerySyntax, date_field_takes_ranges_months_years_and_open_ends) {
  EXPECT_EQ(meaning("ngay:2025-01-15..2025-06-30"), "all(date:20250115..20250630)");
  EXPECT_EQ(meaning("ngay:2025-03"), "all(date:20250300..20250399)");
  EXPECT_EQ(meaning("ngay:2025"), "all(date:20250000..20259999)");
  EXPECT_EQ(meaning("ngày:2025-01-01.."), "all(date:20250100..)");
  EXPECT_EQ(meaning("ngay:..30/6/2025"), "all(date:..20250630)");
}

TEST(SearchQuerySyntax, unbalanced_quote_is_refused_in_vietnamese) {
  const Error error = refusal("\"dân vận");
  EXPECT_EQ(error.kind, ErrorKind::invalid_argument);
  EXPECT_NE(error.user_message.find("ngoặc kép"), std::string::npos);
}

TEST(SearchQuerySyntax, unclosed_parenthesis_is_refused_in_vietnamese) {
  for (const char* query : {"(dân vận", "dân (vận OR chủ", "((dân) vận"}) {
    const Error error = refusal(query);
    EXPECT_EQ(error.kind, ErrorKind::invalid_argument) << query;
    EXPECT_EQ(error.user_message, "Thiếu dấu ngoặc đóng “)” trong câu tìm kiếm.") << query;
  }
}

TEST(SearchQuerySyntax, empty_field_value_is_refused) {
  for (const char* text : {"cq:", "dân cq: vận", "nam:\"\"", "ngay:"}) {
    const Error error = refusal(text);
    EXPECT_EQ(error.kind, ErrorKind::invalid_argument) << text;
    EXPECT_NE(error.user_message.find("chưa có giá trị"), std::string::npos) << text;
  }
}

TEST(SearchQuerySyntax, bad_date_range_is_refused) {
  for (const char* text : {"ngay:2025-13-01", "ngay:2025-02-30", "ngay:hôm-nay", "ngay:..",
                           "ngay:2025-06-30..2025-01-01", "ngay:2025-01-01...2025-02-01"}) {
    const Error error = refusal(text);
    EXPECT_EQ(error.kind, ErrorKind::invalid_argument) << text;
    EXPECT_NE(error.user_message.find("Khoảng ngày không hợp lệ"), std::string::npos) << text;
  }
}

TEST(SearchQuerySyntax, bad_year_and_number_fields_are_refused) {
  EXPECT_EQ(refusal("nam:20x5").kind, ErrorKind::invalid_argument);
  EXPECT_EQ(refusal("nam:202").kind, ErrorKind::invalid_argument);
  EXPECT_EQ(refusal("so:abc").kind, ErrorKind::invalid_argument);
}

TEST(SearchQuerySyntax, too_long_query_is_refused) {
  const Error error = refusal(std::string(kMaxQueryBytes + 1, 'a'));
  EXPECT_EQ(error.kind, ErrorKind::invalid_argument);
  EXPECT_FALSE(error.user_message.empty());
}

TEST(SearchQuerySyntax, query_length_limit_counts_bytes_and_says_so) {
  // 400 letters with diacritics are 1,200 bytes: refused, and the message names the unit it
  // counts (bytes), not characters.
  std::string accented;
  for (int i = 0; i < 400; ++i)
    accented += "ệ";
  ASSERT_GT(accented.size(), kMaxQueryBytes);
  const Error error = refusal(accented);
  EXPECT_NE(error.user_message.find(std::to_string(kMaxQueryBytes) + " byte"), std::string::npos)
      << error.user_message;
  EXPECT_EQ(error.user_message.find("ký tự"), std::string::npos) << error.user_message;
  EXPECT_TRUE(parse_query(std::string(kMaxQueryBytes, 'a')).ok());
}

TEST(SearchQuerySyntax, deep_nesting_is_refused_not_crashing) {
  EXPECT_EQ(refusal(std::string(200, '(') + "a").kind, ErrorKind::invalid_argument);
}

TEST(SearchQuerySyntax, odd_input_never_throws) {
  const std::string odd[] = {"",      "   ",   "-",        "--a",   "OR OR", "\"\"",
                             "-\"\"", ")))",   "((",       "a:b:c", "-cq:x", "\xff\xfe bad",
                             "cq:\"", "so:33", "trich:\"", "\0x"};
  for (const std::string& text : odd) {
    auto parsed = parse_query(text);
    if (!parsed) {
      EXPECT_EQ(parsed.error().kind, ErrorKind::invalid_argument) << text;
    }
  }
}

TEST(SearchQuerySyntax, date_bounds_cover_the_whole_period_typed) {
  const auto day = date_bounds("2025-03-31");
  ASSERT_TRUE(day);
  EXPECT_EQ(day->from, "20250331");
  EXPECT_EQ(day->to, "20250331");
  // The first of a month admits a document whose day was left blank.
  EXPECT_EQ(date_bounds("2025-03-01")->from, "20250300");
  EXPECT_FALSE(date_bounds("2025-3-32"));
  EXPECT_FALSE(date_bounds("31/02/2025"));
}

}  // namespace
}  // namespace vanban::archive::query
