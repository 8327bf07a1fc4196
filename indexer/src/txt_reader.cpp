// Plain text: the analyzers' decoder detects the encoding (BOM, UTF-8, legacy Vietnamese).
#include "vanban/analyzers/normalize.hpp"

#include "formats.hpp"

namespace vanban::indexer::detail {

Result<ReadDocument> read_txt(std::string_view bytes) {
  auto decoded = analyzers::decode_text(bytes);
  ReadDocument document;
  document.text = std::move(decoded.text);
  if (decoded.replaced > 0) {
    document.warnings.push_back(std::to_string(decoded.replaced) +
                                " invalid byte sequences replaced (" + decoded.encoding + ")");
  }
  return document;
}

}  // namespace vanban::indexer::detail
