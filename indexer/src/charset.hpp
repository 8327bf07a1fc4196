// The character set of an HTML page: BOM, then <meta charset> / http-equiv, then the analyzers'
// detection (UTF-8, else legacy Vietnamese).
#pragma once

#include <string>
#include <string_view>

namespace vanban::indexer::detail {

// The charset a page declares in its first bytes ("windows-1258"), lower case; empty if none.
std::string declared_charset(std::string_view bytes);

struct Utf8Text {
  std::string text;
  std::string encoding;
  std::size_t replaced = 0;  // invalid sequences replaced by U+FFFD
};

// Converts HTML bytes to UTF-8 NFC text. Bytes in TCVN3 or VNI are converted (`encoding` says
// so); Unicode text that is legacy mojibake is not: the reader converts it by font.
Utf8Text html_to_utf8(std::string_view bytes);

}  // namespace vanban::indexer::detail
