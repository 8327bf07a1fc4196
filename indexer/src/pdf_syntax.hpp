// The PDF lexer's character classes (ISO 32000-1 §7.2.2-7.2.3), shared by the stream pre-scan
// (pdf_streams.cpp) and the encryption dictionary's reader (pdf_crypt.cpp).
#pragma once

#include <cstring>

namespace vanban::indexer::detail {

// White space: NUL, tab, line feed, form feed, carriage return, space.
inline bool is_pdf_space(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

inline bool is_pdf_delimiter(char c) {
  return is_pdf_space(c) || std::strchr("()<>[]{}/%", c) != nullptr;
}

// A hexadecimal digit's value, -1 for any other character.
inline int pdf_hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace vanban::indexer::detail
