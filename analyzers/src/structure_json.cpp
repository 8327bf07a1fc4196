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

namespace {

std::string string_or_empty(const nlohmann::json& json, const char* name) {
  const auto it = json.find(name);
  return it != json.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

}  // namespace

void to_json(nlohmann::json& json, const Relation& relation) {
  json = nlohmann::json::object();
  json["type"] = relation.type;
  put(json, "scope", relation.scope);
  put(json, "from", relation.from);
  json["evidence"] = relation.evidence;
}

void from_json(const nlohmann::json& json, Relation& relation) {
  relation.type = string_or_empty(json, "type");
  get(json, "scope", relation.scope);
  get(json, "from", relation.from);
  relation.evidence = string_or_empty(json, "evidence");
}

void to_json(nlohmann::json& json, const StatedDate& stated) {
  json = nlohmann::json{{"date", stated.date}, {"evidence", stated.evidence}};
}

void from_json(const nlohmann::json& json, StatedDate& stated) {
  stated.date = string_or_empty(json, "date");
  stated.evidence = string_or_empty(json, "evidence");
}

template <typename T>
void put_object(nlohmann::json& json, const char* name, const std::optional<T>& value) {
  json[name] = value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

template <typename T>
void get_object(const nlohmann::json& json, const char* name, std::optional<T>& value) {
  const auto it = json.find(name);
  value.reset();
  if (it != json.end() && it->is_object()) value = it->get<T>();
}

void to_json(nlohmann::json& json, const Citation& citation) {
  json = nlohmann::json::object();
  put(json, "type", citation.type);
  put(json, "number", citation.number);
  put(json, "number_key", citation.number_key);
  put(json, "date", citation.date);
  put(json, "issuer", citation.issuer);
  put(json, "title", citation.title);
  json["text"] = citation.text;
  json["relations"] = citation.relations;
}

void to_json(nlohmann::json& json, const DocumentMetadata& metadata) {
  json = nlohmann::json::object();
  for (const MetadataFieldSpec& spec : kMetadataFields)
    if (spec.text != nullptr) put(json, spec.name, metadata.*spec.text);
  json["recipients"] = metadata.recipients;
  json["citations"] = metadata.citations;
  put_object(json, "effective", metadata.effective);
  put_object(json, "expires", metadata.expires);
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
  citation.relations.clear();
  if (const auto it = json.find("relations"); it != json.end() && it->is_array())
    for (const auto& relation : *it)
      if (relation.is_object()) citation.relations.push_back(relation.get<Relation>());
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
  get_object(json, "effective", metadata.effective);
  get_object(json, "expires", metadata.expires);
}

void copy_field(MetadataField field, const DocumentMetadata& from, DocumentMetadata& to) {
  if (const auto member = metadata_field_spec(field).text) {
    to.*member = from.*member;
  } else if (field == MetadataField::recipients) {
    to.recipients = from.recipients;
  } else if (field == MetadataField::citations) {
    to.citations = from.citations;
  } else if (field == MetadataField::effective) {
    to.effective = from.effective;
  } else if (field == MetadataField::expires) {
    to.expires = from.expires;
  }
}

}  // namespace vanban::analyzers
