#include "vanban/analyzers/symbol.hpp"

#include <cctype>

#include "vanban/analyzers/fold.hpp"

namespace vanban::analyzers {

std::optional<std::string> symbol_key(std::string_view symbol) {
  std::string folded = fold(symbol);
  std::string key;
  key.reserve(folded.size());
  for (std::size_t i = 0; i < folded.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(folded[i]);
    if (std::isspace(c)) continue;
    // Dashes other than '-' (en dash, em dash) as U+2013/U+2014 in UTF-8.
    if (c == 0xE2 && i + 2 < folded.size() && static_cast<unsigned char>(folded[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(folded[i + 2]) == 0x93 ||
         static_cast<unsigned char>(folded[i + 2]) == 0x94)) {
      key.push_back('-');
      i += 2;
      continue;
    }
    if (std::isalnum(c) || c == '/' || c == '-' || c == '&' || c == '.') {
      key.push_back(static_cast<char>(c));
    } else {
      return std::nullopt;
    }
  }
  // Leading number without leading zeros: "05/BNV-VP" is "5/bnv-vp".
  std::size_t zeros = 0;
  while (zeros + 1 < key.size() && key[zeros] == '0' &&
         std::isdigit(static_cast<unsigned char>(key[zeros + 1])))
    ++zeros;
  key.erase(0, zeros);
  const auto separator = key.find_first_of("/-");
  if (separator == std::string::npos || separator == 0 || key.find('/') == std::string::npos)
    return std::nullopt;
  for (std::size_t i = 0; i < separator; ++i)
    if (!std::isdigit(static_cast<unsigned char>(key[i]))) return std::nullopt;
  return key;
}

}  // namespace vanban::analyzers
