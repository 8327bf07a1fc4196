#include "structure/text.hpp"

#include <algorithm>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "vanban/analyzers/fold.hpp"

#include "structure/fenced.hpp"

namespace vanban::analyzers::structure {

char32_t code_point_at(std::string_view text, std::size_t pos, std::size_t* length) {
  if (pos >= text.size()) {
    if (length) *length = 0;
    return 0;
  }
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  std::int32_t index = static_cast<std::int32_t>(pos);
  const auto size = static_cast<std::int32_t>(text.size());
  UChar32 c = 0;
  U8_NEXT(bytes, index, size, c);
  if (length) *length = static_cast<std::size_t>(index) - pos;
  return c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
}

char32_t code_point_before(std::string_view text, std::size_t pos) {
  if (pos == 0 || pos > text.size()) return 0;
  std::size_t start = pos - 1;
  // Step back over UTF-8 continuation bytes (10xxxxxx).
  while (start > 0 && pos - start < 4 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80)
    --start;
  std::size_t length = 0;
  const char32_t c = code_point_at(text, start, &length);
  return start + length == pos ? c : U'\uFFFD';
}

bool is_letter(char32_t c) {
  return u_isalpha(static_cast<UChar32>(c)) != 0;
}
bool is_upper(char32_t c) {
  return u_isupper(static_cast<UChar32>(c)) != 0;
}
bool is_lower(char32_t c) {
  return u_islower(static_cast<UChar32>(c)) != 0;
}
bool is_digit(char32_t c) {
  return c >= U'0' && c <= U'9';
}

namespace {

void append_utf8(std::string& out, char32_t c) {
  char buffer[4];
  std::int32_t length = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<std::uint8_t*>(buffer), length, 4, static_cast<UChar32>(c), error);
  if (!error) out.append(buffer, static_cast<std::size_t>(length));
}

std::size_t utf8_length(char32_t c) {
  return static_cast<std::size_t>(U8_LENGTH(static_cast<UChar32>(c)));
}

// Case mappings, their ASCII part mapped without ICU: most bytes of a Vietnamese text are ASCII,
// and decoding and mapping each through ICU made lowering cost ~70 instructions a byte. ICU's
// simple case mapping of ASCII is the ASCII one.
struct ToLower {
  char32_t operator()(char32_t c) const {
    return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
  }
  static char ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
};
struct ToUpper {
  char32_t operator()(char32_t c) const {
    return static_cast<char32_t>(u_toupper(static_cast<UChar32>(c)));
  }
  static char ascii(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; }
};

template <typename Map>
std::string map_code_points(std::string_view text, Map map, bool keep_length) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      out.push_back(Map::ascii(text[pos]));
      ++pos;
      continue;
    }
    std::size_t length = 0;
    const char32_t c = code_point_at(text, pos, &length);
    const char32_t mapped = map(c);
    if (c == U'\uFFFD' || mapped == c || (keep_length && utf8_length(mapped) != length)) {
      out.append(text.substr(pos, length));
    } else {
      append_utf8(out, mapped);
    }
    pos += length;
  }
  return out;
}

}  // namespace

std::string lower_same_length(std::string_view text) {
  return map_code_points(text, ToLower{}, true);
}
std::string lower(std::string_view text) {
  return map_code_points(text, ToLower{}, false);
}
std::string upper(std::string_view text) {
  return map_code_points(text, ToUpper{}, false);
}

std::string sentence_case(std::string_view text) {
  return capitalize_first(lower(text));
}

std::string capitalize_first(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool done = false;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t length = 0;
    const char32_t c = code_point_at(text, pos, &length);
    if (!done && is_letter(c)) {
      append_utf8(out, ToUpper{}(c));
      done = true;
    } else {
      out.append(text.substr(pos, length));
    }
    pos += length;
  }
  return out;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front()))
    text.remove_prefix(1);
  while (!text.empty() && is_space(text.back()))
    text.remove_suffix(1);
  return text;
}

std::string collapse_spaces(std::string_view text, std::size_t max_bytes) {
  std::string out;
  out.reserve(std::min(text.size(), max_bytes));
  bool pending_space = false;
  for (char c : text) {
    // A page break (form feed) inside a quoted run of text is a space like a line end.
    if (is_space(c) || c == '\f' || c == '\v') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
    if (out.size() > max_bytes) break;
  }
  return out;
}

bool has_lower_letter(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t length = 0;
    if (is_lower(code_point_at(text, pos, &length))) return true;
    pos += std::max<std::size_t>(length, 1);
  }
  return false;
}

