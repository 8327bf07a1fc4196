// URL parameters of /api/search turned into an archive::SearchRequest. Bad values are
// invalid_argument (400) with a Vietnamese message; an over-long query is too_large (413).
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>

#include "vanban/archive/query_parser.hpp"
#include "vanban/archive/searcher.hpp"
#include "vanban/common/result.hpp"

namespace vanban::server {

// The same type as httplib::Params: repeated keys keep their order.
using QueryParams = std::multimap<std::string, std::string>;

struct SearchLimits {
  // Bytes of UTF-8 in `q`: the query parser's own limit, refused here as too_large (413).
  std::size_t max_query_bytes = archive::query::kMaxQueryBytes;
  int max_page_size = archive::kMaxPageSize;  // larger sizes are capped, not refused
  int max_page = 1000;                        // deeper pages are refused
  std::size_t max_filter_values = 50;         // values of one multi-valued filter
};

// q, issuer*, type*, year*, cites*, number, from, to, sort, page, size. Multi-valued filters are
// given as repeated parameters (issuer=A&issuer=B); empty values are ignored; unknown
// parameters are ignored.
Result<archive::SearchRequest> parse_search_params(const QueryParams& params,
                                                   const SearchLimits& limits = {});

// The single value of a parameter: nullopt when absent, an error when repeated.
Result<std::optional<std::string>> single_param(const QueryParams& params, const std::string& name);

}  // namespace vanban::server
