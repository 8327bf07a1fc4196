// The Vietnamese 8-bit font encodings of the 1990s-2000s (docs/domain.md §6.3-6.4): TCVN3 ("ABC",
// fonts .VnTime, .VnArial; .VnTimeH for upper case) and VNI-WIN (fonts VNI-Times, VNI-Helve).
// Their text reaches us in two shapes:
//  - as bytes (a .txt saved from such a document): decode_text() detects and converts them;
//  - as "mojibake" already in UTF-8: the legacy bytes were read as Windows-1252 and stored as
//    Unicode ("Tieáng Vieät", "TiÕng ViÖt"). That is what a DOCX or an HTML page holds for a
//    run in a legacy font, and what PDF text extraction gives for legacy-font PDFs.
// Both convert to real Unicode (NFC) here, from the font name when the container gives one,
// else by detection: decode with each table and count the words that become Vietnamese
// syllables.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace vanban::analyzers {

enum class LegacyEncoding { tcvn3, vni };

// "tcvn3", "vni-win".
std::string_view legacy_encoding_name(LegacyEncoding encoding);

struct LegacyFont {
  LegacyEncoding encoding = LegacyEncoding::tcvn3;
  // TCVN3 has one code for a toned letter in both cases; upper case came from the "H" fonts
  // (.VnTimeH), whose every glyph is a capital. Without it, TCVN3 words whose other letters are
  // all capitals ("CéNG HOµ") are taken as capitals, the rest as lower case.
  bool upper_case = false;
};

// The legacy encoding a font name implies: ".VnTime", ".VnArial", ".VnCentury Schoolbook" →
// TCVN3; ".VnTimeH", ".VnArialH" (a trailing H) → TCVN3 in capitals; "VNI-Times", "VNI-Helve",
// "VNI Times" → VNI-WIN. Case and surrounding quotes and spaces do not matter. nullopt for
// every other font (Unicode fonts such as "Times New Roman").
std::optional<LegacyFont> legacy_font(std::string_view font_name);

// Legacy bytes → UTF-8 NFC. Bytes that are no Vietnamese letter in the encoding (ASCII,
// punctuation) are read as Windows-1252.
std::string decode_legacy_bytes(std::string_view bytes, LegacyFont font);

// UTF-8 text whose characters are legacy bytes read as Windows-1252 or Latin-1 (also the
// U+F020-U+F0FF private-use form Word gives symbol-font text) → real Unicode NFC. Characters
// that were never one byte (real Vietnamese letters such as "ệ", CJK, ...) are kept as they are,
// so converting a run that is already Unicode changes only its Latin-1 letters.
std::string repair_legacy_text(std::string_view utf8, LegacyFont font);

// The evidence detection weighs: words holding a non-ASCII letter, read three ways, and how
// many of them are then Vietnamese syllables (valid) or not (invalid).
struct LegacyEvidence {
  std::size_t as_is_valid = 0;  // read as they are (Windows-1258 for bytes; Unicode for text)
  std::size_t as_is_invalid = 0;
  std::size_t tcvn3_valid = 0;
  std::size_t tcvn3_invalid = 0;
  std::size_t vni_valid = 0;
  std::size_t vni_invalid = 0;
  std::optional<LegacyEncoding> verdict;  // the legacy encoding the text is in, if any
};

// Whether bytes that are not UTF-8 are TCVN3 or VNI rather than Windows-1258. The verdict needs
// the legacy reading to make at least 3 syllables, 80% of its words syllables, and more than
// twice (plus 3) the syllables of the Windows-1258 reading (legacy_detect.cpp). Weighs the
// first 256 KB.
LegacyEvidence weigh_legacy_bytes(std::string_view bytes);

// The same for UTF-8 text, weighing only the lines that could be mojibake: lines holding a
// character that stood for a byte from 0x80, and no Vietnamese letter outside Latin-1
// (ă đ ơ ư ạ ế ...: such a line is Unicode and never touched). Weighs the first 256 KB of them.
LegacyEvidence weigh_legacy_text(std::string_view utf8);

struct LegacyRepair {
  std::string text;                        // UTF-8 NFC
  std::optional<LegacyEncoding> encoding;  // nullopt: nothing was converted
  std::size_t lines_converted = 0;
};

// Detects legacy mojibake in UTF-8 text (weigh_legacy_text) and converts the lines that are
// mojibake, leaving Unicode lines (a header retyped in Unicode above a legacy body) as they
// are; a line stays as it is when it reads better unconverted. Text without mojibake comes back
// unchanged, moved rather than copied (and `encoding` is nullopt).
LegacyRepair detect_and_repair_legacy_text(std::string utf8);

}  // namespace vanban::analyzers
