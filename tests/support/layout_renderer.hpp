// Renders an official document in the layouts that converters, PDF readers and web portals
// produce (issue 11): the same parts in the same reading order (ND30: issuer and motto cells,
// number, place and date, type heading, title, body, signature block), with other line breaks
// and markup. The layout-invariance tests extract every rendering and expect what the
// document's own text gives.
//
// The parts are read from a document in the usual layout (one cell a line, the left cell before
// the right one, as the corpus and the fixtures are): the renderer knows the layout rules only
// as far as it needs to lay the parts out again, and leaves a document it cannot read as it is.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace vanban::testing {

struct DocumentParts {
  std::vector<std::string> before;   // lines above the header (running heads, page numbers)
  std::vector<std::string> issuer;   // the issuer cell, one line each
  std::vector<std::string> motto;    // national name and motto, or the Party's name
  std::string number;                // "Số: 162/2026/NĐ-CP"; empty when none
  std::vector<std::string> subject;  // "V/v ..." of a công văn with its continuation lines
  std::string place_date;            // "Hà Nội, ngày 15 tháng 5 năm 2026"; empty when none
  std::vector<std::string> rest;     // from the type heading (or "Kính gửi", or the body) on
  bool has_heading = false;          // rest[0] is the type heading ("NGHỊ ĐỊNH")
  std::size_t signature_begin = 0;   // the signature block within rest: [begin, end)
  std::size_t signature_end = 0;     // 0 when not found

  bool has_header() const { return !issuer.empty() && !motto.empty(); }
};

namespace layout_detail {

inline std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
    text.remove_suffix(1);
  return text;
}

// Letters, none of them lower case.
inline bool is_upper_text(std::string_view text) {
  bool letters = false;
  std::int32_t i = 0;
  const auto size = static_cast<std::int32_t>(text.size());
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  while (i < size) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, size, c);
    if (c < 0) continue;
    if (u_islower(c)) return false;
    if (u_isalpha(c)) letters = true;
  }
  return letters;
}

// Opens with a lower-case letter.
inline bool starts_lower(std::string_view text) {
  if (text.empty()) return false;
  std::int32_t i = 0;
  UChar32 c = 0;
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  U8_NEXT(bytes, i, static_cast<std::int32_t>(text.size()), c);
  return c > 0 && u_islower(c);
}

inline bool is_rule(std::string_view line) {
  line = trim(line);
  if (line.empty()) return false;
  for (char c : line)
    if (c != '-' && c != '_' && c != '=' && c != '*' && c != '.' && c != ' ') return false;
  return true;
}

inline bool starts_with_any(std::string_view line, std::initializer_list<std::string_view> list) {
  for (std::string_view prefix : list)
    if (line.starts_with(prefix)) return true;
  return false;
}

// The national name by its first words: a scan's engine may misread the rest ("CỘNG HOÀ XÃ
// HỌI"), and a national name read as the issuer's cell would lay the header out without its
// issuer.
inline bool is_motto(std::string_view line) {
  return starts_with_any(line, {"CỘNG HÒA ", "CỘNG HOÀ ", "Độc lập", "ĐẢNG CỘNG SẢN"});
}

inline bool is_number(std::string_view line) {
  if (line.starts_with("Số")) {
    const std::string_view rest = trim(line.substr(std::string_view("Số").size()));
    return !rest.empty() && (rest.front() == ':' || (rest.front() >= '0' && rest.front() <= '9'));
  }
  return line.find(" số:") != std::string_view::npos && line.find(" số:") < 30 &&
         !is_upper_text(line.substr(line.find(" số:")));
}

inline bool is_place_date(std::string_view line) {
  const std::size_t day = line.find(", ngày");
  if (day == std::string_view::npos || line.find("năm") == std::string_view::npos) return false;
  std::size_t end = line.size();
  while (end > 0 && (line[end - 1] == '.' || line[end - 1] == '*' || line[end - 1] == ' '))
    --end;
  if (end < 4) return false;
  for (std::size_t i = end - 4; i < end; ++i)
    if (line[i] < '0' || line[i] > '9') return false;
  return true;
}

