#include "passages.hpp"

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "vanban/analyzers/fold.hpp"
#include "vanban/archive/schema.hpp"

namespace vanban::archive {
namespace {

// A snippet of kSnippetBytes holds about this many syllables (5-6 bytes each with the space).
constexpr Xapian::termpos kWindowPositions = 40;

struct Occurrence {
  Xapian::termpos position = 0;
  const std::string* key = nullptr;  // the query word or number it belongs to
  bool strong = true;                // false: an accented word matched only by its folded form
};

void add_occurrences(const Xapian::Database& database, Xapian::docid docid, const std::string& term,
                     const std::string& key, bool strong, Xapian::termpos first_body_position,
                     std::vector<Occurrence>& out) {
  for (auto it = database.positionlist_begin(docid, term);
       it != database.positionlist_end(docid, term); ++it) {
    if (*it >= first_body_position) out.push_back({*it, &key, strong});
  }
}

// The same choice as make_snippet() makes over bytes, made over positions: the window with
// the most distinct terms, then the most adjacent pairs, then the most occurrences.
std::pair<Xapian::termpos, Xapian::termpos> best_window(const std::vector<Occurrence>& found) {
  std::pair<Xapian::termpos, Xapian::termpos> best{found.front().position, found.front().position};
  std::tuple<std::size_t, std::size_t, std::size_t> best_score{0, 0, 0};
  std::vector<const std::string*> keys;
  for (std::size_t first = 0; first < found.size(); ++first) {
    keys.clear();
    std::size_t adjacent = 0;
    for (std::size_t last = first; last < found.size(); ++last) {
      if (found[last].position - found[first].position >= kWindowPositions) break;
      if (std::find(keys.begin(), keys.end(), found[last].key) == keys.end())
        keys.push_back(found[last].key);
      if (last > first && found[last].position == found[last - 1].position + 1 &&
          *found[last].key != *found[last - 1].key)
        ++adjacent;
      const std::tuple score{keys.size(), adjacent, last - first + 1};
      if (score > best_score) {
        best_score = score;
        best = {found[first].position, found[last].position};
      }
    }
  }
  return best;
}

}  // namespace

std::optional<TextRange> passage_range(const Xapian::Database& database, Xapian::docid docid,
                                       const Xapian::Document& document,
                                       const HighlightTerms& terms, std::size_t text_size) {
  if (terms.empty()) return std::nullopt;
  const auto map = schema::unserialise_passage_map(document.get_value(schema::kPassageSlot));
  if (!map || map->offsets.empty() || map->offsets.back() >= text_size ||
      !std::is_sorted(map->offsets.begin(), map->offsets.end()))
    return std::nullopt;

  std::vector<Occurrence> found;
  const Xapian::termpos body = map->first_position;
  for (const std::string& word : terms.plain)
    add_occurrences(database, docid, schema::term(schema::kFolded, word), word, true, body, found);
  for (const std::string& number : terms.numbers)
    add_occurrences(database, docid, schema::term(schema::kFolded, number), number, true, body,
                    found);
  // An accented word counts by its exact spelling; other spellings of it only in a text where
  // no exact spelling or other word is found (as make_snippet() decides). Its key is its folded
  // form, so that two spellings are one word.
  std::vector<std::string> exact_keys;
  exact_keys.reserve(terms.exact.size());
  for (const std::string& exact : terms.exact) {
    exact_keys.push_back(analyzers::fold(exact));
    add_occurrences(database, docid, schema::term("", exact), exact_keys.back(), true, body, found);
  }
  if (found.empty()) {
    for (const std::string& folded : terms.accented_folded)
      add_occurrences(database, docid, schema::term(schema::kFolded, folded), folded, false, body,
                      found);
  }
  if (found.empty()) return std::nullopt;
  std::sort(found.begin(), found.end(), [](const Occurrence& a, const Occurrence& b) {
    return std::tie(a.position, *a.key) < std::tie(b.position, *b.key);
  });
  found.erase(std::unique(found.begin(), found.end(),
                          [](const Occurrence& a, const Occurrence& b) {
                            return a.position == b.position && *a.key == *b.key;
                          }),
              found.end());

  const auto [first, last] = best_window(found);
  // One sample before the window for context, two after it so the window always fits.
  const std::size_t first_sample = (first - body) / map->stride;
  const std::size_t begin_sample = first_sample > 0 ? first_sample - 1 : 0;
  const std::size_t end_sample = (last - body) / map->stride + 2;
  TextRange range;
  range.begin = begin_sample < map->offsets.size() ? map->offsets[begin_sample] : text_size;
  range.end = end_sample < map->offsets.size() ? map->offsets[end_sample] : text_size;
  if (range.begin >= range.end) return std::nullopt;
  return range;
}

}  // namespace vanban::archive
