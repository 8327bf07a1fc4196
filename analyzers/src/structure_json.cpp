#include <nlohmann/json.hpp>

#include "vanban/analyzers/metadata_fields.hpp"
#include "vanban/analyzers/structure.hpp"

namespace vanban::analyzers {
namespace {

template <typename T>
void put(nlohmann::json& json, std::string_view name, const std::optional<T>& value) {
  json[std::string(name)] = value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

void get(const nlohmann::json& json, std::string_view name, std::optional<std::string>& value) {
  const auto it = json.find(std::string(name));
  if (it == json.end() || it->is_null()) {
    value.reset();
  } else if (it->is_string()) {
    value = it->get<std::string>();
  } else {
    value = it->dump();
  }
}

}  // namespace

void to_json(nlohmann::json& json, const Citation& citation) {
  json = nlohmann::json::object();
  put(json, "type", citation.type);
  put(json, "number", citation.number);
  put(json, "number_key", citation.number_key);
  put(json, "date", citation.date);
  put(json, "issuer", citation.issuer);
  put(json, "title", citation.title);
  json["text"] = citation.text;
}

void to_json(nlohmann::json& json, const DocumentMetadata& metadata) {
  json = nlohmann::json::object();
  for (const MetadataFieldSpec& spec : kMetadataFields)
    if (spec.text != nullptr) put(json, spec.name, metadata.*spec.text);
  json["recipients"] = metadata.recipients;
  json["citations"] = metadata.citations;
}

void from_json(const nlohmann::json& json, Citation& citation) {
  get(json, "type", citation.type);
  get(json, "number", citation.number);
  get(json, "number_key", citation.number_key);
  get(json, "date", citation.date);
  get(json, "issuer", citation.issuer);
  get(json, "title", citation.title);
  const auto text = json.find("text");
  citation.text = text != json.end() && text->is_string() ? text->get<std::string>() : "";
}

void from_json(const nlohmann::json& json, DocumentMetadata& metadata) {
  for (const MetadataFieldSpec& spec : kMetadataFields)
    if (spec.text != nullptr) get(json, spec.name, metadata.*spec.text);
  metadata.recipients.clear();
  if (const auto it = json.find("recipients"); it != json.end() && it->is_array())
    metadata.recipients = it->get<std::vector<std::string>>();
  metadata.citations.clear();
  if (const auto it = json.find("citations"); it != json.end() && it->is_array())
    metadata.citations = it->get<std::vector<Citation>>();
}

void copy_field(MetadataField field, const DocumentMetadata& from, DocumentMetadata& to) {
  if (const auto member = metadata_field_spec(field).text) {
    to.*member = from.*member;
  } else if (field == MetadataField::recipients) {
    to.recipients = from.recipients;
  } else if (field == MetadataField::citations) {
    to.citations = from.citations;
  }
}

}  // namespace vanban::analyzers
