// Numbers with one lower-case letter ("30a/2008/NQ-CP", "15b/KH-UBND"): taken only in a State
// symbol whose notation opens with a type code, where nothing else reads like them.
#include <string>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"
#include "vanban/analyzers/symbol.hpp"
#include "vanban/analyzers/tokenizer.hpp"

namespace vanban::analyzers {
namespace {

TEST(LetteredNumbers, a_letter_after_the_number_belongs_to_a_state_symbol_with_a_type) {
  struct Case {
    const char* text;
    const char* symbol;
    const char* key;
    const char* number;
    SymbolForm form;
  };
  const Case cases[] = {
      {"Nghị quyết số 30a/2008/NQ-CP ngày 27/12/2008", "30a/2008/NQ-CP", "30a/2008/nq-cp", "30a",
       SymbolForm::normative},
      {"Kế hoạch số 15b/KH-UBND ngày 05/02/2026", "15b/KH-UBND", "15b/kh-ubnd", "15b",
       SymbolForm::state},
      {"Quyết định số 05c/QĐ-TTg", "05c/QĐ-TTg", "5c/qd-ttg", "05c", SymbolForm::state},
      {"(Số: 7a / TB-SNV)", "7a/TB-SNV", "7a/tb-snv", "7a", SymbolForm::state},
  };
  for (const Case& c : cases) {
    const auto found = find_symbols(c.text);
    ASSERT_EQ(found.size(), 1u) << c.text;
    EXPECT_EQ(found[0].text, c.symbol);
    EXPECT_EQ(found[0].key, c.key);
    EXPECT_EQ(found[0].number(), c.number);
    EXPECT_EQ(found[0].form, c.form);
    EXPECT_EQ(symbol_key(c.symbol), std::optional<std::string>(c.key));
  }
}

TEST(LetteredNumbers, look_alikes_are_not_symbols) {
  for (const char* text : {
           "3a",                         // a letter alone
           "làm việc 12h/ngày",          // hours per day
           "tỷ lệ 2a/3",                 // a fraction
           "Công văn 15b/UBND-VX",       // a công văn's notation opens with the issuer
           "Luật số 64a/2025/QH15",      // no type code
           "Nghị quyết 30A/2008/NQ-CP",  // a capital is no such letter
           "mẫu 30ab/2008/NQ-CP",        // one letter only
           "Kế hoạch 15b-KH/TU",         // Party form
           "điểm 3a/QĐ",                 // one code, no issuer
           "số 5y/2023/NĐ/NĐ-CP",        // type and issuer joined by a slash (found by fuzzing)
       }) {
    for (const SymbolMatch& match : find_symbols(text))
      EXPECT_EQ(match.number().find_first_of("abcdefghijklmnopqrstuvwxyzAB"), std::string::npos)
          << text << " → " << match.text;
  }
  EXPECT_EQ(symbol_key("12h/ngày"), std::nullopt);
  EXPECT_EQ(symbol_key("2a/3"), std::nullopt);
  EXPECT_EQ(symbol_key("15b/UBND-VX"), std::nullopt);
  EXPECT_EQ(symbol_key("64a/2025/QH15"), std::nullopt);
  EXPECT_EQ(symbol_key("5y/2023/NĐ/NĐ-CP"), std::nullopt);
  // Every symbol found has the key symbol_key() gives its text (the fuzzers' invariant).
  for (const SymbolMatch& match : find_symbols("số 5y/2023/NĐ/NĐ-CP và 7a/KH/UBND-VX"))
    EXPECT_EQ(symbol_key(match.text), std::optional<std::string>(match.key)) << match.text;
}

TEST(LetteredNumbers, cited_and_own_numbers_keep_their_letter) {
  const DocumentMetadata cited = extract_metadata(
      "Căn cứ Nghị quyết số 30a/2008/NQ-CP ngày 27 tháng 12 năm 2008 của Chính phủ về Chương "
      "trình hỗ trợ giảm nghèo nhanh và bền vững;");
  ASSERT_EQ(cited.citations.size(), 1u);
  EXPECT_EQ(cited.citations[0].number, "30a/2008/NQ-CP");
  EXPECT_EQ(cited.citations[0].number_key, "30a/2008/nq-cp");
  EXPECT_EQ(cited.citations[0].issuer, "Chính phủ");

  const DocumentMetadata own = extract_metadata(
      "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NINH\nSố: 15b/KH-UBND\n"
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
      "Quảng Ninh, ngày 05 tháng 02 năm 2026\nKẾ HOẠCH\nTriển khai công tác dân vận năm 2026\n"
      "Thực hiện chương trình công tác năm 2026, UBND tỉnh ban hành Kế hoạch như sau:\n");
  EXPECT_EQ(own.number, "15b/KH-UBND");
  EXPECT_EQ(own.number_key, "15b/kh-ubnd");
  EXPECT_EQ(own.type, "Kế hoạch");
}

TEST(LetteredNumbers, a_list_sharing_one_symbol_keeps_each_letter) {
  const DocumentMetadata listed =
      extract_metadata("Căn cứ các Quyết định số 15a, 15b/QĐ-UBND ngày 02/01/2026 của UBND tỉnh;");
  ASSERT_EQ(listed.citations.size(), 2u);
  EXPECT_EQ(listed.citations[0].number, "15a/QĐ-UBND");
  EXPECT_EQ(listed.citations[1].number, "15b/QĐ-UBND");
  // A letter the shared symbol does not allow (a công văn's notation opens with the issuer)
  // makes no lettered number.
  const DocumentMetadata letters =
      extract_metadata("Căn cứ các Công văn số 3a, 4/UBND-VX ngày 02/01/2026 của UBND tỉnh;");
  for (const Citation& citation : letters.citations)
    EXPECT_NE(citation.number, "3a/UBND-VX");
}

TEST(LetteredNumbers, search_tokens_carry_the_key_with_its_letter) {
  bool symbol_found = false;
  for (const Token& token : thread_analyzer().analyze("theo 30a/2008/NQ-CP, làm 12h/ngày")) {
    if (token.kind != TokenKind::symbol || token.in_symbol) continue;
    EXPECT_EQ(token.folded, "30a/2008/nq-cp");
    symbol_found = true;
  }
  EXPECT_TRUE(symbol_found);
}

}  // namespace
}  // namespace vanban::analyzers
