// Laws cited by name (no number): one facet value per law, and that value, typed as a filter,
// in the query box (trich:) or looked up as an instrument, finds the documents it counts.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "vanban/analyzers/structure.hpp"

#include "search_fixtures.hpp"

namespace vanban::testing {
namespace {

// The citations the extractor finds in `body`, as the indexer would store them.
std::vector<analyzers::Citation> cited_in(const std::string& body) {
  return analyzers::extract_metadata("KẾ HOẠCH\nThực hiện công tác năm 2026\n" + body).citations;
}

SearchArchive law_citing_archive() {
  return SearchArchive{
      {.name = "with-date",
       .title = "Kế hoạch thực hiện dân chủ",
       .body = "Căn cứ Luật Thực hiện dân chủ ở cơ sở ngày 10 tháng 11 năm 2022;",
       .citations = cited_in("Căn cứ Luật Thực hiện dân chủ ở cơ sở ngày 10 tháng 11 năm 2022;\n"
                             "Căn cứ Luật Đất đai năm 2024;")},
      {.name = "without-date",
       .title = "Kế hoạch tuyên truyền",
       .body = "Triển khai Luật Thực hiện dân chủ ở cơ sở đến người dân.",
       .citations = cited_in("Triển khai Luật Thực hiện dân chủ ở cơ sở đến người dân.")},
      {.name = "other-law",
       .title = "Kế hoạch đất đai",
       .body = "Căn cứ Luật Đất đai năm 2024;",
       .citations = cited_in("Căn cứ Luật Đất đai năm 2024;")},
  };
}

TEST(SearchLawCitations, a_law_cited_with_and_without_its_date_is_one_facet_value) {
  auto archive = law_citing_archive();
  const auto cites = facet(archive.search("kế hoạch"), "cites");
  std::size_t democracy_values = 0;
  for (const auto& [value, count] : cites) {
    if (value.find("dân chủ") == std::string::npos) continue;
    ++democracy_values;
    EXPECT_EQ(value, "Luật Thực hiện dân chủ ở cơ sở");
    EXPECT_EQ(count, 2u);
  }
  EXPECT_EQ(democracy_values, 1u);
}

TEST(SearchLawCitations, filtering_by_a_law_facet_value_finds_what_it_counts) {
  auto archive = law_citing_archive();
  const auto cites = facet(archive.search("kế hoạch"), "cites");
  ASSERT_FALSE(cites.empty());
  for (const auto& [value, count] : cites) {
    archive::SearchRequest request;
    request.query = "kế hoạch";
    request.filters[archive::FieldId::cites] = {value};
    EXPECT_EQ(archive.search(request).hits.size(), count) << value;
    EXPECT_EQ(archive.search("kế hoạch trich:\"" + value + "\"").hits.size(), count) << value;
  }
  archive::SearchRequest dated;
  dated.filters[archive::FieldId::cites] = {
      "Luật Thực hiện dân chủ ở cơ sở ngày 10 tháng 11 năm 2022"};
  EXPECT_EQ(archive.search(dated).hits.size(), 2u);
}

TEST(SearchLawCitations, instrument_lookup_by_a_law_name_lists_the_citing_documents) {
  auto archive = law_citing_archive();
  for (const std::string typed :
       {"Luật Thực hiện dân chủ ở cơ sở", "luat thuc hien dan chu o co so"}) {
    auto found = archive.searcher().instrument(typed);
    ASSERT_TRUE(found.ok()) << typed << ": " << found.error().message;
    ASSERT_EQ(found->cited_by.size(), 2u) << typed;
    for (const auto& document : found->cited_by)
      EXPECT_NE(document.id, archive.id_of("other-law"));
  }
}

}  // namespace
}  // namespace vanban::testing
