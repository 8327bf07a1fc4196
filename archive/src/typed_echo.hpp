// What the user typed, fit to be quoted back in an error message: the messages become JSON,
// which must be valid UTF-8, and a parameter can be any bytes of any length.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "vanban/analyzers/normalize.hpp"

namespace vanban::archive {

inline std::string typed_echo(std::string_view typed) {
  constexpr std::size_t kMaxEchoBytes = 120;
  std::string text = analyzers::normalize_nfc(typed);  // invalid bytes become U+FFFD
  if (text.size() <= kMaxEchoBytes) return text;
  std::size_t cut = kMaxEchoBytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0u) == 0x80)
    --cut;
  text.resize(cut);
  return text + "…";
}

}  // namespace vanban::archive
