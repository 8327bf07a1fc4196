// Facet counts over the whole result set, under combined filters; each facet's counts reflect
// the other filters but not its own (so a user can pick a second value of the same facet).
#include <algorithm>
#include <random>
#include <set>

#include <gtest/gtest.h>

#include "search_fixtures.hpp"

namespace vanban::testing {
namespace {

using Counts = std::map<std::string, std::uint64_t>;

SearchArchive faceted_archive() {
  return SearchArchive{
      {.name = "a",
       .type = "Kế hoạch",
       .issuer = "Bộ Nội vụ",
       .date = "2025-03-01",
       .title = "Dân vận một",
       .cites = {"33/CT-TTg", "59/2023/NĐ-CP"}},
      {.name = "b",
       .type = "Kế hoạch",
       .issuer = "Bộ Nội vụ",
       .date = "2026-03-01",
       .title = "Dân vận hai",
       .cites = {"33/CT-TTg"}},
      {.name = "c",
       .type = "Báo cáo",
       .issuer = "Bộ Nội vụ",
       .date = "2026-04-01",
       .title = "Dân vận ba",
       .cites = {"59/2023/NĐ-CP"}},
      {.name = "d",
       .type = "Báo cáo",
       .issuer = "Ủy ban nhân dân tỉnh Quảng Trị",
       .date = "2026-05-01",
       .title = "Dân vận bốn",
       .cites = {"33/CT-TTg"}},
      {.name = "e",
       .type = "Kế hoạch",
       .issuer = "Ủy ban nhân dân tỉnh Quảng Trị",
       .date = "2025-06-01",
       .title = "Phòng cháy năm"},
  };
}

TEST(SearchFacets, counts_cover_the_whole_result_set_not_just_the_page) {
  auto archive = faceted_archive();
  archive::SearchRequest request;
  request.query = "dân vận";
  request.size = 1;
  const auto response = archive.search(request);
  EXPECT_EQ(response.total, 4u);
  EXPECT_EQ(response.hits.size(), 1u);
  EXPECT_EQ(facet(response, "issuer"),
            (Counts{{"Bộ Nội vụ", 3}, {"Ủy ban nhân dân tỉnh Quảng Trị", 1}}));
  EXPECT_EQ(facet(response, "type"), (Counts{{"Kế hoạch", 2}, {"Báo cáo", 2}}));
  EXPECT_EQ(facet(response, "year"), (Counts{{"2025", 1}, {"2026", 3}}));
  // Multi-valued: a document citing two instruments counts for both.
  EXPECT_EQ(facet(response, "cites"), (Counts{{"33/CT-TTg", 3}, {"59/2023/NĐ-CP", 2}}));
}

TEST(SearchFacets, each_facet_reflects_the_other_filters_but_not_its_own) {
  auto archive = faceted_archive();
  archive::SearchRequest request;
  request.query = "dân vận";
  request.filters[archive::FieldId::issuer] = {"Bộ Nội vụ"};
  request.filters[archive::FieldId::year] = {"2026"};
  const auto response = archive.search(request);
  EXPECT_EQ(response.total, 2u);  // b, c
  // Issuer counts: year filter applied, issuer filter not.
  EXPECT_EQ(facet(response, "issuer"),
            (Counts{{"Bộ Nội vụ", 2}, {"Ủy ban nhân dân tỉnh Quảng Trị", 1}}));
  // Year counts: issuer filter applied, year filter not.
  EXPECT_EQ(facet(response, "year"), (Counts{{"2025", 1}, {"2026", 2}}));
  // Facets without a filter of their own count the result set itself.
  EXPECT_EQ(facet(response, "type"), (Counts{{"Kế hoạch", 1}, {"Báo cáo", 1}}));
  EXPECT_EQ(facet(response, "cites"), (Counts{{"33/CT-TTg", 1}, {"59/2023/NĐ-CP", 1}}));
}

TEST(SearchFacets, typed_fields_count_like_url_filters) {
  auto archive = faceted_archive();
  const auto response = archive.search("+dân +vận loai:\"Báo cáo\"");
  EXPECT_EQ(response.total, 2u);
  EXPECT_EQ(facet(response, "type"), (Counts{{"Kế hoạch", 2}, {"Báo cáo", 2}}));
  EXPECT_EQ(facet(response, "issuer"),
            (Counts{{"Bộ Nội vụ", 1}, {"Ủy ban nhân dân tỉnh Quảng Trị", 1}}));
}

TEST(SearchFacets, cites_filter_keeps_its_own_facet_open) {
  auto archive = faceted_archive();
  archive::SearchRequest request;
  request.filters[archive::FieldId::cites] = {"59/2023/ND-CP"};
  request.filters[archive::FieldId::type] = {"Kế hoạch"};
  const auto response = archive.search(request);
  EXPECT_EQ(archive.names(response), std::vector<std::string>{"a"});
  EXPECT_EQ(facet(response, "cites"), (Counts{{"33/CT-TTg", 2}, {"59/2023/NĐ-CP", 1}}));
}

TEST(SearchFacets, one_instrument_written_two_ways_is_one_value_in_its_commonest_spelling) {
  SearchArchive archive{{.name = "a", .title = "Dân vận một", .cites = {"33/CT-TTg"}},
                        {.name = "b", .title = "Dân vận hai", .cites = {"33/CT-TTG"}},
                        {.name = "c", .title = "Dân vận ba", .cites = {"33/ct-ttg", "33/CT-TTg"}},
                        {.name = "d", .title = "Dân vận bốn", .cites = {"33/CT-TTg"}}};
  // c cites it twice (two spellings) and counts once.
  EXPECT_EQ(facet(archive.search("dân vận"), "cites"), (Counts{{"33/CT-TTg", 4}}));
}

// The issuer filter matches a body's key, whatever tone placement or capitals its documents
// write: its facet is one value per body too, in the spelling most of them write.
TEST(SearchFacets, one_body_written_two_ways_is_one_issuer_value_in_its_commonest_spelling) {
  SearchArchive archive{
      {.name = "a", .issuer = "Ủy ban nhân dân tỉnh Hà Nam", .title = "Dân vận một"},
      {.name = "b", .issuer = "Uỷ ban nhân dân tỉnh Hà Nam", .title = "Dân vận hai"},
      {.name = "c", .issuer = "Ủy ban nhân dân tỉnh Hà Nam", .title = "Dân vận ba"},
      {.name = "d", .issuer = "Bộ Công An", .title = "Dân vận bốn", .signer = "TÔ LÂM"},
      {.name = "e", .issuer = "Bộ Công an", .title = "Dân vận năm", .signer = "Tô Lâm"},
      {.name = "f", .issuer = "Bộ Công an", .title = "Dân vận sáu", .signer = "Tô Lâm"}};
  const auto response = archive.search("dân vận");
  EXPECT_EQ(facet(response, "issuer"),
            (Counts{{"Ủy ban nhân dân tỉnh Hà Nam", 3}, {"Bộ Công an", 3}}));
  EXPECT_EQ(facet(response, "signer"), (Counts{{"Tô Lâm", 3}, {"Không rõ", 3}}));
  // Filtering by the value shown finds every spelling.
  EXPECT_EQ(archive.search("dân vận cq:\"Ủy ban nhân dân tỉnh Hà Nam\"").total, 3u);
}

// A dash between two parts of a body's name, however a text wrote and spaced it (a hyphen
// glued, an en dash, a spaced hyphen), is one separator of one body's key: one issuer value.
TEST(SearchFacets, one_body_whose_dash_is_written_three_ways_is_one_issuer_value) {
  SearchArchive archive{
      {.name = "a",
       .issuer = "Sở Lao động - Thương binh và Xã hội tỉnh Hà Nam",
       .title = "Dân vận một"},
      {.name = "b",
       .issuer = "Sở Lao động – Thương binh và Xã hội tỉnh Hà Nam",
       .title = "Dân vận hai"},
      {.name = "c",
       .issuer = "Sở Lao động-Thương binh và Xã hội tỉnh Hà Nam",
       .title = "Dân vận ba"},
      {.name = "d",
       .issuer = "Sở Lao động - Thương binh và Xã hội tỉnh Hà Nam",
       .title = "Dân vận bốn"},
      {.name = "e", .issuer = "Trung tâm Y tế huyện Kim Bảng", .title = "Dân vận năm"}};
  const auto response = archive.search("dân vận");
  EXPECT_EQ(facet(response, "issuer"),
            (Counts{{"Sở Lao động - Thương binh và Xã hội tỉnh Hà Nam", 4},
                    {"Trung tâm Y tế huyện Kim Bảng", 1}}));
  EXPECT_EQ(archive.search("dân vận cq:\"Sở Lao động–Thương binh và Xã hội tỉnh Hà Nam\"").total,
            4u);
}

// A joint document (Thông tư liên tịch) counts for each body its issuer names, and a filter by
// any of them finds it; a body whose own name holds a dash stays one value.
TEST(SearchFacets, a_joint_documents_issuer_counts_for_each_body) {
  SearchArchive archive{
      {.name = "a", .issuer = "Bộ Nội vụ", .title = "Dân vận một"},
      {.name = "b", .issuer = "Bộ Nội vụ", .title = "Dân vận hai"},
      {.name = "c",
       .type = "Thông tư liên tịch",
       .issuer = "Bộ Nội vụ - Bộ Lao động - Thương binh và Xã hội",
       .title = "Dân vận ba"},
      {.name = "d",
       .type = "Thông tư liên tịch",
       .issuer = "Liên Bộ Tài chính - Nội vụ",
       .title = "Dân vận bốn"},
      {.name = "e", .issuer = "Bộ Lao động - Thương binh và Xã hội", .title = "Dân vận năm"}};
  const auto response = archive.search("dân vận");
  EXPECT_EQ(response.total, 5u);
  EXPECT_EQ(
      facet(response, "issuer"),
      (Counts{{"Bộ Nội vụ", 4}, {"Bộ Lao động - Thương binh và Xã hội", 2}, {"Bộ Tài chính", 1}}));
  const auto names = [&](const archive::SearchResponse& found) {
    std::set<std::string> titles;
    for (const auto& hit : found.hits)
      titles.insert(*hit.document.metadata.title);
    return titles;
  };
  EXPECT_EQ(names(archive.search("dân vận cq:\"Bộ Lao động - Thương binh và Xã hội\"")),
            (std::set<std::string>{"Dân vận ba", "Dân vận năm"}));
  EXPECT_EQ(names(archive.search("dân vận cq:\"Bộ Tài chính\"")),
            (std::set<std::string>{"Dân vận bốn"}));
  EXPECT_EQ(archive.search("dân vận cq:\"Bộ Nội vụ\"").total, 4u);
  // Counted under another filter, each body of the joint document still once.
  archive::SearchRequest request;
  request.query = "dân vận";
  request.filters[archive::FieldId::type] = {"Thông tư liên tịch"};
  EXPECT_EQ(
      facet(archive.search(request), "issuer"),
      (Counts{{"Bộ Nội vụ", 2}, {"Bộ Lao động - Thương binh và Xã hội", 1}, {"Bộ Tài chính", 1}}));
}

// Searchers sharing a facet cache (the server's pool) each count over their own revision.
TEST(SearchFacets, counts_follow_each_commit_with_a_shared_cache) {
  auto archive = faceted_archive();
  const auto cache = archive::Searcher::make_facet_cache();
  auto first = archive::Archive(archive.path()).open_searcher(cache);
  auto second = archive::Archive(archive.path()).open_searcher(cache);
  ASSERT_TRUE(first.ok() && second.ok());
  archive::SearchRequest request;
  request.query = "dân vận";
  EXPECT_EQ(facet(*(*first)->search(request), "issuer"),
            (Counts{{"Bộ Nội vụ", 3}, {"Ủy ban nhân dân tỉnh Quảng Trị", 1}}));

  archive.add({{.name = "f", .issuer = "Bộ Tư pháp", .title = "Dân vận sáu"}});
  ASSERT_TRUE((*first)->reopen().ok());
  EXPECT_EQ(facet(*(*first)->search(request), "issuer"),
            (Counts{{"Bộ Nội vụ", 3}, {"Bộ Tư pháp", 1}, {"Ủy ban nhân dân tỉnh Quảng Trị", 1}}));
  // Not reopened: a search still reads the newest commit (a reader at most one revision behind
  // the writer, reader_pin.hpp), and its counts agree with its hits.
  const auto unopened = (*second)->search(request);
  EXPECT_EQ(unopened->total, 5u);
  EXPECT_EQ(facet(*unopened, "issuer"),
            (Counts{{"Bộ Nội vụ", 3}, {"Bộ Tư pháp", 1}, {"Ủy ban nhân dân tỉnh Quảng Trị", 1}}));
  ASSERT_TRUE((*second)->reopen().ok());
  EXPECT_EQ((*second)->search(request)->total, 5u);
}

// An archive made anew has revisions from 1 again: the cache tells databases apart by UUID.
TEST(SearchFacets, a_shared_cache_never_mixes_two_archives_at_the_same_revision) {
  SearchArchive first_archive{{.name = "a", .issuer = "Bộ Nội vụ", .title = "Dân vận"}};
  SearchArchive second_archive{{.name = "b", .issuer = "Bộ Tư pháp", .title = "Dân vận"}};
  const auto cache = archive::Searcher::make_facet_cache();
  auto first = archive::Archive(first_archive.path()).open_searcher(cache);
  auto second = archive::Archive(second_archive.path()).open_searcher(cache);
  ASSERT_TRUE(first.ok() && second.ok());
  archive::SearchRequest request;
  request.query = "dân vận";
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(facet(*(*first)->search(request), "issuer"), (Counts{{"Bộ Nội vụ", 1}}));
    EXPECT_EQ(facet(*(*second)->search(request), "issuer"), (Counts{{"Bộ Tư pháp", 1}}));
  }
}

// The next page (and the same search again) reuses the counts: they must be the same as counted.
TEST(SearchFacets, next_pages_and_other_orders_report_the_same_counts) {
  auto archive = faceted_archive();
  archive::SearchRequest request;
  request.query = "+dân +vận";
  request.filters[archive::FieldId::type] = {"Kế hoạch"};
  request.size = 1;
  const auto first = archive.search(request);
  EXPECT_EQ(first.total, 2u);
  for (const auto sort : {archive::SortOrder::relevance, archive::SortOrder::newest}) {
    for (int page = 1; page <= 3; ++page) {
      request.page = page;
      request.sort = sort;
      const auto response = archive.search(request);
      EXPECT_EQ(response.total, first.total);
      for (const char* name : {"issuer", "type", "year", "cites"})
        EXPECT_EQ(facet(response, name), facet(first, name)) << name << " page " << page;
    }
  }
  EXPECT_EQ(facet(first, "type"), (Counts{{"Báo cáo", 2}, {"Kế hoạch", 2}}));
}

TEST(SearchFacets, replaced_and_removed_documents_leave_the_counts) {
  auto archive = faceted_archive();
  EXPECT_EQ(archive.search("dân vận").total, 4u);
  {
    auto writer = archive::Archive(archive.path()).open_writer();
    ASSERT_TRUE(writer.ok());
    ASSERT_TRUE((*writer)->remove_path("d").ok());
    ASSERT_TRUE((*writer)->commit().ok());
  }
  ASSERT_TRUE(archive.searcher().reopen().ok());
  const auto response = archive.search("dân vận");
  EXPECT_EQ(response.total, 3u);
  EXPECT_EQ(facet(response, "issuer"), (Counts{{"Bộ Nội vụ", 3}}));
  EXPECT_EQ(facet(response, "cites"), (Counts{{"33/CT-TTg", 2}, {"59/2023/NĐ-CP", 2}}));
}

// More values than a facet shows (50), with many ties: the values shown are the most frequent,
// ties by value, as a whole sort of every value counted here, then cut, gives them.
TEST(SearchFacets, the_values_shown_are_the_most_frequent_of_many_in_order) {
  std::mt19937 random(1424);
  std::vector<Doc> documents;
  std::map<std::string, std::map<std::string, std::uint64_t>> expected;
  for (int i = 0; i < 180; ++i) {
    Doc doc;
    doc.name = "d" + std::to_string(i);
    const bool matches = random() % 9 != 0;
    doc.title = matches ? "Dân vận " + std::to_string(i) : "Phòng cháy " + std::to_string(i);
    // Skewed: a few bodies and instruments are common, most are rare (many ties).
    const auto skewed = [&](unsigned span) { return std::min(random() % span, random() % span); };
    doc.issuer = "Ban quản lý dự án số " + std::to_string(skewed(80) + 1);
    doc.date = std::to_string(2011 + random() % 16) + "-03-01";
    std::set<std::string> cited;
    for (unsigned c = random() % 4; c > 0; --c)
      cited.insert(std::to_string(skewed(90) + 1) + "/2020/QĐ-UBND");
    doc.cites.assign(cited.begin(), cited.end());
    if (matches) {
      ++expected["issuer"][doc.issuer];
      ++expected["year"][doc.date.substr(0, 4)];
      ++expected["type"][doc.type];
      for (const std::string& number : cited)
        ++expected["cites"][number];
    }
    documents.push_back(std::move(doc));
  }
  SearchArchive archive{};
  archive.add(documents);
  const auto response = archive.search("dân vận");
  for (const auto& [name, counts] : expected) {
    std::vector<std::pair<std::string, std::uint64_t>> all(counts.begin(), counts.end());
    std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    if (all.size() > 50) all.resize(50);
    std::vector<std::pair<std::string, std::uint64_t>> shown;
    for (const auto& [facet_name, values] : response.facets)
      if (facet_name == name)
        for (const auto& value : values)
          shown.emplace_back(value.value, value.count);
    EXPECT_EQ(shown, all) << name;
  }
  EXPECT_GT(expected["issuer"].size(), 50u);
  EXPECT_GT(expected["cites"].size(), 50u);
}

}  // namespace
}  // namespace vanban::testing