inline const std::vector<std::string_view>& type_headings() {
  static const std::vector<std::string_view> headings = {"NGHỊ QUYẾT LIÊN TỊCH",
                                                         "THÔNG TƯ LIÊN TỊCH",
                                                         "VĂN BẢN HỢP NHẤT",
                                                         "QUYẾT ĐỊNH",
                                                         "NGHỊ QUYẾT",
                                                         "NGHỊ ĐỊNH",
                                                         "THÔNG TƯ",
                                                         "CHỈ THỊ",
                                                         "KẾ HOẠCH",
                                                         "THÔNG BÁO",
                                                         "BÁO CÁO",
                                                         "TỜ TRÌNH",
                                                         "CHƯƠNG TRÌNH",
                                                         "HƯỚNG DẪN",
                                                         "KẾT LUẬN",
                                                         "QUY ĐỊNH",
                                                         "QUY CHẾ",
                                                         "ĐỀ ÁN",
                                                         "PHƯƠNG ÁN",
                                                         "CÔNG ĐIỆN",
                                                         "GIẤY MỜI",
                                                         "BIÊN BẢN",
                                                         "LUẬT",
                                                         "BỘ LUẬT",
                                                         "PHÁP LỆNH",
                                                         "THÔNG TRI",
                                                         "QUY TRÌNH",
                                                         "DỰ ÁN",
                                                         "LỆNH"};
  return headings;
}

inline bool is_heading(std::string_view line) {
  line = trim(line);
  for (std::string_view heading : type_headings())
    if (line == heading) return true;
  return false;
}

inline std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n') {
      std::string_view line = text.substr(start, i - start);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      lines.emplace_back(line);
      start = i + 1;
    }
  }
  return lines;
}

inline std::vector<std::string_view> words(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ')
      ++i;
    const std::size_t start = i;
    while (i < text.size() && text[i] != ' ')
      ++i;
    if (i > start) out.push_back(text.substr(start, i - start));
  }
  return out;
}

inline std::string join(const std::vector<std::string>& lines, std::string_view separator) {
  std::string out;
  for (const std::string& line : lines) {
    if (line.empty()) continue;
    if (!out.empty()) out += separator;
    out += line;
  }
  return out;
}

}  // namespace layout_detail

// Reads the parts of a document laid out one cell a line. `signer` (the name the document's own
// text gives) finds the signature block; empty when there is none.
inline DocumentParts read_parts(std::string_view text, std::string_view signer) {
  using namespace layout_detail;
  DocumentParts parts;
  const std::vector<std::string> lines = split_lines(text);
  std::size_t i = 0;
  bool in_subject = false;
  for (; i < lines.size() && i < 40; ++i) {
    const std::string_view line = trim(lines[i]);
    // A cell of a portal's table row, one a line ("HỘI ĐỒNG NHÂN DÂN |"): the cell's text is
    // the part. The layouts set the parts in their own markup; a bar left inside one ("**HỘI
    // ĐỒNG NHÂN DÂN |**") is what no converter writes. (The line as written still decides what
    // the part is, so that the same documents are read as written as before.)
    std::string_view cell = line;
    if (cell.find(" | ") == std::string_view::npos) {
      if (cell.ends_with("|")) cell = trim(cell.substr(0, cell.size() - 1));
      if (cell.starts_with("|")) cell = trim(cell.substr(1));
    }
    if (line.empty() || is_rule(line)) continue;
    // The national name broken over two lines ("CỘNG HÒA XÃ HỘI" / "CHỦ NGHĨA VIỆT NAM"): its
    // second line is the motto's cell too, no issuer's.
    if (is_motto(line) || (!parts.motto.empty() && line.starts_with("CHỦ NGHĨA"))) {
      parts.motto.emplace_back(cell);
    } else if (is_number(line) && parts.number.empty()) {
      parts.number = std::string(cell);
    } else if (line.starts_with("V/v")) {
      parts.subject.emplace_back(cell);
      in_subject = true;
      continue;
    } else if (is_place_date(line) && parts.place_date.empty()) {
      parts.place_date = std::string(cell);
    } else if (parts.issuer.empty() &&
               (line.find("CÔNG BÁO") != std::string_view::npos || line.starts_with("VĂN BẢN"))) {
      parts.before.emplace_back(line);  // the gazette's running head and section label
    } else if (is_upper_text(line) && !is_heading(line) && parts.number.empty() &&
               parts.place_date.empty()) {
      parts.issuer.emplace_back(cell);
    } else if (in_subject && parts.place_date.empty() && !line.starts_with("Kính gửi")) {
      parts.subject.emplace_back(cell);
      continue;
    } else if (parts.issuer.empty() && parts.motto.empty() && !is_upper_text(line)) {
      parts.before.emplace_back(line);
    } else if (!parts.subject.empty() && !parts.place_date.empty() && starts_lower(line)) {
      // The subject's next line after the date beside it, as a table's rows read.
      parts.subject.emplace_back(cell);
    } else {
      break;
    }
    in_subject = false;
  }
  if (!parts.has_header() || (parts.number.empty() && parts.place_date.empty())) {
    DocumentParts plain;
    plain.rest = lines;
    parts = std::move(plain);
    i = lines.size();
  } else {
    parts.rest.assign(lines.begin() + static_cast<std::ptrdiff_t>(i), lines.end());
    std::size_t first = 0;
    while (first < parts.rest.size() && trim(parts.rest[first]).empty())
      ++first;
    parts.rest.erase(parts.rest.begin(), parts.rest.begin() + static_cast<std::ptrdiff_t>(first));
    parts.has_heading = !parts.rest.empty() && is_heading(parts.rest.front());
  }
  if (!signer.empty()) {
    for (std::size_t k = 0; k < parts.rest.size(); ++k) {
      if (trim(parts.rest[k]) != signer) continue;
      std::size_t begin = k;
      while (begin > 0) {
        const std::string_view above = trim(parts.rest[begin - 1]);
        if (above.empty() || above.starts_with("(")) {
          --begin;
          continue;
        }
        // No post holds a digit or an underscore: a line in capitals that does ("LQ_VP7_QS.2024",
        // the drafter's file code under "- Lưu: VT, ...") is the recipients column's.
        if (!is_upper_text(above) || words(above).size() > 12 ||
            above.find_first_of("0123456789_") != std::string_view::npos)
          break;
        --begin;
      }
      while (begin < k && (trim(parts.rest[begin]).empty() || parts.rest[begin].starts_with("(")))
        ++begin;
      if (begin < k) {
        parts.signature_begin = begin;
        parts.signature_end = k + 1;
        break;
      }
    }
  }
  return parts;
}

