#include "accent_suggestion.hpp"

#include <map>
#include <string_view>

#include "vanban/analyzers/fold.hpp"

namespace vanban::archive {
namespace {

struct Marked {
  std::string exact;  // the matched word's exact form
  std::string folded;
  bool joined = false;  // only a space between it and the previous match
};

// The <mark>ed words of a snippet (make_snippet's HTML: escaped text, matches in <mark>,
// adjacent matches sharing one: "<mark>Dân vận</mark>").
std::vector<Marked> marked_words(std::string_view snippet) {
  static constexpr std::string_view kOpen = "<mark>";
  static constexpr std::string_view kClose = "</mark>";
  std::vector<Marked> out;
  for (std::size_t at = snippet.find(kOpen); at != std::string_view::npos;
       at = snippet.find(kOpen, at)) {
    const std::size_t start = at + kOpen.size();
    const std::size_t end = snippet.find(kClose, start);
    if (end == std::string_view::npos) break;
    bool joined = false;  // the words of one mark stand together
    for (std::size_t word_start = start; word_start < end;) {
      std::size_t word_end = snippet.find(' ', word_start);
      if (word_end == std::string_view::npos || word_end > end) word_end = end;
      const std::string_view word = snippet.substr(word_start, word_end - word_start);
      if (!word.empty()) {
        out.push_back({analyzers::exact_form(word), analyzers::fold(word), joined});
        joined = true;
      }
      word_start = word_end + 1;
    }
    at = end + kClose.size();
  }
  return out;
}

}  // namespace

std::string accent_suggestion(const query::Node& root, const std::vector<SearchHit>& hits) {
  std::vector<const query::Word*> words;
  for (const query::Node& child : root.children) {
    if (child.kind != query::Node::Kind::words) return {};
    for (const query::Word& word : child.words) {
      if (word.accented()) return {};
      words.push_back(&word);
    }
  }
  if (words.empty()) return {};

  // Votes per word of the box: spelling → weight.
  std::vector<std::map<std::string, int>> votes(words.size());
  for (const SearchHit& hit : hits) {
    const std::vector<Marked> marked = marked_words(hit.snippet);
    for (std::size_t m = 0; m < marked.size(); ++m) {
      for (std::size_t w = 0; w < words.size(); ++w) {
        if (marked[m].folded != words[w]->folded) continue;
        const bool after_previous =
            w > 0 && m > 0 && marked[m].joined && marked[m - 1].folded == words[w - 1]->folded;
        const bool before_next = w + 1 < words.size() && m + 1 < marked.size() &&
                                 marked[m + 1].joined &&
                                 marked[m + 1].folded == words[w + 1]->folded;
        votes[w][marked[m].exact] += after_previous || before_next ? 2 : 1;
      }
    }
  }
  std::string suggestion;
  bool changed = false;
  for (std::size_t w = 0; w < words.size(); ++w) {
    std::string best = words[w]->exact;
    int best_votes = 0;
    for (const auto& [spelling, count] : votes[w]) {
      if (count > best_votes) {
        best = spelling;
        best_votes = count;
      }
    }
    changed = changed || best != words[w]->exact;
    suggestion += (w == 0 ? "" : " ") + best;
  }
  return changed ? suggestion : std::string();
}

}  // namespace vanban::archive
