// The search box language (docs/ARCHITECTURE.md "Search semantics users expect"): words, +required
// words, "phrases", -exclusions, OR, parentheses, document numbers anywhere, and the fields cq: so:
// loai: nam: trich: ngay:. Parsing is pure (no Xapian): it yields a small tree the query builder
// turns into a Xapian::Query, so the grammar can be tested on its own.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/archive/fields.hpp"
#include "vanban/common/result.hpp"

namespace vanban::archive::query {

// Longest query accepted, in bytes of UTF-8.
inline constexpr std::size_t kMaxQueryBytes = 1000;

// One syllable as the index knows it: the exact form (diacritics kept, lower case) and the
// folded form. A word typed without diacritics has exact == folded.
struct Word {
  std::string exact;
  std::string folded;
  bool required = false;  // typed `+word`: never left out when too few documents hold all words
  // Typed without diacritics: the spelling the archive's text gives it beside the box's other
  // words, a ranking hint that the searcher fills (accent_restoration.hpp); it changes no match.
  // Empty from the parser.
  std::string restored;
  // The spelling offered to the user ("Có phải bạn muốn tìm"): `restored`, else the one the
  // best documents use most, where none stands beside the other words. Never ranks.
  std::string suggested;
  // A word no document holds: the archive's word nearest to it, as the archive spells it (a
  // typo's correction, spelling.hpp). Offered, never searched unless the user asks.
  std::string corrected;
  bool accented() const { return exact != folded; }
};

// The fields typed as `prefix:value` (kSearchFields names their prefixes).
using Field = FieldId;

// Inclusive bounds on the "YYYYMMDD" date value; an empty bound is open.
struct DateRange {
  std::string from;
  std::string to;
};

struct Node {
  enum class Kind {
    words,    // adjacent words typed without quotes: required but for function words (and all
              // but `+words` when too few documents hold them all); adjacency ranks higher
    phrase,   // "strict phrase"
    number,   // a document number: its own document first, then the documents citing it
    field,    // cq: so: loai: nam: trich: ngay:
    all_of,   // children all required (exclusions among them)
    any_of,   // a OR b
    exclude,  // -child
  };
  Kind kind = Kind::all_of;
  std::vector<Word> words;  // words, phrase
  std::string number_key;   // number: symbol_key of what was typed (`value`: as typed)
  Field field = Field::issuer;
  std::string value;  // field: the value as typed (not for date); number: the number as typed
  DateRange range;    // field date
  std::vector<Node> children;
};

// The tree of a query; the root is always an all_of node (possibly empty).
struct ParsedQuery {
  Node root;
  // The box ends with a question mark ("...không?"): the user asks a question. Titles, topics
  // and numbers are never typed so.
  bool asked = false;
};

// Parses the box. Errors (unbalanced quote, empty field value, bad date range, bad year, too
// long) are invalid_argument with a Vietnamese user_message. Never throws.
Result<ParsedQuery> parse_query(std::string_view text);

// Date bounds of "YYYY", "YYYY-MM", "YYYY-MM-DD" or "DD/MM/YYYY", as "YYYYMMDD" values: the lowest
// and highest value the text covers ("2025-03" → 20250300..20250399). nullopt when invalid.
std::optional<DateRange> date_bounds(std::string_view text);

// "2025-01-01..2025-06-30", "2025..", "..2025-06-30", or one date/month/year.
std::optional<DateRange> parse_date_range(std::string_view text);

// The symbol key of a document number typed by a user, or nullopt when it is not one (a
// symbol has a leading number and letters after it: "33/CT-TTg", not "5/3").
std::optional<std::string> number_key(std::string_view typed);

// Whether a value typed for a field names kUnknownValue ("Không rõ", "khong ro").
bool names_unknown(std::string_view typed);

// The error of a validity value that names no status (in the box and in the URL alike).
Error bad_status(std::string_view typed);

// Human-readable form of a tree, for tests and logs: words(dân|dan vận|van) number(33/ct-ttg) ...
std::string describe(const Node& node);

}  // namespace vanban::archive::query