// The layout families of issue 11 that plain text can carry.
enum class Layout {
  one_cell_a_line,     // each cell on its lines, rule lines under the cells
  merged_cells,        // issuer and motto cells on one line, number and V/v on the next
  one_line_header,     // the whole header and the type heading on one line
  columns,             // the left cell, then the right one, between rule lines
  rows,                // PDF text of a two-column table: each row's cells side by side
  markdown,            // pipe tables, bold and italic marks
  split_cells,         // the issuer wrapped in its narrow cell, in bold; the date split in two
  number_next_line,    // the number on the line after "Số:"
  signature_one_line,  // "KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Trường Sơn"
  wrapped,             // lines hard-wrapped at a PDF page's width
  page_title,          // a web page's title above the header
  pandoc,              // pandoc's Markdown of a Word file: the header as a multiline table,
                       // the signature as a grid table, "\\" at a cell's line ends, escapes
  stamped_number,      // a PDF whose number's digits an e-office system stamped in the blank
                       // when it issued the document: "Số: 397", the national name, then
                       // "/UBND -TP" (the template's notation) as a text run of its own
  list_item,           // a page that sets the document in an ordered list's item: a link's
                       // label, then "  1. " before the header on one line
};

inline constexpr Layout kTextLayouts[] = {
    Layout::one_cell_a_line,
    Layout::merged_cells,
    Layout::one_line_header,
    Layout::columns,
    Layout::rows,
    Layout::markdown,
    Layout::split_cells,
    Layout::number_next_line,
    Layout::signature_one_line,
    Layout::wrapped,
    Layout::page_title,
    Layout::pandoc,
    Layout::stamped_number,
    Layout::list_item,
};

inline std::string_view layout_name(Layout layout) {
  switch (layout) {
    case Layout::one_cell_a_line:
      return "one_cell_a_line";
    case Layout::merged_cells:
      return "merged_cells";
    case Layout::one_line_header:
      return "one_line_header";
    case Layout::columns:
      return "columns";
    case Layout::rows:
      return "rows";
    case Layout::markdown:
      return "markdown";
    case Layout::split_cells:
      return "split_cells";
    case Layout::number_next_line:
      return "number_next_line";
    case Layout::signature_one_line:
      return "signature_one_line";
    case Layout::wrapped:
      return "wrapped";
    case Layout::page_title:
      return "page_title";
    case Layout::pandoc:
      return "pandoc";
    case Layout::stamped_number:
      return "stamped_number";
    case Layout::list_item:
      return "list_item";
  }
  return "";
}

