#include "structure/dates.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <vector>

#include "structure/tables.hpp"
#include "structure/text.hpp"
#include "vietnamese_letters.hpp"

namespace vanban::analyzers::structure {
namespace {

constexpr std::string_view kMonthWord = "tháng";
constexpr std::string_view kYearWord = "năm";
constexpr std::string_view kDayWord = "ngày";

std::size_t skip_spaces(std::string_view text, std::size_t pos) {
  while (pos < text.size() && is_space(text[pos]))
    ++pos;
  return pos;
}

// Digits at pos, up to `max` of them; returns the count read.
std::size_t read_number(std::string_view text, std::size_t pos, std::size_t max, int& value) {
  std::size_t count = 0;
  value = 0;
  while (pos + count < text.size() && count < max && is_ascii_digit(text[pos + count])) {
    value = value * 10 + (text[pos + count] - '0');
    ++count;
  }
  if (pos + count < text.size() && is_ascii_digit(text[pos + count])) return 0;  // too long
  return count;
}

// Blank placeholder: spaces, dots, ellipses; returns the position after it.
std::size_t skip_blank(std::string_view text, std::size_t pos) {
  while (pos < text.size()) {
    if (is_space(text[pos]) || text[pos] == '.' || text[pos] == '_') {
      ++pos;
    } else if (text.substr(pos, 3) == "\xE2\x80\xA6") {  // …
      pos += 3;
    } else {
      break;
    }
  }
  return pos;
}

bool valid_year(int year) {
  return year >= 1900 && year <= 2100;
}

bool valid_day(int day, int month, int year) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  if (month == 2 && day == 29) return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDays[month - 1];
}

std::string iso(int year, int month, int day) {
  char buffer[48];
  if (day > 0) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  } else if (month > 0) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
  } else {
    std::snprintf(buffer, sizeof buffer, "%04d", year);
  }
  return buffer;
}

// "tháng" or "năm" inside a long date, also glued to its number by a converter that lost the
// space ("tháng11", "năm2003").
bool date_word_at(std::string_view text, std::size_t pos, std::string_view word) {
  if (lower_same_length(text.substr(pos, word.size())) != word) return false;
  const char32_t next = code_point_at(text, pos + word.size());
  return !is_word_char(next) || is_digit(next);
}

// Where the year's number starts after the year word at `pos`; npos when no year word is
// there. With `damaged`, also a year word whose vowel a scan's engine lost or misread ("nám",
// "nm"): two to four letters, opening with "n" and closing with "m", as the
// word's consonants survive the breve of "ă" (only in ô 4, where "ngày ... tháng ..." before
// it and a year's four digits after it fix the word).
std::size_t year_number_at(std::string_view text, std::size_t pos, bool damaged) {
  if (date_word_at(text, pos, kYearWord)) return skip_spaces(text, pos + kYearWord.size());
  if (!damaged) return std::string_view::npos;
  std::size_t end = pos;
  std::size_t count = 0;
  char32_t first = 0;
  char32_t last = 0;
  while (end < text.size()) {
    std::size_t length = 0;
    const char32_t cp = code_point_at(text, end, &length);
    if (!is_letter(cp)) break;
    if (count == 0) first = cp;
    last = cp;
    ++count;
    end += length;
  }
  if (count < 2 || count > 4 || (first != U'n' && first != U'N') || last != U'm')
    return std::string_view::npos;
  const std::size_t year = skip_spaces(text, end);
  return year < text.size() && is_ascii_digit(text[year]) ? year : std::string_view::npos;
}

std::optional<DateMatch> parse_long(std::string_view text, std::size_t pos, bool allow_blank,
                                    bool damaged_year_word = false) {
  int day = 0;
  std::size_t p = skip_spaces(text, pos);
  std::size_t digits = read_number(text, p, 2, day);
  if (digits > 0) {
    p = skip_spaces(text, p + digits);
  } else {
    if (!allow_blank) return std::nullopt;
    p = skip_blank(text, p);
    day = 0;
  }
  if (!date_word_at(text, p, kMonthWord)) return std::nullopt;
  p = skip_spaces(text, p + kMonthWord.size());
  int month = 0;
  digits = read_number(text, p, 2, month);
  if (digits > 0) {
    p = skip_spaces(text, p + digits);
  } else {
    if (!allow_blank) return std::nullopt;
    p = skip_blank(text, p);
    month = 0;
    day = 0;
  }
  p = year_number_at(text, p, damaged_year_word);
  if (p == std::string_view::npos) return std::nullopt;
  int year = 0;
  digits = read_number(text, p, 4, year);
  if (digits != 4 || !valid_year(year)) return std::nullopt;
  if (month != 0 && (month < 1 || month > 12)) return std::nullopt;
  if (day != 0 && !valid_day(day, month, year)) return std::nullopt;
  return DateMatch{iso(year, month, day), p + digits};
}

