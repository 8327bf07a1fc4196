// Writes back the structure words of a text that lost every diacritic. Rules from Decree 30's
// parts and their fixed wording, the tables of type names, bodies, posts, levels and provinces,
// and what such a text is (each letter kept, its marks dropped, đ read as d), never from a
// document.
#include "structure/no_diacritics.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <vector>

#include "vanban/analyzers/fold.hpp"

#include "structure/body_names.hpp"
#include "structure/tables.hpp"
#include "structure/text.hpp"
#include "syllable.hpp"

namespace vanban::analyzers::structure {
namespace {

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), is_ascii_digit);
}

// A Vietnamese letter with a mark starts with one of these UTF-8 lead bytes: C3-C6 (Latin-1
// Supplement and Latin Extended-A/B: à, ă, đ, ơ, ư ...) or E1 BA/BB (Latin Extended
// Additional: ạ, ả, ấ ...). Dashes, quotes and spaces of other blocks are no letters.
bool marked_letter_at(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c >= 0xC3 && c <= 0xC6) return true;
  if (c == 0xE1 && i + 1 < text.size()) {
    const auto next = static_cast<unsigned char>(text[i + 1]);
    return next == 0xBA || next == 0xBB;
  }
  return false;
}

bool has_marked_letter(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i)
    if (marked_letter_at(text, i)) return true;
  return false;
}

// A word of the text: where it stands, and its key (its ASCII letters and digits, lower case);
// a word with a mark of its own has none, so that no phrase is written over it.
struct TextWord {
  std::size_t start = 0;
  std::size_t end = 0;
  std::string key;
  bool marked = false;
};

std::vector<TextWord> text_words(std::string_view text) {
  std::vector<TextWord> words;
  std::size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && (is_space(text[pos]) || text[pos] == '|'))
      ++pos;
    const std::size_t start = pos;
    while (pos < text.size() && !is_space(text[pos]) && text[pos] != '|')
      ++pos;
    if (pos == start) continue;
    TextWord word{start, pos, {}, false};
    for (std::size_t i = start; i < pos; ++i) {
      if (marked_letter_at(text, i)) word.marked = true;
      if (is_ascii_alnum(text[i]))
        word.key.push_back(is_ascii_upper(text[i]) ? static_cast<char>(text[i] - 'A' + 'a')
                                                   : text[i]);
    }
    if (word.marked) word.key.clear();
    words.push_back(std::move(word));
  }
  return words;
}

enum class Context : std::uint8_t {
  anywhere,      // the national name, the motto
  capitals,      // written in capitals (an issuer cell, a post line, a heading)
  name,          // a province: each word capitalised, in title case or capitals
  heading,       // a type's name: in capitals, or before "so <number>" or a symbol
  before_colon,  // "Noi nhan:", "Kinh gui:"
  sentence,      // "Can cu" opening a sentence, before a capitalised word
  after_prefix,  // a post or body after a signing authority's prefix ("KT. Chu tich")
  law,           // a law's, code's or ordinance's name cited (the table of law names), whole
  opening,       // a capitalised opening of a cited name ("Luat sua doi, bo sung ...")
};

// Names of laws, codes and ordinances as written (the table the citations read by).
constexpr std::string_view kLawNames[] = {
#include "structure/law_names.inc"
};

struct Phrase {
  std::vector<std::string> words;  // as written, with their marks
  std::vector<std::string> keys;   // folded, letters and digits only
  Context context = Context::anywhere;
};

Phrase make_phrase(std::string_view written, Context context) {
  Phrase phrase;
  phrase.context = context;
  for (std::string_view word : split_words(written)) {
    std::string key;
    for (char c : fold(word))
      if (is_ascii_alnum(c)) key.push_back(c);
    phrase.words.emplace_back(word);
    if (!key.empty()) phrase.keys.push_back(std::move(key));
  }
  return phrase;
}

