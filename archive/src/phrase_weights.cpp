#include "phrase_weights.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <numeric>
#include <unordered_map>

#include "ranking_weight.hpp"

namespace vanban::archive {

// The term of a plain term query (a term of its own wdf or position describes itself otherwise).
std::optional<std::string> plain_term(const Xapian::Query& query) {
  if (query.get_type() != Xapian::Query::LEAF_TERM) return std::nullopt;
  std::string term = *query.get_terms_begin();
  if (query.get_description() != Xapian::Query(term).get_description()) return std::nullopt;
  return term;
}

// The factor of an OP_SCALE_WEIGHT query: no API reads it, its description shows it (Xapian 1.4
// writes it "%.20g", which gives the double back exactly; checked by describing the same scale
// again).
std::optional<double> scale_factor(const Xapian::Query& query) {
  const std::string description = query.get_description();  // "Query(2.5 * ...)"
  const std::string opening = "Query(";
  const std::size_t times = description.find(" * ");
  if (description.rfind(opening, 0) != 0 || times == std::string::npos) return std::nullopt;
  const double factor =
      std::strtod(description.substr(opening.size(), times - opening.size()).c_str(), nullptr);
  if (!(factor > 0) || Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, query.get_subquery(0), factor)
                               .get_description() != description)
    return std::nullopt;
  return factor;
}

// The weight of a FixedWeightPostingSource query: read back, as scale_factor() reads its factor,
// from the description ("%.20g"), checked by describing a source of that weight again. Any
// other source (whose weights vary by document) is nullopt.
std::optional<double> fixed_weight_of(const Xapian::Query& query) {
  if (query.get_type() != Xapian::Query::LEAF_POSTING_SOURCE) return std::nullopt;
  const std::string description = query.get_description();
  const std::string_view prefix = "Query(PostingSource(Xapian::FixedWeightPostingSource(wt=";
  if (description.rfind(prefix, 0) != 0) return std::nullopt;
  const double weight = std::strtod(description.c_str() + prefix.size(), nullptr);
  if (!(weight >= 0) ||
      Xapian::Query((new Xapian::FixedWeightPostingSource(weight))->release()).get_description() !=
          description)
    return std::nullopt;
  return weight;
}

std::optional<PlainPhrase> plain_phrase(const Xapian::Database& database,
                                        const Xapian::Query& bonus) {
  // Several databases are matched one by one, each ordering the terms by its own frequencies.
  if (database.size() != 1) return std::nullopt;
  PlainPhrase phrase;
  Xapian::Query query = bonus;
  if (query.get_type() == Xapian::Query::OP_SCALE_WEIGHT) {
    const std::optional<double> factor = scale_factor(query);
    if (!factor) return std::nullopt;
    phrase.factor = *factor;
    query = query.get_subquery(0);
  }
  if (auto term = plain_term(query)) {
    phrase.terms.push_back(std::move(*term));
    phrase.summed.push_back(0);
    return phrase;
  }
  if (query.get_type() != Xapian::Query::OP_PHRASE) return std::nullopt;
  const std::size_t size = query.get_num_subqueries();
  if (size < 2) return std::nullopt;
  std::vector<Xapian::Query> parts;
  for (std::size_t i = 0; i < size; ++i) {
    std::optional<std::string> term = plain_term(query.get_subquery(i));
    if (!term) return std::nullopt;
    parts.emplace_back(*term);
    phrase.terms.push_back(std::move(*term));
  }
  // The window is the phrase's size (no API reads it; its description shows it).
  if (query.get_description() !=
      Xapian::Query(Xapian::Query::OP_PHRASE, parts.begin(), parts.end(), size).get_description())
    return std::nullopt;
  std::vector<Xapian::doccount> termfreq;
  for (const std::string& term : phrase.terms)
    termfreq.push_back(database.get_termfreq(term));
  phrase.summed.resize(size);
  std::iota(phrase.summed.begin(), phrase.summed.end(), std::size_t{0});
  std::stable_sort(phrase.summed.begin(), phrase.summed.end(),
                   [&](std::size_t a, std::size_t b) { return termfreq[a] < termfreq[b]; });
  // 0 + a + b is b + a: the first two places may swap; a swap of two different terms of one
  // frequency after them changes the sum's rounding.
  for (std::size_t i = 2; i < size; ++i) {
    const std::size_t a = phrase.summed[i - 1], b = phrase.summed[i];
    if (termfreq[a] == termfreq[b] && phrase.terms[a] != phrase.terms[b]) return std::nullopt;
  }
  return phrase;
}

