#include <nlohmann/json.hpp>

#include "vanban/analyzers/structure.hpp"

namespace vanban::analyzers {
namespace {

template <typename T>
void put(nlohmann::json& json, const char* name, const std::optional<T>& value) {
  json[name] = value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

void get(const nlohmann::json& json, const char* name, std::optional<std::string>& value) {
  const auto it = json.find(name);
  if (it == json.end() || it->is_null()) {
    value.reset();
  } else if (it->is_string()) {
    value = it->get<std::string>();
  } else {
    value = it->dump();
  }
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
  relation.type = json.value("type", std::string{});
  get(json, "scope", relation.scope);
  get(json, "from", relation.from);
  relation.evidence = json.value("evidence", std::string{});
}

void to_json(nlohmann::json& json, const StatedDate& stated) {
  json = nlohmann::json{{"date", stated.date}, {"evidence", stated.evidence}};
}

void from_json(const nlohmann::json& json, StatedDate& stated) {
  stated.date = json.value("date", std::string{});
  stated.evidence = json.value("evidence", std::string{});
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
  put(json, "type", metadata.type);
  put(json, "type_code", metadata.type_code);
  put(json, "number", metadata.number);
  put(json, "number_key", metadata.number_key);
  put(json, "issuer", metadata.issuer);
  put(json, "place", metadata.place);
  put(json, "date", metadata.date);
  put(json, "title", metadata.title);
  put(json, "signer", metadata.signer);
  put(json, "signer_title", metadata.signer_title);
  put(json, "signing_authority", metadata.signing_authority);
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
  citation.text = json.value("text", std::string{});
  citation.relations.clear();
  if (const auto it = json.find("relations"); it != json.end() && it->is_array())
    for (const auto& relation : *it)
      if (relation.is_object()) citation.relations.push_back(relation.get<Relation>());
}

void from_json(const nlohmann::json& json, DocumentMetadata& metadata) {
  get(json, "type", metadata.type);
  get(json, "type_code", metadata.type_code);
  get(json, "number", metadata.number);
  get(json, "number_key", metadata.number_key);
  get(json, "issuer", metadata.issuer);
  get(json, "place", metadata.place);
  get(json, "date", metadata.date);
  get(json, "title", metadata.title);
  get(json, "signer", metadata.signer);
  get(json, "signer_title", metadata.signer_title);
  get(json, "signing_authority", metadata.signing_authority);
  metadata.recipients = json.value("recipients", std::vector<std::string>{});
  metadata.citations.clear();
  if (const auto it = json.find("citations"); it != json.end() && it->is_array())
    metadata.citations = it->get<std::vector<Citation>>();
  get_object(json, "effective", metadata.effective);
  get_object(json, "expires", metadata.expires);
}

}  // namespace vanban::analyzers
