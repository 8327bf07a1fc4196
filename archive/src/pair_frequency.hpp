// How many documents hold two words side by side, in that order: the document frequency of an
// adjacent pair, which no term of the index records (a pair is a phrase of two positional
// terms). The proximity bonus of an adjacent pair weighs no more than it allows
// (query_builder.cpp, QueryBuilder::pair_bonus): a pair
// few documents hold side by side is a compound or a name ("dân vận"), one most documents hold
// is a common expression ("kế hoạch") or two words that merely stand together.
#pragma once

#include <cstddef>
#include <string>

#include <xapian.h>

namespace vanban::archive {

// Documents checked for the pair at most (each a read of both terms' positions): beyond them,
// the pair is taken to be as dense in the rest of the docids as in the part walked to find the
// first `kPairSample` documents holding both terms (in index order, not ranked). The walk stops
// there: a common pair at 10,000 documents cost a third of a topic's page counted in full.
inline constexpr std::size_t kPairSample = 64;

// The documents holding `first` at some position p and `second` at p + 1 (positional terms).
// Exact when at most kPairSample documents hold both terms, else estimated from those.
double pair_frequency(const Xapian::Database& database, const std::string& first,
                      const std::string& second);

}  // namespace vanban::archive
