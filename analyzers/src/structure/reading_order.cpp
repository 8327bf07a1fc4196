// Puts the parts of a document on lines of their own, in reading order. The parts are found by
// what they are (the motto's words, "Số:", "<place>, ngày ...", "V/v", an authority prefix),
// never by where a converter broke the lines.
#include "structure/reading_order.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <optional>
#include <span>
#include <vector>

#include "vanban/analyzers/fold.hpp"
#include "vanban/analyzers/symbol.hpp"

#include "structure/dates.hpp"
#include "structure/number_lists.hpp"
#include "structure/tables.hpp"
#include "structure/text.hpp"
#include "structure/unglue.hpp"

namespace vanban::analyzers::structure {
namespace {

constexpr std::size_t kHeaderPieces = 40;  // the header and title fit in the first 40 pieces

// ---- Converter markup ----------------------------------------------------------------------

// A rule drawn with characters: "-----", "___", "***", "—————".
bool is_rule_token(std::string_view token) {
  std::size_t count = 0;
  for (std::size_t pos = 0; pos < token.size();) {
    std::size_t length = 0;
    const char32_t c = code_point_at(token, pos, &length);
    if (c != U'-' && c != U'_' && c != U'=' && c != U'*' && c != U'.' && c != U'~' &&
        c != U'\u2013' && c != U'\u2014' && c != U'\u2500')
      return false;
    pos += length;
    ++count;
  }
  return count >= 3;
}

bool is_rule_text(std::string_view text) {
  const auto words = split_words(trim(text));
  return !words.empty() && std::all_of(words.begin(), words.end(), is_rule_token);
}

// A row of a pipe or grid table that only draws the table: "|---|:--|", "+----+----+".
bool is_table_border(std::string_view line) {
  return std::all_of(line.begin(), line.end(), [](char c) {
    return c == '|' || c == '-' || c == ':' || c == '+' || c == '=' || c == ' ';
  });
}

bool is_space_or_edge(std::string_view text, std::size_t pos) {
  return pos >= text.size() || text[pos] == ' ' || text[pos] == '\t';
}

// Emphasis marks and escapes of Markdown, glued footnote markers ("địa phương[1]").
std::string strip_inline_markup(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size() && text[i] == '#')
    ++i;
  if (i > 0 && (i == text.size() || text[i] == ' ')) {
    text.remove_prefix(i);
  }
  for (i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((c == '*' || c == '_') && i + 1 < text.size() && text[i + 1] == c &&
        !(i + 2 < text.size() && text[i + 2] == c)) {
      ++i;  // "**", "__": strong emphasis
      continue;
    }
    if (c == '*' || c == '_') {
      // A single mark wrapping words ("*Hà Nội, ngày 17*"), not a standalone star or bullet.
      const bool space_before = i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t';
      const bool space_after = is_space_or_edge(text, i + 1);
      if (space_before != space_after) continue;
    }
    // Pandoc's Markdown escapes every ASCII punctuation mark (`1\.`, `\-\-\-`) and ends a line
    // with a backslash where the Word file broke it (`ỦY BAN THƯỜNG VỤ\`, a cell's line in a
    // table): the mark stays, the backslash goes.
    if (c == '\\' && (is_space_or_edge(text, i + 1) ||
                      std::string_view("!\"#$%&'()*+,-./:;<=>?@[]^_`{|}~\\").find(text[i + 1]) !=
                          std::string_view::npos)) {
      if (i + 1 < text.size() && text[i + 1] == '\\') out.push_back(text[++i]);
      continue;
    }
    if (c == '[' && i > 0 && text[i - 1] != ' ') {
      // "[1]", "[^1]" glued to the word it annotates.
      std::size_t j = i + 1;
      if (j < text.size() && text[j] == '^') ++j;
      const std::size_t digits = j;
      while (j < text.size() && j - digits < 3 && text[j] >= '0' && text[j] <= '9')
        ++j;
      if (j > digits && j < text.size() && text[j] == ']') {
        i = j;
        continue;
      }
    }
    out.push_back(c);
  }
  return out;
}

void push_cell(std::string_view cell, std::vector<std::string>& out) {
  // "<br>" inside a cell separates its lines.
  std::size_t start = 0;
  while (true) {
    std::size_t br = cell.find("<br", start);
    const std::string_view part =
        cell.substr(start, br == std::string_view::npos ? std::string_view::npos : br - start);
    std::string cleaned = is_rule_text(part) ? std::string(trim(part)) : strip_inline_markup(part);
    if (!trim(cleaned).empty() || br == std::string_view::npos) out.push_back(std::move(cleaned));
    if (br == std::string_view::npos) break;
    const std::size_t close = cell.find('>', br);
    if (close == std::string_view::npos) break;
    start = close + 1;
  }
}

// The cells of a table row written without its outer bars ("a | b" of "| a | b |"), as they
// stand: an escaped bar ("\\|") belongs to its cell, and an empty cell is kept (it holds a
// column's place in a grid table).
std::vector<std::string_view> row_cells(std::string_view row) {
  std::vector<std::string_view> cells;
  std::size_t start = 0;
  for (std::size_t pos = 0; pos <= row.size(); ++pos) {
    if (pos == row.size() || (row[pos] == '|' && (pos == 0 || row[pos - 1] != '\\'))) {
      cells.push_back(row.substr(start, pos - start));
      start = pos + 1;
    }
  }
  return cells;
}

// The line's text without markup; a table row gives each cell as a line of its own.
void clean_markup(std::string_view line, std::vector<std::string>& out) {
  if (line.find_first_of("|*_#[\\<") == std::string_view::npos) {
    out.emplace_back(line);
    return;
  }
  const std::string_view trimmed = trim(line);
  if (!trimmed.empty() && (trimmed.front() == '|' || trimmed.front() == '+') &&
      is_table_border(trimmed))
    return;
  // A table row: "| a | b |", or cells a portal joined with " | " ("ỦY BAN NHÂN DÂN | CỘNG HÒA").
  const bool row_markup = (trimmed.size() > 1 && trimmed.front() == '|') ||
                          trimmed.find(" | ") != std::string_view::npos || trimmed.ends_with(" |");
  if (row_markup) {
    std::string_view row = trimmed.front() == '|' ? trimmed.substr(1) : trimmed;
    if (!row.empty() && row.back() == '|') row.remove_suffix(1);
    for (std::string_view cell : row_cells(row))
      if (!trim(cell).empty()) push_cell(trim(cell), out);
    return;
  }
  push_cell(line, out);
}

// The line's text without markup, and with the words a converter glued apart.
// A converter's page marker run into the first line of its page ("Trang 1THỦ TƯỚNG", "Trang
// 2/5Căn cứ ..."): the marker is page furniture, the rest is the line. Only glued to a capital,
// where no word of the text can end in the number.
std::string_view without_glued_page_marker(std::string_view line) {
  std::size_t p = 0;
  while (p < line.size() && is_space(line[p]))
    ++p;
  constexpr std::string_view kMarker = "Trang ";
  if (line.substr(p, kMarker.size()) != kMarker) return line;
  p += kMarker.size();
  const auto digits = [&](std::size_t at) {
    while (at < line.size() && line[at] >= '0' && line[at] <= '9')
      ++at;
    return at;
  };
  std::size_t end = digits(p);
  if (end == p) return line;
  if (end < line.size() && line[end] == '/') {
    const std::size_t total = digits(end + 1);
    if (total == end + 1) return line;
    end = total;
  }
  if (end >= line.size() || !is_upper(code_point_at(line, end))) return line;
  return line.substr(end);
}

// The rule drawn under a header cell or a title (ND30 ô 1, 2, 5a) run into the line after it:
// pdftotext (default mode) puts a short rule and the next line's text on one line when they
// stand side by side ("-------Nghị quyết số:", "----Thực hiện Chỉ thị ..."). The length of the
// rule (three dashes or underscores at least) when a letter follows it at once, else 0.
std::size_t glued_rule_length(std::string_view line) {
  std::size_t p = 0;
  while (p < line.size() && (line[p] == '-' || line[p] == '_'))
    ++p;
  if (p < 3 || p >= line.size()) return 0;
  const char32_t next = code_point_at(line, p);
  return is_upper(next) || is_lower(next) ? p : 0;
}

void clean_line(std::string_view line, std::vector<std::string>& out) {
  line = without_glued_page_marker(line);
  if (const std::size_t rule = glued_rule_length(trim(line)); rule > 0) {
    line = trim(line);
    out.emplace_back(line.substr(0, rule));
    line.remove_prefix(rule);
  }
  const std::size_t first = out.size();
  if (const auto unglued = unglue_words(line)) {
    clean_markup(*unglued, out);
  } else {
    clean_markup(line, out);
  }
  // Letters of a word split by stray spaces, once the markup around them is gone.
  for (std::size_t k = first; k < out.size(); ++k)
    if (auto rejoined = rejoin_split_syllables(out[k])) out[k] = std::move(*rejoined);
}

// ---- Pandoc's tables -----------------------------------------------------------------------

// Pandoc's Markdown of a Word file draws the table of ô 1-4 and that of the signature and "Nơi
// nhận" (ND30 Phụ lục I: two-column borderless tables) as a grid table ("+----+----+" borders,
// "|" between the cells of each text line) or a multiline table (a line of dash groups above and
// below, one group a column, the cells at the groups' columns, rows apart by blank lines). A
// cell's text runs over several lines; read row by row, the two columns interleave ("Nơi nhận:"
// beside "TM. ỦY BAN ...", each recipient beside an empty line of the signature). They are
// read a cell after the other, as Word's own reading order has them.

// "+------+:-----:+": a grid table's border.
bool is_grid_border(std::string_view line) {
  line = trim(line);
  return line.size() >= 3 && line.front() == '+' && line.back() == '+' &&
         line.find('-') != std::string_view::npos &&
         std::all_of(line.begin(), line.end(),
                     [](char c) { return c == '+' || c == '-' || c == '=' || c == ':'; });
}

// The columns (starts, in characters) of a multiline table's dash line "  ------ -------": two
// groups at least; empty when the line is none.
std::vector<std::size_t> dash_groups(std::string_view line) {
  std::vector<std::size_t> starts;
  std::size_t pos = 0;
  while (pos < line.size()) {
    if (line[pos] == ' ') {
      ++pos;
      continue;
    }
    if (line[pos] != '-') return {};
    const std::size_t start = pos;
    while (pos < line.size() && line[pos] == '-')
      ++pos;
    if (pos - start < 3) return {};
    starts.push_back(start);
  }
  if (starts.size() < 2) return {};
  return starts;
}

// The characters [from, to) of a line, counted in code points (pandoc aligns the columns by
// characters; the text is NFC).
std::string_view char_range(std::string_view line, std::size_t from, std::size_t to) {
  std::size_t index = 0;
  std::size_t begin = line.size();
  std::size_t end = line.size();
  for (std::size_t pos = 0; pos < line.size();) {
    if (index == from) begin = pos;
    if (index == to) {
      end = pos;
      break;
    }
    std::size_t length = 0;
    code_point_at(line, pos, &length);
    pos += length == 0 ? 1 : length;
    ++index;
  }
  return begin < end ? line.substr(begin, end - begin) : std::string_view{};
}

void append_columns(const std::vector<std::vector<std::string>>& columns, std::string& out) {
  for (const auto& column : columns) {
    for (const std::string& cell_line : column) {
      if (trim(cell_line).empty()) continue;
      out.append(trim(cell_line));
      out.push_back('\n');
    }
    out.push_back('\n');
  }
}

// The cells of a grid table's text line ("| a | b |"), "\|" kept inside a cell.
std::vector<std::string> grid_cells(std::string_view line) {
  line = trim(line);
  std::vector<std::string> cells;
  if (line.size() < 2 || line.front() != '|') return cells;
  line.remove_prefix(1);
  if (!line.empty() && line.back() == '|') line.remove_suffix(1);
  for (std::string_view cell : row_cells(line))
    cells.emplace_back(cell);
  return cells;
}

std::optional<std::string> tables_by_column(std::string_view text) {
  // Quick gate: a grid border ("+-", "+:") or two dash groups apart by a space.
  if (text.find("+-") == std::string_view::npos && text.find("+:") == std::string_view::npos &&
      text.find("--- -") == std::string_view::npos)
    return std::nullopt;
  const std::vector<std::string_view> lines = split_lines(text);
  const auto opens_table = [](std::string_view line) {
    const std::size_t first = line.find_first_not_of(' ');
    if (first == std::string_view::npos) return false;
    return (line[first] == '+' && is_grid_border(line)) ||
           (line[first] == '-' && !dash_groups(line).empty());
  };
  if (std::none_of(lines.begin(), lines.end(), opens_table)) return std::nullopt;
  constexpr std::size_t kTableLines = 120;  // a header or signature table, not a page of text
  std::string out;
  out.reserve(text.size() + 64);
  for (std::size_t i = 0; i < lines.size();) {
    const std::string_view line = lines[i];
    if (is_grid_border(line)) {
      std::vector<std::vector<std::string>> columns;
      std::size_t j = i + 1;
      for (; j < lines.size() && j < i + kTableLines; ++j) {
        if (is_grid_border(lines[j])) {
          append_columns(columns, out);
          columns.clear();
          continue;
        }
        const std::vector<std::string> cells = grid_cells(lines[j]);
        if (cells.empty()) break;
        if (columns.size() < cells.size()) columns.resize(cells.size());
        for (std::size_t c = 0; c < cells.size(); ++c)
          columns[c].push_back(cells[c]);
      }
      append_columns(columns, out);
      i = j;
      continue;
    }
    const std::vector<std::size_t> starts = dash_groups(line);
    std::size_t close = lines.size();
    for (std::size_t k = i + 1; !starts.empty() && k < lines.size() && k < i + kTableLines; ++k)
      if (dash_groups(lines[k]) == starts) {
        close = k;
        break;
      }
    if (close == lines.size()) {
      out.append(line);
      out.push_back('\n');
      ++i;
      continue;
    }
    std::vector<std::vector<std::string>> columns(starts.size());
    for (std::size_t k = i + 1; k <= close; ++k) {
      if (k == close || trim(lines[k]).empty()) {  // a row ends at a blank line
        append_columns(columns, out);
        columns.assign(starts.size(), {});
        continue;
      }
      for (std::size_t c = 0; c < starts.size(); ++c) {
        // From the column's start to the next one's, the first from the line's start (a cell
        // may begin left of its dashes when centred).
        const std::size_t from = c == 0 ? 0 : starts[c];
        const std::size_t to = c + 1 < starts.size() ? starts[c + 1] : std::string_view::npos;
        columns[c].emplace_back(char_range(lines[k], from, to));
      }
    }
    i = close + 1;
  }
  return out;
}

// ---- Header parts --------------------------------------------------------------------------

struct Word {
  std::size_t start = 0;
  std::size_t end = 0;
  std::string folded;  // letters and digits only
};

std::vector<Word> words_of(std::string_view line) {
  std::vector<Word> words;
  for (std::string_view word : split_words(line)) {
    Word w;
    w.start = static_cast<std::size_t>(word.data() - line.data());
    w.end = w.start + word.size();
    for (char c : fold(word))
      if (std::isalnum(static_cast<unsigned char>(c))) w.folded.push_back(c);
    words.push_back(std::move(w));
  }
  return words;
}

// Where a fixed phrase (folded words) stands in the line: [start, end) in bytes. Words without
// letters ("-", "–") inside the phrase are skipped.
std::optional<std::pair<std::size_t, std::size_t>> find_phrase(
    const std::vector<Word>& words, std::span<const std::string_view> phrase) {
  for (std::size_t first = 0; first < words.size(); ++first) {
    std::size_t i = first;
    std::size_t matched = 0;
    for (std::string_view expected : phrase) {
      while (matched > 0 && i < words.size() && words[i].folded.empty())
        ++i;
      if (i >= words.size() || words[i].folded != expected) break;
      ++i;
      ++matched;
    }
    if (matched == phrase.size()) return std::pair{words[first].start, words[i - 1].end};
  }
  return std::nullopt;
}

bool word_at(std::string_view line, std::size_t pos, std::string_view word) {
  return line.substr(pos).starts_with(word) &&
         (pos == 0 || !is_word_char(code_point_before(line, pos)));
}

// The end of the number after "Số:" at `pos` (after the colon and spaces), else npos.
std::size_t number_end(std::string_view line, std::size_t pos) {
  if (pos >= line.size()) return std::string_view::npos;
  if (line[pos] >= '0' && line[pos] <= '9') {
    const SymbolIndex index(line);
    if (auto scanned = scan_numbers_at(index, line, pos, true)) return scanned->end;
    return std::string_view::npos;
  }
  if (auto blank = blank_number_at(line, pos)) return blank->second;
  return std::string_view::npos;
}

// Header cells of fixed wording, as folded words.
struct Cell {
  std::array<std::string_view, 8> words;
  std::size_t size;
  bool capitals;  // written in capitals only
};
constexpr std::array kCells = {
    Cell{{"cong", "hoa", "xa", "hoi", "chu", "nghia", "viet", "nam"}, 8, true},
    Cell{{"dang", "cong", "san", "viet", "nam"}, 5, true},
    Cell{{"doc", "lap", "tu", "do", "hanh", "phuc"}, 6, false},
    // The gazette's section labels, page furniture ahead of the issuer.
    Cell{{"van", "ban", "quy", "pham", "phap", "luat"}, 6, true},
    Cell{{"van", "ban", "phap", "luat", "khac"}, 5, true},
};

// The national name (ND30 ô 1) as a scan's engine or a code page's slip leaves it: "CỘNG HÒA"
// and "VIỆT NAM" whole and in capitals, the words between glued, split or short of a letter
// ("XàHỘI", "HỦNGHĨA", "XÃ HỘ"), their letters run together within two edits of "xã hội chủ
// nghĩa". Nothing else in a header opens with the one and ends with the other so close.
std::optional<std::pair<std::size_t, std::size_t>> damaged_national_name(
    std::string_view line, const std::vector<Word>& words) {
  const auto upper = [&](std::size_t first, std::size_t last) {
    return is_upper_text(line.substr(words[first].start, words[last].end - words[first].start));
  };
  for (std::size_t first = 0; first + 4 < words.size(); ++first) {
    if (words[first].folded != "cong" || words[first + 1].folded != "hoa" ||
        !upper(first, first + 1))
      continue;
    std::string middle;
    for (std::size_t w = first + 2; w + 1 < words.size() && w < first + 8; ++w) {
      if (words[w].folded == "viet" && words[w + 1].folded == "nam") {
        if (w > first + 2 && damaged_national_middle(middle) && upper(w, w + 1))
          return std::pair{words[first].start, words[w + 1].end};
        break;
      }
      middle += words[w].folded;
    }
  }
  return std::nullopt;
}

std::optional<std::pair<std::size_t, std::size_t>> find_cell(std::string_view line,
                                                             const std::vector<Word>& words,
                                                             const Cell& cell) {
  auto found = find_phrase(words, std::span(cell.words.data(), cell.size));
  if (found && cell.capitals &&
      !is_upper_text(line.substr(found->first, found->second - found->first)))
    return std::nullopt;
  if (!found && &cell == &kCells.front()) return damaged_national_name(line, words);
  return found;
}

bool has_fixed_cell(std::string_view line) {
  const std::vector<Word> words = words_of(line);
  return std::any_of(kCells.begin(), kCells.end(),
                     [&](const Cell& cell) { return find_cell(line, words, cell).has_value(); });
}

// Characters no Vietnamese text holds: control characters, letters of other scripts, private
// use; what a binary file read as text leaves.
bool holds_binary_noise(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t length = 0;
    const char32_t c = code_point_at(text, pos, &length);
    pos += length;
    if (c < 0x20 && c != U'\t' && c != U'\n' && c != U'\r') return true;
    if (c < 0x80) continue;
    const bool latin = (c >= 0xA0 && c <= 0x24F) || (c >= 0x300 && c <= 0x36F) ||
                       (c >= 0x1E00 && c <= 0x1EFF) || (c >= 0x2000 && c <= 0x20CF) || c == 0xFEFF;
    if (!latin) return true;
  }
  return false;
}

