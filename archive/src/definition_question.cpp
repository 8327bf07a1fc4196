#include "definition_question.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "asker_words.hpp"
#include "frame_words.hpp"

namespace vanban::archive {
namespace {

using query::Node;
using query::Word;
// A frame's words in order, the unused places empty.
using Frame = std::array<std::string_view, 6>;

// Frames that close the term ("<term> là gì"), longest first where one begins another.
constexpr std::array<Frame, 11> kClosing = {{
    {"được", "hiểu", "như", "thế", "nào"},
    {"được", "hiểu", "thế", "nào"},
    {"được", "hiểu", "là", "gì"},
    {"được", "hiểu", "ra", "sao"},
    {"được", "định", "nghĩa", "như", "thế", "nào"},
    {"được", "định", "nghĩa", "là", "gì"},
    {"hiểu", "như", "thế", "nào"},
    {"hiểu", "thế", "nào"},
    {"có", "nghĩa", "là", "gì"},
    {"nghĩa", "là", "gì"},
    {"là", "gì"},
}};

// Frames that open a group and the term after them ("định nghĩa của <term>").
constexpr std::array<Frame, 8> kOpening = {{
    {"định", "nghĩa", "của"},
    {"định", "nghĩa", "về"},
    {"định", "nghĩa"},
    {"khái", "niệm", "của"},
    {"khái", "niệm", "về"},
    {"khái", "niệm"},
    {"như", "thế", "nào", "là"},
    {"thế", "nào", "là"},
}};

// The frames spelled both ways, once (frame_words.hpp).
const std::vector<SpelledFrame>& closing() {
  static const std::vector<SpelledFrame> spelled = spell_frames(kClosing);
  return spelled;
}

const std::vector<SpelledFrame>& opening() {
  static const std::vector<SpelledFrame> spelled = spell_frames(kOpening);
  return spelled;
}

const FrameWord& called() {
  static const FrameWord spelled{analyzers::exact_form("gọi"), analyzers::fold("gọi")};
  return spelled;
}

// The term before the first closing frame of `words`, else empty; `quoted` is the phrase just
// before the group (the term typed in quotes: "“tài sản” được hiểu như thế nào").
std::vector<Word> before_closing(const std::vector<Word>& words, const Node* quoted) {
  for (std::size_t at = 0; at < words.size(); ++at) {
    for (const SpelledFrame& frame : closing()) {
      if (!frame_at(words, at, frame)) continue;
      // "… được gọi là gì" describes the term and asks for its name: no term to look up.
      if (at > 0 && typed_as(words[at - 1], called())) return {};
      if (at == 0) return quoted ? quoted->words : std::vector<Word>{};
      const std::size_t from = at > kMaxDefinedWords ? at - kMaxDefinedWords : 0;
      return {words.begin() + static_cast<std::ptrdiff_t>(from),
              words.begin() + static_cast<std::ptrdiff_t>(at)};
    }
  }
  return {};
}

// The term after an opening frame of `words`, else empty; `quoted` is the phrase just after the
// group ("Định nghĩa của “Người lao động”").
// The frame may follow a request's words ("Nêu khái niệm …", "Hãy cho biết định nghĩa của …":
// asker_words.hpp), which ask for it as the frame alone does.
std::vector<Word> after_opening(const std::vector<Word>& words, const Node* quoted) {
  const std::vector<const FrameWord*> asker = asker_words(words);
  const std::size_t start =
      static_cast<std::size_t>(std::find(asker.begin(), asker.end(), nullptr) - asker.begin());
  for (const SpelledFrame& frame : opening()) {
    if (!frame_at(words, start, frame)) continue;
    const std::size_t size = start + frame.size();
    if (size == words.size()) return quoted ? quoted->words : std::vector<Word>{};
    const std::size_t to = std::min(words.size(), size + kMaxDefinedWords);
    return {words.begin() + static_cast<std::ptrdiff_t>(size),
            words.begin() + static_cast<std::ptrdiff_t>(to)};
  }
  return {};
}

}  // namespace

std::vector<Word> defined_term(const Node& root) {
  const auto& children = root.children;
  auto phrase_at = [&](std::size_t i) -> const Node* {
    return i < children.size() && children[i].kind == Node::Kind::phrase ? &children[i] : nullptr;
  };
  for (std::size_t i = 0; i < children.size(); ++i) {
    if (children[i].kind != Node::Kind::words) continue;
    const std::vector<Word>& words = children[i].words;
    auto term = after_opening(words, phrase_at(i + 1));
    if (term.empty()) term = before_closing(words, i > 0 ? phrase_at(i - 1) : nullptr);
    if (!term.empty()) return term;
  }
  return {};
}

}  // namespace vanban::archive
