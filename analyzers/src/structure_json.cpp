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
}

void from_json(const nlohmann::json& json, Citation& citation) {
  get(json, "type", citation.type);
  get(json, "number", citation.number);
  get(json, "number_key", citation.number_key);
  get(json, "date", citation.date);
  get(json, "issuer", citation.issuer);
  get(json, "title", citation.title);
  citation.text = json.value("text", std::string{});
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
}

}  // namespace vanban::analyzers