namespace layout_detail {

inline std::vector<std::string> left_cell(const DocumentParts& parts) {
  std::vector<std::string> left = parts.issuer;
  if (!parts.number.empty()) left.push_back(parts.number);
  left.insert(left.end(), parts.subject.begin(), parts.subject.end());
  return left;
}

inline std::vector<std::string> right_cell(const DocumentParts& parts) {
  std::vector<std::string> right = parts.motto;
  if (!parts.place_date.empty()) right.push_back(parts.place_date);
  return right;
}

// "Hà Nội, ngày 15 tháng 5 năm 2026" → "Hà Nội, ngày 15", "tháng 5 năm 2026".
inline std::vector<std::string> split_date(const std::string& place_date) {
  const std::size_t month = place_date.find(" tháng");
  if (month == std::string::npos) return {place_date};
  return {place_date.substr(0, month), place_date.substr(month + 1)};
}

// Characters, not bytes: a page's width holds so many letters whatever their encoding.
inline std::size_t length_of(std::string_view text) {
  std::size_t count = 0;
  for (char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  return count;
}

// A line broken at spaces into pieces of at most `width` characters (a word longer than that
// alone on its piece), as a text wrapper or a PDF's text layer breaks it: the spaces at a break
// go, the line's own spacing inside a piece stays (its indentation, the wide gap a converter
// keeps between two cells of a row, which tells the cells apart; session 31: the wrap had set
// one space between every two words, and so joined the cells of a header's row).
inline std::vector<std::string> wrap(const std::string& line, std::size_t width) {
  std::vector<std::string> out;
  std::string current;
  bool has_word = false;
  std::size_t i = 0;
  while (i < line.size()) {
    const std::size_t gap_start = i;
    while (i < line.size() && line[i] == ' ')
      ++i;
    const std::size_t word_start = i;
    while (i < line.size() && line[i] != ' ')
      ++i;
    if (i == word_start) break;  // the line's trailing spaces
    const std::string_view gap(line.data() + gap_start, word_start - gap_start);
    const std::string_view word(line.data() + word_start, i - word_start);
    if (has_word && length_of(current) + length_of(gap) + length_of(word) > width) {
      out.push_back(current);
      current.clear();
      current += word;
      continue;
    }
    current += gap;
    current += word;
    has_word = true;
  }
  if (has_word || out.empty()) out.push_back(has_word ? current : std::string());
  return out;
}

// The rest of the document, the signature block laid out by `block`.
template <typename Block>
std::vector<std::string> rest_with(const DocumentParts& parts, Block block) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < parts.rest.size(); ++i) {
    if (parts.signature_end != 0 && i == parts.signature_begin) {
      std::vector<std::string> lines;
      for (std::size_t k = parts.signature_begin; k < parts.signature_end; ++k)
        if (!trim(parts.rest[k]).empty()) lines.emplace_back(trim(parts.rest[k]));
      for (std::string& line : block(lines))
        out.push_back(std::move(line));
      i = parts.signature_end - 1;
      continue;
    }
    out.push_back(parts.rest[i]);
  }
  return out;
}

inline std::vector<std::string> rest_as_written(const DocumentParts& parts) {
  return rest_with(parts, [](std::vector<std::string> lines) { return lines; });
}

// Pandoc's escapes of Markdown's marks in running text: a leading "-" or "+" that opens no list
// item, a number's dot, a rule of dashes.
inline std::string pandoc_escaped(const std::string& line) {
  if (is_rule(line)) {
    std::string out;
    for (char c : trim(line))
      if (c != ' ') out += std::string("\\") + c;
    return out;
  }
  std::string out = line;
  if (out.starts_with("- ") || out.starts_with("+ ")) out.insert(0, "\\");
  std::size_t digits = 0;
  while (digits < out.size() && out[digits] >= '0' && out[digits] <= '9')
    ++digits;
  if (digits > 0 && digits < out.size() && out[digits] == '.') out.insert(digits, "\\");
  return out;
}

inline std::string padded_to(const std::string& text, std::size_t width) {
  const std::size_t length = length_of(text);
  return text + std::string(length < width ? width - length : 0, ' ');
}

