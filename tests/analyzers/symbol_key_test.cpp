#include <gtest/gtest.h>

#include "vanban/analyzers/symbol.hpp"

namespace vanban::analyzers {
namespace {

TEST(SymbolKey, spellings_of_one_number_meet) {
  EXPECT_EQ(symbol_key("33/CT-TTg"), "33/ct-ttg");
  EXPECT_EQ(symbol_key("33/ct-ttg"), "33/ct-ttg");
  EXPECT_EQ(symbol_key("33 / CT - TTg"), "33/ct-ttg");
  EXPECT_EQ(symbol_key("59/2023/ND-CP"), symbol_key("59/2023/NĐ-CP"));
  EXPECT_EQ(symbol_key("05/BNV-VP"), "5/bnv-vp");
  EXPECT_EQ(symbol_key("23- QĐ/TW"), "23-qd/tw");
}

TEST(SymbolKey, plain_words_are_not_symbols) {
  EXPECT_EQ(symbol_key("Kế hoạch"), std::nullopt);
  EXPECT_EQ(symbol_key("2026"), std::nullopt);
  EXPECT_EQ(symbol_key("26/11/2021"), std::nullopt);
}

TEST(SymbolKey, dashes_and_line_breaks_do_not_change_the_key) {
  EXPECT_EQ(symbol_key("33/CT\u2013TTg"), "33/ct-ttg");
  EXPECT_EQ(symbol_key("32/KH-\nUBND"), "32/kh-ubnd");
  EXPECT_EQ(symbol_key("927/BNV-CTTN&BĐG"), "927/bnv-cttn&bdg");
  EXPECT_EQ(symbol_key("05-NQ/TƯ"), "5-nq/tu");
}

TEST(SymbolKey, a_party_symbol_without_its_hyphen_meets_the_one_with_it) {
  EXPECT_EQ(symbol_key("84 QĐ/TWĐTN"), "84-qd/twdtn");
  EXPECT_EQ(symbol_key("491TB/VPTW"), "491-tb/vptw");
  EXPECT_EQ(symbol_key("298 KH/TWĐTN"), symbol_key("298-KH/TWĐTN"));
}

// pdftotext (default mode) drops the hyphen that ends a line and joins the lines: "609/TTr-" /
// "BYT" comes out as "609/TTrBYT". A State type code glued to an issuer code is the two codes.
TEST(SymbolKey, a_state_symbol_whose_line_end_hyphen_was_dropped_meets_the_one_with_it) {
  EXPECT_EQ(symbol_key("609/TTrBYT"), "609/ttr-byt");
  EXPECT_EQ(symbol_key("61/2018/NĐCP"), symbol_key("61/2018/NĐ-CP"));
  EXPECT_EQ(symbol_key("16/KHUBND"), symbol_key("16/KH-UBND"));
  EXPECT_EQ(symbol_key("13/2025/NQHĐND"), symbol_key("13/2025/NQ-HĐND"));
  EXPECT_EQ(symbol_key("17/2022/TTBLĐTBXH"), symbol_key("17/2022/TT-BLĐTBXH"));
  EXPECT_EQ(symbol_key("33/CTTTg"), symbol_key("33/CT-TTg"));
  EXPECT_EQ(symbol_key("78/2025/NQUBTVQH15"), symbol_key("78/2025/NQ-UBTVQH15"));
  EXPECT_EQ(symbol_key("30c/NQCP"), "30c/nq-cp");  // a letter after the number, a type code
  // Codes of their own stay whole: a joint circular, an inspectorate, a council, the Prime
  // Minister's older symbols, a code after which a hyphen follows.
  EXPECT_EQ(symbol_key("71/2014/TTLT-BTC"), "71/2014/ttlt-btc");
  EXPECT_EQ(symbol_key("123/TTCP"), "123/ttcp");
  EXPECT_EQ(symbol_key("12/HĐND"), "12/hdnd");
  EXPECT_EQ(symbol_key("211/TTg"), "211/ttg");
  EXPECT_EQ(symbol_key("123/BCT-XNK"), "123/bct-xnk");
  EXPECT_EQ(symbol_key("123/KHĐT"), "123/khdt");
}

TEST(SymbolKey, a_dotted_number_keeps_its_dot) {
  EXPECT_EQ(symbol_key("66.13/2026/NQ-CP"), "66.13/2026/nq-cp");
  EXPECT_EQ(symbol_key("66.13/2026/nq-cp"), "66.13/2026/nq-cp");
  EXPECT_EQ(symbol_key("066.13/2026/NQ-CP"), "66.13/2026/nq-cp");
  EXPECT_NE(symbol_key("66.13/2026/NQ-CP"), symbol_key("6613/2026/NQ-CP"));
}

TEST(SymbolKey, dots_that_make_no_number_are_not_symbols) {
  EXPECT_EQ(symbol_key("1.2.3/2026/NQ-CP"), std::nullopt);
  EXPECT_EQ(symbol_key(".5/2026/NQ-CP"), std::nullopt);
  EXPECT_EQ(symbol_key("5./2026/NQ-CP"), std::nullopt);
  EXPECT_EQ(symbol_key("12.3.2023"), std::nullopt);
  EXPECT_EQ(symbol_key("1.5/2"), std::nullopt);
}

TEST(SymbolKey, older_numbers_naming_only_the_issuer_meet_in_one_key) {
  EXPECT_EQ(symbol_key("50/CP"), "50/cp");
  EXPECT_EQ(symbol_key("118/TTg"), "118/ttg");
  EXPECT_EQ(symbol_key("111-HĐBT"), "111/hdbt");
  EXPECT_EQ(symbol_key("206-CP"), symbol_key("206/CP"));
  EXPECT_EQ(symbol_key("206 - CP"), "206/cp");
  // The key of a key is itself.
  EXPECT_EQ(symbol_key("111/hdbt"), "111/hdbt");
}

TEST(SymbolKey, a_number_a_dash_and_a_word_is_not_a_symbol) {
  for (const char* text : {"111-hđbt", "10-km", "04-A", "3-Giao", "2-chiều", "0912-345-678",
                           "2026-2030", "5-HĐBT-", "12-CP1234"}) {
    EXPECT_EQ(symbol_key(text), std::nullopt) << text;
  }
}

TEST(SymbolKey, a_party_symbol_typed_with_the_state_separators_is_the_party_symbol) {
  // "<số>-<loại>/<cơ quan>" is the Party's form; its type code and a committee's code typed
  // the State way round are the same symbol.
  EXPECT_EQ(symbol_key("26/NQ-TW"), "26-nq/tw");
  EXPECT_EQ(symbol_key("37/CTr-TU"), symbol_key("37-CTr/TU"));
  EXPECT_EQ(symbol_key("15/KH-ĐU"), "15-kh/du");
  EXPECT_EQ(symbol_key("04/HD-BTGTU"), symbol_key("04-HD/BTGTU"));
  // Controls: a State issuer code after the hyphen, a year, or a State type code with a
  // committee-like tail that no Party type code opens stay the State form.
  EXPECT_EQ(symbol_key("15/KH-UBND"), "15/kh-ubnd");
  EXPECT_EQ(symbol_key("26/2019/NQ-TW"), "26/2019/nq-tw");
  EXPECT_EQ(symbol_key("12/TTr-UBND"), "12/ttr-ubnd");
  EXPECT_EQ(symbol_key("26-NQ/TW"), "26-nq/tw");
}

TEST(SymbolKey, a_joint_type_code_and_its_issuers_are_joined_by_hyphens) {
  EXPECT_EQ(symbol_key("213/2013/TTLT/BTC-BLĐTBXH"), symbol_key("213/2013/TTLT-BTC-BLĐTBXH"));
  EXPECT_EQ(symbol_key("102/2025/NQLT/UBTVQH15-CP-ĐCTUBTWMTTQVN"),
            "102/2025/nqlt-ubtvqh15-cp-dctubtwmttqvn");
  // Controls: the joint code last, or a single issuer's slash, are left as written.
  EXPECT_EQ(symbol_key("01/2005/TTLT"), "1/2005/ttlt");
  EXPECT_EQ(symbol_key("183/2010/TT/BTC"), "183/2010/tt/btc");
}

TEST(SymbolKey, a_canonical_symbol_writes_the_codes_as_the_tables_do) {
  EXPECT_EQ(canonical_symbol("59/2023/ND-CP"), "59/2023/NĐ-CP");
  EXPECT_EQ(canonical_symbol("33/ct-ttg"), "33/CT-TTg");
  EXPECT_EQ(canonical_symbol("11-qđi/TW"), "11-QĐi/TW");
  EXPECT_EQ(canonical_symbol("50/Cp"), "50/CP");
  // Its key is the written symbol's.
  EXPECT_EQ(symbol_key(canonical_symbol("5/2017/QD-UBND")), symbol_key("5/2017/QD-UBND"));
  // Controls: ambiguous codes, other issuers' codes, and what is no symbol stay as written.
  EXPECT_EQ(canonical_symbol("12-HD/BTCTW"), "12-HD/BTCTW");
  EXPECT_EQ(canonical_symbol("12/HĐ-UBND"), "12/HĐ-UBND");
  EXPECT_EQ(canonical_symbol("927/BNV-CTTN&BĐG"), "927/BNV-CTTN&BĐG");
  EXPECT_EQ(canonical_symbol("66.13/2026/NQ-CP"), "66.13/2026/NQ-CP");
  EXPECT_EQ(canonical_symbol("Luật Đất đai"), "Luật Đất đai");
}

}  // namespace
}  // namespace vanban::analyzers
