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

}  // namespace
}  // namespace vanban::analyzers
