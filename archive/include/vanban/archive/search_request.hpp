// A search, twice: as a user gave it (SearchRequest: the box and the field filters as typed,
// from URL parameters or command-line options), and parsed (ParsedSearch: validated once, at
// the edge, then trusted by the searcher).
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "vanban/archive/fields.hpp"
#include "vanban/archive/query_parser.hpp"
#include "vanban/archive/relation_question.hpp"
#include "vanban/common/result.hpp"

namespace vanban::archive {

enum class SortOrder { relevance, newest, oldest };

// Where the box's words are looked for: the whole text (title, issuer, number and body), or the
// title alone ("Tìm trong: Trích yếu | Toàn văn"). Numbers and fields mean the same in both.
enum class SearchScope { all, title };

inline constexpr int kMaxPageSize = 100;

struct SearchLimits {
  // Bytes of UTF-8 in the box; longer is too_large (413).
  std::size_t max_query_bytes = query::kMaxQueryBytes;
  int max_page_size = kMaxPageSize;    // larger sizes are capped, not refused
  int max_page = 1000;                 // deeper pages are refused
  std::size_t max_filter_values = 50;  // values of one field
};

// Values of the fields (not the date, given as from/to), by field.
using FieldValues = std::map<FieldId, std::vector<std::string>>;

struct SearchRequest {
  std::string query;                // the box: words, "phrases", -not, OR, and fields (cq: so: ...)
  FieldValues filters;              // as typed; a field's values OR, fields AND; empty ignored
  std::optional<std::string> from;  // YYYY-MM-DD or dd/mm/yyyy
  std::optional<std::string> to;
  SortOrder sort = SortOrder::relevance;
  SearchScope scope = SearchScope::all;
  int page = 1;   // 1-based
  int size = 20;  // capped by SearchLimits::max_page_size
  // The box is searched as words even when it reads as a relation question (the UI's "tìm theo
  // từ" link under "Hiểu là: ...").
  bool as_words = false;
};

// The filters of a parsed search: those of the request and the fields typed at the top level
// of the box (a typed `cq:` acts like the issuer parameter), validated.
struct Filters {
  FieldValues values;
  std::vector<query::DateRange> dates;
  // Keys resolved by the searcher (a relation question's instruments), matched as the field's
  // terms exactly (term_prefix + key); an empty list matches nothing.
  FieldValues keys;

  bool has(FieldId field) const;
};

struct ParsedSearch {
  query::Node query;   // the box's tree, without the fields moved into `filters`
  bool asked = false;  // the box ends with a question mark (query::ParsedQuery::asked)
  // The box read as a question about an instrument's relations (relation_question.hpp): the
  // searcher answers it by the relation filter when the archive knows the instrument.
  std::optional<RelationQuestion> question;
  Filters filters;
  SortOrder sort = SortOrder::relevance;
  SearchScope scope = SearchScope::all;
  int page = 1;
  int size = 20;
};

// The one validation of a search. Errors: invalid_argument (bad syntax, year, number, date or
// range, page or size below 1, page past the limit) or too_large (an over-long box, too many
// values of one field), each with a Vietnamese user_message. Never throws.
Result<ParsedSearch> parse_search(const SearchRequest& request, const SearchLimits& limits = {});

// A day typed as the API takes it (YYYY-MM-DD, or dd/mm/yyyy as staff write it), as ISO
// YYYY-MM-DD; invalid_argument with a Vietnamese user_message naming `parameter` otherwise.
Result<std::string> parse_day(std::string_view typed, std::string_view parameter);

}  // namespace vanban::archive
