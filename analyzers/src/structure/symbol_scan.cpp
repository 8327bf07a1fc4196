#include "structure/symbol_scan.hpp"

#include "structure/text.hpp"

namespace vanban::analyzers::structure {
namespace {

bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}

// '-' or an en/em dash at pos; returns its byte length (0 if none).
std::size_t dash_at(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return 0;
  if (text[pos] == '-') return 1;
  if (text.substr(pos, 3) == "\xE2\x80\x93" || text.substr(pos, 3) == "\xE2\x80\x94") return 3;
  return 0;
}

std::size_t skip_spaces(std::string_view text, std::size_t pos, std::size_t max = 3) {
  std::size_t count = 0;
  while (pos < text.size() && text[pos] == ' ' && count < max) {
    ++pos;
    ++count;
  }
  return pos;
}

struct Code {
  std::size_t end = 0;
  bool has_lower = false;
};

// A code segment: a letter then letters, digits or '&' ("UBND", "TTg", "QH15", "CTTN&BĐG").
// `lower_ok` allows an all-lower-case segment ("nb" of "5053-CV/VPTW/nb").
std::optional<Code> read_code(std::string_view text, std::size_t pos, bool lower_ok) {
  std::size_t length = 0;
  const char32_t first = code_point_at(text, pos, &length);
  if (!is_letter(first)) return std::nullopt;
  if (!is_upper(first) && !lower_ok) return std::nullopt;
  Code code;
  std::size_t p = pos;
  while (p < text.size()) {
    const char32_t c = code_point_at(text, p, &length);
    if (is_letter(c)) {
      if (is_lower(c)) code.has_lower = true;
    } else if (!is_digit(c) && c != U'&') {
      break;
    }
    p += length;
  }
  code.end = p;
  return code;
}

struct Tail {
  std::string text;  // "/KH-UBND", "/2023/NĐ-CP", "-QĐ/TW"
  std::size_t end = 0;
};

// Further "-CODE" groups after a code; spaces around the dash are accepted when the dash is
// glued to one side (line breaks of PDF text: "NĐ- CP"), or when the symbol is still incomplete.
std::size_t read_dash_groups(std::string_view text, std::size_t p, std::string& out,
                             bool complete) {
  while (true) {
    const std::size_t before_spaces = p;
    std::size_t q = skip_spaces(text, p);
    const bool space_before = q > before_spaces;
    const std::size_t dash = dash_at(text, q);
    if (dash == 0) return before_spaces;
    const std::size_t after_dash = q + dash;
    std::size_t r = skip_spaces(text, after_dash);
    const bool space_after = r > after_dash;
    if (space_before && space_after && complete) return before_spaces;
    auto code = read_code(text, r, false);
    if (!code) return before_spaces;
    // " - Sở" is prose, not a symbol group: spaced dashes need an all-upper code.
    if ((space_before || space_after) && code->has_lower && space_before) return before_spaces;
    out.push_back('-');
    out.append(text.substr(r, code->end - r));
    p = code->end;
    complete = true;
  }
}

// "/[YYYY/]CODE(-CODE)*" after a number.
std::optional<Tail> read_state_tail(std::string_view text, std::size_t pos) {
  std::size_t p = skip_spaces(text, pos, 2);
  if (p >= text.size() || text[p] != '/') return std::nullopt;
  p = skip_spaces(text, p + 1, 2);
  Tail tail;
  tail.text = "/";
  bool has_year = false;
  if (p + 4 <= text.size() && is_ascii_digit(text[p]) && is_ascii_digit(text[p + 1]) &&
      is_ascii_digit(text[p + 2]) && is_ascii_digit(text[p + 3])) {
    std::size_t q = skip_spaces(text, p + 4, 2);
    if (q < text.size() && text[q] == '/') {
      tail.text.append(text.substr(p, 4));
      tail.text.push_back('/');
      has_year = true;
      p = skip_spaces(text, q + 1, 2);
    }
  }
  auto code = read_code(text, p, false);
  if (!code) return std::nullopt;
  tail.text.append(text.substr(p, code->end - p));
  const std::size_t before = tail.text.size();
  p = read_dash_groups(text, code->end, tail.text, has_year);
  if (!has_year && tail.text.size() == before) return std::nullopt;  // "12/UBND": not a symbol
  tail.end = p;
  return tail;
}

// "-TYPE/ORG(-ORG)*(/sub)?" after a Party number.
std::optional<Tail> read_party_tail(std::string_view text, std::size_t pos) {
  std::size_t p = skip_spaces(text, pos, 1);
  const std::size_t dash = dash_at(text, p);
  if (dash == 0) return std::nullopt;
  p = skip_spaces(text, p + dash, 2);
  auto type = read_code(text, p, false);
  if (!type) return std::nullopt;
  Tail tail;
  tail.text = "-";
  tail.text.append(text.substr(p, type->end - p));
  p = skip_spaces(text, type->end, 2);
  if (p >= text.size() || text[p] != '/') return std::nullopt;
  p = skip_spaces(text, p + 1, 2);
  auto org = read_code(text, p, false);
  if (!org) return std::nullopt;
  tail.text.push_back('/');
  tail.text.append(text.substr(p, org->end - p));
  p = read_dash_groups(text, org->end, tail.text, true);
  // A third segment such as "/nb" (nội bộ).
  if (p < text.size() && text[p] == '/') {
    if (auto sub = read_code(text, p + 1, true)) {
      tail.text.push_back('/');
      tail.text.append(text.substr(p + 1, sub->end - p - 1));
      p = sub->end;
    }
  }
  tail.end = p;
  return tail;
}

std::optional<Tail> read_tail(std::string_view text, std::size_t pos) {
  if (auto tail = read_state_tail(text, pos)) return tail;
  return read_party_tail(text, pos);
}

std::size_t read_digits(std::string_view text, std::size_t pos) {
  std::size_t p = pos;
  while (p < text.size() && is_ascii_digit(text[p]) && p - pos < 6)
    ++p;
  if (p < text.size() && is_ascii_digit(text[p])) return pos;
  return p;
}

// ", " or " và " between numbers; returns the position of the next number or npos.
std::size_t list_separator(std::string_view text, std::size_t pos) {
  std::size_t p = skip_spaces(text, pos, 1);
  if (p < text.size() && text[p] == ',') {
    p = skip_spaces(text, p + 1, 2);
  } else if (text.substr(p, 4) == "và ") {  // "và" is 3 bytes + space
    p = skip_spaces(text, p + 4, 2);
  } else {
    return std::string_view::npos;
  }
  return p < text.size() && is_ascii_digit(text[p]) ? p : std::string_view::npos;
}

}  // namespace

