// citation_key(): what a user types for a cited instrument meets the key the extractor files
// the citation under, for numbers and for laws cited by name.
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"
#include "vanban/analyzers/symbol.hpp"

namespace vanban::analyzers {
namespace {

TEST(CitationKey, a_number_keys_as_its_symbol) {
  EXPECT_EQ(citation_key("33/CT-TTg"), symbol_key("33/CT-TTg"));
  EXPECT_EQ(citation_key("Nghị định số 59/2023/NĐ-CP"), symbol_key("59/2023/NĐ-CP"));
}

TEST(CitationKey, a_typed_law_name_meets_the_extracted_citation) {
  const auto metadata = extract_metadata(
      "KẾ HOẠCH\nThực hiện dân chủ năm 2026\n"
      "Căn cứ Luật Thực hiện dân chủ ở cơ sở ngày 10 tháng 11 năm 2022;\n"
      "Căn cứ Bộ luật Lao động năm 2019;\n");
  std::size_t laws = 0;
  for (const Citation& citation : metadata.citations) {
    if (citation.number) continue;
    ++laws;
    ASSERT_TRUE(citation.number_key);
    ASSERT_TRUE(citation.title);
    // The name shown for the law, and the text as written, type back to the same key.
    EXPECT_EQ(citation_key(*citation.title), citation.number_key) << *citation.title;
    EXPECT_EQ(citation_key(citation.text), citation.number_key) << citation.text;
  }
  EXPECT_EQ(laws, 2u);
  const auto key = citation_key("Luật Thực hiện dân chủ ở cơ sở");
  EXPECT_EQ(key, law_key("Luật Thực hiện dân chủ ở cơ sở"));
  EXPECT_EQ(citation_key("Luật Thực hiện dân chủ ở cơ sở ngày 10 tháng 11 năm 2022"), key);
  EXPECT_EQ(citation_key("  luat thuc hien  dan chu o co so "), key);
}

// A law's name with a common abbreviation of a body ("Luật MTTQ Việt Nam") is the name spelled
// out: one key, so a document that cites the law by number and full name, then by its short
// form, cites one instrument; a user may type either form.
TEST(CitationKey, a_law_named_with_an_abbreviation_is_the_same_law) {
  EXPECT_EQ(law_key("Luật MTTQ Việt Nam"), law_key("Luật Mặt trận Tổ quốc Việt Nam"));
  EXPECT_EQ(citation_key("Luật MTTQ VN"), citation_key("Luật Mặt trận Tổ quốc Việt Nam"));
  for (const std::string later : {"Luật MTTQ Việt Nam", "Luật Mặt trận Tổ quốc Việt Nam"}) {
    const auto metadata = extract_metadata(
        "KẾ HOẠCH\nThực hiện công tác bầu cử\nCăn cứ Luật Mặt trận Tổ quốc Việt Nam số "
        "75/2015/QH13 ngày 09/6/2015;\nI. MỤC ĐÍCH\nThực hiện đúng quy định của " +
        later + "; các văn bản hướng dẫn.\n");
    ASSERT_EQ(metadata.citations.size(), 1u) << later;
    EXPECT_EQ(metadata.citations[0].number, "75/2015/QH13") << later;
  }
  // A word that is no abbreviation of the table stays as written.
  EXPECT_NE(law_key("Luật ABC"), law_key("Luật Mặt trận Tổ quốc"));
}

TEST(CitationKey, words_that_name_no_instrument_have_no_key) {
  EXPECT_FALSE(citation_key("Ủy ban nhân dân thành phố Huế"));
  EXPECT_FALSE(citation_key("xin chào"));
  EXPECT_FALSE(citation_key(""));
}

// A number's key is the form its rules rest at: the key of a key is itself, whatever pieces of
// codes, separators and a scan's slips a symbol is made of (the query fuzzer found two rules
// whose results another rule read again: a joint type code's slash twice, a glued type code in a
// Party-like form).
TEST(CitationKey, the_key_of_a_key_is_itself) {
  const std::vector<std::string> pieces = {"0",   "1",   "2",   "6",  "9",  "/",  "/", "-",  "-",
                                           " ",   ".",   "TT",  "LT", "NQ", "QĐ", "Đ", "CP", "UBND",
                                           "BB",  "TW",  "BGN", "g",  "n",  "l",  "I", "HĐ", "KH",
                                           "TTg", "BTC", "&",   "_",  "//", "--", "Ð", "]",  "a"};
  std::mt19937 random(7);
  int keyed = 0;
  for (int round = 0; round < 1000000; ++round) {
    std::string symbol;
    const int count = 1 + static_cast<int>(random() % 10);
    for (int i = 0; i < count; ++i)
      symbol += pieces[random() % pieces.size()];
    const auto key = symbol_key(symbol);
    if (!key) continue;
    ++keyed;
    ASSERT_EQ(symbol_key(*key), key) << symbol;
  }
  EXPECT_GT(keyed, 10000);
}

}  // namespace
}  // namespace vanban::analyzers