// Offsets at which the parts on one header line begin (and end), in reading order.
std::vector<std::size_t> header_cuts(std::string_view line) {
  std::vector<std::size_t> cuts;
  // A register's stamp is one line of its own, no header cell (header.cpp reads past it).
  if (is_register_stamp(trim(line))) return cuts;
  std::vector<std::pair<std::size_t, std::size_t>> cells;  // parts cut out whole
  const auto cut_around = [&](std::size_t start, std::size_t end) {
    cuts.push_back(start);
    cuts.push_back(end);
    cells.emplace_back(start, end);
  };
  for (std::size_t tab = line.find('\t'); tab != std::string_view::npos;
       tab = line.find('\t', tab + 1))
    cuts.push_back(tab);

  const std::vector<Word> words = words_of(line);
  for (const Word& word : words)
    if (is_rule_token(line.substr(word.start, word.end - word.start)))
      cut_around(word.start, word.end);
  // A portal's copy of the document's number set before the header, the header run into its
  // line ("52/2018/QĐ-UBND ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN ... Số: 52/2018/QĐ-UBND ..."): the
  // number the line states again later is no part of the issuer's cell.
  // A page's list item may hold it all ("  1. 52/2018/QĐ-UBND ỦY BAN ..."): its marker first.
  const auto list_marker = [&](std::size_t w) {
    const std::string_view token = line.substr(words[w].start, words[w].end - words[w].start);
    return token == "-" || token == "*" || token == "+" ||
           (token.size() >= 2 && token.size() <= 3 && token.back() == '.' &&
            std::all_of(token.begin(), token.end() - 1, is_ascii_digit));
  };
  for (std::size_t w = !words.empty() && list_marker(0) ? 1 : 0; w + 1 < words.size(); ++w) {
    const std::string_view token = line.substr(words[w].start, words[w].end - words[w].start);
    if (token.empty() || !is_ascii_digit(token.front()) ||
        token.find('/') == std::string_view::npos ||
        line.find(token, words[w].end) == std::string_view::npos)
      break;
    cuts.push_back(words[w + 1].start);
  }
  // The national name and the Party's name in capitals (a cell of their own); the motto. Not
  // inside a type heading's title ("KẾ HOẠCH ... NGÀY THÀNH LẬP ĐẢNG CỘNG SẢN VIỆT NAM").
  // The State's name written in full, "NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (older headers
  // of the National Assembly and its Standing Committee, a constitution's title), is one cell:
  // "nước" is its word, no cell of its own.
  if (!opens_with_type_heading(line))
    for (const Cell& cell : kCells)
      if (auto found = find_cell(line, words, cell)) {
        if (&cell == &kCells.front())
          for (std::size_t w = 0; w < words.size(); ++w)
            if (words[w].end <= found->first &&
                (w + 1 == words.size() || words[w + 1].start >= found->first)) {
              if (words[w].folded == "nuoc" &&
                  is_upper_text(line.substr(words[w].start, words[w].end - words[w].start)) &&
                  trim(line.substr(words[w].end, found->first - words[w].end)).empty())
                found->first = words[w].start;
              break;
            }
        cut_around(found->first, found->second);
      }
  // "Số: 296/BHXH-CSYT", "Số 221-KL/TW", "Số:" with the number on the next line; a statute's
  // "Luật số: 10/2022/QH15" (the type name opens the cell).
  for (std::size_t pos = line.find("ố"); pos != std::string_view::npos;
       pos = line.find("ố", pos + 1)) {
    if (pos == 0 || (line[pos - 1] != 'S' && line[pos - 1] != 's')) continue;
    std::size_t start = pos - 1;
    if (!word_at(line, start, line.substr(start, 1 + std::string_view("ố").size()))) continue;
    std::size_t p = pos + std::string_view("ố").size();
    if (p < line.size() && is_word_char(code_point_at(line, p))) continue;
    while (p < line.size() && line[p] == ' ')
      ++p;
    const bool colon = p < line.size() && line[p] == ':';
    if (line[start] == 's') {
      if (!colon || start < 2) continue;
      const std::string_view before = line.substr(0, start - 1);
      const DocumentType* type = nullptr;
      for (const DocumentType& candidate : document_types()) {
        if (before.ends_with(candidate.name) &&
            !is_word_char(code_point_before(before, before.size() - candidate.name.size()))) {
          type = &candidate;
          break;
        }
      }
      if (type == nullptr) continue;
      start = before.size() - type->name.size();
      // A cell of its own: at the start of the line, or after another cell (the motto, an
      // upper-case name), not inside a sentence ("Theo Luật số: 87/2025/QH15 ...").
      const std::string_view ahead = trim(line.substr(0, start));
      const auto ahead_words = split_words(ahead);
      const bool after_cell = ahead.empty() || is_upper_text(ahead_words.back()) ||
                              std::any_of(cells.begin(), cells.end(), [&](const auto& cell) {
                                return cell.second <= start &&
                                       trim(line.substr(cell.second, start - cell.second)).empty();
                              });
      if (!after_cell) continue;
    }
    if (colon) ++p;
    while (p < line.size() && (line[p] == ' ' || line[p] == '.'))
      ++p;
    const std::size_t end = number_end(line, p);
    if (end != std::string_view::npos) {
      cut_around(start, end);
    } else if (colon && p >= line.size()) {
      cuts.push_back(start);  // the number follows on the next line
    }
  }
  // The body opening on the title's line, as a document run into one line leaves it ("...
  // thiên tai năm 2015 I. Kết quả công tác ...", "... TRƯỜNG ĐẠI HỌC Căn cứ Luật ..."): its
  // first part heading or "Căn cứ" (ND30 ô 6), before a capital, after the title's last word.
  for (std::string_view opener :
       {std::string_view{" I. "}, std::string_view{" Căn cứ "}, std::string_view{" Điều 1. "}}) {
    for (std::size_t at = line.find(opener); at != std::string_view::npos;
         at = line.find(opener, at + 1)) {
      const std::size_t next = at + opener.size();
      if (next >= line.size() || !is_upper(code_point_at(line, next))) continue;
      const char before = at > 0 ? line[at - 1] : ' ';
      if (before == ',' || before == ':' || before == '(' || before == '-') continue;
      cuts.push_back(at + 1);
      break;
    }
  }
  for (std::string_view marker : {std::string_view{"V/v"}, std::string_view{"Kính gửi"}}) {
    const std::size_t at = line.find(marker);
    if (at != std::string_view::npos && word_at(line, at, marker)) cuts.push_back(at);
  }
  // The bytes of a binary file read as text (a Word 97 file) before the issuer cell on its
  // line: the issuer cell is the run of capitals that ends where the first cell cut out (a
  // rule, the number, the national name) begins.
  std::size_t first_cell = line.size();
  for (const auto& cell : cells)
    first_cell = std::min(first_cell, cell.first);
  if (first_cell < line.size() && holds_binary_noise(line.substr(0, first_cell))) {
    std::size_t run_start = first_cell;
    std::size_t run = 0;
    for (auto word = words.rbegin(); word != words.rend(); ++word) {
      if (word->end > first_cell) continue;
      if (word->folded.empty() || !is_upper_text(line.substr(word->start, word->end - word->start)))
        break;
      run_start = word->start;
      ++run;
    }
    if (run >= 2 && !trim(line.substr(0, run_start)).empty()) cuts.push_back(run_start);
  }
  if (auto place_date = find_place_date(line); place_date && !place_date->place.empty()) {
    // The place is written in proper case ("Hà Nội"); upper-case words before it belong to
    // another cell ("BỘ Y TẾ Hà Nội, ngày ..."). A place all in capitals stays whole.
    std::size_t start = place_date->start;
    for (const Word& word : words) {
      if (word.start < place_date->start) continue;
      const std::string_view text = line.substr(word.start, word.end - word.start);
      if (text.find(',') != std::string_view::npos) break;
      if (!is_upper_text(text) || text.find('.') != std::string_view::npos) {
        start = word.start;
        break;
      }
    }
    // Nor does a cell already cut out (the motto, a rule) belong to it.
    for (const auto& [cell_start, cell_end] : cells)
      if (cell_start <= start && start < cell_end) start = cell_end;
    cut_around(start, place_date->end);
  }
  return cuts;
}

