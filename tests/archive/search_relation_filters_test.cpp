// Relation filters: the documents that amend, replace, repeal, implement, guide or are based on
// an instrument, given by URL parameter or typed in the box (`suadoi:`, `sửa đổi:`).
#include <algorithm>

#include <gtest/gtest.h>

#include "relation_fixtures.hpp"
#include "search_fixtures.hpp"

namespace vanban::testing {
namespace {

Doc decree(std::string name, std::string number, std::vector<analyzers::Citation> citations = {}) {
  return Doc{.name = std::move(name),
             .type = "Nghị định",
             .number = std::move(number),
             .issuer = "Chính phủ",
             .date = "2024-01-05",
             .title = "Quy định về tiền lương",
             .citations = std::move(citations)};
}

SearchArchive relations_archive() {
  return SearchArchive{
      decree("base", "59/2023/NĐ-CP"),
      decree("amender", "20/2024/NĐ-CP", {acting("59/2023/NĐ-CP", analyzers::kRelationAmends)}),
      decree("replacer", "21/2024/NĐ-CP", {acting("59/2023/NĐ-CP", analyzers::kRelationReplaces)}),
      decree("based", "22/2024/NĐ-CP", {acting("59/2023/NĐ-CP", analyzers::kRelationBasedOn)}),
      decree("mentions", "23/2024/NĐ-CP", {cite("59/2023/NĐ-CP")}),
      decree("amends-other", "24/2024/NĐ-CP",
             {acting("60/2023/NĐ-CP", analyzers::kRelationAmends)}),
  };
}

std::vector<std::string> sorted_ids(std::vector<std::string> names) {
  std::sort(names.begin(), names.end());
  return names;
}

TEST(RelationFilters, a_parameter_finds_the_documents_that_do_that_to_the_instrument) {
  SearchArchive archive = relations_archive();
  archive::SearchRequest amending;
  amending.filters[archive::FieldId::amends] = {"59/2023/NĐ-CP"};
  EXPECT_EQ(archive.names(archive.search(amending)), std::vector<std::string>{"amender"});
  archive::SearchRequest based;
  based.filters[archive::FieldId::based_on] = {"59/2023/ND-CP"};  // typed without diacritics
  EXPECT_EQ(archive.names(archive.search(based)), std::vector<std::string>{"based"});
  archive::SearchRequest either;  // values of one field OR together
  either.filters[archive::FieldId::amends] = {"59/2023/NĐ-CP", "60/2023/NĐ-CP"};
  EXPECT_EQ(sorted_ids(archive.names(archive.search(either))),
            (std::vector<std::string>{"amender", "amends-other"}));
}

TEST(RelationFilters, the_box_takes_the_fields_with_or_without_diacritics_and_a_space) {
  SearchArchive archive = relations_archive();
  for (const char* query : {"suadoi:59/2023/NĐ-CP", "sửađổi:59/2023/NĐ-CP", "sửa đổi:59/2023/NĐ-CP",
                            "sua doi:59/2023/nd-cp", "tiền lương sửa đổi:59/2023/NĐ-CP"}) {
    EXPECT_EQ(archive.found(query), std::vector<std::string>{"amender"}) << query;
  }
  EXPECT_EQ(archive.found("thaythe:59/2023/NĐ-CP"), std::vector<std::string>{"replacer"});
  EXPECT_EQ(archive.found("căn cứ:59/2023/NĐ-CP"), std::vector<std::string>{"based"});
  // Excluded like any field.
  EXPECT_EQ(sorted_ids(archive.found("trich:59/2023/NĐ-CP -sửa đổi:59/2023/NĐ-CP")),
            (std::vector<std::string>{"based", "mentions", "replacer"}));
}

TEST(RelationFilters, a_mere_mention_is_not_a_relation_of_another_type) {
  SearchArchive archive = relations_archive();
  EXPECT_TRUE(archive.found("baibo:59/2023/NĐ-CP").empty());
  EXPECT_TRUE(archive.found("thuchien:59/2023/NĐ-CP").empty());
}

}  // namespace
}  // namespace vanban::testing
