#include "passages.hpp"

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "best_window.hpp"
#include "document_spellings.hpp"
#include "schema.hpp"

namespace vanban::archive {
namespace {

// A snippet of kSnippetBytes holds about this many syllables (5-6 bytes each with the space).
constexpr Xapian::termpos kWindowPositions = 40;
// Windows chosen again, at most, before the spelling is read at every position left.
constexpr int kWindowRounds = 16;

struct Occurrence {
  Xapian::termpos position = 0;
  const std::string* key = nullptr;    // the query word or number it belongs to
  bool strong = true;                  // false: an accented word matched only by its folded form
  const std::string* exact = nullptr;  // an accented word's spelling not yet read there
};

void add_occurrences(const Xapian::Database& database, Xapian::docid docid, const std::string& term,
                     const std::string& key, bool strong, Xapian::termpos first_body_position,
                     std::vector<Occurrence>& out) {
  for (auto it = database.positionlist_begin(docid, term);
       it != database.positionlist_end(docid, term); ++it) {
    if (*it >= first_body_position) out.push_back({*it, &key, strong});
  }
}

}  // namespace

std::optional<TextRange> passage_range(const Xapian::Database& database, Xapian::docid docid,
                                       const Xapian::Document& document,
                                       const HighlightTerms& terms, std::string_view text) {
  const std::size_t text_size = text.size();
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
  // The exact forms have no positions: the folded form's, where the text spells it so. Where a
  // document spells the word both ways, the spelling is read only at the positions of the
  // window chosen (and the others in the stretches of text read for it), which is chosen again
  // without those spelled otherwise until all of its positions are read: the window chosen over
  // the positions spelled as typed.
  std::optional<DocumentSpellings> spellings;
  for (const auto& [exact, folded] : terms.exact) {
    if (!spellings) spellings.emplace(database, docid, document, text);
    const Xapian::termcount exact_wdf = spellings->wdf(schema::term("", exact));
    if (exact_wdf == 0) continue;
    const bool all = exact_wdf == spellings->wdf(schema::term(schema::kFolded, folded));
    for (const Xapian::termpos position : spellings->folded_positions(folded))
      if (position >= body) found.push_back({position, &folded, true, all ? nullptr : &exact});
  }
  const auto by_place = [](const Occurrence& a, const Occurrence& b) {  // read ones first
    return std::make_tuple(a.position, std::string_view(*a.key), a.exact != nullptr) <
           std::make_tuple(b.position, std::string_view(*b.key), b.exact != nullptr);
  };
  const auto same_place = [](const Occurrence& a, const Occurrence& b) {
    return a.position == b.position && *a.key == *b.key;
  };
  std::sort(found.begin(), found.end(), by_place);
  found.erase(std::unique(found.begin(), found.end(), same_place), found.end());
  std::size_t first_index = 0;
  std::size_t last_index = 0;
  for (int round = 0;; ++round) {
    // After a few windows spelled otherwise, every remaining position is read at once.
    if (round == kWindowRounds) {
      for (Occurrence& occurrence : found) {
        if (occurrence.exact &&
            !spellings->spells_at(*occurrence.exact, *occurrence.key, occurrence.position))
          occurrence.key = nullptr;
        occurrence.exact = nullptr;
      }
      std::erase_if(found, [](const Occurrence& occurrence) { return occurrence.key == nullptr; });
    }
    if (found.empty()) {
      for (const std::string& folded : terms.accented_folded)
        add_occurrences(database, docid, schema::term(schema::kFolded, folded), folded, false, body,
                        found);
      if (found.empty()) return std::nullopt;
      std::sort(found.begin(), found.end(), by_place);
      found.erase(std::unique(found.begin(), found.end(), same_place), found.end());
    }
    std::tie(first_index, last_index) = best_window(
        found, [](const Occurrence& occurrence) { return std::string_view(*occurrence.key); },
        [&](std::size_t from, std::size_t to) {
          return found[to].position - found[from].position < kWindowPositions;
        },
        [](const Occurrence& previous, const Occurrence& next) {
          return next.position == previous.position + 1;
        });
    bool spelled_otherwise = false;
    const auto read = [&](Occurrence& occurrence) {
      const bool spelled =
          spellings->spells_at(*occurrence.exact, *occurrence.key, occurrence.position);
      occurrence.exact = nullptr;
      if (!spelled) occurrence.key = nullptr;  // removed below
      return spelled;
    };
    for (std::size_t i = first_index; i <= last_index; ++i)
      if (found[i].exact && !read(found[i])) spelled_otherwise = true;
    if (!spelled_otherwise) break;
    // The stretches read for this window tell the other positions in them too.
    for (Occurrence& occurrence : found)
      if (occurrence.exact && occurrence.key &&
          spellings->known_at(*occurrence.exact, *occurrence.key, occurrence.position))
        read(occurrence);
    std::erase_if(found, [](const Occurrence& occurrence) { return occurrence.key == nullptr; });
  }

  // The same choice as make_snippet() makes over bytes, made over positions (above).
  const Xapian::termpos first = found[first_index].position;
  const Xapian::termpos last = found[last_index].position;
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
