// Test-side encoders for the legacy Vietnamese encodings, written apart from the analyzers'
// decoder so that a round trip checks one formulation against another:
//  - TCVN3 as a literal glyph list per vowel, in UniKey's order (plain, sắc, huyền, hỏi, ngã,
//    nặng), the glyphs being the Latin-1 characters a TCVN3 byte shows without its font;
//  - VNI-WIN from the Unicode decomposition (ICU NFD): base letter, then one mark byte chosen
//    by the combining marks.
// Characters an encoding cannot hold become '?' (see `representable`).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

namespace vanban::testing {

namespace legacy_detail {

struct GlyphRow {
  std::u32string_view letters;
  std::u32string_view glyphs;
};

// TCVN3 as seen without its font (the characters that Word or a browser show in Times New
// Roman for a .VnTime text), e.g. "Céng hoµ x· héi chñ nghÜa ViÖt Nam".
inline constexpr GlyphRow kTcvn3Glyphs[] = {
    {U"aáàảãạ", U"a¸µ¶·¹"},     {U"âấầẩẫậ", U"©ÊÇÈÉË"},      {U"ăắằẳẵặ", U"¨¾»¼½Æ"},
    {U"eéèẻẽẹ", U"eÐÌÎÏÑ"},     {U"êếềểễệ", U"ªÕÒÓÔÖ"},      {U"iíìỉĩị", U"iÝ×ØÜÞ"},
    {U"oóòỏõọ", U"oãßáâä"},     {U"ôốồổỗộ", U"«èåæçé"},      {U"ơớờởỡợ", U"¬íêëìî"},
    {U"uúùủũụ", U"uóïñòô"},     {U"ưứừửữự", U"\u00ADøõö÷ù"}, {U"yýỳỷỹỵ", U"yýúûüþ"},
    {U"đĐĂÂÊÔƠƯ", U"®§¡¢£¤¥¦"},
};

inline char32_t tcvn3_glyph(char32_t letter) {
  for (const GlyphRow& row : kTcvn3Glyphs) {
    const auto at = row.letters.find(letter);
    if (at != std::u32string_view::npos) return row.glyphs[at];
  }
  return 0;
}

// What each Windows-1252 byte reads as, from ICU's table.
inline const std::array<char32_t, 256>& cp1252_table() {
  static const std::array<char32_t, 256> table = [] {
    std::array<char32_t, 256> bytes{};
    UErrorCode status = U_ZERO_ERROR;
    UConverter* converter = ucnv_open("windows-1252", &status);
    for (int byte = 0; byte < 256; ++byte) {
      const char in = static_cast<char>(byte);
      UChar unit = 0;
      status = U_ZERO_ERROR;
      ucnv_toUChars(converter, &unit, 1, &in, 1, &status);
      bytes[byte] = unit;
    }
    ucnv_close(converter);
    return bytes;
  }();
  return table;
}

inline int cp1252_byte(char32_t cp) {
  const auto& table = cp1252_table();
  for (int byte = 0; byte < 256; ++byte)
    if (table[byte] == cp) return byte;
  return -1;
}

inline std::u32string code_points(std::string_view utf8) {
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  std::u32string out;
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1))
    out.push_back(static_cast<char32_t>(text.char32At(i)));
  return out;
}

// A character that is not a Vietnamese letter: its Windows-1252 byte when that byte means the
// same in the legacy text (below `first_used`, the first byte the encoding gives letters), else
// '?'. `representable` (if given) gets what the legacy text can say: the character, or '?'.
inline char other_byte(char32_t cp, int first_used, std::string* representable) {
  const int byte = cp1252_byte(cp);
  const bool kept = byte >= 0 && byte < first_used;
  if (representable != nullptr) {
    if (kept) {
      icu::UnicodeString(static_cast<UChar32>(cp)).toUTF8String(*representable);
    } else {
      representable->push_back('?');
    }
  }
  return kept ? static_cast<char>(byte) : '?';
}

inline void keep(char32_t cp, std::string* representable) {
  if (representable != nullptr)
    icu::UnicodeString(static_cast<UChar32>(cp)).toUTF8String(*representable);
}

}  // namespace legacy_detail

// UTF-8 → TCVN3 bytes. Capitals with a tone have no code of their own: they get the small
// letter's, as TCVN3 writes them (the .VnTimeH font shows them as capitals).
inline std::string encode_tcvn3(std::string_view utf8, std::string* representable = nullptr) {
  std::string out;
  for (const char32_t cp : legacy_detail::code_points(utf8)) {
    char32_t glyph = legacy_detail::tcvn3_glyph(cp);
    if (glyph == 0 && cp >= 0x80) {
      glyph =
          legacy_detail::tcvn3_glyph(static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp))));
    }
    if (glyph != 0 || cp < 0x80) {
      legacy_detail::keep(cp, representable);
      out.push_back(static_cast<char>(glyph != 0 ? glyph : cp));  // glyphs are all Latin-1
    } else {
      out.push_back(legacy_detail::other_byte(cp, 0xA1, representable));
    }
  }
  return out;
}

