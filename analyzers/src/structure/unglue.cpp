#include "structure/unglue.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "structure/citation_cursor.hpp"
#include "structure/tables.hpp"
#include "structure/text.hpp"
#include "syllable.hpp"
#include "vietnamese_letters.hpp"

namespace vanban::analyzers::structure {
namespace {

// The letters at the start of `text` make a word of two letters or more with a vowel: a word,
// not a code ("VH", "TT", "B").
bool is_syllable_like(std::string_view text) {
  std::size_t letters_seen = 0;
  bool vowel = false;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t length = 1;
    const char32_t c = code_point_at(text, pos, &length);
    const letters::LetterInfo info = letters::info(c);
    if (!info.known) break;
    ++letters_seen;
    vowel = vowel || info.row != letters::kNoVowel;
    pos += std::max<std::size_t>(length, 1);
  }
  return letters_seen >= 2 && vowel;
}

struct Letter {
  char32_t c;
  std::size_t byte;  // offset in the line
};

bool is_syllable(const std::vector<Letter>& run, std::size_t from, std::size_t to) {
  std::u32string word;
  for (std::size_t i = from; i < to; ++i)
    word.push_back(run[i].c);
  return syllable::is_vietnamese(word);
}

// Two lower-case words that open a phrase the documents use: a subject's opener ("ban hành",
// "phê duyệt") or a type name ("quyết định"). Breaks a tie between splits of a run of capitals.
bool known_pair(std::string_view line, const std::vector<Letter>& run, std::size_t split,
                std::size_t end) {
  const std::size_t start = run.front().byte;
  const std::size_t at = run[split].byte;
  const std::string pair =
      lower(line.substr(start, at - start)) + " " + lower(line.substr(at, end - at));
  if (std::find(kTitleOpeners.begin(), kTitleOpeners.end(), pair) != kTitleOpeners.end())
    return true;
  const auto& types = types_longest_first();
  return std::any_of(types.begin(), types.end(),
                     [&](const TypeEntry& entry) { return entry.lowered == pair; });
}

// Where a run of letters splits into two syllables; npos when it does not, or not one way.
std::size_t split_point(std::string_view line, const std::vector<Letter>& run, std::size_t end) {
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  // A change of case inside the run: "theoQuyết" (lower then upper), "PHÒNGThái" (a run of
  // capitals, then a capitalised word). Both halves must be syllables: "TTg", "QyĐ", "iPhone",
  // "McDonald" stay.
  for (std::size_t i = 1; i < run.size(); ++i) {
    const bool lower_upper = is_lower(run[i - 1].c) && is_upper(run[i].c);
    const bool upper_capital = i >= 2 && i + 1 < run.size() && is_upper(run[i - 2].c) &&
                               is_upper(run[i - 1].c) && is_upper(run[i].c) &&
                               is_lower(run[i + 1].c);
    if (!lower_upper && !upper_capital) continue;
    std::size_t next = i + 1;
    while (next < run.size() && !is_upper(run[next].c))
      ++next;
    if (next != run.size()) return kNone;  // a third part: a code or a name, not two words
    return is_syllable(run, 0, i) && is_syllable(run, i, run.size()) ? i : kNone;
  }
  // Two vowel groups in a run of one case that holds a Vietnamese letter: "đồngnhân".
  int groups = 0;
  bool vietnamese = false;
  bool in_vowels = false;
  for (const Letter& letter : run) {
    const letters::LetterInfo info = letters::info(letter.c);
    vietnamese = vietnamese || letter.c >= 0x80;
    const bool vowel = info.row != letters::kNoVowel;
    if (vowel && !in_vowels) ++groups;
    in_vowels = vowel;
  }
  if (groups != 2 || !vietnamese || is_syllable(run, 0, run.size())) return kNone;
  std::vector<std::size_t> splits;
  for (std::size_t i = 1; i < run.size(); ++i)
    if (is_syllable(run, 0, i) && is_syllable(run, i, run.size())) splits.push_back(i);
  if (splits.size() == 1) return splits.front();
  if (splits.size() > 1 && is_upper(run.front().c)) {
    std::size_t chosen = kNone;
    for (const std::size_t split : splits) {
      if (!known_pair(line, run, split, end)) continue;
      if (chosen != kNone) return kNone;
      chosen = split;
    }
    return chosen;
  }
  return kNone;
}

// A syllable of a glued run keeps one case after its first letter ("Hội", "HỘI", "hội"; not
// "hỘi"), so that a capital opens a syllable.
bool one_case(const std::vector<Letter>& run, std::size_t from, std::size_t to) {
  bool upper_seen = false;
  bool lower_seen = false;
  for (std::size_t i = from + 1; i < to; ++i) {
    upper_seen = upper_seen || is_upper(run[i].c);
    lower_seen = lower_seen || is_lower(run[i].c);
  }
  return !(upper_seen && lower_seen) && !(upper_seen && is_lower(run[from].c));
}

// Where a run of three syllables or more that a converter ran together splits
// ("Hộiđồngnhândânvà" → "Hội đồng nhân dân và"): the boundaries of its segmentation into
// Vietnamese syllables with the fewest syllables opening on a vowel ("Hội đồng", not "Hộ i
// đồng"; "Luật", not "Lu ật"), then the fewest syllables; empty when there is none, or when
// two tie.
std::vector<std::size_t> split_points(const std::vector<Letter>& run) {
  constexpr std::size_t kLongest = 7;  // letters in a syllable ("nghiêng")
  struct Best {
    int vowel_starts = 1 << 20;
    int syllables = 1 << 20;
    bool tie = false;
    std::size_t next = 0;
  };
  const std::size_t n = run.size();
  std::vector<Best> best(n + 1);
  best[n] = Best{0, 0, false, n};
  for (std::size_t i = n; i-- > 0;) {
    const bool vowel_start = i > 0 && letters::info(run[i].c).row != letters::kNoVowel;
    for (std::size_t j = i + 1; j <= std::min(n, i + kLongest); ++j) {
      if (best[j].syllables >= (1 << 20) || !one_case(run, i, j) || !is_syllable(run, i, j))
        continue;
      const int vowels = best[j].vowel_starts + (vowel_start ? 1 : 0);
      const int syllables = best[j].syllables + 1;
      Best& here = best[i];
      if (vowels < here.vowel_starts ||
          (vowels == here.vowel_starts && syllables < here.syllables)) {
        here = Best{vowels, syllables, best[j].tie, j};
      } else if (vowels == here.vowel_starts && syllables == here.syllables) {
        here.tie = true;
      }
    }
  }
  std::vector<std::size_t> splits;
  if (best[0].syllables >= (1 << 20) || best[0].tie || best[0].syllables < 3) return splits;
  for (std::size_t at = best[0].next; at < n; at = best[at].next)
    splits.push_back(at);
  return splits;
}

// A header cell in capitals whose converter lost the space between an abbreviation and the word
// beside it: "UBNDTHÀNH PHỐ HÀ NỘI" (ND30 ô 2's chủ quản line, "viết tắt những cụm từ thông
// dụng"), "TRƯỜNGMN MAI VÀNG" (a school's level abbreviated after "Trường"). Where the run splits
// into an abbreviation of the table, which is no syllable, and a syllable after it; or into
// "TRƯỜNG" and a school level's code. npos otherwise, or when it splits so more than one way.
std::size_t abbreviation_split(std::string_view line, const std::vector<Letter>& run,
                               std::size_t end) {
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  const std::size_t start = run.front().byte;
  const std::string_view text = line.substr(start, end - start);
  const bool school_head = text.starts_with("TRƯỜNG");
  if (!school_head && !opens_with_abbreviation(text)) return kNone;
  if (!std::all_of(run.begin(), run.end(), [](const Letter& l) { return is_upper(l.c); }))
    return kNone;
  std::size_t found = kNone;
  for (std::size_t i = 2; i + 2 <= run.size(); ++i) {
    const std::string_view before = line.substr(start, run[i].byte - start);
    const std::string_view after = line.substr(run[i].byte, end - run[i].byte);
    const bool code_first = !school_head && expand_abbreviation(before).has_value() &&
                            !is_syllable(run, 0, i) && is_syllable(run, i, run.size());
    static constexpr std::array kSchoolLevels = {std::string_view{"TH"}, std::string_view{"THCS"},
                                                 std::string_view{"THPT"}, std::string_view{"MN"},
                                                 std::string_view{"MG"}};
    const bool school =
        school_head && before == "TRƯỜNG" &&
        std::find(kSchoolLevels.begin(), kSchoolLevels.end(), after) != kSchoolLevels.end();
    if (!code_first && !school) continue;
    if (found != kNone) return kNone;
    found = i;
  }
  return found;
}

// A run glued to a symbol, an address or a number ("vanban.gov.vn", "ĐT2") is left alone.
bool glued_to_code(std::string_view line, std::size_t start, std::size_t end) {
  const auto code_char = [](char c) {
    return c == '/' || c == '@' || c == '_' || (c >= '0' && c <= '9');
  };
  if (start > 0 && (code_char(line[start - 1]) || line[start - 1] == '.')) return true;
  if (end >= line.size()) return false;
  return code_char(line[end]) ||
         (line[end] == '.' && end + 1 < line.size() && is_letter(code_point_at(line, end + 1)));
}

}  // namespace

