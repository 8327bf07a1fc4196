// URL parameters of /api/search turned into an archive::ParsedSearch. Bad values are
// invalid_argument (400) with a Vietnamese message; an over-long query is too_large (413).
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>

#include "vanban/archive/search_request.hpp"
#include "vanban/common/result.hpp"

namespace vanban::server {

// The same type as httplib::Params: repeated keys keep their order.
using QueryParams = std::multimap<std::string, std::string>;

using archive::SearchLimits;

// q, the fields of archive::kSearchFields by name (issuer, type, year, cites, number), from, to,
// sort, page, size, as text: repeated parameters give several values (issuer=A&issuer=B);
// unknown parameters are ignored. Bad UTF-8, a repeated q/from/to/sort/page/size, an unknown
// sort or a page or size that is not a positive number are invalid_argument.
Result<archive::SearchRequest> search_request(const QueryParams& params);

// search_request(), then archive::parse_search(): the one validation of a search.
Result<archive::ParsedSearch> parse_search_params(const QueryParams& params,
                                                  const SearchLimits& limits = {});

// The single value of a parameter: nullopt when absent, an error when repeated.
Result<std::optional<std::string>> single_param(const QueryParams& params, const std::string& name);

// as_of of /api/document: the ISO day the validity is worked out for, empty (today) when absent
// or empty; YYYY-MM-DD or dd/mm/yyyy, else invalid_argument.
Result<std::string> as_of_param(const QueryParams& params);

}  // namespace vanban::server
