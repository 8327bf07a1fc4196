// Small UTF-8 helpers for the structure extractor: code points, case, words, spaces.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::analyzers::structure {

// The code point at byte `pos` (U+FFFD on a bad sequence) and its length in bytes.
char32_t code_point_at(std::string_view text, std::size_t pos, std::size_t* length = nullptr);
// The code point that ends right before byte `pos` (0 at the start).
char32_t code_point_before(std::string_view text, std::size_t pos);

bool is_letter(char32_t c);
bool is_upper(char32_t c);
bool is_lower(char32_t c);
bool is_digit(char32_t c);
inline bool is_word_char(char32_t c) {
  return is_letter(c) || is_digit(c);
}
inline bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Lower/upper case per code point, keeping the byte length (a code point whose other case has
// another length is left alone), so offsets into the result are offsets into the input.
std::string lower_same_length(std::string_view text);
std::string upper(std::string_view text);
std::string lower(std::string_view text);

// "ỦY BAN" → "Ủy ban": first letter upper case, the rest lower case.
std::string sentence_case(std::string_view text);
// First letter upper case, the rest untouched.
std::string capitalize_first(std::string_view text);

std::string_view trim(std::string_view text);
// Trims and turns every run of white space (page breaks included) into one ' '; with `max_bytes`,
// stops reading once the result is longer than that (a caller keeping a prefix of a long text
// copies no more).
std::string collapse_spaces(std::string_view text, std::size_t max_bytes = std::string_view::npos);

// True when the text has letters and none of them is lower case ("SỞ NỘI VỤ", "KT.CHỦ TỊCH").
bool is_upper_text(std::string_view text);
// True when some letter of the text is lower case.
bool has_lower_letter(std::string_view text);
// True when the first letter of the text is upper case.
bool starts_upper(std::string_view text);
bool starts_lower(std::string_view text);

// ASCII character classes, independent of the locale (std::isdigit and kin are not).
constexpr bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}
constexpr bool is_ascii_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
constexpr bool is_ascii_lower(char c) {
  return c >= 'a' && c <= 'z';
}
constexpr bool is_ascii_alnum(char c) {
  return is_ascii_digit(c) || is_ascii_upper(c) || is_ascii_lower(c);
}

// Splits on spaces.
std::vector<std::string_view> split_words(std::string_view text);

// A replacement of text[start, end) by `text`.
struct TextEdit {
  std::size_t start = 0;
  std::size_t end = 0;
  std::string text;
};

// `text` with `edits` applied; the edits in order, none overlapping another.
std::string apply_edits(std::string_view text, const std::vector<TextEdit>& edits);

// Fold key for comparing names: analyzers::fold with spaces collapsed and tone-placement
// variants unified by the folding itself.
std::string fold_key(std::string_view text);

// Plain byte-wise prefix and suffix tests.
bool starts_with(std::string_view text, std::string_view prefix);
bool ends_with(std::string_view text, std::string_view suffix);

// Lines split at LF, CR or CRLF; a final line break leaves an empty last line.
std::vector<std::string_view> split_lines(std::string_view text);

// The line an electronic document system stamps on a first page when it registers a document
// ("Số: 2037/SCT-QLTM; 04/08/2025; 14:59:39;": "Số", a number, a date and a clock time).
bool is_register_stamp(std::string_view line);

}  // namespace vanban::analyzers::structure
