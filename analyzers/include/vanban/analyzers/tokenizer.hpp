// Syllable tokens of Vietnamese text, with byte offsets for highlighting.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string_view>

namespace vanban::analyzers {

enum class TokenKind : std::uint8_t { word, number, symbol };

std::string_view to_string(TokenKind kind);

// What a symbol gives, in this order (e.g. for "33/CT-TTg3", footnote marker glued on):
//   symbol "33/CT-TTg3"  (kind symbol, folded = symbol_key: "33/ct-ttg3")
//   symbol "33/CT-TTg"   (only when a footnote marker may be glued on: the key without it)
//   symbol "CT-TTg"      (in_symbol; the notation, folded "ct-ttg"; only when it has two codes
//                         or more: "CT-TTg", "NĐ-CP", "QĐ/TW", not "QH15")
//   number "33", word "CT", word "TTg", number "3"   (in_symbol; the parts, as words)
// so "33/CT-TTg", "CT-TTg" and "TTg" can all be searched.
struct Token {
  std::uint32_t start = 0;  // byte offsets into the analyzed (NFC) text
  std::uint32_t end = 0;
  TokenKind kind = TokenKind::word;
  // True for the tokens inside a symbol: its notation and its words and numbers ("CT", "TTg"
  // of "33/CT-TTg"); the symbol itself comes first as one token of kind symbol, these follow.
  bool in_symbol = false;
  std::string_view text;    // as written, a view into the analyzed text
  std::string_view lower;   // exact_form(text); for a symbol, its cleaned text lower-cased
  std::string_view folded;  // fold(text); for a symbol, its symbol_key()
};

// Which forms analyze() writes. Forms::folded leaves `lower` empty for words and numbers
// (symbols keep theirs), for callers that look tokens up by their folded form and want the
// exact form of a few only: exact_form(token.text) is what `lower` would hold. The tokens,
// their offsets, kinds and folded forms are the same either way.
enum class Forms : std::uint8_t { both, folded };

// Reusable analyzer: holds the ICU objects and buffers, so analysing allocates almost nothing
// once warm. Not thread-safe: use one per thread (see thread_analyzer()).
class Analyzer {
 public:
  Analyzer();
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // Tokens of NFC text (decode_text() or normalize_nfc() output), in text order, words
  // skipped of punctuation, quotes, dashes and bullets. The views stay valid until the next
  // call on this Analyzer and while `nfc_text` lives. Texts over 4 GiB are cut at 4 GiB.
  std::span<const Token> analyze(std::string_view nfc_text, Forms forms = Forms::both);

  // The word and number tokens of analyze(nfc_text, forms) (not its tokens of kind symbol) that
  // lie in the pieces of the text `wanted` accepts, in text order, the same to the bit; ICU
  // runs over those pieces only. A piece ends where ICU's word rules always break after ASCII
  // white space (it holds that white space), so each token lies in one piece, and a piece
  // holding a word holds that word's text; `wanted` is asked once per piece, in text order.
  std::span<const Token> analyze_pieces(std::string_view nfc_text, Forms forms,
                                        const std::function<bool(std::string_view piece)>& wanted);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// This thread's Analyzer.
Analyzer& thread_analyzer();

}  // namespace vanban::analyzers