void split_header_line(std::string_view line, std::vector<std::string>& out) {
  // A line of blanks (a tab or spaces an editor left) is an empty line, whose place the rules
  // read (a page's title above one), not a line cut at its tab into nothing.
  std::vector<std::size_t> cuts =
      trim(line).empty() ? std::vector<std::size_t>{} : header_cuts(line);
  if (cuts.empty()) {
    out.emplace_back(line);
    return;
  }
  cuts.push_back(0);
  cuts.push_back(line.size());
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
    const std::string_view piece = trim(line.substr(cuts[i], cuts[i + 1] - cuts[i]));
    if (piece.empty()) continue;
    out.emplace_back(is_rule_text(piece) ? std::string("-----") : std::string(piece));
  }
}

bool opens_body(std::string_view line) {
  static constexpr std::array kOpeners = {
      std::string_view{"Căn cứ"},       std::string_view{"Điều 1"},
      std::string_view{"Chương I"},     std::string_view{"Phần I"},
      std::string_view{"I."},           std::string_view{"Thực hiện"},
      std::string_view{"Theo đề nghị"}, std::string_view{"Xét đề nghị"},
  };
  const std::string_view trimmed = trim(line);
  return std::any_of(kOpeners.begin(), kOpeners.end(),
                     [&](std::string_view opener) { return trimmed.starts_with(opener); });
}

