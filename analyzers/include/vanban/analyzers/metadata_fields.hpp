// The fields of the metadata model (DocumentMetadata), in one table: the JSON name each has (in
// `vanban extract`'s output, the stored metadata and sidecars) and where it lives in the struct.
// The JSON conversion, the sidecar's checks and the overrides of containers and sidecars read
// it, so a new field is one entry here plus its extraction.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "vanban/analyzers/structure.hpp"

namespace vanban::analyzers {

enum class MetadataField {
  type,
  type_code,
  number,
  number_key,
  issuer,
  place,
  date,
  title,
  signer,
  signer_title,
  signing_authority,
  recipients,
  citations,
};

struct MetadataFieldSpec {
  MetadataField id;
  std::string_view name;  // in JSON
  // The member holding the field when it is one optional text; null for the two lists
  // (recipients, citations).
  std::optional<std::string> DocumentMetadata::*text;
};

inline constexpr std::array<MetadataFieldSpec, 13> kMetadataFields{{
    {MetadataField::type, "type", &DocumentMetadata::type},
    {MetadataField::type_code, "type_code", &DocumentMetadata::type_code},
    {MetadataField::number, "number", &DocumentMetadata::number},
    {MetadataField::number_key, "number_key", &DocumentMetadata::number_key},
    {MetadataField::issuer, "issuer", &DocumentMetadata::issuer},
    {MetadataField::place, "place", &DocumentMetadata::place},
    {MetadataField::date, "date", &DocumentMetadata::date},
    {MetadataField::title, "title", &DocumentMetadata::title},
    {MetadataField::signer, "signer", &DocumentMetadata::signer},
    {MetadataField::signer_title, "signer_title", &DocumentMetadata::signer_title},
    {MetadataField::signing_authority, "signing_authority", &DocumentMetadata::signing_authority},
    {MetadataField::recipients, "recipients", nullptr},
    {MetadataField::citations, "citations", nullptr},
}};

constexpr std::size_t index_of(MetadataField field) {
  return static_cast<std::size_t>(field);
}

constexpr const MetadataFieldSpec& metadata_field_spec(MetadataField field) {
  return kMetadataFields[index_of(field)];
}

// The field named `name` in JSON, or nullopt (a misspelt or unknown key).
constexpr std::optional<MetadataField> metadata_field(std::string_view name) {
  for (const MetadataFieldSpec& spec : kMetadataFields)
    if (spec.name == name) return spec.id;
  return std::nullopt;
}

// The table lists the fields in the enum's order (index_of relies on it).
constexpr bool metadata_table_in_order() {
  for (std::size_t i = 0; i < kMetadataFields.size(); ++i)
    if (index_of(kMetadataFields[i].id) != i) return false;
  return true;
}
static_assert(metadata_table_in_order());

// Copies one field's value from `from` to `to`.
void copy_field(MetadataField field, const DocumentMetadata& from, DocumentMetadata& to);

}  // namespace vanban::analyzers
