// Recognises document symbols by the rules of docs/domain.md §1.4, §2.2, §3.2 and §7.3, tolerant of
// the artefacts that PDF text extraction leaves (stray spaces, line breaks after separators).
#include "symbol_scan.hpp"

#include <algorithm>

#include <unicode/uchar.h>

#include "structure/tables.hpp"
#include "syllable.hpp"
#include "utf8.hpp"
#include "vietnamese_letters.hpp"

namespace vanban::analyzers::detail {
namespace {

enum class CharKind : std::uint8_t {
  digit,
  code_letter,   // letters codes are written with: ASCII, đ, and the vowels with a modifier only
  other_letter,  // any other letter (toned vowels, other scripts): never inside a code
  space,
  newline,
  hyphen,
  slash,
  ampersand,
  dot,
  other,
  end,
};

struct Char {
  CharKind kind = CharKind::end;
  bool upper = false;
  bool modified_vowel = false;  // ă â ê ô ơ ư
  std::size_t length = 0;
};

bool is_upper_code_letter(char32_t cp) {
  switch (cp) {
    case 0x00C2:  // Â
    case 0x00CA:  // Ê
    case 0x00D4:  // Ô
    case 0x0102:  // Ă
    case 0x0110:  // Đ
    case 0x00D0:  // Ð (eth), which OCR engines read for Đ
    case 0x01A0:  // Ơ
    case 0x01AF:  // Ư
      return true;
    default: {
      if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
      // A Cyrillic or Greek capital drawn as a Latin one ("NĐ-СР"): vietnamese_letters.hpp.
      const char latin = letters::latin_look_alike(cp);
      return latin >= 'A' && latin <= 'Z';
    }
  }
}

bool is_lower_code_letter(char32_t cp) {
  switch (cp) {
    case 0x00E2:
    case 0x00EA:
    case 0x00F4:
    case 0x0103:
    case 0x0111:
    case 0x00F0:
    case 0x01A1:
    case 0x01B0:
      return true;
    default:
      if (cp < 0x80) return cp >= 'a' && cp <= 'z';
      return letters::latin_look_alike(cp) >= 'a';
  }
}

CharKind classify(char32_t cp) {
  if (cp >= '0' && cp <= '9') return CharKind::digit;
  if (is_upper_code_letter(cp) || is_lower_code_letter(cp)) return CharKind::code_letter;
  switch (cp) {
    case ' ':
    case '\t':
    case 0x00A0:
      return CharKind::space;
    case '\n':
    case '\r':
    case '\f':
    case '\v':
    case 0x2028:
    case 0x2029:
      return CharKind::newline;
    case '-':
    case 0x2010:  // hyphen
    case 0x2011:  // non-breaking hyphen
    case 0x2012:  // figure dash
    case 0x2013:  // en dash
    case 0x2014:  // em dash
    case 0x2015:  // horizontal bar
    case 0x2212:  // minus sign
    case 0xFE63:  // small hyphen-minus
    case 0xFF0D:  // fullwidth hyphen-minus
      return CharKind::hyphen;
    case '/':
    case 0x2044:  // fraction slash
    case 0x2215:  // division slash
    case 0xFF0F:  // fullwidth solidus
      return CharKind::slash;
    case '&':
      return CharKind::ampersand;
    case '.':
      return CharKind::dot;
    default:
      break;
  }
  if (cp == utf8::kReplacement) return CharKind::other;
  // A combining mark left over by NFC belongs to the letter before it: a symbol never starts or
  // ends between the two, or its span would cut a character in half.
  if ((U_GET_GC_MASK(static_cast<UChar32>(cp)) & U_GC_M_MASK) != 0) return CharKind::other_letter;
  return u_isalpha(static_cast<UChar32>(cp)) ? CharKind::other_letter : CharKind::other;
}

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  Char at(std::size_t pos) const {
    if (pos >= text_.size()) return {};
    Char c;
    const char32_t cp = utf8::decode(text_, pos, c.length);
    c.kind = classify(cp);
    c.upper = is_upper_code_letter(cp);
    // ă â ê ô ơ ư; not Đ, its look-alike eth, nor a Latin look-alike of another script.
    c.modified_vowel =
        cp >= 0x80 && c.kind == CharKind::code_letter && letters::info(cp).row != letters::kNoVowel;
    return c;
  }

  // Spaces on the same line.
  std::size_t skip_spaces(std::size_t pos) const {
    for (Char c = at(pos); c.kind == CharKind::space; c = at(pos))
      pos += c.length;
    return pos;
  }

