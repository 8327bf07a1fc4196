// Validity worked out from the archive's graph, scored against statuses read by hand from the
// gazette documents themselves (../shared/corpus/real/congbao-8chude): gold/validity_gazette.jsonl
// holds 50 documents, each with its status as of 2026-12-01 and, where the documents make it
// telling, as of a day between (before an act took effect, before the document's own effective
// day, after its stated term), 76 rows. The statuses were annotated from the acting sentences
// (the replacing, repealing or amending document's final provisions or articles, with the day
// that act takes effect) and the documents' own effective and expiry sentences, before the
// program ran on them; the conventions are in docs/EXTRACTION.md. The documents are split dev /
// held out by alternation over the sorted file names, chosen before the first run. Every
// gazette text naming a gold number is indexed with the gold documents (the acts are among
// them), and each row's status is asked through the Searcher as of its date.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "vanban/analyzers/normalize.hpp"
#include "vanban/analyzers/structure.hpp"
#include "vanban/archive/archive.hpp"
#include "vanban/archive/validity.hpp"
#include "vanban/archive/writer.hpp"

#include "gazette_archive.hpp"

namespace vanban::archive {
namespace {

namespace fs = std::filesystem;

struct Row {
  std::string file;  // relative to the corpus folder: the archived id
  std::string number;
  std::string split;
  std::string as_of;
  std::string status;
};

std::vector<Row> gold_rows() {
  std::ifstream in(testing::source_dir() / "tests" / "archive" / "gold" / "validity_gazette.jsonl");
  std::vector<Row> rows;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    const auto document = nlohmann::json::parse(line);
    for (const auto& day : document.at("as_of"))
      rows.push_back({document.at("file"), document.at("number"), document.at("split"),
                      day.at("date"), day.at("status")});
  }
  return rows;
}

TEST(ValidityGazette, statuses_match_those_read_from_the_acting_documents) {
  const fs::path docs = testing::gazette_docs();
  if (!fs::is_directory(docs)) GTEST_SKIP() << "no corpus at " << docs;
  const std::vector<Row> rows = gold_rows();
  ASSERT_GE(rows.size(), 40u);

  std::set<std::string> gold_files;
  std::set<std::string> numbers;
  for (const Row& row : rows) {
    gold_files.insert(row.file);
    numbers.insert(row.number);
  }
  testing::GazetteArchive archive;
  ASSERT_NO_FATAL_FAILURE(testing::index_gazette(archive, gold_files, numbers));
  std::printf("indexed %zu gazette documents (the gold's and those naming a gold number)\n",
              archive.indexed);
  const std::map<std::string, std::string>& ids = archive.ids;

  auto searcher = Archive(archive.dir.path()).open_searcher();
  ASSERT_TRUE(searcher.ok());
  std::map<std::string, std::pair<int, int>> by_split;  // split -> (right, rows)
  for (const Row& row : rows) {
    const auto detail = (*searcher)->document(ids.at(row.file), row.as_of);
    ASSERT_TRUE(detail.ok()) << row.file << ": " << detail.error().message;
    EXPECT_EQ(detail->validity.as_of, row.as_of);
    const bool agrees = detail->validity.status == row.status;
    auto& [right, scored] = by_split[row.split];
    right += agrees ? 1 : 0;
    scored += 1;
    std::printf("  %s %-8s %-20s as of %s: gold %-22s archive %s\n", agrees ? "ok  " : "MISS",
                row.split.c_str(), row.number.c_str(), row.as_of.c_str(), row.status.c_str(),
                detail->validity.status.c_str());
  }
  for (const auto& [split, counts] : by_split)
    std::printf("status accuracy, %s: %d/%d = %.3f\n", split.c_str(), counts.first, counts.second,
                static_cast<double>(counts.first) / counts.second);
  // Floors, to raise when the status improves (figures in docs/EXTRACTION.md). First run:
  // dev 34/36, held out 39/40 (38/40 before one annotation was corrected); after the rules
  // written from the dev misses: 36/36, 39/40.
  EXPECT_GE(by_split["dev"].first, 36);
  EXPECT_GE(by_split["held_out"].first, 39);
}

}  // namespace
}  // namespace vanban::archive
