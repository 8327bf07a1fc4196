#include "vanban/archive/document.hpp"

#include <nlohmann/json.hpp>

namespace vanban::archive {

nlohmann::json to_json(const ArchivedDocument& document, bool with_text) {
  nlohmann::json json = document.metadata;  // metadata fields at the top level
  json["id"] = document.id;
  json["paths"] = document.paths;
  json["filename"] = document.filename;
  json["format"] = document.format;
  json["sha256"] = document.sha256;
  json["size"] = document.size;
  json["indexed_at"] = document.indexed_at;
  if (!document.sidecar_sha256.empty()) json["sidecar_sha256"] = document.sidecar_sha256;
  if (with_text) json["text"] = document.text;
  return json;
}

ArchivedDocument document_from_json(const nlohmann::json& json) {
  ArchivedDocument document;
  document.metadata = json.get<analyzers::DocumentMetadata>();
  document.id = json.value("id", std::string{});
  document.paths = json.value("paths", std::vector<std::string>{});
  document.filename = json.value("filename", std::string{});
  document.format = json.value("format", std::string{});
  document.sha256 = json.value("sha256", std::string{});
  document.size = json.value("size", std::uint64_t{0});
  document.indexed_at = json.value("indexed_at", std::string{});
  document.text = json.value("text", std::string{});
  document.sidecar_sha256 = json.value("sidecar_sha256", std::string{});
  return document;
}

}  // namespace vanban::archive