  // The gap after a separator: spaces, and at most two line breaks (a symbol broken at the end
  // of a line, sometimes with an empty line between the halves).
  std::size_t skip_gap(std::size_t pos) const {
    pos = skip_spaces(pos);
    for (int breaks = 0; breaks < 2; ++breaks) {
      Char c = at(pos);
      if (c.kind != CharKind::newline) break;
      pos += c.length;
      if (text_.substr(pos - 1, 1) == "\r" && at(pos).kind == CharKind::newline &&
          text_.substr(pos, 1) == "\n")
        pos += 1;  // "\r\n" is one break
      pos = skip_spaces(pos);
    }
    return pos;
  }

  struct Segment {
    std::size_t end = 0;
    bool code_like = false;  // enough like a code to be joined through spaces or a line break
    bool ok = false;
  };

  // A code: starts with a letter; letters, digits (unless letters_only), '&' and (allow_dot)
  // '.' between letters. Must not run into a letter that codes never use.
  // A dot, then one to five capitals that end the code: the short place or unit a body adds
  // to its code ("THPT.PB" of 230/KH-THPT.PB, "CGC.BT" of 16/CGC.BT). A dot before a word
  // ("UBND.Căn cứ") or a longer run ends the code.
  // Six to eight capitals are a code too when they spell no syllables ("BTT.UBMTTQ" of
  // 4103/KHLT-UBND-BTT.UBMTTQ: the Fatherland Front's committee): words in capitals, glued
  // or not ("BANCHAP"), spell some.
  bool dotted_code_follows(std::size_t pos) const {
    constexpr std::size_t kMaxCapitals = 8;
    const std::size_t begin = pos;
    std::size_t capitals = 0;
    Char c = at(pos);
    while (c.kind == CharKind::code_letter && c.upper && capitals <= kMaxCapitals) {
      ++capitals;
      pos += c.length;
      c = at(pos);
    }
    if (capitals < 1 || capitals > kMaxCapitals || c.kind == CharKind::code_letter ||
        c.kind == CharKind::other_letter || c.kind == CharKind::digit)
      return false;
    if (capitals <= 5) return true;
    std::u32string word;
    for (std::size_t p = begin; p < pos;) {
      std::size_t length = 0;
      word.push_back(utf8::decode(text_, p, length));
      p += length;
    }
    return !spells_syllables(word, 3);
  }

  // Whether `word` is one to `parts` Vietnamese syllables run together ("BANCHAP": words glued
  // where a space was lost), not a code of initials ("UBMTTQ").
  static bool spells_syllables(std::u32string_view word, int parts) {
    // Read as a name's syllables: letters in capitals lost no tone a stop would need ("CHAP").
    if (syllable::is_name_syllable(word)) return true;
    if (parts <= 1) return false;
    for (std::size_t cut = 1; cut < word.size(); ++cut)
      if (syllable::is_name_syllable(word.substr(0, cut)) &&
          spells_syllables(word.substr(cut), parts - 1))
        return true;
    return false;
  }

  Segment read_code(std::size_t pos, bool letters_only, bool allow_dot,
                    bool dotted_tail = false) const {
    constexpr std::size_t kMaxCodeBytes = 32;
    Segment segment;
    Char c = at(pos);
    if (c.kind != CharKind::code_letter) return segment;
    std::size_t upper = 0;
    std::size_t lower = 0;
    bool after_modified_vowel = false;
    bool syllable_like = false;  // a vowel with a modifier inside a word: "CÔNG", not "TƯ"
    const std::size_t begin = pos;
    // Where the lower-case letters after the capitals began ("TT-BNVngày": a word a converter
    // glued to the code; "TTg", "QĐi" end with one lower-case letter of their own).
    std::size_t tail = std::string_view::npos;
    std::size_t upper_before_tail = 0;
    while (true) {
      if (c.kind == CharKind::code_letter) {
        if (c.upper) {
          tail = std::string_view::npos;
        } else if (tail == std::string_view::npos) {
          tail = pos;
          upper_before_tail = upper;
        }
        (c.upper ? upper : lower) += 1;
        syllable_like = syllable_like || after_modified_vowel;
        after_modified_vowel = c.modified_vowel;
      } else if (c.kind == CharKind::digit && !letters_only) {
      } else if ((c.kind == CharKind::ampersand || (c.kind == CharKind::dot && allow_dot)) &&
                 at(pos + c.length).kind == CharKind::code_letter) {
      } else if (c.kind == CharKind::dot && dotted_tail && upper > 0 &&
                 dotted_code_follows(pos + c.length)) {
      } else {
        break;
      }
      pos += c.length;
      c = at(pos);
    }
    if (c.kind == CharKind::other_letter && tail != std::string_view::npos &&
        upper_before_tail >= 2 && upper_before_tail == upper && pos - tail >= 1 &&
        tail - begin <= kMaxCodeBytes) {
      // A Vietnamese word glued after the code's capitals ("BNVngày", "UBNDcủa"): the code
      // ends before it.
      segment.end = tail;
      segment.code_like = !syllable_like;
      segment.ok = true;
      return segment;
    }
    if (c.kind == CharKind::other_letter || (letters_only && c.kind == CharKind::digit)) {
      return segment;
    }
    if (pos - begin > kMaxCodeBytes) return segment;
    segment.end = pos;
    segment.code_like = (upper >= 2 || (upper >= 1 && lower == 0)) && !syllable_like;
    segment.ok = true;
    return segment;
  }

