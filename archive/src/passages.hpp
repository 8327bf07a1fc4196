// Where in a hit's text to look for its snippet, from the index: the positions of the query's
// terms in the document and its passage map (schema::PassageMap). Tokenising a whole 50 KB
// document per hit would cost more than the search itself.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "snippets.hpp"

namespace vanban::archive {

// Where a document writes each accented word of the query (HighlightTerms::exact): exact form →
// its positions, as DocumentSpellings::spelled(exact, folded) reads them.
using SpelledWords = std::map<std::string, std::vector<Xapian::termpos>>;

// SpelledWords of each of `docids` (a page's hits), read across them in ascending docid order
// (SpellingsAcross: each form's postings walked once; its positions opened only where a
// document spells the word several ways). Empty when the query has no accented word; a word
// whose folded form is not its exact form's fold is left out (passage_range() reads it).
std::map<Xapian::docid, SpelledWords> spelled_in(const Xapian::Database& database,
                                                 std::vector<Xapian::docid> docids,
                                                 const HighlightTerms& terms);

// The stretch of the stored text (`text_size` bytes) around the densest cluster of the query's
// terms in the body, with some context on both sides. nullopt when the document has no passage
// map (indexed before there was one) or none of the terms in its body; make_snippet() then
// scans the text itself. `spelled`: the document's SpelledWords from spelled_in(), where read
// before; otherwise they are read here.
std::optional<TextRange> passage_range(const Xapian::Database& database, Xapian::docid docid,
                                       const Xapian::Document& document,
                                       const HighlightTerms& terms, std::size_t text_size,
                                       const SpelledWords* spelled = nullptr);

}  // namespace vanban::archive
