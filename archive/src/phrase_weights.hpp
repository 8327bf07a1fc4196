// The proximity bonuses of a window of documents weighed in one pass (rank_two_phase's second
// phase). Each bonus phrase (the words' phrase, each adjacent pair) was a Xapian run of its own
// on the window: each run walked its words' posting lists and the document lengths to the same
// few hundred scattered documents again, and read the same positions again (a topic's three
// words' positions read seven times for its phrase and two pairs). Here every distinct word's
// postings are walked once over the window, each document's length read once, and each word's
// positions in a document read at most once, shared by every phrase that holds the word.
//
// The weight is Xapian's, to the bit: BM25 (ranking_weight.hpp) computed by Xapian 1.4's own
// expressions (BM25Weight::init and get_sumpart, with the collection's statistics, which a
// filter does not change), and a phrase's terms added up in the order Xapian's AND adds them
// (ascending term frequency, from a sort that does not keep ties in place). A phrase whose order
// Xapian leaves open (two different terms of one frequency after its first place, where the
// order changes the last bits of the sum) is not taken: it stays a Xapian run.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <xapian.h>

namespace vanban::archive {

struct PlainPhrase {
  std::vector<std::string> terms;   // in the phrase's order
  std::vector<std::size_t> summed;  // indexes into `terms`, in the order Xapian adds weights
  double factor = 1;                // OP_SCALE_WEIGHT's
};

// The term of a plain term query (no wdf or position of its own in the query), else nullopt.
std::optional<std::string> plain_term(const Xapian::Query& query);

// The factor of an OP_SCALE_WEIGHT query (read back from its description, which gives the double
// exactly), else nullopt.
std::optional<double> scale_factor(const Xapian::Query& query);

// The phrase, if `query` is one Xapian weighs as this file does: OP_PHRASE of at least two
// plain terms (no wdf or position of their own in the query) with a window of its size, or one
// plain term, optionally under OP_SCALE_WEIGHT, whose order of summation Xapian fixes (see
// above). Else nullopt.
std::optional<PlainPhrase> plain_phrase(const Xapian::Database& database,
                                        const Xapian::Query& query);

// For each phrase and each of `docids` (ascending, no repeats, all in the database): the
// phrase's weight in the document where its terms stand next to each other in their order,
// else 0 (a matching phrase never weighs 0); a single term's weight where the document holds it.
// `weights[p][d]` for phrases[p] and docids[d]. With `lengths` (every document's length by
// docid, FacetColumns::lengths of this database's revision), the lengths are read there rather
// than from the database (one seek of its list of lengths per document otherwise).
std::vector<std::vector<double>> phrase_weights(const Xapian::Database& database,
                                                const std::vector<PlainPhrase>& phrases,
                                                const std::vector<Xapian::docid>& docids,
                                                std::span<const Xapian::termcount> lengths = {});

}  // namespace vanban::archive
