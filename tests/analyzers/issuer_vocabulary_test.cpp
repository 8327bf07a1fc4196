// An independent check of issuer names: every distinct issuer of the gazette's metadata
// records (../shared/corpus, "co_quan_ban_hanh": "BỘ NGOẠI GIAO", "BỘ TÀI CHÍNH - BỘ NỘI VỤ"),
// cited in a sentence that goes on after the name, must come back whole and alone. Skipped
// without the corpus.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "vanban/analyzers/structure.hpp"

#include "test_support.hpp"

namespace vanban::analyzers {
namespace {

TEST(IssuerVocabulary, issuers_of_the_gazette_records_are_read_whole_in_citations) {
  const auto records =
      testing::corpus_dir() / "real" / "alqac2026-congbao-meta" / "congbao_metadata.jsonl";
  if (!std::filesystem::exists(records)) GTEST_SKIP() << "no corpus";
  std::set<std::string> names;
  std::ifstream in(records);
  for (std::string line; std::getline(in, line);) {
    const auto row = nlohmann::json::parse(line);
    const auto name = row.value("co_quan_ban_hanh", std::string{});
    // Consolidated texts name the compiler, not an issuer.
    if (!name.empty() && !name.starts_with("VĂN BẢN HỢP NHẤT")) names.insert(name);
  }
  ASSERT_GE(names.size(), 100u);
  int whole = 0;
  for (const std::string& name : names) {
    const std::string sentence = "Thực hiện Quyết định số 12/QĐ-TTg ngày 01/01/2020 của " + name +
                                 " cắt giảm thủ tục hành chính.";
    const DocumentMetadata metadata = extract_metadata(sentence);
    const bool ok = !metadata.citations.empty() && metadata.citations.front().issuer == name;
    whole += ok ? 1 : 0;
    if (!ok)
      std::printf("  %s → %s\n", name.c_str(),
                  metadata.citations.empty()
                      ? "(no citation)"
                      : metadata.citations.front().issuer.value_or("null").c_str());
  }
  const double rate = static_cast<double>(whole) / static_cast<double>(names.size());
  std::printf("Issuer vocabulary: %d of %zu gazette issuer names read whole (%.3f)\n", whole,
              names.size(), rate);
  // 166 of 173 when written (docs/BENCHMARKS.md); long "Ban Chỉ đạo ... về ..." names are cut
  // at their "VỀ", which reads like a subject.
  EXPECT_GE(rate, 0.93);
}

}  // namespace
}  // namespace vanban::analyzers
