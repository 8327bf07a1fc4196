// Facet counting over a whole result set: value slots through Xapian::ValueCountMatchSpy, and
// the multi-valued cited-instrument slot through a spy of our own.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "vanban/archive/searcher.hpp"

namespace vanban::archive {

// Counts each cited instrument once per matching document, reading schema::kCitesSlot. The same
// instrument written two ways ("33/CT-TTg", "33/CT-TTG") is one value: items are grouped by
// symbol key, shown as the spelling seen most often.
class CitesMatchSpy : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& document, double weight) override;
  Xapian::MatchSpy* clone() const override { return new CitesMatchSpy; }
  std::string name() const override { return "vanban::CitesMatchSpy"; }

  // Most cited first (ties by value), at most `limit`.
  std::vector<FacetValue> top(std::size_t limit) const;

 private:
  struct Counts {
    Xapian::doccount documents = 0;
    std::unordered_map<std::string, Xapian::doccount> spellings;
  };
  const std::string& key_of(const std::string& display);

  std::unordered_map<std::string, std::string> keys_;  // display → key, computed once
  std::unordered_map<std::string, Counts> counts_;     // by key
  std::vector<std::pair<const std::string*, const std::string*>> seen_;  // one document's items
};

// Most frequent values first (ties by value), at most `limit`.
std::vector<FacetValue> top_values(const Xapian::ValueCountMatchSpy& spy, std::size_t limit);

}  // namespace vanban::archive