std::optional<std::string> unglue_words(std::string_view line) {
  std::optional<std::string> out;
  std::size_t copied = 0;
  // What the scan learns of the current run of letters, so that only a run that may be glued
  // (a change of case, or two vowel groups and a Vietnamese letter) is looked at closely.
  std::size_t run_start = 0;
  std::size_t run_letters = 0;
  int groups = 0;
  bool in_vowels = false;
  bool vietnamese = false;
  bool foreign = false;  // a letter outside the Vietnamese alphabet
  bool case_change = false;
  int upper_before = 0;  // capitals just before the current letter
  bool last_lower = false;
  std::vector<Letter> run;
  const auto read_run = [&](std::size_t end) {  // the current run's letters, into `run`
    run.clear();
    for (std::size_t pos = run_start; pos < end;) {
      std::size_t length = 1;
      const char32_t c = code_point_at(line, pos, &length);
      run.push_back({c, pos});
      pos += std::max<std::size_t>(length, 1);
    }
  };
  const auto space_at = [&](std::size_t at) {  // a space before byte `at`
    if (!out) out.emplace();
    out->append(line.substr(copied, at - copied));
    out->push_back(' ');
    copied = at;
  };
  const auto end_run = [&] {
    run_letters = 0;
    groups = 0;
    in_vowels = vietnamese = foreign = case_change = last_lower = false;
    upper_before = 0;
  };
  const auto flush = [&](std::size_t end) {
    // Three vowel groups or more with a Vietnamese letter: several syllables run together
    // ("CăncứLuậtTổchứcHộiđồngnhândânvà"); its only segmentation splits it, even where a
    // number follows ("Ủybannhândânngày26": no code is three Vietnamese syllables).
    if (groups >= 3 && vietnamese && !foreign && run_letters <= 48) {
      read_run(end);
      const std::vector<std::size_t> splits = split_points(run);
      if (!splits.empty()) {
        for (const std::size_t split : splits)
          space_at(run[split].byte);
        // Its last word takes a number ("ngày26", "năm2003", "số01"): the number is a word
        // of its own.
        const std::string last =
            lower(line.substr(run[splits.back()].byte, end - run[splits.back()].byte));
        if (end < line.size() && line[end] >= '0' && line[end] <= '9' &&
            (last == "ngày" || last == "tháng" || last == "năm" || last == "số"))
          space_at(end);
        end_run();
        return;
      }
    }
    // A date's word glued to the number before it ("tháng 12năm học 2019", "ngày 5tháng 3"): the
    // space lost at a change of run, as after the word ("năm2003", below); a code has no such
    // word after its digits.
    if (run_letters >= 3 && run_letters <= 5 && run_start > 0 && line[run_start - 1] >= '0' &&
        line[run_start - 1] <= '9') {
      const std::string word = lower(line.substr(run_start, end - run_start));
      if (word == "ngày" || word == "tháng" || word == "năm") {
        space_at(run_start);
        end_run();
        return;
      }
    }
    if (!foreign && run_letters >= 4 && run_letters <= 16 &&
        static_cast<std::size_t>(upper_before) == run_letters) {
      read_run(end);
      const std::size_t split = abbreviation_split(line, run, end);
      if (split != static_cast<std::size_t>(-1) && !glued_to_code(line, run_start, end) &&
          (run_start == 0 || line[run_start - 1] == ' ') &&
          (end == line.size() || line[end] == ' ' || line[end] == ',')) {
        space_at(run[split].byte);
        end_run();
        return;
      }
    }
    const bool candidate = case_change || (groups == 2 && vietnamese);
    if (candidate && !foreign && run_letters >= 3 && run_letters <= 14) {
      read_run(end);
      const std::size_t split = split_point(line, run, end);
      // Two syllables whose second is the word of a number or a date, glued to its digits
      // ("Chỉ thịsố46-CT/TW", "ban hànhngày12"): words, not a code, as three syllables are.
      const bool takes_number =
          split != static_cast<std::size_t>(-1) && end < line.size() && line[end] >= '0' &&
          line[end] <= '9' && [&] {
            const std::string last = lower(line.substr(run[split].byte, end - run[split].byte));
            return last == "ngày" || last == "tháng" || last == "năm" || last == "số";
          }();
      if (takes_number) {
        space_at(run[split].byte);
        space_at(end);
      } else if (split != static_cast<std::size_t>(-1) && !glued_to_code(line, run_start, end)) {
        space_at(run[split].byte);
      }
    }
    end_run();
  };
  for (std::size_t pos = 0; pos < line.size();) {
    std::size_t length = 1;
    const char32_t c = static_cast<unsigned char>(line[pos]) < 0x80
                           ? static_cast<char32_t>(line[pos])
                           : code_point_at(line, pos, &length);
    const letters::LetterInfo info = letters::info(c);
    if (info.known || (c >= 0x80 && is_letter(c))) {
      if (run_letters == 0) run_start = pos;
      ++run_letters;
      if (!info.known) {
        foreign = true;
      } else {
        const bool upper = c != info.lower;
        const bool vowel = info.row != letters::kNoVowel;
        if (vowel && !in_vowels) ++groups;
        in_vowels = vowel;
        vietnamese = vietnamese || c >= 0x80;
        if ((upper && last_lower) || (!upper && upper_before >= 3)) case_change = true;
        upper_before = upper ? upper_before + 1 : 0;
        last_lower = !upper;
      }
    } else if (run_letters > 0) {
      const std::string_view before = line.substr(run_start, pos - run_start);
      flush(pos);
      // A comma between two words lost the space after it: "PHÒNG,CHỐNG". Codes listed
      // tight are written so ("VH,TT&DL", "1A,B,C"): a word without a vowel or of one letter
      // is a code, and keeps its comma as it stands.
      if (c == ',' && pos + 1 < line.size() && is_letter(code_point_at(line, pos + 1)) &&
          is_syllable_like(before) && is_syllable_like(line.substr(pos + 1)))
        space_at(pos + 1);
    }
    pos += std::max<std::size_t>(length, 1);
  }
  if (run_letters > 0) flush(line.size());
  if (!out) return std::nullopt;
  out->append(line.substr(copied));
  return out;
}

