#include "structure/spelling.hpp"

#include <algorithm>
#include <unordered_map>
#include <vector>

#include "vanban/analyzers/fold.hpp"

#include "structure/text.hpp"

namespace vanban::analyzers::structure {
namespace {

// The bytes of the lines read for spellings: a document's running text is within its first
// few hundred kilobytes, and the cost stays linear.
constexpr std::size_t kReadBytes = 400000;

struct Word {
  std::string form;       // exact_form of the letters and digits, punctuation stripped
  std::string_view raw;   // the word as written, punctuation stripped
  bool capital = false;   // opens with a capital letter
  bool initial = false;   // the first word of a sentence: its capital says nothing
  bool evidence = false;  // has a lower-case letter: a word in capitals says nothing of case
};

// The word's letters without the punctuation around it ("“Dự" → "Dự", "thôn," → "thôn").
std::string_view letters_of(std::string_view word) {
  std::size_t start = 0;
  while (start < word.size()) {
    std::size_t length = 0;
    if (is_word_char(code_point_at(word, start, &length))) break;
    start += std::max<std::size_t>(length, 1);
  }
  std::size_t end = word.size();
  while (end > start && !is_word_char(code_point_before(word, end))) {
    --end;
    while (end > start && (static_cast<unsigned char>(word[end]) & 0xC0) == 0x80)
      --end;
  }
  return word.substr(start, end - start);
}

bool ends_sentence(std::string_view word) {
  while (!word.empty() && (word.back() == ')' || word.back() == '"' || word.back() == '\''))
    word.remove_suffix(1);
  return word.ends_with(".") || word.ends_with(":") || word.ends_with(";") || word.ends_with("!") ||
         word.ends_with("?");
}

// A word whose case the rule fixed on purpose: a number, a symbol, an abbreviation or a Roman
// numeral in capitals ("OCOP", "XIII", "2026"), a word mixing letters and digits.
bool keeps_its_case(std::string_view letters) {
  if (letters.empty()) return true;
  bool lower_seen = false;
  std::size_t letters_count = 0;
  for (std::size_t at = 0; at < letters.size();) {
    std::size_t length = 0;
    const char32_t c = code_point_at(letters, at, &length);
    if (!is_letter(c)) return true;
    lower_seen = lower_seen || is_lower(c);
    ++letters_count;
    at += std::max<std::size_t>(length, 1);
  }
  // "OCOP" after the rule: capitals kept; a single capital letter ("Y" of "Y tế") is a word.
  return !lower_seen && letters_count > 1;
}

}  // namespace

std::string respell_as_written(std::string_view title, const Layout& layout) {
  const std::vector<std::string_view> title_words = split_words(title);
  if (title_words.size() < 2) return std::string(title);
  std::vector<std::string> forms;
  std::unordered_map<std::string, std::vector<std::size_t>> positions;  // form → title indexes
  for (std::size_t i = 0; i < title_words.size(); ++i) {
    forms.push_back(exact_form(letters_of(title_words[i])));
    if (!forms.back().empty()) positions[forms.back()].push_back(i);
  }
  // Votes per title word: the text writes it with a capital, or without.
  std::vector<int> capital_votes(title_words.size(), 0);
  std::vector<int> lower_votes(title_words.size(), 0);
  // The running text as a stream of words, three at a time, the middle one looked at. A title
  // word counts where the text has it between the same two neighbours; the title's last word
  // needs only the word before it. (One neighbour, or two on one side, is too weak: "về Quy
  // định" and "về quy định" both stand in one text, one naming an instrument, one a verb.)
  std::vector<Word> window;  // the last three words read
  std::size_t read = 0;
  const auto vote = [&] {
    const Word& middle = window[1];
    const auto found = positions.find(middle.form);
    if (found == positions.end() || middle.initial || !middle.evidence) return;
    const std::size_t n = forms.size();
    for (std::size_t i : found->second) {
      const bool left = i >= 1 && forms[i - 1] == window[0].form;
      const bool right = i + 1 < n && forms[i + 1] == window[2].form;
      if ((left && right) || (i + 1 == n && left))
        (middle.capital ? capital_votes : lower_votes)[i]++;
    }
  };
  const auto push = [&](Word word) {
    window.push_back(std::move(word));
    if (window.size() > 3) window.erase(window.begin());
    if (window.size() == 3) vote();
  };
  bool sentence_start = true;
  for (std::size_t line_index = 0; line_index < layout.lines.size() && read < kReadBytes;
       ++line_index) {
    if (layout.skip(line_index)) continue;
    const std::string_view line = trim(layout.lines[line_index]);
    read += line.size();
    if (line.empty()) continue;
    // Lines in capitals (headings, the title itself) say nothing of case; neither does a line
    // break inside a sentence, so the stream goes on across it.
    if (is_upper_text(line)) {
      push(Word{});
      window.clear();
      sentence_start = true;
      continue;
    }
    for (std::string_view raw : split_words(line)) {
      const std::string_view letters = letters_of(raw);
      Word word{exact_form(letters), letters, starts_upper(letters), sentence_start,
                has_lower_letter(letters)};
      sentence_start = ends_sentence(raw);
      push(std::move(word));
    }
  }
  push(Word{});
  std::string out;
  for (std::size_t i = 0; i < title_words.size(); ++i) {
    std::string word(title_words[i]);
    const std::string_view letters = letters_of(title_words[i]);
    if (i > 0 && !keeps_its_case(letters) && capital_votes[i] != lower_votes[i]) {
      const std::size_t at = static_cast<std::size_t>(letters.data() - title_words[i].data());
      const std::string head(word.substr(0, at));
      const std::string tail(word.substr(at + letters.size()));
      const std::string body =
          capital_votes[i] > lower_votes[i] ? capitalize_first(lower(letters)) : lower(letters);
      word = head + body + tail;
    }
    if (!out.empty()) out.push_back(' ');
    out += word;
  }
  return out;
}

}  // namespace vanban::analyzers::structure
