#include "two_phase_ranking.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <optional>
#include <queue>
#include <string>
#include <unordered_map>

#include "docid_list.hpp"
#include "document_builder.hpp"
#include "phrase_weights.hpp"
#include "ranking_weight.hpp"
#include "schema.hpp"
#include "weighed_match.hpp"

namespace vanban::archive {
namespace {

std::vector<RankedDocument> ranked(const Xapian::MSet& matches) {
  std::vector<RankedDocument> out;
  out.reserve(matches.size());
  for (auto it = matches.begin(); it != matches.end(); ++it)
    out.push_back({*it, it.get_weight(), it.get_collapse_key()});
  return out;
}

// The documents as a boolean query: a posting list of their docids, or their id terms (the
// first 16 hex digits of their sha256).
Xapian::Query window_filter(const std::vector<RankedDocument>& documents, WindowBy window_by,
                            std::unique_ptr<DocidListSource>& source) {
  if (window_by == WindowBy::id_terms) {
    std::vector<std::string> terms;
    for (const RankedDocument& document : documents)
      terms.push_back(schema::term(schema::kId, document.sha256.substr(0, 16)));
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
  }
  std::vector<Xapian::docid> docids;
  for (const RankedDocument& document : documents)
    docids.push_back(document.docid);
  std::sort(docids.begin(), docids.end());
  source = std::make_unique<DocidListSource>(std::move(docids));
  return Xapian::Query(source.get());
}

// A bonus `OP_FILTER(weighed, condition...)` (QueryBuilder gives each bonus the words group it
// weighs under as its condition): `weighed` alone, and the documents it may weigh on. A filter
// adds no weight, so the bonus weighs what `weighed` weighs where both match.
struct Conditional {
  Xapian::Query weighed;
  std::optional<Xapian::Query> condition;
};

Conditional split(const Xapian::Query& bonus) {
  if (bonus.get_type() != Xapian::Query::OP_FILTER || bonus.get_num_subqueries() < 2)
    return {bonus, std::nullopt};
  std::vector<Xapian::Query> rest;
  for (std::size_t i = 1; i < bonus.get_num_subqueries(); ++i)
    rest.push_back(bonus.get_subquery(i));
  return {bonus.get_subquery(0),
          rest.size() == 1 ? rest.front()
                           : Xapian::Query(Xapian::Query::OP_AND, rest.begin(), rest.end())};
}

// Those of `documents` that `condition` matches (a boolean run on them alone).
std::vector<RankedDocument> matching(const Xapian::Database& database,
                                     const Xapian::Query& condition,
                                     const std::vector<RankedDocument>& documents,
                                     const Xapian::Query& window) {
  Xapian::Enquire enquire(database);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, window, condition));
  const Xapian::MSet matches = enquire.get_mset(0, static_cast<Xapian::doccount>(documents.size()));
  std::vector<Xapian::docid> found;
  for (auto it = matches.begin(); it != matches.end(); ++it)
    found.push_back(*it);
  std::sort(found.begin(), found.end());
  std::vector<RankedDocument> out;
  for (const RankedDocument& document : documents)
    if (std::binary_search(found.begin(), found.end(), document.docid)) out.push_back(document);
  return out;
}

