#include "structure/law_names.hpp"

#include <algorithm>
#include <string>
#include <unordered_set>

#include "vanban/analyzers/fold.hpp"

#include "structure/citation_cursor.hpp"
#include "structure/text.hpp"

namespace vanban::analyzers::structure {
namespace {

constexpr std::string_view kNames[] = {
#include "structure/law_names.inc"
};

// One word of a name as a key: punctuation around it dropped, folded.
struct KeyWord {
  std::string folded;
  std::size_t end = 0;  // after the word without its trailing punctuation
  bool closes = false;  // punctuation other than a comma follows: the name cannot go on
};

std::optional<KeyWord> key_word(std::string_view text, std::size_t start, std::size_t end) {
  const std::size_t stop = strip_trailing_punctuation(text, start, end);
  if (stop == start) return std::nullopt;
  KeyWord word;
  word.folded = fold(text.substr(start, stop - start));
  word.end = stop;
  word.closes = stop < end && !(text[stop] == ',' && end - stop == 1);
  return word;
}

struct Table {
  std::unordered_set<std::string> names;
  std::unordered_set<std::string> prefixes;  // every name's leading words, the name included
  Table() {
    for (std::string_view name : kNames) {
      std::string key;
      for (std::string_view word : split_words(name)) {
        const auto part = key_word(word, 0, word.size());
        if (!part) continue;
        if (!key.empty()) key.push_back(' ');
        key += part->folded;
        prefixes.insert(key);
      }
      names.insert(key);
    }
  }
};

const Table& table() {
  static const Table instance;
  return instance;
}

}  // namespace

std::optional<std::size_t> known_law_name_end(std::string_view text, std::size_t pos) {
  const Table& names = table();
  std::string key;
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
    if (!key.empty()) key.push_back(' ');
    key += word->folded;
    if (!names.prefixes.contains(key)) break;
    if (names.names.contains(key)) found = word->end;
    if (word->closes) break;
    p = end;
  }
  return found;
}

bool begins_known_law_name(std::string_view text, std::size_t pos, std::size_t end) {
  const Table& names = table();
  std::string key;
  for (std::string_view word : split_words(text.substr(pos, end - pos))) {
    const auto part = key_word(word, 0, word.size());
    if (!part) continue;
    if (!key.empty()) key.push_back(' ');
    key += part->folded;
  }
  return !key.empty() && names.prefixes.contains(key);
}

}  // namespace vanban::analyzers::structure
