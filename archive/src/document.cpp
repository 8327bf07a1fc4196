#include "vanban/archive/document.hpp"

#include <nlohmann/json.hpp>

#include "vanban/analyzers/utf8.hpp"

namespace vanban::archive {

nlohmann::json to_json(const OcrNote& note) {
  return {{"engine", note.engine}, {"pages", note.pages}, {"confidence", note.confidence}};
}

std::optional<OcrNote> ocr_note_from_json(const nlohmann::json& json) {
  if (!json.is_object()) return std::nullopt;
  OcrNote note;
  note.engine = json.value("engine", std::string{});
  note.pages = json.value("pages", std::uint32_t{0});
  note.confidence = json.value("confidence", std::uint32_t{0});
  return note;
}

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
  if (document.ocr) json["ocr"] = to_json(*document.ocr);
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
  if (const auto ocr = json.find("ocr"); ocr != json.end()) document.ocr = ocr_note_from_json(*ocr);
  return document;
}

std::string serialise_document(const ArchivedDocument& document, bool with_text) {
  std::string data = to_json(document, /*with_text=*/false)
                         .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  data.push_back('\0');
  if (!with_text) return data;
  if (analyzers::is_valid_utf8(document.text)) {
    data += document.text;
  } else {
    data += analyzers::to_valid_utf8(document.text);
  }
  return data;
}

std::optional<ArchivedDocument> parse_document(std::string_view data, bool with_text) {
  const std::size_t separator = data.find('\0');
  const std::string_view head = data.substr(0, separator);
  auto json = nlohmann::json::parse(head, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) return std::nullopt;
  if (!with_text) json.erase("text");  // the older form keeps its text in the JSON
  try {
    ArchivedDocument document = document_from_json(json);
    if (with_text && separator != std::string_view::npos)
      document.text.assign(data.substr(separator + 1));
    return document;
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

}  // namespace vanban::archive
