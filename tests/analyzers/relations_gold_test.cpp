// Relation types and effective dates scored against gold/relations.jsonl: 44 gazette documents
// of ../shared/corpus (chosen as every ninth file of the sorted list, alternately dev and held
// out, before the extractor was run on them), annotated by reading their preambles, titles,
// subject articles and final provisions. A citation's types are right when the set the
// extractor gives equals the annotated set ("huong_dan,can_cu" for a law a decree both rests on
// and details); a citation the extractor did not find counts as wrong.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "vanban/analyzers/normalize.hpp"
#include "vanban/analyzers/structure.hpp"

#include "test_support.hpp"

namespace vanban::analyzers {
namespace {

struct Tally {
  int right = 0;
  int total = 0;
  double rate() const { return total == 0 ? 1.0 : static_cast<double>(right) / total; }
};

struct SplitScore {
  Tally relations;
  Tally effective;
  int missing = 0;  // annotated citations the extractor did not find
};

std::set<std::string> split_types(const std::string& list) {
  std::set<std::string> out;
  std::stringstream in(list);
  for (std::string type; std::getline(in, type, ',');)
    out.insert(type);
  return out;
}

const Citation* find_cited(const DocumentMetadata& metadata, const std::string& typed) {
  const auto key = citation_key(typed);
  if (!key) return nullptr;
  for (const Citation& citation : metadata.citations) {
    if (citation.number_key == *key) return &citation;
    // A law cited by name and number: its name is its title.
    if (citation.title && citation.type && law_key(*citation.title) == *key) return &citation;
  }
  return nullptr;
}

TEST(RelationsGold, relation_types_and_effective_dates_match_the_annotation) {
  const auto docs = testing::corpus_dir() / "real" / "congbao-8chude" / "docs";
  if (!std::filesystem::exists(docs)) GTEST_SKIP() << "no corpus at " << docs;
  std::ifstream in(testing::source_dir() / "tests" / "analyzers" / "gold" / "relations.jsonl");
  ASSERT_TRUE(in.good());
  std::map<std::string, SplitScore> scores;
  int documents = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    const auto row = nlohmann::json::parse(line);
    const std::string file = row.at("file");
    SplitScore& score = scores[row.at("split").get<std::string>()];
    const auto metadata =
        extract_metadata(decode_text(testing::read_file((docs / file).string())).text);
    ++documents;
    for (const auto& [typed, types] : row.at("relations").items()) {
      ++score.relations.total;
      const Citation* citation = find_cited(metadata, typed);
      if (!citation) {
        ++score.missing;
        std::printf("  not found %s: %s\n", file.c_str(), typed.c_str());
        continue;
      }
      std::set<std::string> got;
      for (const Relation& relation : citation->relations)
        got.insert(relation.type);
      if (got == split_types(types.get<std::string>())) {
        ++score.relations.right;
      } else {
        std::string list;
        for (const std::string& type : got)
          list += type + " ";
        std::printf("  relation %s: %s want %s got %s\n", file.c_str(), typed.c_str(),
                    types.get<std::string>().c_str(), list.c_str());
      }
    }
    if (row.contains("effective")) {
      ++score.effective.total;
      const std::string want = row.at("effective");
      const std::string got = metadata.effective ? metadata.effective->date : "none";
      if (got == want) {
        ++score.effective.right;
      } else {
        std::printf("  effective %s: want %s got %s\n", file.c_str(), want.c_str(), got.c_str());
      }
    }
  }
  EXPECT_GE(documents, 40);
  for (const auto& [split, score] : scores) {
    std::printf("%s: relation types %d/%d = %.3f (not found %d), effective dates %d/%d = %.3f\n",
                split.c_str(), score.relations.right, score.relations.total, score.relations.rate(),
                score.missing, score.effective.right, score.effective.total,
                score.effective.rate());
    EXPECT_GE(score.relations.rate(), 0.95) << split;
    EXPECT_GE(score.effective.rate(), 0.95) << split;
  }
}

}  // namespace
}  // namespace vanban::analyzers