  std::string_view text() const { return text_; }

 private:
  std::string_view text_;
};

class Builder {
 public:
  explicit Builder(RawSymbol& symbol) : symbol_(symbol) { symbol_.piece_count = 0; }
  bool add(std::size_t begin, std::size_t end, char separator = 0) {
    if (symbol_.piece_count == RawSymbol::kMaxPieces) return false;
    symbol_.pieces[symbol_.piece_count++] = {static_cast<std::uint32_t>(begin),
                                             static_cast<std::uint32_t>(end), separator};
    return true;
  }
  std::size_t count() const { return symbol_.piece_count; }
  void truncate(std::size_t count) { symbol_.piece_count = count; }

 private:
  RawSymbol& symbol_;
};

// A separator of `kind` after optional spaces, then the gap; `loose` tells if any space or
// line break was crossed. Returns the position of what follows, or npos.
std::size_t read_separator(const Scanner& scan, std::size_t pos, CharKind kind, bool& loose,
                           std::size_t& sep_begin, std::size_t& sep_end) {
  // An underscore typed for the hyphen on its key (Shift held: "QĐ_BKHCN"), only tight between
  // two letters of codes; an underscore elsewhere (Markdown's "_12/QĐ-UBND_") is no separator.
  if (kind == CharKind::hyphen && pos > 0 && pos < scan.text().size() && scan.text()[pos] == '_' &&
      classify(utf8::decode_before(scan.text(), pos)) == CharKind::code_letter &&
      scan.at(pos + 1).kind == CharKind::code_letter) {
    sep_begin = pos;
    sep_end = pos + 1;
    loose = false;
    return sep_end;
  }
  const std::size_t at_sep = scan.skip_spaces(pos);
  const Char c = scan.at(at_sep);
  if (c.kind != kind) return std::string_view::npos;
  sep_begin = at_sep;
  sep_end = at_sep + c.length;
  std::size_t next = scan.skip_gap(sep_end);
  // A hyphen read twice ("QĐ- -UBND", "QĐ--UBND": an OCR engine read one dash as two, or a
  // line's last hyphen was repeated on the next line): one separator, as symbol_key() keys it.
  if (kind == CharKind::hyphen && scan.at(next).kind == CharKind::hyphen &&
      scan.at(next + scan.at(next).length).kind != CharKind::hyphen) {
    sep_end = next + scan.at(next).length;
    next = scan.skip_gap(sep_end);
  }
  // A slash typed twice, tight ("5959//QĐ-BVT"): one separator, as symbol_key() keys it.
  if (kind == CharKind::slash && next == sep_end && scan.at(next).kind == CharKind::slash &&
      scan.at(next + scan.at(next).length).kind != CharKind::slash) {
    sep_end = next + scan.at(next).length;
    next = scan.skip_gap(sep_end);
  }
  loose = at_sep != pos || next != sep_end;
  return next;
}

// Codes joined by `kind` separators, after the first one already read. Stops before a
// separator that leads nowhere. Returns the end of the last code.
std::size_t read_more_codes(const Scanner& scan, Builder& pieces, std::size_t pos, CharKind kind,
                            bool allow_dot, std::size_t max_codes, bool strict_only) {
  const char separator = kind == CharKind::slash ? '/' : '-';
  for (std::size_t n = 0; n < max_codes; ++n) {
    bool loose = false;
    std::size_t sep_begin = 0;
    std::size_t sep_end = 0;
    const std::size_t next = read_separator(scan, pos, kind, loose, sep_begin, sep_end);
    if (next == std::string_view::npos) break;
    if (loose && strict_only) break;
    const Scanner::Segment code = scan.read_code(next, false, allow_dot, true);
    if (!code.ok || (loose && !code.code_like)) break;
    if (!pieces.add(sep_begin, sep_end, separator) || !pieces.add(next, code.end)) break;
    pos = code.end;
  }
  return pos;
}

std::size_t digits_end(const Scanner& scan, std::size_t pos) {
  while (scan.at(pos).kind == CharKind::digit)
    ++pos;
  return pos;
}

// 1-2 digits glued to the letters at the end of the last code, unless the code is a National
// Assembly term (QH15, UBTVQH14) whose digits belong to it.
std::size_t marker_digits_of(std::string_view code) {
  std::size_t digits = 0;
  while (digits < code.size() && code[code.size() - 1 - digits] >= '0' &&
         code[code.size() - 1 - digits] <= '9')
    ++digits;
  if (digits == 0 || digits > 2 || digits == code.size()) return 0;
  const std::string_view letters = code.substr(0, code.size() - digits);
  if (letters.size() >= 2) {
    const std::string_view tail = letters.substr(letters.size() - 2);
    if ((tail[0] == 'Q' || tail[0] == 'q') && (tail[1] == 'H' || tail[1] == 'h')) return 0;
  }
  return digits;
}

// The code at [begin, end) folded as symbol_key() folds it ("NĐCP" -> "ndcp"); empty when a
// character is no letter.
std::string folded_code(std::string_view text, std::size_t begin, std::size_t end) {
  std::string out;
  for (std::size_t pos = begin; pos < end;) {
    std::size_t length = 0;
    const char32_t cp = utf8::decode(text, pos, length);
    pos += length;
    const letters::LetterInfo info = letters::info(letters::symbol_letter(cp));
    if (!info.known) return {};
    out.push_back(info.folded);
  }
  return out;
}

// A State type code written tight after the digits before it, with a hyphen after it: the slash
// between them lost ("26NQ-TW", "2014ND-CP"; an OCR engine or a typist dropped it). The code's
// end, or npos.
std::size_t glued_state_type_code(const Scanner& scan, std::size_t pos) {
  if (scan.at(pos).kind != CharKind::code_letter) return std::string_view::npos;
  const Scanner::Segment code = scan.read_code(pos, true, false);
  if (!code.ok || !code.code_like || scan.at(code.end).kind != CharKind::hyphen ||
      !structure::is_folded_state_type_code(folded_code(scan.text(), pos, code.end)))
    return std::string_view::npos;
  return code.end;
}

// A year of four digits, also as an OCR layer splits it with one space ("201 1"): 19xx or 20xx
// then, read tight against the slash after it. Adds its pieces; the year's end, or npos.
std::size_t read_year(const Scanner& scan, Builder& pieces, std::size_t pos) {
  const std::size_t first_end = digits_end(scan, pos);
  if (first_end - pos == 4) {
    pieces.add(pos, first_end);
    return first_end;
  }
  if (first_end - pos > 3 || scan.at(first_end).kind != CharKind::space)
    return std::string_view::npos;
  const std::size_t second = first_end + 1;
  const std::size_t second_end = digits_end(scan, second);
  if (second_end == second || (first_end - pos) + (second_end - second) != 4 ||
      scan.at(second_end).kind != CharKind::slash)
    return std::string_view::npos;
  const std::string_view text = scan.text();
  const std::string year = std::string(text.substr(pos, first_end - pos)) +
                           std::string(text.substr(second, second_end - second));
  if (!year.starts_with("19") && !year.starts_with("20")) return std::string_view::npos;
  pieces.add(pos, first_end);
  pieces.add(second, second_end);
  return second_end;
}

bool match_state_or_normative(const Scanner& scan, Builder& pieces, RawSymbol& symbol,
                              std::size_t after_slash, bool loose) {
  std::size_t pos = after_slash;
  if (scan.at(pos).kind == CharKind::digit) {
    const std::size_t before_year = pieces.count();
    const std::size_t year_end = read_year(scan, pieces, pos);
    if (year_end == std::string_view::npos) return false;
    bool loose_year = false;
    std::size_t sep_begin = 0;
    std::size_t sep_end = 0;
    std::size_t next =
        read_separator(scan, year_end, CharKind::slash, loose_year, sep_begin, sep_end);
    if (next == std::string_view::npos && year_end - pos == 4 &&
        glued_state_type_code(scan, year_end) != std::string_view::npos) {
      next = sep_begin = sep_end = year_end;  // "2014ND-CP": the slash written back
    }
    if (next == std::string_view::npos) {
      pieces.truncate(before_year);
      return false;
    }
    pieces.add(sep_begin, sep_end, '/');
    const Scanner::Segment first = scan.read_code(next, false, false);
    if (!first.ok || ((loose || loose_year) && !first.code_like)) return false;
    symbol.form = SymbolForm::normative;
    symbol.notation_piece = pieces.count();
    pieces.add(next, first.end);
    symbol.end = read_more_codes(scan, pieces, first.end, CharKind::hyphen, false, 6, false);
    // A notation of one letter and nothing after it is a symbol cut where a line or a table's
    // cell broke, or a type code an OCR engine cut ("01/2021/T. 1-BKHCN", "87/2020/N"): no
    // type code and no issuer's code is one letter (a Lệnh's "L" has its issuer: L-CTN).
    if (pieces.count() - symbol.notation_piece == 1 && scan.at(next).length == first.end - next)
      return false;
    // Notations older than ND 110/2004 also put slashes between their codes ("19/2001/CT/UB",
    // "01/2005/TTLT/BTTUBTWMTTQVN-BNV"): a tight slash and a code go on, then hyphens again.
    if (const std::size_t codes_end =
            read_more_codes(scan, pieces, symbol.end, CharKind::slash, false, 2, true);
        codes_end != symbol.end)
      symbol.end = read_more_codes(scan, pieces, codes_end, CharKind::hyphen, false, 6, false);
    return true;
  }
  // The first code of a notation without a year may carry a dotted part as an issuer's code
  // does ("204/VP.UBND-NCTH": the Office of the People's Committee; "THPT.PB" of 230/KH-THPT.PB).
  const Scanner::Segment first = scan.read_code(pos, false, false, true);
  if (!first.ok || (loose && !first.code_like)) return false;
  symbol.form = SymbolForm::state;
  symbol.notation_piece = pieces.count();
  pieces.add(pos, first.end);
  symbol.end = read_more_codes(scan, pieces, first.end, CharKind::hyphen, false, 6, false);
  // A type code and its issuer's code written with a tight slash between them, as older
  // notations and Party-style local guides do ("04/HD/BTGDVTU"): only after a known type code.
  if (pieces.count() - symbol.notation_piece == 1 &&
      structure::is_state_type_code(scan.text().substr(pos, first.end - pos)))
    symbol.end = read_more_codes(scan, pieces, symbol.end, CharKind::slash, false, 1, true);
  // Without a year, a notation has at least two codes: "KH-UBND", "UBND-NC"; or a type code
  // glued to its issuer's where a hyphen was lost ("NQCP"), as symbol_key() reads it.
  return pieces.count() - symbol.notation_piece >= 3 ||
         (pieces.count() - symbol.notation_piece == 1 &&
          glued_type_code_length(folded_code(scan.text(), pos, first.end)) > 0);
}

bool match_party(const Scanner& scan, Builder& pieces, RawSymbol& symbol, std::size_t after_hyphen,
                 bool loose) {
  Scanner::Segment type = scan.read_code(after_hyphen, true, false);
  if (!type.ok || (loose && !type.code_like)) return false;
  bool loose_slash = false;
  std::size_t sep_begin = 0;
  std::size_t sep_end = 0;
  std::size_t org_pos =
      read_separator(scan, type.end, CharKind::slash, loose_slash, sep_begin, sep_end);
  if (org_pos == std::string_view::npos) {
    // "33-NQITW", "33-CTrlTU": the slash an OCR engine read as an I or an l (symbol_scan.hpp).
    const std::size_t slash =
        party_slash_read_as_letter(scan.text().substr(after_hyphen, type.end - after_hyphen));
    if (slash == std::string_view::npos || scan.at(type.end).kind == CharKind::digit) return false;
    sep_begin = after_hyphen + slash;
    sep_end = org_pos = sep_begin + 1;
    type.end = sep_begin;
  }
  const Scanner::Segment org = scan.read_code(org_pos, false, true);
  // An issuer code has two letters at least: keeps out units such as "10-km/h".
  if (!org.ok || (loose_slash && !org.code_like) || org.end - org_pos < 2) return false;
  symbol.form = SymbolForm::party;
  symbol.notation_piece = pieces.count();
  pieces.add(after_hyphen, type.end);
  pieces.add(sep_begin, sep_end, '/');
  pieces.add(org_pos, org.end);
  std::size_t end = read_more_codes(scan, pieces, org.end, CharKind::hyphen, true, 4, false);
  // A trailing "/nb" (nội bộ) and similar, only when written tight.
  end = read_more_codes(scan, pieces, end, CharKind::slash, true, 2, true);
  symbol.end = end;
  return true;
}

// Whether the word before `pos` is "số", the label ND30 sets before a number (ô 3), however
// it is cased.
bool after_so_label(std::string_view text, std::size_t pos) {
  std::size_t p = pos;
  while (p > 0 && text[p - 1] == ' ')
    --p;
  if (p == pos) return false;
  for (std::string_view so :
       {std::string_view{"số"}, std::string_view{"Số"}, std::string_view{"SỐ"}}) {
    if (p < so.size() || text.substr(p - so.size(), so.size()) != so) continue;
    const std::size_t start = p - so.size();
    if (start == 0) return true;
    const CharKind before = classify(utf8::decode_before(text, start));
    return before != CharKind::code_letter && before != CharKind::other_letter &&
           before != CharKind::digit;
  }
  return false;
}

}  // namespace

