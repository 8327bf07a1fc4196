#include "edxml_fields.hpp"

#include <array>
#include <cstdio>

namespace vanban::indexer::detail {
namespace {

using analyzers::DocumentMetadata;
using analyzers::MetadataField;

constexpr std::array kFields = {
    EnvelopeField{"OrganName", "From", MetadataField::issuer},
    EnvelopeField{"CodeNumber", "Code", MetadataField::number, FieldValue::code_number},
    EnvelopeField{"CodeNotation", "Code", MetadataField::number, FieldValue::code_notation},
    EnvelopeField{"Place", "PromulgationInfo", MetadataField::place},
    EnvelopeField{"PromulgationDate", "PromulgationInfo", MetadataField::date, FieldValue::date},
    EnvelopeField{"TypeName", "DocumentType", MetadataField::type},
    EnvelopeField{"Subject", "", MetadataField::title},
    EnvelopeField{"Competence", "SignerInfo", MetadataField::signing_authority},
    EnvelopeField{"Position", "SignerInfo", MetadataField::signer_title},
    EnvelopeField{"FullName", "SignerInfo", MetadataField::signer},
};

}  // namespace

std::span<const EnvelopeField> envelope_fields() {
  return kFields;
}

std::string flat_name(const EnvelopeField& field) {
  // Names that mean something alone stay alone; the signer's three say whose they are.
  if (field.parent == "SignerInfo")
    return std::string(field.parent) + "." + std::string(field.name);
  return std::string(field.name);
}

std::pair<std::string, std::string> split_number(std::string_view number) {
  const auto slash = number.find('/');
  if (slash == std::string_view::npos) return {std::string(number), {}};
  return {std::string(number.substr(0, slash)), std::string(number.substr(slash + 1))};
}

std::string model_value(const DocumentMetadata& metadata, const EnvelopeField& field) {
  const std::optional<std::string>& value =
      metadata.*(analyzers::metadata_field_spec(field.field).text);
  if (!value) return {};
  switch (field.value) {
    case FieldValue::code_number:
      return split_number(*value).first;
    case FieldValue::code_notation:
      return split_number(*value).second;
    case FieldValue::text:
    case FieldValue::date:
      break;
  }
  return *value;
}

std::optional<std::string> iso_date(std::string_view text) {
  int first = 0;
  int second = 0;
  int third = 0;
  char separator_1 = 0;
  char separator_2 = 0;
  const std::string value(text.substr(0, 10));
  if (std::sscanf(value.c_str(), "%d%c%d%c%d", &first, &separator_1, &second, &separator_2,
                  &third) != 5)
    return std::nullopt;
  if (separator_1 != separator_2 ||
      (separator_1 != '/' && separator_1 != '-' && separator_1 != '.'))
    return std::nullopt;
  int year = first;
  int month = second;
  int day = third;
  if (first <= 31 && third >= 1000) {  // day first
    year = third;
    day = first;
  }
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1 || day > 31)
    return std::nullopt;
  std::array<char, 16> iso{};
  std::snprintf(iso.data(), iso.size(), "%04d-%02d-%02d", year, month, day);
  return std::string(iso.data());
}

}  // namespace vanban::indexer::detail