// The separator of a short date at `p`: '/', '-' or '.', and the slashes a PDF's font or an OCR
// engine gives for '/' (the fraction slash "13⁄11⁄2024", the division slash), read as '/'.
// Its length in bytes, 0 for none.
std::size_t date_separator_at(std::string_view text, std::size_t p, char& separator) {
  if (p >= text.size()) return 0;
  const char c = text[p];
  if (c == '/' || c == '-' || c == '.') {
    separator = c;
    return 1;
  }
  for (std::string_view slash :
       {std::string_view{"\xE2\x81\x84"}, std::string_view{"\xE2\x88\x95"}})
    if (text.substr(p, slash.size()) == slash) {
      separator = '/';
      return slash.size();
    }
  return 0;
}

std::optional<DateMatch> parse_short(std::string_view text, std::size_t pos) {
  int day = 0;
  int month = 0;
  int year = 0;
  std::size_t p = pos;
  std::size_t digits = read_number(text, p, 2, day);
  if (digits == 0 || p + digits >= text.size()) return std::nullopt;
  p += digits;
  char separator = 0;
  std::size_t length = date_separator_at(text, p, separator);
  if (length == 0) return std::nullopt;
  p += length;
  digits = read_number(text, p, 2, month);
  char second = 0;
  if (digits == 0 || p + digits >= text.size()) return std::nullopt;
  length = date_separator_at(text, p + digits, second);
  if (length == 0 || second != separator) return std::nullopt;
  p += digits + length;
  digits = read_number(text, p, 4, year);
  if (digits != 4 || !valid_year(year) || !valid_day(day, month, year)) return std::nullopt;
  return DateMatch{iso(year, month, day), p + digits};
}

// A word that cannot be inside ô 4's place name: one holding a quotation mark (a subject's
// quoted name ends there: `"Mekong Festival 2006" Long Xuyên`), or ending in a comma or
// semicolon (ô 4's only comma is the one before "ngày").
bool ends_place_words(std::string_view word) {
  if (word.find('"') != std::string_view::npos ||
      word.find("\xE2\x80\x9C") != std::string_view::npos ||  // “
      word.find("\xE2\x80\x9D") != std::string_view::npos)    // ”
    return true;
  return !word.empty() && (word.back() == ',' || word.back() == ';');
}

// The level phrases written before a unit's name, folded: the administrative levels
// ("Tỉnh", "Thành phố", "Thị xã") and their abbreviations ("TP.", "TX.", "TT.").
const std::vector<std::string>& level_phrases() {
  static const std::vector<std::string> phrases = [] {
    std::vector<std::string> out;
    for (std::string_view level : administrative_levels())
      out.push_back(fold_key(level));
    for (std::string_view abbreviation : administrative_level_abbreviations())
      out.push_back(fold_key(abbreviation));
    // "TT." is a thị trấn only before a place: in a body's name it is a Trung tâm or a Thông
    // tư, so the table of abbreviations does not hold it and ô 4 adds it.
    for (std::string_view abbreviation : {"tt", "tt."})
      out.emplace_back(abbreviation);
    return out;
  }();
  return phrases;
}

bool is_level_phrase(std::string_view folded) {
  const std::vector<std::string>& phrases = level_phrases();
  return std::find(phrases.begin(), phrases.end(), folded) != phrases.end();
}

bool is_level_word(std::string_view word) {
  return is_level_phrase(fold_key(word));
}