namespace {

// A word's letters, or nothing when it holds anything but letters of the Vietnamese alphabet.
std::optional<std::u32string> letters_of(std::string_view word) {
  std::u32string out;
  for (std::size_t pos = 0; pos < word.size();) {
    std::size_t length = 1;
    const char32_t c = code_point_at(word, pos, &length);
    if (!letters::info(c).known) return std::nullopt;
    out.push_back(c);
    pos += std::max<std::size_t>(length, 1);
  }
  if (out.empty()) return std::nullopt;
  return out;
}

// A piece a stray space cut off a syllable: consonants alone ("ng" of "Đặ ng", "X" of "X ã",
// "Qu"), or one vowel letter with a mark ("ả" of "Qu ả ng").
bool may_be_a_piece(const std::u32string& word) {
  if (word.size() > 3) return false;
  bool vowel = false;
  for (char32_t c : word)
    vowel = vowel || letters::info(c).row != letters::kNoVowel;
  return !vowel || (word.size() == 1 && word[0] >= 0x80) ||
         (word.size() == 2 && (word[0] == U'Q' || word[0] == U'q'));
}

bool all_upper(const std::u32string& word) {
  return std::all_of(word.begin(), word.end(),
                     [](char32_t c) { return letters::info(c).lower != c; });
}

// The quick test for a piece, on bytes: one to three ASCII consonants ("ng", "X"), "Qu", or one
// marked vowel (two or three bytes of one letter).
bool quick_piece(std::string_view word) {
  if (word.empty() || word.size() > 3) return false;
  if (static_cast<unsigned char>(word[0]) >= 0x80) {
    std::size_t length = 0;
    const char32_t c = code_point_at(word, 0, &length);
    return length == word.size() && letters::info(c).known &&
           letters::info(c).row != letters::kNoVowel;
  }
  if (word.size() == 2 && (word[0] == 'Q' || word[0] == 'q') && (word[1] == 'u' || word[1] == 'U'))
    return true;
  return std::all_of(word.begin(), word.end(), [](char c) {
    const char lower = static_cast<char>(c | 0x20);
    return lower >= 'a' && lower <= 'z' &&
           std::string_view("aeiouy").find(lower) == std::string_view::npos;
  });
}

// A word of plain (unmarked) letters: the head a PDF's text layer leaves before a vowel with
// a mark set in another font ("ho" of "Kế ho ạch", "Lu" of "Lu ật", "đi" of "đi ều").
bool unmarked_head(const std::u32string& word) {
  if (word.size() > 4) return false;
  return std::all_of(word.begin(), word.end(), [](char32_t c) {
    const char32_t lower = letters::info(c).lower;
    return lower < 0x80 || lower == U'đ';
  });
}

// A word led by a vowel with a mark and more letters, in the head's case: the tail such a glyph
// begins ("ạch", "ận", "ều"). A marked vowel alone is left to the pieces' rule: after a plain
// syllable it is a word ("đi ạ").
bool marked_tail(const std::u32string& head, const std::u32string& word) {
  if (word.size() < 2 || word.size() > 4 || word[0] < 0x80 ||
      letters::info(word[0]).row == letters::kNoVowel)
    return false;
  const bool upper = letters::info(word[0]).lower != word[0];
  return !upper || all_upper(head);
}

// The quick test for a tail, on bytes: a short word whose first letter is a vowel with a mark.
bool may_be_a_tail(std::string_view word) {
  if (word.size() < 2 || word.size() > 12 || static_cast<unsigned char>(word[0]) < 0x80)
    return false;
  const letters::LetterInfo info = letters::info(code_point_at(word, 0));
  return info.known && info.row != letters::kNoVowel;
}

// The word without the punctuation a sentence puts after it ("ộ," of "Cán b ộ, công").
std::string_view without_trailing_punctuation(std::string_view word) {
  while (!word.empty() && std::string_view(",.;:)").find(word.back()) != std::string_view::npos)
    word.remove_suffix(1);
  return word;
}

}  // namespace

