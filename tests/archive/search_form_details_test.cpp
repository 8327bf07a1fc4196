// Staff's search form details: a search in the title alone ("Tìm trong: Trích yếu"), a signer
// facet and filter, a "Không rõ" bucket for documents
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

using Names = std::vector<std::string>;

archive::SearchRequest in_title(std::string query) {
  archive::SearchRequest request;
  request.query = std::move(query);
  request.scope = archive::SearchScope::title;
  return request;
}

TEST(SearchFormDetails, a_search_in_the_title_finds_only_titles_holding_the_words) {
  SearchArchive archive{
      {.name = "title", .title = "Kế hoạch tuyên truyền dân vận khéo", .body = "Nội dung."},
      {.name = "body", .title = "Báo cáo năm", .body = "Phong trào dân vận khéo ở cơ sở."},
      {.name = "issuer",
       .issuer = "Ban Dân vận Tỉnh ủy",
       .title = "Hướng dẫn thi đua",
       .body = "Thi đua khéo léo."},
      {.name = "untitled", .title = "", .body = "Dân vận khéo, dân vận khéo."},
  };
  const auto everywhere = archive.found("dân vận khéo");
  EXPECT_EQ(everywhere.size(), 4u) << ::testing::PrintToString(everywhere);
  // Not the body, not the issuer, not a document without a title; with or without diacritics.
  EXPECT_EQ(archive.names(archive.search(in_title("\"dân vận\""))), Names{"title"});
  EXPECT_EQ(archive.names(archive.search(in_title("+dan +van +kheo"))), Names{"title"});
  // Relaxed matching (one title holds all the words) stays within titles: the title holding
  // them first, then titles holding some ("dẫn" is "dan" folded), never the body's words.
  for (const std::string query : {"dân vận khéo", "dan van kheo"}) {
    const auto names = archive.names(archive.search(in_title(query)));
    ASSERT_FALSE(names.empty()) << query;
    EXPECT_EQ(names.front(), "title") << query;
    EXPECT_EQ(std::count(names.begin(), names.end(), "body"), 0) << query;
    EXPECT_EQ(std::count(names.begin(), names.end(), "untitled"), 0) << query;
  }
  EXPECT_EQ(archive.names(archive.search(in_title("báo cáo"))), Names{"body"});
}

}  // namespace
}  // namespace vanban::testing
