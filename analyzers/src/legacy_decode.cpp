// TCVN3 and VNI-WIN to Unicode from the tables of legacy_tables.hpp, and the font names that
// announce them.
#include "legacy_decode.hpp"

#include <cstdint>
#include <vector>

#include <unicode/uchar.h>

#include "vanban/analyzers/normalize.hpp"

#include "legacy_tables.hpp"
#include "utf8.hpp"
#include "vietnamese_letters.hpp"

namespace vanban::analyzers {
namespace legacy {
namespace {

bool is_ascii_upper(char32_t cp) {
  return cp >= U'A' && cp <= U'Z';
}

char32_t to_upper(char32_t cp) {
  const letters::LetterInfo info = letters::info(cp);
  if (info.known && info.lower >= 0x80) return letters::upper_of(info.lower);
  return static_cast<char32_t>(u_toupper(static_cast<UChar32>(cp)));
}

bool is_letter(char32_t cp) {
  return letters::info(cp).known;
}

// Case of TCVN3 text without its font: a toned vowel has one code for both cases, so it takes the
// case of the letters around it that have one. A line is all capitals when the cased letters of
// its words are all capitals, two at least, and some word has a toned vowel ("X· HéI CHñ
// NGHÜA", "ñY BAN NH¢N D¢N"); words with digits are left out of that count, for the capitals
// of a symbol say nothing ("Sè: 32/KH-UBND" is "Số:"). Otherwise a word whose cased letters
// are all capitals, two at least, is ("CéNG" in "CéNG TY Hµ Giang"); and in a line of Title
// Case words, two at least and no other, a word starting with a toned vowel starts with a
// capital ("Nguyễn Văn ất" is a name: "Nguyễn Văn Ất").
void guess_tcvn3_case(std::u32string& text, const std::vector<bool>& caseless) {
  struct Counts {
    std::size_t upper = 0;
    std::size_t lower = 0;
    bool toned = false;
    bool digits = false;
  };
  const auto count = [&](std::size_t begin, std::size_t end) {
    Counts counts;
    for (std::size_t i = begin; i < end; ++i) {
      if (caseless[i]) {
        counts.toned = true;
      } else if (text[i] >= U'0' && text[i] <= U'9') {
        counts.digits = true;
      } else if (is_letter(text[i])) {
        ++(to_upper(text[i]) == text[i] ? counts.upper : counts.lower);
      }
    }
    return counts;
  };
  // Runs of [begin, end) where `inside` holds.
  const auto for_each_run = [&](std::size_t begin, std::size_t end, auto inside, auto visit) {
    for (std::size_t run = begin; run < end;) {
      if (!inside(text[run])) {
        ++run;
        continue;
      }
      std::size_t run_end = run;
      while (run_end < end && inside(text[run_end]))
        ++run_end;
      visit(run, run_end);
      run = run_end;
    }
  };
  const auto not_space = [](char32_t cp) { return cp != U' ' && cp != U'\t' && cp != U'\r'; };
  const auto capitalise = [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i)
      if (caseless[i]) text[i] = to_upper(text[i]);
  };
  std::size_t line_start = 0;
  while (line_start < text.size()) {
    std::size_t line_end = text.find(U'\n', line_start);
    if (line_end == std::u32string::npos) line_end = text.size();
    Counts line;
    for_each_run(line_start, line_end, not_space, [&](std::size_t begin, std::size_t end) {
      const Counts word = count(begin, end);
      if (word.digits) return;
      line.upper += word.upper;
      line.lower += word.lower;
      line.toned = line.toned || word.toned;
    });
    if (line.lower == 0 && line.upper >= 2 && line.toned) {
      capitalise(line_start, line_end);
      line_start = line_end + 1;
      continue;
    }
    // A line of Title Case words (a name: "Nguyễn Văn ất"): a word starting with a toned vowel
    // is one too.
    std::size_t title_words = 0;
    bool other_words = false;
    for_each_run(line_start, line_end, is_letter, [&](std::size_t begin, std::size_t end) {
      const Counts word = count(begin, end);
      if (word.lower == 0 && word.upper >= 2) capitalise(begin, end);
      if (caseless[begin]) return;
      const Counts rest = count(begin + 1, end);
      if (to_upper(text[begin]) == text[begin] && rest.upper == 0) {
        ++title_words;
      } else {
        other_words = true;
      }
    });
    if (title_words >= 2 && !other_words) {
      for_each_run(line_start, line_end, is_letter, [&](std::size_t begin, std::size_t) {
        if (caseless[begin]) text[begin] = to_upper(text[begin]);
      });
    }
    line_start = line_end + 1;
  }
}

std::u32string decode_tcvn3(std::u32string_view units, bool upper_case) {
  std::u32string out;
  out.reserve(units.size());
  std::vector<bool> caseless;
  caseless.reserve(units.size());
  for (const char32_t unit : units) {
    if (unit >= 0x100) {
      out.push_back(unit);
      caseless.push_back(false);
      continue;
    }
    const Tcvn3Letter& letter = kTcvn3[unit];
    out.push_back(letter.letter != 0 ? letter.letter : cp1252(static_cast<std::uint8_t>(unit)));
    caseless.push_back(letter.caseless);
  }
  if (upper_case) {
    for (char32_t& cp : out)
      cp = to_upper(cp);
  } else {
    guess_tcvn3_case(out, caseless);
  }
  return out;
}

// The vowel row of a VNI base letter (ASCII vowel or the one-byte ơ ư), or kNoVowel.
std::uint8_t vni_base_row(char32_t unit, bool& upper) {
  upper = is_ascii_upper(unit) || unit == 0xD4 || unit == 0xD6;
  switch (upper ? unit + kVniCaseOffset : unit) {
    case U'a':
      return 0;
    case U'e':
      return 3;
    case U'o':
      return 6;
    case U'u':
      return 9;
    case U'y':
      return 11;
    case 0xF4:
      return 8;  // ơ
    case 0xF6:
      return 10;  // ư
    default:
      return letters::kNoVowel;
  }
}

// The letter a VNI mark byte makes of the base in `row`, or 0 when the mark does not fit it.
char32_t vni_marked(std::uint8_t row, char32_t mark_unit) {
  if (mark_unit < 0xC0 || mark_unit >= 0x100) return 0;
  const auto mark = static_cast<std::uint8_t>(mark_unit | kVniCaseOffset);
  for (std::uint8_t tone = 1; tone < letters::kTones; ++tone)
    if (kVniToneMarks[tone] == mark) return letters::compose(row, tone);
  const bool takes_circumflex = row == 0 || row == 3 || row == 6;  // a e o
  for (std::uint8_t tone = 0; tone < letters::kTones; ++tone) {
    if (takes_circumflex && kVniCircumflexMarks[tone] == mark)
      return letters::compose(static_cast<std::uint8_t>(row == 0 ? 2 : row + 1), tone);
    if (row == 0 && kVniBreveMarks[tone] == mark) return letters::compose(1, tone);
  }
  return 0;
}

char32_t vni_single(char32_t unit) {
  if (unit < 0xC0 || unit >= 0x100) return 0;
  for (const VniSingle& single : kVniSingles) {
    if (unit == single.byte) return single.letter;
    if (unit == static_cast<char32_t>(single.byte - kVniCaseOffset))
      return letters::upper_of(single.letter);
  }
  return 0;
}

std::u32string decode_vni(std::u32string_view units) {
  std::u32string out;
  out.reserve(units.size());
  for (std::size_t i = 0; i < units.size(); ++i) {
    const char32_t unit = units[i];
    if (unit >= 0x100) {
      out.push_back(unit);
      continue;
    }
    bool upper = false;
    const std::uint8_t row = vni_base_row(unit, upper);
    if (row != letters::kNoVowel && i + 1 < units.size()) {
      if (const char32_t marked = vni_marked(row, units[i + 1]); marked != 0) {
        out.push_back(upper ? letters::upper_of(marked) : marked);
        ++i;
        continue;
      }
    }
    if (const char32_t single = vni_single(unit); single != 0) {
      out.push_back(single);
      continue;
    }
    out.push_back(cp1252(static_cast<std::uint8_t>(unit)));
  }
  return out;
}

}  // namespace

std::u32string units_of_bytes(std::string_view bytes) {
  std::u32string units;
  units.reserve(bytes.size());
  for (const char c : bytes)
    units.push_back(static_cast<unsigned char>(c));
  return units;
}

std::u32string units_of_text(std::string_view utf8_text) {
  std::u32string units;
  units.reserve(utf8_text.size());
  for (std::size_t pos = 0; pos < utf8_text.size();) {
    std::size_t length = 0;
    const char32_t cp = utf8::decode(utf8_text, pos, length);
    const int byte = byte_of(cp);
    units.push_back(byte >= 0 ? static_cast<char32_t>(byte) : cp);
    pos += length;
  }
  return units;
}

std::u32string decode(std::u32string_view units, LegacyFont font) {
  return font.encoding == LegacyEncoding::tcvn3 ? decode_tcvn3(units, font.upper_case)
                                                : decode_vni(units);
}

std::u32string decode_as_is(std::u32string_view units, bool windows_1258) {
  std::u32string out;
  out.reserve(units.size());
  for (const char32_t unit : units) {
    if (unit >= 0x100) {
      out.push_back(unit);
    } else {
      const auto byte = static_cast<std::uint8_t>(unit);
      out.push_back(windows_1258 ? kCp1258[byte] : cp1252(byte));
    }
  }
  return out;
}

std::size_t piece_length(std::string_view text, std::size_t size) {
  if (text.size() <= size) return text.size();
  if (const auto line_end = text.rfind('\n', size); line_end != std::string_view::npos)
    return line_end + 1;
  if (const auto space = text.rfind(' ', size); space != std::string_view::npos) return space + 1;
  const auto next = text.find_first_of("\n ", size);
  return next == std::string_view::npos ? text.size() : next + 1;
}

std::string to_utf8_nfc(std::u32string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 2);
  for (const char32_t cp : text)
    utf8::append(out, cp);
  return normalize_nfc(out);
}

}  // namespace legacy

