// Building text as lines from structured formats (HTML, DOCX, PDF), and the final clean-up every
// reader's text goes through.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vanban::indexer::detail {

// Accumulates inline text into the current line; blocks end lines.
class Lines {
 public:
  void append(std::string_view text) { current_ += text; }
  // Appends a single space unless the line is empty or already ends with white space.
  void space();
  void end_line();
  // Ends the current line and adds one empty line (separating, say, the notes from the body).
  void blank_line();
  void add_line(std::string_view line);
  void add_lines(const std::vector<std::string>& lines);
  // Ends the current line and returns all lines, leaving this empty.
  std::vector<std::string> take();
  std::string joined();
  // Bytes of the lines held, and of the line being built.
  std::size_t bytes() const { return bytes_ + current_.size(); }

 private:
  void keep(std::string_view line);
  std::vector<std::string> lines_;
  std::string current_;
  std::size_t bytes_ = 0;
};

// A table row: each cell's lines. One line with tab-separated cells when every cell has at most
// one line, else every cell's lines in order (see reader.hpp).
void add_table_row(Lines& out, const std::vector<std::vector<std::string>>& cells);

// Replaces runs of HTML white space (space, tab, CR, LF, FF) with one space.
std::string collapse_white_space(std::string_view text);

constexpr std::string_view kSoftHyphen = "\xC2\xAD";  // U+00AD

// Soft hyphens left once legacy text is converted are hyphenation hints, no text (TCVN3's ư is
// byte 0xAD, the soft hyphen of Windows-1252: word processors keep it as U+00AD until then).
void drop_soft_hyphens(std::string& text);

// What the finish does to the spaces inside a line.
enum class Spacing {
  // Runs of spaces collapsed, lines trimmed: text a reader put together from runs and cells.
  collapse,
  // Only trailing spaces trimmed: a plain text's own layout, whose columns are aligned by
  // spaces (pandoc's multiline tables, fixed-width header blocks) and lost once collapsed;
  // form feeds (a text layer's page breaks) kept.
  keep_columns,
};

// The common finish of every reader: line ends as \n, control characters (NUL, ...) dropped,
// spaces as `spacing` says, at most one blank line in a row, NFC.
std::string finish_text(std::string_view text, Spacing spacing = Spacing::collapse);

}  // namespace vanban::indexer::detail