// How many of the words right before `words[k]` are a level phrase ("Thành phố" 2, "TP." 1),
// none before `first`.
std::size_t level_before(const std::vector<std::string_view>& words, std::size_t first,
                         std::size_t k) {
  if (k >= first + 2 &&
      is_level_phrase(fold_key(std::string(words[k - 2]) + " " + std::string(words[k - 1]))))
    return 2;
  return k >= first + 1 && is_level_word(words[k - 1]) ? 1 : 0;
}

// Where ô 4's place begins among the capitalised words `words[first..]` before its comma, when
// more of a line than the place ran into it (a header on one line: "... V/v kỷ niệm ngày sinh
// Chủ tịch Tôn Đức Thắng Hà Nội, ngày ..."). ND30 ô 4 names the administrative unit where the
// issuing body sits, in proper case: so
// - a word in capitals that is no level's abbreviation ("ĐKKD Hà Nội") is the subject's;
// - the unit the line names earlier after a level word (the issuer's own, "UBND XÃ GIA PHỐ ...
//   Trần Đại Quang Gia Phố") is where the place begins;
// - so is a province or centrally run city of the national list ("Tôn Đức Thắng Hà Nội").
// The words before the unit must not be its level ("Tỉnh Hà Nam", "TP. Hồ Chí Minh" stay whole).
std::size_t narrowed_place_start(std::string_view line, const std::vector<std::string_view>& words,
                                 std::size_t first) {
  const std::size_t count = words.size();
  if (count - first < 2) return first;
  // A place written in proper case: a capitals word inside it ends the subject.
  if (!is_upper_text(words.back())) {
    for (std::size_t k = count; k-- > first + 1;) {
      const std::string_view word = words[k - 1];
      // ... and leaves two words at least, so a place whose first word a scan set in capitals
      // ("HÀ Nội") stays whole.
      if (k + 2 <= count && is_upper_text(word) && word.find('.') == std::string_view::npos &&
          word.size() >= 2 && !is_level_word(word)) {
        first = k;
        break;
      }
    }
  }
  if (count - first < 2) return first;
  static const std::vector<std::string> kProvinceKeys = [] {
    std::vector<std::string> keys;
    for (std::string_view name : province_names())
      keys.push_back(fold_key(name));
    return keys;
  }();
  const std::string before =
      " " + fold_key(line.substr(0, static_cast<std::size_t>(words[first].data() - line.data())));
  // The longest such name wins ("Thừa Thiên Huế" is one province, not "Huế"), with the level
  // written before it ("TP. Hồ Chí Minh").
  for (std::size_t k = first; k < count; ++k) {
    const std::string_view tail(
        words[k].data(),
        static_cast<std::size_t>(words.back().data() + words.back().size() - words[k].data()));
    const std::string key = fold_key(tail);
    if (std::find(kProvinceKeys.begin(), kProvinceKeys.end(), key) != kProvinceKeys.end())
      return k - level_before(words, first, k);
    // The unit named after a level word earlier on the line, as a whole name.
    for (std::size_t at = before.find(" " + key); at != std::string::npos;
         at = before.find(" " + key, at + 1)) {
      const std::size_t end = at + 1 + key.size();
      if (end < before.size() && before[end] != ' ' && before[end] != ',') continue;
      const std::string_view head = std::string_view(before).substr(0, at);
      const bool after_level =
          std::any_of(level_phrases().begin(), level_phrases().end(), [&](std::string_view level) {
            return head.ends_with(level) &&
                   (head.size() == level.size() || head[head.size() - level.size() - 1] == ' ');
          });
      if (after_level) return k - level_before(words, first, k);
    }
  }
  return first;
}

}  // namespace

std::optional<DateMatch> parse_date_at(std::string_view text, std::size_t pos, bool allow_blank) {
  pos = skip_spaces(text, pos);
  if (auto match = parse_short(text, pos)) return match;
  return parse_long(text, pos, allow_blank);
}