bool is_upper_text(std::string_view text) {
  bool letters = false;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t length = 0;
    const char32_t c = code_point_at(text, pos, &length);
    if (is_lower(c)) return false;
    if (is_letter(c)) letters = true;
    pos += length;
  }
  return letters;
}

namespace {
char32_t first_letter(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t length = 0;
    const char32_t c = code_point_at(text, pos, &length);
    if (is_letter(c)) return c;
    if (is_digit(c)) return 0;
    pos += length;
  }
  return 0;
}
}  // namespace

bool starts_upper(std::string_view text) {
  return is_upper(first_letter(text));
}
bool starts_lower(std::string_view text) {
  return is_lower(first_letter(text));
}

std::string apply_edits(std::string_view text, const std::vector<TextEdit>& edits) {
  std::string out;
  out.reserve(text.size() + edits.size() * 4);
  std::size_t pos = 0;
  for (const TextEdit& edit : edits) {
    out.append(text.substr(pos, edit.start - pos));
    out.append(edit.text);
    pos = edit.end;
  }
  out.append(text.substr(pos));
  return out;
}

std::vector<std::string_view> split_words(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && is_space(text[pos]))
      ++pos;
    const std::size_t start = pos;
    while (pos < text.size() && !is_space(text[pos]))
      ++pos;
    if (pos > start) words.push_back(text.substr(start, pos - start));
  }
  return words;
}

std::string fold_key(std::string_view text) {
  return collapse_spaces(fold(text));
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}
bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Lines split at LF, CR or CRLF; a final line break leaves an empty last line.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n' || text[i] == '\r') {
      lines.push_back(text.substr(start, i - start));
      if (i + 1 < text.size() && text[i] == '\r' && text[i + 1] == '\n') ++i;
      start = i + 1;
    }
  }
  return lines;
}

// The line an electronic document system stamps on the first page when the document is
// registered ("Số: 2037/SCT-QLTM; 04/08/2025; 14:59:39;"): a number, a date and a clock time. It
// is the register's, often of another document (the letter that sent a draft), not ô 3.
bool is_register_stamp(std::string_view line) {
  if (!line.starts_with("Số")) return false;
  for (std::size_t colon = line.find(':', 4); colon != std::string_view::npos;
       colon = line.find(':', colon + 1)) {
    const auto digits = [&](std::size_t from) {
      return from + 2 <= line.size() && (line[from] >= '0' && line[from] <= '9') &&
             (line[from + 1] >= '0' && line[from + 1] <= '9');
    };
    // hh:mm:ss
    if (colon >= 2 && digits(colon - 2) && digits(colon + 1) && colon + 3 < line.size() &&
        line[colon + 3] == ':' && digits(colon + 4))
      return true;
  }
  return false;
}

namespace {

// A line that heads a document (ND30 ô 1, HD 36-HD/VPTW), alone or beside other cells.
bool holds_national_heading(std::string_view line) {
  if (line.size() > 400) return false;
  const std::string key = fold_key(line);
  return key.find("cong hoa xa hoi chu nghia viet nam") != std::string::npos ||
         key.find("dang cong san viet nam") != std::string::npos;
}

// Markdown's backtick fence only: a line of tildes is also a rule an office draws under ô 1 or
// ô 2 ("~~~~~~"), never a fence in a document.
bool is_fence(std::string_view line) {
  return trim(line).starts_with("```");
}

}  // namespace

std::optional<std::string_view> fenced_document(std::string_view text) {
  // Only a text that has a fence at all: one search, then the lines.
  if (text.find("```") == std::string_view::npos) return std::nullopt;
  constexpr std::size_t kHeadingLines = 40;
  const auto lines = split_lines(text);
  bool heading_outside = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!is_fence(lines[i])) {
      heading_outside = heading_outside || holds_national_heading(lines[i]);
      continue;
    }
    std::size_t close = i + 1;
    while (close < lines.size() && !is_fence(lines[close]))
      ++close;
    bool heading_inside = false;
    for (std::size_t j = i + 1; j < std::min(close, i + 1 + kHeadingLines) && !heading_inside; ++j)
      heading_inside = holds_national_heading(lines[j]);
    if (heading_inside) {
      if (heading_outside) return std::nullopt;
      for (std::size_t j = close + 1; j < lines.size(); ++j)
        if (holds_national_heading(lines[j])) return std::nullopt;
      if (i + 1 >= lines.size()) return std::nullopt;
      const std::size_t begin = static_cast<std::size_t>(lines[i + 1].data() - text.data());
      const std::size_t end = close < lines.size()
                                  ? static_cast<std::size_t>(lines[close].data() - text.data())
                                  : text.size();
      return text.substr(begin, end - begin);
    }
    i = close;
  }
  return std::nullopt;
}

}  // namespace vanban::analyzers::structure
