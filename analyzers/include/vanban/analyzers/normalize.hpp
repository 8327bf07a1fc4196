// Bytes to clean text: every string the rest of Vanban sees is UTF-8 in NFC.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace vanban::analyzers {

struct DecodedText {
  std::string text;  // UTF-8, NFC, spaces unified (NBSP and friends become ' ')
  // What the bytes were: "utf-8", "utf-16le", "utf-16be", "utf-32le", "utf-32be",
  // "windows-1258", "tcvn3", "vni-win".
  std::string encoding;
  // "tcvn3" or "vni-win" when legacy text was converted: the bytes themselves, or lines of
  // UTF-8/UTF-16 text that were legacy mojibake (legacy_encoding.hpp); empty otherwise.
  std::string legacy;
  std::size_t replaced = 0;  // invalid sequences replaced by U+FFFD
};

struct DecodeOptions {
  // Convert lines of UTF-8/UTF-16 text that are TCVN3/VNI mojibake. Off for callers that know
  // the fonts and convert themselves (HTML), so that nothing is converted twice.
  bool repair_legacy_text = true;
};

// Detects the encoding (BOM; UTF-32, then UTF-16, without BOM by their zero bytes; valid UTF-8, or
// UTF-8 with a few damaged bytes; else TCVN3 or VNI-WIN when their reading makes Vietnamese
// syllables of the words (weigh_legacy_bytes), else Windows-1258), converts, normalises to NFC,
// removes NUL bytes. Never throws on bad input: invalid sequences become U+FFFD and are counted.
DecodedText decode_text(std::string_view bytes, const DecodeOptions& options = {});

// NFC normalisation (and space unification) of text that is already UTF-8.
std::string normalize_nfc(std::string_view utf8);

}  // namespace vanban::analyzers