namespace {

// A day a scan's engine could not read: one short piece that is no number ("4ƒ", "/Ÿ", "#*t"
// for a handwritten or stamped day), then " tháng". Returns where "tháng" starts, else npos.
std::size_t skip_unreadable_day(std::string_view text, std::size_t pos) {
  pos = skip_spaces(text, pos);
  std::size_t end = pos;
  std::size_t count = 0;
  // A sign or a letter Vietnamese has not: no word ("mười"), no number (a day "123" is a typo
  // of the text, not a scan's).
  // A digit and a letter together ("1ù": a handwritten day read half as a digit, half as a
  // letter) are no day either.
  bool scrap = false;
  bool digit = false;
  bool letter = false;
  while (end < text.size() && !is_space(text[end])) {
    std::size_t length = 0;
    const char32_t cp = code_point_at(text, end, &length);
    scrap = scrap || (!letters::info(cp).known && !is_digit(cp));
    digit = digit || is_digit(cp);
    letter = letter || (letters::info(cp).known && !is_digit(cp));
    end += length;
    ++count;
  }
  if (count == 0 || count > 4 || !(scrap || (digit && letter))) return std::string_view::npos;
  const std::size_t month = skip_spaces(text, end);
  return date_word_at(text, month, kMonthWord) ? month : std::string_view::npos;
}

// A piece of a scan's ô 4 after `pos`: the characters up to the next space, at most `max` of
// them; sets `scrap` when one is a sign or a letter Vietnamese has not. npos when longer or
// empty.
std::size_t skip_piece(std::string_view text, std::size_t pos, std::size_t max, bool& scrap) {
  std::size_t count = 0;
  while (pos < text.size() && !is_space(text[pos])) {
    std::size_t length = 0;
    const char32_t cp = code_point_at(text, pos, &length);
    scrap = scrap || (!letters::info(cp).known && !is_digit(cp));
    pos += length;
    if (++count > max) return std::string_view::npos;
  }
  return count == 0 ? std::string_view::npos : pos;
}

// An ô 4 whose day, month and year a scan's engine all misread ("ngày J# thángÓ} năm 20;2Ô",
// the blanks filled by hand): its words stand ("tháng" glued to what follows it), each
// number one short piece, one of them at least a scrap. The end of the year's piece, else
// npos. The place stands; no part of the date is read.
std::size_t unreadable_date_end(std::string_view line, std::size_t pos) {
  bool scrap = false;
  std::size_t p = skip_piece(line, skip_spaces(line, pos), 4, scrap);
  if (p == std::string_view::npos) return p;
  p = skip_spaces(line, p);
  if (lower_same_length(line.substr(p, kMonthWord.size())) != kMonthWord)
    return std::string_view::npos;
  p += kMonthWord.size();
  if (p < line.size() && !is_space(line[p])) {
    p = skip_piece(line, p, 4, scrap);
  } else {
    p = skip_piece(line, skip_spaces(line, p), 4, scrap);
  }
  if (p == std::string_view::npos) return p;
  p = skip_spaces(line, p);
  if (!date_word_at(line, p, kYearWord)) return std::string_view::npos;
  p = skip_piece(line, skip_spaces(line, p + kYearWord.size()), 6, scrap);
  return scrap ? p : std::string_view::npos;
}

// The separator between ô 4's place and "ngày": a comma, or a period an engine read for it
// ("Hà Nội. ngày 17 tháng 09 năm 2025": a sentence would open "Ngày" in capitals).
bool place_separator_at(std::string_view line, std::size_t pos) {
  if (line[pos] == ',') return true;
  if (line[pos] != '.' || pos == 0 || is_space(line[pos - 1])) return false;
  const std::size_t after = skip_spaces(line, pos + 1);
  return after > pos + 1 && line.substr(after, kDayWord.size()) == kDayWord;
}

// Ô 4's day word the engine misread with the day glued to it ("Hà Nội, ngàu)9 tháng § năm
// 2025": "ngày" and a handwritten day read as one piece): a piece opening with "ng", then
// "tháng", a piece, "năm" and a year's four digits. The end of the year, else npos. The frame's
// other words and the year stand, so the piece is ô 4's day word; the place stands, no part of
// the date is read.
std::size_t misread_day_word_end(std::string_view line, std::size_t pos) {
  if (line.substr(pos, 2) != "ng") return std::string_view::npos;
  bool scrap = false;
  std::size_t p = skip_piece(line, pos, 16, scrap);
  if (p == std::string_view::npos) return p;
  // A word of the language there ("..., ngoài tháng 3 năm 2024") is a sentence's: the piece
  // holds a digit or a sign no Vietnamese word has.
  const std::string_view piece = line.substr(pos, p - pos);
  if (!scrap && std::none_of(piece.begin(), piece.end(), [](char c) { return is_ascii_digit(c); }))
    return std::string_view::npos;
  p = skip_spaces(line, p);
  // Day word, day, month word and month read as one piece, the spaces lost and the month
  // word's "t" with them ("ngà¿2háng0„"): the month word's other letters stand in it.
  if (piece.find("háng") == std::string_view::npos) {
    if (!date_word_at(line, p, kMonthWord)) return std::string_view::npos;
    p = skip_piece(line, skip_spaces(line, p + kMonthWord.size()), 4, scrap);
    if (p == std::string_view::npos) return p;
    p = skip_spaces(line, p);
  }
  if (!date_word_at(line, p, kYearWord)) return std::string_view::npos;
  p = skip_spaces(line, p + kYearWord.size());
  int year = 0;
  const std::size_t digits = read_number(line, p, 4, year);
  if (digits != 4 || !valid_year(year)) return std::string_view::npos;
  p += digits;
  return p < line.size() && is_word_char(code_point_at(line, p)) ? std::string_view::npos : p;
}

}  // namespace

