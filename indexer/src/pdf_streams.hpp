// A PDF's content streams, measured before poppler lays them out. poppler keeps every glyph a
// page shows until the page is done (about 370 bytes a glyph when lines overlap), with no bound
// of its own: a content stream of a few hundred KB can inflate (Flate, 350:1) to hundreds of MB
// of text-showing operators, and laying that out takes gigabytes and minutes (200 MB and 2 CPU
// s per MB of such content, measured with poppler 22.12). The bytes are scanned first: every
// stream that can be content (a page's, a form's, a pattern's; not an image, a font, an ICC
// profile, an object or cross-reference stream, metadata or an attached file) is inflated
// through its Flate filters by zlib, its output discarded as it comes, and the strings it
// would show are counted: one stream past the bound refuses the file before poppler sees it.
// The bound holds for content that declares itself honestly; content hidden otherwise (another
// filter, a stream under a false /Type, a small form drawn many times) still meets the reading
// child's memory and CPU limits (bounded_reader.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "vanban/common/result.hpp"

namespace vanban::indexer::detail {

struct PdfStreamBounds {
  // Bytes of strings one content stream may show (the text of the densest real page is tens of
  // KB; a poster-sized page of small print a few hundred).
  std::uint64_t max_shown_bytes = std::uint64_t{4} * 1024 * 1024;
  // Bytes inflated by the whole scan; past them the scan stops and the file is read (its
  // reader's own limits then hold).
  std::uint64_t max_inflated_bytes = std::uint64_t{512} * 1024 * 1024;
};

// What a stream of `packed` bytes in the file holds when its content is counted.
struct PdfStreamCount {
  std::uint64_t shown = 0;     // bytes of strings, counted up to the bound
  std::uint64_t inflated = 0;  // bytes inflated
};

// The bytes of strings a content stream's operators hold: literal strings (escapes as one
// byte) and hexadecimal ones (two digits a byte); comments, dictionaries and inline images'
// data are not strings. Exposed for tests.
class ContentStringCounter {
 public:
  void feed(std::string_view bytes);
  std::uint64_t shown() const { return shown_; }

 private:
  enum class State { normal, literal, escape, hex, comment, inline_image };
  State state_ = State::normal;
  int depth_ = 0;        // of parentheses in a literal string
  int hex_digits_ = 0;   // digits of a hexadecimal string, two a byte
  char previous_ = ' ';  // the byte before, for '<<' and the ID and EI operators
  char before_previous_ = ' ';
  std::uint64_t shown_ = 0;
};

// Refuses (too_large) a PDF whose one content stream shows more than the bound; a stream that
// cannot be inflated is left to poppler (a damaged file is its business).
Status check_pdf_streams(std::string_view bytes, const PdfStreamBounds& bounds = {});

}  // namespace vanban::indexer::detail
