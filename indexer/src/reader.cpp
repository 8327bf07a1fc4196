// First version: plain text only. The ingest work adds HTML, DOCX, PDF and edXML readers.
#include "vanban/indexer/reader.hpp"

#include "vanban/analyzers/normalize.hpp"

namespace vanban::indexer {

Result<ReadDocument> read_document(const std::filesystem::path& /*path*/, std::string_view bytes) {
  auto decoded = analyzers::decode_text(bytes);
  ReadDocument document;
  document.text = std::move(decoded.text);
  document.format = "txt";
  return document;
}

}  // namespace vanban::indexer
