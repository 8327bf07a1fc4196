// The Vietnamese alphabet as data: every vowel with every tone, compiled into lookup tables at
// build time (constexpr), read-only from all threads. Private to the analyzers module.
#pragma once

#include <array>
#include <cstdint>

namespace vanban::analyzers::letters {

// Rows of the vowel table: a ă â e ê i o ô ơ u ư y.
inline constexpr std::uint8_t kRowA = 0, kRowI = 5, kRowU = 9;
inline constexpr std::uint8_t kNoVowel = 0xFF;
inline constexpr std::size_t kRows = 12;
inline constexpr std::size_t kTones = 6;

// Columns: no tone (ngang), huyền (grave), sắc (acute), hỏi (hook above), ngã (tilde),
// nặng (dot below). Lower case; the upper case of each is derived by upper_of().
inline constexpr char32_t kVowelRows[kRows][kTones] = {
    {U'a', U'à', U'á', U'ả', U'ã', U'ạ'}, {U'ă', U'ằ', U'ắ', U'ẳ', U'ẵ', U'ặ'},
    {U'â', U'ầ', U'ấ', U'ẩ', U'ẫ', U'ậ'}, {U'e', U'è', U'é', U'ẻ', U'ẽ', U'ẹ'},
    {U'ê', U'ề', U'ế', U'ể', U'ễ', U'ệ'}, {U'i', U'ì', U'í', U'ỉ', U'ĩ', U'ị'},
    {U'o', U'ò', U'ó', U'ỏ', U'õ', U'ọ'}, {U'ô', U'ồ', U'ố', U'ổ', U'ỗ', U'ộ'},
    {U'ơ', U'ờ', U'ớ', U'ở', U'ỡ', U'ợ'}, {U'u', U'ù', U'ú', U'ủ', U'ũ', U'ụ'},
    {U'ư', U'ừ', U'ứ', U'ử', U'ữ', U'ự'}, {U'y', U'ỳ', U'ý', U'ỷ', U'ỹ', U'ỵ'},
};
inline constexpr char kFoldedRow[kRows] = {'a', 'a', 'a', 'e', 'e', 'i',
                                           'o', 'o', 'o', 'u', 'u', 'y'};
// ă â ê ô ơ ư: the vowels with a modifier, which take the tone in a cluster.
inline constexpr bool kRowHasModifier[kRows] = {false, true, true, false, true, false,
                                                false, true, true, false, true, false};

struct LetterInfo {
  bool known = false;           // an ASCII letter or a Vietnamese letter
  std::uint8_t row = kNoVowel;  // vowel row, kNoVowel for consonants
  std::uint8_t tone = 0;
  char folded = 0;     // ASCII lower-case letter without marks: 'a' for 'Ậ', 'd' for 'Đ'
  char32_t lower = 0;  // the letter in lower case, marks kept
};

// Upper case of a lower-case Vietnamese letter: Latin-1 letters sit 0x20 below, the others
// (Latin Extended-A/B and U+1EA0-U+1EF9) one below.
constexpr char32_t upper_of(char32_t lower) {
  return lower < 0x100 ? lower - 0x20 : lower - 1;
}

inline constexpr char32_t kLatinFirst = 0x00C0, kLatinLast = 0x01B0;
inline constexpr char32_t kExtendedFirst = 0x1EA0, kExtendedLast = 0x1EF9;

struct Tables {
  std::array<LetterInfo, 0x80> ascii{};
  std::array<LetterInfo, kLatinLast - kLatinFirst + 1> latin{};
  std::array<LetterInfo, kExtendedLast - kExtendedFirst + 1> extended{};

