// The best documents of a ranking query by its BM25 weights, by walking the posting lists
// directly (rank_two_phase's first phase). Xapian's matcher weighs nearly every match of a broad
// topic (an AND of each word's exact and folded forms prunes hardly at all) and costs about as
// much again as the posting lists it reads; here each match is found by a leapfrog of skip_to
// (as boolean_match.hpp counts), weighed, and kept in a heap of the best.
//
// The weights are Xapian 1.4's, to the bit: BM25 by its own expressions (ranking_weight.hpp),
// and a document's weight summed in the order Xapian's postlist tree sums it. That tree is built
// here as Xapian builds it (api/queryinternal.cc): an AND's parts, nested ANDs and FILTERs
// flattened, sorted by ascending estimated frequency with the same std::partial_sort_copy on the
// same sequence (so ties fall where Xapian's fall); an OR's parts, nested ORs flattened, joined
// two by two from a heap by frequency as Xapian joins them; AND_MAYBE's and AND_NOT's parts as
// its AND context gathers them; the frequency estimates by Xapian's formulas. The best are
// ordered as Xapian orders an MSet: by weight, ties by ascending docid.
#pragma once

#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

#include <xapian.h>

namespace vanban::archive {

struct WeighedMatches {
  // The best documents (at most `wanted`), best first: (docid, weight).
  std::vector<std::pair<Xapian::docid, double>> best;
  // Every match, ascending (only when asked for).
  std::vector<Xapian::docid> all;
  Xapian::doccount total = 0;  // how many documents matched
};

// The best `wanted` documents of `query` weighed by BM25 (ranking_weight.hpp) as Xapian's
// matcher weighs them, or nullopt where the query holds what the walk does not weigh as Xapian
// does (positions, value ranges, posting sources, wildcards, SYNONYM or ELITE_SET with weight,
// terms with their own wdf, several databases): the caller runs Xapian then.
//
// With `within` (ascending docids), the walk weighs `OP_FILTER(query, docid list of within)` as
// Xapian would (the list a weightless part of the AND, of its size as estimated frequency).
// With `keep_all`, every match is listed in `all`.
std::optional<WeighedMatches> weighed_matches(const Xapian::Database& database,
                                              const Xapian::Query& query, Xapian::doccount wanted,
                                              const std::vector<Xapian::docid>* within = nullptr,
                                              bool keep_all = false);

}  // namespace vanban::archive
