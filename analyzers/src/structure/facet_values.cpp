// The values a user reads in the facets: a person's name, an issuer in words.
#include "structure/facet_values.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "structure/text.hpp"
#include "syllable.hpp"
#include "vietnamese_letters.hpp"

namespace vanban::analyzers::structure {
namespace {

std::u32string code_points(std::string_view text) {
  std::u32string out;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t length = 0;
    out.push_back(code_point_at(text, pos, &length));
    pos += length == 0 ? 1 : length;
  }
  return out;
}

bool is_apostrophe(char32_t c) {
  return c == U'\'' || c == U'\u2019';
}

bool is_dash(char32_t c) {
  return c == U'-' || c == U'\u2013' || c == U'\u2014';
}

// "Giang": a capital, then lower-case letters.
bool title_case(std::u32string_view part) {
  if (part.empty() || !is_upper(part.front())) return false;
  for (std::size_t i = 1; i < part.size(); ++i)
    if (!is_lower(part[i])) return false;
  return true;
}

bool is_name_word(std::u32string_view word) {
  // Parts joined by an apostrophe ("H'Hen", "K'Nhiên"): a lone consonant before it is the
  // name's prefix.
  std::size_t start = 0;
  for (std::size_t i = 0; i <= word.size(); ++i) {
    if (i < word.size() && !is_apostrophe(word[i])) continue;
    const std::u32string_view part = word.substr(start, i - start);
    const bool prefix = i < word.size() && part.size() == 1;
    if (!title_case(part) || (!prefix && !syllable::is_name_syllable(part))) return false;
    start = i + 1;
  }
  return true;
}

bool known_letters(std::u32string_view part) {
  for (const char32_t c : part)
    if (!is_digit(c) && !letters::info(c).known) return false;
  return true;
}

bool all_digits(std::u32string_view part) {
  for (const char32_t c : part)
    if (!is_digit(c)) return false;
  return true;
}

bool is_opening_sign(char32_t c) {
  return c == U'(' || c == U'[' || c == U'"' || c == U'\u201C';
}

bool is_closing_sign(char32_t c) {
  return c == U')' || c == U']' || c == U',' || c == U'.' || c == U';' || c == U':' || c == U'"' ||
         c == U'\u201D';
}

// One part of an issuer's word (between hyphens and slashes).
bool is_issuer_part(std::u32string_view part) {
  if (part.empty() || all_digits(part)) return true;
  if (is_upper(part.front())) return known_letters(part);  // a name, an abbreviation
  return syllable::is_vietnamese(part);
}

}  // namespace

bool is_personal_name(std::string_view name) {
  const std::vector<std::string_view> words = split_words(trim(name));
  if (words.size() < 2 || words.size() > 6) return false;
  for (std::string_view word : words)
    if (!is_name_word(code_points(word))) return false;
  return true;
}

bool is_written_in_words(std::string_view issuer) {
  for (std::string_view word : split_words(trim(issuer))) {
    std::u32string points = code_points(word);
    std::u32string_view rest(points);
    while (!rest.empty() && is_opening_sign(rest.front()))
      rest.remove_prefix(1);
    while (!rest.empty() && is_closing_sign(rest.back()))
      rest.remove_suffix(1);
    // A word of dashes alone stands between two parts of a name ("Bà Rịa - Vũng Tàu"). In a
    // word that has letters, a dash or a slash joins two parts: one with no part on a side is
    // the rule drawn under the name (ND30 ô 2) glued to what is left of it ("T———"), or a name
    // cut there, no word.
    const bool only_separators = std::all_of(
        rest.begin(), rest.end(), [](char32_t c) { return is_dash(c) || c == U'/' || c == U'&'; });
    if (only_separators) continue;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= rest.size(); ++i) {
      if (i < rest.size() && !is_dash(rest[i]) && rest[i] != U'/' && rest[i] != U'&') continue;
      const std::u32string_view part = rest.substr(start, i - start);
      if (part.empty() || !is_issuer_part(part)) return false;
      start = i + 1;
    }
  }
  return true;
}

}  // namespace vanban::analyzers::structure
