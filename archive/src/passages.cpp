#include "passages.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "vanban/analyzers/fold.hpp"

#include "best_window.hpp"
#include "document_spellings.hpp"
#include "schema.hpp"

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

std::vector<Xapian::termpos> positions_of(const Xapian::Database& database, Xapian::docid docid,
                                          const std::string& term) {
  std::vector<Xapian::termpos> out;
  for (auto it = database.positionlist_begin(docid, term);
       it != database.positionlist_end(docid, term); ++it)
    out.push_back(*it);
  return out;
}

}  // namespace

std::map<Xapian::docid, SpelledWords> spelled_in(const Xapian::Database& database,
                                                 std::vector<Xapian::docid> docids,
                                                 const HighlightTerms& terms) {
  std::map<Xapian::docid, SpelledWords> out;
  if (terms.exact.empty()) return out;
  std::sort(docids.begin(), docids.end());
  docids.erase(std::unique(docids.begin(), docids.end()), docids.end());
  for (const auto& [exact, folded] : terms.exact) {
    // Where the folded form is not the exact one's fold, the exact form's positions need not be
    // among its: passage_range() reads that word document by document.
    if (folded.empty() || analyzers::fold(exact) != folded) continue;
    const std::vector<std::string> forms{exact};
    SpellingsAcross across(database, folded, forms);
    const std::string folded_term = schema::term(schema::kFolded, folded);
    // DocumentSpellings::spelled(exact, folded) is spelled({exact}, the folded positions): the
    // exact form's positions are a subset of the folded form's, which has them all.
    for (const Xapian::docid docid : docids)
      out[docid][exact] =
          std::move(across.spelled(docid, positions_of(database, docid, folded_term)).front());
  }
  return out;
}

std::optional<TextRange> passage_range(const Xapian::Database& database, Xapian::docid docid,
                                       const Xapian::Document& document,
                                       const HighlightTerms& terms, std::size_t text_size,
                                       const SpelledWords* spelled) {
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
  // Where the exact form has no positions (the document spells the word one way, SCHEMA.md),
  // they are its folded form's.
  if (!terms.exact.empty()) {
    const DocumentSpellings spellings(database, docid);
    for (const auto& [exact, folded] : terms.exact) {
      const auto known = spelled ? spelled->find(exact) : SpelledWords::const_iterator();
      const std::vector<Xapian::termpos> positions =
          spelled && known != spelled->end() ? known->second : spellings.spelled(exact, folded);
      for (const Xapian::termpos position : positions)
        if (position >= body) found.push_back({position, &folded, true});
    }
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

  // The same choice as make_snippet() makes over bytes, made over positions.
  const auto [first_index, last_index] = best_window(
      found, [](const Occurrence& occurrence) { return std::string_view(*occurrence.key); },
      [&](std::string_view key) { return terms.is_secondary(key); },
      [&](std::size_t from, std::size_t to) {
        return found[to].position - found[from].position < kWindowPositions;
      },
      [](const Occurrence& previous, const Occurrence& next) {
        return next.position == previous.position + 1;
      });
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
