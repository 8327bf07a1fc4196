// Whole documents: each fixtures/structure/NAME.txt is extracted and compared with
// NAME.expected.json (the fields a legal officer writes down). The fixtures are our own
// documents covering the types and header variants of docs/domain.md.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "vanban/analyzers/normalize.hpp"
#include "vanban/analyzers/structure.hpp"

#include "test_support.hpp"

namespace vanban::analyzers {
namespace {

std::filesystem::path fixture_dir() {
  return testing::source_dir() / "tests" / "analyzers" / "fixtures" / "structure";
}

std::vector<std::string> fixture_names() {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(fixture_dir()))
    if (entry.path().extension() == ".txt") names.push_back(entry.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

class StructureFixture : public ::testing::TestWithParam<std::string> {};

TEST_P(StructureFixture, extracts_what_a_legal_officer_writes_down) {
  const std::filesystem::path base = fixture_dir() / GetParam();
  const std::string text = decode_text(testing::read_file(base.string() + ".txt")).text;
  const nlohmann::json expected =
      nlohmann::json::parse(testing::read_file(base.string() + ".expected.json"));
  const nlohmann::json actual = extract_metadata(text);
  for (const auto& [field, value] : expected.items()) {
    if (field == "citations") continue;
    EXPECT_EQ(actual.at(field), value) << "field " << field;
  }
  const auto& want = expected.at("citations");
  const auto& got = actual.at("citations");
  EXPECT_EQ(got.size(), want.size()) << got.dump(2);
  for (std::size_t i = 0; i < std::min(got.size(), want.size()); ++i) {
    // The roles of citations are scored by relations_gold_test; a fixture may state them.
    nlohmann::json compared = got[i];
    if (!want[i].contains("relations")) compared.erase("relations");
    EXPECT_EQ(compared, want[i]) << "citation " << i;
  }
}

INSTANTIATE_TEST_SUITE_P(Documents, StructureFixture, ::testing::ValuesIn(fixture_names()),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                           std::string name = param.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

TEST(StructureFixtures, cover_at_least_thirty_documents) {
  EXPECT_GE(fixture_names().size(), 30u);
}

}  // namespace
}  // namespace vanban::analyzers