bool ends_with_number_label(std::string_view piece) {
  std::string folded = fold_key(piece);
  // "Số :", a space before the colon, as a typed copy leaves it.
  if (folded.ends_with(" :")) folded.erase(folded.size() - 2, 1);
  return folded.ends_with("so:") || folded == "so" || folded.ends_with(" so");
}

// The value of a "Số:" label standing alone on the line before, however a scan's engine read
// its digits ("L2 /BC-TĐ", "€€/TB-HĐND", "J0TB-KCN", "Z4Z/UBND- VX"): ND30 ô 3 writes the number,
// a slash and the notation's codes in capitals joined by dashes, a run of a few words at most.
// A run of up to four words, a slash or a dash inside a word with a capital after it, and a
// sign that is no letter (a digit, or what the engine read one as); no word of running text in
// lower case. The line after a bare label that is shaped so is the label's value (a header
// cell's line in capitals, the motto or the place and date never is).
bool symbol_shaped(std::string_view text) {
  text = trim(text);
  if (text.empty() || text.size() > 40) return false;
  const auto words = split_words(text);
  if (words.size() > 4) return false;
  bool marked = false;
  for (const std::string_view word : words) {
    if (starts_lower(word)) return false;
    const std::size_t mark = word.find_first_of("/-");
    if (mark != std::string_view::npos && word.size() > 1 &&
        word.find_first_not_of("/-") != std::string_view::npos)
      marked = true;
  }
  if (!marked) return false;
  const std::size_t first_mark = text.find_first_of("/-");
  bool capital_after = false;
  bool sign = false;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t length = 0;
    const char32_t c = code_point_at(text, pos, &length);
    if (pos > first_mark && is_upper(c)) capital_after = true;
    if (!is_letter(c) && c != U' ' && c != U'/' && c != U'-' && c != U'&') sign = true;
    pos += length == 0 ? 1 : length;
  }
  return capital_after && sign;
}

bool starts_with_digit(std::string_view text) {
  return !text.empty() && text.front() >= '0' && text.front() <= '9';
}

bool is_motto(std::string_view piece) {
  const std::string folded = fold_key(piece);
  return folded.starts_with("cong hoa xa hoi") || folded.starts_with("doc lap") ||
         folded.starts_with("dang cong san");
}

// "Số: 12/QĐ-UBND", "Số 221-KL/TW", "Số:", "Luật số: 10/2022/QH15".
bool is_number_piece(std::string_view piece) {
  piece = trim(piece);
  if (!piece.starts_with("Số")) {
    const std::size_t so = piece.find(" số:");
    return so != std::string_view::npos && type_by_name(piece.substr(0, so)) != nullptr;
  }
  const std::string_view rest = trim(piece.substr(std::string_view("Số").size()));
  return rest.empty() || rest.front() == ':' || starts_with_digit(rest);
}

// One to three capitalised words, not in capitals: what a place name looks like.
bool is_place_words(std::string_view piece) {
  const auto words = split_words(trim(piece));
  if (words.empty() || words.size() > 3 || is_upper_text(piece)) return false;
  return std::all_of(words.begin(), words.end(), [](std::string_view word) {
    return starts_upper(word) && word.find_first_of(",:;.") == std::string_view::npos;
  });
}

// A blank number's symbol standing alone ("/QĐ-HĐND", "-HD/BTCTU", "- HD/BTCTU"), with the space
// a converter put after the dash dropped; empty when the piece is not one.
std::string lone_blank_symbol(std::string_view piece) {
  piece = trim(piece);
  if (piece.empty() || (piece.front() != '/' && piece.front() != '-')) return {};
  std::string symbol(piece.substr(0, 1));
  symbol += trim(piece.substr(1));
  if (symbol.find(' ') != std::string::npos) return {};
  const auto blank = blank_number_at(symbol, 0);
  if (!blank || blank->second != symbol.size()) return {};
  return symbol;
}

// A notation standing alone ("/UBND -TP", "/2022/QH15"), the spaces a text layer left beside
// its dashes and slashes dropped; empty when the piece is none.
std::string lone_notation(std::string_view piece) {
  piece = trim(piece);
  if (piece.empty() || piece.front() != '/') return {};
  std::string symbol;
  for (const char c : piece) {
    if (c == ' ' && !symbol.empty() && (symbol.back() == '-' || symbol.back() == '/')) continue;
    if ((c == '-' || c == '/') && !symbol.empty() && symbol.back() == ' ') symbol.pop_back();
    symbol.push_back(c);
  }
  return symbol.find(' ') == std::string::npos ? symbol : std::string{};
}

// "Số:" (or a Party's "Số") with nothing after it: a draft's blank number, whose symbol a PDF's
// text layer may put after the other column's cells of the same row (the national name and the
// motto), empty lines and rule lines between ("Số:" / "" / "CỘNG HÒA ..." / "Độc lập ..." / ""
// / "/QĐ-HĐND").
// The symbol joins its label, in reading order, and leaves its place.
// So is the notation of a number whose digits an e-office system stamped in the blank when it
// issued the document (a text run of its own): "Số: 397" / "" / "/UBND -TP" is "Số: 397/UBND-TP",
// "Luật số: 10" / "/2022/QH15" is "Luật số: 10/2022/QH15".
// The digits after a number's label, when nothing else follows it; empty otherwise.
std::string_view stamped_digits(std::string_view piece) {
  piece = trim(piece);
  if (!is_number_piece(piece)) return {};
  std::size_t at = piece.rfind(':');
  at = at == std::string_view::npos ? std::string_view("Số").size() : at + 1;
  const std::string_view digits = trim(piece.substr(at));
  if (digits.empty() || digits.find_first_not_of("0123456789") != std::string_view::npos) return {};
  return digits;
}

