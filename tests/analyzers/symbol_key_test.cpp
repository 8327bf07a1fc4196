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

}  // namespace
}  // namespace vanban::analyzers
