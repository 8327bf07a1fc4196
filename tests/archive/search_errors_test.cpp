// Bad queries give invalid_argument with a Vietnamese message; no query crashes; documents
// committed after the searcher opened appear after reopen().
#include <filesystem>

#include <gtest/gtest.h>

#include "disk_layout.hpp"
#include "search_fixtures.hpp"

namespace vanban::testing {
namespace {

TEST(SearchErrors, syntax_errors_are_invalid_argument_with_a_vietnamese_message) {
  SearchArchive archive{{.name = "doc", .title = "Dân vận"}};
  for (const char* query : {"\"dân vận", "ngay:2025-13-01", "cq:", "nam:hai"}) {
    archive::SearchRequest request;
    request.query = query;
    const auto response = archive.searcher().search(request);
    ASSERT_FALSE(response.ok()) << query;
    EXPECT_EQ(response.error().kind, ErrorKind::invalid_argument) << query;
    EXPECT_FALSE(response.error().user_message.empty()) << query;
  }
}

TEST(SearchErrors, bad_url_parameters_are_invalid_argument) {
  SearchArchive archive{{.name = "doc", .title = "Dân vận"}};
  archive::SearchRequest bad_date;
  bad_date.from = "31-12-2025";
  EXPECT_EQ(archive.searcher().search(bad_date).error().kind, ErrorKind::invalid_argument);
  archive::SearchRequest reversed;
  reversed.from = "2026-01-01";
  reversed.to = "2025-01-01";
  EXPECT_EQ(archive.searcher().search(reversed).error().kind, ErrorKind::invalid_argument);
  archive::SearchRequest bad_year;
  bad_year.filters[archive::FieldId::year] = {"abcd"};
  EXPECT_EQ(archive.searcher().search(bad_year).error().kind, ErrorKind::invalid_argument);
}

TEST(SearchErrors, odd_queries_never_crash) {
  SearchArchive archive{{.name = "doc", .title = "Dân vận", .body = "Chỉ thị 33/CT-TTg."}};
  const std::string long_word(300, 'x');
  for (const std::string& query :
       {std::string("-"), std::string("-dân"), std::string("OR"), std::string("()"),
        std::string("\"\""), long_word, std::string("a") + std::string(1, '\0') + "b",
        std::string("\xff\xfe"), std::string("cq:\"\" x"), std::string("trich:luật"),
        std::string("so:1/a") + std::string(260, 'b'), std::string("-(-(-a))")}) {
    archive::SearchRequest request;
    request.query = query;
    const auto response = archive.searcher().search(request);
    if (!response.ok()) {
      EXPECT_EQ(response.error().kind, ErrorKind::invalid_argument) << query;
    }
  }
}

TEST(SearchErrors, missing_archive_searches_as_empty) {
  TempDir empty;
  auto searcher = archive::Archive(empty.path()).open_searcher();
  ASSERT_TRUE(searcher.ok());
  auto response = (*searcher)->search(archive::SearchRequest{});
  ASSERT_TRUE(response.ok()) << response.error().message;
  EXPECT_EQ(response->total, 0u);
  EXPECT_EQ((*searcher)->document_count().value(), 0u);
}

TEST(SearchErrors, documents_committed_later_appear_after_reopen) {
  SearchArchive archive{{.name = "first", .title = "Dân vận"}};
  EXPECT_EQ(archive.found("dân vận").size(), 1u);
  const std::string before = archive.searcher().revision().value();
  archive.add({{.name = "second", .title = "Dân vận mới"}});
  ASSERT_TRUE(archive.searcher().reopen().ok());
  EXPECT_EQ(archive.found("dân vận").size(), 2u);
  EXPECT_NE(archive.searcher().revision().value(), before);
  EXPECT_EQ(archive.searcher().document_count().value(), 2u);
}

TEST(SearchErrors, a_database_replaced_under_the_searcher_is_opened_afresh) {
  SearchArchive archive{{.name = "first", .title = "Dân vận"}};
  SearchArchive other{{.name = "a", .title = "Phòng cháy"}, {.name = "b", .title = "Chữa cháy"}};
  EXPECT_EQ(archive.found("dân vận").size(), 1u);
  // A restore or a rebuild swaps the folder's index for another database.
  const auto index = archive::xapian_dir(archive.path());
  std::filesystem::remove_all(index);
  std::filesystem::copy(archive::xapian_dir(other.path()), index);
  ASSERT_TRUE(archive.searcher().reopen().ok());
  EXPECT_EQ(archive.searcher().document_count().value(), 2u);
  EXPECT_EQ(archive.search("cháy").total, 2u);
  EXPECT_EQ(archive.search("+dân +vận").total, 0u);  // (the issuers hold "dân")
}

}  // namespace
}  // namespace vanban::testing
