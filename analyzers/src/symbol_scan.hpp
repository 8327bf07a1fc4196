// The symbol scanner's allocation-free core, shared by find_symbols() and the tokenizer.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "vanban/analyzers/symbol.hpp"

namespace vanban::analyzers::detail {

// A piece of a symbol as written: a number or code (separator == 0), or a separator that the
// cleaned text writes as `separator` ('-' or '/') whatever dash or slash the text used.
struct SymbolPiece {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  char separator = 0;
};

struct RawSymbol {
  static constexpr std::size_t kMaxPieces = 24;
  std::size_t start = 0;
  std::size_t end = 0;
  SymbolForm form = SymbolForm::state;
  std::array<SymbolPiece, kMaxPieces> pieces{};
  std::size_t piece_count = 0;
  std::size_t notation_piece = 0;  // index of the notation's first piece
  std::size_t marker_digits = 0;   // see SymbolMatch::marker_digits
};

// The next position at or after `pos` where a symbol may start: an ASCII digit that does not
// continue a word, a number or a slash. npos when there is none.
std::size_t next_symbol_candidate(std::string_view text, std::size_t pos);

// Reads a symbol starting exactly at `pos`; false when there is none.
bool match_symbol_at(std::string_view text, std::size_t pos, RawSymbol& symbol);

// Reads a symbol of the older form that names only its issuer ("50/CP", "111-HĐBT",
// "118/TTg") starting exactly at `pos`; false when there is none. See issuer_only_symbol_at().
bool match_issuer_only_symbol_at(std::string_view text, std::size_t pos, RawSymbol& symbol);

// Appends `piece` (the bytes of a code) with its letters as a symbol writes them: a Cyrillic or
// Greek look-alike as its Latin letter, the eth as Đ, and Đ read twice as itself and as the eth
// once (vietnamese_letters.hpp).
void append_symbol_letters(std::string_view piece, std::string& out);

// Appends the cleaned text of pieces [first_piece, piece_count - drop_tail_bytes) of `symbol`:
// separators unified, spaces and line breaks gone. `drop_tail_bytes` cuts the last piece (for a
// footnote marker).
void append_clean_symbol(std::string_view text, const RawSymbol& symbol, std::size_t first_piece,
                         std::size_t drop_tail_bytes, std::string& out);

// The length of the State type code at the start of a symbol's last part, folded, when a
// hyphen between it and its issuer's code was lost ("ndcp" of 61/2018/NĐCP: 2), else 0.
std::size_t glued_type_code_length(std::string_view folded_part);

// "Nghị định số ] 49/2016/NĐ-CP": a closing bracket an OCR engine read for the 1 that opens a
// number after its label "số" (the digit's stroke and foot), one space at most before two digits
// or more. The bytes from the bracket to the digits, or 0.
std::size_t bracket_read_for_one(std::string_view text, std::size_t pos);

// Whether the digits after an OCR's "I" or "l" at a number's start make it the 1 read twice
// ("I1280" is 1280) rather than the 1 itself ("I195" is 1195).
bool one_read_twice(std::string_view digits_after);

// "33-NQITW", "05-CTITW", "33-CTrlTU": a Party symbol whose slash an OCR engine read as a
// capital I or a small l (one upright stroke each). Of the letters after the number's hyphen
// (`code`), the byte where a Party type code as its table spells it ends and an I or an l
// stands before an issuer's code in capitals ending in a committee's level (TW, TU, HU, QU, ĐU;
// domain.md §3.4), or npos. No Party code has an I or an l there ("QĐi" ends in a small i).
std::size_t party_slash_read_as_letter(std::string_view code);

// Appends symbol_key(symbol) to `out` without allocating; false (and `out` unchanged) when the
// text is not a symbol.
bool append_symbol_key(std::string_view symbol, std::string& out);

}  // namespace vanban::analyzers::detail
