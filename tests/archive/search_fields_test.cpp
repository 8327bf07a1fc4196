// Field syntax in the box (cq: loai: nam: ngay:) and the URL filters, with the same meaning.
#include <algorithm>

#include <gtest/gtest.h>

#include "search_fixtures.hpp"

namespace vanban::testing {
namespace {

using Names = std::vector<std::string>;

Names sorted(Names names) {
  std::sort(names.begin(), names.end());
  return names;
}

SearchArchive offices_archive() {
  return SearchArchive{
      {.name = "hue-plan",
       .type = "Kế hoạch",
       .number = "32/KH-UBND",
       .issuer = "Ủy ban nhân dân thành phố Huế",
       .date = "2026-01-31",
       .title = "Công tác dân vận năm 2026"},
      {.name = "hue-report",
       .type = "Báo cáo",
       .number = "15/BC-UBND",
       .issuer = "Ủy ban nhân dân thành phố Huế",
       .date = "2025-06-30",
       .title = "Kết quả công tác dân vận"},
      {.name = "ministry-guide",
       .type = "Hướng dẫn",
       .number = "05/HD-BNV",
       .issuer = "Bộ Nội vụ",
       .date = "2025-01-01",
       .title = "Hướng dẫn công tác dân vận"},
      {.name = "ministry-contract",
       .type = "Hợp đồng",
       .number = "07/HĐ-BNV",
       .issuer = "Bộ Nội vụ",
       .date = "2024-12-31",
       .title = "Hợp đồng dịch vụ dân vận"},
  };
}

TEST(SearchFields, issuer_field_matches_full_or_partial_names_and_abbreviations) {
  auto archive = offices_archive();
  EXPECT_EQ(sorted(archive.found("dân vận cq:\"Bộ Nội vụ\"")),
            (Names{"ministry-contract", "ministry-guide"}));
  EXPECT_EQ(sorted(archive.found("cq:\"noi vu\"")), (Names{"ministry-contract", "ministry-guide"}));
  EXPECT_EQ(sorted(archive.found("cq:\"UBND thành phố Huế\"")), (Names{"hue-plan", "hue-report"}));
  EXPECT_EQ(archive.found("cq:\"Bộ Tài chính\""), Names{});
}

TEST(SearchFields, issuer_parameter_means_the_same_as_the_field) {
  auto archive = offices_archive();
  archive::SearchRequest request;
  request.filters[archive::FieldId::issuer] = {"Bộ Nội vụ"};
  EXPECT_EQ(sorted(archive.names(archive.search(request))),
            (Names{"ministry-contract", "ministry-guide"}));
}

TEST(SearchFields, type_field_takes_a_name_or_a_code_and_keeps_hd_apart_from_hđ) {
  auto archive = offices_archive();
  EXPECT_EQ(archive.found("loai:\"Kế hoạch\""), Names{"hue-plan"});
  EXPECT_EQ(archive.found("loai:KH"), Names{"hue-plan"});
  EXPECT_EQ(archive.found("loai:HD"), Names{"ministry-guide"});
  EXPECT_EQ(archive.found("loai:HĐ"), Names{"ministry-contract"});
  EXPECT_EQ(archive.found("loai:\"bao cao\""), Names{"hue-report"});
}

TEST(SearchFields, year_field_and_parameter) {
  auto archive = offices_archive();
  EXPECT_EQ(sorted(archive.found("nam:2025")), (Names{"hue-report", "ministry-guide"}));
  archive::SearchRequest request;
  request.filters[archive::FieldId::year] = {"2024", "2026"};  // values of one field OR together
  EXPECT_EQ(sorted(archive.names(archive.search(request))),
            (Names{"hue-plan", "ministry-contract"}));
}

TEST(SearchFields, date_range_field_and_parameters_are_inclusive) {
  auto archive = offices_archive();
  EXPECT_EQ(sorted(archive.found("ngay:2025-01-01..2025-06-30")),
            (Names{"hue-report", "ministry-guide"}));
  EXPECT_EQ(sorted(archive.found("ngay:2025-06")), Names{"hue-report"});
  EXPECT_EQ(sorted(archive.found("ngay:2025-07-01..")), Names{"hue-plan"});
  archive::SearchRequest request;
  request.from = "2024-12-31";
  request.to = "2025-01-01";
  EXPECT_EQ(sorted(archive.names(archive.search(request))),
            (Names{"ministry-contract", "ministry-guide"}));
}

TEST(SearchFields, fields_combine_with_and_across_fields) {
  auto archive = offices_archive();
  EXPECT_EQ(archive.found("dân vận cq:\"Bộ Nội vụ\" nam:2025"), Names{"ministry-guide"});
  archive::SearchRequest request;
  request.query = "nam:2025";
  request.filters[archive::FieldId::issuer] = {"Ủy ban nhân dân thành phố Huế"};
  EXPECT_EQ(archive.names(archive.search(request)), Names{"hue-report"});
}

TEST(SearchFields, fields_inside_or_alternatives) {
  auto archive = offices_archive();
  EXPECT_EQ(sorted(archive.found("(loai:KH OR loai:HD) dân vận")),
            (Names{"hue-plan", "ministry-guide"}));
  EXPECT_EQ(sorted(archive.found("dân vận -cq:\"Bộ Nội vụ\"")), (Names{"hue-plan", "hue-report"}));
}

}  // namespace
}  // namespace vanban::testing
