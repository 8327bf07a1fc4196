// The text of a document as a person reads it: page furniture of PDFs and gazette copies left
// out (running headers, page numbers, digital-signature stamps, the gazette's section marks)
// and lines hard-wrapped at the page's width joined into paragraphs. Stored and shown in place
// of the extracted text; the original file is kept as it came.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::analyzers {

enum class Furniture : std::uint8_t {
  none,
  running_header,   // a line repeated on page after page ("CÔNG BÁO/Số 993 + 994/Ngày ...")
  page_number,      // "12", "- 12 -", "Trang 12/30" where a page begins or ends
  signature_stamp,  // "Ký bởi: ...", "Thời gian ký: ..." and the lines of the same stamp
  section_mark,     // the gazette's "VĂN BẢN QUY PHẠM PHÁP LUẬT"
  related_links,    // a portal's list of other pages: each link's title and its posting time
  table_border,     // a converter's table rule: "+----+----+", "|---|---|", pandoc's "---- ----"
};

// "running_header", "page_number", ...
std::string_view furniture_name(Furniture kind);

// What each line is (same order as `lines`), by rule: a running header is a short line whose
// shape (digits aside) recurs on at least three pages, far apart, or the gazette's header
// shape; a page number is a number alone on its line next to a running header or stamp, or one
// of a run of such numbers that go up by one from page to page; a stamp line opens with the
// labels of a digital signature; a portal's list of other pages is two links at least in a row,
// each with its posting time (a date and a clock time) on the line after it.
// Body lines that repeat ("Điều 1.", table cells) are not furniture.
std::vector<Furniture> find_furniture(std::span<const std::string_view> lines);

// True when every line of `nfc_text` is a digital-signature stamp's or a page number, and one
// is a stamp's: the only text layer signing software leaves on a scanned page.
bool only_signature_stamp(std::string_view nfc_text);

struct RemovedLine {
  std::size_t line = 0;  // 0-based line of the input, a form feed counted as a line end
  Furniture kind = Furniture::none;
  std::string text;
};

struct ReadingText {
  std::string text;                  // furniture out, wrapped lines joined, "\n" between paragraphs
  std::vector<RemovedLine> removed;  // in input order
  std::size_t joined_lines = 0;      // line breaks that were wraps, not paragraph ends
};

// The reading text of NFC text. A font's or an encoding's look-alike of a Vietnamese letter
// ("ƣ", the eth "Ð") is written as the letter, as the extractor reads it (same length in
// UTF-8). A form feed (a text layer's page break) ends a line. A text a converter wrote as
// Markdown (pandoc's from a Word file, a portal's scraper) reads without its markup: backslash
// escapes, strong and emphasis marks, table borders. Pure and thread-safe; linear in the
// input's size.
ReadingText reading_text(std::string_view nfc_text);

}  // namespace vanban::analyzers
