// The words of an interrogative frame ("bao nhiêu", "là gì", "định nghĩa của"), spelled once
// both ways: a box's word is compared with them on every search (a few hundred comparisons),
// and folding a frame word anew for each would allocate each time.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/analyzers/fold.hpp"
#include "vanban/archive/query_parser.hpp"

namespace vanban::archive {

struct FrameWord {
  std::string exact;   // as the grammar spells it (exact_form: diacritics kept, lower case)
  std::string folded;  // without diacritics
};

using SpelledFrame = std::vector<FrameWord>;

// Whether `word` is `spelled`: by its marks where it was typed with them, else by its letters
// ("là" typed is not "lá"; "la" typed without marks may be "là").
inline bool typed_as(const query::Word& word, const FrameWord& spelled) {
  return word.accented() ? word.exact == spelled.exact : word.folded == spelled.folded;
}

// Words spelled both ways, once (for tables of single words compared on every search).
inline std::vector<FrameWord> spelled_words(std::initializer_list<std::string_view> words) {
  std::vector<FrameWord> out;
  for (const std::string_view word : words)
    out.push_back({analyzers::exact_form(word), analyzers::fold(word)});
  return out;
}

// Whether `word` is any of `spelled`, as typed_as() reads it.
inline bool typed_as_any(const query::Word& word, const std::vector<FrameWord>& spelled) {
  return std::any_of(spelled.begin(), spelled.end(),
                     [&](const FrameWord& one) { return typed_as(word, one); });
}

// Whether the words from `at` make `frame`, each typed as typed_as() reads it.
inline bool frame_at(const std::vector<query::Word>& words, std::size_t at,
                     const SpelledFrame& frame) {
  if (at + frame.size() > words.size()) return false;
  for (std::size_t k = 0; k < frame.size(); ++k)
    if (!typed_as(words[at + k], frame[k])) return false;
  return true;
}

// The frames of `table` (each one's words in order, the unused places empty) spelled both ways.
template <std::size_t Frames, std::size_t Words>
std::vector<SpelledFrame> spell_frames(
    const std::array<std::array<std::string_view, Words>, Frames>& table) {
  std::vector<SpelledFrame> out;
  out.reserve(Frames);
  for (const auto& frame : table) {
    SpelledFrame spelled;
    for (const std::string_view word : frame) {
      if (word.empty()) break;
      spelled.push_back({analyzers::exact_form(word), analyzers::fold(word)});
    }
    out.push_back(std::move(spelled));
  }
  return out;
}

}  // namespace vanban::archive
