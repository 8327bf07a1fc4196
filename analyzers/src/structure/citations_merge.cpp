// From mentions to citations: footnote markers, footnote details, one citation per instrument.
#include <algorithm>
#include <map>
#include <set>

#include "vanban/analyzers/fold.hpp"
#include "vanban/analyzers/symbol.hpp"

#include "structure/citations.hpp"
#include "structure/text.hpp"

namespace vanban::analyzers {

std::string law_key(std::string_view name) {
  return "luat:" + structure::fold_key(name);
}

}  // namespace vanban::analyzers

namespace vanban::analyzers::structure {
namespace {

// "23-QĐ/TW1" → candidates ("23-QĐ/TW", 1): the digits the scanner saw glued to the last code.
std::vector<std::pair<std::string, int>> marker_splits(const std::string& number,
                                                       std::size_t marker_digits) {
  std::vector<std::pair<std::string, int>> splits;
  for (std::size_t k = 1; k <= marker_digits && k < number.size(); ++k) {
    const std::size_t cut = number.size() - k;
    splits.emplace_back(number.substr(0, cut), std::stoi(number.substr(cut)));
  }
  return splits;
}

int detail_count(const Citation& citation) {
  return static_cast<int>(citation.number.has_value()) +
         static_cast<int>(citation.date.has_value()) +
         static_cast<int>(citation.issuer.has_value()) +
         static_cast<int>(citation.title.has_value());
}

struct Group {
  Citation citation;
  std::optional<std::string> law_key;
  std::size_t position = 0;
  int text_score = -1;
};

bool same_instrument(const Group& group, const Mention& mention) {
  const Citation& a = group.citation;
  const Citation& b = mention.citation;
  const bool same_number = a.number_key && b.number_key && *a.number_key == *b.number_key;
  const bool same_law = group.law_key && mention.law_key && *group.law_key == *mention.law_key;
  if (!same_number && !same_law) return false;
  // Administrative numbers repeat every year: two dates that differ are two documents. A year
  // alone ("Bộ luật Lao động năm 2019") agrees with a full date of that year.
  if (a.date && b.date && !a.date->starts_with(*b.date) && !b.date->starts_with(*a.date))
    return false;
  return true;
}

void merge_into(Group& group, const Mention& mention) {
  Citation& target = group.citation;
  const Citation& source = mention.citation;
  if (!target.number && source.number) {
    target.number = source.number;
    target.number_key = source.number_key;
  }
  if (source.date && (!target.date || source.date->size() > target.date->size()))
    target.date = source.date;
  if (!target.issuer) target.issuer = source.issuer;
  if (!target.type) target.type = source.type;
  if (source.title && (!target.title || source.title->size() > target.title->size()))
    target.title = source.title;
  if (!group.law_key) group.law_key = mention.law_key;
  const int score = detail_count(source);
  if (score > group.text_score) {
    group.text_score = score;
    target.text = source.text;
  }
  group.position = std::min(group.position, mention.position);
}

}  // namespace

std::vector<Citation> extract_citations(std::string_view flowed_body,
                                        const std::vector<Footnote>& footnotes,
                                        const std::optional<std::string>& own_number_key,
                                        const std::optional<std::string>& own_date) {
  std::vector<Mention> mentions = find_mentions(flowed_body);
  const std::size_t body_count = mentions.size();
  std::map<int, std::set<std::string>> footnote_keys;
  for (std::size_t i = 0; i < footnotes.size(); ++i) {
    for (Mention& mention : find_mentions(footnotes[i].text)) {
      mention.in_footnote = true;
      mention.position += flowed_body.size() + 1 + i * 100000;
      if (mention.citation.number_key)
        footnote_keys[footnotes[i].id].insert(*mention.citation.number_key);
      mentions.push_back(std::move(mention));
    }
  }
  std::multiset<std::string> all_keys;
  for (const Mention& mention : mentions)
    if (mention.citation.number_key) all_keys.insert(*mention.citation.number_key);

  // Footnote markers glued to numbers: "23-QĐ/TW1" when footnote 1 cites 23-QĐ/TW, or when the
  // text cites 23-QĐ/TW elsewhere.
  for (std::size_t i = 0; i < body_count; ++i) {
    Citation& citation = mentions[i].citation;
    if (!citation.number) continue;
    const auto splits = marker_splits(*citation.number, mentions[i].marker_digits);
    std::optional<std::string> stripped;
    for (const auto& [base, marker] : splits) {
      const auto key = symbol_key(base);
      const auto notes = footnote_keys.find(marker);
      if (key && notes != footnote_keys.end() && notes->second.count(*key)) {
        stripped = base;
        break;
      }
    }
    if (!stripped) {
      for (const auto& [base, marker] : splits) {
        const auto key = symbol_key(base);
        if (key && all_keys.count(*key) > 0) {
          stripped = base;
          break;
        }
      }
    }
    if (stripped) {
      const std::string original = *citation.number;
      citation.number = *stripped;
      citation.number_key = symbol_key(*stripped);
      const std::size_t at = citation.text.find(original);
      if (at != std::string::npos) citation.text.replace(at, original.size(), *stripped);
    }
  }

  std::vector<Group> groups;
  for (const Mention& mention : mentions) {
    const Citation& citation = mention.citation;
    if (own_number_key && citation.number_key && *citation.number_key == *own_number_key &&
        (!citation.date || !own_date || *citation.date == *own_date))
      continue;
    auto found = std::find_if(groups.begin(), groups.end(),
                              [&](const Group& group) { return same_instrument(group, mention); });
    if (found == groups.end()) {
      Group group;
      group.citation = citation;
      group.law_key = mention.law_key;
      group.position = mention.position;
      group.text_score = detail_count(citation);
      groups.push_back(std::move(group));
    } else {
      merge_into(*found, mention);
    }
  }
  std::stable_sort(groups.begin(), groups.end(),
                   [](const Group& a, const Group& b) { return a.position < b.position; });
  std::vector<Citation> citations;
  citations.reserve(groups.size());
  for (Group& group : groups)
    citations.push_back(std::move(group.citation));
  return citations;
}

}  // namespace vanban::analyzers::structure