  constexpr LetterInfo* slot(char32_t cp) {
    if (cp < 0x80) return &ascii[cp];
    if (cp >= kLatinFirst && cp <= kLatinLast) return &latin[cp - kLatinFirst];
    if (cp >= kExtendedFirst && cp <= kExtendedLast) return &extended[cp - kExtendedFirst];
    return nullptr;
  }
  constexpr void set(char32_t cp, const LetterInfo& info) { *slot(cp) = info; }
};

constexpr Tables build_tables() {
  Tables tables;
  for (char32_t c = U'a'; c <= U'z'; ++c) {
    const LetterInfo consonant{true, kNoVowel, 0, static_cast<char>(c), c};
    tables.set(c, consonant);
    tables.set(c - 0x20, consonant);
  }
  const LetterInfo d_stroke{true, kNoVowel, 0, 'd', U'đ'};
  tables.set(U'đ', d_stroke);
  tables.set(U'Đ', d_stroke);
  // Ð and ð (eth, no Vietnamese letter) look like Đ and đ, and OCR engines and old fonts'
  // converters write them for it ("11-QÐ/TW"): the same letter.
  tables.set(U'\u00D0', d_stroke);
  tables.set(U'\u00F0', d_stroke);
  for (std::uint8_t row = 0; row < kRows; ++row) {
    for (std::uint8_t tone = 0; tone < kTones; ++tone) {
      const char32_t lower = kVowelRows[row][tone];
      const LetterInfo vowel{true, row, tone, kFoldedRow[row], lower};
      tables.set(lower, vowel);
      tables.set(upper_of(lower), vowel);
    }
  }
  return tables;
}

inline constexpr Tables kTables = build_tables();

inline LetterInfo info(char32_t cp) {
  if (cp < 0x80) return kTables.ascii[cp];
  if (cp >= kLatinFirst && cp <= kLatinLast) return kTables.latin[cp - kLatinFirst];
  if (cp >= kExtendedFirst && cp <= kExtendedLast) return kTables.extended[cp - kExtendedFirst];
  return {};
}

// The ASCII letter whose glyph a letter of another script shares, or 0: the Cyrillic and Greek
// capitals drawn as Latin ones (А В Е К М Н О Р С Т Х, Α Β Ε Ζ Η Ι Κ Μ Ν Ο Ρ Τ Υ Χ) and the
// Cyrillic small а е о р с х. A PDF whose font maps a Latin glyph to such a code point, or a
// text typed with the wrong keyboard layout, gives "NĐ-СР" for "NĐ-CP": no symbol is written in
// those scripts, so in a symbol they are the Latin letters.
constexpr char latin_look_alike(char32_t cp) {
  if (cp < U'\u0391' || cp > U'\u0445') return 0;  // Vietnamese letters are all outside
  switch (cp) {
    case U'\u0410':
    case U'\u0391':
      return 'A';
    case U'\u0412':
    case U'\u0392':
      return 'B';
    case U'\u0415':
    case U'\u0395':
      return 'E';
    case U'\u0396':
      return 'Z';
    case U'\u041D':
    case U'\u0397':
      return 'H';
    case U'\u0406':
    case U'\u0399':
      return 'I';
    case U'\u0408':
      return 'J';
    case U'\u041A':
    case U'\u039A':
      return 'K';
    case U'\u041C':
    case U'\u039C':
      return 'M';
    case U'\u039D':
      return 'N';
    case U'\u041E':
    case U'\u039F':
      return 'O';
    case U'\u0420':
    case U'\u03A1':
      return 'P';
    case U'\u0421':
      return 'C';
    case U'\u0405':
      return 'S';
    case U'\u0422':
    case U'\u03A4':
      return 'T';
    case U'\u03A5':
      return 'Y';
    case U'\u0425':
    case U'\u03A7':
      return 'X';
    case U'\u0430':
      return 'a';
    case U'\u0435':
      return 'e';
    case U'\u043E':
      return 'o';
    case U'\u0440':
      return 'p';
    case U'\u0441':
      return 'c';
    case U'\u0445':
      return 'x';
    default:
      return 0;
  }
}

// The letter a symbol writes for `cp`: the Latin letter of a look-alike of another script, Đ and
// đ for the eth Ð and ð (a Windows-1258 byte of Đ read as Latin-1, or an OCR engine's reading),
// else `cp` itself.
constexpr char32_t symbol_letter(char32_t cp) {
  if (cp == U'\u00D0') return U'Đ';
  if (cp == U'\u00F0') return U'đ';
  if (const char latin = latin_look_alike(cp); latin != 0) return static_cast<char32_t>(latin);
  return cp;
}

inline char32_t compose(std::uint8_t row, std::uint8_t tone) {
  return kVowelRows[row][tone];
}
inline bool has_modifier(std::uint8_t row) {
  return row < kRows && kRowHasModifier[row];
}

}  // namespace vanban::analyzers::letters
