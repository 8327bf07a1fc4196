// The lines of a document and what each one is: running headers and page numbers of gazette
// PDFs (noise), footnotes (which PDF text interleaves with the body), body.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::analyzers::structure {

struct Footnote {
  int id = 0;
  std::string text;  // the footnote's lines joined, spaces collapsed, marker removed
};

struct Layout {
  std::vector<std::string_view> lines;  // views into the analyzed text, without line ends
  std::vector<bool> noise;              // running headers, page numbers, signature stamps
  std::vector<bool> in_footnote;        // lines that belong to a footnote
  std::vector<Footnote> footnotes;
  // The width, in characters, a PDF's text layer or a plain-text converter wrapped the lines at;
  // 0 when they are not wrapped at a width (a paragraph a line, as a web page or a Word file
  // gives it).
  std::size_t wrap_width = 0;

  bool skip(std::size_t line) const { return noise[line] || in_footnote[line]; }
  // The break after `line` is the width's, not its writer's: the first word of `next` would not
  // have fit on it. False when the lines are not wrapped at a width.
  bool wrapped_after(std::string_view line, std::string_view next) const;
  // The body as one line of text: noise and footnotes removed, lines joined by a space,
  // white space collapsed, bracketed footnote references ("[1]") dropped. Lines
  // [from_line, to_line).
  std::string flowed_body(std::size_t from_line = 0,
                          std::size_t to_line = static_cast<std::size_t>(-1)) const;
};

Layout analyze_layout(std::string_view text);

// True for lines like "CÔNG BÁO/Số 851 + 852/Ngày 01-7-2025", "34", "Ký bởi: ...".
bool is_noise_line(std::string_view line);

}  // namespace vanban::analyzers::structure