// Each context's phrases whose folded words no other phrase of the same tables shares: a key two
// names share ("thu truong": Thủ trưởng, Thứ trưởng) proves neither. A phrase that has no mark
// to write back is left out (it reads the same).
void add_unique(std::vector<Phrase>& out, const std::vector<std::string>& names, Context context,
                std::size_t min_words = 1) {
  std::map<std::string, std::set<std::string>> spellings;
  std::vector<Phrase> phrases;
  for (const std::string& name : names) {
    Phrase phrase = make_phrase(name, context);
    if (phrase.keys.size() < min_words) continue;
    std::string key;
    for (const std::string& k : phrase.keys)
      key += k + " ";
    // "Hòa" and "Hoà" are one spelling (the tone's placement), in any case.
    spellings[key].insert(exact_form(name));
    phrases.push_back(std::move(phrase));
  }
  std::set<std::string> taken;
  for (Phrase& phrase : phrases) {
    std::string key;
    for (const std::string& k : phrase.keys)
      key += k + " ";
    std::string written;
    for (const std::string& w : phrase.words)
      written += w + " ";
    if (spellings[key].size() != 1 || !has_marked_letter(written) || !taken.insert(key).second)
      continue;
    out.push_back(std::move(phrase));
  }
}

std::vector<Phrase> build_phrases() {
  std::vector<Phrase> out;
  add_unique(out, {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"},
             Context::anywhere);
  add_unique(out, {"ĐẢNG CỘNG SẢN VIỆT NAM"}, Context::capitals);
  add_unique(out, {"Nơi nhận", "Kính gửi"}, Context::before_colon);
  add_unique(out, {"Căn cứ"}, Context::sentence);
  std::vector<std::string> types;
  for (const DocumentType& type : document_types())
    types.emplace_back(type.name);
  add_unique(out, types, Context::heading);
  std::vector<std::string> provinces;
  for (std::string_view province : province_names())
    provinces.emplace_back(province);
  add_unique(out, provinces, Context::name);
  // Bodies, posts and levels: one table, so that a key a body and a post share proves neither;
  // "Thủ trưởng" (a body's head) shares "thu truong" with "Thứ trưởng".
  std::vector<std::string> names = known_names_as_written();
  names.emplace_back("Thủ trưởng");
  for (std::string_view level : administrative_levels())
    names.emplace_back(level);
  add_unique(out, names, Context::capitals);
  add_unique(out, names, Context::after_prefix);
  // Laws cited by name (ND30 Phụ lục II: type and name, no number), the constitution by its
  // full name, and the opening of an amending law's name, whose laws follow it.
  std::vector<std::string> laws(std::begin(kLawNames), std::end(kLawNames));
  laws.emplace_back("Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam");
  add_unique(out, laws, Context::law);
  add_unique(out,
             {"Luật sửa đổi, bổ sung một số điều của", "Luật sửa đổi, bổ sung một số điều",
              "Bộ luật sửa đổi, bổ sung một số điều của", "Luật sửa đổi, bổ sung"},
             Context::opening);
  // Longest first: "PHÓ CHỦ TỊCH" before "CHỦ TỊCH".
  std::stable_sort(out.begin(), out.end(),
                   [](const Phrase& a, const Phrase& b) { return a.keys.size() > b.keys.size(); });
  return out;
}

struct PhraseTable {
  std::vector<Phrase> all;  // longest first
  // The phrases by their first word's key, in the same order; and those that may be glued to
  // the word before them (the national name, the motto).
  std::map<std::string, std::vector<const Phrase*>, std::less<>> by_first_key;
  std::vector<const Phrase*> gluable;
};

const PhraseTable& phrases() {
  static const PhraseTable table = [] {
    PhraseTable out;
    out.all = build_phrases();
    for (const Phrase& phrase : out.all) {
      out.by_first_key[phrase.keys.front()].push_back(&phrase);
      if (phrase.context == Context::anywhere) out.gluable.push_back(&phrase);
    }
    return out;
  }();
  return table;
}

// "tinh", "huyen", "xa" ...: an administrative level of one word.
bool is_level_key(std::string_view key) {
  static const std::set<std::string> keys = [] {
    std::set<std::string> out;
    for (std::string_view level : administrative_levels())
      if (level.find(' ') == std::string_view::npos) out.insert(fold(level));
    return out;
  }();
  return keys.contains(std::string(key));
}

// The stretches written without diacritics: a line counts when the lines around it (20 on each
// side) hold at least 12 words of letters and fewer than one in twenty carry a mark. Text with
// its diacritics has most of its words marked; an OCR layer that lost them has none but a
// stamp's line or a speck.
std::vector<bool> bare_lines(std::string_view text, std::vector<std::size_t>& line_starts) {
  std::vector<int> words;
  std::vector<int> marked;
  line_starts.push_back(0);
  int line_words = 0;
  int line_marked = 0;
  bool in_word = false;
  bool word_letters = false;
  bool word_marked = false;
  const auto end_word = [&] {
    if (in_word && (word_letters || word_marked)) {
      ++line_words;
      line_marked += word_marked ? 1 : 0;
    }
    in_word = word_letters = word_marked = false;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      end_word();
      words.push_back(line_words);
      marked.push_back(line_marked);
      line_words = line_marked = 0;
      line_starts.push_back(i + 1);
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r') {
      end_word();
      continue;
    }
    in_word = true;
    if (is_ascii_upper(c) || is_ascii_lower(c)) word_letters = true;
    if (marked_letter_at(text, i)) word_marked = true;
  }
  end_word();
  words.push_back(line_words);
  marked.push_back(line_marked);
  const std::size_t n = words.size();
  std::vector<int> sum_words(n + 1, 0);
  std::vector<int> sum_marked(n + 1, 0);
  for (std::size_t i = 0; i < n; ++i) {
    sum_words[i + 1] = sum_words[i] + words[i];
    sum_marked[i + 1] = sum_marked[i] + marked[i];
  }
  constexpr std::size_t kSide = 20;
  std::vector<bool> bare(n, false);
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t from = i > kSide ? i - kSide : 0;
    const std::size_t to = std::min(n, i + kSide + 1);
    const int w = sum_words[to] - sum_words[from];
    const int m = sum_marked[to] - sum_marked[from];
    bare[i] = w >= 12 && m * 20 < w;
  }
  return bare;
}