namespace {

// `damaged`: the line is known to hold a syllable cut apart, so a plain head and a marked tail
// that are both words ("ho" "ạch") are joined as well.
std::optional<std::string> rejoin(std::string_view line, bool damaged) {
  // Cheap gate: a piece stands somewhere in the line, or a short word led by a marked vowel
  // after a short plain one.
  bool any = false;
  std::string_view previous;
  for (std::size_t start = 0; start < line.size() && !any;) {
    const std::size_t space = line.find(' ', start);
    const std::size_t end = space == std::string_view::npos ? line.size() : space;
    const std::string_view word = without_trailing_punctuation(line.substr(start, end - start));
    any = (word.size() <= 3 && quick_piece(word)) ||
          (!previous.empty() && previous.size() <= 5 && may_be_a_tail(word));
    previous = line.substr(start, end - start);
    start = end + 1;
  }
  if (!any) return std::nullopt;
  std::vector<std::string_view> words;
  std::size_t pos = 0;
  while (pos < line.size()) {
    const std::size_t space = line.find(' ', pos);
    const std::size_t end = space == std::string_view::npos ? line.size() : space;
    words.push_back(line.substr(pos, end - pos));
    pos = end + 1;
  }
  std::string current;
  std::optional<std::u32string> current_letters;
  bool changed = false;
  std::string joined;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string_view word = words[i];
    // The letters of the word; a comma or stop after it ends the word, so it joins only as the
    // second piece.
    const std::string_view core = without_trailing_punctuation(word);
    const bool pair = i > 0 && (quick_piece(core) || quick_piece(words[i - 1]) ||
                                current.size() != words[i - 1].size() ||
                                (words[i - 1].size() <= 5 && may_be_a_tail(core)));
    std::optional<std::u32string> letters =
        pair && core.size() <= 12 ? letters_of(core) : std::nullopt;
    if (pair && !current_letters && current.size() <= 12) current_letters = letters_of(current);
    // A vowel with a mark set apart from the plain letters before it (a PDF whose font lacks
    // the marked letter draws it from another font, wider or narrower, and the text layer
    // reads a space before it): "ho ạch", "Lu ật", "đi ều". Both halves may be words ("ho",
    // "ạch"), so the join asks only that a plain head and a marked tail make one syllable;
    // words after a plain syllable that begin with a marked vowel never make one with it
    // ("cho ông", "đi ạ", "Hoa ở").
    const bool glyph_tail = current_letters && letters && unmarked_head(*current_letters) &&
                            marked_tail(*current_letters, *letters);
    if (pair && current_letters && letters &&
        (may_be_a_piece(*current_letters) || may_be_a_piece(*letters) || glyph_tail)) {
      // The second piece keeps the first one's case ("Đặ" "ng", "ĐẶ" "NG"; not "Bộ" "TT").
      const bool same_case = !all_upper(*letters) || all_upper(*current_letters);
      std::u32string both = *current_letters + *letters;
      if (same_case && syllable::is_vietnamese(both) &&
          ((glyph_tail && damaged) || !syllable::is_vietnamese(*current_letters) ||
           !syllable::is_vietnamese(*letters))) {
        current += word;
        // A word closed by punctuation takes no further piece.
        current_letters =
            core.size() == word.size() ? std::optional(std::move(both)) : std::nullopt;
        changed = true;
        continue;
      }
    }
    if (i > 0) {
      joined += current;
      joined.push_back(' ');
    }
    current = std::string(word);
    // read when a pair needs it
    current_letters = core.size() == word.size() ? std::move(letters) : std::nullopt;
  }
  joined += current;
  if (!changed) return std::nullopt;
  return joined;
}

}  // namespace

std::optional<std::string> rejoin_split_syllables(std::string_view line) {
  // Two words that are each a syllable and together one ("do ảnh" / "doảnh", "ho ạch" /
  // "hoạch") are told apart only by the line around them: where a piece that is no syllable
  // was joined in the same line ("K ế", "Lu ật"), the font set its marked letters apart, and
  // the pair is one more such cut.
  auto strict = rejoin(line, false);
  if (!strict) return strict;
  if (auto loose = rejoin(line, true)) return loose;
  return strict;
}

}  // namespace vanban::analyzers::structure