// Adds to each of `documents` (weighed by the query without bonuses) the weight of each bonus
// it matches, the bonuses run on those documents alone: the one-phase weight, as each bonus is
// an OP_AND_MAYBE branch of the full query. Summed here rather than asked of the full query
// under a filter: Xapian 1.4 gives some documents wrong weights there (the weight of a bonus
// phrase they do not hold), where each bonus alone weighs right. The bonuses of one words group
// share its condition: which documents it matches is asked once, and each bonus then runs on
// those documents without it (the condition's postings are not walked again per bonus). The
// bonuses that are plain phrases (phrase_weights.hpp) are not runs at all: they are weighed
// together in one pass over the documents, to the same bits.
//
// `held` describes conditions every one of `documents` matches (the query they were ranked by,
// and what it filters): a bonus under one of those runs on the documents as they are.
//
// Only the first `exact` ranks are wanted (the others are not shown): a plain phrase's weight
// in a document is its potential (its terms' weights, from the postings) or 0, so each
// document's weight with every potential added (in the same order: rounding is monotonic) is
// the most it can weigh. Documents are weighed from the highest such bound down, until the next
// one's bound is under the `exact`-th weight found: neither it nor any after it can rank among
// the first `exact`, and their positions are not read. Those keep the weight without their
// phrases' bonuses (less than the `exact`-th, so they order after the first `exact`; not their
// own). Returns how many documents had their positions read. `walked`: the first phase's walk,
// whose wdfs of the phrases' terms in its best documents are taken rather than sought again.
std::size_t add_bonuses(const Xapian::Database& database, const std::vector<Xapian::Query>& bonuses,
                        std::vector<RankedDocument>& documents, WindowBy window_by,
                        const std::vector<std::string>& held,
                        std::span<const Xapian::termcount> lengths, std::size_t exact,
                        const WeighedMatches* walked) {
  if (documents.empty()) return 0;
  std::unordered_map<Xapian::docid, std::size_t> index_of;
  for (std::size_t i = 0; i < documents.size(); ++i)
    index_of.emplace(documents[i].docid, i);
  std::unique_ptr<DocidListSource> source;  // outlives the matches below
  const Xapian::Query window = window_filter(documents, window_by, source);
  // Per condition (by its description): the window's documents it matches, as a filter.
  struct Group {
    std::string condition;
    std::unique_ptr<DocidListSource> source;
    Xapian::Query filter;
    std::vector<Xapian::docid> docids;  // the window's documents it matches
    bool empty = false;
  };
  std::vector<Group> groups;
  // The plain phrases among the bonuses weighed in one pass over the window's documents (their
  // docids: a local database), the others run by Xapian; added in the bonuses' order either way.
  std::vector<Conditional> parts;
  std::vector<std::optional<std::size_t>> phrase_of;
  std::vector<PlainPhrase> phrases;
  for (const Xapian::Query& bonus : bonuses) {
    parts.push_back(split(bonus));
    std::optional<PlainPhrase> phrase;
    if (window_by == WindowBy::docids) phrase = plain_phrase(database, parts.back().weighed);
    phrase_of.push_back(phrase ? std::optional<std::size_t>(phrases.size()) : std::nullopt);
    if (phrase) phrases.push_back(std::move(*phrase));
  }
  // Each document's place among the docids in ascending order (the phrases' pass reads so).
  std::vector<Xapian::docid> sorted;
  std::vector<std::size_t> place(documents.size());
  std::optional<PhraseWeigher> weigher;
  if (!phrases.empty()) {
    for (const RankedDocument& document : documents)
      sorted.push_back(document.docid);
    std::sort(sorted.begin(), sorted.end());
    for (std::size_t i = 0; i < documents.size(); ++i)
      place[i] = static_cast<std::size_t>(
          std::lower_bound(sorted.begin(), sorted.end(), documents[i].docid) - sorted.begin());
    weigher.emplace(database, phrases, sorted, lengths, walked);
  }
  // Per bonus, what it adds to each document: a Xapian run's weights, or (a plain phrase) whether
  // the document is among those its condition leaves (its weight comes from `weigher`).
  std::vector<std::vector<double>> run_weight(bonuses.size());
  std::vector<std::vector<char>> applies(bonuses.size());
  for (std::size_t b = 0; b < bonuses.size(); ++b) {
    Conditional& part = parts[b];
    const Xapian::Query* filter = &window;
    const std::vector<Xapian::docid>* in_group = nullptr;
    const std::string description = part.condition ? part.condition->get_description() : "";
    if (part.condition && std::find(held.begin(), held.end(), description) != held.end())
      part.condition.reset();
    if (part.condition) {
      auto group = std::find_if(groups.begin(), groups.end(),
                                [&](const Group& g) { return g.condition == description; });
      if (group == groups.end()) {
        Group made;
        made.condition = description;
        const std::vector<RankedDocument> matched =
            matching(database, *part.condition, documents, window);
        made.empty = matched.empty();
        for (const RankedDocument& document : matched)
          made.docids.push_back(document.docid);
        if (!made.empty) made.filter = window_filter(matched, window_by, made.source);
        groups.push_back(std::move(made));
        group = groups.end() - 1;
      }
      if (group->empty) continue;
      filter = &group->filter;
      in_group = &group->docids;
    }
    if (phrase_of[b]) {
      applies[b].assign(documents.size(), in_group ? 0 : 1);
      if (in_group)
        for (const Xapian::docid docid : *in_group)
          applies[b][index_of.at(docid)] = 1;
      continue;
    }
    run_weight[b].assign(documents.size(), 0);
    Xapian::Enquire enquire = ranking_enquire(database);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, part.weighed, *filter));
    const Xapian::MSet matches =
        enquire.get_mset(0, static_cast<Xapian::doccount>(documents.size()));
    for (auto it = matches.begin(); it != matches.end(); ++it)
      run_weight[b][index_of.at(*it)] = it.get_weight();
  }
  // Document i's weight with its bonuses added in their order: the phrases' weights found, or
  // (`bound`) their potentials. Adding 0 changes no weight, so a bonus not matched adds nothing.
  auto summed = [&](std::size_t i, bool bound) {
    double weight = documents[i].weight;
    for (std::size_t b = 0; b < bonuses.size(); ++b) {
      if (phrase_of[b]) {
        if (applies[b].empty() || !applies[b][i]) continue;
        weight += bound ? weigher->potential(*phrase_of[b], place[i])
                        : weigher->weights()[*phrase_of[b]][place[i]];
      } else if (!run_weight[b].empty()) {
        weight += run_weight[b][i];
      }
    }
    return weight;
  };
  if (!weigher) {
    for (std::size_t i = 0; i < documents.size(); ++i)
      documents[i].weight = summed(i, false);
    return 0;
  }
  // From the highest bound down (ties by docid, as the ranking orders them).
  std::vector<std::pair<double, std::size_t>> by_bound;
  by_bound.reserve(documents.size());
  for (std::size_t i = 0; i < documents.size(); ++i)
    by_bound.emplace_back(summed(i, true), i);
  std::sort(by_bound.begin(), by_bound.end(), [&](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first
                              : documents[a.second].docid < documents[b.second].docid;
  });
  // The `exact` best weights found so far, the lowest on top.
  std::priority_queue<double, std::vector<double>, std::greater<>> best;
  std::size_t read = 0;
  std::vector<double> weight(documents.size());
  std::vector<char> weighed(documents.size(), 0);
  for (const auto& [bound, i] : by_bound) {
    if (exact == 0 || (best.size() >= exact && bound < best.top())) break;
    weigher->weigh(place[i]);
    ++read;
    weighed[i] = 1;
    weight[i] = summed(i, false);
    best.push(weight[i]);
    if (best.size() > exact) best.pop();
  }
  // Those not weighed: without their phrases' bonuses, under every weight of the first `exact`.
  for (std::size_t i = 0; i < documents.size(); ++i) {
    if (weighed[i]) {
      documents[i].weight = weight[i];
      continue;
    }
    double without = documents[i].weight;
    for (std::size_t b = 0; b < bonuses.size(); ++b)
      if (!phrase_of[b] && !run_weight[b].empty()) without += run_weight[b][i];
    documents[i].weight = without;
  }
  return read;
}

