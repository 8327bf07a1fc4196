// The metadata model's fields in one table: the JSON of `vanban extract`, of stored documents
// and of sidecars names exactly the table's fields, and every field survives a round trip.
#include "vanban/analyzers/metadata_fields.hpp"

#include <set>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "vanban/analyzers/structure.hpp"

namespace vanban::analyzers {
namespace {

DocumentMetadata every_field_set() {
  DocumentMetadata metadata;
  for (const MetadataFieldSpec& spec : kMetadataFields)
    if (spec.text != nullptr) metadata.*spec.text = "giá trị " + std::string(spec.name);
  metadata.recipients = {"Ủy ban nhân dân huyện", "Lưu: VT"};
  Citation citation;
  citation.number = "33/CT-TTg";
  citation.text = "Chỉ thị số 33/CT-TTg";
  metadata.citations = {citation};
  return metadata;
}

TEST(MetadataFields, the_json_names_exactly_the_fields_of_the_table) {
  const nlohmann::json json = DocumentMetadata{};
  std::set<std::string> in_json;
  for (const auto& [name, value] : json.items())
    in_json.insert(name);
  std::set<std::string> in_table;
  for (const MetadataFieldSpec& spec : kMetadataFields)
    in_table.insert(std::string(spec.name));
  EXPECT_EQ(in_json, in_table);
}

TEST(MetadataFields, every_field_survives_the_json_round_trip) {
  const DocumentMetadata metadata = every_field_set();
  const auto back = nlohmann::json(metadata).get<DocumentMetadata>();
  EXPECT_EQ(nlohmann::json(back), nlohmann::json(metadata));
  EXPECT_EQ(back.signing_authority, "giá trị signing_authority");
}

TEST(MetadataFields, a_misspelt_name_is_no_field) {
  for (const MetadataFieldSpec& spec : kMetadataFields)
    EXPECT_EQ(metadata_field(spec.name), spec.id) << spec.name;
  EXPECT_FALSE(metadata_field("so_ky_hieu").has_value());
  EXPECT_FALSE(metadata_field("Number").has_value());
}

TEST(MetadataFields, copying_a_field_copies_that_field_only) {
  const DocumentMetadata from = every_field_set();
  for (const MetadataFieldSpec& spec : kMetadataFields) {
    DocumentMetadata to;
    copy_field(spec.id, from, to);
    const nlohmann::json copied = to;
    for (const MetadataFieldSpec& other : kMetadataFields) {
      const nlohmann::json& value = copied[std::string(other.name)];
      const bool empty = value.is_null() || (value.is_array() && value.empty());
      EXPECT_EQ(empty, other.id != spec.id) << spec.name << " → " << other.name;
    }
  }
}

}  // namespace
}  // namespace vanban::analyzers
