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

#include "weighed_match.hpp"

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

// The weight of a FixedWeightPostingSource query (read back from its description, as the scale),
// else nullopt (another source, or another query).
std::optional<double> fixed_weight_of(const Xapian::Query& query);

// The phrase, if `query` is one Xapian weighs as this file does: OP_PHRASE of at least two
// plain terms (no wdf or position of their own in the query) with a window of its size, or one
// plain term, optionally under OP_SCALE_WEIGHT, whose order of summation Xapian fixes (see
// above). Else nullopt.
std::optional<PlainPhrase> plain_phrase(const Xapian::Database& database,
                                        const Xapian::Query& query);

// The phrases' weights in a window of documents, in two steps. Constructed: each phrase's
// `potential` in each document, what it weighs there if its terms stand next to each other in
// their order (the sum of its terms' weights, which their wdfs and the document's length give:
// the postings alone, no positions), 0 where the document lacks one of its terms. Then
// `weigh(d)` reads the positions of docids[d] and gives each phrase its weight there: its
// potential where the terms stand side by side, else 0. So a potential is its phrase's weight or
// more, and a caller that needs some documents' weights only (those that can still rank where
// it looks) reads no positions for the others.
class PhraseWeigher {
 public:
  // `docids` ascending, no repeats, all in the database; `lengths` as phrase_weights()'s.
  // `walked`: a walk of this database's revision with its terms' wdfs read (weighed_matches'
  // `read_wdfs`); a term it read in every one of `docids` takes its wdfs from there, the others
  // are sought in their postings.
  PhraseWeigher(const Xapian::Database& database, const std::vector<PlainPhrase>& phrases,
                const std::vector<Xapian::docid>& docids,
                std::span<const Xapian::termcount> lengths = {},
                const WeighedMatches* walked = nullptr);
  double potential(std::size_t p, std::size_t d) const { return potentials_[p][d]; }
  // Reads docids[d]'s positions (once: a second call does nothing).
  void weigh(std::size_t d);
  bool weighed(std::size_t d) const { return weighed_[d]; }
  // weights()[p][d]: phrases[p]'s weight in docids[d] where weighed, else 0.
  const std::vector<std::vector<double>>& weights() const { return weights_; }

 private:
  bool holds_all(std::size_t p, std::size_t d) const;

  const Xapian::Database& database_;
  const std::vector<Xapian::docid>& docids_;
  std::vector<std::string> terms_;                      // the distinct terms of the phrases
  std::vector<std::vector<Xapian::termcount>> wdf_;     // [term][document]
  std::vector<std::vector<std::size_t>> phrase_terms_;  // each phrase's terms, into terms_
  std::vector<std::vector<double>> potentials_;         // [phrase][document]
  std::vector<std::vector<double>> weights_;            // [phrase][document]
  std::vector<bool> weighed_;
};

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