// The descriptions of what every match of `query` matches: itself, and the query it filters.
std::vector<std::string> held_by(const Xapian::Query& query) {
  std::vector<std::string> held{query.get_description()};
  if (query.get_type() == Xapian::Query::OP_FILTER && query.get_num_subqueries() >= 1)
    held.push_back(query.get_subquery(0).get_description());
  return held;
}

// Gives each of `documents` its weight by `query`, run on those documents alone (a hint's base:
// the same matches as the query they were ranked by, other weights).
void reweigh(const Xapian::Database& database, const Xapian::Query& query,
             std::vector<RankedDocument>& documents, WindowBy window_by,
             std::span<const Xapian::termcount> lengths) {
  if (documents.empty()) return;
  std::unordered_map<Xapian::docid, std::size_t> index_of;
  for (std::size_t i = 0; i < documents.size(); ++i) {
    index_of.emplace(documents[i].docid, i);
    documents[i].weight = 0;
  }
  if (window_by == WindowBy::docids) {
    // Our own walk where it weighs as Xapian does (weighed_match.hpp): the same bits.
    std::vector<Xapian::docid> sorted;
    for (const RankedDocument& document : documents)
      sorted.push_back(document.docid);
    std::sort(sorted.begin(), sorted.end());
    if (const auto walked =
            weighed_matches(database, query, static_cast<Xapian::doccount>(sorted.size()), &sorted,
                            /*keep_all=*/false, exact_within_folded, lengths)) {
      for (const auto& [docid, weight] : walked->best)
        documents[index_of.at(docid)].weight = weight;
      return;
    }
  }
  std::unique_ptr<DocidListSource> source;  // outlives the matches below
  const Xapian::Query window = window_filter(documents, window_by, source);
  Xapian::Enquire enquire = ranking_enquire(database);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, window));
  const Xapian::MSet matches = enquire.get_mset(0, static_cast<Xapian::doccount>(documents.size()));
  for (auto it = matches.begin(); it != matches.end(); ++it)
    documents[index_of.at(*it)].weight = it.get_weight();
}