class Restorer {
 public:
  Restorer(std::string_view text, std::vector<bool> bare, std::vector<std::size_t> line_starts)
      : text_(text),
        words_(text_words(text)),
        bare_(std::move(bare)),
        line_starts_(std::move(line_starts)) {}

  // Nullopt when nothing shows a document of Decree 30 (its national name, motto, a date line,
  // "Noi nhan:", "Can cu"): a text in another language has no marks either.
  std::optional<std::string> run() {
    for (std::size_t i = 0; i < words_.size();) {
      const std::size_t used = in_bare_line(i) ? restore_at(i) : 0;
      i += used > 0 ? used : 1;
    }
    if (!proved_document_ || edits_.empty()) return std::nullopt;
    return apply_edits(text_, edits_);
  }

 private:
  bool in_bare_line(std::size_t i) const {
    const auto line = std::upper_bound(line_starts_.begin(), line_starts_.end(), words_[i].start);
    return bare_[static_cast<std::size_t>(line - line_starts_.begin()) - 1];
  }
  std::string_view word(std::size_t i) const {
    return text_.substr(words_[i].start, words_[i].end - words_[i].start);
  }
  const std::string& key(std::size_t i) const {
    static const std::string none;
    return i < words_.size() ? words_[i].key : none;
  }
  bool line_break_before(std::size_t i) const {
    if (i == 0) return true;
    const std::string_view gap =
        text_.substr(words_[i - 1].end, words_[i].start - words_[i - 1].end);
    return gap.find('\n') != std::string_view::npos;
  }
  bool starts_with_digit(std::size_t i) const {
    return i < words_.size() && !word(i).empty() && is_ascii_digit(word(i)[0]);
  }

  std::size_t restore_at(std::size_t i) {
    if (words_[i].key.empty()) return 0;
    if (std::size_t used = restore_date(i)) return used;
    if (std::size_t used = restore_number_label(i)) return used;
    if (std::size_t used = restore_article(i)) return used;
    const PhraseTable& table = phrases();
    if (const auto found = table.by_first_key.find(key(i)); found != table.by_first_key.end())
      for (const Phrase* phrase : found->second)
        if (std::size_t used = restore_phrase(i, *phrase)) return used;
    for (const Phrase* phrase : table.gluable)
      if (phrase->keys.front() != key(i))
        if (std::size_t used = restore_phrase(i, *phrase)) return used;
    return 0;
  }

