// An archived document: where it came from, its original's identity, what the analyzers found,
// and its text. Stored as the Xapian document's data (JSON).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "vanban/analyzers/structure.hpp"

namespace vanban::archive {

struct ArchivedDocument {
  std::string id;                  // stable id (see SCHEMA.md)
  std::vector<std::string> paths;  // where the original was found
  std::string filename;
  std::string format;  // "txt", "html", "docx", "pdf", "edxml"
  std::string sha256;  // of the original bytes
  std::uint64_t size = 0;
  std::string indexed_at;  // ISO 8601 UTC
  analyzers::DocumentMetadata metadata;
  std::string text;  // the full NFC text
  // sha256 of the sidecar NAME.meta.json whose fields override extraction; empty: none. Part
  // of what makes a path "unchanged": editing a sidecar re-indexes its document.
  std::string sidecar_sha256;
};

// Flat JSON: the metadata fields at the top level next to id, paths, ... (architecture.md).
// `with_text` adds "text".
nlohmann::json to_json(const ArchivedDocument& document, bool with_text);
ArchivedDocument document_from_json(const nlohmann::json& json);

}  // namespace vanban::archive