// The cells of a two-column table, each a list of lines, as pandoc writes a multiline table:
// a dash group a column above and below, the rows apart by a blank line, "\\" where a cell's
// line ends inside it.
inline std::vector<std::string> pandoc_multiline_table(
    const std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>>& rows) {
  std::size_t width = 8;
  std::size_t right_width = 8;
  for (const auto& [left, right] : rows) {
    for (const std::string& line : left)
      width = std::max(width, length_of(line) + 4);
    for (const std::string& line : right)
      right_width = std::max(right_width, length_of(line) + 2);
  }
  const std::string rule = "  " + std::string(width, '-') + " " + std::string(right_width, '-');
  std::vector<std::string> out{rule};
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const auto& [left, right] = rows[r];
    const std::size_t count = std::max(left.size(), right.size());
    for (std::size_t i = 0; i < count; ++i) {
      const std::string l = i < left.size() ? left[i] + (i + 1 < left.size() ? "\\" : "") : "";
      const std::string r_text =
          i < right.size() ? right[i] + (i + 1 < right.size() ? "\\" : "") : "";
      out.push_back("  " + padded_to(l, width) + " " + r_text);
    }
    if (r + 1 < rows.size()) out.emplace_back("");
  }
  out.push_back(rule);
  return out;
}

// A grid table of one row: the left column empty, the right one the signature block, bold.
inline std::vector<std::string> pandoc_grid_signature(const std::vector<std::string>& lines) {
  std::size_t width = 20;
  for (const std::string& line : lines)
    width = std::max(width, length_of(line) + 6);
  std::vector<std::string> out;
  out.push_back("+" + std::string(12, '-') + "+:" + std::string(width, '-') + ":+");
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string cell = lines[i];
    if (i == 0) cell = "**" + cell;
    cell += i + 1 < lines.size() ? "\\" : "**";
    out.push_back("| " + std::string(11, ' ') + "| " + padded_to(cell, width) + " |");
  }
  out.push_back("+" + std::string(12, '-') + "+" + std::string(width + 2, '-') + "+");
  return out;
}

}  // namespace layout_detail