PhraseWeigher::PhraseWeigher(const Xapian::Database& database,
                             const std::vector<PlainPhrase>& phrases,
                             const std::vector<Xapian::docid>& docids,
                             std::span<const Xapian::termcount> lengths,
                             const WeighedMatches* walked)
    : database_(database),
      docids_(docids),
      potentials_(phrases.size(), std::vector<double>(docids.size(), 0)),
      weights_(phrases.size(), std::vector<double>(docids.size(), 0)),
      weighed_(docids.size(), false) {
  if (docids.empty() || phrases.empty()) return;
  const Xapian::doccount total = database.get_doccount();
  const double average = database.get_avlength();
  const double length_factor = average != 0 ? 1 / average : 0;

  // Each distinct term: its weight factor, its wdf in each document (one walk of its postings).
  std::unordered_map<std::string, std::size_t> index_of;
  for (const PlainPhrase& phrase : phrases)
    for (const std::string& term : phrase.terms)
      if (index_of.emplace(term, terms_.size()).second) terms_.push_back(term);
  std::vector<Xapian::doccount> termfreq(terms_.size());
  wdf_.assign(terms_.size(), std::vector<Xapian::termcount>(docids.size(), 0));
  // Where the first phase's walk read a term in every one of the documents: its wdfs there.
  std::unordered_map<Xapian::docid, std::size_t> walked_at;
  if (walked && !walked->terms.empty())
    for (std::size_t i = 0; i < walked->best.size(); ++i)
      walked_at.emplace(walked->best[i].first, i);
  const auto read_by_walk = [&](std::size_t t) {
    if (walked_at.empty()) return false;
    const auto term = std::find(walked->terms.begin(), walked->terms.end(), terms_[t]);
    if (term == walked->terms.end()) return false;
    const auto k = static_cast<std::size_t>(term - walked->terms.begin());
    std::vector<Xapian::termcount> wdfs(docids.size());
    for (std::size_t d = 0; d < docids.size(); ++d) {
      const auto at = walked_at.find(docids[d]);
      if (at == walked_at.end()) return false;
      wdfs[d] = walked->wdfs[at->second][k];
      if (wdfs[d] == WeighedMatches::kUnread) return false;
    }
    wdf_[t] = std::move(wdfs);
    return true;
  };
  for (std::size_t t = 0; t < terms_.size(); ++t) {
    termfreq[t] = database.get_termfreq(terms_[t]);
    if (read_by_walk(t)) continue;
    Xapian::PostingIterator it = database.postlist_begin(terms_[t]);
    const Xapian::PostingIterator end = database.postlist_end(terms_[t]);
    for (std::size_t d = 0; d < docids.size() && it != end; ++d) {
      it.skip_to(docids[d]);
      if (it != end && *it == docids[d]) wdf_[t][d] = it.get_wdf();
    }
  }
  // Per phrase, its terms' indexes and weight factors (its scale in each).
  std::vector<std::vector<double>> factor;
  for (const PlainPhrase& phrase : phrases) {
    std::vector<std::size_t> indexes;
    std::vector<double> factors;
    for (const std::string& term : phrase.terms) {
      indexes.push_back(index_of.at(term));
      factors.push_back(term_weight(termfreq[indexes.back()], total, phrase.factor));
    }
    phrase_terms_.push_back(std::move(indexes));
    factor.push_back(std::move(factors));
  }
  // What each phrase weighs where its terms stand side by side: the sum of its terms' weights,
  // which their wdfs and the length give without positions.
  for (std::size_t d = 0; d < docids.size(); ++d) {
    std::optional<Xapian::termcount> length;  // read in ascending docid order, once
    for (std::size_t p = 0; p < phrases.size(); ++p) {
      if (!holds_all(p, d)) continue;
      if (!length) {
        const Xapian::docid docid = docids[d];
        length = docid < lengths.size() ? lengths[docid] : database.get_doclength(docid);
      }
      double sum = 0;
      for (const std::size_t i : phrases[p].summed) {
        const std::size_t t = phrase_terms_[p][i];
        sum += sum_part(factor[p][i], length_factor, wdf_[t][d], *length);
      }
      potentials_[p][d] = sum;
    }
  }
}

