#include "instrument_resolution.hpp"

#include <algorithm>
#include <cctype>

#include "vanban/analyzers/fold.hpp"

#include "schema.hpp"
#include "type_codes.hpp"

namespace vanban::archive {
namespace {

bool is_year(std::string_view segment) {
  return segment.size() == 4 && std::all_of(segment.begin(), segment.end(), [](char c) {
           return std::isdigit(static_cast<unsigned char>(c)) != 0;
         });
}

// The code segment of `rest`, what follows "<number>/" in a key: "nd-cp" → "nd",
// "2022/nd-cp" → "nd" when `skip_year`.
std::string_view code_segment(std::string_view rest, bool skip_year) {
  if (skip_year) {
    const auto slash = rest.find('/');
    if (slash != std::string_view::npos && is_year(rest.substr(0, slash)))
      rest.remove_prefix(slash + 1);
  }
  return rest.substr(0, rest.find_first_of("-/"));
}

// Statutes (Luật), the National Assembly's resolutions and its Standing Committee's ordinances
// and resolutions carry the legislature and its term instead of a type code: `n/yyyy/QHkk`,
// `n/yyyy/UBTVQHkk` (docs/domain.md 2.2).
bool legislature_code(std::string_view code, std::string_view type_name) {
  const std::string type = analyzers::fold(type_name);
  if (type != "luat" && type != "nghi quyet" && type != "phap lenh") return false;
  for (const std::string_view body : {std::string_view("qh"), std::string_view("ubtvqh")}) {
    if (!code.starts_with(body) || code.size() == body.size()) continue;
    const std::string_view term = code.substr(body.size());
    if (std::all_of(term.begin(), term.end(),
                    [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }))
      return true;
  }
  return false;
}

bool known(const Xapian::Database& database, const std::string& key) {
  return database.get_termfreq(schema::term(schema::kNumber, key)) > 0 ||
         database.get_termfreq(schema::term(schema::kCites, key)) > 0;
}

// The spellings of a number a document may use: as typed, and with its leading zero dropped or
// added ("04/2025" and "4/2025": both are written).
std::vector<std::string> number_forms(const std::string& number) {
  std::vector<std::string> forms{number};
  if (number.size() > 1 && number.front() == '0') {
    forms.push_back(number.substr(1));
  } else if (!number.empty() &&
             (number.size() == 1 || std::isdigit(static_cast<unsigned char>(number[1])) == 0)) {
    forms.push_back("0" + number);
  }
  return forms;
}

}  // namespace

std::vector<std::string> resolve_instrument(const Xapian::Database& database,
                                            const InstrumentRef& ref) {
  std::vector<std::string> keys;
  if (ref.key) {
    if (known(database, *ref.key)) keys.push_back(*ref.key);
    return keys;
  }
  std::vector<std::string> codes;
  for (const std::string_view code : type_codes_for_name(ref.type_name))
    codes.push_back(analyzers::fold(code));
  if (codes.empty() || ref.number.empty()) return keys;
  const bool has_year = ref.number.find('/') != std::string::npos;
  for (const std::string& number : number_forms(ref.number)) {
    for (const std::string_view prefix : {schema::kNumber, schema::kCites}) {
      const std::string start = std::string(prefix) + number + "/";
      for (auto it = database.allterms_begin(start);
           it != database.allterms_end(start) && keys.size() < kMaxInstrumentKeys; ++it) {
        const std::string term = *it;
        const std::string_view rest = std::string_view(term).substr(start.size());
        const std::string_view code = code_segment(rest, !has_year);
        if (std::find(codes.begin(), codes.end(), code) == codes.end() &&
            !legislature_code(code, ref.type_name))
          continue;
        std::string key = term.substr(prefix.size());
        if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(std::move(key));
      }
    }
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

}  // namespace vanban::archive
