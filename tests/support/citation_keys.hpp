// The number keys of the citations the extractor reads in a text, in order ("" for a citation
// by name): what the citation tests compare.
#pragma once

#include <string>
#include <vector>

#include "vanban/analyzers/structure.hpp"

namespace vanban::testing {

inline std::vector<std::string> citation_keys_of(const std::string& text) {
  std::vector<std::string> keys;
  for (const analyzers::Citation& citation : analyzers::extract_metadata(text).citations)
    keys.push_back(citation.number_key.value_or(""));
  return keys;
}

}  // namespace vanban::testing
