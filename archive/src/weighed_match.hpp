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
//
// Once the best are as many as wanted, a document is weighed only if it could still enter
// them: an upper bound of its weight (the parts it is known to match, weighed at the collection's
// shortest length and then at its own; what only adds weight at its most) is checked first, and
// the lists that only add weight (AND_MAYBE's optional parts, an exact form within its folded
// form, see `Covers`) are sought only for the documents that pass. Xapian's own pruning works the
// same way (its parts' get_maxweight); the documents kept, and their weights, are the same.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
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
  // How many of them were weighed (the others could not enter the best).
  Xapian::doccount weighed = 0;
  // Only when asked for (`read_wdfs`): the walk's distinct terms, and per best document (in
  // `best`'s order) each term's wdf as the walk read it there, kUnread where its list did not
  // stand on the document (the document may lack the term, or the list was not sought there).
  // The second phase takes them rather than seeking each term's postings to the window again.
  static constexpr Xapian::termcount kUnread = static_cast<Xapian::termcount>(-1);
  std::vector<std::string> terms;
  std::vector<std::vector<Xapian::termcount>> wdfs;
};

// Whether every document holding term `sub` holds term `super` too, at least as often (a wdf at
// least `sub`'s): a word's exact form within its folded form (document_builder.hpp,
// exact_within_folded). Then an OR of the two matches where `super` does, and `sub`'s list is
// sought only where its weight could matter, its part bounded by `super`'s wdf.
using Covers = bool (*)(std::string_view sub, std::string_view super);

// The best `wanted` documents of `query` weighed by BM25 (ranking_weight.hpp) as Xapian's
// matcher weighs them, or nullopt where the query holds what the walk does not weigh as Xapian
// does (positions, value ranges, posting sources other than a fixed weight, wildcards, SYNONYM or
// ELITE_SET with weight, terms with their own wdf, several databases): the caller runs Xapian
// then.
//
// With `within` (ascending docids), the walk weighs `OP_FILTER(query, docid list of within)` as
// Xapian would (the list a weightless part of the AND, of its size as estimated frequency).
// With `keep_all`, every match is listed in `all`. With `covers`, the pairs of terms it names
// are walked as said above; it must hold of the database. With `lengths` (every document's
// length by docid, FacetColumns::lengths of this database's revision), the lengths are read
// there rather than from the database's list. With `read_wdfs`, `terms` and `wdfs` are filled.
std::optional<WeighedMatches> weighed_matches(const Xapian::Database& database,
                                              const Xapian::Query& query, Xapian::doccount wanted,
                                              const std::vector<Xapian::docid>* within = nullptr,
                                              bool keep_all = false, Covers covers = nullptr,
                                              std::span<const Xapian::termcount> lengths = {},
                                              bool read_wdfs = false);

}  // namespace vanban::archive
