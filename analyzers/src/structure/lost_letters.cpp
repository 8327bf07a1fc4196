// Writes back the structure words of a text whose converter dropped every letter outside ASCII.
// Rules from Decree 30's layout (the parts and their fixed wording) and from what the converter
// does (each such letter vanishes, the rest stays), never from a document.
#include "structure/lost_letters.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <map>
#include <vector>

#include "structure/body_names.hpp"
#include "structure/tables.hpp"
#include "structure/text.hpp"
#include "syllable.hpp"
#include "vietnamese_letters.hpp"

namespace vanban::analyzers::structure {
namespace {

// Names of laws, codes and ordinances as written (the table the citations read by).
constexpr std::string_view kLawNames[] = {
#include "structure/law_names.inc"
};

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (is_ascii_upper(c)) c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// A word of the text: where it stands, and its skeleton (its ASCII letters and digits; the
// converter also left stray marks inside words: "NGH(A").
struct TextWord {
  std::size_t start = 0;
  std::size_t end = 0;
  std::string skeleton;
};

// Table markup separates words as spaces do: a cell's bar, a "<br>" inside a cell.
std::size_t separator_length(std::string_view text, std::size_t pos) {
  if (is_space(text[pos]) || text[pos] == '|') return 1;
  if (text.substr(pos).starts_with("<br")) {
    const std::size_t close = text.find('>', pos);
    if (close != std::string_view::npos && close - pos <= 5) return close + 1 - pos;
  }
  return 0;
}

std::vector<TextWord> text_words(std::string_view text) {
  std::vector<TextWord> words;
  std::size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size()) {
      const std::size_t length = separator_length(text, pos);
      if (length == 0) break;
      pos += length;
    }
    const std::size_t start = pos;
    while (pos < text.size() && separator_length(text, pos) == 0)
      ++pos;
    if (pos > start) {
      TextWord word{start, pos, {}};
      for (std::size_t i = start; i < pos; ++i)
        if (is_ascii_alnum(text[i])) word.skeleton.push_back(text[i]);
      words.push_back(std::move(word));
    }
  }
  return words;
}

// A phrase that may be written back: its words as written and their skeletons (words left
// empty by the converter are dropped: "Ở", "Đ").
enum class Context : std::uint8_t {
  anywhere,      // a fixed phrase of the header: the national name, the motto
  capitals,      // only written in capitals (a heading, an issuer cell, a post line)
  heading,       // a type name: in capitals, or before "s <number>" (a citation)
  before_colon,  // "Ni nhn:", "Knh gi:"
  sentence,      // "Cn c" opening a sentence
  law,           // a law's name, cited: in sentence case, the whole name before its date or the
                 // end of its clause
};

struct Phrase {
  std::vector<std::string> words;      // as written
  std::vector<std::string> skeletons;  // of each word kept, lower case
  Context context = Context::anywhere;
};

// A phrase one of whose words the converter left empty ("Đề án" → "n") is not proved by what
// remains: it has no phrase (empty skeletons). Words without letters ("-") are optional.
Phrase make_phrase(std::string_view written, Context context) {
  Phrase phrase;
  phrase.context = context;
  std::size_t letters = 0;
  for (std::string_view word : split_words(written)) {
    phrase.words.emplace_back(word);
    const std::string skeleton = ascii_lower(lost_letter_skeleton(word));
    const bool has_letters = std::any_of(word.begin(), word.end(), [](char c) {
      return is_ascii_alnum(c) || static_cast<unsigned char>(c) >= 0x80;
    });
    if (has_letters && skeleton.empty()) return Phrase{};
    if (!skeleton.empty()) phrase.skeletons.push_back(skeleton);
    letters += skeleton.size();
  }
  if (letters < 3) return Phrase{};
  return phrase;
}

