// Staff's search form details: a signer facet and filter, a "Không rõ" bucket for documents
// lacking a field (and a filter that finds them), and a number search that says when the
// archive does not hold the number but others cite it.
#include <algorithm>

#include <gtest/gtest.h>

#include "search_fixtures.hpp"

namespace vanban::testing {
namespace {

SearchArchive signed_archive() {
  return SearchArchive{
      Doc{.name = "kh1",
          .number = "1/KH-UBND",
          .title = "Kế hoạch dân vận",
          .cites = {"33/CT-TTg"},
          .signer = "Nguyễn Văn An"},
      Doc{.name = "kh2",
          .number = "2/KH-UBND",
          .title = "Kế hoạch dân vận năm",
          .signer = "Trần Thị Bình"},
      Doc{.name = "undated",
          .number = "3/KH-UBND",
          .issuer = "",
          .date = "",
          .title = "Kế hoạch dân vận không ngày",
          .cites = {"33/CT-TTg"}},
  };
}

TEST(SearchFormDetails, signer_is_a_facet_and_a_filter_typed_or_given) {
  SearchArchive archive = signed_archive();
  const auto all = archive.search("dân vận");
  EXPECT_EQ(facet(all, "signer"),
            (std::map<std::string, std::uint64_t>{
                {"Nguyễn Văn An", 1}, {"Trần Thị Bình", 1}, {"Không rõ", 1}}));
  archive::SearchRequest request;
  request.filters[archive::FieldId::signer] = {"Nguyễn Văn An"};
  EXPECT_EQ(archive.names(archive.search(request)), std::vector<std::string>{"kh1"});
  EXPECT_EQ(archive.found("nguoiky:binh"), std::vector<std::string>{"kh2"});
  EXPECT_EQ(archive.found("người ký:\"nguyen van an\""), std::vector<std::string>{"kh1"});
}

TEST(SearchFormDetails, documents_lacking_a_field_are_counted_and_found_as_khong_ro) {
  SearchArchive archive = signed_archive();
  const auto all = archive.search("dân vận");
  EXPECT_EQ(facet(all, "year")["Không rõ"], 1u);
  EXPECT_EQ(facet(all, "issuer")["Không rõ"], 1u);
  EXPECT_EQ(facet(all, "year")["2026"], 2u);
  EXPECT_EQ(facet(all, "cites").count("Không rõ"), 0u);  // a list of citations may be empty
  archive::SearchRequest request;
  request.filters[archive::FieldId::year] = {"Không rõ"};
  EXPECT_EQ(archive.names(archive.search(request)), std::vector<std::string>{"undated"});
  EXPECT_EQ(archive.found("nam:khong ro"), std::vector<std::string>{"undated"});
  EXPECT_EQ(archive.found("cq:\"không rõ\" dân vận"), std::vector<std::string>{"undated"});
  std::vector<std::string> dated = archive.found("-nam:khong ro dan van");
  std::sort(dated.begin(), dated.end());
  EXPECT_EQ(dated, (std::vector<std::string>{"kh1", "kh2"}));
}

TEST(SearchFormDetails, a_number_the_archive_lacks_is_reported_with_how_many_cite_it) {
  SearchArchive archive = signed_archive();
  const auto cited = archive.search("33/ct-ttg");
  ASSERT_EQ(cited.missing_numbers.size(), 1u);
  EXPECT_EQ(cited.missing_numbers[0].number, "33/ct-ttg");  // as typed
  EXPECT_EQ(cited.missing_numbers[0].cited_by, 2u);
  const auto unknown = archive.search("Chỉ thị 99/CT-TTg");
  ASSERT_EQ(unknown.missing_numbers.size(), 1u);
  EXPECT_EQ(unknown.missing_numbers[0].number, "99/CT-TTg");
  EXPECT_EQ(unknown.missing_numbers[0].cited_by, 0u);
  EXPECT_TRUE(archive.search("1/KH-UBND").missing_numbers.empty());  // held
}

}  // namespace
}  // namespace vanban::testing