// "I195/QĐ-BGDĐT", "l280/...": a capital I or a small l that an OCR engine read for the digit 1
// at a number's start, two digits at least after it.
bool one_read_as_letter(std::string_view text, std::size_t pos) {
  return pos + 2 < text.size() && (text[pos] == 'I' || text[pos] == 'l') && text[pos + 1] >= '0' &&
         text[pos + 1] <= '9' && text[pos + 2] >= '0' && text[pos + 2] <= '9';
}

std::size_t bracket_read_for_one(std::string_view text, std::size_t pos) {
  if (pos >= text.size() || text[pos] != ']' || !after_so_label(text, pos)) return 0;
  std::size_t p = pos + 1;
  if (p < text.size() && text[p] == ' ') ++p;
  if (p + 1 >= text.size() || text[p] < '0' || text[p] > '9' || text[p + 1] < '0' ||
      text[p + 1] > '9')
    return 0;
  return p - pos;
}

// The digits after such a letter: when the letter read as 1 would make a number of five digits
// and they begin with 1 ("I1280"), the letter is that 1 read twice, as the letter and as the
// digit (as "QĐÐ" reads one Đ twice): a body numbers its documents afresh each year (ND30
// Điều 15) and few reach 10000. Else the letter is the 1 ("I195": 1195).
bool one_read_twice(std::string_view digits_after) {
  std::size_t digits = 0;
  while (digits < digits_after.size() && digits_after[digits] >= '0' && digits_after[digits] <= '9')
    ++digits;
  return digits >= 4 && digits_after[0] == '1';
}

