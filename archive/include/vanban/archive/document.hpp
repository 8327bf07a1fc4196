// An archived document: where it came from, its original's identity, what the analyzers found,
// and its text. Stored as the Xapian document's data (serialise_document).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "vanban/analyzers/structure.hpp"

namespace vanban::archive {

// A document whose text was recognised from page images (OCR) says so: its text may hold
// recognition errors, and readers are told how sure the engine was.
struct OcrNote {
  std::string engine;            // "tesseract 5.3.0"
  std::uint32_t pages = 0;       // pages (or images) recognised
  std::uint32_t confidence = 0;  // the engine's mean word confidence over them, percent
  bool operator==(const OcrNote&) const = default;
};

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
  std::optional<OcrNote> ocr;  // set when some of the text was recognised from images
};

// {"engine", "pages", "confidence"}
nlohmann::json to_json(const OcrNote& note);
std::optional<OcrNote> ocr_note_from_json(const nlohmann::json& json);

// Flat JSON: the metadata fields at the top level next to id, paths, ... (docs/ARCHITECTURE.md).
// `with_text` adds "text".
nlohmann::json to_json(const ArchivedDocument& document, bool with_text);
ArchivedDocument document_from_json(const nlohmann::json& json);

// The Xapian document data: the JSON of to_json(document, false), a NUL byte, then the text
// verbatim. Reading the metadata of a hit never parses its text, and the text needs no
// unescaping (JSON never holds a raw NUL, so the first one ends it). Invalid UTF-8 in the
// text is replaced, never fatal. Without `with_text`, nothing follows the NUL: the text is
// stored apart (archive/SCHEMA.md "Stored text").
std::string serialise_document(const ArchivedDocument& document, bool with_text = true);

// Reads serialise_document()'s form and the older one (all JSON, the text as "text"); nullopt
// when the data is damaged. Without `with_text` the text is left empty and never copied.
std::optional<ArchivedDocument> parse_document(std::string_view data, bool with_text);

// What a page of hits shows of a document: id, paths, filename, format, ocr, the
// text (where the data holds it), and of the metadata type, type_code, number, issuer, date and
// title; every other field is left empty. Those fields are exactly parse_document(data, true)'s,
// and it is nullopt exactly where that is: the whole JSON is checked by the same parser, without
// building it (a SAX pass keeping only these fields). Where a field is not in its usual form
// (a non-string title, a path list holding a number, ...), it is parse_document()'s answer.
std::optional<ArchivedDocument> parse_page_document(std::string_view data);

}  // namespace vanban::archive
