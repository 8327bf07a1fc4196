#include "snippets.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "vanban/analyzers/fold.hpp"
#include "vanban/analyzers/tokenizer.hpp"
#include "vanban/analyzers/utf8.hpp"

#include "best_window.hpp"

namespace vanban::archive {
namespace {

// Texts longer than this are searched for passages in their first part only, which keeps a
// page of hits cheap on very long documents (gazettes).
constexpr std::size_t kMaxScannedBytes = 256 * 1024;

struct Match {
  std::size_t start = 0;
  std::size_t end = 0;
  std::string key;  // the query term it matched (folded form or symbol key)
  bool strong = true;
};

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool is_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

void collect(const query::Node& node, HighlightTerms& terms) {
  using Kind = query::Node::Kind;
  switch (node.kind) {
    case Kind::words:
    case Kind::phrase:
      for (const query::Word& word : node.words) {
        if (word.accented()) {
          terms.exact.emplace(word.exact, word.folded);
          terms.accented_folded.insert(word.folded);
        } else {
          terms.plain.insert(word.folded);
        }
      }
      break;
    case Kind::number:
      terms.numbers.insert(node.number_key);
      break;
    case Kind::exclude:
    case Kind::field:
      break;
    case Kind::all_of:
    case Kind::any_of:
      for (const query::Node& child : node.children)
        collect(child, terms);
      break;
  }
}

// A set of the bytes of `text`, 64 classes of them: a byte's class is its value mod 64 (the
// ASCII letters and digits of folded words all differ).
std::uint64_t byte_bits(std::string_view text) {
  std::uint64_t bits = 0;
  for (const char c : text)
    bits |= std::uint64_t{1} << (static_cast<unsigned char>(c) & 63);
  return bits;
}

// The text's tokens that can match. Where the query has no number (whose symbol tokens
// analyze() finds across words), those of the pieces (Analyzer::analyze_pieces()) whose fold
// holds a query word only: the fold of a valid UTF-8 text is the folds of its characters one
// after another, so a word's fold lies in the fold of any piece holding the word.
std::span<const analyzers::Token> tokens_to_match(std::string_view text,
                                                  const HighlightTerms& terms) {
  analyzers::Analyzer& analyzer = analyzers::thread_analyzer();
  if (!terms.numbers.empty() || !analyzers::is_valid_utf8(text))
    return analyzer.analyze(text, analyzers::Forms::folded);
  // Each word with the bytes it holds (byte_bits()): a piece whose fold lacks one of a word's
  // bytes cannot hold the word, and most pieces are told so without a search.
  std::vector<std::pair<std::string_view, std::uint64_t>> words;
  for (const auto* set : {&terms.plain, &terms.accented_folded})
    for (const std::string& word : *set)
      words.emplace_back(word, byte_bits(word));
  std::string folded;
  return analyzer.analyze_pieces(text, analyzers::Forms::folded, [&](std::string_view piece) {
    folded.clear();
    analyzers::append_folded(piece, folded);
    const std::uint64_t bits = byte_bits(folded);
    for (const auto& [word, word_bits] : words)
      if ((bits & word_bits) == word_bits && folded.find(word) != std::string::npos) return true;
    return false;
  });
}

std::vector<Match> find_matches(std::string_view text, const HighlightTerms& terms) {
  std::vector<Match> matches;
  std::string folded;
  // Only the matches of accented words need their exact form: it is written for those alone.
  for (const analyzers::Token& token : tokens_to_match(text, terms)) {
    if (token.kind == analyzers::TokenKind::symbol) {
      folded.assign(token.folded);
      if (terms.numbers.contains(folded)) matches.push_back({token.start, token.end, folded});
      continue;
    }
    if (token.in_symbol) continue;
    folded.assign(token.folded);
    if (terms.plain.contains(folded)) {
      matches.push_back({token.start, token.end, folded});
    } else if (terms.accented_folded.contains(folded)) {
      const bool exact = terms.exact.contains(analyzers::exact_form(token.text));
      matches.push_back({token.start, token.end, folded, exact});
    }
  }
  const bool any_strong =
      std::any_of(matches.begin(), matches.end(), [](const Match& m) { return m.strong; });
  if (any_strong) {
    std::erase_if(matches, [](const Match& m) { return !m.strong; });
  }
  return matches;
}

// The start of the UTF-8 character holding byte `pos` (or `pos` itself at the end).
std::size_t char_boundary(std::string_view text, std::size_t pos) {
  while (pos > 0 && pos < text.size() && is_continuation(text[pos]))
    --pos;
  return pos;
}

// A cut at or before `pos` but after `floor`: after a space if there is one, else on a
// character boundary. Never inside a UTF-8 character, whatever `floor` is.
std::size_t back_to_space(std::string_view text, std::size_t pos, std::size_t floor) {
  std::size_t at = pos;
  while (at > floor && !is_space(text[at - 1]))
    --at;
  if (at <= floor) at = pos;  // one very long word: cut on a character boundary instead
  return char_boundary(text, at);
}

void append_escaped_collapsed(std::string_view text, std::string& out) {
  bool space = false;
  for (const char c : text) {
    if (is_space(c)) {
      space = true;
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '\0':
        break;
      default:
        out.push_back(c);
    }
  }
  if (space) out.push_back(' ');
}

}  // namespace

HighlightTerms highlight_terms(const query::Node& root) {
  HighlightTerms terms;
  collect(root, terms);
  return terms;
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  append_escaped_collapsed(text, out);
  return out;
}

namespace {

// The snippet of `text`, a part of the document's text that `head` begins (the text up to
// `text`'s end at least, of `text_size` bytes in all), from the matches found in it.
std::string cut_snippet(std::string_view head, std::size_t text_size, std::string_view text,
                        const std::vector<Match>& matches, const HighlightTerms& terms,
                        std::size_t max_bytes) {
  std::size_t begin = 0;
  std::size_t end = std::min(text.size(), max_bytes);
  std::size_t first = 0;
  std::size_t last = 0;
  if (!matches.empty()) {
    std::tie(first, last) = best_window(
        matches, [](const Match& match) { return std::string_view(match.key); },
        [&](std::string_view key) { return terms.is_secondary(key); },
        [&](std::size_t from, std::size_t to) {
          return matches[to].end - matches[from].start <= max_bytes;
        },
        [&](const Match& previous, const Match& next) {
          const std::string_view gap = text.substr(previous.end, next.start - previous.end);
          return std::all_of(gap.begin(), gap.end(), is_space);
        });
    const std::size_t span = matches[last].end - matches[first].start;
    const std::size_t room = max_bytes > span ? max_bytes - span : 0;
    // A little context before the first match, the rest after the last.
    const std::size_t before = std::min(room / 3, matches[first].start);
    begin = back_to_space(text, matches[first].start - before, 0);
    if (matches[first].start - begin > before + 40) begin = matches[first].start - before;
    begin = char_boundary(text, begin);
    // Context moved back to a space must not push the window's last match out of it.
    end = std::min(text.size(), std::max(begin + max_bytes, matches[last].end));
  }
  if (end < text.size()) {
    const std::size_t floor = matches.empty() ? begin : matches[last].end;
    end = back_to_space(text, end, floor);
  }

  std::string out;
  out.reserve(max_bytes + 64);
  const auto text_begin = static_cast<std::size_t>(text.data() - head.data());
  const std::string_view before = head.substr(0, text_begin + begin);
  if (!std::all_of(before.begin(), before.end(), is_space)) out += "…";
  // Runs of adjacent matches in the window; each shares one <mark>: "<mark>dân vận</mark>".
  std::vector<std::pair<std::size_t, std::size_t>> runs;  // first and last match of each
  for (std::size_t i = first; i < matches.size() && !matches.empty(); ++i) {
    if (matches[i].start < begin) continue;
    if (matches[i].end > end) break;
    std::size_t stop = i;
    while (stop + 1 < matches.size() && matches[stop + 1].end <= end) {
      const std::string_view gap =
          text.substr(matches[stop].end, matches[stop + 1].start - matches[stop].end);
      if (!std::all_of(gap.begin(), gap.end(), is_space)) break;
      ++stop;
    }
    runs.emplace_back(i, stop);
    i = stop;
  }
  // Where the query's words stand side by side, a common one alone elsewhere ("số" of "Số:"
  // beside "chuyển đổi số") is noise, not a match to point at.
  const bool words_together = std::any_of(runs.begin(), runs.end(), [&](const auto& run) {
    return matches[run.first].key != matches[run.second].key;
  });
  std::size_t at = begin;
  for (const auto& [from, to] : runs) {
    if (words_together && from == to && terms.common.contains(matches[from].key)) continue;
    append_escaped_collapsed(text.substr(at, matches[from].start - at), out);
    out += "<mark>";
    append_escaped_collapsed(
        text.substr(matches[from].start, matches[to].end - matches[from].start), out);
    out += "</mark>";
    at = matches[to].end;
  }
  append_escaped_collapsed(text.substr(at, end - at), out);
  while (!out.empty() && out.back() == ' ')
    out.pop_back();
  const bool text_goes_on = text_begin + end < text_size;
  if (text_goes_on) out += " …";
  return out;
}

std::string_view without_leading_space(std::string_view text) {
  while (!text.empty() && is_space(text.front()))
    text.remove_prefix(1);
  return text;
}

}  // namespace

std::optional<std::string> snippet_in_range(std::string_view head, std::size_t text_size,
                                            const HighlightTerms& terms, std::size_t max_bytes,
                                            TextRange range) {
  // The range must lie in the text, and `head` hold its end and the byte after it (where the
  // end's character boundary is looked for).
  if (range.begin >= range.end || range.end > text_size || head.size() > text_size ||
      head.size() < std::min(text_size, range.end + 1))
    return std::nullopt;
  const std::size_t begin = char_boundary(head, range.begin);
  const std::string_view text =
      without_leading_space(head.substr(begin, char_boundary(head, range.end) - begin));
  if (terms.empty()) return std::nullopt;
  const std::vector<Match> matches = find_matches(text, terms);
  // The range came from the index; should its text not show a match after all, the caller
  // scans the text as make_snippet() does without a range.
  if (matches.empty()) return std::nullopt;
  return cut_snippet(head, text_size, text, matches, terms, max_bytes);
}

std::string make_snippet(std::string_view full_text, const HighlightTerms& terms,
                         std::size_t max_bytes, std::optional<TextRange> range) {
  if (range) {
    if (auto snippet = snippet_in_range(full_text, full_text.size(), terms, max_bytes, *range))
      return std::move(*snippet);
  }
  const std::string_view text = without_leading_space(
      full_text.substr(0, char_boundary(full_text, std::min(full_text.size(), kMaxScannedBytes))));
  std::vector<Match> matches;
  if (!terms.empty()) matches = find_matches(text, terms);
  return cut_snippet(full_text, full_text.size(), text, matches, terms, max_bytes);
}

}  // namespace vanban::archive
