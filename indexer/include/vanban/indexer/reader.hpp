// Format readers: bytes in, NFC text (+ authoritative metadata where the container has it) out.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
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

struct ReadOptions {
  // Files (and decoded edXML attachments, and DOCX parts once unzipped) over this size are
  // refused with ErrorKind::too_large rather than read.
  std::uint64_t max_bytes = std::uint64_t{100} * 1024 * 1024;
  // Extracted text beyond this is cut (at a line end) with a warning: what analysis and the
  // index hold per document stays bounded whatever a file unpacks to.
  std::uint64_t max_text_bytes = std::uint64_t{16} * 1024 * 1024;
};

// Reads one file's bytes. The format is detected from the content and the file name. Errors:
// unsupported (unknown format, PDF without a text layer, encrypted PDF), invalid_argument
// (corrupt input: truncated PDF, broken zip, malformed XML), too_large.
//
// Layout conventions shared by all formats: one line per paragraph or block; a table comes out
// row by row, a row whose cells are each one line is one line with the cells separated by a tab,
// any other row gives its cells' lines one cell after the other (so the two-column header and
// signature blocks of official documents keep each column's lines together).
Result<ReadDocument> read_document(const std::filesystem::path& path, std::string_view bytes);
Result<ReadDocument> read_document(const std::filesystem::path& path, std::string_view bytes,
                                   const ReadOptions& options);

// The file names a sidecar of metadata for `file` may have: NAME.EXT.meta.json, NAME.meta.json.
bool is_sidecar(const std::filesystem::path& file);
// Reads the sidecar beside `file`, if any: a JSON object of DocumentMetadata fields. Null json
// when there is none; invalid_argument when it is not a JSON object.
Result<nlohmann::json> load_sidecar(const std::filesystem::path& file);

// The sidecar beside `file` as read from disk, before parsing: what ingest hashes to notice
// an edited sidecar.
struct SidecarFile {
  std::string name;  // file name, for messages
  std::string bytes;
};
// Reads the sidecar beside `file`; nullopt when there is none. io or too_large errors.
Result<std::optional<SidecarFile>> read_sidecar(const std::filesystem::path& file);
// Parses read sidecar bytes: invalid_argument when they are not a JSON object.
Result<nlohmann::json> parse_sidecar(const SidecarFile& sidecar);

// Merges the sidecar beside `file` (if any) over document.overrides; unknown fields become
// warnings. Errors as load_sidecar.
Status apply_sidecar(const std::filesystem::path& file, ReadDocument& document);
// Merges parsed sidecar fields (null: none) over document.overrides, as apply_sidecar.
void merge_sidecar(const nlohmann::json& fields, ReadDocument& document);

// Reads a file from disk (refusing it over the size limit), then read_document, then merges the
// sidecar's fields over the container's overrides.
Result<ReadDocument> read_file(const std::filesystem::path& file, const ReadOptions& options = {});

}  // namespace vanban::indexer