// UTF-8 → VNI-WIN bytes.
inline std::string encode_vni(std::string_view utf8, std::string* representable = nullptr) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  std::string out;
  for (const char32_t cp : legacy_detail::code_points(utf8)) {
    if (cp == U'đ' || cp == U'Đ') {
      legacy_detail::keep(cp, representable);
      out.push_back(static_cast<char>(cp == U'đ' ? 0xF1 : 0xD1));
      continue;
    }
    icu::UnicodeString decomposed;
    nfd->normalize(icu::UnicodeString(static_cast<UChar32>(cp)), decomposed, status);
    const UChar32 base = decomposed.char32At(0);
    const bool vowel = decomposed.length() > 1 && base < 0x80 &&
                       std::u32string_view(U"aeiouyAEIOUY").find(static_cast<char32_t>(base)) !=
                           std::u32string_view::npos;
    if (!vowel) {
      if (cp < 0x80) legacy_detail::keep(cp, representable);
      out.push_back(cp < 0x80 ? static_cast<char>(cp)
                              : legacy_detail::other_byte(cp, 0xC0, representable));
      continue;
    }
    const bool capital = u_isupper(base) != 0;
    const int lower_base = u_tolower(base);
    int modifier = 0;  // U+0302 circumflex, U+0306 breve, U+031B horn
    int tone = 0;      // U+0300 U+0301 U+0303 U+0309 U+0323
    bool vietnamese = true;
    for (int32_t i = 1; i < decomposed.length(); ++i) {
      const UChar mark = decomposed.charAt(i);
      const bool fits =
          (mark == 0x0302 &&
           std::string_view("aeo").find(static_cast<char>(lower_base)) != std::string_view::npos) ||
          (mark == 0x0306 && lower_base == 'a') ||
          (mark == 0x031B && (lower_base == 'o' || lower_base == 'u'));
      if (fits && modifier == 0) {
        modifier = mark;
      } else if (tone == 0 && (mark == 0x0300 || mark == 0x0301 || mark == 0x0303 ||
                               mark == 0x0309 || mark == 0x0323)) {
        tone = mark;
      } else {
        vietnamese = false;
      }
    }
    if (!vietnamese) {
      out.push_back(legacy_detail::other_byte(cp, 0xC0, representable));
      continue;
    }
    legacy_detail::keep(cp, representable);
    const auto tone_index = [&] {  // sắc, huyền, hỏi, ngã, nặng → 1..5; none → 0
      switch (tone) {
        case 0x0301:
          return 1;
        case 0x0300:
          return 2;
        case 0x0309:
          return 3;
        case 0x0303:
          return 4;
        case 0x0323:
          return 5;
        default:
          return 0;
      }
    }();
    const int shift = capital ? 0x20 : 0;
    // One-byte letters: the i with a tone, ỵ.
    if (lower_base == 'i') {
      constexpr unsigned char kI[6] = {'i', 0xED, 0xEC, 0xE6, 0xF3, 0xF2};
      out.push_back(static_cast<char>(kI[tone_index] - (tone_index == 0 ? 0 : shift)));
      continue;
    }
    if (lower_base == 'y' && tone_index == 5) {
      out.push_back(static_cast<char>(0xEE - shift));
      continue;
    }
    // The base byte: the ASCII vowel, or the one-byte ơ ư for a horn.
    unsigned char base_byte = static_cast<unsigned char>(base);
    if (modifier == 0x031B)
      base_byte = static_cast<unsigned char>((lower_base == 'o' ? 0xF4 : 0xF6) - shift);
    out.push_back(static_cast<char>(base_byte));
    constexpr unsigned char kTone[6] = {0, 0xF9, 0xF8, 0xFB, 0xF5, 0xEF};
    constexpr unsigned char kCircumflex[6] = {0xE2, 0xE1, 0xE0, 0xE5, 0xE3, 0xE4};
    constexpr unsigned char kBreve[6] = {0xEA, 0xE9, 0xE8, 0xFA, 0xFC, 0xEB};
    unsigned char mark = kTone[tone_index];
    if (modifier == 0x0302) mark = kCircumflex[tone_index];
    if (modifier == 0x0306) mark = kBreve[tone_index];
    if (mark != 0) out.push_back(static_cast<char>(mark - shift));
  }
  return out;
}

// Legacy bytes as a Windows-1252 reader stores them in UTF-8: the "mojibake" a DOCX run in a
// legacy font holds.
inline std::string as_windows_1252_text(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open("windows-1252", &status);
  icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), converter, status);
  ucnv_close(converter);
  std::string out;
  text.toUTF8String(out);
  return out;
}

}  // namespace vanban::testing