// The phrases, each with a skeleton no other phrase of its kind shares: a skeleton two names
// share proves neither.
std::vector<Phrase> build_phrases() {
  std::vector<Phrase> out;
  const auto add_unique = [&out](const std::vector<std::string>& names, Context context) {
    std::map<std::string, int> counts;
    std::vector<Phrase> phrases;
    for (const std::string& name : names) {
      Phrase phrase = make_phrase(name, context);
      if (phrase.skeletons.empty()) continue;
      std::string key;
      for (const std::string& s : phrase.skeletons)
        key += s + " ";
      ++counts[key];
      phrases.push_back(std::move(phrase));
    }
    for (Phrase& phrase : phrases) {
      std::string key;
      for (const std::string& s : phrase.skeletons)
        key += s + " ";
      if (counts[key] == 1) out.push_back(std::move(phrase));
    }
  };
  // ND30 ô 1 (both spellings of "hòa"), the Party's name (Hướng dẫn 36), ô 9.
  add_unique({"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"}, Context::anywhere);
  add_unique({"CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"}, Context::anywhere);
  add_unique({"Độc lập - Tự do - Hạnh phúc"}, Context::anywhere);
  add_unique({"ĐẢNG CỘNG SẢN VIỆT NAM"}, Context::capitals);
  add_unique({"Nơi nhận", "Kính gửi"}, Context::before_colon);
  add_unique({"Căn cứ"}, Context::sentence);
  std::vector<std::string> types;
  for (const DocumentType& type : document_types())
    types.emplace_back(type.name);
  add_unique(types, Context::heading);
  // "Thủ trưởng" (the head of a body) shares "TH TRNG" with "Thứ trưởng": neither is proved.
  std::vector<std::string> names = known_names_as_written();
  names.emplace_back("Thủ trưởng");
  add_unique(names, Context::capitals);
  add_unique(std::vector<std::string>(std::begin(kLawNames), std::end(kLawNames)), Context::law);
  // Longest first: "PHÓ THỦ TƯỚNG" before "THỦ TƯỚNG".
  std::stable_sort(out.begin(), out.end(), [](const Phrase& a, const Phrase& b) {
    return a.skeletons.size() > b.skeletons.size();
  });
  return out;
}

const std::vector<Phrase>& phrases() {
  static const std::vector<Phrase> all = build_phrases();
  return all;
}

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), is_ascii_digit);
}

bool has_upper(std::string_view text) {
  return std::any_of(text.begin(), text.end(), is_ascii_upper);
}
bool has_lower(std::string_view text) {
  return std::any_of(text.begin(), text.end(), is_ascii_lower);
}

// A replacement of bytes [start, end) of the text.

class Restorer {
 public:
  explicit Restorer(std::string_view text) : text_(text), words_(text_words(text)) {}

  std::string run() {
    for (std::size_t i = 0; i < words_.size();) {
      const std::size_t used = restore_at(i);
      i += used > 0 ? used : 1;
    }
    return apply_edits(text_, edits_);
  }

 private:
  std::string_view word(std::size_t i) const {
    return text_.substr(words_[i].start, words_[i].end - words_[i].start);
  }
  std::string skel(std::size_t i) const {
    return i < words_.size() ? ascii_lower(words_[i].skeleton) : std::string();
  }

  // Words consumed at `i`, 0 when nothing there is written back.
  std::size_t restore_at(std::size_t i) {
    if (std::size_t used = restore_date(i)) return used;
    if (std::size_t used = restore_number_label(i)) return used;
    if (std::size_t used = restore_article(i)) return used;
    for (const Phrase& phrase : phrases())
      if (std::size_t used = restore_phrase(i, phrase)) return used;
    return 0;
  }

  // "ngy 22 thng 09 nm 2010" (ND30 ô 4), "ngy 10/7/2003".
  std::size_t restore_date(std::size_t i) {
    if (skel(i) != "ngy" || word(i) != "ngy" || i + 1 >= words_.size()) return 0;
    if (i + 5 < words_.size() && all_digits(word(i + 1)) && word(i + 2) == "thng" &&
        all_digits(word(i + 3)) && word(i + 4) == "nm" && words_[i + 5].skeleton.size() >= 4 &&
        all_digits(words_[i + 5].skeleton.substr(0, 4))) {
      replace(i, "ngày");
      replace(i + 2, "tháng");
      replace(i + 4, "năm");
      return 6;
    }
    const std::string_view next = word(i + 1);
    if (next.size() >= 6 && is_ascii_digit(next.front()) &&
        std::count(next.begin(), next.end(), '/') == 2) {
      replace(i, "ngày");
      return 2;
    }
    return 0;
  }

  // "S: 58/2010/Q-TTg" (ND30 ô 3): the number label.
  std::size_t restore_number_label(std::size_t i) {
    const std::string_view w = word(i);
    if ((w == "S:" || w == "s:") && i + 1 < words_.size() && is_ascii_digit(word(i + 1)[0])) {
      replace(i, w == "S:" ? "Số:" : "số:");
      return 1;  // the number may carry the next cell glued to it
    }
    return 0;
  }

