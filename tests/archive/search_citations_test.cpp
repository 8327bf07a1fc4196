// A document's citations resolved to the archived documents they point to, cited_by, and the
// instrument view; a number is not unique (docs/ARCHITECTURE.md "Identity of a document number").
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "search_fixtures.hpp"

namespace vanban::testing {
namespace {

SearchArchive two_offices_archive() {
  // 32/KH-UBND exists in two offices and two years; 33/CT-TTg once.
  return SearchArchive{
      {.name = "hue-32-2026",
       .number = "32/KH-UBND",
       .issuer = "Ủy ban nhân dân thành phố Huế",
       .date = "2026-01-31",
       .title = "Kế hoạch dân vận Huế"},
      {.name = "qt-32-2026",
       .number = "32/KH-UBND",
       .issuer = "Ủy ban nhân dân tỉnh Quảng Trị",
       .date = "2026-02-10",
       .title = "Kế hoạch dân vận Quảng Trị"},
      {.name = "hue-32-2025",
       .number = "32/KH-UBND",
       .issuer = "Ủy ban nhân dân thành phố Huế",
       .date = "2025-03-01",
       .title = "Kế hoạch cũ Huế"},
      {.name = "directive",
       .type = "Chỉ thị",
       .number = "33/CT-TTg",
       .issuer = "Thủ tướng Chính phủ",
       .date = "2021-11-26",
       .title = "Về công tác dân vận"},
      {.name = "report",
       .type = "Báo cáo",
       .number = "7/BC-UBND",
       .issuer = "Ủy ban nhân dân thành phố Huế",
       .date = "2026-06-30",
       .title = "Báo cáo kết quả",
       .citations = {cite("33/CT-TTg"),                                       // one candidate
                     cite("32/KH-UBND", "2026-01-31", "UBND thành phố Huế"),  // issuer + year
                     cite("32/KH-UBND", "2026-02-10"),  // year only: two 2026 candidates
                     cite("32/KH-UBND"),                // nothing: three candidates
                     cite("99/KH-UBND")}},              // not archived
  };
}

TEST(SearchCitations, citations_resolve_by_number_issuer_and_year) {
  auto archive = two_offices_archive();
  auto detail = archive.searcher().document(archive.id_of("report"));
  ASSERT_TRUE(detail.ok()) << detail.error().message;
  const auto& citations = detail->citations;
  ASSERT_EQ(citations.size(), 5u);
  EXPECT_EQ(citations[0].id, archive.id_of("directive"));
  EXPECT_EQ(citations[1].id, archive.id_of("hue-32-2026"));

  EXPECT_FALSE(citations[2].id.has_value());
  std::set<std::string> year_only;
  for (const auto& id : citations[2].candidates)
    year_only.insert(archive.name_of(id));
  EXPECT_EQ(year_only, (std::set<std::string>{"hue-32-2026", "qt-32-2026"}));

  EXPECT_FALSE(citations[3].id.has_value());
  EXPECT_EQ(citations[3].candidates.size(), 3u);

  EXPECT_FALSE(citations[4].id.has_value());
  EXPECT_TRUE(citations[4].candidates.empty());
  EXPECT_EQ(citations[4].citation.number, "99/KH-UBND");
  EXPECT_FALSE(detail->document.text.empty());
}

TEST(SearchCitations, cited_by_lists_citing_documents_that_may_point_here) {
  auto archive = two_offices_archive();
  auto directive = archive.searcher().document(archive.id_of("directive"));
  ASSERT_TRUE(directive.ok());
  ASSERT_EQ(directive->cited_by.size(), 1u);
  EXPECT_EQ(directive->cited_by[0].id, archive.id_of("report"));

  // The 2025 plan shares the number but every citation of it states 2026 or nothing; the
  // citation without a year may still point to it.
  auto old_plan = archive.searcher().document(archive.id_of("hue-32-2025"));
  ASSERT_TRUE(old_plan.ok());
  EXPECT_EQ(old_plan->cited_by.size(), 1u);
}

TEST(SearchCitations, instrument_lists_documents_with_the_number_and_citing_ones) {
  auto archive = two_offices_archive();
  auto found = archive.searcher().instrument("32/kh-ubnd");
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->number_key, "32/kh-ubnd");
  EXPECT_EQ(found->documents.size(), 3u);
  ASSERT_EQ(found->cited_by.size(), 1u);
  EXPECT_EQ(found->cited_by[0].id, archive.id_of("report"));
  // Newest first.
  EXPECT_EQ(found->documents[0].id, archive.id_of("qt-32-2026"));
}

TEST(SearchCitations, unknown_ids_and_bad_numbers_are_errors) {
  auto archive = two_offices_archive();
  const auto missing = archive.searcher().document("không-có");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, ErrorKind::not_found);
  EXPECT_EQ(archive.searcher().archived("").error().kind, ErrorKind::not_found);
  EXPECT_EQ(archive.searcher().instrument("xin chào").error().kind, ErrorKind::invalid_argument);
}

}  // namespace
}  // namespace vanban::testing
