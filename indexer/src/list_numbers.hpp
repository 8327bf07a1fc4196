// The numbers of Word's and Writer's lists, shared by the DOCX and ODT readers. A list's start
// value is any 32-bit integer in the file: a hostile one (2·10^9) must neither overflow when the
// next item is counted nor make a lettered label of tens of megabytes ("a".."z", "aa".."zz": a
// letter repeated number/26 times).
#pragma once

#include <algorithm>
#include <charconv>
#include <climits>
#include <cstddef>
#include <string>
#include <string_view>

namespace vanban::indexer::detail {

// Letters a..z, then aa..zz, aaa...: the letter repeated once more every 26 items. Past 30
// repetitions (item 780, as far as Word's own lists letter) no list of a document goes; the
// number is given in digits, as a roman numeral past 3999 is.
inline std::string lettered_number(int number, bool upper) {
  constexpr int kMaxLettered = 26 * 30;
  if (number <= 0 || number > kMaxLettered) return std::to_string(number);
  const char letter = static_cast<char>((upper ? 'A' : 'a') + (number - 1) % 26);
  return std::string(static_cast<std::size_t>((number - 1) / 26 + 1), letter);
}

// The next item's number, held at the largest integer rather than overflowing.
inline int next_list_number(int number) {
  return number < INT_MAX ? number + 1 : number;
}

// An integer attribute read as atoi reads it (leading digits, 0 when none), but held within an
// int: atoi's result for "99999999999" is undefined.
inline int clamped_integer(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\n\r");
  if (first == std::string_view::npos) return 0;
  text.remove_prefix(first);
  if (text.starts_with('+')) text.remove_prefix(1);
  long long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error == std::errc::result_out_of_range) return text.starts_with('-') ? INT_MIN : INT_MAX;
  if (error != std::errc{}) return 0;
  return static_cast<int>(std::clamp<long long>(value, INT_MIN, INT_MAX));
}

}  // namespace vanban::indexer::detail
