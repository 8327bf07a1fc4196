// Counting a strict phrase typed with diacritics ("phối hợp với bộ") by choices of spellings:
// the same documents as its one counting query (QueryBuilder::matching_only), without its
// branches' walk (docs/BENCHMARKS.md, session 30). That query checks the phrase in one Xapian
// branch per choice of which accented words a document spells several ways
// (QueryBuilder::strict_phrase: up to 16 branches, each walking its words' lists and its filter
// of kOtherSpellings terms and checking positions after it): at 100,000 documents that walk cost
// as much as the positions. Here:
// 1. the documents holding its words as typed (and the search's filters and exclusions:
//    QueryBuilder::folded_phrases), by one walk of their lists;
// 2. each one's choice, by one forward walk of each word's kOtherSpellings list;
// 3. per choice, one Xapian phrase on the positions those documents' spellings have
//    (QueryBuilder::phrase_spelled), over those documents alone. Each candidate's positions are
//    read once, as before.
#pragma once

#include <functional>
#include <vector>

#include <xapian.h>

#include "vanban/archive/query_parser.hpp"

#include "query_builder.hpp"

namespace vanban::archive {

// The docids a boolean query matches, ascending.
using DocidsOf = std::function<std::vector<Xapian::docid>(const Xapian::Query&)>;
// The counting query of the box for a builder (its text under the search's filters).
using CountingQueryOf = std::function<Xapian::Query(const QueryBuilder&)>;

// The documents `root`'s counting query (`query_of(counting)`) matches, ascending: by choices
// where `root` is one strict phrase of accented words on an archive whose exact positions are
// kept per spelling (QueryBuilder::phrase_spellings), else by that query alone.
std::vector<Xapian::docid> strict_phrase_matches(const Xapian::Database& database,
                                                 const QueryBuilder& counting,
                                                 const query::Node& root,
                                                 const CountingQueryOf& query_of,
                                                 const DocidsOf& docids_of);

}  // namespace vanban::archive
