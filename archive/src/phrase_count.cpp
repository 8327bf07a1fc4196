#include "phrase_count.hpp"

#include <algorithm>
#include <iterator>
#include <map>
#include <string>

#include "docid_list.hpp"
#include "schema.hpp"

namespace vanban::archive {

std::vector<Xapian::docid> strict_phrase_matches(const Xapian::Database& database,
                                                 const QueryBuilder& counting,
                                                 const query::Node& root,
                                                 const CountingQueryOf& query_of,
                                                 const DocidsOf& docids_of) {
  const auto spelled = counting.phrase_spellings(root);
  if (!spelled) return docids_of(query_of(counting));
  std::vector<Xapian::docid> candidates = docids_of(query_of(counting.folded_phrases()));
  if (candidates.empty() || spelled->empty()) return docids_of(query_of(counting));
  // Which of the words each candidate spells several ways (its kOtherSpellings terms, each
  // list walked forward once): one character per word, '1' for several ways.
  std::vector<std::string> ways(candidates.size(), std::string(spelled->size(), '0'));
  for (std::size_t w = 0; w < spelled->size(); ++w) {
    const std::string term = schema::term(schema::kOtherSpellings, (*spelled)[w]);
    Xapian::PostingIterator it = database.postlist_begin(term);
    const Xapian::PostingIterator end = database.postlist_end(term);
    for (std::size_t i = 0; i < candidates.size() && it != end; ++i) {
      it.skip_to(candidates[i]);
      if (it != end && *it == candidates[i]) ways[i][w] = '1';
    }
  }
  // Each choice's candidates checked by one Xapian phrase on the positions their spellings have,
  // over them alone (Xapian reads positions after the docid filter).
  std::map<std::string, std::vector<Xapian::docid>> by_choice;
  for (std::size_t i = 0; i < candidates.size(); ++i)
    by_choice[ways[i]].push_back(candidates[i]);
  std::vector<Xapian::docid> matches;
  for (auto& [choice, documents] : by_choice) {
    std::vector<std::string> several_ways;
    for (std::size_t w = 0; w < choice.size(); ++w)
      if (choice[w] == '1') several_ways.push_back((*spelled)[w]);
    const std::vector<Xapian::docid> checked = docids_of(
        Xapian::Query(Xapian::Query::OP_FILTER, counting.phrase_spelled(root, several_ways),
                      docid_query(std::move(documents))));
    std::vector<Xapian::docid> merged;
    merged.reserve(matches.size() + checked.size());
    std::merge(matches.begin(), matches.end(), checked.begin(), checked.end(),
               std::back_inserter(merged));
    matches = std::move(merged);
  }
  return matches;
}

}  // namespace vanban::archive
