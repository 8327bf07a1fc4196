// Format readers: bytes in, NFC text (+ authoritative metadata where the container has it) out.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "vanban/common/result.hpp"

namespace vanban::indexer {

struct ReadDocument {
  std::string text;    // UTF-8 NFC, block structure kept as lines
  std::string format;  // "txt", "html", "docx", "pdf", "edxml"
  // Metadata fields the container states (edXML envelope, sidecar .meta.json), in the JSON model
  // of analyzers::DocumentMetadata; they win over what extraction finds. Null when none.
  nlohmann::json overrides;
  std::vector<std::string> warnings;  // e.g. "3 invalid UTF-8 sequences replaced"
};

// Reads one file's bytes. The format is detected from the content and the file name. Errors:
// unsupported (unknown format, PDF without a text layer), invalid_argument (corrupt input).
Result<ReadDocument> read_document(const std::filesystem::path& path, std::string_view bytes);

}  // namespace vanban::indexer