std::optional<ScannedNumbers> scan_numbers_at(std::string_view text, std::size_t pos) {
  if (pos >= text.size() || !is_ascii_digit(text[pos])) return std::nullopt;
  // Numbers sharing one symbol: "217, 218-QĐ/TW".
  std::vector<std::string_view> numbers;
  std::size_t p = pos;
  std::optional<Tail> tail;
  while (true) {
    const std::size_t end = read_digits(text, p);
    if (end == p) return std::nullopt;
    numbers.push_back(text.substr(p, end - p));
    tail = read_tail(text, end);
    if (tail) break;
    p = list_separator(text, end);
    if (p == std::string_view::npos || numbers.size() >= 10) return std::nullopt;
  }
  ScannedNumbers result;
  for (std::string_view number : numbers)
    result.symbols.push_back(std::string(number) + tail->text);
  result.end = tail->end;
  // Whole symbols in a list: "12/2020/NĐ-CP, 13/2020/NĐ-CP và 14/2020/NĐ-CP".
  while (true) {
    const std::size_t next = list_separator(text, result.end);
    if (next == std::string_view::npos) break;
    const std::size_t end = read_digits(text, next);
    auto more = end > next ? read_tail(text, end) : std::nullopt;
    if (!more) break;
    result.symbols.push_back(std::string(text.substr(next, end - next)) + more->text);
    result.end = more->end;
  }
  return result;
}

std::optional<ScannedNumbers> scan_blank_number_at(std::string_view text, std::size_t pos) {
  auto tail = read_state_tail(text, pos);
  if (!tail) tail = read_party_tail(text, pos);
  if (!tail) return std::nullopt;
  ScannedNumbers result;
  result.symbols.push_back(tail->text);
  result.end = tail->end;
  return result;
}

}  // namespace vanban::analyzers::structure
