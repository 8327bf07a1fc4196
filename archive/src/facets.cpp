#include "facets.hpp"

#include <algorithm>

#include "vanban/analyzers/structure.hpp"
#include "vanban/analyzers/symbol.hpp"
#include "vanban/archive/schema.hpp"

namespace vanban::archive {
namespace {

void sort_and_cut(std::vector<FacetValue>& values, std::size_t limit) {
  std::sort(values.begin(), values.end(), [](const FacetValue& a, const FacetValue& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  });
  if (values.size() > limit) values.resize(limit);
}

}  // namespace

const std::string& CitesMatchSpy::key_of(const std::string& display) {
  auto it = keys_.find(display);
  if (it == keys_.end())
    it = keys_.emplace(display, analyzers::citation_key(display).value_or(display)).first;
  return it->second;
}

void CitesMatchSpy::operator()(const Xapian::Document& document, double /*weight*/) {
  const std::string slot = document.get_value(schema::kCitesSlot);
  if (slot.empty()) return;
  seen_.clear();
  for (const std::string& item : schema::unserialise_list(slot)) {
    if (item.empty()) continue;
    const std::string& key = key_of(item);
    const std::string& display = keys_.find(item)->first;
    seen_.emplace_back(&key, &display);
  }
  std::sort(seen_.begin(), seen_.end(),
            [](const auto& a, const auto& b) { return *a.first < *b.first; });
  for (std::size_t i = 0; i < seen_.size(); ++i) {
    if (i > 0 && *seen_[i].first == *seen_[i - 1].first) continue;  // once per document
    Counts& counts = counts_[*seen_[i].first];
    ++counts.documents;
    ++counts.spellings[*seen_[i].second];
  }
}

std::vector<FacetValue> CitesMatchSpy::top(std::size_t limit) const {
  std::vector<FacetValue> values;
  values.reserve(counts_.size());
  for (const auto& [key, counts] : counts_) {
    const auto best = std::max_element(
        counts.spellings.begin(), counts.spellings.end(), [](const auto& a, const auto& b) {
          return a.second != b.second ? a.second < b.second : a.first > b.first;
        });
    values.push_back(FacetValue{best->first, counts.documents});
  }
  sort_and_cut(values, limit);
  return values;
}

std::vector<FacetValue> top_values(const Xapian::ValueCountMatchSpy& spy, std::size_t limit) {
  std::vector<FacetValue> values;
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it)
    if (!(*it).empty()) values.push_back(FacetValue{*it, it.get_termfreq()});
  sort_and_cut(values, limit);
  return values;
}

}  // namespace vanban::archive
