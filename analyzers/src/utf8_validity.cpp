#include "vanban/analyzers/utf8.hpp"

#include "utf8.hpp"

namespace vanban::analyzers {

bool is_valid_utf8(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    std::size_t length = 0;
    if (utf8::decode(text, pos, length) == utf8::kReplacement && length == 1) return false;
    pos += length;
  }
  return true;
}

std::string to_valid_utf8(std::string_view text) {
  if (is_valid_utf8(text)) return std::string(text);
  std::string out;
  out.reserve(text.size() + 16);
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t length = 0;
    utf8::append(out, utf8::decode(text, pos, length));
    pos += length;
  }
  return out;
}

}  // namespace vanban::analyzers