void gather_blank_numbers(std::vector<std::string>& pieces) {
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    const std::string label = fold_key(trim(pieces[i]));
    bool blank = label == "so" || label == "so:";
    // The stamped digits on the line after the label ("Số:" / "447" / ... / "/KH-UBND"): the
    // label's value, whose notation may follow as above.
    if (blank && i + 1 < pieces.size()) {
      const std::string_view digits = trim(pieces[i + 1]);
      if (!digits.empty() && digits.size() <= 6 &&
          digits.find_first_not_of("0123456789") == std::string_view::npos) {
        pieces[i] = std::string(trim(pieces[i])) + " " + std::string(digits);
        pieces[i + 1].clear();
        blank = false;
      }
    }
    const std::string_view digits = blank ? std::string_view{} : stamped_digits(pieces[i]);
    if (!blank && digits.empty()) continue;
    for (std::size_t j = i + 1; j < pieces.size() && j <= i + 8; ++j) {
      const std::string_view next = trim(pieces[j]);
      if (next.empty() || is_rule_text(next) || is_motto(next) || has_fixed_cell(next)) continue;
      const std::string symbol = blank ? lone_blank_symbol(next) : lone_notation(next);
      if (!symbol.empty() &&
          (blank || (symbol.front() == '/' && symbol_key(std::string(digits) + symbol)))) {
        pieces[i] = std::string(trim(pieces[i])) + (blank ? " " : "") + symbol;
        pieces[j].clear();
      }
      break;
    }
  }
}

// A place and date broken over two pieces ("*Hà Nội, ngày 17" / "tháng 11 năm 2025*",
// "Hà Nội," / "ngày 17 ..."), the number on the piece after "Số:".
std::vector<std::string> join_broken_parts(std::vector<std::string> pieces) {
  gather_blank_numbers(pieces);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    std::string piece = std::move(pieces[i]);
    while (i + 1 < pieces.size()) {
      const std::string_view next = trim(pieces[i + 1]);
      if (ends_with_number_label(piece) &&
          (starts_with_digit(next) || next.starts_with("/") || symbol_shaped(next))) {
        piece += " " + std::string(next);
        ++i;
        continue;
      }
      // The number a PDF's text layer put two lines below "Số:", an empty line between (the
      // cell's blank, where a draft leaves the number to fill in: "Số:" / "" / "/TT-ĐTN").
      if (ends_with_number_label(piece) && next.empty() && i + 2 < pieces.size()) {
        const std::string_view after = trim(pieces[i + 2]);
        if (starts_with_digit(after) || after.starts_with("/") || symbol_shaped(after)) {
          piece += " " + std::string(after);
          i += 2;
          continue;
        }
      }
      // A symbol broken after a dash: "Số: 01/2022/TTLT-VKSNDTC-" / "TANDTC-BCA-BQP-BLĐTBXH".
      if (is_number_piece(piece) && (piece.ends_with("-") || piece.ends_with("/")) &&
          !next.empty() && next.find(' ') == std::string_view::npos && is_upper_text(next)) {
        piece += std::string(next);
        ++i;
        continue;
      }
      // A place name broken before its last word ("Tam" / "Kỳ, ngày 19 tháng 6 năm 2007").
      if (is_place_words(piece) && find_place_date(next)) {
        const std::string joined = piece + " " + std::string(next);
        const auto place_date = find_place_date(joined);
        if (place_date && place_date->start == 0) {
          piece = joined;
          ++i;
          continue;
        }
      }
      // The national name or the motto broken over two lines ("CỘNG HÒA XÃ" / "HỘI CHỦ NGHĨA
      // VIỆT NAM").
      if (!next.empty() && !has_fixed_cell(piece) && !has_fixed_cell(next) &&
          has_fixed_cell(piece + " " + std::string(next))) {
        piece += " " + std::string(next);
        ++i;
        continue;
      }
      const bool open_date =
          (fold_key(piece).find("ngay") != std::string::npos || trim(piece).ends_with(",")) &&
          !find_place_date(piece);
      // A whole place and date on the next piece continues nothing above it: a subject's line
      // ("V/v ... Ngày sinh Chủ tịch Tôn Đức Thắng", "ngày" of "Ngày sinh") ends where ô 4's
      // cell begins, as one cell a line lays them out.
      const auto whole_date = [](std::string_view part) {
        const auto found = find_place_date(part);
        return found && !found->place.empty();
      };
      if (open_date && !next.empty() && !whole_date(next)) {
        const std::string joined = piece + " " + std::string(next);
        if (find_place_date(joined)) {
          piece = joined;
          ++i;
          continue;
        }
      }
      // A draft's place and date with the day (and month) left blank, which a PDF's text layer
      // breaks at each blank, empty lines between ("Thanh Hóa, ngày" / "" / "tháng 6 năm 2026",
      // "Hậu Giang, ngày" / "" / "tháng" / "" / "năm 2024"): the parts of the date in reading
      // order, "tháng" then "năm", empty lines skipped.
      // A blank left to fill in with dots ("Hà Nội, ngày ..... tháng ..... năm .......", cut at
      // its dots as at a rule) is such a blank too.
      const auto blank = [](std::string_view part) { return part.empty() || is_rule_text(part); };
      if (open_date && blank(next)) {
        std::string joined = piece;
        std::size_t j = i + 1;
        std::size_t parts = 0;
        bool found = false;
        while (j < pieces.size() && parts < 2) {
          const std::string_view part = trim(pieces[j]);
          if (blank(part)) {
            ++j;
            continue;
          }
          const std::string folded = fold_key(part);
          if (!folded.starts_with("thang") && !folded.starts_with("nam")) break;
          joined += " " + std::string(part);
          ++parts;
          ++j;
          if (find_place_date(joined)) {
            found = true;
            break;
          }
        }
        if (found) {
          piece = std::move(joined);
          i = j - 1;
          continue;
        }
      }
      break;
    }
    out.push_back(std::move(piece));
  }
  return out;
}

bool is_header_part(std::string_view piece) {
  const std::string_view trimmed = trim(piece);
  return is_number_piece(trimmed) || trimmed.starts_with("V/v") ||
         trimmed.starts_with("Kính gửi") || find_place_date(trimmed).has_value() ||
         fold_key(trimmed).starts_with("doc lap");
}

// The type heading in capitals with its title on the same line ("QUYẾT ĐỊNH VỀ VIỆC ...",
// "LUẬT BẢO HIỂM Y TẾ"): the length of the heading, 0 when the piece is not one.
std::size_t heading_length(std::string_view piece) {
  for (const DocumentType& type : document_types()) {
    if (!type.heads_documents) continue;
    const std::string name = upper(type.name);
    if (!piece.starts_with(name) || (piece.size() > name.size() && piece[name.size()] != ' '))
      continue;
    if (piece.size() == name.size()) return 0;  // the heading alone
    const std::string_view rest = trim(piece.substr(name.size()));
    return is_upper_text(rest) && is_letter(code_point_at(rest, 0)) ? name.size() : 0;
  }
  return 0;
}

