#include "structure/law_names.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>

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
  bool ascii = true;    // written without diacritics: only its folded form can be compared
  std::size_t end = 0;  // after the word without its trailing punctuation
  bool closes = false;  // punctuation other than a comma follows: the name cannot go on
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
  word.end = stop;
  word.closes = stop < end && !(text[stop] == ',' && end - stop == 1);
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
  Table() {
    for (std::string_view name : kNames) {
      Key key;
      for (std::string_view word : split_words(name)) {
        const auto part = key_word(word, 0, word.size());
        if (!part) continue;
        key.add(*part);
        prefixes.insert(key.exact);
        folded_prefixes.insert(key.folded);
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

}  // namespace

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
    if (word->closes) break;
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
