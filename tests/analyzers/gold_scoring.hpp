// What the gold tests share: the metadata fields an annotation holds, a right/total tally, and
// how an annotated citation is matched to an extracted one (by key, with a compatible date).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "vanban/analyzers/structure.hpp"
#include "vanban/analyzers/symbol.hpp"

namespace vanban::analyzers::gold {

inline constexpr const char* kFields[] = {
    "type",         "type_code",         "number",    "issuer", "place", "date", "title", "signer",
    "signer_title", "signing_authority", "recipients"};

struct Tally {
  int right = 0;
  int total = 0;
  void add(bool ok) {
    right += ok ? 1 : 0;
    ++total;
  }
  double rate() const { return total == 0 ? 1.0 : static_cast<double>(right) / total; }
};

// The key an extracted citation must carry: the symbol key of the annotated number, else the
// law key of the annotated name.
inline std::string annotated_key(const nlohmann::json& citation) {
  if (citation.contains("number") && citation["number"].is_string())
    return symbol_key(citation["number"].get<std::string>())
        .value_or(citation["number"].get<std::string>());
  return law_key(citation.value("name", std::string{}));
}

// Dates agree when either is unknown or one is a prefix of the other ("2026-01" and "2026-01-31").
inline bool dates_agree(const nlohmann::json& a, const nlohmann::json& b) {
  if (!a.is_string() || !b.is_string()) return true;
  const auto x = a.get<std::string>();
  const auto y = b.get<std::string>();
  return x.starts_with(y) || y.starts_with(x);
}

// The first extracted citation not yet `used` that matches the annotated one; marks it used.
inline std::optional<std::size_t> match_citation(const nlohmann::json& extracted,
                                                 const nlohmann::json& citation,
                                                 std::vector<bool>& used) {
  const std::string key = annotated_key(citation);
  for (std::size_t i = 0; i < extracted.size(); ++i) {
    if (used[i] || !extracted[i]["number_key"].is_string() || extracted[i]["number_key"] != key ||
        !dates_agree(extracted[i]["date"], citation["date"]))
      continue;
    used[i] = true;
    return i;
  }
  return std::nullopt;
}

}  // namespace vanban::analyzers::gold
