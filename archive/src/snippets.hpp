// Snippets from the stored text, found with our own tokenizer so that a folded query highlights
// the accented words it matched: HTML-escaped, matches in <mark>, "…" where the text was cut.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>

#include "vanban/archive/query_parser.hpp"

namespace vanban::archive {

// A word typed without diacritics highlights every spelling of it; one typed with diacritics
// highlights its exact form, and other spellings only in texts where the exact form is absent.
struct HighlightTerms {
  std::unordered_set<std::string> plain;            // words typed without diacritics (folded)
  std::unordered_set<std::string> exact;            // words typed with diacritics (exact form)
  std::unordered_set<std::string> accented_folded;  // the folded forms of those
  std::unordered_set<std::string> numbers;          // symbol keys
  bool empty() const { return plain.empty() && exact.empty() && numbers.empty(); }
};

// The words and numbers of the box that documents match (not those excluded).
HighlightTerms highlight_terms(const query::Node& root);

inline constexpr std::size_t kSnippetBytes = 280;

// The best passage of `text` of about `max_bytes`: most distinct query words, then most
// matches. With no match, the beginning of the text.
std::string make_snippet(std::string_view text, const HighlightTerms& terms,
                         std::size_t max_bytes = kSnippetBytes);

std::string html_escape(std::string_view text);

}  // namespace vanban::archive