  // "iu 1." (Điều): the article heading of ND30's body, a number and a dot.
  std::size_t restore_article(std::size_t i) {
    const std::string_view w = word(i);
    if (w != "iu" || i + 1 >= words_.size()) return 0;
    const std::string_view next = word(i + 1);
    if (next.size() < 2 || next.back() != '.' || !all_digits(next.substr(0, next.size() - 1)))
      return 0;
    if (i > 0 && !word(i - 1).empty()) {
      const char before = word(i - 1).back();
      if (before != '.' && before != ':' && before != ';') return 0;  // a sentence's word
    }
    replace(i, "Điều");
    return 2;
  }

  std::size_t restore_phrase(std::size_t i, const Phrase& phrase) {
    // The phrase's first word may be glued to the end of the word before it by the converter
    // ("58/2010/Q-TTgCNG HA ..."): after a change from lower case or a digit to capitals.
    std::size_t glue = 0;
    const std::string first = skel(i);
    if (first != phrase.skeletons[0]) {
      if (phrase.context != Context::anywhere) return 0;
      const std::string_view w = word(i);
      const std::string& want = phrase.skeletons[0];
      if (w.size() <= want.size()) return 0;
      const std::string tail = ascii_lower(w.substr(w.size() - want.size()));
      const char before = w[w.size() - want.size() - 1];
      if (tail != want || !has_upper(w.substr(w.size() - want.size())) ||
          !(is_ascii_lower(before) || is_ascii_digit(before)))
        return 0;
      glue = w.size() - want.size();
    }
    // The other words, skipping the text's words without letters ("-", "–").
    std::vector<std::size_t> matched{i};
    std::size_t j = i + 1;
    for (std::size_t k = 1; k < phrase.skeletons.size(); ++k) {
      while (j < words_.size() && words_[j].skeleton.empty())
        ++j;
      if (j >= words_.size() || skel(j) != phrase.skeletons[k]) return 0;
      // The last word may carry punctuation ("nhn:"); the others are whole words.
      matched.push_back(j++);
    }
    const std::size_t last = matched.back();
    std::string span(
        text_.substr(words_[i].start + glue, words_[last].end - words_[i].start - glue));
    const bool capitals = has_upper(span) && !has_lower(span);
    switch (phrase.context) {
      case Context::anywhere:
        break;
      case Context::capitals:
        if (!capitals) return 0;
        break;
      case Context::heading: {
        if (capitals) break;
        // Before "s <number>" ("Quyt nh s 153/2003/Q-TTg"), written in sentence case.
        const bool number_follows =
            last + 2 < words_.size() && word(last + 1) == "s" && is_ascii_digit(word(last + 2)[0]);
        if (!number_follows || !is_ascii_upper(span.front())) return 0;
        push_phrase(i, glue, last, phrase, false);
        replace(last + 1, "số");
        return last - i + 2;
      }
      case Context::law: {
        // "Lut Gio dc ngy 14 thng 6 nm 2005", "Lut T chc Chnh ph;": a name ends there.
        if (!is_ascii_upper(span.front())) return 0;
        const char end = word(last).back();
        const bool clause_end = end == ';' || end == ',' || end == '.';
        const bool date_follows =
            last + 1 < words_.size() && (word(last + 1) == "ngy" || word(last + 1) == "nm");
        if (!clause_end && !date_follows && last + 1 < words_.size()) return 0;
        // After "ca" (của) the name ends another one, not proved ("Lut sa i, b sung mt s
        // iu ca Lut Gio dc"): read back, it would cite the inner law with the outer's date.
        if (i > 0 && skel(i - 1) == "ca") return 0;
        break;
      }
      case Context::before_colon:
        if (!word(last).ends_with(":")) return 0;
        break;
      case Context::sentence: {
        if (i > 0 && !line_break_before(i)) {
          const char before = word(i - 1).back();
          if (before != '.' && before != ';' && before != ':' && before != ',') return 0;
        }
        if (last + 1 >= words_.size() || !is_ascii_upper(word(last + 1)[0])) return 0;
        break;
      }
    }
    push_phrase(i, glue, last, phrase, capitals);
    return last - i + 1;
  }

  bool line_break_before(std::size_t i) const {
    const std::string_view gap =
        text_.substr(words_[i - 1].end, words_[i].start - words_[i - 1].end);
    return gap.find('\n') != std::string_view::npos;
  }