  // "ngay 05 thang 3 nam 2021" (ND30 ô 4; a blank or dotted day too: "ngay ... thang 3 nam
  // 2021", "ngay  thang 3 nam 2021"), "thang 3 nam 2021", "ngay 26/11/2021".
  std::size_t restore_date(std::size_t i) {
    const std::string& k = key(i);
    if (k == "ngay" && i + 1 < words_.size()) {
      const std::string_view next = word(i + 1);
      if (next.size() >= 6 && is_ascii_digit(next.front()) &&
          std::count(next.begin(), next.end(), '/') == 2) {
        replace(i, "ngày");
        return 2;
      }
    }
    if (k != "thang" || i + 3 >= words_.size() || !all_digits(word(i + 1)) || key(i + 2) != "nam" ||
        words_[i + 3].key.size() < 4 || !all_digits(word(i + 3).substr(0, 4)))
      return 0;
    // The day: "ngay 05", "ngay ...", or "ngay" right before "thang" (a blank day).
    for (std::size_t back = 1; back <= 2 && back <= i; ++back) {
      if (key(i - back) != "ngay") continue;
      const bool day_between = back == 1 || all_digits(word(i - 1)) || key(i - 1).empty();
      if (day_between) replace(i - back, "ngày");
      break;
    }
    replace(i, "tháng");
    replace(i + 2, "năm");
    proved_document_ = true;
    return 4;
  }

  // "So: 12/QD-UBND", "SO: 05/KH-UBND", "So 221-KL/TW" (ND30 ô 3, HD36): the number label
  // before a number or the dots of a blank one, opening its line or after a cell on one line.
  std::size_t restore_number_label(std::size_t i) {
    const std::string_view w = word(i);
    if (key(i) != "so") return 0;
    const bool colon = w.ends_with(":");
    std::size_t next = i + 1;
    if (!colon && next < words_.size() && word(next) == ":") ++next;
    if (next >= words_.size()) return 0;
    const std::string_view after = word(next);
    const bool number = is_ascii_digit(after[0]) || after[0] == '.' || after[0] == '/';
    if (!number || (!colon && next == i + 1 && !line_break_before(i))) return 0;
    restore_so(i);
    return next - i;
  }

  // "Dieu 1." opening a line (ND30 Phụ lục II: the article's heading).
  std::size_t restore_article(std::size_t i) {
    if (key(i) != "dieu" || !line_break_before(i) || i + 1 >= words_.size()) return 0;
    const std::string_view w = word(i);
    const std::string_view next = word(i + 1);
    if (w.size() != 4 || next.size() < 2 || !all_digits(next.substr(0, next.size() - 1)) ||
        (next.back() != '.' && next.back() != ':'))
      return 0;
    replace(i, is_ascii_upper(w[1]) ? "ĐIỀU" : (w[0] == 'D' ? "Điều" : "điều"));
    return 2;
  }