// `page_title` is the title a portal gives the page ("Công văn 296/BHXH-CSYT năm 2021 ...").
inline std::string render(const DocumentParts& parts, Layout layout,
                          std::string_view page_title = {}) {
  using namespace layout_detail;
  std::vector<std::string> out = parts.before;
  const std::vector<std::string> left = left_cell(parts);
  const std::vector<std::string> right = right_cell(parts);
  const bool header = parts.has_header();
  std::vector<std::string> rest = rest_as_written(parts);
  const auto canonical_header = [&] {
    out.insert(out.end(), parts.issuer.begin(), parts.issuer.end());
    out.emplace_back("-------");
    out.insert(out.end(), parts.motto.begin(), parts.motto.end());
    out.emplace_back("---------------");
    if (!parts.number.empty()) out.push_back(parts.number);
    out.insert(out.end(), parts.subject.begin(), parts.subject.end());
    if (!parts.place_date.empty()) out.push_back(parts.place_date);
  };
  switch (layout) {
    case Layout::one_cell_a_line:
    case Layout::columns:
      if (!header) break;
      if (layout == Layout::columns) {
        out.insert(out.end(), left.begin(), left.end());
        out.emplace_back("--------");
        out.insert(out.end(), right.begin(), right.end());
        out.emplace_back("--------");
      } else {
        canonical_header();
      }
      break;
    case Layout::merged_cells:
      if (!header) break;
      out.push_back(join(parts.issuer, " ") + " -------- " + join(parts.motto, " ") +
                    " ---------------");
      out.push_back(join({parts.number, join(parts.subject, " ")}, " "));
      // "Hà Nội, ngày 02 tháng 02 năm 2021 Kính gửi:" (issue 11, item 1).
      if (!rest.empty() && rest.front().starts_with("Kính gửi")) {
        out.push_back(parts.place_date + " " + rest.front());
        rest.erase(rest.begin());
      } else {
        out.push_back(parts.place_date);
      }
      break;
    case Layout::one_line_header:
    case Layout::list_item: {  // the one-line header as a page's first list item
      if (!header) break;
      std::string line = join(parts.issuer, " ") + " " + join(parts.motto, " ") + " " +
                         join({parts.number, join(parts.subject, " "), parts.place_date}, " ");
      if (parts.has_heading) {
        line += " " + rest.front();
        rest.erase(rest.begin());
      }
      if (layout == Layout::list_item) {
        out.insert(out.begin(), {"Xem mẫu", ""});
        // An item has one marker: the page's own bullet before the header ("• BỘ GIÁO DỤC",
        // a portal's unordered list) becomes the ordered list's number, not a second marker.
        for (std::string_view bullet : {"• ", "- ", "* ", "+ "})
          if (trim(line).starts_with(bullet)) {
            line = std::string(trim(trim(line).substr(bullet.size())));
            break;
          }
        line = "  1. " + line;
      }
      out.push_back(line);
      break;
    }
    case Layout::rows:
      if (!header) break;
      for (std::size_t i = 0; i < std::max(left.size(), right.size()); ++i) {
        const std::string l = i < left.size() ? left[i] : "";
        const std::string r = i < right.size() ? right[i] : "";
        out.push_back(join({l, r}, "   "));
      }
      break;
    case Layout::markdown: {
      if (header) {
        const auto bold = [](const std::string& cell) {
          return cell.empty() ? cell : "**" + cell + "**";
        };
        const std::size_t rows = std::max(left.size(), right.size());
        for (std::size_t i = 0; i < rows; ++i) {
          std::string l = i < left.size() ? left[i] : "";
          std::string r = i < right.size() ? right[i] : "";
          if (i < parts.issuer.size()) l = bold(l);
          if (i < parts.motto.size()) {
            r = bold(r);
          } else if (!r.empty()) {
            r = "*" + r + "*";
          }
          out.push_back("| " + l + " | " + r + " |");
          if (i == 0) out.emplace_back("|---|---|");
        }
        out.emplace_back("");
      }
      rest = rest_with(parts, [](const std::vector<std::string>& lines) {
        std::vector<std::string> rows;
        rows.emplace_back("|   |   |");
        rows.emplace_back("|---|---|");
        for (const std::string& line : lines)
          rows.push_back("|   | **" + line + "** |");
        return rows;
      });
      if (parts.has_heading) rest.front() = "**" + rest.front() + "**";
      break;
    }
    case Layout::split_cells:
      if (!header) break;
      // The issuer cell is narrow (about 6 cm): long names wrap, in bold.
      for (const std::string& line : parts.issuer)
        for (const std::string& piece : wrap(line, 22))
          out.push_back("**" + piece + "**");
      out.insert(out.end(), parts.motto.begin(), parts.motto.end());
      if (!parts.number.empty()) out.push_back(parts.number);
      out.insert(out.end(), parts.subject.begin(), parts.subject.end());
      for (const std::string& piece : split_date(parts.place_date))
        out.push_back(piece);
      break;
    case Layout::number_next_line:
      if (!header) break;
      canonical_header();
      if (!parts.number.empty()) {
        for (auto it = out.begin(); it != out.end(); ++it) {
          if (*it != parts.number) continue;
          std::size_t cut = it->find(':');
          if (cut == std::string::npos) cut = std::string_view("Số").size() - 1;
          const std::string label = it->substr(0, cut + 1);
          const std::string number(trim(std::string_view(*it).substr(cut + 1)));
          *it = label;
          out.insert(it + 1, number);
          break;
        }
      }
      break;
    case Layout::stamped_number: {
      if (!header) break;
      // The left cell's lines down to the number, the national name, then the rest.
      out.insert(out.end(), parts.issuer.begin(), parts.issuer.end());
      std::string notation;
      if (const std::size_t colon = parts.number.find(':'); colon != std::string::npos) {
        const std::string number(trim(std::string_view(parts.number).substr(colon + 1)));
        std::size_t digits = 0;
        while (digits < number.size() && number[digits] >= '0' && number[digits] <= '9')
          ++digits;
        if (digits > 0 && digits < number.size() && number[digits] == '/') {
          out.push_back(parts.number.substr(0, colon + 1) + " " + number.substr(0, digits));
          notation = number.substr(digits);
          // The stamp's text run leaves a space before the notation's last dash.
          if (const std::size_t dash = notation.rfind('-'); dash != std::string::npos)
            notation.insert(dash, " ");
        } else {
          out.push_back(parts.number);
        }
      } else if (!parts.number.empty()) {
        out.push_back(parts.number);
      }
      out.emplace_back("");
      if (!parts.motto.empty()) out.push_back(parts.motto.front());
      out.emplace_back("");
      if (!notation.empty()) out.push_back(notation);
      out.emplace_back("");
      for (std::size_t k = 1; k < parts.motto.size(); ++k)
        out.push_back(parts.motto[k]);
      out.insert(out.end(), parts.subject.begin(), parts.subject.end());
      if (!parts.place_date.empty()) out.push_back(parts.place_date);
      break;
    }
    case Layout::signature_one_line:
      if (header) canonical_header();
      rest = rest_with(parts, [](const std::vector<std::string>& lines) {
        return std::vector<std::string>{join(lines, " ")};
      });
      break;
    case Layout::wrapped: {
      if (header) canonical_header();
      std::vector<std::string> wrapped;
      for (const std::string& line : rest)
        for (std::string& piece : wrap(line, 80))
          wrapped.push_back(std::move(piece));
      rest = std::move(wrapped);
      break;
    }
    case Layout::pandoc: {
      if (header) {
        std::vector<std::string> issuer = parts.issuer;
        std::vector<std::string> motto = parts.motto;
        if (!issuer.empty()) issuer.front() = "**" + issuer.front();
        if (!motto.empty()) motto.front() = "**" + motto.front();
        issuer.emplace_back("\\-\\-\\-\\-\\-**");
        motto.emplace_back("\\-\\-\\-\\-\\-\\-\\-\\-**");
        std::vector<std::string> number_cell;
        if (!parts.number.empty()) number_cell.push_back(parts.number);
        number_cell.insert(number_cell.end(), parts.subject.begin(), parts.subject.end());
        std::vector<std::string> date_cell;
        if (!parts.place_date.empty()) date_cell.push_back("*" + parts.place_date + "*");
        for (std::string& line :
             pandoc_multiline_table({{issuer, motto}, {number_cell, date_cell}}))
          out.push_back(std::move(line));
      }
      rest = rest_with(parts, pandoc_grid_signature);
      // Running text escaped, the tables as they are.
      for (std::string& line : rest) {
        if (line.starts_with("+") || line.starts_with("|")) continue;
        line = pandoc_escaped(line);
      }
      if (parts.has_heading) rest.front() = "**" + rest.front() + "**";
      break;
    }
    case Layout::page_title:
      if (!page_title.empty()) {
        out.insert(out.begin(), std::string(page_title));
        out.insert(out.begin() + 1, "");
      }
      if (header) canonical_header();
      break;
  }
  out.emplace_back("");
  out.insert(out.end(), rest.begin(), rest.end());
  std::string text;
  for (const std::string& line : out) {
    text += line;
    text += '\n';
  }
  return text;
}

