// Snippets: the best passage around the matches, HTML-escaped, matches in <mark>, and accented
// words highlighted for an unaccented query.
#include <gtest/gtest.h>

#include "search_fixtures.hpp"

namespace vanban::testing {
namespace {

std::string first_snippet(SearchArchive& archive, const std::string& query) {
  const auto response = archive.search(query);
  EXPECT_FALSE(response.hits.empty()) << query;
  return response.hits.empty() ? std::string{} : response.hits.front().snippet;
}

std::string filler(int sentences) {
  std::string text;
  for (int i = 0; i < sentences; ++i)
    text += "Các cơ quan thực hiện nghiêm túc nhiệm vụ được giao. ";
  return text;
}

TEST(SearchSnippets, unaccented_query_marks_the_accented_words) {
  SearchArchive archive{
      {.name = "doc",
       .title = "Báo cáo",
       .body = filler(10) + "Phong trào Dân vận khéo được nhân rộng. " + filler(10)}};
  const std::string snippet = first_snippet(archive, "dan van kheo");
  EXPECT_NE(snippet.find("<mark>Dân vận khéo</mark>"), std::string::npos) << snippet;
}

TEST(SearchSnippets, passage_is_short_and_cut_with_ellipses) {
  SearchArchive archive{{.name = "doc",
                         .title = "Báo cáo",
                         .body = filler(20) + "Phong trào thi đua yêu nước. " + filler(20)}};
  const std::string snippet = first_snippet(archive, "thi đua");
  EXPECT_NE(snippet.find("<mark>thi đua</mark>"), std::string::npos) << snippet;
  EXPECT_LT(snippet.size(), 400u);
  EXPECT_EQ(snippet.rfind("…", 0), 0u) << snippet;
  EXPECT_NE(snippet.find("…", snippet.size() - 4), std::string::npos) << snippet;
}

TEST(SearchSnippets, text_is_html_escaped) {
  SearchArchive archive{{.name = "doc",
                         .title = "Báo cáo",
                         .body = "Mục <script>alert(1)</script> & \"dân vận\" <b>đẹp</b>."}};
  const std::string snippet = first_snippet(archive, "dân vận");
  EXPECT_EQ(snippet.find("<script>"), std::string::npos) << snippet;
  EXPECT_EQ(snippet.find("<b>"), std::string::npos) << snippet;
  EXPECT_NE(snippet.find("&lt;script&gt;"), std::string::npos) << snippet;
  EXPECT_NE(snippet.find("&amp;"), std::string::npos) << snippet;
  EXPECT_NE(snippet.find("<mark>dân vận</mark>"), std::string::npos) << snippet;
}

TEST(SearchSnippets, best_passage_holds_the_most_query_words) {
  SearchArchive archive{{.name = "doc",
                         .title = "Báo cáo",
                         .body = "Công tác dân vận. " + filler(15) +
                                 "Công tác dân vận chính quyền được tăng cường. " + filler(15)}};
  const std::string snippet = first_snippet(archive, "dân vận chính quyền");
  EXPECT_NE(snippet.find("<mark>dân vận chính quyền</mark>"), std::string::npos) << snippet;
}

TEST(SearchSnippets, accented_query_marks_the_exact_spelling_only) {
  SearchArchive archive{
      {.name = "doc", .title = "Báo cáo", .body = "Ý kiến của dân về đàn gia súc."}};
  const std::string snippet = first_snippet(archive, "dân");
  EXPECT_NE(snippet.find("<mark>dân</mark>"), std::string::npos) << snippet;
  EXPECT_EQ(snippet.find("<mark>đàn</mark>"), std::string::npos) << snippet;
}

TEST(SearchSnippets, document_number_is_marked) {
  SearchArchive archive{{.name = "doc",
                         .number = "1/KH-UBND",
                         .title = "Kế hoạch",
                         .body = "Thực hiện Chỉ thị số 33/CT-TTg của Thủ tướng.",
                         .cites = {"33/CT-TTg"}}};
  const std::string snippet = first_snippet(archive, "33/ct-ttg");
  EXPECT_NE(snippet.find("<mark>33/CT-TTg</mark>"), std::string::npos) << snippet;
}

}  // namespace
}  // namespace vanban::testing