  std::size_t restore_phrase(std::size_t i, const Phrase& phrase) {
    std::size_t glue = 0;
    if (key(i) != phrase.keys[0]) {
      // The national name glued to the cell before it ("HA TINHCONG HOA XA HOI ..."): after a
      // change from lower case or a digit, or a word in capitals the motto's first word ends.
      if (phrase.context != Context::anywhere) return 0;
      const std::string_view w = word(i);
      const std::string upper_key = upper(phrase.keys[0]);
      if (w.size() <= upper_key.size() || !w.ends_with(upper_key)) return 0;
      glue = w.size() - upper_key.size();
    }
    std::vector<std::size_t> matched{i};
    std::size_t j = i + 1;
    for (std::size_t k = 1; k < phrase.keys.size(); ++k) {
      // Words without letters ("-", "–") stand between the motto's words.
      while (j < words_.size() && words_[j].key.empty() && !words_[j].marked)
        ++j;
      if (j >= words_.size() || key(j) != phrase.keys[k]) return 0;
      matched.push_back(j++);
    }
    const std::size_t last = matched.back();
    const std::string_view span =
        text_.substr(words_[i].start + glue, words_[last].end - words_[i].start - glue);
    const bool capitals = std::any_of(span.begin(), span.end(), is_ascii_upper) &&
                          std::none_of(span.begin(), span.end(), is_ascii_lower);
    const auto all_capitalised = [&] {
      return std::all_of(matched.begin(), matched.end(),
                         [&](std::size_t m) { return is_ascii_upper(word(m)[0]); });
    };
    switch (phrase.context) {
      case Context::anywhere:
        proved_document_ = true;
        break;
      case Context::capitals:
        if (!capitals) return 0;
        // One word ("SO", "BO", "TINH"): opening its line, as a cell or a post line does, or a
        // level before the name of its place ("UBND TINH HA TINH"); inside a title in capitals
        // it may be another word ("BO SUNG": bổ sung).
        if (phrase.keys.size() == 1 && !line_break_before(i) && !after_prefix(i) &&
            !(is_level_key(phrase.keys[0]) && i + 1 < words_.size() && !line_break_before(i + 1) &&
              is_ascii_upper(word(i + 1)[0])))
          return 0;
        break;
      case Context::after_prefix:
        if (!after_prefix(i) || !is_ascii_upper(span.front())) return 0;
        push_phrase(i, 0, last, phrase, false);
        return last - i + 1;
      case Context::name:
        if (!all_capitalised()) return 0;
        break;
      case Context::heading: {
        if (capitals && phrase.keys.size() >= 2) break;
        if (capitals && line_break_before(i)) break;
        // Before "so <number>" or a symbol ("Nghi dinh so 15/2020/ND-CP", "Thong tu
        // 09/2016/TT-BTC").
        const bool so_follows = key(last + 1) == "so" && starts_with_digit(last + 2);
        const bool symbol_follows =
            starts_with_digit(last + 1) && word(last + 1).find('/') != std::string_view::npos;
        if (!so_follows && !symbol_follows) return 0;
        if (!is_ascii_upper(span.front())) {
          // In lower case only a name of two words or more ("nghi dinh so ..."): one word may
          // be another ("luat" alone is a type only by its capital).
          if (phrase.keys.size() < 2) return 0;
        }
        push_phrase(i, 0, last, phrase, capitals);
        if (!so_follows) return last - i + 1;
        restore_so(last + 1);
        return last - i + 2;
      }
      case Context::opening:
        if (!is_ascii_upper(span.front())) return 0;
        break;
      case Context::law: {
        // Capitalised as a name ("Luat Dat dai"); a name of two words compared in case too
        // ("Luat gia", a jurist, is no "Luật Giá"). The name ends there: its clause ends, its
        // date, number or year follows, another law ("va Luat ..."), or the line ends.
        if (!is_ascii_upper(span.front())) return 0;
        if (phrase.keys.size() == 2 &&
            is_ascii_upper(word(last)[0]) != starts_upper(phrase.words.back()))
          return 0;
        const char end = word(last).back();
        const bool clause_end = end == ';' || end == ',' || end == '.' || end == ')';
        const std::string& next = key(last + 1);
        const bool follows = last + 1 >= words_.size() || line_break_before(last + 1) ||
                             next == "ngay" || next == "nam" || next == "va" || next == "so" ||
                             starts_with_digit(last + 1);
        if (!clause_end && !follows) return 0;
        push_phrase(i, 0, last, phrase, capitals);
        if (next != "so" || !starts_with_digit(last + 2)) return last - i + 1;
        restore_so(last + 1);
        return last - i + 2;
      }
      case Context::before_colon:
        if (!word(last).ends_with(":") &&
            !(last + 1 < words_.size() && word(last + 1).starts_with(":")))
          return 0;
        proved_document_ = true;
        break;
      case Context::sentence: {
        if (i > 0 && !line_break_before(i)) {
          const char before = word(i - 1).back();
          if (before != '.' && before != ';' && before != ':' && before != ',') return 0;
        }
        if (last + 1 >= words_.size() || !is_ascii_upper(word(last + 1)[0])) return 0;
        proved_document_ = true;
        break;
      }
    }
    push_phrase(i, glue, last, phrase, capitals);
    return last - i + 1;
  }

