// Citations that act on the instrument they name (the relation tests' fixtures).
#pragma once

#include <optional>
#include <string>

#include "search_fixtures.hpp"

namespace vanban::testing {

// A citation of `number` (dated `date` when given) whose citing document does `type` to it,
// wholly or to `scope`.
inline analyzers::Citation acting(const std::string& number, const std::string& type,
                                  std::optional<std::string> scope = std::nullopt,
                                  std::optional<std::string> date = std::nullopt) {
  analyzers::Citation citation = cite(number, std::move(date));
  citation.relations.push_back({type, std::move(scope), std::nullopt, "Câu dẫn chứng " + type});
  return citation;
}

}  // namespace vanban::testing