namespace {

// The first of `words`' last two to four words when they are a province's name with its first
// word capitalised and a later one in lower case; words.size() otherwise.
std::size_t province_typed_in_lower_case(const std::vector<std::string_view>& words) {
  static const std::vector<std::string> kProvinceKeys = [] {
    std::vector<std::string> keys;
    for (std::string_view name : province_names())
      keys.push_back(fold_key(name));
    return keys;
  }();
  for (std::size_t length = 2; length <= 4 && length <= words.size(); ++length) {
    const std::size_t at = words.size() - length;
    if (!starts_upper(words[at])) continue;
    bool lowered = false;
    for (std::size_t k = at + 1; k < words.size(); ++k)
      lowered = lowered || (!words[k].empty() && !starts_upper(words[k]) && words[k] != "-" &&
                            words[k] != "\xE2\x80\x93");
    if (!lowered) continue;
    const std::string_view tail(
        words[at].data(),
        static_cast<std::size_t>(words.back().data() + words.back().size() - words[at].data()));
    if (std::find(kProvinceKeys.begin(), kProvinceKeys.end(), fold_key(tail)) !=
        kProvinceKeys.end())
      return at;
  }
  return words.size();
}

}  // namespace

std::optional<PlaceDate> find_place_date(std::string_view line) {
  for (std::size_t pos = line.find_first_of(",."); pos != std::string_view::npos;
       pos = line.find_first_of(",.", pos + 1)) {
    if (!place_separator_at(line, pos)) continue;
    const std::size_t after = skip_spaces(line, pos + 1);
    std::optional<DateMatch> date;
    bool blank_date = false;
    // "ngày" glued to its day by a converter that lost the space ("ngày12 tháng 11").
    if (!date_word_at(line, after, kDayWord)) {
      const std::size_t end = misread_day_word_end(line, after);
      if (end == std::string_view::npos) continue;
      date = DateMatch{"", end};
      blank_date = true;
    } else {
      date = parse_long(line, after + kDayWord.size(), true, true);
    }
    // A day the scan's engine misread beyond reading (handwritten or stamped in the blank the
    // template leaves, ND30 ô 4): the place and the month stand, the day is as good as blank.
    if (!date) {
      const std::size_t month = skip_unreadable_day(line, after + kDayWord.size());
      if (month != std::string_view::npos) {
        date = parse_long(line, month, true);
      }
    }
    // A template's or a draft's line with every part of the date blank ("Hà Nội, ngày .....
    // tháng ..... năm ......."): ô 4 all the same, its place written, its date none.
    if (!date) {
      if (const std::size_t end = unreadable_date_end(line, after + kDayWord.size());
          end != std::string_view::npos) {
        date = DateMatch{"", end};
        blank_date = true;
      }
    }
    // Ô 4's three numbers all read, and no day of the calendar ("ngày15 tháng 54 năm 2026": a
    // digit stamped or written over the printed month): the place stands, the date is none.
    if (!date) {
      int day = 0;
      int month = 0;
      int year = 0;
      std::size_t p = skip_spaces(line, after + kDayWord.size());
      std::size_t digits = read_number(line, p, 2, day);
      if (digits > 0) p = skip_spaces(line, p + digits);
      if (digits > 0 && date_word_at(line, p, kMonthWord)) {
        p = skip_spaces(line, p + kMonthWord.size());
        digits = read_number(line, p, 2, month);
        if (digits > 0) p = skip_spaces(line, p + digits);
        if (digits > 0 && date_word_at(line, p, kYearWord)) {
          p = skip_spaces(line, p + kYearWord.size());
          digits = read_number(line, p, 4, year);
          if (digits == 4 && (month < 1 || month > 12 || day < 1 || day > 31)) {
            date = DateMatch{"", p + digits};
            blank_date = true;
          }
        }
      }
    }
    if (!date) {
      std::size_t p = skip_blank(line, after + kDayWord.size());
      if (!date_word_at(line, p, kMonthWord)) continue;
      p = skip_blank(line, p + kMonthWord.size());
      if (!date_word_at(line, p, kYearWord)) continue;
      p = skip_blank(line, p + kYearWord.size());
      if (p < line.size() && is_word_char(code_point_at(line, p))) continue;
      date = DateMatch{"", p};
      blank_date = true;
    }
    // The place: the capitalised words right before the comma ("Hà Nội", "Quận 1"); in text
    // from two-column layouts other header text may precede it on the line.
    const auto words = split_words(line.substr(0, pos));
    std::size_t first = words.size();
    // A province typed with a later syllable in lower case ("Hà nội", "Hồ Chí minh"): the
    // national list's name, its first word capitalised, is the place as written.
    if (const std::size_t typed = province_typed_in_lower_case(words); typed < words.size())
      first = typed;
    while (first > 0 && words.size() - first < 6) {
      const std::string_view word = words[first - 1];
      const bool number = !word.empty() && is_ascii_digit(word.front());
      if (word.find_first_of("/:") != std::string_view::npos) break;
      if (first < words.size() && ends_place_words(word)) break;
      // A province named with a dash between its parts ("Bà Rịa - Vũng Tàu, ngày ..."): the
      // dash between two capitalised words in running case is inside the name.
      if ((word == "-" || word == "\xE2\x80\x93") && first < words.size() && first >= 2 &&
          starts_upper(words[first - 2]) && !is_upper_text(words[first - 2]) &&
          !is_upper_text(words[first])) {
        --first;
        continue;
      }
      if (!starts_upper(word) && !number) break;
      --first;
    }
    while (first < words.size() && !words[first].empty() && is_ascii_digit(words[first].front()))
      ++first;
    first = narrowed_place_start(line, words, first);
    // A unit written in full before its name (ND30 Phụ lục I §II.4: "Thành phố Hồ Chí Minh"):
    // its level word in lower case belongs to the place.
    if (first >= 2 && first < words.size()) {
      const std::string level =
          fold_key(std::string(words[first - 2]) + " " + std::string(words[first - 1]));
      if ((level == "thanh pho" || level == "thi xa" || level == "thi tran") &&
          starts_upper(words[first - 2]))
        first -= 2;
    }
    std::size_t start =
        first < words.size() ? static_cast<std::size_t>(words[first].data() - line.data()) : pos;
    // The rule drawn under the motto (ND30 ô 1, HD 36's line under the Party's name) run into
    // ô 4 by a converter ("--------------Hà Nội, ngày ..."): no part of the place.
    while (start < pos) {
      if (line[start] == '-' || line[start] == '_' || line[start] == '=' || line[start] == '*' ||
          line[start] == '.' || line[start] == '~') {
        ++start;
      } else if (line.substr(start, 3) == "\xE2\x80\x93" ||
                 line.substr(start, 3) == "\xE2\x80\x94") {
        start += 3;  // en or em dash
      } else {
        break;
      }
    }
    PlaceDate result;
    result.place = collapse_spaces(line.substr(start, pos - start));
    if (blank_date && result.place.empty()) continue;  // a form's "....., ngày ..."
    result.iso = date->iso;
    result.start = start;
    result.end = date->end;
    return result;
  }
  return std::nullopt;
}

}  // namespace vanban::analyzers::structure
