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
}

}  // namespace
}  // namespace vanban::analyzers
