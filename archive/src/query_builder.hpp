// From the parsed box and the URL filters to Xapian queries.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "vanban/archive/query_parser.hpp"
#include "vanban/archive/searcher.hpp"
#include "vanban/common/result.hpp"

namespace vanban::archive {

// The faceted fields; each can be left out of a filter to count its own facet (disjunctive
// faceting: a facet's counts reflect the other filters only).
enum class Facet { issuer, type, year, cites };

// Filters from the URL parameters and from the fields typed at the top level of the box.
// Values within one field OR together; fields AND together.
struct Filters {
  std::vector<std::string> issuers;
  std::vector<std::string> types;
  std::vector<std::string> years;
  std::vector<std::string> cites;
  std::vector<std::string> numbers;
  std::vector<query::DateRange> dates;

  bool has(Facet facet) const;
};

// The request's filters, validated (bad year, date or number: invalid_argument).
Result<Filters> filters_of(const SearchRequest& request);

// Moves the positive field nodes of the top level of the box into `filters`, so that a typed
// `cq:` behaves like the issuer parameter (and is left out of its own facet's counts).
void move_fields_to_filters(query::Node& root, Filters& filters);

class QueryBuilder {
 public:
  // Without `rank_bonuses` the words carry no adjacency or heading bonus: for results sorted by
  // date, where relevance only orders documents of the same date, those phrase checks on every
  // match would cost more than they tell.
  explicit QueryBuilder(const Xapian::Database& database, bool rank_bonuses = true)
      : database_(database), rank_bonuses_(rank_bonuses) {}

  // The ranking query of the box; MatchAll when the box holds no positive term.
  Xapian::Query text(const query::Node& root) const;
  // Boolean filter (no weight) of all the filters but `without`'s; nullopt when none applies.
  std::optional<Xapian::Query> filter(const Filters& filters,
                                      std::optional<Facet> without = std::nullopt) const;

 private:
  Xapian::Query node(const query::Node& node) const;
  Xapian::Query excluded(const query::Node& node) const;
  Xapian::Query field(const query::Node& node) const;
  Xapian::Query issuer(const std::string& value) const;
  Xapian::Query type(const std::string& value) const;
  Xapian::Query cites(const std::string& value) const;

  const Xapian::Database& database_;
  bool rank_bonuses_ = true;
};

}  // namespace vanban::archive