std::size_t next_symbol_candidate(std::string_view text, std::size_t pos) {
  for (; pos < text.size(); ++pos) {
    const char c = text[pos];
    // Most bytes are none of the candidates' first characters: tested first, inline.
    if (c < '0' || c > '9') {
      if (c != 'I' && c != 'l' && c != ']') continue;
      if (!one_read_as_letter(text, pos) && bracket_read_for_one(text, pos) == 0) continue;
    }
    if (pos == 0) return pos;
    const char32_t before = utf8::decode_before(text, pos);
    const CharKind kind = classify(before);
    if (kind == CharKind::digit || kind == CharKind::code_letter ||
        kind == CharKind::other_letter || kind == CharKind::slash)
      continue;
    return pos;
  }
  return std::string_view::npos;
}

namespace {

constexpr std::size_t kMaxNumberDigits = 6;

// A number an OCR layer split with one space ("số 5 0/201 0/NĐ-CP", "số 41 8/QĐ-UBND"): after
// the label "số" (a number, not a count or a row number, follows it) two runs of at most three
// digits, one space between, the second tight against the slash. The end of the second run, or
// npos.
std::size_t split_number_end(const Scanner& scan, std::size_t pos, std::size_t digits) {
  if (digits - pos > 3 || scan.text().substr(digits, 1) != " ") return std::string_view::npos;
  const std::size_t second = digits + 1;
  const std::size_t second_end = digits_end(scan, second);
  if (second_end == second || second_end - second > 3 ||
      scan.at(second_end).kind != CharKind::slash || !after_so_label(scan.text(), pos))
    return std::string_view::npos;
  return second_end;
}

// The end of a number with one dot inside ("66.13" of the Government's resolution series
// 66.13/2026/NQ-CP), or `number_end` when there is none.
std::size_t dotted_number_end(const Scanner& scan, std::size_t number_end) {
  if (scan.at(number_end).kind != CharKind::dot) return number_end;
  const std::size_t second = number_end + 1;
  if (scan.at(second).kind != CharKind::digit) return number_end;
  const std::size_t end = digits_end(scan, second);
  return end - second <= kMaxNumberDigits ? end : number_end;
}

// The end of one lower-case letter glued to the number ("30a" of 30a/2008/NQ-CP, "15b" of
// 15b/KH-UBND: a document numbered between two others), or `number_end` when there is none.
// The letter must be followed by a separator, not by more letters ("12h30", "3ab").
std::size_t letter_suffix_end(const Scanner& scan, std::size_t number_end) {
  const std::string_view text = scan.text();
  if (number_end >= text.size() || text[number_end] < 'a' || text[number_end] > 'z')
    return number_end;
  const CharKind after = scan.at(scan.skip_spaces(number_end + 1)).kind;
  return after == CharKind::slash ? number_end + 1 : number_end;
}

// docs/domain.md says nothing of letters after a number; they are taken only where nothing else
// reads like them: a State symbol (with or without a year) whose notation opens with a type code
// ("NQ-CP", "KH-UBND"), joined to the issuer by a hyphen, as symbol_key() checks it (not the
// older slash-joined "HD/BTGDVTU"). "2a/3", "12h/ngày" and "5a/CP" are not symbols.
bool letter_suffix_allowed(std::string_view text, const RawSymbol& symbol) {
  if (symbol.form != SymbolForm::state && symbol.form != SymbolForm::normative) return false;
  const SymbolPiece& code = symbol.pieces[symbol.notation_piece];
  // A type code glued to its issuer's, the hyphen lost ("30c/NQCP").
  if (symbol.piece_count - symbol.notation_piece == 1)
    return glued_type_code_length(folded_code(text, code.begin, code.end)) > 0;
  if (symbol.piece_count - symbol.notation_piece < 3) return false;  // a type and an issuer
  if (symbol.pieces[symbol.notation_piece + 1].separator != '-') return false;
  return structure::is_state_type_code(text.substr(code.begin, code.end - code.begin));
}

// "QĐ", "KH", "TB", "QĐi", "CTr": a type code of the Party's table spelled as the table spells
// it (capitals, and the lower-case letter of "QĐi" and "CTr": pdftotext joins "11-" / "QĐi/TW"
// at a line's end into "11QĐi/TW").
bool is_party_type_code_as_written(std::string_view code) {
  return structure::type_by_code(code, true) != nullptr;
}

}  // namespace

