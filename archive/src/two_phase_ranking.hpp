// Relevance ranking in two phases. The full ranking query adds proximity bonuses (a phrase of
// the words, each adjacent pair, the phrase in the heading) to the word weights; checking
// positions on every candidate is what broad topics over tens of thousands of documents pay
// for. So Xapian first ranks by the word weights alone (its pruned top-k, no positions), and
// only the best `window` of those are ranked again with the bonuses: each bonus is run on the
// window alone and its weight added, which gives each document its one-phase weight (a filter
// changes no statistic, and the full query adds its bonuses through OP_AND_MAYBE).
//
// What the window can get wrong is bounded: a document outside it scores at most the window's
// lowest word weight plus the most the bonuses can add (Xapian's upper bound of each bonus
// clause). Every leading rank scoring above that is the full ranking's own (`certain`).
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <xapian.h>

#include "weighed_match.hpp"

namespace vanban::archive {

// How many of the best documents by word weight the full query ranks again.
inline constexpr std::size_t kRerankWindow = 300;

struct RankedDocument {
  Xapian::docid docid = 0;
  double weight = 0;
  std::string sha256;  // only under WindowBy::id_terms
};

// How the second phase is kept to the window's documents: by their docids (a PostingSource,
// one local database), or by their id terms, which any database understands, remote shards
// included (docs/SCALING.md).
enum class WindowBy { docids, id_terms };

struct RankedPage {
  std::vector<RankedDocument> documents;  // ranks [first, first + size)
  // How many leading ranks of the result set are provably those of the one-phase ranking (same
  // documents, same order, same weights); all of them when the window held every match. Worked
  // out only when asked (`prove`): a page needs none of it.
  std::size_t certain = 0;
  // How many of the window's documents had their positions read for the bonuses: only those
  // that could still rank on the page (or, proving, all of them).
  std::size_t weighed = 0;
};

// How many of the best documents by `base` a ranking hint is drawn from.
inline constexpr std::size_t kHintFrom = 10;

// The queries of a ranking hint drawn from the best documents (the accents of words typed
// without them, accent_restoration.hpp): the same matches as `base` and `full`, other weights.
struct RankingHint {
  Xapian::Query base;
  Xapian::Query full;
  std::vector<Xapian::Query> bonuses;
};
// Given the best documents by `base` (at most kHintFrom, best first): the hint, or nullopt.
using HintFrom = std::function<std::optional<RankingHint>(const std::vector<Xapian::docid>&)>;

// Ranks [first, first + size) of `full` = `base` + `bonuses` (each bonus an OP_AND_MAYBE branch
// of `full`, so a document's full weight is its base weight plus the bonuses it matches): the
// best `window` documents by `base`, ordered by `full` (ties by docid, as Xapian orders them),
// then the others in `base` order. With window 0, or no bonuses, one Xapian run of `full`.
//
// With `hint_from`, the best documents of the first phase give the hint, and the window is ranked
// by the hint's base and bonuses instead: the first phase's own run gives the documents the hint
// is drawn from, so a hinted search costs no run of its own to find them (with window 0 or no
// bonuses, a top-kHintFrom run of `base` does). The window is still chosen by `base`.
//
// With `prove`, `certain` is worked out (the bound asks Xapian for the bonuses' upper bound),
// and every document of the window is weighed with its bonuses. Without it, only those that can
// still rank within the page: a plain phrase bonus weighs its terms' weights or nothing, so a
// document's weight with all of its phrases' potential added bounds it; documents whose bound is
// under the page's last weight found read no positions (the page is the same to the bit).
//
// With `first_phase` (walk_first_phase's of the same `base`, `first`, `size`, `window`), the
// first phase is not walked again; without bonuses or a hint, it is the page (no run at all).
// With `lengths` (every document's length by docid, FacetColumns::lengths of this database's
// revision), the walks and the bonuses read the documents' lengths there, not from the database.
RankedPage rank_two_phase(const Xapian::Database& database, const Xapian::Query& base,
                          const Xapian::Query& full, const std::vector<Xapian::Query>& bonuses,
                          Xapian::doccount first, Xapian::doccount size,
                          std::size_t window = kRerankWindow, WindowBy window_by = WindowBy::docids,
                          const HintFrom& hint_from = {}, bool prove = true,
                          const WeighedMatches* first_phase = nullptr,
                          std::span<const Xapian::termcount> lengths = {});

// rank_two_phase's first phase by our own walk of the posting lists (weighed_match.hpp: Xapian's
// documents, order and weights), with every match of `base` listed when `keep_all` (the exact
// total and the facets' result set come from the same walk); nullopt where the first phase is
// Xapian's (window 0, remote shards, a query the walk does not weigh). Without bonuses (a
// document number's box), the walk's best are the page itself. `lengths`:
// every document's length by docid where known (FacetColumns::lengths), else read from the
// database.
std::optional<WeighedMatches> walk_first_phase(const Xapian::Database& database,
                                               const Xapian::Query& base, Xapian::doccount first,
                                               Xapian::doccount size, std::size_t window,
                                               WindowBy window_by,
                                               std::span<const Xapian::termcount> lengths = {},
                                               bool keep_all = true);

}  // namespace vanban::archive
