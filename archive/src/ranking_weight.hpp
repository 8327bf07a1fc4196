// The weighting of every relevance ranking run (not of counting runs, which use BoolWeight).
#pragma once

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

inline Xapian::Enquire ranking_enquire(const Xapian::Database& database) {
  Xapian::Enquire enquire(database);
  enquire.set_weighting_scheme(
      Xapian::BM25Weight(kBm25K1, kBm25K2, kBm25K3, kBm25B, kBm25MinNormlen));
  return enquire;
}

}  // namespace vanban::archive