// Two issuer cells on one line: the managing body, then the issuer ("UBND TỈNH ĐỒNG THÁP SỞ TƯ
// PHÁP", "BỘ Y TẾ CỤC QUẢN LÝ DƯỢC", "TỈNH ỦY BÌNH ĐỊNH BAN TỔ CHỨC"). The issuer starts at a
// word that opens the name of a subordinate body, after a managing body's complete name. 0
// when the piece is one body.
std::size_t second_body_start(std::string_view piece) {
  if (!is_upper_text(piece)) return 0;
  const std::vector<Word> words = words_of(piece);
  if (words.size() < 4) return 0;
  const auto at = [&](std::size_t i, std::initializer_list<std::string_view> phrase) {
    std::size_t j = i;
    for (std::string_view part : phrase) {
      if (j >= words.size() || words[j].folded != part) return false;
      ++j;
    }
    return true;
  };
  // Managing bodies: a ministry, a People's Committee or Council, a Party committee, a Sở.
  std::size_t managing = 0;  // the words of the managing body's kind
  // The Party's Central Committee is named in full by its kind ("BAN CHẤP HÀNH TRUNG ƯƠNG BAN TỔ
  // CHỨC", HD 36-HD/VPTW's ô 2 on one line): its department may follow at once.
  bool named_by_kind = false;
  if (at(0, {"ban", "chap", "hanh", "trung", "uong"})) {
    managing = 5;
    named_by_kind = true;
  }
  for (const auto& kind : {std::initializer_list<std::string_view>{"bo"},
                           {"ubnd"},
                           {"hdnd"},
                           {"uy", "ban", "nhan", "dan"},
                           {"hoi", "dong", "nhan", "dan"},
                           {"tinh", "uy"},
                           {"thanh", "uy"},
                           {"huyen", "uy"},
                           {"quan", "uy"},
                           {"thi", "uy"},
                           {"dang", "bo"},
                           {"dang", "uy"},
                           {"ban", "chap", "hanh", "dang", "bo"},
                           {"so"},
                           {"phong"},  // a district's Phòng manages its schools
                           {"tong", "cuc"},
                           // A command board over its standing office ("BAN CHỈ HUY PCTT VÀ
                           // TKCN TỈNH X VĂN PHÒNG THƯỜNG TRỰC").
                           {"ban", "chi", "huy"},
                           // The Fatherland Front's committee over its standing board ("ỦY BAN
                           // MTTQ VIỆT NAM XÃ X BAN THƯỜNG TRỰC"), an election committee over
                           // its subcommittees.
                           {"uy", "ban", "mat", "tran"},
                           {"uy", "ban", "mttq"},
                           {"ubmttq"},
                           {"uy", "ban", "bau", "cu"},
                           // The Vietnam General Confederation of Labour over its unions ("TỔNG
                           // LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM CÔNG ĐOÀN GIÁO DỤC VIỆT NAM"); an
                           // organising committee over its subcommittees ("BAN TỔ CHỨC ĐẠI HỘI
                           // ... TIỂU BAN THI ĐUA").
                           {"tong", "lien", "doan"},
                           {"ban", "to", "chuc"}}) {
    if (managing == 0 && at(0, kind)) {
      managing = kind.size();
      break;
    }
  }
  if (managing == 0) return 0;
  // Words that, after another word, are the end of a compound rather than a new body:
  // "ỦY BAN", "VĂN PHÒNG", "QUỐC PHÒNG", "TỔNG CỤC", "MÔI TRƯỜNG", "CÔNG ĐOÀN", "CƠ SỞ".
  static constexpr std::array kCompounds = {
      std::pair{std::string_view{"uy"}, std::string_view{"ban"}},
      std::pair{std::string_view{"van"}, std::string_view{"phong"}},
      std::pair{std::string_view{"quoc"}, std::string_view{"phong"}},
      std::pair{std::string_view{"tong"}, std::string_view{"cuc"}},
      std::pair{std::string_view{"chi"}, std::string_view{"cuc"}},
      std::pair{std::string_view{"moi"}, std::string_view{"truong"}},
      std::pair{std::string_view{"thi"}, std::string_view{"truong"}},
      std::pair{std::string_view{"co"}, std::string_view{"so"}},
      std::pair{std::string_view{"tru"}, std::string_view{"so"}},
      std::pair{std::string_view{"hoc"}, std::string_view{"vien"}},
      std::pair{std::string_view{"thu"}, std::string_view{"vien"}},
  };
  // The managing body has its own name ("ĐẢNG ỦY ỦY BAN NHÂN DÂN ..." is one body).
  for (std::size_t i = named_by_kind ? managing : std::max<std::size_t>(2, managing + 1);
       i + 1 < words.size(); ++i) {
    const bool head = at(i, {"so"}) || at(i, {"phong"}) || at(i, {"ban"}) || at(i, {"cuc"}) ||
                      at(i, {"van", "phong"}) || at(i, {"trung", "tam"}) || at(i, {"dang", "uy"}) ||
                      at(i, {"chi", "bo"}) || at(i, {"truong"}) || at(i, {"benh", "vien"}) ||
                      at(i, {"chi", "cuc"}) || at(i, {"tong", "cuc"}) || at(i, {"cong", "an"}) ||
                      at(i, {"thanh", "tra"}) || at(i, {"ubnd"}) ||
                      at(i, {"uy", "ban", "nhan", "dan"}) || at(i, {"uy", "ban", "kiem", "tra"}) ||
                      // Organs set up for a task ("HỘI ĐỒNG NHÂN DÂN TỈNH X ĐOÀN GIÁM SÁT").
                      at(i, {"doan", "giam", "sat"}) || at(i, {"doan", "kiem", "tra"}) ||
                      at(i, {"co", "quan", "thuong", "truc"}) || at(i, {"tieu", "ban"}) ||
                      at(i, {"hoi", "dong"}) ||
                      // A ministry's institute ("BỘ XÂY DỰNG VIỆN KIẾN TRÚC QUỐC GIA"), a union
                      // under the Confederation.
                      at(i, {"vien"}) || at(i, {"hoc", "vien"}) || at(i, {"cong", "doan"});
    if (!head) continue;
    const std::string& previous = words[i - 1].folded;
    if (previous.empty() || previous == "va") continue;  // "-", "&", "VÀ" join one name
    const bool compound = std::any_of(kCompounds.begin(), kCompounds.end(), [&](const auto& pair) {
      return pair.first == previous && pair.second == words[i].folded;
    });
    if (compound) continue;
    return words[i].start;
  }
  return 0;
}

// A label of a legal portal's metadata table above the header ("Số hiệu: | 40/KH-UBND | Loại
// văn bản: | Kế hoạch |", often twice: a row, then a cell a line): the page's, like the value
// after it, no cell of ô 1-4. Neither uses up the pieces the header is looked for in.
bool portal_label(std::string_view piece) {
  piece = trim(piece);
  return piece.size() > 1 && piece.size() <= 48 && piece.back() == ':' &&
         piece.find_first_of("0123456789") == std::string_view::npos &&
         split_words(piece).size() <= 5;
}

// Splits, joins and orders the pieces of the header zone.
std::vector<std::string> order_header(const std::vector<std::string>& zone) {
  std::vector<std::string> pieces;
  for (const std::string& line : zone)
    split_header_line(line, pieces);
  pieces = join_broken_parts(std::move(pieces));
  // A joined piece may hold parts again ("Hà Nội, ngày 17 tháng 11 năm 2025 KẾ HOẠCH").
  std::vector<std::string> split;
  for (const std::string& piece : pieces)
    split_header_line(piece, split);

  // Text before the issuer (a web page's title, a portal's caption) is not the document's:
  // the header opens with the first upper-case cell when a motto or a number follows soon.
  // A legal portal's metadata table does not use up the pieces the first cell is looked for in.
  std::size_t header_start = split.size();
  for (std::size_t i = 0, looked = 0, skipped = 0; i < split.size() && looked < 30; ++i) {
    const std::string_view piece = trim(split[i]);
    if (skipped < 40 && portal_label(piece)) {
      ++skipped;
      ++i;  // and its value
      continue;
    }
    ++looked;
    // An issuer cell: words in capitals, no digits ("51/2016/NQ-HĐND" of a portal's table is
    // a symbol, not a cell).
    const bool cell = is_upper_text(piece) && !is_rule_text(piece) &&
                      piece.find_first_of("0123456789") == std::string_view::npos &&
                      split_words(piece).size() >= 2;
    if (cell || is_motto(piece)) {
      header_start = i;
      break;
    }
  }
  bool real_header = false;
  for (std::size_t i = header_start; i < split.size() && i < header_start + 12; ++i)
    real_header = real_header || is_motto(split[i]) || is_number_piece(split[i]);
  if (!real_header) header_start = 0;

  // A page's title above the header may repeat the number and the subject ("Công văn Số:
  // 2728/TCT-DNL V/v: Thực hiện ..."): those parts are the header's, where it gives them.
  const auto given_later = [&](std::string_view part) {
    const bool number = is_number_piece(part);
    const bool subject = part.starts_with("V/v");
    if (!number && !subject) return false;
    const std::string key = fold_key(part);
    for (std::size_t j = header_start; j < split.size(); ++j) {
      const std::string_view later = trim(split[j]);
      if (number ? fold_key(later) == key : later.starts_with("V/v")) return true;
    }
    return false;
  };
  std::vector<std::string> out;
  bool after_cells = false;  // motto, number or date seen: a type heading may follow
  for (std::size_t i = 0; i < split.size(); ++i) {
    const std::string_view piece = trim(split[i]);
    // A portal's place of issue stays, with its label: it names the place a bare body's cell
    // lost (header.cpp).
    const auto place_label = [](std::string_view text) {
      text = trim(text);
      return text.size() < 24 && text.ends_with(':') && fold_key(text) == "noi ban hanh:";
    };
    const bool portal_cell = place_label(piece) || (i > 0 && place_label(split[i - 1]));
    if (i < header_start && !piece.empty() && !is_header_part(piece) && !is_upper_text(piece) &&
        !portal_cell)
      continue;
    if (i < header_start && real_header && given_later(piece)) continue;
    if (after_cells) {
      if (const std::size_t length = heading_length(piece); length > 0) {
        out.emplace_back(piece.substr(0, length));
        out.emplace_back(trim(piece.substr(length)));
        continue;
      }
    }
    if (is_header_part(piece) || is_motto(piece)) after_cells = true;
    if (!after_cells) {
      // The same cell twice ("BỘ NỘI VỤ BỘ NỘI VỤ": a stamp's copy of the issuer beside it).
      const auto words = split_words(piece);
      if (words.size() >= 2 && words.size() % 2 == 0 && is_upper_text(piece)) {
        const std::size_t half = words.size() / 2;
        const auto first =
            piece.substr(0, static_cast<std::size_t>(words[half - 1].data() - piece.data()) +
                                words[half - 1].size());
        const auto second =
            piece.substr(static_cast<std::size_t>(words[half].data() - piece.data()));
        if (fold_key(first) == fold_key(second)) {
          out.emplace_back(first);
          continue;
        }
      }
      if (const std::size_t second = second_body_start(piece); second > 0) {
        out.emplace_back(trim(piece.substr(0, second)));
        out.emplace_back(piece.substr(second));
        continue;
      }
    }
    out.push_back(split[i]);
  }
  // The label "Kính gửi:" alone, then the right-hand column (motto, rule, place and date): a PDF
  // text layer read the left column to its end first, the label included. ND30 sets ô 9a
  // under the header, so the label goes after the right-hand cells, before its items.
  for (std::size_t i = 0; i < out.size(); ++i) {
    const std::string_view label = trim(out[i]);
    if (label != "Kính gửi:" && label != "Kính gửi") continue;
    std::size_t last = i;
    for (std::size_t j = i + 1; j < out.size() && j <= i + 6; ++j) {
      const std::string_view piece = trim(out[j]);
      if (piece.empty() || is_rule_text(piece)) continue;
      if (!is_motto(piece) && !find_place_date(piece)) break;
      last = j;
    }
    if (last == i) break;
    std::string moved = std::move(out[i]);
    out.erase(out.begin() + static_cast<std::ptrdiff_t>(i));
    out.insert(out.begin() + static_cast<std::ptrdiff_t>(last), std::move(moved));
    break;
  }
  return out;
}