// A web portal's copy of a document without its header (issue 11, session 32): the page drops
// ô 1-4 (issuer and national name cells, the "Số:" line, the place and date line) and names the
// document in its own title line instead, the way portals cite it (ND30 Phụ lục I §II.6 order:
// type, number, date, issuer, trích yếu): "Kế hoạch số 32/KH-UBND ngày 12/3/2024 của UBND huyện
// X về ...", "Quyết định 1234/QĐ-UBND năm 2023 phê duyệt ...", "Thông báo kết luận của ...";
// maybe a posting line under it ("Ngày đăng: 05/04/2024"); then the body and the signature as
// the document has them. The type heading and the title lines under it go when they are the
// title the page's line gives (a portal sets its title line in their place).
struct PortalIdentity {
  std::string type;    // "Kế hoạch"
  std::string number;  // "32/KH-UBND"; empty when the annotation has none
  std::string date;    // ISO "2024-03-12"; empty when none
  std::string issuer;  // "Ủy ban nhân dân huyện X"; empty when none
  std::string title;   // the trích yếu, "Về việc ..."; empty when none
};

struct PortalCopy {
  std::string text;
  std::string title_line;
  bool number = false;  // the title line writes the number
  bool date = false;    // ... the whole date ("ngày 12/3/2024"; "năm 2024" is no date)
  bool issuer = false;  // ... the issuer ("của ...")
  bool title = false;   // ... the trích yếu
  std::string body;     // the page without its title and posting lines (what else it carries)
};

namespace layout_detail {

// FNV-1a: the same form for the same document on every platform.
inline std::uint64_t stable_hash(std::string_view text) {
  std::uint64_t hash = 14695981039346656037ull;
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash;
}

// "Về việc ..." → "về việc ...", as a title runs on after the type in a sentence; a word in
// capitals ("UBND", "HĐND") or a one-letter word stays.
inline std::string lower_first(std::string_view text) {
  const auto first = words(text);
  if (first.empty() || is_upper_text(first.front())) return std::string(text);
  std::int32_t i = 0;
  UChar32 c = 0;
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  U8_NEXT(bytes, i, static_cast<std::int32_t>(text.size()), c);
  if (c < 0) return std::string(text);
  std::string out;
  const UChar32 lowered = u_tolower(c);
  char buffer[4];
  std::int32_t length = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<std::uint8_t*>(buffer), length, 4, lowered, error);
  if (error) return std::string(text);
  out.append(buffer, static_cast<std::size_t>(length));
  out.append(text.substr(static_cast<std::size_t>(i)));
  return out;
}

