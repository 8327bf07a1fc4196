// The validity status in search: a facet, a filter (`hieuluc:` in the box, `validity=` in the
// URL) and a field of every hit, all as of today and from the archive's own graph, agreeing
// with the status the document's page shows.
#include <algorithm>

#include <gtest/gtest.h>

#include "relation_fixtures.hpp"
#include "search_fixtures.hpp"

namespace vanban::testing {
namespace {

Doc validity_decree(std::string name, std::string number, std::string date, std::string effective,
                    std::vector<analyzers::Citation> citations = {}) {
  return Doc{.name = std::move(name),
             .type = "Nghị định",
             .number = std::move(number),
             .issuer = "Chính phủ",
             .date = std::move(date),
             .title = "Quy định về tiền lương",
             .citations = std::move(citations),
             .effective = std::move(effective)};
}

// One document of each status, and documents acting on them.
std::vector<Doc> graph() {
  return {
      validity_decree("replaced", "10/2020/NĐ-CP", "2020-01-05", "2020-03-01"),
      validity_decree("replacer", "20/2024/NĐ-CP", "2024-01-05", "2024-03-01",
                      {acting("10/2020/NĐ-CP", analyzers::kRelationReplaces)}),
      validity_decree("partly", "11/2020/NĐ-CP", "2020-01-05", "2020-03-01"),
      validity_decree("part-repealer", "31/2025/NĐ-CP", "2025-01-05", "2025-02-01",
                      {acting("11/2020/NĐ-CP", analyzers::kRelationRepeals, "Điều 5")}),
      validity_decree("future", "40/2099/NĐ-CP", "2099-01-05", "2099-03-01"),
      validity_decree("silent", "12/2020/NĐ-CP", "2020-01-05", ""),
      // A repeal that takes effect in 2099 does not count yet.
      validity_decree("late", "42/2099/NĐ-CP", "2099-01-05", "2099-06-01",
                      {acting("12/2020/NĐ-CP", analyzers::kRelationRepeals)}),
      // Amended, which ends the amended wording: ended in part, in the facet as on the page.
      validity_decree("amended", "13/2020/NĐ-CP", "2020-01-05", "2020-03-01"),
      validity_decree("amender", "32/2025/NĐ-CP", "2025-01-05", "2025-02-01",
                      {acting("13/2020/NĐ-CP", analyzers::kRelationAmends)}),
  };
}

std::vector<std::string> sorted_numbers(std::vector<std::string> names) {
  std::sort(names.begin(), names.end());
  return names;
}

archive::SearchResponse all_with(SearchArchive& archive, const std::string& query) {
  archive::SearchRequest request;
  request.query = query;
  request.size = 100;
  return archive.search(request);
}

TEST(SearchValidity, every_hit_carries_the_status_its_page_shows) {
  SearchArchive archive{};
  archive.add(graph());
  const auto response = all_with(archive, "tiền lương");
  ASSERT_EQ(response.hits.size(), graph().size());
  for (const auto& hit : response.hits) {
    auto detail = archive.searcher().document(hit.id);
    ASSERT_TRUE(detail.ok());
    EXPECT_EQ(hit.validity, detail->validity.status) << archive.name_of(hit.id);
  }
  std::map<std::string, std::string> status;
  for (const auto& hit : response.hits)
    status[archive.name_of(hit.id)] = hit.validity;
  EXPECT_EQ(status["replaced"], "Hết hiệu lực toàn bộ");
  EXPECT_EQ(status["partly"], "Hết hiệu lực một phần");
  EXPECT_EQ(status["amended"], "Hết hiệu lực một phần");
  EXPECT_EQ(status["future"], "Chưa có hiệu lực");
  EXPECT_EQ(status["silent"], "Chưa rõ");
  EXPECT_EQ(status["replacer"], "Còn hiệu lực");
}

TEST(SearchValidity, the_facet_counts_what_each_status_filter_finds) {
  SearchArchive archive{};
  archive.add(graph());
  const auto counts = facet(all_with(archive, ""), "validity");
  EXPECT_EQ(counts, (std::map<std::string, std::uint64_t>{{"Còn hiệu lực", 3},
                                                          {"Hết hiệu lực toàn bộ", 1},
                                                          {"Hết hiệu lực một phần", 2},
                                                          {"Chưa có hiệu lực", 2},
                                                          {"Chưa rõ", 1}}));
  for (const auto& [status, count] : counts) {
    archive::SearchRequest request;
    request.filters[archive::FieldId::validity] = {status};
    request.size = 100;
    const auto filtered = archive.search(request);
    EXPECT_EQ(filtered.total, count) << status;
    for (const auto& hit : filtered.hits)
      EXPECT_EQ(hit.validity, status);
    // Its own facet still counts the other statuses (a facet ignores its own filter).
    EXPECT_EQ(facet(filtered, "validity"), counts) << status;
  }
}

TEST(SearchValidity, the_box_takes_the_status_with_or_without_diacritics_quotes_or_spaces) {
  SearchArchive archive{};
  archive.add(graph());
  for (const char* query : {"hieuluc:het hieu luc toan bo", "hiệu lực:hết hiệu lực toàn bộ",
                            "hieu luc:\"het hieu luc toan bo\"", "hieuluc:toan bo tiền lương",
                            "tiền lương hieu luc:toàn bộ"}) {
    EXPECT_EQ(archive.found(query), std::vector<std::string>{"replaced"}) << query;
  }
  EXPECT_EQ(sorted_numbers(archive.found("hieuluc:het")),
            (std::vector<std::string>{"amended", "partly", "replaced"}));
  EXPECT_EQ(sorted_numbers(archive.found("hieuluc:chua co")),
            (std::vector<std::string>{"future", "late"}));
  EXPECT_EQ(archive.found("hieuluc:khong xac dinh"), std::vector<std::string>{"silent"});
  EXPECT_EQ(sorted_numbers(archive.found("hieuluc:con")),
            (std::vector<std::string>{"amender", "part-repealer", "replacer"}));
  EXPECT_EQ(archive.found("-hieuluc:con -hieuluc:het -hieuluc:chua"), std::vector<std::string>{});
}

TEST(SearchValidity, a_value_naming_no_status_is_refused_in_vietnamese) {
  SearchArchive archive{};
  archive.add(graph());
  archive::SearchRequest box;
  box.query = "hieuluc:xyz";
  auto typed = archive.searcher().search(box);
  ASSERT_FALSE(typed.ok());
  EXPECT_NE(typed.error().user_message.find("Tình trạng hiệu lực không hợp lệ"), std::string::npos);
  archive::SearchRequest request;
  request.filters[archive::FieldId::validity] = {"đang xét"};
  auto parameter = archive.searcher().search(request);
  ASSERT_FALSE(parameter.ok());
  EXPECT_EQ(parameter.error().kind, ErrorKind::invalid_argument);
}

TEST(SearchValidity, a_document_indexed_later_changes_the_filter_and_the_facet) {
  SearchArchive archive{validity_decree("old", "15/2020/NĐ-CP", "2020-01-05", "2020-03-01")};
  EXPECT_EQ(archive.found("hieuluc:con"), std::vector<std::string>{"old"});
  archive.add({validity_decree("repealing", "35/2025/NĐ-CP", "2025-01-05", "2025-02-01",
                               {acting("15/2020/NĐ-CP", analyzers::kRelationRepeals)})});
  ASSERT_TRUE(archive.searcher().reopen().ok());
  EXPECT_EQ(archive.found("hieuluc:\"hết hiệu lực toàn bộ\""), std::vector<std::string>{"old"});
  EXPECT_EQ(archive.found("hieuluc:con"), std::vector<std::string>{"repealing"});
  const auto response = archive.search("tiền lương");
  EXPECT_EQ(facet(response, "validity")["Hết hiệu lực toàn bộ"], 1u);
}

TEST(SearchValidity, a_repeal_of_one_years_number_leaves_another_years_alone) {
  // Directives' numbers restart every year: the citation's date says which one ends.
  SearchArchive archive{
      Doc{.name = "2020",
          .type = "Chỉ thị",
          .number = "33/CT-TTg",
          .issuer = "Thủ tướng Chính phủ",
          .date = "2020-03-01",
          .title = "Về phòng chống dịch",
          .effective = "2020-03-01"},
      Doc{.name = "2023",
          .type = "Chỉ thị",
          .number = "33/CT-TTg",
          .issuer = "Thủ tướng Chính phủ",
          .date = "2023-05-01",
          .title = "Về phòng chống dịch",
          .effective = "2023-05-01"},
      Doc{.name = "repealer",
          .type = "Quyết định",
          .number = "7/QĐ-TTg",
          .issuer = "Thủ tướng Chính phủ",
          .date = "2024-01-02",
          .title = "Về phòng chống dịch",
          .citations = {acting("33/CT-TTg", analyzers::kRelationRepeals, std::nullopt,
                               "2020-03-01")},
          .effective = "2024-01-02"},
  };
  EXPECT_EQ(archive.found("hieuluc:toan bo"), std::vector<std::string>{"2020"});
  auto detail = archive.searcher().document(archive.id_of("2023"));
  ASSERT_TRUE(detail.ok());
  EXPECT_EQ(detail->validity.status, "Còn hiệu lực");
}

}  // namespace
}  // namespace vanban::testing
