// Snippets from the stored text, found with our own tokenizer so that a folded query highlights
// the accented words it matched: HTML-escaped, matches in <mark>, "…" where the text was cut.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "vanban/archive/query_parser.hpp"

namespace vanban::archive {

// A word typed without diacritics highlights every spelling of it; one typed with diacritics
// highlights its exact form, and other spellings only in texts where the exact form is absent.
struct HighlightTerms {
  std::unordered_set<std::string> plain;  // words typed without diacritics (folded)
  // Words typed with diacritics: exact form → its folded form.
  std::unordered_map<std::string, std::string> exact;
  std::unordered_set<std::string> accented_folded;  // the folded forms of those
  std::unordered_set<std::string> numbers;          // symbol keys
  // Folded words that alone say little (function words, words in many documents): where the
  // snippet shows query words side by side, these are not marked where they stand alone.
  std::unordered_set<std::string> common;
  // Folded words of a type name the box opens with, read as a hint ("kế hoạch" of "kế hoạch
  // chuyển đổi số"): marked, but a passage is chosen by the topic's words first, since every
  // plan says "kế hoạch" somewhere and that shows nothing of why it was found.
  std::unordered_set<std::string> secondary;
  bool is_secondary(std::string_view key) const { return secondary.contains(std::string(key)); }
  bool empty() const { return plain.empty() && exact.empty() && numbers.empty(); }
};

// The words and numbers of the box that documents match (not those excluded).
HighlightTerms highlight_terms(const query::Node& root);

inline constexpr std::size_t kSnippetBytes = 280;

// A byte range of a text: [begin, end).
struct TextRange {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// The best passage of `text` of about `max_bytes`: most distinct query words not `secondary`,
// then most distinct query words, then most
// query words next to each other (a phrase), then most matches. With no match, the beginning of the
// text. With `range` (from passage_range()), only that part is tokenised; if it holds no match
// after all, the whole text is scanned.
std::string make_snippet(std::string_view text, const HighlightTerms& terms,
                         std::size_t max_bytes = kSnippetBytes,
                         std::optional<TextRange> range = std::nullopt);

// make_snippet() with a range, from the text's first bytes only: `head` begins the text of
// `text_size` bytes and holds the range's end and the byte after it (all of the text where the
// range ends at its end). The same snippet as make_snippet() of the whole text with the same
// range; nullopt where that one would scan the whole text instead (the range holds no match,
// or does not fit the text).
std::optional<std::string> snippet_in_range(std::string_view head, std::size_t text_size,
                                            const HighlightTerms& terms, std::size_t max_bytes,
                                            TextRange range);

std::string html_escape(std::string_view text);

}  // namespace vanban::archive
