// Sorting by relevance, newest, oldest; pagination with page/size.
#include <gtest/gtest.h>

#include "search_fixtures.hpp"

namespace vanban::testing {
namespace {

using Names = std::vector<std::string>;

SearchArchive dated_archive() {
  return SearchArchive{
      {.name = "2024", .date = "2024-05-01", .title = "Dân vận", .body = "Nội dung."},
      {.name = "2026",
       .date = "2026-01-31",
       .title = "Dân vận dân vận dân vận",
       .body = "Nội dung."},
      {.name = "undated", .date = "", .title = "Dân vận", .body = "Nội dung."},
      {.name = "2025", .date = "2025-02", .title = "Dân vận", .body = "Nội dung."},
  };
}

archive::SearchRequest request(const std::string& query, archive::SortOrder sort) {
  archive::SearchRequest request;
  request.query = query;
  request.sort = sort;
  return request;
}

TEST(SearchSorting, newest_and_oldest_sort_by_date_with_undated_last) {
  auto archive = dated_archive();
  EXPECT_EQ(archive.names(archive.search(request("dân vận", archive::SortOrder::newest))),
            (Names{"2026", "2025", "2024", "undated"}));
  EXPECT_EQ(archive.names(archive.search(request("dân vận", archive::SortOrder::oldest))),
            (Names{"2024", "2025", "2026", "undated"}));
}

TEST(SearchSorting, relevance_puts_the_best_match_first) {
  auto archive = dated_archive();
  EXPECT_EQ(
      archive.names(archive.search(request("dân vận", archive::SortOrder::relevance))).front(),
      "2026");
}

TEST(SearchSorting, empty_query_lists_everything_newest_first) {
  auto archive = dated_archive();
  EXPECT_EQ(archive.found(""), (Names{"2026", "2025", "2024", "undated"}));
}

TEST(SearchPaging, pages_split_the_results_without_overlap) {
  auto archive = dated_archive();
  auto page = [&](int number) {
    auto r = request("dân vận", archive::SortOrder::newest);
    r.page = number;
    r.size = 3;
    return archive.search(r);
  };
  const auto first = page(1);
  const auto second = page(2);
  EXPECT_EQ(first.total, 4u);
  EXPECT_EQ(second.total, 4u);
  EXPECT_EQ(archive.names(first), (Names{"2026", "2025", "2024"}));
  EXPECT_EQ(archive.names(second), (Names{"undated"}));
}

TEST(SearchPaging, page_beyond_the_end_is_empty_not_an_error) {
  auto archive = dated_archive();
  auto r = request("dân vận", archive::SortOrder::relevance);
  r.page = 1000000;
  const auto response = archive.search(r);
  EXPECT_EQ(response.total, 4u);
  EXPECT_TRUE(response.hits.empty());
  // Three years and the undated document's "Không rõ": the facets count the whole result set.
  EXPECT_EQ(facet(response, "year").size(), 4u);
  EXPECT_EQ(facet(response, "year")["Không rõ"], 1u);
}

TEST(SearchPaging, size_is_capped) {
  SearchArchive archive{};
  std::vector<Doc> documents;
  for (int i = 0; i < archive::kMaxPageSize + 5; ++i)
    documents.push_back(
        {.name = "doc-" + std::to_string(i), .title = "Dân vận " + std::to_string(i)});
  archive.add(documents);
  auto r = request("dân vận", archive::SortOrder::relevance);
  r.size = 1000;
  const auto response = archive.search(r);
  EXPECT_EQ(response.total, static_cast<std::uint64_t>(archive::kMaxPageSize + 5));
  EXPECT_EQ(response.hits.size(), static_cast<std::size_t>(archive::kMaxPageSize));
}

TEST(SearchPaging, page_or_size_below_one_is_refused) {
  auto archive = dated_archive();
  for (const auto& [page, size] : {std::pair{0, 20}, std::pair{-1, 20}, std::pair{1, 0}}) {
    auto r = request("dân vận", archive::SortOrder::relevance);
    r.page = page;
    r.size = size;
    const auto response = archive.searcher().search(r);
    ASSERT_FALSE(response.ok());
    EXPECT_EQ(response.error().kind, ErrorKind::invalid_argument);
    EXPECT_FALSE(response.error().user_message.empty());
  }
}

}  // namespace
}  // namespace vanban::testing