std::size_t party_slash_read_as_letter(std::string_view code) {
  for (std::size_t at = 2; at + 3 <= code.size(); ++at) {
    if (code[at] != 'I' && code[at] != 'l') continue;
    if (!is_party_type_code_as_written(code.substr(0, at))) continue;
    const std::string_view issuer = code.substr(at + 1);
    // The issuer's code in capitals, ending in a committee's level (TW, TU, HU, QU, ĐU).
    if (!std::all_of(issuer.begin(), issuer.end(), [](char c) {
          return (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
        }))
      continue;
    const std::string folded = folded_code(issuer, 0, issuer.size());
    if (folded.size() < 2) continue;
    const std::string_view level = std::string_view(folded).substr(folded.size() - 2);
    if (level == "tw" || level == "tu" || level == "hu" || level == "qu" || level == "du")
      return at;
  }
  return std::string_view::npos;
}

bool match_symbol_at(std::string_view text, std::size_t pos, RawSymbol& symbol) {
  const Scanner scan(text);
  const std::size_t bracket = bracket_read_for_one(text, pos);
  const bool letter_one = one_read_as_letter(text, pos) || bracket > 0;
  if (scan.at(pos).kind != CharKind::digit && !letter_one) return false;
  std::size_t digits = digits_end(scan, pos + (bracket > 0 ? bracket : letter_one ? 1 : 0));
  if (digits - pos > kMaxNumberDigits) return false;
  const std::size_t split_at =
      letter_one ? std::string_view::npos : split_number_end(scan, pos, digits);
  if (split_at != std::string_view::npos) digits = split_at;
  // A dotted number is taken only in the normative form (with a year), the one it has in real
  // use; "1.2/KH-UBND" stays what it was (the symbol 2/KH-UBND after "1.").
  const std::size_t dotted_end = dotted_number_end(scan, digits);
  const bool dotted = dotted_end != digits;
  const std::size_t number_end = dotted ? dotted_end : letter_suffix_end(scan, digits);
  const bool lettered = !dotted && number_end != digits;
  Builder pieces(symbol);
  symbol.start = pos;
  symbol.marker_digits = 0;
  if (split_at != std::string_view::npos) {
    const std::size_t space = digits_end(scan, pos);
    pieces.add(pos, space);
    pieces.add(space + 1, number_end);
  } else {
    pieces.add(pos, number_end);
  }
  bool loose = false;
  std::size_t sep_begin = 0;
  std::size_t sep_end = 0;
  bool matched = false;
  if (std::size_t next =
          read_separator(scan, number_end, CharKind::slash, loose, sep_begin, sep_end);
      next != std::string_view::npos) {
    pieces.add(sep_begin, sep_end, '/');
    matched = match_state_or_normative(scan, pieces, symbol, next, loose);
  } else if (next = read_separator(scan, number_end, CharKind::hyphen, loose, sep_begin, sep_end);
             next != std::string_view::npos) {
    pieces.add(sep_begin, sep_end, '-');
    matched = match_party(scan, pieces, symbol, next, loose);
  } else if (!dotted && !lettered) {
    // A Party symbol whose hyphen was lost or typed as a space ("84 QĐ/TWĐTN", "491TB/VPTW"):
    // only a Party type code as the table spells it, tight against its slash; read with the
    // hyphen.
    const std::size_t code_at = scan.skip_spaces(number_end);
    const Scanner::Segment code = scan.read_code(code_at, true, false);
    if (code.ok && code_at - number_end <= 1 && scan.at(code.end).kind == CharKind::slash &&
        is_party_type_code_as_written(text.substr(code_at, code.end - code_at))) {
      pieces.add(number_end, number_end, '-');
      matched = match_party(scan, pieces, symbol, code_at, false);
    } else if (glued_state_type_code(scan, number_end) != std::string_view::npos) {
      // A State symbol whose slash was lost ("26NQ-TW"): read with the slash.
      pieces.add(number_end, number_end, '/');
      matched = match_state_or_normative(scan, pieces, symbol, number_end, false);
    }
  }
  if (!matched || (dotted && symbol.form != SymbolForm::normative)) return false;
  if (lettered && !letter_suffix_allowed(text, symbol)) return false;
  // A code glued to a separator that leads nowhere is a symbol cut short ("01/2026/TT-" with a
  // page header after it): better none than a wrong one.
  const CharKind after = scan.at(symbol.end).kind;
  if (after == CharKind::hyphen || after == CharKind::slash) return false;
  const SymbolPiece& last = symbol.pieces[symbol.piece_count - 1];
  symbol.marker_digits = marker_digits_of(text.substr(last.begin, last.end - last.begin));
  return true;
}

bool match_issuer_only_symbol_at(std::string_view text, std::size_t pos, RawSymbol& symbol) {
  const Scanner scan(text);
  if (scan.at(pos).kind != CharKind::digit) return false;
  const std::size_t number_end = digits_end(scan, pos);
  if (number_end - pos > kMaxNumberDigits) return false;
  Builder pieces(symbol);
  symbol.start = pos;
  symbol.marker_digits = 0;
  pieces.add(pos, number_end);
  bool loose = false;
  std::size_t sep_begin = 0;
  std::size_t sep_end = 0;
  char separator = '/';
  std::size_t next = read_separator(scan, number_end, CharKind::slash, loose, sep_begin, sep_end);
  if (next == std::string_view::npos) {
    separator = '-';
    next = read_separator(scan, number_end, CharKind::hyphen, loose, sep_begin, sep_end);
  }
  if (next == std::string_view::npos) return false;
  // The code must look like one wherever it is written: "CP", "HĐBT", "TTg", not "Giao".
  const Scanner::Segment code = scan.read_code(next, false, false, true);
  if (!code.ok || !code.code_like) return false;
  std::size_t letters = 0;
  for (std::size_t p = next; p < code.end;) {
    const Char c = scan.at(p);
    if (c.kind == CharKind::code_letter) ++letters;
    p += c.length;
  }
  // Digits in the code only as a footnote marker glued to its end ("50/CP1").
  const std::size_t marker = marker_digits_of(text.substr(next, code.end - next));
  std::size_t digits = 0;
  for (std::size_t p = next; p < code.end; ++p)
    digits += scan.at(p).kind == CharKind::digit ? 1 : 0;
  if (letters < 2 || digits != marker) return false;
  const CharKind after = scan.at(code.end).kind;
  if (after == CharKind::hyphen || after == CharKind::slash) return false;
  pieces.add(sep_begin, sep_end, separator);
  symbol.notation_piece = pieces.count();
  pieces.add(next, code.end);
  symbol.form = SymbolForm::issuer_only;
  symbol.end = code.end;
  symbol.marker_digits = marker;
  return true;
}

// A code's letters as a symbol writes them (ND30 Phụ lục III: Latin capitals, Đ, and the
// vowels with a modifier): a look-alike of another script as its Latin letter, the eth Ð as Đ
// (letters::symbol_letter), and Đ read twice, as itself and as the eth ("QĐÐ"), once, as
// symbol_key() keys it. Text without such a letter is copied as it is.
void append_symbol_letters(std::string_view piece, std::string& out) {
  char32_t previous = 0;
  for (std::size_t pos = 0; pos < piece.size();) {
    std::size_t length = 0;
    const char32_t cp = utf8::decode(piece, pos, length);
    if (length == 0) length = 1;
    const char32_t letter = letters::symbol_letter(cp);
    const bool read_twice =
        (cp == 0x00D0 && previous == 0x0110) || (cp == 0x00F0 && previous == 0x0111);
    previous = cp;
    if (letter == cp) {
      out.append(piece.substr(pos, length));
    } else if (!read_twice) {
      utf8::append(out, letter);
    }
    pos += length;
  }
}

void append_clean_symbol(std::string_view text, const RawSymbol& symbol, std::size_t first_piece,
                         std::size_t drop_tail_bytes, std::string& out) {
  for (std::size_t i = first_piece; i < symbol.piece_count; ++i) {
    const SymbolPiece& piece = symbol.pieces[i];
    if (piece.separator != 0) {
      out.push_back(piece.separator);
      continue;
    }
    std::size_t end = piece.end;
    if (i + 1 == symbol.piece_count) end -= drop_tail_bytes;
    std::size_t begin = piece.begin;
    if (i == 0 && begin + 1 < end &&
        (text[begin] == 'I' || text[begin] == 'l' || text[begin] == ']')) {
      const std::size_t lead = text[begin] == ']' && text[begin + 1] == ' ' ? 2 : 1;
      if (!one_read_twice(text.substr(begin + lead, end - begin - lead))) out.push_back('1');
      begin += lead;
    }
    append_symbol_letters(text.substr(begin, end - begin), out);
  }
}

}  // namespace vanban::analyzers::detail
