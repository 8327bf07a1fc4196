// The code tables of TCVN3 and VNI-WIN, and of Windows-1252/1258 for the bytes they leave alone.
// Private to the analyzers module; compiled once (constexpr), read-only from all threads.
//
// Source: UniKey's VnConv library (Pham Kim Long), data.cpp: SingleByteTables[TCVN3] and
// DoubleByteTables[VNI-WIN], which list the 134 Vietnamese letters in one fixed order per
// charset (docs/domain.md §6.3-6.4, [P VNCONV]); cross-checked with the examples of docs/domain.md
// §6.3
// ("Tiếng Việt" → "TiÕng ViÖt" / "Tieáng Vieät"). Written here by rule, not as a copy of those
// lists: TCVN3 as one byte per toned vowel, VNI as base letter + one mark byte.
#pragma once

#include <array>
#include <cstdint>

#include "vietnamese_letters.hpp"

namespace vanban::analyzers::legacy {

// ---- TCVN3 (TCVN 5712:1993, VN3 "ABC") ----------------------------------------------------
// One byte per letter, no separate code for a toned capital. Rows follow letters::kVowelRows
// (a ă â e ê i o ô ơ u ư y), columns its tones (none, huyền, sắc, hỏi, ngã, nặng); 0 = the
// letter is ASCII (a e i o u y without tone).
inline constexpr std::uint8_t kTcvn3Vowels[letters::kRows][letters::kTones] = {
    {0, 0xB5, 0xB8, 0xB6, 0xB7, 0xB9},     // a à á ả ã ạ
    {0xA8, 0xBB, 0xBE, 0xBC, 0xBD, 0xC6},  // ă
    {0xA9, 0xC7, 0xCA, 0xC8, 0xC9, 0xCB},  // â
    {0, 0xCC, 0xD0, 0xCE, 0xCF, 0xD1},     // e
    {0xAA, 0xD2, 0xD5, 0xD3, 0xD4, 0xD6},  // ê
    {0, 0xD7, 0xDD, 0xD8, 0xDC, 0xDE},     // i
    {0, 0xDF, 0xE3, 0xE1, 0xE2, 0xE4},     // o
    {0xAB, 0xE5, 0xE8, 0xE6, 0xE7, 0xE9},  // ô
    {0xAC, 0xEA, 0xED, 0xEB, 0xEC, 0xEE},  // ơ
    {0, 0xEF, 0xF3, 0xF1, 0xF2, 0xF4},     // u
    {0xAD, 0xF5, 0xF8, 0xF6, 0xF7, 0xF9},  // ư (0xAD: the soft hyphen of Latin-1)
    {0, 0xFA, 0xFD, 0xFB, 0xFC, 0xFE},     // y
};
// The untoned letters with a mark do have capitals: Ă Â Ê Ô Ơ Ư Đ at 0xA1-0xA7, and the small
// letters ă â ê ô ơ ư đ at 0xA8-0xAE (the first six are in the table above).
inline constexpr std::uint8_t kTcvn3CapitalsFirst = 0xA1;
inline constexpr std::uint8_t kTcvn3SmallDStroke = 0xAE;
inline constexpr std::uint8_t kTcvn3CapitalDStroke = 0xA7;
inline constexpr std::uint8_t kTcvn3CapitalRows[6] = {1, 2, 4, 7, 8, 10};  // ă â ê ô ơ ư

struct Tcvn3Letter {
  char32_t letter = 0;    // 0: not a letter of the table, read the byte as Windows-1252
  bool caseless = false;  // a toned vowel: same byte for both cases
};

constexpr std::array<Tcvn3Letter, 256> build_tcvn3() {
  std::array<Tcvn3Letter, 256> table{};
  for (std::uint8_t row = 0; row < letters::kRows; ++row) {
    for (std::uint8_t tone = 0; tone < letters::kTones; ++tone) {
      const std::uint8_t byte = kTcvn3Vowels[row][tone];
      if (byte != 0) table[byte] = {letters::kVowelRows[row][tone], tone != 0};
    }
  }
  for (std::uint8_t i = 0; i < 6; ++i) {
    table[kTcvn3CapitalsFirst + i] = {
        letters::upper_of(letters::kVowelRows[kTcvn3CapitalRows[i]][0]), false};
  }
  table[kTcvn3CapitalDStroke] = {U'Đ', false};
  table[kTcvn3SmallDStroke] = {U'đ', false};
  return table;
}

inline constexpr std::array<Tcvn3Letter, 256> kTcvn3 = build_tcvn3();

// ---- VNI-WIN ------------------------------------------------------------------------------
// A toned or marked vowel is its ASCII base letter followed by one mark byte; the mark of a
// capital is the small mark's byte minus 0x20 ("aù" á, "AÙ" Á). Three sets of marks:
// tone only (any vowel), circumflex + tone (a e o → â ê ô), breve + tone (a → ă). Columns
// follow letters' tone order (none, huyền, sắc, hỏi, ngã, nặng); 0 = no such mark.
inline constexpr std::uint8_t kVniToneMarks[letters::kTones] = {0, 0xF8, 0xF9, 0xFB, 0xF5, 0xEF};
inline constexpr std::uint8_t kVniCircumflexMarks[letters::kTones] = {0xE2, 0xE0, 0xE1,
                                                                      0xE5, 0xE3, 0xE4};
inline constexpr std::uint8_t kVniBreveMarks[letters::kTones] = {0xEA, 0xE8, 0xE9,
                                                                 0xFA, 0xFC, 0xEB};
inline constexpr std::uint8_t kVniCaseOffset = 0x20;
// Letters that are one byte (small form; capital = byte - 0x20): ơ ư đ, the i with its tones,
// and ỵ. The horn letters ơ ư are also bases for the tone marks ("ôù" ớ, "öø" ừ).
struct VniSingle {
  std::uint8_t byte;
  char32_t letter;
};
inline constexpr VniSingle kVniSingles[] = {
    {0xF4, U'ơ'}, {0xF6, U'ư'}, {0xF1, U'đ'}, {0xEC, U'ì'}, {0xED, U'í'},
    {0xE6, U'ỉ'}, {0xF3, U'ĩ'}, {0xF2, U'ị'}, {0xEE, U'ỵ'},
};

// ---- Windows-1252 and Windows-1258 ----------------------------------------------------------
// 0x80-0x9F of Windows-1252 (the rest of its upper half is Latin-1); undefined bytes map to the
// C1 control of the same value, as ICU does.
inline constexpr char32_t kCp1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

constexpr char32_t cp1252(std::uint8_t byte) {
  return byte >= 0x80 && byte < 0xA0 ? kCp1252High[byte - 0x80] : byte;
}

// Windows-1258 is Windows-1252 with Vietnamese letters and tone marks in place of some.
struct Cp1258Change {
  std::uint8_t byte;
  char32_t cp;
};
inline constexpr Cp1258Change kCp1258Changes[] = {
    {0x8A, 0x008A}, {0x8E, 0x008E}, {0x9A, 0x009A}, {0x9E, 0x009E}, {0xC3, 0x0102}, {0xCC, 0x0300},
    {0xD0, 0x0110}, {0xD2, 0x0309}, {0xD5, 0x01A0}, {0xDD, 0x01AF}, {0xDE, 0x0303}, {0xE3, 0x0103},
    {0xEC, 0x0301}, {0xF0, 0x0111}, {0xF2, 0x0323}, {0xF5, 0x01A1}, {0xFD, 0x01B0}, {0xFE, 0x20AB}};

constexpr std::array<char32_t, 256> build_cp1258() {
  std::array<char32_t, 256> table{};
  for (unsigned byte = 0; byte < 256; ++byte)
    table[byte] = cp1252(static_cast<std::uint8_t>(byte));
  for (const Cp1258Change& change : kCp1258Changes)
    table[change.byte] = change.cp;
  return table;
}

inline constexpr std::array<char32_t, 256> kCp1258 = build_cp1258();

// The byte a character of legacy mojibake stood for: Latin-1 and C1 as themselves, the
// Windows-1252 punctuation at 0x80-0x9F, Word's symbol-font private-use U+F020-U+F0FF by its
// low byte. -1 when the character was never one byte.
constexpr int byte_of(char32_t cp) {
  if (cp < 0x100) return static_cast<int>(cp);
  if (cp >= 0xF020 && cp <= 0xF0FF) return static_cast<int>(cp - 0xF000);
  for (int i = 0; i < 32; ++i)
    if (kCp1252High[i] == cp) return 0x80 + i;
  return -1;
}

}  // namespace vanban::analyzers::legacy
