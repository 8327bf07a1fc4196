// Character and word error rates of recognised text against a transcription (OCR accuracy):
// Levenshtein distance over the NFC text with white space normalised (runs of spaces, tabs and
// line ends are one space), divided by the transcription's length.
//
// A transcription may hold "[...]" for what it deliberately leaves out (handwriting, a stamp,
// a table whose cells have no single reading order): any recognised text at that place, or
// none, costs nothing there. Everything else, page numbers and headers included, counts.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/analyzers/normalize.hpp"

namespace vanban::testing {

struct ErrorRate {
  std::size_t errors = 0;     // edits (substitutions, insertions, deletions)
  std::size_t reference = 0;  // units of the transcription, gaps excluded
  double rate() const {
    return reference == 0 ? 0.0 : static_cast<double>(errors) / static_cast<double>(reference);
  }
};

namespace detail {

inline constexpr char32_t kGap = 0xE000;  // a private-use code point stands for "[...]"

inline std::u32string code_points(std::string_view utf8) {
  std::u32string out;
  for (std::size_t i = 0; i < utf8.size();) {
    const auto byte = static_cast<unsigned char>(utf8[i]);
    const int length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
    char32_t c = length == 1   ? byte
                 : length == 2 ? byte & 0x1F
                 : length == 3 ? byte & 0x0F
                               : byte & 0x07;
    for (int k = 1; k < length && i + static_cast<std::size_t>(k) < utf8.size(); ++k)
      c = (c << 6) | (static_cast<unsigned char>(utf8[i + static_cast<std::size_t>(k)]) & 0x3F);
    out.push_back(c);
    i += static_cast<std::size_t>(length);
  }
  return out;
}

// NFC, "[...]" as kGap, white space runs as one space, trimmed.
inline std::u32string normalised(std::string_view utf8, bool gaps) {
  std::u32string text = code_points(analyzers::normalize_nfc(utf8));
  std::u32string out;
  const std::u32string marker = U"[...]";
  bool space = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char32_t c = text[i];
    if (gaps && text.compare(i, marker.size(), marker) == 0) {
      if (space) out.push_back(U' ');
      space = false;
      out.push_back(kGap);
      i += marker.size() - 1;
      continue;
    }
    if (c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\f') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(U' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

// Edit distance of `hypothesis` to `reference`, where a kGap unit of the reference matches any
// run of the hypothesis (empty included) for free.
template <typename Unit>
std::size_t distance(const std::vector<Unit>& reference, const std::vector<Unit>& hypothesis,
                     const Unit& gap) {
  const std::size_t m = hypothesis.size();
  std::vector<std::size_t> previous(m + 1), current(m + 1);
  for (std::size_t j = 0; j <= m; ++j)
    previous[j] = j;
  for (const Unit& r : reference) {
    if (r == gap) {
      current[0] = previous[0];
      for (std::size_t j = 1; j <= m; ++j)
        current[j] = std::min(previous[j], current[j - 1]);
    } else {
      current[0] = previous[0] + 1;
      for (std::size_t j = 1; j <= m; ++j) {
        current[j] = std::min({previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (r == hypothesis[j - 1] ? 0 : 1)});
      }
    }
    std::swap(previous, current);
  }
  return previous[m];
}

// Words between spaces; a gap is a word of its own.
inline std::vector<std::u32string> words(const std::u32string& text) {
  std::vector<std::u32string> out;
  std::u32string word;
  for (const char32_t c : text) {
    if (c == U' ' || c == kGap) {
      if (!word.empty()) out.push_back(std::move(word));
      word.clear();
      if (c == kGap) out.emplace_back(1, kGap);
    } else {
      word.push_back(c);
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

}  // namespace detail

inline ErrorRate character_error_rate(std::string_view reference, std::string_view hypothesis) {
  const std::u32string ref = detail::normalised(reference, true);
  const std::u32string hyp = detail::normalised(hypothesis, false);
  const std::vector<char32_t> r(ref.begin(), ref.end()), h(hyp.begin(), hyp.end());
  ErrorRate rate;
  rate.errors = detail::distance(r, h, detail::kGap);
  rate.reference =
      r.size() - static_cast<std::size_t>(std::count(r.begin(), r.end(), detail::kGap));
  return rate;
}

inline ErrorRate word_error_rate(std::string_view reference, std::string_view hypothesis) {
  const auto r = detail::words(detail::normalised(reference, true));
  const auto h = detail::words(detail::normalised(hypothesis, false));
  const std::u32string gap(1, detail::kGap);
  ErrorRate rate;
  rate.errors = detail::distance(r, h, gap);
  rate.reference = r.size() - static_cast<std::size_t>(std::count(r.begin(), r.end(), gap));
  return rate;
}

}  // namespace vanban::testing