  // "So" (its two letters; a colon may follow) written "Số" in the word's case.
  void restore_so(std::size_t i) {
    const std::string_view so = word(i);
    edits_.push_back({words_[i].start, words_[i].start + 2,
                      is_ascii_upper(so[1]) ? "SỐ" : (so[0] == 'S' ? "Số" : "số")});
  }

  // Right after "KT.", "TM.", "TL.", "TUQ.", "Q." (ND30 ô 7a), on the same line or opening the
  // next.
  bool after_prefix(std::size_t i) const {
    if (i == 0) return false;
    const std::string_view before = word(i - 1);
    return authority_prefix_length(before) == before.size();
  }

  // Writes the phrase over words i..last (from byte `glue` of word i), its case as the text's
  // (capitals, or each word's first letter as written), keeping the punctuation around it.
  void push_phrase(std::size_t i, std::size_t glue, std::size_t last, const Phrase& phrase,
                   bool capitals) {
    // Word by word where the counts agree, so that the text's own separators stay.
    std::vector<std::size_t> at;
    for (std::size_t j = i; j <= last; ++j)
      if (!words_[j].key.empty()) at.push_back(j);
    std::vector<std::string> written;
    for (const std::string& w : phrase.words)
      if (std::any_of(w.begin(), w.end(), [](char c) {
            return is_ascii_alnum(c) || static_cast<unsigned char>(c) >= 0x80;
          }))
        written.push_back(w);
    if (at.size() != written.size()) return;
    for (std::size_t k = 0; k < at.size(); ++k) {
      const std::size_t j = at[k];
      const std::string_view w = word(j);
      const std::size_t from = j == i ? glue : 0;
      // The letters of the word: from its first letter to its last, signs outside stay.
      std::size_t a = from;
      while (a < w.size() && !is_ascii_alnum(w[a]))
        ++a;
      std::size_t b = w.size();
      while (b > a && !is_ascii_alnum(w[b - 1]))
        --b;
      std::string replacement = j == i && glue > 0 ? " " : "";
      if (capitals) {
        replacement += upper(written[k]);
      } else if (is_ascii_upper(w[a])) {
        replacement += capitalize_first(lower(written[k]));
      } else {
        replacement += lower(written[k]);
      }
      // A word the table writes in capitals keeps them ("UBND" never comes here: no mark).
      if (!capitals && is_upper_text(written[k]) && written[k].size() > 2) replacement = written[k];
      edits_.push_back({words_[j].start + a, words_[j].start + b, std::move(replacement)});
    }
  }

  void replace(std::size_t i, std::string_view written) {
    const std::string_view w = word(i);
    std::size_t a = 0;
    while (a < w.size() && !is_ascii_alnum(w[a]))
      ++a;
    std::size_t b = w.size();
    while (b > a && !is_ascii_alnum(w[b - 1]))
      --b;
    std::string out(written);
    if (is_ascii_upper(w[a]) && b > a + 1 && is_ascii_upper(w[a + 1])) {
      out = upper(written);
    } else if (is_ascii_upper(w[a])) {
      out = capitalize_first(written);
    }
    edits_.push_back({words_[i].start + a, words_[i].start + b, std::move(out)});
  }

  std::string_view text_;
  std::vector<TextWord> words_;
  std::vector<bool> bare_;
  std::vector<std::size_t> line_starts_;
  std::vector<TextEdit> edits_;  // in text order, not overlapping
  bool proved_document_ = false;
};

// The words the tables spell without any mark, and the folded words they spell with one.
struct NameWords {
  std::set<std::string> unmarked;  // lower case
  std::set<std::string> marked_folds;
  std::vector<std::vector<std::string>> unmarked_places;  // "an giang", "long an", lower case
};

const NameWords& name_words() {
  static const NameWords words = [] {
    NameWords out;
    std::vector<std::string> names = known_names_as_written();
    for (std::string_view province : province_names())
      names.emplace_back(province);
    for (std::string_view level : administrative_levels())
      names.emplace_back(level);
    for (std::string_view province : province_names()) {
      if (has_marked_letter(province)) continue;
      std::vector<std::string> place;
      for (std::string_view w : split_words(province))
        place.push_back(lower(w));
      out.unmarked_places.push_back(std::move(place));
    }
    for (const std::string& name : names)
      for (std::string_view w : split_words(name)) {
        if (has_marked_letter(w)) {
          out.marked_folds.insert(fold(w));
        } else {
          out.unmarked.insert(lower(w));
        }
      }
    return out;
  }();
  return words;
}

