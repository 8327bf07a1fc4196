#include "structure/law_names.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "vanban/analyzers/fold.hpp"

#include "structure/citation_cursor.hpp"
#include "structure/text.hpp"

namespace vanban::analyzers::structure {
namespace {

constexpr std::string_view kNames[] = {
#include "structure/law_names.inc"
};

// One word of a name as a key: punctuation around it dropped, in its exact form (case and
// tone placement unified: "hoà" = "hòa") and folded (diacritics dropped too).
struct KeyWord {
  std::string exact;
  std::string folded;
  bool ascii = true;  // written without diacritics: only its folded form can be compared
  std::size_t start = 0;
  std::size_t end = 0;  // after the word without its trailing punctuation
  bool closes = false;  // punctuation other than a comma follows: the name cannot go on
  bool comma = false;   // a comma follows: the name goes on
  // One dot, then a word in lower case: an OCR engine's dot for a comma ("quá cảnh. cư trú"),
  // which a name the table knows may go on across (mended_law_name only).
  bool dot_for_comma = false;
};

std::optional<KeyWord> key_word(std::string_view text, std::size_t start, std::size_t end) {
  const std::size_t stop = strip_trailing_punctuation(text, start, end);
  if (stop == start) return std::nullopt;
  KeyWord word;
  const std::string_view written = text.substr(start, stop - start);
  word.exact = exact_form(written);
  word.folded = fold(written);
  word.ascii = std::all_of(written.begin(), written.end(),
                           [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  word.start = start;
  word.end = stop;
  word.comma = stop < end && text[stop] == ',' && end - stop == 1;
  word.closes = stop < end && !word.comma;
  return word;
}

// A name's words are compared with their diacritics ("Luật gia", a jurist, is not "Luật Giá",
// the Law on Prices); a text written without any (an OCR layer that lost them) by their folded
// forms.
struct Key {
  std::string exact;
  std::string folded;
  bool ascii = true;
  void add(const KeyWord& word) {
    if (!exact.empty()) {
      exact.push_back(' ');
      folded.push_back(' ');
    }
    exact += word.exact;
    folded += word.folded;
    ascii = ascii && word.ascii;
  }
};

struct Table {
  std::unordered_set<std::string> names;     // exact forms
  std::unordered_set<std::string> prefixes;  // every name's leading words, the name included
  std::unordered_set<std::string> folded_names;
  std::unordered_set<std::string> folded_prefixes;
  std::unordered_map<std::string, std::string_view>
      written;  // exact form -> as the table writes it
  // Leading words (exact form) -> the words that follow them in some name.
  std::unordered_map<std::string, std::vector<std::string>> next_words;
  // Leading words (exact form) -> the one name they begin, or an empty view when several.
  std::unordered_map<std::string, std::string_view> only_name;
  Table() {
    for (std::string_view name : kNames) {
      Key key;
      for (std::string_view word : split_words(name)) {
        const auto part = key_word(word, 0, word.size());
        if (!part) continue;
        if (!key.exact.empty()) {
          auto& next = next_words[key.exact];
          if (std::find(next.begin(), next.end(), part->exact) == next.end())
            next.push_back(part->exact);
        }
        key.add(*part);
        prefixes.insert(key.exact);
        folded_prefixes.insert(key.folded);
        const auto [at, inserted] = only_name.emplace(key.exact, name);
        if (!inserted && at->second != name) at->second = std::string_view{};
      }
      names.insert(key.exact);
      folded_names.insert(key.folded);
      written.emplace(key.exact, name);
    }
  }
  bool is_prefix(const Key& key) const {
    return prefixes.contains(key.exact) || (key.ascii && folded_prefixes.contains(key.folded));
  }
  bool is_name(const Key& key) const {
    return names.contains(key.exact) || (key.ascii && folded_names.contains(key.folded));
  }
};

const Table& table() {
  static const Table instance;
  return instance;
}

// The words of text from `pos`, read as keys when asked for, up to the end of the paragraph
// (a line break), a word that closes the reading, or `kLimit` words.
class WordReader {
 public:
  WordReader(std::string_view text, std::size_t pos) : text_(text), pos_(pos) {}
  // The word at `index`, or nullptr past the last.
  const KeyWord* at(std::size_t index) {
    while (words_.size() <= index && read_one()) {
    }
    return index < words_.size() ? &words_[index] : nullptr;
  }
  // After at() returned nullptr: the paragraph ended after the last word.
  bool ends_paragraph() const { return ends_paragraph_; }

 private:
  static constexpr std::size_t kLimit = 40;
  bool read_one() {
    if (stopped_ || words_.size() >= kLimit) return false;
    while (pos_ < text_.size() && text_[pos_] == ' ')
      ++pos_;
    if (pos_ >= text_.size() || text_[pos_] == '\n') {
      ends_paragraph_ = !words_.empty();
      stopped_ = true;
      return false;
    }
    std::size_t end = pos_;
    while (end < text_.size() && text_[end] != ' ' && text_[end] != '\n')
      ++end;
    auto word = key_word(text_, pos_, end);
    if (!word) {
      stopped_ = true;
      return false;
    }
    if (word->closes && word->end + 1 == end && text_[word->end] == '.') {
      std::size_t next = end;
      while (next < text_.size() && text_[next] == ' ')
        ++next;
      word->dot_for_comma = next < text_.size() && starts_lower(text_.substr(next, 4));
    }
    stopped_ = word->closes && !word->dot_for_comma;
    words_.push_back(std::move(*word));
    pos_ = end;
    return true;
  }
  std::string_view text_;
  std::size_t pos_;
  std::vector<KeyWord> words_;
  bool stopped_ = false;
  bool ends_paragraph_ = false;
};

// A word misread for another is a word of the language or a garble, never a name's
// abbreviation ("MTTQ": the name's own short form).
bool abbreviation(std::string_view text, const KeyWord& word) {
  const std::string_view written = text.substr(word.start, word.end - word.start);
  return written.size() >= 2 && is_upper_text(written);
}

}  // namespace

std::optional<MendedLawName> mended_law_name(std::string_view text, std::size_t pos) {
  const Table& names = table();
  WordReader words(text, pos);
  Key key;
  std::size_t read = 0;   // words read exactly
  std::size_t named = 0;  // words of the longest name read exactly
  while (const KeyWord* word = words.at(read)) {
    Key longer = key;
    longer.add(*word);
    if (!names.prefixes.contains(longer.exact)) break;
    key = std::move(longer);
    ++read;
    if (names.names.contains(key.exact)) named = read;
    if (word->closes && !word->dot_for_comma) break;
  }
  // Only inside a longer name than any read, after two words of it at least (the type word
  // and one begin many names), and never across closing punctuation.
  if (read <= named || read < 3 ||
      (words.at(read - 1)->closes && !words.at(read - 1)->dot_for_comma))
    return std::nullopt;
  const KeyWord last = *words.at(read - 1);
  const KeyWord* broken = words.at(read);  // the first word that does not go on the name
  // Cut: the paragraph ends, or a word in title case follows (the next cell or sentence: after
  // its first word a name capitalises only proper nouns, which the table's names spell too; a
  // garble in capitals, "ÐP H2HE", is no such word).
  bool cut = broken == nullptr && words.ends_paragraph();
  if (broken != nullptr) {
    const std::string_view next = text.substr(broken->start);
    std::size_t first = 0;
    if (!next.empty()) code_point_at(next, 0, &first);
    cut = starts_upper(next) && first > 0 && starts_lower(next.substr(first));
  }
  // Only where the words read cannot end a name: after a comma, or a preposition that takes
  // what follows ("tại", "của"; not "và", which joins the next instrument as well: "Luật Hải
  // quan và Thông tư ...").
  static constexpr std::array<std::string_view, 12> kTakesObject = {
      "tại", "của", "về", "theo", "cho", "với", "đối", "từ", "trong", "hoặc", "các", "những",
  };
  cut = cut && (last.comma || std::find(kTakesObject.begin(), kTakesObject.end(), last.exact) !=
                                  kTakesObject.end());
  if (cut) {
    const auto only = names.only_name.find(key.exact);
    if (only != names.only_name.end() && !only->second.empty())
      return MendedLawName{last.end, only->second};
  }
  if (broken == nullptr) return std::nullopt;
  // One word whose marks a scan misread ("khâu" for "khẩu": the same letters), or a plural
  // word the writer put before a noun of the name ("các", "những": no name holds one), then two
  // words at least of the name read exactly, up to its end.
  if (abbreviation(text, *broken)) return std::nullopt;
  const std::string broken_exact = broken->exact;
  const std::string broken_folded = broken->folded;
  std::optional<MendedLawName> best;
  std::size_t best_read = 0;
  const auto go_on = [&](Key mended, std::size_t from) {
    std::size_t exact = 0;
    for (std::size_t w = from; const KeyWord* word = words.at(w); ++w) {
      mended.add(*word);
      if (!names.prefixes.contains(mended.exact)) break;
      ++exact;
      if (exact >= 2 && w + 1 > best_read && names.names.contains(mended.exact)) {
        best_read = w + 1;
        best = MendedLawName{word->end, names.written.at(mended.exact)};
      }
      if (word->closes && !word->dot_for_comma) break;
    }
  };
  if (const auto next = names.next_words.find(key.exact); next != names.next_words.end())
    for (const std::string& word : next->second) {
      if (word == broken_exact || fold(word) != broken_folded) continue;
      Key mended = key;
      KeyWord replaced;
      replaced.exact = word;
      mended.add(replaced);
      go_on(std::move(mended), read + 1);
    }
  if (broken_exact == "các" || broken_exact == "những") go_on(key, read + 1);
  return best;
}

std::optional<std::size_t> known_law_name_end(std::string_view text, std::size_t pos) {
  const Table& names = table();
  Key key;
  std::optional<std::size_t> found;
  std::size_t p = pos;
  while (p < text.size()) {
    while (p < text.size() && text[p] == ' ')
      ++p;
    std::size_t end = p;
    while (end < text.size() && text[end] != ' ')
      ++end;
    if (end == p) break;
    const auto word = key_word(text, p, end);
    if (!word) break;
    key.add(*word);
    if (!names.is_prefix(key)) break;
    if (names.is_name(key)) found = word->end;
    // An OCR engine's dot for a comma inside the name ("quá cảnh. cư trú"): the name may go on
    // across it, to its end only (`found` moves at whole names).
    if (word->closes && !(word->end + 1 == end && text[word->end] == '.' && end + 1 < text.size() &&
                          text[end] == ' ' && starts_lower(text.substr(end + 1, 4))))
      break;
    p = end;
  }
  return found;
}

bool begins_known_law_name(std::string_view text, std::size_t pos, std::size_t end) {
  const Table& names = table();
  Key key;
  for (std::string_view word : split_words(text.substr(pos, end - pos))) {
    const auto part = key_word(word, 0, word.size());
    if (!part) continue;
    key.add(*part);
  }
  return !key.exact.empty() && names.is_prefix(key);
}

std::optional<std::string_view> known_law_name(std::string_view words) {
  const Table& names = table();
  Key key;
  for (std::string_view word : split_words(words)) {
    const auto part = key_word(word, 0, word.size());
    if (!part) continue;
    key.add(*part);
  }
  const auto found = names.written.find(key.exact);
  if (found == names.written.end()) return std::nullopt;
  return found->second;
}

}  // namespace vanban::analyzers::structure
