// Hostile input through the text side of the analyzers: decode_text, Analyzer::analyze,
// find_symbols and symbol_key must give a value that keeps their promises (valid UTF-8 in NFC,
// offsets on code point boundaries inside the text, keys in their alphabet) whatever bytes come
// in: random, mutated real documents, very long lines, storms of separators, NUL bytes.
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "vanban/analyzers/normalize.hpp"
#include "vanban/analyzers/symbol.hpp"
#include "vanban/analyzers/tokenizer.hpp"

#include "fuzz_inputs.hpp"
#include "test_support.hpp"

namespace vanban::analyzers {
namespace {

using testing::FuzzInputs;
using testing::is_valid_utf8;
using testing::on_utf8_boundary;
using testing::seed_documents;

bool is_nfc(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  const bool normalized = nfc->isNormalized(icu::UnicodeString::fromUTF8(text), status);
  return U_SUCCESS(status) && normalized;
}

// The inputs of one round: mutated documents, random text, random bytes, pathological runs.
std::string hostile_input(FuzzInputs& inputs, const std::vector<std::string>& seeds, int round) {
  switch (round % 5) {
    case 0:
    case 1:
      return inputs.mutate_many(seeds[inputs.below(seeds.size())]);
    case 2:
      return inputs.random_text(400);
    case 3:
      return inputs.random_bytes(600);
    default: {
      // A very long line of one shape: separators, digits and codes glued together.
      static const std::vector<std::string> kUnits = {
          "33/",  "-", "/",        "QĐ-", "1/2/3/",   "a-b/", "Số ", "\"",
          "ngày", "Đ", "\xCC\x81", "9",   "/KH-UBND", "–",    "KH-", "\xC2\xA0"};
      std::string line;
      const std::string& unit = kUnits[inputs.below(kUnits.size())];
      for (std::size_t i = 200 + inputs.below(3000); i > 0; --i)
        line += unit;
      return line;
    }
  }
}

void expect_decoded_text_is_clean(const std::string& bytes, const DecodedText& decoded) {
  SCOPED_TRACE(::testing::PrintToString(bytes.substr(0, 120)));
  EXPECT_TRUE(is_valid_utf8(decoded.text));
  EXPECT_TRUE(is_nfc(decoded.text));
  EXPECT_EQ(decoded.text.find('\0'), std::string::npos);
  EXPECT_FALSE(decoded.encoding.empty());
}

void expect_tokens_inside_text(std::string_view text, std::span<const Token> tokens) {
  std::uint32_t previous_start = 0;
  const Token* symbol = nullptr;  // the symbol whose parts follow it
  for (const Token& token : tokens) {
    ASSERT_LE(token.start, token.end);
    ASSERT_LE(token.end, text.size());
    EXPECT_LT(token.start, token.end) << "empty token";
    EXPECT_TRUE(on_utf8_boundary(text, token.start));
    EXPECT_TRUE(on_utf8_boundary(text, token.end));
    EXPECT_EQ(token.text, text.substr(token.start, token.end - token.start));
    if (token.in_symbol) {
      // The parts of a symbol (its notation, words, numbers) lie inside it.
      ASSERT_NE(symbol, nullptr) << "symbol part without its symbol";
      EXPECT_GE(token.start, symbol->start);
      EXPECT_LE(token.end, symbol->end);
    } else {
      EXPECT_GE(token.start, previous_start) << "tokens out of text order";
      previous_start = token.start;
      // A symbol without its footnote marker follows the symbol with it: keep the wider one.
      if (token.kind != TokenKind::symbol)
        symbol = nullptr;
      else if (symbol == nullptr || token.start >= symbol->end)
        symbol = &token;
    }
    EXPECT_FALSE(token.lower.empty());
    EXPECT_FALSE(token.folded.empty());
    EXPECT_TRUE(is_valid_utf8(token.lower));
    EXPECT_TRUE(is_valid_utf8(token.folded));
  }
}

void expect_symbols_well_formed(std::string_view text, const std::vector<SymbolMatch>& symbols) {
  std::size_t previous_end = 0;
  for (const SymbolMatch& match : symbols) {
    ASSERT_LE(match.start, match.end);
    ASSERT_LE(match.end, text.size());
    EXPECT_GE(match.start, previous_end) << "overlapping symbols";
    previous_end = match.end;
    EXPECT_TRUE(on_utf8_boundary(text, match.start));
    EXPECT_TRUE(on_utf8_boundary(text, match.end));
    EXPECT_TRUE(is_valid_utf8(match.text));
    ASSERT_LE(match.notation_offset, match.text.size());
    ASSERT_LE(match.marker_digits, match.text.size());
    EXPECT_EQ(std::optional<std::string>(match.key), symbol_key(match.text));
    EXPECT_FALSE(match.number().empty());
    EXPECT_FALSE(match.notation().empty());
    if (const auto cut = without_marker(match)) {
      EXPECT_LE(cut->end, match.end);
      EXPECT_LE(cut->text.size(), match.text.size());
      EXPECT_TRUE(is_valid_utf8(cut->text));
    }
  }
}

void expect_key_in_its_alphabet(const std::string& key) {
  EXPECT_FALSE(key.empty());
  EXPECT_TRUE(is_valid_utf8(key));
  for (const char c : key) {
    EXPECT_FALSE(c >= 'A' && c <= 'Z') << key;
    EXPECT_NE(c, ' ') << key;
    EXPECT_NE(c, '\n') << key;
  }
  // The key of a key is itself: the query side normalises what users type with the same function.
  EXPECT_EQ(symbol_key(key), std::optional<std::string>(key));
}

TEST(TextRobustness, decode_text_gives_clean_nfc_for_any_bytes) {
  FuzzInputs inputs(0x7e57'0001);
  const auto seeds = seed_documents();
  for (int round = 0; round < 600; ++round) {
    std::string bytes = hostile_input(inputs, seeds, round);
    if (round % 7 == 0) bytes.insert(0, inputs.one_in(2) ? "\xFF\xFE" : "\xFE\xFF");
    const DecodedText decoded = decode_text(bytes);
    expect_decoded_text_is_clean(bytes, decoded);
    // Clean text decodes to itself: ingesting twice changes nothing.
    EXPECT_EQ(decode_text(decoded.text).text, decoded.text);
  }
}

TEST(TextRobustness, decode_text_of_utf16_with_odd_bytes_and_surrogates_is_clean) {
  FuzzInputs inputs(0x7e57'0002);
  for (int round = 0; round < 300; ++round) {
    std::string bytes = round % 2 == 0 ? "\xFF\xFE" : "\xFE\xFF";
    // Pairs of bytes with many zeros, lone surrogates (D800-DFFF) and an odd tail.
    for (std::size_t i = inputs.below(200); i > 0; --i) {
      const std::size_t pick = inputs.below(4);
      char high = pick == 0 ? '\xD8' : pick == 1 ? '\xDC' : '\0';
      char low = static_cast<char>(inputs.next() & 0xFF);
      if (round % 2 == 1) std::swap(high, low);
      bytes += low;
      bytes += high;
    }
    if (inputs.one_in(2)) bytes += '\x41';
    expect_decoded_text_is_clean(bytes, decode_text(bytes));
  }
}

TEST(TextRobustness, analyzer_tokens_stay_inside_the_text_on_character_boundaries) {
  FuzzInputs inputs(0x7e57'0003);
  const auto seeds = seed_documents();
  Analyzer analyzer;
  for (int round = 0; round < 500; ++round) {
    const std::string text = decode_text(hostile_input(inputs, seeds, round)).text;
    SCOPED_TRACE(::testing::PrintToString(text.substr(0, 120)));
    expect_tokens_inside_text(text, analyzer.analyze(text));
  }
}

TEST(TextRobustness, analyzer_survives_text_that_skipped_decoding) {
  // A caller that forgets decode_text() must get tokens or none, never a crash.
  FuzzInputs inputs(0x7e57'0004);
  Analyzer analyzer;
  for (int round = 0; round < 400; ++round) {
    const std::string bytes = round % 2 == 0 ? inputs.random_bytes(300) : inputs.random_text(200);
    for (const Token& token : analyzer.analyze(bytes)) {
      ASSERT_LE(token.start, token.end);
      ASSERT_LE(token.end, bytes.size());
    }
  }
}

TEST(TextRobustness, find_symbols_spans_are_ordered_and_keys_match) {
  FuzzInputs inputs(0x7e57'0005);
  const auto seeds = seed_documents();
  for (int round = 0; round < 500; ++round) {
    const std::string text = decode_text(hostile_input(inputs, seeds, round)).text;
    SCOPED_TRACE(::testing::PrintToString(text.substr(0, 120)));
    expect_symbols_well_formed(text, find_symbols(text));
  }
}

TEST(TextRobustness, symbol_key_of_any_string_is_a_key_or_nothing) {
  FuzzInputs inputs(0x7e57'0006);
  const std::vector<std::string> seeds = {"33/CT-TTg",       "59/2023/NĐ-CP",    "23-QĐ/TW",
                                          "5053-CV/VPTW/nb", "927/BNV-CTTN&BĐG", "64/2025/QH15"};
  for (int round = 0; round < 3000; ++round) {
    std::string typed = round % 3 == 0   ? inputs.random_text(20)
                        : round % 3 == 1 ? inputs.mutate(seeds[inputs.below(seeds.size())])
                                         : inputs.random_bytes(40);
    if (round % 50 == 0) typed = std::string(400, '1') + "/" + std::string(400, 'A');
    SCOPED_TRACE(::testing::PrintToString(typed));
    if (const auto key = symbol_key(typed)) expect_key_in_its_alphabet(*key);
  }
}

TEST(TextRobustness, huge_runs_of_separators_and_nul_bytes_are_handled) {
  Analyzer analyzer;
  for (const std::string& unit :
       std::vector<std::string>{"/", "-", "33/", "1-", "/KH", std::string(1, '\0'), "\n", "\"",
                                "\xCC\x81", "Đ-", "QĐ/"}) {
    std::string text;
    for (int i = 0; i < 20000; ++i)
      text += unit;
    const DecodedText decoded = decode_text(text);
    expect_decoded_text_is_clean(text, decoded);
    expect_tokens_inside_text(decoded.text, analyzer.analyze(decoded.text));
    expect_symbols_well_formed(decoded.text, find_symbols(decoded.text));
  }
}

// Regressions found by the tests above.

TEST(TextRobustness, symbol_span_never_cuts_a_letter_from_its_combining_mark) {
  // Marks NFC cannot compose (a macron on D, an acute on a digit) stay with their letter.
  for (const std::string text : {"6/2023/D\u0304", "1\u03019-Q/TW", "D\u031B0/2023/\u01AF"}) {
    SCOPED_TRACE(text);
    for (const SymbolMatch& match : find_symbols(text)) {
      const std::string_view rest(text.data() + match.end, text.size() - match.end);
      EXPECT_TRUE(rest.empty() || (static_cast<unsigned char>(rest[0]) != 0xCC &&
                                   static_cast<unsigned char>(rest[0]) != 0xCD))
          << "symbol ends before a combining mark: " << match.text;
      EXPECT_FALSE(match.start > 0 && static_cast<unsigned char>(text[match.start - 1]) >= 0x80)
          << "symbol starts after a combining mark: " << match.text;
    }
    Analyzer analyzer;
    expect_tokens_inside_text(text, analyzer.analyze(text));
  }
}

TEST(TextRobustness, number_joined_to_a_symbol_by_punctuation_is_its_own_word) {
  // ICU makes one unit of "217,218"; the symbol is "218-QĐ/TW" and 217 stays searchable.
  Analyzer analyzer;
  const std::string text = "Quy định 217,218-QĐ/TW";
  const auto tokens = analyzer.analyze(text);
  expect_tokens_inside_text(text, tokens);
  std::vector<std::string> plain;
  for (const Token& token : tokens)
    if (!token.in_symbol) plain.emplace_back(token.folded);
  EXPECT_EQ(plain, (std::vector<std::string>{"quy", "dinh", "217", "218-qd/tw"}));
}

}  // namespace
}  // namespace vanban::analyzers