// ---- Signature block -----------------------------------------------------------------------

// Folded words that open the post of a signer ("PHÓ CHỦ TỊCH", "THỨ TRƯỞNG"): where a one-line
// signature block turns from the authority's object to the signer's own post.
bool post_starts_at(const std::vector<Word>& words, std::size_t i) {
  static constexpr std::array kPosts = {
      std::string_view{"pho"},
      std::string_view{"chu tich"},
      std::string_view{"bo truong"},
      std::string_view{"thu truong"},
      std::string_view{"giam doc"},
      std::string_view{"tong giam doc"},
      std::string_view{"bi thu"},
      std::string_view{"thu tuong"},
      std::string_view{"chanh van phong"},
      std::string_view{"cuc truong"},
      std::string_view{"vu truong"},
      std::string_view{"tong cuc truong"},
      std::string_view{"vien truong"},
      std::string_view{"chanh an"},
      std::string_view{"hieu truong"},
      std::string_view{"chu nhiem"},
      std::string_view{"truong ban"},
      std::string_view{"truong tieu ban"},
      std::string_view{"truong phong"},
      std::string_view{"truong doan"},
      std::string_view{"to truong"},  // a team's head: tổ dân phố, tổ xung kích, tổ công tác
      std::string_view{"uy vien"},
      std::string_view{"thu ky"},
      std::string_view{"tong thu ky"},
      std::string_view{"tong kiem toan"},
      std::string_view{"thong doc"},
      std::string_view{"chanh thanh tra"},
      std::string_view{"tong thanh tra"},
  };
  for (std::string_view post : kPosts) {
    std::size_t j = i;
    bool matched = true;
    for (std::string_view part : split_words(post)) {
      // "P." glued to the post it abbreviates "PHÓ" of ("P.CHỦ TỊCH", "P.GIÁM ĐỐC"), as local
      // bodies' blocks write the deputy's post.
      const bool deputy_glued = j == i && j < words.size() && words[j].folded.size() > 1 &&
                                words[j].folded.front() == 'p' &&
                                std::string_view(words[j].folded).substr(1) == part;
      if (j >= words.size() || (words[j].folded != part && !deputy_glued)) {
        matched = false;
        break;
      }
      ++j;
    }
    if (matched) return true;
  }
  return false;
}

// "Nguyễn", "Thị": a capital letter, then lower-case letters.
bool is_name_word(std::string_view word) {
  std::size_t length = 0;
  if (!is_upper(code_point_at(word, 0, &length))) return false;
  for (std::size_t pos = length; pos < word.size();) {
    if (!is_lower(code_point_at(word, pos, &length))) return false;
    pos += length;
  }
  return true;
}

// A signature block written on one line: "KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Trường Sơn" gives
// "KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Nguyễn Trường Sơn". Empty when the line is not one.
std::vector<std::string_view> signature_pieces(std::string_view line) {
  const std::string_view trimmed = trim(line);
  if (trimmed.empty()) return {};
  const auto raw = split_words(trimmed);
  // A letter's closing in capitals before the block ("KÍNH THƯ", "TRÂN TRỌNG", a thư ngỏ's or a
  // công văn's last words): a line of its own, then the block.
  if (raw.size() > 2 && is_upper_text(raw[0]) && is_upper_text(raw[1])) {
    const std::string closing = fold_key(std::string(raw[0]) + " " + std::string(raw[1]));
    if (closing == "kinh thu" || closing == "tran trong") {
      const std::size_t rest = static_cast<std::size_t>(raw[2].data() - trimmed.data());
      std::vector<std::string_view> pieces = signature_pieces(trimmed.substr(rest));
      if (!pieces.empty())
        pieces.insert(pieces.begin(),
                      trimmed.substr(0, static_cast<std::size_t>(raw[1].data() - trimmed.data()) +
                                            raw[1].size()));
      return pieces;
    }
  }
  const bool authority_first = authority_prefix_length(raw.front()) > 0;
  if (!authority_first && !is_upper_text(raw.front())) return {};
  std::size_t name_start = raw.size();
  while (name_start > 0 && raw.size() - name_start < 6 && is_name_word(raw[name_start - 1]))
    --name_start;
  if (raw.size() - name_start < 2) name_start = raw.size();
  // ND30 ô 7c and 8, the signature and the seal, which a typed copy writes as a mark in brackets
  // between the post and the name ("(Đã ký)", "(ký, đóng dấu)"): a piece of its own. No post is
  // written in brackets nor in lower case.
  std::size_t posts_end = name_start;
  if (name_start < raw.size() && name_start > 0 && raw[name_start - 1].ends_with(")")) {
    for (std::size_t k = name_start; k > 0 && name_start - k < 5; --k) {
      if (!raw[k - 1].starts_with("(")) continue;
      const std::size_t from = static_cast<std::size_t>(raw[k - 1].data() - trimmed.data());
      const std::size_t to = static_cast<std::size_t>(raw[name_start - 1].data() - trimmed.data()) +
                             raw[name_start - 1].size();
      if (!is_upper_text(trimmed.substr(from, to - from))) posts_end = k - 1;
      break;
    }
  }
  for (std::size_t i = 0; i < posts_end; ++i)
    if (!is_upper_text(raw[i]) && authority_prefix_length(raw[i]) == 0) return {};
  const std::vector<Word> words = words_of(trimmed);
  if (!authority_first && !post_starts_at(words, 0)) return {};

  std::vector<std::size_t> starts{0};
  std::size_t segment = 0;  // where the current authority segment began
  for (std::size_t i = 1; i < posts_end; ++i) {
    if (authority_prefix_length(raw[i]) > 0) {
      starts.push_back(i);
      segment = i;
      continue;
    }
    // After the authority and its object ("KT. BỘ TRƯỞNG"), the signer's post.
    const bool in_authority = authority_prefix_length(raw[segment]) > 0;
    const bool object_seen =
        i >= segment + 2 ||
        (authority_prefix_length(raw[segment]) < raw[segment].size() && i >= segment + 1);
    // A post's words after "BAN" name a collective body, not the signer's post: "BAN BÍ THƯ"
    // (the Secretariat, Điều lệ Đảng), "BAN GIÁM ĐỐC", "BAN CHỦ NHIỆM" sign "T/M" as bodies.
    // A post that opens with "PHÓ" or "TRƯỞNG" after it is the head or the deputy of the "BAN"
    // just named ("K/T TRƯỞNG BAN PHÓ TRƯỞNG BAN", "TM. TIỂU BAN TRƯỞNG TIỂU BAN"): no body's
    // name goes on so.
    const bool head_or_deputy = words[i].folded == "pho" || words[i].folded == "truong";
    const bool board = words[i - 1].folded == "ban" && !head_or_deputy;
    // A signer may write a second post under the first ("TM. ĐOÀN GIÁM SÁT" / "TRƯỞNG ĐOÀN" /
    // "CHỦ TỊCH HĐND TỈNH"): after a post of two words or more that the list knows, another
    // known post opens a piece of its own, unless "PHÓ" or "TỔNG" before it makes it one post
    // ("PHÓ CHỦ TỊCH", "TỔNG BÍ THƯ").
    const bool second_post = starts.back() != segment && i >= starts.back() + 2 &&
                             post_starts_at(words, starts.back()) &&
                             words[starts.back()].folded != "pho" && words[i - 1].folded != "pho" &&
                             words[i - 1].folded != "tong";
    if (in_authority && object_seen && (starts.back() == segment || second_post) &&
        post_starts_at(words, i) && !raw[i - 1].ends_with(",") && !board) {
      // "TỔNG BÍ THƯ": the post opens with "TỔNG"; "PHÓ TRƯỞNG BAN": with "PHÓ" (ND30 Điều
      // 13: the deputy signs in the head's place).
      const bool general = (words[i - 1].folded == "tong" || words[i - 1].folded == "pho") &&
                           i - 1 > segment + 1 && starts.back() == segment;
      starts.push_back(general ? i - 1 : i);
    }
  }
  if (posts_end < name_start) starts.push_back(posts_end);
  if (name_start < raw.size()) starts.push_back(name_start);
  if (starts.size() < 2) return {};
  std::vector<std::string_view> pieces;
  for (std::size_t k = 0; k < starts.size(); ++k) {
    const std::size_t first = starts[k];
    const std::size_t last = (k + 1 < starts.size() ? starts[k + 1] : raw.size()) - 1;
    const std::size_t begin = static_cast<std::size_t>(raw[first].data() - trimmed.data());
    const std::size_t end =
        static_cast<std::size_t>(raw[last].data() - trimmed.data()) + raw[last].size();
    pieces.push_back(trimmed.substr(begin, end - begin));
  }
  return pieces;
}

