// Every document's length by docid, as the searcher's facet columns give them
// (FacetColumns::lengths), for the tests that weigh with and without such a column.
#pragma once

#include <vector>

#include <xapian.h>

namespace vanban::testing {

// The lengths by docid (0 where no document), `more` added to each.
inline std::vector<Xapian::termcount> length_column(const Xapian::Database& database,
                                                    Xapian::termcount more = 0) {
  std::vector<Xapian::termcount> lengths(database.get_lastdocid() + 1, 0);
  for (auto it = database.postlist_begin(""); it != database.postlist_end(""); ++it)
    lengths[*it] = it.get_doclength() + more;
  return lengths;
}

}  // namespace vanban::testing
