// Evaluation against hand annotations of ../shared/corpus (tests/analyzers/gold/*.json: the
// metadata and citations a legal officer writes down for each document). Prints citation
// precision and recall and per-field accuracy, and fails below the figures reached when the
// annotations were made (docs/BENCHMARKS.md, "Structure extraction"). Skipped without corpus.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "vanban/analyzers/normalize.hpp"
#include "vanban/analyzers/structure.hpp"
#include "vanban/analyzers/symbol.hpp"

#include "gold_scoring.hpp"
#include "test_support.hpp"

namespace vanban::analyzers {
namespace {

using gold::kFields;

TEST(StructureGold, extraction_matches_hand_annotations_of_the_corpus) {
  if (!std::filesystem::exists(testing::corpus_dir())) GTEST_SKIP() << "no corpus";
  const auto gold_dir = testing::source_dir() / "tests" / "analyzers" / "gold";
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(gold_dir))
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  ASSERT_GE(files.size(), 20u);

  std::map<std::string, gold::Tally> fields;
  gold::Tally citation_type, citation_date, citation_issuer;
  int true_positives = 0, predicted = 0, expected = 0;
  for (const auto& file : files) {
    const auto gold = nlohmann::json::parse(testing::read_file(file));
    const auto source = testing::corpus_dir() / gold.at("source").get<std::string>();
    ASSERT_TRUE(std::filesystem::exists(source)) << source;
    const nlohmann::json actual = extract_metadata(decode_text(testing::read_file(source)).text);
    for (const char* field : kFields) {
      const bool ok = actual.at(field) == gold.at("metadata").at(field);
      fields[field].add(ok);
      if (!ok)
        std::printf("  %s %s: got %s, want %s\n", file.stem().c_str(), field,
                    actual.at(field).dump().c_str(), gold.at("metadata").at(field).dump().c_str());
    }
    const auto& want = gold.at("citations");
    const auto& got = actual.at("citations");
    predicted += static_cast<int>(got.size());
    expected += static_cast<int>(want.size());
    std::vector<bool> used(got.size(), false);
    for (const auto& citation : want) {
      const auto matched = gold::match_citation(got, citation, used);
      if (matched) {
        const auto& found = got[*matched];
        ++true_positives;
        citation_type.add(found["type"] == citation["type"]);
        citation_date.add(found["date"] == citation["date"]);
        citation_issuer.add(found["issuer"] == citation["issuer"]);
      } else {
        std::printf("  %s missed citation %s\n", file.stem().c_str(),
                    gold::annotated_key(citation).c_str());
      }
    }
    for (std::size_t i = 0; i < got.size(); ++i)
      if (!used[i])
        std::printf("  %s extra citation %s\n", file.stem().c_str(),
                    got[i]["number_key"].dump().c_str());
  }
  const double precision = predicted == 0 ? 1.0 : static_cast<double>(true_positives) / predicted;
  const double recall = expected == 0 ? 1.0 : static_cast<double>(true_positives) / expected;
  std::printf("Structure extraction over %zu annotated documents\n", files.size());
  std::printf("  citations: %d annotated, %d extracted, %d matched: precision %.3f recall %.3f\n",
              expected, predicted, true_positives, precision, recall);
  std::printf("  matched citations: type %.3f date %.3f issuer %.3f\n", citation_type.rate(),
              citation_date.rate(), citation_issuer.rate());
  for (const char* field : kFields)
    std::printf("  %-18s %.3f (%d/%d)\n", field, fields[field].rate(), fields[field].right,
                fields[field].total);

  // The figures reached when the annotations were made (docs/BENCHMARKS.md), minus a margin.
  EXPECT_GE(precision, 0.97);
  EXPECT_GE(recall, 0.98);
  EXPECT_GE(citation_date.rate(), 0.97);
  EXPECT_GE(citation_issuer.rate(), 0.95);
  for (const char* field : kFields)
    EXPECT_GE(fields[field].rate(), 0.9) << field;
}

// The gazette names each file after the document's number and type
// ("thong-tu-so-13-2023-tt-bkhdt-40701"): an independent check of number and type on all 401
// documents, not only the annotated ones.
struct IndexEntry {
  std::string path;
  std::string number_key;
  std::string type;
};

std::vector<IndexEntry> gazette_index() {
  static const std::map<std::string, std::string> kTypes = {
      {"thong-tu-lien-tich", "Thông tư liên tịch"},
      {"thong-tu", "Thông tư"},
      {"nghi-dinh", "Nghị định"},
      {"nghi-quyet", "Nghị quyết"},
      {"quyet-dinh", "Quyết định"},
      {"luat", "Luật"},
      {"van-ban-hop-nhat", "Văn bản hợp nhất"},
      {"chi-thi", "Chỉ thị"}};
  std::vector<IndexEntry> entries;
  std::ifstream in(testing::corpus_dir() / "real" / "congbao-8chude" / "metadata.jsonl");
  for (std::string line; std::getline(in, line);) {
    const auto row = nlohmann::json::parse(line);
    const std::string slug = row.at("slug");
    const std::size_t so = slug.find("-so-");
    if (so == std::string::npos) continue;
    std::vector<std::string> parts;
    std::stringstream rest(slug.substr(so + 4));
    for (std::string part; std::getline(rest, part, '-');)
      parts.push_back(part);
    if (parts.size() < 3) continue;
    parts.pop_back();  // the gazette's own id
    std::string key = std::to_string(std::stoul(parts[0])) + "/";
    std::size_t next = 1;
    if (parts[1].size() == 4 && std::all_of(parts[1].begin(), parts[1].end(), ::isdigit)) {
      key += parts[1] + "/";
      next = 2;
    }
    for (std::size_t i = next; i < parts.size(); ++i)
      key += (i > next ? "-" : "") + parts[i];
    const auto type = kTypes.find(slug.substr(0, so));
    entries.push_back({row.at("txt_path"), key, type == kTypes.end() ? "" : type->second});
  }
  return entries;
}

TEST(StructureGold, numbers_and_types_agree_with_the_gazette_index) {
  if (!std::filesystem::exists(testing::corpus_dir())) GTEST_SKIP() << "no corpus";
  const auto entries = gazette_index();
  ASSERT_GE(entries.size(), 400u);
  gold::Tally number, type;
  for (const IndexEntry& entry : entries) {
    const auto path = testing::corpus_dir() / "real" / "congbao-8chude" / entry.path;
    const auto metadata = extract_metadata(decode_text(testing::read_file(path)).text);
    number.add(metadata.number_key == entry.number_key);
    if (!entry.type.empty()) type.add(metadata.type == entry.type);
  }
  std::printf("Gazette index, %zu documents: number %.3f (%d/%d), type %.3f (%d/%d)\n",
              entries.size(), number.rate(), number.right, number.total, type.rate(), type.right,
              type.total);
  EXPECT_GE(number.rate(), 0.92);
  EXPECT_GE(type.rate(), 0.94);
}

}  // namespace
}  // namespace vanban::analyzers
