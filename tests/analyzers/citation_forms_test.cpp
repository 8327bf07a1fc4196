// Citation forms, table-driven: fixtures/citation_forms.jsonl holds one sentence (or a few
// lines with footnotes) per row and the citations a legal officer reads in it, including rows
// that cite nothing ("Kế hoạch này", "các Nghị định quy định chi tiết").
#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "vanban/analyzers/structure.hpp"

#include "test_support.hpp"

namespace vanban::analyzers {
namespace {

struct Form {
  std::string name;
  std::string text;
  nlohmann::json citations;
};

std::vector<Form> load_forms() {
  std::ifstream in(testing::source_dir() / "tests" / "analyzers" / "fixtures" /
                   "citation_forms.jsonl");
  std::vector<Form> forms;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    const auto row = nlohmann::json::parse(line);
    forms.push_back({row.at("name"), row.at("text"), row.at("citations")});
  }
  return forms;
}

class CitationForm : public ::testing::TestWithParam<Form> {};

TEST_P(CitationForm, reads_the_cited_instruments) {
  const Form& form = GetParam();
  nlohmann::json actual = extract_metadata(form.text).citations;
  // The roles of citations are scored by relations_gold_test; a form may state them.
  for (std::size_t i = 0; i < actual.size(); ++i)
    if (i >= form.citations.size() || !form.citations[i].contains("relations"))
      actual[i].erase("relations");
  EXPECT_EQ(actual, form.citations) << form.text << "\n" << actual.dump(2);
}

INSTANTIATE_TEST_SUITE_P(Forms, CitationForm, ::testing::ValuesIn(load_forms()),
                         [](const ::testing::TestParamInfo<Form>& param) {
                           std::string name = param.param.name;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

TEST(CitationForms, table_has_at_least_one_hundred_forms) {
  EXPECT_GE(load_forms().size(), 100u);
}

}  // namespace
}  // namespace vanban::analyzers
