#include "structure/number_lists.hpp"

#include <algorithm>

#include "structure/text.hpp"

namespace vanban::analyzers::structure {
namespace {

// A listed number: digits, and one lower-case letter before the list goes on ("15a, 15b/KH-UBND");
// whether the shared symbol allows the letter is checked once it is known.
std::size_t read_digits(std::string_view text, std::size_t pos) {
  std::size_t p = pos;
  while (p < text.size() && is_ascii_digit(text[p]) && p - pos < 6)
    ++p;
  if (p > pos && p + 1 < text.size() && text[p] >= 'a' && text[p] <= 'z' &&
      (text[p + 1] == ',' || text[p + 1] == ' '))
    ++p;
  return p;
}

// ", " or " và " between numbers; the position of the next number, or npos.
std::size_t list_separator(std::string_view text, std::size_t pos) {
  std::size_t p = pos;
  while (p < text.size() && text[p] == ' ')
    ++p;
  if (p < text.size() && text[p] == ',') {
    ++p;
  } else if (text.substr(p, 4) == "và ") {  // "và" is 3 bytes
    p += 3;
  } else {
    return std::string_view::npos;
  }
  while (p < text.size() && text[p] == ' ')
    ++p;
  return p < text.size() && is_ascii_digit(text[p]) ? p : std::string_view::npos;
}

}  // namespace

const SymbolMatch* SymbolIndex::starting_at(std::size_t pos) const {
  const auto it = std::lower_bound(matches_.begin(), matches_.end(), pos,
                                   [](const SymbolMatch& m, std::size_t p) { return m.start < p; });
  return it != matches_.end() && it->start == pos ? &*it : nullptr;
}

std::optional<SymbolMatch> SymbolIndex::symbol_at(std::string_view text, std::size_t pos,
                                                  bool issuer_only) const {
  if (const SymbolMatch* match = starting_at(pos)) return *match;
  if (!issuer_only) return std::nullopt;
  return issuer_only_symbol_at(text, pos);
}

std::optional<ScannedNumbers> scan_numbers_at(const SymbolIndex& index, std::string_view text,
                                              std::size_t pos, bool after_so) {
  std::vector<std::string_view> numbers;
  std::size_t p = pos;
  std::optional<SymbolMatch> match;
  while (!(match = index.symbol_at(text, p, after_so))) {
    const std::size_t end = read_digits(text, p);
    if (end == p || numbers.size() >= 10) return std::nullopt;
    numbers.push_back(text.substr(p, end - p));
    p = list_separator(text, end);
    if (p == std::string_view::npos) return std::nullopt;
  }
  ScannedNumbers result;
  // Numbers sharing the notation: "217, 218-QĐ/TW".
  const std::string tail = match->text.substr(match->number().size());
  for (std::string_view number : numbers)
    if (!symbol_key(std::string(number) + tail)) return std::nullopt;  // "3a, 4/CP"
  for (std::string_view number : numbers) {
    result.symbols.push_back(std::string(number) + tail);
    result.marker_digits.push_back(match->marker_digits);
  }
  result.symbols.push_back(match->text);
  result.marker_digits.push_back(match->marker_digits);
  result.end = match->end;
  // Whole symbols in a list.
  while (true) {
    const std::size_t next = list_separator(text, result.end);
    const auto more =
        next == std::string_view::npos ? std::nullopt : index.symbol_at(text, next, after_so);
    if (!more) break;
    result.symbols.push_back(more->text);
    result.marker_digits.push_back(more->marker_digits);
    result.end = more->end;
  }
  return result;
}

std::optional<std::pair<std::string, std::size_t>> blank_number_at(std::string_view text,
                                                                   std::size_t pos) {
  // The type's code left out as well as the number ("Số:    /-THNT2", a template's "/QĐ-THNT2"
  // with both blanks unfilled): the issuer's code after "/-", as written. A code of capitals
  // and digits (ND30 Phụ lục III), up to the end of the word, read by the symbol grammar with a
  // stand-in number and type code.
  if (text.substr(pos).starts_with("/-")) {
    const std::string probe = "0/X" + std::string(text.substr(pos + 1, 60));
    const auto matches = find_symbols(probe);
    if (matches.empty() || matches.front().start != 0) return std::nullopt;
    const std::string& symbol = matches.front().text;
    if (symbol.size() <= 4 || symbol.find('-', 4) != std::string::npos) return std::nullopt;
    return std::make_pair("/" + symbol.substr(3), pos + matches.front().end - 2);
  }
  // Scan the rest of the line as if it had a number, then drop it.
  const std::string probe = "0" + std::string(text.substr(pos, 120));
  const auto matches = find_symbols(probe);
  if (matches.empty() || matches.front().start != 0) return std::nullopt;
  return std::make_pair(matches.front().text.substr(1), pos + matches.front().end - 1);
}

}  // namespace vanban::analyzers::structure
