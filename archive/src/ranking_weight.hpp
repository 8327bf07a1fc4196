// The weighting of every relevance ranking run (not of counting runs, which use BoolWeight).
#pragma once

#include <xapian.h>

namespace vanban::archive {

// Okapi BM25 with the parameters its authors recommend and Lucene, Elasticsearch and SQLite FTS5
// use (k1 1.2, b 0.75), not Xapian's own defaults (k1 1, b 0.5): with less length
// normalisation, a long document holding a topic's common words many times apart outranked the
// shorter ones about the topic (docs/BENCHMARKS.md, "Standard BM25 parameters").
inline Xapian::Enquire ranking_enquire(const Xapian::Database& database) {
  Xapian::Enquire enquire(database);
  enquire.set_weighting_scheme(Xapian::BM25Weight(1.2, 0, 1, 0.75, 0.5));
  return enquire;
}

}  // namespace vanban::archive
