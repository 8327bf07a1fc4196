// One law under one key however the citing texts set its commas (law_key ignores them): the
// cites facet shows it once, as the legislature writes it; its filter, its instrument page and
// the law's own "cited by" find every citing document.
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

#include "search_fixtures.hpp"

namespace vanban::testing {
namespace {

using Counts = std::map<std::string, std::uint64_t>;

analyzers::Citation law_by_name(const std::string& name) {
  analyzers::Citation citation;
  citation.type = "Luật";
  citation.title = name;
  citation.number_key = analyzers::law_key(name);
  citation.text = name;
  citation.relations.push_back(
      {analyzers::kRelationBasedOn, std::nullopt, std::nullopt, "Căn cứ " + name + ";"});
  return citation;
}

Doc plan_citing(std::string name, std::vector<analyzers::Citation> citations) {
  return Doc{.name = std::move(name),
             .type = "Kế hoạch",
             .date = "2025-03-01",
             .title = "An toàn lao động trong mùa mưa",
             .citations = std::move(citations)};
}

SearchArchive archive_of_spellings() {
  return SearchArchive{
      Doc{.name = "law",
          .type = "Luật",
          .number = "84/2015/QH13",
          .issuer = "Quốc hội",
          .date = "2015-06-25",
          .title = "An toàn, vệ sinh lao động"},
      plan_citing("with-comma", {law_by_name("Luật An toàn, vệ sinh lao động")}),
      plan_citing("without-comma", {law_by_name("Luật An toàn vệ sinh lao động")}),
      // Control: another law, whose words differ, stays apart.
      plan_citing("other-law", {law_by_name("Luật Phòng, chống tham nhũng")}),
  };
}

TEST(LawCommaKeys, two_spellings_of_one_law_are_one_facet_value_as_the_legislature_writes_it) {
  auto archive = archive_of_spellings();
  archive::SearchRequest request;
  request.query = "an toàn lao động";
  const auto response = archive.search(request);
  EXPECT_EQ(facet(response, "cites"),
            (Counts{{"Luật An toàn, vệ sinh lao động", 2}, {"Luật Phòng, chống tham nhũng", 1}}));
}

TEST(LawCommaKeys, the_filter_the_instrument_and_cited_by_find_both_spellings) {
  auto archive = archive_of_spellings();
  for (const std::string typed :
       {"Luật An toàn vệ sinh lao động", "Luật An toàn, vệ sinh lao động"}) {
    archive::SearchRequest request;
    request.filters[archive::FieldId::cites] = {typed};
    const auto names = archive.names(archive.search(request));
    EXPECT_EQ(std::set<std::string>(names.begin(), names.end()),
              (std::set<std::string>{"with-comma", "without-comma"}))
        << typed;
    auto instrument = archive.searcher().instrument(typed);
    ASSERT_TRUE(instrument.ok()) << typed;
    EXPECT_EQ(instrument->cited_by.size(), 2u) << typed;
    ASSERT_EQ(instrument->documents.size(), 1u) << typed;
  }
  auto law = archive.searcher().document(archive.id_of("law"));
  ASSERT_TRUE(law.ok());
  EXPECT_EQ(law->cited_by.size(), 2u);
  EXPECT_EQ(law->relations_in.size(), 2u);
  // Each citing document links its citation to the law.
  for (const char* name : {"with-comma", "without-comma"}) {
    auto citing = archive.searcher().document(archive.id_of(name));
    ASSERT_TRUE(citing.ok());
    ASSERT_EQ(citing->citations.size(), 1u);
    EXPECT_EQ(citing->citations[0].id, archive.id_of("law")) << name;
  }
  // Control: the other law's filter finds only its own citing document.
  archive::SearchRequest other;
  other.filters[archive::FieldId::cites] = {"Luật Phòng chống tham nhũng"};
  EXPECT_EQ(archive.names(archive.search(other)), (std::vector<std::string>{"other-law"}));
}

}  // namespace
}  // namespace vanban::testing