// "Ủy ban nhân dân huyện X" → "UBND huyện X", as portals shorten a body's kind.
inline std::string short_body(std::string name) {
  for (const auto& [full, code] :
       {std::pair<std::string_view, std::string_view>{"Ủy ban nhân dân", "UBND"},
        {"Uỷ ban nhân dân", "UBND"},
        {"Hội đồng nhân dân", "HĐND"}})
    if (name.starts_with(full)) return std::string(code) + name.substr(full.size());
  return name;
}

// Words of a text, spaces and case aside: a title's lines against the annotation's title.
inline std::string squeezed(std::string_view text) {
  std::string out;
  for (std::string_view word : words(text)) {
    if (!out.empty()) out += ' ';
    out += word;
  }
  return out;
}

}  // namespace layout_detail

inline PortalCopy render_portal_copy(const DocumentParts& parts, const PortalIdentity& identity,
                                     std::string_view key) {
  using namespace layout_detail;
  const std::uint64_t hash = stable_hash(key);
  const auto bit = [hash](int n) { return ((hash >> n) & 1u) != 0; };
  PortalCopy copy;
  std::string line = identity.type;
  // One page in five names the document without its number ("Thông báo kết luận của ...").
  const bool numbered = !identity.number.empty() && (hash >> 9) % 5 != 0;
  if (numbered) {
    line += bit(0) ? " số " : " ";
    line += identity.number;
    copy.number = true;
  }
  if (numbered && identity.date.size() == 10) {
    const std::string year = identity.date.substr(0, 4);
    std::string month = identity.date.substr(5, 2);
    std::string day = identity.date.substr(8, 2);
    if (bit(1)) {
      if (!bit(6)) {  // "12/3/2024" as often as "12/03/2024"
        if (day.front() == '0') day.erase(0, 1);
        if (month.front() == '0') month.erase(0, 1);
      }
      line += " ngày " + day + "/" + month + "/" + year;
      copy.date = true;
    } else {
      line += " năm " + year;
    }
  }
  if (!identity.issuer.empty() && bit(2)) {
    line += " của " + (bit(4) ? short_body(identity.issuer) : identity.issuer);
    copy.issuer = true;
  }
  if (!identity.title.empty()) {
    // A title that opens with "Về" runs on after "về"; one that opens with its verb ("Phê
    // duyệt ...", "Ban hành ...") after the type or the issuer.
    line += " " + lower_first(identity.title);
    copy.title = true;
  }
  copy.title_line = line;
  std::vector<std::string> out{line};
  if (bit(3)) {
    // The posting date is the page's, not the document's: a few days after the document's
    // year's start, never the document's own date.
    const int day = 1 + static_cast<int>((hash >> 12) % 27);
    const int month = 1 + static_cast<int>((hash >> 17) % 12);
    const std::string year =
        identity.date.size() == 10 ? identity.date.substr(0, 4) : std::string("2024");
    char date[16];
    std::snprintf(date, sizeof date, "%02d/%02d/%s", day, month, year.c_str());
    switch ((hash >> 7) % 3) {
      case 0:
        out.push_back(std::string("Ngày đăng: ") + date);
        break;
      case 1:
        out.push_back(std::string("Cập nhật lúc 08:") + std::to_string(10 + (hash >> 22) % 50) +
                      ", " + date);
        break;
      default:
        out.push_back(std::string("Ngày đăng: ") + date +
                      " | Lượt xem: " + std::to_string(20 + (hash >> 22) % 900));
        break;
    }
  }
  out.emplace_back("");
  // The body: the type heading and its title lines go when they are the annotated title.
  std::vector<std::string> rest = rest_as_written(parts);
  std::size_t from = 0;
  if (parts.has_heading && !identity.title.empty()) {
    std::size_t k = 1;
    while (k < rest.size() && trim(rest[k]).empty())
      ++k;
    const std::string want = squeezed(identity.title);
    std::string seen;
    std::size_t end = k;
    while (end < rest.size() && !trim(rest[end]).empty() && seen.size() < want.size()) {
      const std::string next = squeezed(trim(rest[end]));
      const std::string joined = seen.empty() ? next : seen + " " + next;
      if (!want.starts_with(joined)) break;
      seen = joined;
      ++end;
    }
    if (seen == want) {
      while (end < rest.size() && (trim(rest[end]).empty() || is_rule(rest[end])))
        ++end;
      from = end;
    }
  }
  std::vector<std::string> body(rest.begin() + static_cast<std::ptrdiff_t>(from), rest.end());
  for (const std::string& piece : body)
    copy.body += piece + "\n";
  out.insert(out.end(), body.begin(), body.end());
  for (const std::string& piece : out)
    copy.text += piece + "\n";
  return copy;
}

}  // namespace vanban::testing