std::vector<Xapian::docid> best_of(const std::vector<RankedDocument>& order) {
  std::vector<Xapian::docid> best;
  for (std::size_t i = 0; i < order.size() && i < kHintFrom; ++i)
    best.push_back(order[i].docid);
  return best;
}

// The most the bonuses can add to any document's weight (Xapian's bound, what it prunes by).
double bonus_bound(const Xapian::Database& database, const std::vector<Xapian::Query>& bonuses) {
  Xapian::Enquire enquire = ranking_enquire(database);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, bonuses.begin(), bonuses.end()));
  return enquire.get_mset(0, 0).get_max_possible();
}

}  // namespace

std::optional<WeighedMatches> walk_first_phase(const Xapian::Database& database,
                                               const Xapian::Query& base, Xapian::doccount first,
                                               Xapian::doccount size, std::size_t window,
                                               WindowBy window_by,
                                               std::span<const Xapian::termcount> lengths,
                                               bool keep_all) {
  if (window == 0 || window_by != WindowBy::docids) return std::nullopt;
  const auto wanted = std::max(static_cast<Xapian::doccount>(window), first + size);
  return weighed_matches(database, base, wanted, nullptr, keep_all, exact_within_folded, lengths,
                         /*read_wdfs=*/true);
}

RankedPage rank_two_phase(const Xapian::Database& database, const Xapian::Query& base,
                          const Xapian::Query& full, const std::vector<Xapian::Query>& bonuses,
                          Xapian::doccount first, Xapian::doccount size, std::size_t window,
                          WindowBy window_by, const HintFrom& hint_from, bool prove,
                          const WeighedMatches* first_phase,
                          std::span<const Xapian::termcount> lengths) {
  RankedPage page;
  if (window > 0 && bonuses.empty() && first_phase && !hint_from &&
      base.get_description() == full.get_description()) {
    // Nothing to add to the word weights: the first phase's walk (Xapian's documents, order and
    // weights) is the page, without a run of Xapian's own.
    for (std::size_t i = first; i < first_phase->best.size() && i < std::size_t{first} + size; ++i)
      page.documents.push_back({first_phase->best[i].first, first_phase->best[i].second, {}});
    page.certain = std::numeric_limits<std::size_t>::max();
    return page;
  }
  if (window == 0 || bonuses.empty()) {
    std::optional<RankingHint> hint;
    if (hint_from) {
      Xapian::Enquire best = ranking_enquire(database);
      best.set_query(base);
      hint = hint_from(best_of(ranked(best.get_mset(0, kHintFrom))));
    }
    Xapian::Enquire enquire = ranking_enquire(database);
    enquire.set_query(hint ? hint->full : full);
    page.documents = ranked(enquire.get_mset(first, size));
    page.certain = std::numeric_limits<std::size_t>::max();
    return page;
  }
  const auto wanted = std::max(static_cast<Xapian::doccount>(window), first + size);
  Xapian::Enquire by_words = ranking_enquire(database);
  by_words.set_query(base);
  // Each document's sha256 comes back with its rank, without fetching the document. Ids are
  // unique in an archive; across archives combined by hand, the same original is shown once.
  if (window_by == WindowBy::id_terms) by_words.set_collapse_key(schema::kShaSlot);
  // The first phase by our own walk of the posting lists where it weighs as Xapian does
  // (weighed_match.hpp: the same documents, order and weights), else Xapian's pruned top-k.
  std::vector<RankedDocument> order;
  std::optional<WeighedMatches> walked;
  if (!first_phase && window_by == WindowBy::docids)
    walked = weighed_matches(database, base, wanted, nullptr, /*keep_all=*/false,
                             exact_within_folded, lengths, /*read_wdfs=*/true);
  if (walked) first_phase = &*walked;
  if (first_phase) {
    order.reserve(first_phase->best.size());
    for (const auto& [docid, weight] : first_phase->best)
      order.push_back({docid, weight, {}});
  } else {
    order = ranked(by_words.get_mset(0, wanted));
  }
  const std::size_t in_window = std::min(window, order.size());
  const bool window_holds_all = order.size() < wanted && order.size() <= window;
  const double lowest_in_window = in_window > 0 ? order[in_window - 1].weight : 0;

  // A hint weighs the window again: a document outside it gains at most the hint's own bound
  // over its weight by `base` (the hint's weight, of the same words, is never negative).
  const std::optional<RankingHint> hint =
      hint_from ? hint_from(best_of(order)) : std::optional<RankingHint>();
  const std::vector<Xapian::Query>& active = hint ? hint->bonuses : bonuses;
  std::vector<RankedDocument> head(order.begin(),
                                   order.begin() + static_cast<std::ptrdiff_t>(in_window));
  if (hint) reweigh(database, hint->base, head, window_by, lengths);
  // Every document of `order` matches `base`, and a hint's base too (the same matches).
  std::vector<std::string> held = held_by(base);
  if (hint)
    for (std::string& description : held_by(hint->base))
      held.push_back(std::move(description));
  // A page needs the window's ranks up to its own end exact; proving, every rank of it.
  const std::size_t exact = prove ? in_window : std::min<std::size_t>(in_window, first + size);
  page.weighed = add_bonuses(database, active, head, window_by, held, lengths, exact, first_phase);
  // Xapian's order: by weight, ties by docid.
  std::sort(head.begin(), head.end(), [](const RankedDocument& a, const RankedDocument& b) {
    return a.weight != b.weight ? a.weight > b.weight : a.docid < b.docid;
  });
  if (window_holds_all) {
    page.certain = std::numeric_limits<std::size_t>::max();
  } else if (prove) {
    // Strictly above what a document outside the window could reach, with a margin for the
    // order in which the same weights are added up.
    const double reach = lowest_in_window + bonus_bound(database, active) +
                         (hint ? bonus_bound(database, {hint->base}) : 0.0);
    const double margin = 1e-9 * std::max(1.0, std::abs(reach));
    while (page.certain < head.size() && head[page.certain].weight > reach + margin)
      ++page.certain;
  }
  std::copy(head.begin(), head.end(), order.begin());

  const std::size_t begin = std::min<std::size_t>(first, order.size());
  const std::size_t end = std::min<std::size_t>(begin + size, order.size());
  page.documents.assign(order.begin() + static_cast<std::ptrdiff_t>(begin),
                        order.begin() + static_cast<std::ptrdiff_t>(end));
  // Past the window the order is by word weight; the weights shown are still the full ones.
  if (end > in_window) {
    const std::size_t from = std::max(begin, in_window) - begin;
    std::vector<RankedDocument> outside(page.documents.begin() + static_cast<std::ptrdiff_t>(from),
                                        page.documents.end());
    if (hint) reweigh(database, hint->base, outside, window_by, lengths);
    add_bonuses(database, active, outside, window_by, held, lengths, outside.size(), first_phase);
    std::copy(outside.begin(), outside.end(),
              page.documents.begin() + static_cast<std::ptrdiff_t>(from));
  }
  return page;
}

}  // namespace vanban::archive
