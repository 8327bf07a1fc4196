// Bytes to clean text: every string the rest of Vanban sees is UTF-8 in NFC.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace vanban::analyzers {

struct DecodedText {
  std::string text;          // UTF-8, NFC, spaces unified (NBSP and friends become ' ')
  std::string encoding;      // what the bytes were: "utf-8", "utf-16le", "utf-16be", "windows-1258"
  std::size_t replaced = 0;  // invalid sequences replaced by U+FFFD
};

// Detects the encoding (BOM; UTF-16 without BOM by its zero bytes; valid UTF-8, or UTF-8 with
// a few damaged bytes; else Windows-1258), converts, normalises to NFC, removes NUL bytes.
// Never throws on bad input: invalid sequences become U+FFFD and are counted.
DecodedText decode_text(std::string_view bytes);

// NFC normalisation (and space unification) of text that is already UTF-8.
std::string normalize_nfc(std::string_view utf8);

}  // namespace vanban::analyzers