void append_line(std::string& out, std::string_view line) {
  out.append(line);
  out.push_back('\n');
}

// Where a signature block written on the same line as the text before it begins (a document
// run into one line: "... - Lưu: VT, KGVX. KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG Nguyễn Văn An"): an
// authority prefix of ND30 ô 7a after the end of a sentence or list item, before capitals.
// npos when there is none.
std::size_t signature_start(std::string_view line) {
  static constexpr std::array kPrefixes = {std::string_view{" KT. "}, std::string_view{" TM. "},
                                           std::string_view{" TL. "}, std::string_view{" TUQ. "}};
  std::size_t best = std::string_view::npos;
  for (std::string_view prefix : kPrefixes) {
    for (std::size_t at = line.find(prefix); at != std::string_view::npos;
         at = line.find(prefix, at + 1)) {
      const char before = at > 0 ? line[at - 1] : ' ';
      const std::size_t next = at + prefix.size();
      if ((before == '.' || before == ';') && next < line.size() &&
          is_upper(code_point_at(line, next))) {
        best = std::min(best, at + 1);
        break;
      }
    }
    // Glued to the dot that ends the list ("- Lưu: VT (5b).KT. THỦ TƯỚNG").
    const std::string_view glued = prefix.substr(1);
    for (std::size_t at = line.find(glued); at != std::string_view::npos;
         at = line.find(glued, at + 1)) {
      const std::size_t next = at + glued.size();
      if (at > 0 && line[at - 1] == '.' && next < line.size() &&
          is_upper(code_point_at(line, next))) {
        best = std::min(best, at);
        break;
      }
    }
  }
  return best;
}

// The end of a signature block that opens `text`: after the signer's name, the run of names in
// proper case that follows the posts in capitals. npos when the text holds no such name.
std::size_t signature_end(std::string_view text) {
  const auto words = split_words(text);
  std::size_t i = 0;
  while (i < words.size() && (is_upper_text(words[i]) || authority_prefix_length(words[i]) > 0))
    ++i;
  const std::size_t first_name = i;
  while (i < words.size() && i - first_name < 6 && is_name_word(words[i]))
    ++i;
  if (i - first_name < 2 || i == words.size()) return std::string_view::npos;
  return static_cast<std::size_t>(words[i - 1].data() - text.data()) + words[i - 1].size();
}

void append_body_line(std::string& out, std::string_view line) {
  if (const auto pieces = signature_pieces(line); !pieces.empty()) {
    for (std::string_view piece : pieces)
      append_line(out, piece);
    return;
  }
  if (const std::size_t start = signature_start(line); start != std::string_view::npos) {
    // The block, and what follows it on the line (an attached text's heading).
    std::string_view block = line.substr(start);
    std::string_view after;
    if (const std::size_t end = signature_end(block); end != std::string_view::npos) {
      after = trim(block.substr(end));
      block = block.substr(0, end);
    }
    if (const auto pieces = signature_pieces(block); !pieces.empty()) {
      append_line(out, trim(line.substr(0, start)));
      for (std::string_view piece : pieces)
        append_line(out, piece);
      if (!after.empty()) append_line(out, after);
      return;
    }
  }
  append_line(out, line);
}

}  // namespace

namespace {

// A page that sets the document as an item of an ordered list ("  1. UBND TỈNH NINH THUẬN CỘNG
// HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM SỞ ...") puts its list marker before ô 2: ND30 opens the header
// with a body's name in capitals, never with a number, so the marker is the page's, dropped from
// a line that holds the national name (ô 1, damaged by a scan too) or the Party's after a
// capital. Marks a page or a cell's edge left before the capital ("1. /ỦY BAN", "1. • BỘ") are
// no letters of the name and do not keep the marker.
std::string_view without_list_marker(std::string_view line) {
  const std::string_view text = trim(line);
  std::size_t digits = 0;
  while (digits < text.size() && digits < 3 && text[digits] >= '0' && text[digits] <= '9')
    ++digits;
  if (digits == 0 || digits == 3 || text.size() < digits + 3 || text[digits] != '.' ||
      text[digits + 1] != ' ')
    return line;
  const std::string_view rest = trim(text.substr(digits + 2));
  std::size_t letter = 0;
  for (int marks = 0; letter < rest.size() && marks < 4; ++marks) {
    std::size_t length = 1;
    const char32_t c = code_point_at(rest, letter, &length);
    if (is_upper(c) || is_lower(c) || (c >= '0' && c <= '9')) break;
    letter += std::max<std::size_t>(length, 1);
    while (letter < rest.size() && rest[letter] == ' ')
      ++letter;
  }
  if (letter >= rest.size() || !is_upper(code_point_at(rest, letter))) return line;
  const std::string_view head = rest.substr(0, std::min<std::size_t>(rest.size(), 400));
  const std::vector<Word> words = words_of(head);
  if (!find_cell(head, words, kCells[0]) && !find_cell(head, words, kCells[1])) return line;
  return rest;
}

}  // namespace

// A row of a Markdown pipe table is one line ("| Nơi nhận: ... | CHỦ TỊCH Nguyễn Văn Sơn |"). A
// page's width that wrapped it leaves a line that opens with "|" and does not close with one:
// the lines below it, up to the one that closes the row, are the row's ("... | CHỦ" / "TỊCH
// Nguyễn Văn Sơn |"). Nullopt when no row was wrapped; a row left open with no closing line
// within a few lines stays as it is.
std::optional<std::string> pipe_rows_joined(std::string_view text) {
  constexpr std::size_t kRowLines = 8;
  if (!text.starts_with('|') && text.find("\n|") == std::string_view::npos) return std::nullopt;
  const std::vector<std::string_view> lines = split_lines(text);
  const auto opens_row = [](std::string_view line) {
    line = trim(line);
    return line.size() > 1 && line.front() == '|' && line.back() != '|';
  };
  if (std::none_of(lines.begin(), lines.end(), opens_row)) return std::nullopt;
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::size_t close = i;
    if (opens_row(lines[i])) {
      for (std::size_t j = i + 1; j < lines.size() && j <= i + kRowLines; ++j) {
        const std::string_view next = trim(lines[j]);
        if (next.empty() || next.front() == '|') break;
        if (next.back() == '|') {
          close = j;
          break;
        }
      }
    }
    out.append(lines[i]);
    for (std::size_t j = i + 1; j <= close; ++j) {
      out.push_back(' ');
      out.append(trim(lines[j]));
    }
    i = close;
    if (i + 1 < lines.size()) out.push_back('\n');
  }
  return out;
}

bool damaged_national_middle(std::string_view folded_letters) {
  // Edits (insertions, deletions, substitutions) to "xahoichunghia", on one row.
  constexpr std::string_view kMiddle = "xahoichunghia";
  if (folded_letters.size() + 2 < kMiddle.size() || folded_letters.size() > kMiddle.size() + 2)
    return false;
  std::array<std::size_t, kMiddle.size() + 1> row{};
  for (std::size_t j = 0; j <= kMiddle.size(); ++j)
    row[j] = j;
  for (std::size_t i = 1; i <= folded_letters.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= kMiddle.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1,
                         diagonal + (folded_letters[i - 1] == kMiddle[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[kMiddle.size()] <= 2;
}

std::string reading_order_text(std::string_view nfc_text) {
  // A wrapped pipe table's rows on their lines again.
  const std::optional<std::string> rows = pipe_rows_joined(nfc_text);
  if (rows) nfc_text = *rows;
  // Pandoc's tables read a cell after the other.
  const std::optional<std::string> by_cell = tables_by_column(nfc_text);
  if (by_cell) nfc_text = *by_cell;
  const std::vector<std::string_view> lines = split_lines(nfc_text);
  std::string out;
  out.reserve(nfc_text.size() + 256);

  // The header zone: the pieces before the body opens, at most kHeaderPieces non-empty ones.
  std::vector<std::string> zone;
  std::size_t next = 0;
  std::size_t filled = 0;
  std::vector<std::string> cleaned;
  bool after_label = false;
  std::size_t uncounted = 0;
  for (; next < lines.size() && filled < kHeaderPieces; ++next) {
    cleaned.clear();
    clean_line(without_list_marker(lines[next]), cleaned);
    if (!cleaned.empty() && opens_body(cleaned.front())) break;
    for (std::string& piece : cleaned) {
      if (trim(piece).empty()) {
        zone.push_back(std::move(piece));
        continue;
      }
      // A portal's label and its value (above) are not counted, up to a table's worth.
      const bool label = portal_label(piece) && uncounted < kHeaderPieces;
      if (!label && !after_label) {
        ++filled;
      } else {
        ++uncounted;
      }
      after_label = label;
      zone.push_back(std::move(piece));
    }
  }
  for (const std::string& piece : order_header(zone))
    append_body_line(out, piece);

  for (; next < lines.size(); ++next) {
    cleaned.clear();
    clean_line(lines[next], cleaned);
    for (const std::string& piece : cleaned)
      append_body_line(out, piece);
  }
  return out;
}

}  // namespace vanban::analyzers::structure
