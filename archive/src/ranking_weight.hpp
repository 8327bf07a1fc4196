// The weighting of every relevance ranking run (not of counting runs, which use BoolWeight).
#pragma once

#include <algorithm>
#include <cmath>

#include <xapian.h>

namespace vanban::archive {

// Okapi BM25 with the parameters its authors recommend and Lucene, Elasticsearch and SQLite FTS5
// use (k1 1.2, b 0.75), not Xapian's own defaults (k1 1, b 0.5): with less length
// normalisation, a long document holding a topic's common words many times apart outranked the
// shorter ones about the topic (docs/BENCHMARKS.md, "Standard BM25 parameters").
// phrase_weights.cpp computes the same weights with these parameters.
inline constexpr double kBm25K1 = 1.2;
inline constexpr double kBm25K2 = 0;
inline constexpr double kBm25K3 = 1;
inline constexpr double kBm25B = 0.75;
inline constexpr double kBm25MinNormlen = 0.5;

// BM25Weight::init (Xapian 1.4) for a term in `termfreq` of `total` documents, with no relevance
// set and a wqf of 1, scaled by `factor`: the term's weight before its wdf and the length.
// phrase_weights.cpp and weighed_match.cpp compute Xapian's weights with these expressions.
inline double term_weight(Xapian::doccount termfreq, Xapian::doccount total, double factor) {
  double tw = (total - termfreq + 0.5) / (termfreq + 0.5);
  if (tw < 2) tw = tw * 0.5 + 1;
  double weight = std::log(tw) * factor;
  const double wqf = 1;
  if (kBm25K3 != 0) weight *= (kBm25K3 + 1) * wqf / (kBm25K3 + wqf);
  weight *= (kBm25K1 + 1);
  return weight;
}

// BM25Weight::get_sumpart (Xapian 1.4); `length_factor` is 1 / the average length (0 for none).
inline double sum_part(double term_weight, double length_factor, Xapian::termcount wdf,
                       Xapian::termcount length) {
  const double normlen = std::max(length * length_factor, kBm25MinNormlen);
  const double wdf_double = wdf;
  const double denom = kBm25K1 * (normlen * kBm25B + (1 - kBm25B)) + wdf_double;
  return term_weight * (wdf_double / denom);
}

inline Xapian::Enquire ranking_enquire(const Xapian::Database& database) {
  Xapian::Enquire enquire(database);
  enquire.set_weighting_scheme(
      Xapian::BM25Weight(kBm25K1, kBm25K2, kBm25K3, kBm25B, kBm25MinNormlen));
  return enquire;
}

}  // namespace vanban::archive