  // Writes the phrase over words i..last (from byte `glue` of word i), keeping the punctuation
  // that follows its last letter ("nhn:" → "nhận:").
  void push_phrase(std::size_t i, std::size_t glue, std::size_t last, const Phrase& phrase,
                   bool capitals) {
    std::string written;
    for (std::size_t k = 0; k < phrase.words.size(); ++k) {
      if (!written.empty()) written += ' ';
      written += capitals ? upper(phrase.words[k]) : phrase.words[k];
    }
    const std::string_view w = word(last);
    std::size_t cut = w.size();
    while (cut > 0 && !is_ascii_alnum(w[cut - 1]))
      --cut;
    const std::string trailing(w.substr(cut));
    TextEdit edit{words_[i].start + glue, words_[last].end,
                  (glue > 0 ? " " : "") + written + trailing};
    edits_.push_back(std::move(edit));
  }

  void replace(std::size_t i, std::string_view written) {
    edits_.push_back({words_[i].start, words_[i].end, std::string(written)});
  }

  std::string_view text_;
  std::vector<TextWord> words_;
  std::vector<TextEdit> edits_;  // in text order, not overlapping
};

// The date line of ND30 ô 4 or the motto as this converter leaves them; no Vietnamese text
// written in full has them.
bool is_lost_letter_text(std::string_view text) {
  const std::size_t month = text.find(" thng ");
  if (month != std::string_view::npos) {
    const std::size_t year = text.find(" nm ", month);
    if (year != std::string_view::npos && year - month < 12 &&
        text.substr(0, month).rfind("ngy ") != std::string_view::npos)
      return true;
  }
  return text.find("T do") != std::string_view::npos &&
         text.find("Hnh phc") != std::string_view::npos;
}

// Whether the eth at byte `at` (Ð or ð) stands for Đ or đ: the word around it (its run of
// letters) is written in the Vietnamese alphabet, the eth aside, and is a syllable with Đ
// ("Ðiều", "Ðảng"), a word in capitals (an abbreviation or a code: "HÐND", "QÐ"), or the eth
// alone (a point "ð)", ND30's points run a) b) c) d) đ)). An eth right after Đ is the same
// letter read twice ("QĐÐ"), which the symbol reader drops; it stays for it.
bool eth_stands_for_d(std::string_view text, std::size_t at) {
  std::size_t begin = at;
  while (begin > 0) {
    std::size_t before = begin - 1;
    while (before > 0 && (static_cast<unsigned char>(text[before]) & 0xC0) == 0x80)
      --before;
    if (!is_letter(code_point_at(text, before))) break;
    begin = before;
  }
  std::u32string word;
  bool capitals = true;
  char32_t previous = 0;
  for (std::size_t pos = begin, length = 0; pos < text.size(); pos += length) {
    const char32_t c = code_point_at(text, pos, &length);
    if (length == 0 || !is_letter(c)) break;
    if (pos == at && (previous == U'Đ' || previous == U'đ')) return false;
    previous = c;
    const char32_t letter = c == U'\u00D0' ? U'Đ' : c == U'\u00F0' ? U'đ' : c;
    const letters::LetterInfo info = letters::info(letter);
    if (!info.known) return false;
    capitals = capitals && info.lower != letter;
    word.push_back(letter);
  }
  return word.size() == 1 || capitals || syllable::is_vietnamese(word);
}

}  // namespace

std::string lost_letter_skeleton(std::string_view word) {
  std::string out;
  for (char c : word)
    if (is_ascii_alnum(c)) out.push_back(c);
  return out;
}

std::optional<std::string> with_font_look_alikes_mended(std::string_view text) {
  // "ƣ" is C6 A3, "Ƣ" C6 A2; "ư" is C6 B0, "Ư" C6 AF. The eth "Ð" is C3 90, "ð" C3 B0; "Đ" is
  // C4 90, "đ" C4 91. Each pair is looked for on its own (most texts hold none).
  std::optional<std::string> out;
  const auto mend = [&](std::string_view from, std::string_view to, bool eth) {
    for (std::size_t at = text.find(from); at != std::string_view::npos;
         at = text.find(from, at + 2)) {
      if (eth && !eth_stands_for_d(text, at)) continue;
      if (!out) out.emplace(text);
      out->replace(at, 2, to);
    }
  };
  mend("\xC6\xA3", "\xC6\xB0", false);
  mend("\xC6\xA2", "\xC6\xAF", false);
  mend("\xC3\x90", "\xC4\x90", true);
  mend("\xC3\xB0", "\xC4\x91", true);
  return out;
}

std::optional<std::string> restore_lost_letters(std::string_view text) {
  if (!is_lost_letter_text(text)) return std::nullopt;
  return Restorer(text).run();
}

}  // namespace vanban::analyzers::structure
