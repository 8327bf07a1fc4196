// Where in a hit's text to look for its snippet, from the index: the positions of the query's
// terms in the document and its passage map (schema::PassageMap). Tokenising a whole 50 KB
// document per hit would cost more than the search itself.
#pragma once

#include <optional>

#include <xapian.h>

#include "snippets.hpp"

namespace vanban::archive {

// The stretch of the stored text (`text_size` bytes) around the densest cluster of the query's
// terms in the body, with some context on both sides. nullopt when the document has no passage
// map (indexed before there was one) or none of the terms in its body; make_snippet() then
// scans the text itself.
std::optional<TextRange> passage_range(const Xapian::Database& database, Xapian::docid docid,
                                       const Xapian::Document& document,
                                       const HighlightTerms& terms, std::size_t text_size);

}  // namespace vanban::archive
