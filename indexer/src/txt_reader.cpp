// Plain text: the analyzers' decoder detects the encoding (BOM, UTF-8, legacy Vietnamese).
#include "vanban/analyzers/normalize.hpp"

#include "formats.hpp"

namespace vanban::indexer::detail {

namespace {

// Where reading `bytes` stops under `limit`: just after the last line feed before it (of UTF-8,
// a legacy encoding, UTF-16 or UTF-32, whose line feed is one byte beside one or three NULs),
// else at the limit rounded down to four bytes (a UTF-16 or UTF-32 unit kept whole).
std::size_t reading_end(std::string_view bytes, std::uint64_t limit) {
  if (bytes.size() <= limit) return bytes.size();
  const std::size_t cut = static_cast<std::size_t>(limit) & ~std::size_t{3};
  std::size_t end = bytes.rfind('\n', cut - 1);
  if (end == std::string_view::npos || cut - end > 64 * 1024) return cut;
  // UTF-32LE's "\n\0\0\0" on a unit's start (in UTF-16LE: a line feed, then U+0000, still
  // two whole units), else UTF-16LE's "\n\0".
  if (end % 4 == 0 && end + 4 <= cut && bytes.substr(end + 1, 3) == std::string_view("\0\0\0", 3))
    return end + 4;
  ++end;
  if (end < cut && bytes[end] == '\0' && end % 2 == 1) ++end;
  return end;
}

}  // namespace

std::uint64_t text_input_limit(std::uint64_t max_text_bytes) {
  return 2 * max_text_bytes + std::uint64_t{1024} * 1024;
}

Result<ReadDocument> read_txt(std::string_view bytes, std::uint64_t max_text_bytes) {
  const std::size_t end = reading_end(bytes, text_input_limit(max_text_bytes));
  auto decoded = analyzers::decode_text(bytes.substr(0, end));
  ReadDocument document;
  document.text = std::move(decoded.text);
  if (decoded.replaced > 0) {
    document.warnings.push_back(std::to_string(decoded.replaced) +
                                " invalid byte sequences replaced (" + decoded.encoding + ")");
  }
  if (end < bytes.size()) {
    document.warnings.push_back("text limit reached (" + std::to_string(max_text_bytes) +
                                " bytes): read the first " + std::to_string(end) + " bytes of " +
                                std::to_string(bytes.size()));
  }
  return document;
}

}  // namespace vanban::indexer::detail