std::string_view legacy_encoding_name(LegacyEncoding encoding) {
  return encoding == LegacyEncoding::tcvn3 ? "tcvn3" : "vni-win";
}

std::optional<LegacyFont> legacy_font(std::string_view name) {
  while (!name.empty() && (name.front() == ' ' || name.front() == '"' || name.front() == '\''))
    name.remove_prefix(1);
  while (!name.empty() && (name.back() == ' ' || name.back() == '"' || name.back() == '\''))
    name.remove_suffix(1);
  std::string lower(name);
  bool all_lower = true;
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
      all_lower = false;
    }
  }
  if (lower.starts_with(".vn") && lower.size() > 3) {
    // The capitals fonts end in a capital H (".VnTimeH"); in a name written all in lower case,
    // any final h.
    const bool capitals = name.back() == 'H' || (all_lower && name.back() == 'h');
    return LegacyFont{LegacyEncoding::tcvn3, capitals};
  }
  if (lower.size() > 4 &&
      (lower.starts_with("vni-") || lower.starts_with("vni ") || lower.starts_with("vni_")))
    return LegacyFont{LegacyEncoding::vni, false};
  return std::nullopt;
}

namespace {

constexpr std::size_t kPiece = 64 * 1024;

template <typename Units>
std::string convert_by_pieces(std::string_view text, LegacyFont font, Units units_of) {
  std::string out;
  out.reserve(text.size() + text.size() / 2);
  while (!text.empty()) {
    const std::size_t length = legacy::piece_length(text, kPiece);
    out += legacy::to_utf8_nfc(legacy::decode(units_of(text.substr(0, length)), font));
    text.remove_prefix(length);
  }
  return out;
}

}  // namespace

std::string decode_legacy_bytes(std::string_view bytes, LegacyFont font) {
  return convert_by_pieces(bytes, font, legacy::units_of_bytes);
}

std::string repair_legacy_text(std::string_view utf8_text, LegacyFont font) {
  return convert_by_pieces(utf8_text, font, legacy::units_of_text);
}

}  // namespace vanban::analyzers
