#include "relation_keys.hpp"

#include <algorithm>

#include "vanban/analyzers/fold.hpp"

namespace vanban::archive {
namespace {

// Types cited by name (Law on Promulgation: laws, codes, ordinances, the Constitution).
bool cited_by_name(const std::optional<std::string>& type) {
  if (!type) return false;
  const std::string folded = analyzers::fold(*type);
  return folded == "luat" || folded == "bo luat" || folded == "phap lenh" || folded == "hien phap";
}

void add(std::vector<std::string>& keys, const std::optional<std::string>& key) {
  if (key && !key->empty() && std::find(keys.begin(), keys.end(), *key) == keys.end())
    keys.push_back(*key);
}

}  // namespace

std::vector<std::string> own_keys(const analyzers::DocumentMetadata& metadata) {
  std::vector<std::string> keys;
  add(keys, metadata.number_key);
  if (cited_by_name(metadata.type) && metadata.title && !metadata.title->empty())
    add(keys, analyzers::law_key(*metadata.type + " " + *metadata.title));
  return keys;
}

std::vector<std::string> cited_keys(const analyzers::Citation& citation) {
  std::vector<std::string> keys;
  add(keys, citation.number_key);
  // A law by name carries its name as its title ("Luật Bảo hiểm y tế").
  if (cited_by_name(citation.type) && citation.title && !citation.title->empty())
    add(keys, analyzers::law_key(*citation.title));
  return keys;
}

}  // namespace vanban::archive
