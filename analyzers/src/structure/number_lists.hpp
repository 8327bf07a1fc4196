// Document numbers at a known position ("số 217, 218-QĐ/TW"), on top of the shared scanner
// find_symbols(): lists of numbers sharing one symbol and lists of whole symbols are expanded.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/analyzers/symbol.hpp"

namespace vanban::analyzers::structure {

// The symbols of one text, looked up by start offset.
class SymbolIndex {
 public:
  explicit SymbolIndex(std::string_view text) : matches_(find_symbols(text)) {}
  const SymbolMatch* starting_at(std::size_t pos) const;
  // The symbol starting at `pos` of `text` (the indexed text): one of the index, else, with
  // `issuer_only` (where "số" says a document number stands), one of the older form naming
  // only the issuer ("50/CP", "111-HĐBT").
  std::optional<SymbolMatch> symbol_at(std::string_view text, std::size_t pos,
                                       bool issuer_only) const;
  // Every symbol of the text, in order.
  const std::vector<SymbolMatch>& matches() const { return matches_; }

 private:
  std::vector<SymbolMatch> matches_;
};

struct ScannedNumbers {
  std::vector<std::string> symbols;        // "217-QĐ/TW", "218-QĐ/TW"
  std::vector<std::size_t> marker_digits;  // per symbol: digits that may be a footnote marker
  std::size_t end = 0;                     // byte offset after the last symbol
};

// The number(s) starting at `pos`: "217, 218-QĐ/TW" gives two symbols sharing the notation;
// "12/2020/NĐ-CP, 13/2020/NĐ-CP và 14/2020/NĐ-CP" gives three. `after_so`: the number follows
// "số", so the older form naming only the issuer ("50/CP", "111-HĐBT") is read too.
std::optional<ScannedNumbers> scan_numbers_at(const SymbolIndex& index, std::string_view text,
                                              std::size_t pos, bool after_so);

// A blank number of a draft or register copy ("Số: /UBND-VHXH", "Số:    /KH-UBND") starting
// at `pos` (the slash or dash): the symbol without its number, and its end.
std::optional<std::pair<std::string, std::size_t>> blank_number_at(std::string_view text,
                                                                   std::size_t pos);

}  // namespace vanban::analyzers::structure