bool PhraseWeigher::holds_all(std::size_t p, std::size_t d) const {
  return std::all_of(phrase_terms_[p].begin(), phrase_terms_[p].end(),
                     [&](std::size_t t) { return wdf_[t][d] > 0; });
}

void PhraseWeigher::weigh(std::size_t d) {
  if (weighed_[d]) return;
  weighed_[d] = true;
  // The document's positions of each term: read at most once, and only as far as a check needs
  // (a phrase found early reads little, as Xapian's own check does).
  struct Positions {
    Xapian::PositionIterator it;
    std::vector<Xapian::termpos> seen;
    bool opened = false;
  };
  std::vector<Positions> lists(terms_.size());
  auto list = [&](std::size_t t) -> Positions& {
    Positions& made = lists[t];
    if (!made.opened) {
      made.opened = true;
      made.it = database_.positionlist_begin(docids_[d], terms_[t]);
    }
    return made;
  };
  // The i-th position of term t, if it has that many.
  auto nth = [&](std::size_t t, std::size_t i) -> std::optional<Xapian::termpos> {
    Positions& read = list(t);
    for (; read.seen.size() <= i && read.it != Xapian::PositionIterator(); ++read.it)
      read.seen.push_back(*read.it);
    if (read.seen.size() <= i) return std::nullopt;
    return read.seen[i];
  };
  auto holds = [&](std::size_t t, Xapian::termpos at) {
    Positions& read = list(t);
    if (!read.seen.empty() && read.seen.back() >= at)
      return std::binary_search(read.seen.begin(), read.seen.end(), at);
    for (; read.it != Xapian::PositionIterator(); ++read.it) {
      read.seen.push_back(*read.it);
      if (read.seen.back() >= at) {
        ++read.it;
        return read.seen.back() == at;
      }
    }
    return false;
  };
  // Is the phrase at some position: term i at base + i for every i.
  auto adjacent = [&](std::size_t p) {
    const std::vector<std::size_t>& indexes = phrase_terms_[p];
    if (indexes.size() == 1) return true;  // a term alone: no positions to check
    // Anchored on the term with the lowest wdf (fewest positions), as Xapian starts.
    std::size_t anchor = 0;
    for (std::size_t i = 1; i < indexes.size(); ++i)
      if (wdf_[indexes[i]][d] < wdf_[indexes[anchor]][d]) anchor = i;
    for (std::size_t n = 0;; ++n) {
      const std::optional<Xapian::termpos> at = nth(indexes[anchor], n);
      if (!at) return false;
      if (*at < anchor) continue;
      const Xapian::termpos base = *at - static_cast<Xapian::termpos>(anchor);
      bool all = true;
      for (std::size_t i = 0; i < indexes.size() && all; ++i)
        if (i != anchor) all = holds(indexes[i], base + static_cast<Xapian::termpos>(i));
      if (all) return true;
    }
  };
  for (std::size_t p = 0; p < phrase_terms_.size(); ++p)
    if (holds_all(p, d) && adjacent(p)) weights_[p][d] = potentials_[p][d];
}

std::vector<std::vector<double>> phrase_weights(const Xapian::Database& database,
                                                const std::vector<PlainPhrase>& phrases,
                                                const std::vector<Xapian::docid>& docids,
                                                std::span<const Xapian::termcount> lengths) {
  PhraseWeigher weigher(database, phrases, docids, lengths);
  for (std::size_t d = 0; d < docids.size(); ++d)
    weigher.weigh(d);
  return weigher.weights();
}

}  // namespace vanban::archive
