// Reading order for a page of PDF text in poppler's physical layout.
//
// Why physical layout and not poppler's other modes (measured on the gazette PDFs of
// shared/corpus and on LibreOffice output): the raw content-stream order breaks words apart
// when a font lacks a glyph and a fallback font draws it in a later pass ("Y BAN" + "Ủ"), and
// the reading-order mode removes hyphens at line ends ("VKSNDTC-" + "TANDTC" became
// "VKSNDTCTANDTC") and joins cells of the signature blocks. Physical layout keeps every word and
// symbol intact but puts the two columns of a header or signature block side by side on one
// line; this pass splits them back into columns.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace vanban::indexer::detail {

// Rewrites one page: a run of lines cut into two columns by a wide gap (3+ spaces) at a common
// position, together with the one-column lines that fit in either column, is emitted column by
// column (left column's lines, then the right one's). Lines of three or more segments (table
// rows) stay one line with the segments separated by tabs. Everything else is unchanged.
std::string reading_order_from_physical(std::string_view page_text);

// The resolution a page of `width` x `height` points is rendered at for OCR: `dpi`, lowered
// until the image (each side rounded up to whole pixels, at least one) holds at most
// `max_pixels`; 0 when no resolution of a pixel or more fits (a page of 10^9 x 1 points at a
// limit of a few pixels).
int pdf_render_dpi(double width, double height, int dpi, std::uint64_t max_pixels);

// The pixels of the image of such a page at `dpi`, each side rounded up, at least one pixel.
double pdf_page_pixels(double width, double height, double dpi);

}  // namespace vanban::indexer::detail
