#include "text_lines.hpp"

#include <utility>

#include "vanban/analyzers/normalize.hpp"

namespace vanban::indexer::detail {
namespace {

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t") == std::string_view::npos;
}

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

}  // namespace

void drop_soft_hyphens(std::string& text) {
  std::size_t kept = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, kSoftHyphen.size(), kSoftHyphen) == 0) {
      ++i;
      continue;
    }
    text[kept++] = text[i];
  }
  text.resize(kept);
}

void Lines::space() {
  if (!current_.empty() && current_.back() != ' ' && current_.back() != '\t') current_ += ' ';
}

void Lines::keep(std::string_view line) {
  lines_.emplace_back(line);
  bytes_ += line.size() + 1;
}

void Lines::end_line() {
  if (!is_blank(current_)) keep(trim(current_));
  current_.clear();
}

void Lines::blank_line() {
  end_line();
  if (!lines_.empty() && !lines_.back().empty()) keep({});
}

void Lines::add_line(std::string_view line) {
  end_line();
  if (!is_blank(line)) keep(trim(line));
}

void Lines::add_lines(const std::vector<std::string>& lines) {
  for (const auto& line : lines)
    add_line(line);
}

std::vector<std::string> Lines::take() {
  end_line();
  bytes_ = 0;
  return std::exchange(lines_, {});
}

std::string Lines::joined() {
  std::string text;
  for (const auto& line : take()) {
    text += line;
    text += '\n';
  }
  return text;
}

void add_table_row(Lines& out, const std::vector<std::vector<std::string>>& cells) {
  bool single_lines = true;
  for (const auto& cell : cells)
    single_lines = single_lines && cell.size() <= 1;
  if (!single_lines) {
    for (const auto& cell : cells)
      out.add_lines(cell);
    return;
  }
  std::string row;
  for (const auto& cell : cells) {
    if (cell.empty()) continue;
    if (!row.empty()) row += '\t';
    row += cell.front();
  }
  out.add_line(row);
}

std::string collapse_white_space(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool in_space = false;
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      if (!in_space) out += ' ';
      in_space = true;
    } else {
      out += c;
      in_space = false;
    }
  }
  return out;
}

std::string finish_text(std::string_view text, Spacing spacing) {
  // NFC first: it also turns no-break spaces into plain spaces, which the trimming below needs.
  const std::string nfc = analyzers::normalize_nfc(text);
  std::string out;
  out.reserve(nfc.size());
  std::string line;
  int pending_blank_lines = 0;
  auto flush_line = [&] {
    std::string_view trimmed = trim(line);
    // Kept columns keep the line's indentation too: a table's cells are placed from the margin.
    if (spacing == Spacing::keep_columns && !trimmed.empty())
      trimmed = std::string_view(line).substr(0, trimmed.data() + trimmed.size() - line.data());
    if (trimmed.empty()) {
      ++pending_blank_lines;
    } else {
      if (!out.empty()) out += pending_blank_lines > 0 ? "\n\n" : "\n";
      out += trimmed;
      pending_blank_lines = 0;
    }
    line.clear();
  };
  for (std::size_t i = 0; i < nfc.size(); ++i) {
    const char c = nfc[i];
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\r') {
      if (i + 1 < nfc.size() && nfc[i + 1] == '\n') ++i;
      flush_line();
    } else if (c == '\f' && spacing == Spacing::keep_columns) {
      // A page break of a text layer saved as text: the analyzers read it (page furniture).
      line += c;
    } else if (c == '\n' || c == '\f' || c == '\v') {
      flush_line();
    } else if (c == '\t') {
      line += c;
    } else if (c == ' ') {
      if (spacing == Spacing::keep_columns || line.empty() || line.back() != ' ') line += c;
    } else if (byte < 0x20 || byte == 0x7F) {
      // NUL and other controls carry no text (real gazette files contain NUL bytes).
    } else {
      line += c;
    }
  }
  flush_line();
  return out;
}

}  // namespace vanban::indexer::detail
