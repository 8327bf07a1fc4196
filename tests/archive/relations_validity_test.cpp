// Typed relations in both directions, laws cited by name and by number alike, and the validity
// status worked out from the archive's own graph, as the document and instrument views serve
// them.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "relation_fixtures.hpp"
#include "search_fixtures.hpp"

namespace vanban::testing {
namespace {

analyzers::Citation law_by_name(const std::string& name, const std::string& type) {
  analyzers::Citation citation;
  citation.type = "Bộ luật";
  citation.title = name;
  citation.number_key = analyzers::law_key(name);
  citation.text = name;
  citation.relations.push_back({type, std::nullopt, std::nullopt, "Căn cứ " + name + ";"});
  return citation;
}

Doc decree(std::string name, std::string number, std::string date, std::string effective,
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

// The status as of `as_of` (ISO), or today when it is empty.
std::string status_of(SearchArchive& archive, const std::string& name,
                      const std::string& as_of = {}) {
  auto detail = archive.searcher().document(archive.id_of(name), as_of);
  EXPECT_TRUE(detail.ok());
  if (!detail) return "";
  if (!as_of.empty()) {
    EXPECT_EQ(detail->validity.as_of, as_of);
  }
  return detail->validity.status;
}

TEST(RelationsValidity, a_replaced_document_has_ended_with_the_replacing_one_as_evidence) {
  SearchArchive archive{
      decree("old", "10/2020/NĐ-CP", "2020-01-05", "2020-03-01"),
      decree("new", "20/2024/NĐ-CP", "2024-01-05", "2024-03-01",
             {acting("10/2020/NĐ-CP", analyzers::kRelationReplaces)}),
  };
  auto old = archive.searcher().document(archive.id_of("old"));
  ASSERT_TRUE(old.ok());
  EXPECT_EQ(old->validity.status, "Hết hiệu lực toàn bộ");
  ASSERT_EQ(old->validity.evidence.size(), 1u);
  EXPECT_EQ(old->validity.evidence[0].id, archive.id_of("new"));
  EXPECT_EQ(old->validity.evidence[0].date, "2024-03-01");
  ASSERT_EQ(old->relations_in.size(), 1u);
  EXPECT_EQ(old->relations_in[0].relation.type, "thay_the");
  EXPECT_EQ(old->relations_in[0].document.id, archive.id_of("new"));

  auto replacing = archive.searcher().document(archive.id_of("new"));
  ASSERT_TRUE(replacing.ok());
  EXPECT_EQ(replacing->validity.status, "Còn hiệu lực");
  EXPECT_EQ(replacing->citations[0].citation.relations[0].type, "thay_the");
  EXPECT_EQ(replacing->citations[0].id, archive.id_of("old"));
}

TEST(RelationsValidity, a_document_indexed_later_updates_the_status_of_the_one_it_repeals) {
  SearchArchive archive{decree("old", "10/2020/NĐ-CP", "2020-01-05", "2020-03-01")};
  EXPECT_EQ(status_of(archive, "old"), "Còn hiệu lực");
  archive.add({decree("repealing", "30/2025/NĐ-CP", "2025-01-05", "2025-02-01",
                      {acting("10/2020/NĐ-CP", analyzers::kRelationRepeals)})});
  ASSERT_TRUE(archive.searcher().reopen().ok());
  EXPECT_EQ(status_of(archive, "old"), "Hết hiệu lực toàn bộ");
}

TEST(RelationsValidity, parts_repealed_not_yet_in_force_and_no_evidence) {
  SearchArchive archive{
      decree("partly", "11/2020/NĐ-CP", "2020-01-05", "2020-03-01"),
      decree("part-repealer", "31/2025/NĐ-CP", "2025-01-05", "2025-02-01",
             {acting("11/2020/NĐ-CP", analyzers::kRelationRepeals, "Điều 5")}),
      decree("future", "40/2099/NĐ-CP", "2099-01-05", "2099-03-01"),
      decree("silent", "12/2020/NĐ-CP", "2020-01-05", ""),
      // An amendment in force ends the amended wording (Law on Promulgation 2015, Art. 154):
      // the document has ended in part. Acts that take effect later do not count yet.
      decree("amended", "13/2020/NĐ-CP", "2020-01-05", "2020-03-01"),
      decree("amender", "41/2099/NĐ-CP", "2024-01-05", "2024-03-01",
             {acting("13/2020/NĐ-CP", analyzers::kRelationAmends, "khoản 2 Điều 8")}),
      decree("amended-later", "14/2020/NĐ-CP", "2020-01-05", "2020-03-01"),
      decree("late-amender", "43/2099/NĐ-CP", "2099-01-05", "2099-06-01",
             {acting("14/2020/NĐ-CP", analyzers::kRelationAmends)}),
      decree("late", "42/2099/NĐ-CP", "2099-01-05", "2099-06-01",
             {acting("12/2020/NĐ-CP", analyzers::kRelationRepeals)}),
  };
  EXPECT_EQ(status_of(archive, "partly"), "Hết hiệu lực một phần");
  EXPECT_EQ(status_of(archive, "future"), "Chưa có hiệu lực");
  EXPECT_EQ(status_of(archive, "silent"), "Chưa rõ");
  EXPECT_EQ(status_of(archive, "amended"), "Hết hiệu lực một phần");
  EXPECT_EQ(status_of(archive, "amended-later"), "Còn hiệu lực");
}

// The status as of a day the caller names: before the part-repealing act took effect, the
// document was in force; before its own effective day, not yet.
TEST(RelationsValidity, status_as_of_a_past_day) {
  SearchArchive archive{
      decree("partly", "11/2020/NĐ-CP", "2020-01-05", "2020-03-01"),
      decree("part-repealer", "31/2025/NĐ-CP", "2025-01-05", "2025-02-01",
             {acting("11/2020/NĐ-CP", analyzers::kRelationRepeals, "Điều 5")}),
  };
  EXPECT_EQ(status_of(archive, "partly", "2020-02-29"), "Chưa có hiệu lực");
  EXPECT_EQ(status_of(archive, "partly", "2020-03-01"), "Còn hiệu lực");
  EXPECT_EQ(status_of(archive, "partly", "2025-01-31"), "Còn hiệu lực");
  EXPECT_EQ(status_of(archive, "partly", "2025-02-01"), "Hết hiệu lực một phần");
}

TEST(RelationsValidity, a_law_cited_by_name_or_by_number_counts_alike) {
  SearchArchive archive{
      Doc{.name = "code",
          .type = "Bộ luật",
          .number = "45/2019/QH14",
          .issuer = "Quốc hội",
          .date = "2019-11-20",
          .title = "Lao động",
          .effective = "2021-01-01"},
      decree("by-name", "145/2020/NĐ-CP", "2020-12-14", "2021-02-01",
             {law_by_name("Bộ luật Lao động", analyzers::kRelationGuides)}),
      decree("by-number", "12/2022/NĐ-CP", "2022-01-05", "2022-02-01",
             {acting("45/2019/QH14", analyzers::kRelationBasedOn)}),
  };
  auto code = archive.searcher().document(archive.id_of("code"));
  ASSERT_TRUE(code.ok());
  EXPECT_EQ(code->cited_by.size(), 2u);
  auto by_name = archive.searcher().instrument("Bộ luật Lao động");
  ASSERT_TRUE(by_name.ok());
  ASSERT_EQ(by_name->documents.size(), 1u);
  EXPECT_EQ(by_name->cited_by.size(), 2u);
  EXPECT_EQ(by_name->relations_in.size(), 2u);
  auto citing = archive.searcher().document(archive.id_of("by-name"));
  ASSERT_TRUE(citing.ok());
  EXPECT_EQ(citing->citations[0].id, archive.id_of("code"));
}

}  // namespace
}  // namespace vanban::testing
