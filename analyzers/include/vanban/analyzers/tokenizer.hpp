// Syllable tokens of Vietnamese text, with byte offsets for highlighting.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>

namespace vanban::analyzers {

enum class TokenKind : std::uint8_t { word, number, symbol };

std::string_view to_string(TokenKind kind);

struct Token {
  std::uint32_t start = 0;  // byte offsets into the analysed (NFC) text
  std::uint32_t end = 0;
  TokenKind kind = TokenKind::word;
  // True for the words and numbers inside a symbol ("CT", "TTg" of "33/CT-TTg"); the symbol
  // itself comes first as one token of kind symbol, its parts follow.
  bool in_symbol = false;
  std::string_view text;    // as written, a view into the analysed text
  std::string_view lower;   // exact_form(text); for a symbol, the text lower-cased
  std::string_view folded;  // fold(text); for a symbol, its symbol_key()
};

// Reusable analyzer: holds the ICU objects and buffers, so analysing allocates almost nothing
// once warm. Not thread-safe: use one per thread (see thread_analyzer()).
class Analyzer {
 public:
  Analyzer();
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // Tokens of NFC text. The views stay valid until the next call on this Analyzer and
  // while `nfc_text` lives.
  std::span<const Token> analyze(std::string_view nfc_text);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// This thread's Analyzer.
Analyzer& thread_analyzer();

}  // namespace vanban::analyzers