// The vowels a mark may sit on once dropped, and what they may have been.
std::u32string_view variants_of(char32_t c) {
  switch (c) {
    case U'a':
      return U"aăâ";
    case U'e':
      return U"eê";
    case U'o':
      return U"oôơ";
    case U'u':
      return U"uư";
    default:
      return {};
  }
}

bool some_marking_is_name_syllable(std::u32string& word, std::size_t from) {
  for (std::size_t k = from; k < word.size(); ++k) {
    const std::u32string_view variants = variants_of(word[k]);
    if (variants.empty()) continue;
    const char32_t kept = word[k];
    for (const char32_t v : variants) {
      word[k] = v;
      if (some_marking_is_name_syllable(word, k + 1)) {
        word[k] = kept;
        return true;
      }
    }
    word[k] = kept;
    return false;
  }
  return syllable::is_name_syllable(word);
}

}  // namespace

std::optional<std::string> restore_diacritics(std::string_view text) {
  std::vector<std::size_t> line_starts;
  std::vector<bool> bare = bare_lines(text, line_starts);
  if (std::none_of(bare.begin(), bare.end(), [](bool b) { return b; })) return std::nullopt;
  return Restorer(text, std::move(bare), std::move(line_starts)).run();
}

bool is_proved_name(std::string_view name) {
  const NameWords& words = name_words();
  const std::vector<std::string_view> all = split_words(name);
  for (std::size_t i = 0; i < all.size(); ++i) {
    // A province the table writes without any mark ("An Giang", "Long An") is proved whole.
    bool place = false;
    for (const std::vector<std::string>& unmarked : words.unmarked_places) {
      if (i + unmarked.size() > all.size()) continue;
      std::size_t k = 0;
      while (k < unmarked.size() && lower(all[i + k]) == unmarked[k])
        ++k;
      if (k == unmarked.size()) {
        i += unmarked.size() - 1;
        place = true;
        break;
      }
    }
    if (place) continue;
    const std::string_view word = all[i];
    std::string_view letters = word;
    while (!letters.empty() && !is_ascii_alnum(letters.front()) &&
           static_cast<unsigned char>(letters.front()) < 0x80)
      letters.remove_prefix(1);
    while (!letters.empty() && !is_ascii_alnum(letters.back()) &&
           static_cast<unsigned char>(letters.back()) < 0x80)
      letters.remove_suffix(1);
    if (letters.empty() || has_marked_letter(letters) || all_digits(letters)) continue;
    // An abbreviation or a code in capitals ("UBND", "CNTT", "XIII").
    if (letters.size() >= 2 && std::none_of(letters.begin(), letters.end(), is_ascii_lower))
      continue;
    const std::string lowered = lower(letters);
    if (!words.unmarked.contains(lowered) || words.marked_folds.contains(lowered)) return false;
  }
  return true;
}

bool is_bare_personal_name(std::string_view name) {
  const std::vector<std::string_view> words = split_words(trim(name));
  if (words.size() < 2 || words.size() > 6) return false;
  for (std::string_view word : words) {
    if (word.empty() || !is_ascii_upper(word[0])) return false;
    std::u32string lowered;
    for (std::size_t k = 0; k < word.size(); ++k) {
      const char c = word[k];
      if (!is_ascii_upper(c) && !is_ascii_lower(c)) return false;
      if (k > 0 && is_ascii_upper(c) && word.size() > 1 && !is_ascii_upper(word[1])) return false;
      lowered.push_back(static_cast<char32_t>(is_ascii_upper(c) ? c - 'A' + 'a' : c));
    }
    // "d" may have been "đ".
    bool ok = some_marking_is_name_syllable(lowered, 0);
    if (!ok && lowered[0] == U'd') {
      lowered[0] = U'đ';
      ok = some_marking_is_name_syllable(lowered, 0);
    }
    if (!ok) return false;
  }
  return true;
}

}  // namespace vanban::analyzers::structure
