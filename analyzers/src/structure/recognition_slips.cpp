#include "structure/recognition_slips.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <unordered_map>
#include <vector>

#include "vanban/analyzers/fold.hpp"

#include "structure/body_names.hpp"
#include "structure/tables.hpp"
#include "structure/text.hpp"
#include "utf8.hpp"
#include "vietnamese_letters.hpp"

namespace vanban::analyzers::structure {
namespace {

struct Word {
  std::size_t start = 0;
  std::size_t end = 0;
};

bool word_char_at(std::string_view line, std::size_t pos, std::size_t& length) {
  const auto byte = static_cast<unsigned char>(line[pos]);
  if (byte < 0x80) {
    length = 1;
    return (byte >= '0' && byte <= '9') || ((byte | 0x20) >= 'a' && (byte | 0x20) <= 'z');
  }
  // Vietnamese letters by table (the pass looks at no other script's words).
  const char32_t cp = utf8::decode(line, pos, length);
  return letters::info(cp).known;
}

// The words of a line (runs of letters and digits) and where they stand, into `words`.
void words_of(std::string_view line, std::vector<Word>& words) {
  words.clear();
  std::size_t pos = 0;
  while (pos < line.size()) {
    std::size_t length = 0;
    if (!word_char_at(line, pos, length)) {
      pos += length;
      continue;
    }
    Word word{pos, pos + length};
    while (word.end < line.size() && word_char_at(line, word.end, length))
      word.end += length;
    pos = word.end;
    words.push_back(word);
  }
}

std::vector<Word> words_of(std::string_view line) {
  std::vector<Word> words;
  words_of(line, words);
  return words;
}

// The letters of a word without marks, lower case ("Ủy" → "uy"), into `out` without allocating;
// false for a word with a letter outside Vietnamese's or longer than `out` holds.
template <std::size_t N>
bool fold_word(std::string_view word, std::array<char, N>& out, std::size_t& size) {
  size = 0;
  for (std::size_t pos = 0; pos < word.size();) {
    std::size_t length = 0;
    const char32_t cp = utf8::decode(word, pos, length);
    pos += length;
    char folded = 0;
    if (cp >= '0' && cp <= '9') {
      folded = static_cast<char>(cp);
    } else if (const letters::LetterInfo info = letters::info(cp); info.known) {
      folded = info.folded;
    } else {
      return false;
    }
    if (size == N) return false;
    out[size++] = folded;
  }
  return true;
}

// Hash lookups by a string_view key.
struct KeyHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view key) const { return std::hash<std::string_view>{}(key); }
};

bool only_spaces(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t'; });
}

// A phrase of the structure vocabulary: its words as written ("Ủy", "ban", "nhân", "dân").
struct Phrase {
  std::vector<std::string> written;
  std::vector<std::string> folded;
  std::vector<std::string> exact;
  std::vector<std::string> upper;  // the words in capitals
  // A type of document ("Phương án", "Kết luận"): proved only as a heading, in capitals at the
  // start of a line with nothing but its number after it; elsewhere its letters may be a
  // place's ("PHƯỜNG AN HẢI") or a sentence's, and running text is left to the citation rules.
  bool heading_only = false;
};

struct Vocabulary {
  // By the folded form of the first word; longest phrases first.
  // By the folded forms of the first two words, joined by a space ("uy ban"); longest first.
  std::unordered_map<std::string, std::vector<Phrase>, KeyHash, std::equal_to<>> by_first;
  // The folded first words (the cheap test most capitalised words fail).
  std::unordered_map<std::string, bool, KeyHash, std::equal_to<>> first_words;
  // By the folded form of all its words run together ("bantochuc"): a phrase in letter-spaced
  // capitals that the engine read as one word ("BANTOCHỨC").
  std::unordered_map<std::string, std::string, KeyHash, std::equal_to<>> by_glued;
};

const Vocabulary& vocabulary() {
  static const Vocabulary vocabulary = [] {
    std::vector<std::string> phrases = known_names_as_written();
    std::unordered_map<std::string, bool> type_names;
    for (const DocumentType& type : document_types()) {
      phrases.emplace_back(type.name);
      type_names[fold(type.name)] = true;
    }
    for (std::string_view level : administrative_levels())
      phrases.push_back(capitalize_first(level));
    // The national name and the motto (ND30 ô 1), the labels of ô 9a and of a công văn, the
    // opener of a legal basis; "Thủ trưởng" (the head of an agency), whose letters without marks
    // are those of "Thứ trưởng"; "Hội đồng" (a council: "HỘI ĐÒNG ĐỊNH GIÁ"); the People's
    // Committee abbreviated before its level in a chủ quản line ("UBND TÌNH BẮC GIANG": after
    // "UBND" only the level "tỉnh" has those letters).
    for (std::string_view fixed :
         {"Cộng hòa xã hội chủ nghĩa Việt Nam", "Việt Nam", "Độc lập", "Tự do", "Hạnh phúc",
          "Nơi nhận", "Kính gửi", "Căn cứ", "Ủy ban", "Thủ trưởng", "Hội đồng", "UBND tỉnh",
          "UBND huyện", "UBND xã", "UBND quận", "UBND phường", "HĐND tỉnh", "HĐND huyện"})
      phrases.emplace_back(fixed);
    // Folded phrase -> its spelling; two spellings of one folded phrase, or of the first words
    // of two phrases ("Thủ trưởng cơ quan ngang bộ", "Thứ trưởng"), prove neither.
    std::unordered_map<std::string, std::string> spelling;
    std::unordered_map<std::string, std::string> prefix_spelling;
    std::unordered_map<std::string, bool> ambiguous;
    for (const std::string& phrase : phrases) {
      const std::vector<Word> words = words_of(phrase);
      if (words.size() < 2) continue;  // one word proves too little
      bool spaced = true;
      for (std::size_t i = 1; i < words.size(); ++i)
        spaced = spaced && only_spaces(std::string_view(phrase).substr(
                               words[i - 1].end, words[i].start - words[i - 1].end));
      if (!spaced || words.front().start != 0 || words.back().end != phrase.size()) continue;
      spelling.emplace(fold(phrase), phrase);
      for (std::size_t n = 2; n <= words.size(); ++n) {
        const std::string_view prefix = std::string_view(phrase).substr(0, words[n - 1].end);
        const std::string key = fold(prefix);
        const auto [it, inserted] = prefix_spelling.emplace(key, std::string(prefix));
        if (!inserted && exact_form(it->second) != exact_form(prefix)) ambiguous[key] = true;
      }
    }
    Vocabulary out;
    for (const auto& [key, phrase] : spelling) {
      if (ambiguous.contains(key)) continue;
      Phrase entry;
      entry.heading_only = type_names.contains(key);
      for (const Word& word : words_of(phrase)) {
        const std::string_view text =
            std::string_view(phrase).substr(word.start, word.end - word.start);
        entry.written.emplace_back(text);
        entry.folded.push_back(fold(text));
        entry.exact.push_back(exact_form(text));
        entry.upper.push_back(upper(text));
      }
      out.first_words[entry.folded[0]] = true;
      out.by_first[entry.folded[0] + ' ' + entry.folded[1]].push_back(std::move(entry));
    }
    std::unordered_map<std::string, bool> glued_twice;
    for (const auto& [key, phrase] : spelling) {
      std::string glued = key;
      std::erase(glued, ' ');
      const auto [it, inserted] = out.by_glued.emplace(glued, phrase);
      if (!inserted || ambiguous.contains(key)) glued_twice[glued] = true;
    }
    for (const auto& [glued, twice] : glued_twice)
      out.by_glued.erase(glued);
    for (auto& [first, list] : out.by_first)
      std::sort(list.begin(), list.end(), [](const Phrase& a, const Phrase& b) {
        return a.written.size() > b.written.size();
      });
    return out;
  }();
  return vocabulary;
}

bool all_upper(std::string_view word) {
  return is_upper_text(word);
}

// The case of a word as the vocabulary writes it: its first letter's case, the rest lower.
bool same_case_pattern(std::string_view word, std::string_view written) {
  std::size_t length = 0;
  const char32_t first = code_point_at(word, 0, &length);
  if (is_upper(first) != is_upper(code_point_at(written, 0))) return false;
  for (std::size_t pos = length; pos < word.size(); pos += length)
    if (is_upper(code_point_at(word, pos, &length))) return false;
  return true;
}

struct Edit {
  std::size_t start = 0;
  std::size_t end = 0;
  std::string text;
};

// Known phrases whose marks the engine lost or swapped, on one line.
void mend_phrases(std::string_view line, const std::vector<Word>& words, std::vector<Edit>& edits) {
  const Vocabulary& known = vocabulary();
  for (std::size_t i = 0; i < words.size();) {
    const std::string_view first = line.substr(words[i].start, words[i].end - words[i].start);
    const auto byte = static_cast<unsigned char>(first[0]);
    std::array<char, 48> buffer{};
    std::size_t size = 0;
    if ((byte < 0x80 ? !(byte >= 'A' && byte <= 'Z') : !is_upper(code_point_at(first, 0))) ||
        !fold_word(first, buffer, size)) {
      ++i;
      continue;
    }
    const std::string_view folded_first(buffer.data(), size);
    if (!known.first_words.contains(folded_first)) {
      // Longer than any syllable, in capitals with a Vietnamese mark (not "VIETNAM" of an
      // English line), and a known phrase's letters run together.
      if (folded_first.size() >= 6 && all_upper(first) &&
          std::any_of(first.begin(), first.end(),
                      [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
        if (const auto glued = known.by_glued.find(folded_first); glued != known.by_glued.end())
          edits.push_back({words[i].start, words[i].end, upper(glued->second)});
      ++i;
      continue;
    }
    // The first two words' letters, the key of the phrases that may start here.
    std::size_t second_size = 0;
    std::array<char, 48> second{};
    if (i + 1 >= words.size() ||
        !only_spaces(line.substr(words[i].end, words[i + 1].start - words[i].end)) ||
        !fold_word(line.substr(words[i + 1].start, words[i + 1].end - words[i + 1].start), second,
                   second_size) ||
        size + 1 + second_size > buffer.size()) {
      ++i;
      continue;
    }
    buffer[size] = ' ';
    std::copy_n(second.begin(), second_size,
                buffer.begin() + static_cast<std::ptrdiff_t>(size + 1));
    const auto candidates =
        known.by_first.find(std::string_view(buffer.data(), size + 1 + second_size));
    if (candidates == known.by_first.end()) {
      ++i;
      continue;
    }
    std::size_t matched = 0;
    for (const Phrase& phrase : candidates->second) {
      const std::size_t n = phrase.written.size();
      if (i + n > words.size()) continue;
      // The letters first (no copy), then the case and the marks of the phrase that fits.
      // One word of a long name in capitals may be garbled beyond its marks, read as a word in
      // lower case among the capitals ("BỘ GIÁO màn VÀ ĐÀO TẠO"): five words or more and the
      // others' letters in their order prove the name, and that word is the name's.
      constexpr std::size_t kProvingWords = 5;
      std::size_t garbled = n;
      bool fits = true;
      for (std::size_t k = 2; k < n && fits; ++k) {
        const Word& word = words[i + k];
        std::size_t folded_size = 0;
        const std::string_view text = line.substr(word.start, word.end - word.start);
        fits = only_spaces(line.substr(words[i + k - 1].end, word.start - words[i + k - 1].end));
        if (!fits) break;
        if (fold_word(text, buffer, folded_size) &&
            std::string_view(buffer.data(), folded_size) == phrase.folded[k])
          continue;
        const bool lower_word = text.size() >= 2 && !all_upper(text) &&
                                !is_upper(code_point_at(text, 0)) &&
                                is_letter(code_point_at(text, 0));
        fits = garbled == n && n >= kProvingWords && !phrase.heading_only && lower_word;
        garbled = k;
      }
      if (!fits) continue;
      if (garbled < n) {
        bool others_caps = true;
        for (std::size_t k = 0; k < n && others_caps; ++k)
          others_caps =
              k == garbled ||
              all_upper(line.substr(words[i + k].start, words[i + k].end - words[i + k].start));
        if (!others_caps) continue;
        edits.push_back({words[i + garbled].start, words[i + garbled].end, phrase.upper[garbled]});
      }
      bool caps = true;
      bool same_case = true;
      bool differs = false;
      for (std::size_t k = 0; k < n; ++k) {
        if (k == garbled) continue;
        const Word& word = words[i + k];
        const std::string_view text = line.substr(word.start, word.end - word.start);
        if (text == phrase.written[k]) {
          caps = caps && all_upper(text);
        } else if (text == phrase.upper[k]) {
          same_case = same_case && same_case_pattern(text, phrase.written[k]);
        } else {
          caps = caps && all_upper(text);
          same_case = same_case && same_case_pattern(text, phrase.written[k]);
          differs = differs || exact_form(text) != phrase.exact[k];
        }
      }
      if (!caps && !same_case) continue;
      if (phrase.heading_only) {
        const std::size_t end = words[i + n - 1].end;
        const std::string_view after = trim(line.substr(end));
        std::size_t length = 0;
        if (!caps || !only_spaces(line.substr(0, words[i].start)) ||
            (!after.empty() && word_char_at(after, 0, length) &&
             !(after[0] >= '0' && after[0] <= '9')))
          continue;
      }
      matched = n;
      if (differs)
        for (std::size_t k = 0; k < n; ++k) {
          if (k == garbled) continue;
          const Word& word = words[i + k];
          const std::string_view text = line.substr(word.start, word.end - word.start);
          if (text == phrase.written[k] || text == phrase.upper[k] ||
              exact_form(text) == phrase.exact[k])
            continue;
          edits.push_back(
              {word.start, word.end, caps ? phrase.upper[k] : std::string(phrase.written[k])});
        }
      break;
    }
    i += matched > 0 ? matched : 1;
  }
}

// A letter the engine reads for a digit: I, l for 1; O, o for 0.
char digit_for(char c) {
  if (c >= '0' && c <= '9') return c;
  if (c == 'I' || c == 'l') return '1';
  if (c == 'O' || c == 'o') return '0';
  return 0;
}

// A number of 1..`max` characters, digits and such letters, at least one a digit: its digits.
std::optional<std::string> read_number(std::string_view word, std::size_t max) {
  if (word.empty() || word.size() > max) return std::nullopt;
  std::string digits;
  bool real = false;
  for (const char c : word) {
    const char digit = digit_for(c);
    if (digit == 0) return std::nullopt;
    real = real || c == digit;
    digits.push_back(digit);
  }
  if (!real) return std::nullopt;
  return digits;
}

// A date word ("ngày", "tháng", "năm") in the case the engine gave it.
std::string date_word_in_case(std::string_view word, std::string_view written) {
  if (all_upper(word)) return upper(written);
  if (is_upper(code_point_at(word, 0))) return capitalize_first(written);
  return std::string(written);
}

// "ngày <d> tháng <m> năm <yyyy>" with its words' marks or its digits misread.
void mend_dates(std::string_view line, const std::vector<Word>& words, std::vector<Edit>& edits) {
  static constexpr std::string_view kWords[] = {"ngày", "tháng", "năm"};
  static constexpr std::string_view kFolded[] = {"ngay", "thang", "nam"};
  static constexpr std::size_t kDigits[] = {2, 2, 4};
  for (std::size_t i = 0; i + 6 <= words.size(); ++i) {
    const auto text_of = [&](std::size_t k) {
      return line.substr(words[k].start, words[k].end - words[k].start);
    };
    const std::string_view first = text_of(i);
    if (first.size() < 4 || first.size() > 8 || (first[0] != 'n' && first[0] != 'N') ||
        (first[1] != 'g' && first[1] != 'G'))
      continue;
    bool fits = true;
    std::vector<Edit> frame;
    for (std::size_t k = 0; k < 6 && fits; ++k) {
      if (k > 0 && !only_spaces(line.substr(words[i + k - 1].end,
                                            words[i + k].start - words[i + k - 1].end))) {
        fits = false;
        break;
      }
      const std::string_view text = text_of(i + k);
      if (k % 2 == 0) {
        if (fold(text) != kFolded[k / 2]) {
          fits = false;
        } else if (exact_form(text) != kWords[k / 2]) {
          frame.push_back(
              {words[i + k].start, words[i + k].end, date_word_in_case(text, kWords[k / 2])});
        }
      } else {
        const auto digits = read_number(text, kDigits[k / 2]);
        if (!digits || (k == 5 && digits->size() != 4)) {
          fits = false;
        } else if (*digits != text) {
          frame.push_back({words[i + k].start, words[i + k].end, *digits});
        }
      }
    }
    if (!fits) continue;
    edits.insert(edits.end(), frame.begin(), frame.end());
    i += 5;
  }
}

// "Sô: 12/KH-UBND", "S6: 12/KH-UBND" opening a line: the number label of ô 3, and the leading
// number of the symbol with its digits misread.
void mend_number_label(std::string_view line, const std::vector<Word>& words,
                       std::vector<Edit>& edits) {
  if (words.size() < 2 || !only_spaces(line.substr(0, words[0].start))) return;
  const std::string_view label = line.substr(words[0].start, words[0].end - words[0].start);
  if (label.empty() || label[0] != 'S') return;
  const bool digit_slip = label == "S6" || label == "S0";
  if (!digit_slip && fold(label) != "so") return;
  std::size_t p = words[0].end;
  while (p < line.size() && line[p] == ' ')
    ++p;
  if (p >= line.size() || line[p] != ':') return;
  ++p;
  while (p < line.size() && line[p] == ' ')
    ++p;
  if (p != words[1].start) return;
  const std::string_view number = line.substr(words[1].start, words[1].end - words[1].start);
  const auto digits = read_number(number, 6);
  if (!digits || words[1].end >= line.size() ||
      (line[words[1].end] != '/' && line[words[1].end] != '-'))
    return;
  if (label != "Số" && exact_form(label) != "số")
    edits.push_back({words[0].start, words[0].end, "Số"});
  if (*digits != number) edits.push_back({words[1].start, words[1].end, *digits});
}

// "só 93/2025/QH15", "Sồ 12/KH-UBND": the label "số" before a document's number with the hat of
// its "ố" lost ("ó") or its tone read as another ("ồ", "ỗ", "ộ"). No other word so spelled
// stands before a number with its symbol ("sổ", a register, is left as it is).
void mend_number_word(std::string_view line, const std::vector<Word>& words,
                      std::vector<Edit>& edits) {
  static constexpr std::array<std::string_view, 4> kSlips = {"só", "sồ", "sỗ", "sộ"};
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    const std::string_view word = line.substr(words[i].start, words[i].end - words[i].start);
    if ((word.size() != 3 && word.size() != 4) || (word[0] != 's' && word[0] != 'S')) continue;
    const std::string lowered = exact_form(word);
    if (std::find(kSlips.begin(), kSlips.end(), lowered) == kSlips.end()) continue;
    // The symbol right after it: digits, then its separator ("93/", "12-").
    std::size_t p = words[i].end;
    while (p < line.size() && (line[p] == ' ' || line[p] == ':'))
      ++p;
    if (p != words[i + 1].start) continue;
    std::size_t digits = p;
    while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9')
      ++digits;
    if (digits == p || digits != words[i + 1].end || digits >= line.size() ||
        (line[digits] != '/' && line[digits] != '-'))
      continue;
    edits.push_back({words[i].start, words[i].end, word[0] == 'S' ? "Số" : "số"});
  }
}

// "_ Về việc ...", "CHỦ TỊCH _": a scrap of the rule under a heading or above a signature
// block that the engine read as one underscore standing apart beside the line's words. A longer
// run is a blank to fill in ("Họ và tên: ______", "ngày __ tháng __"), and stays.
void drop_rule_scraps(std::string_view line, const std::vector<Word>& words,
                      std::vector<Edit>& edits) {
  if (words.empty()) return;
  const auto scrap = [](std::string_view piece) { return piece == "_"; };
  std::size_t lead = 0;
  while (lead < words.front().start && (line[lead] == ' ' || line[lead] == '\t'))
    ++lead;
  std::size_t after = lead;
  while (after < words.front().start && line[after] == '_')
    ++after;
  if (scrap(line.substr(lead, after - lead)) && after < words.front().start &&
      only_spaces(line.substr(after, words.front().start - after)))
    edits.push_back({lead, words.front().start, ""});
  std::size_t tail = line.size();
  while (tail > words.back().end &&
         (line[tail - 1] == ' ' || line[tail - 1] == '\t' || line[tail - 1] == '\r'))
    --tail;
  std::size_t before = tail;
  while (before > words.back().end && line[before - 1] == '_')
    --before;
  if (scrap(line.substr(before, tail - before)) && before > words.back().end &&
      only_spaces(line.substr(words.back().end, before - words.back().end)))
    edits.push_back({words.back().end, tail, ""});
}

// A speck of the scan the engine read as a mark standing apart at a line's start or end
// ("` CHO CHU TỊCH", "Kết quả xác định của Hội đồng ˆ", "Công văn số 3432/UBND- '"): a
// backtick, an apostrophe, a circumflex, an acute or a tilde, a "¬", a degree sign alone. No
// word of a document stands so: a quotation's marks close on a word ("“Về ...”").
bool is_speck(std::string_view piece) {
  static constexpr std::string_view kSpecks[] = {"`",
                                                 "'",
                                                 "^",
                                                 "~",
                                                 "\xC2\xB4" /* ´ */,
                                                 "\xCB\x86" /* ˆ */,
                                                 "\xCB\x9C" /* ˜ */,
                                                 "\xC2\xAC" /* ¬ */,
                                                 "\xC2\xB0" /* ° */};
  return std::find(std::begin(kSpecks), std::end(kSpecks), piece) != std::end(kSpecks);
}

void drop_specks(std::string_view line, const std::vector<Word>& words, std::vector<Edit>& edits) {
  if (words.empty()) return;
  const auto piece_before = [&](std::size_t end, std::size_t floor) {
    std::size_t start = end;
    while (start > floor && line[start - 1] != ' ' && line[start - 1] != '\t')
      --start;
    return start;
  };
  // At the start: the first piece, then spaces, then the first word.
  std::size_t lead = 0;
  while (lead < words.front().start && (line[lead] == ' ' || line[lead] == '\t'))
    ++lead;
  std::size_t after = lead;
  while (after < words.front().start && line[after] != ' ' && line[after] != '\t')
    ++after;
  if (after > lead && after < words.front().start &&
      only_spaces(line.substr(after, words.front().start - after)) &&
      is_speck(line.substr(lead, after - lead)))
    edits.push_back({lead, words.front().start, ""});
  // At the end: spaces after the last word's own punctuation, then the speck.
  std::size_t tail = line.size();
  while (tail > words.back().end &&
         (line[tail - 1] == ' ' || line[tail - 1] == '\t' || line[tail - 1] == '\r'))
    --tail;
  const std::size_t start = piece_before(tail, words.back().end);
  if (start > words.back().end && start < tail &&
      (line[start - 1] == ' ' || line[start - 1] == '\t') &&
      is_speck(line.substr(start, tail - start))) {
    std::size_t from = start;
    while (from > words.back().end && (line[from - 1] == ' ' || line[from - 1] == '\t'))
      --from;
    edits.push_back({from, tail, ""});
  }
}

// A scrap of the rule above a post that the engine glued to it ("~__THỨ TRƯỞNG"): a run of one
// to three tildes and underscores, a tilde among them, opening the line right before a
// capital. (One underscore apart is drop_rule_scraps'; a blank to fill in has no tilde.)
void drop_glued_scraps(std::string_view line, const std::vector<Word>& words,
                       std::vector<Edit>& edits) {
  if (words.empty()) return;
  std::size_t lead = 0;
  while (lead < words.front().start && (line[lead] == ' ' || line[lead] == '\t'))
    ++lead;
  const std::string_view run = line.substr(lead, words.front().start - lead);
  if (run.empty() || run.size() > 3 || run.find('~') == std::string_view::npos ||
      run.find_first_not_of("~_") != std::string_view::npos ||
      !is_upper(code_point_at(line, words.front().start)))
    return;
  edits.push_back({lead, words.front().start, ""});
}

// The hat vowels by tone: the engine keeps the hat and the tone and reads the letter under them
// as another hat vowel ("Nơi nhện" for "Nơi nhận").
int hat_tone(char32_t c) {
  static constexpr std::u32string_view kHats[] = {U"âấầẩẫậ", U"êếềểễệ", U"ôốồổỗộ",
                                                  U"ÂẤẦẨẪẬ", U"ÊẾỀỂỄỆ", U"ÔỐỒỔỖỘ"};
  for (std::size_t row = 0; row < std::size(kHats); ++row)
    if (const std::size_t at = kHats[row].find(c); at != std::u32string_view::npos)
      return static_cast<int>((row / 3) * 6 + at);
  return -1;
}

// "Nơi nhện:" opening a line: the label of ô 9b ("Nơi nhận", the recipients of copies) with its
// hat vowel misread, or "Ni nhận:" with the first word's vowel lost. Only that label, at a
// line's start, alone or before its colon (the lost vowel: before its colon only).
void mend_copies_label(std::string_view line, const std::vector<Word>& words,
                       std::vector<Edit>& edits) {
  if (words.size() < 2 || !only_spaces(line.substr(0, words[0].start)) ||
      !only_spaces(line.substr(words[0].end, words[1].start - words[0].end)))
    return;
  const std::string_view first = line.substr(words[0].start, words[0].end - words[0].start);
  const std::string_view second = line.substr(words[1].start, words[1].end - words[1].start);
  const std::string_view rest = trim(line.substr(words[1].end));
  // "Ni nhận:": the engine lost the first word's horned vowel, the label's second word and its
  // colon intact (no phrase of Vietnamese opens "ni nhận:"; "ni" alone is a nun's title).
  if ((first == "Ni" && second == "nhận") || (first == "NI" && second == "NHẬN")) {
    if (!rest.empty() && rest.front() == ':')
      edits.push_back({words[0].start, words[0].end, first == "NI" ? "NƠI" : "Nơi"});
    return;
  }
  const bool caps = first == "NƠI";
  if (!caps && first != "Nơi") return;
  const std::string_view want = caps ? "NHẬN" : "nhận";
  if (second == want || (!rest.empty() && rest.front() != ':')) return;
  std::size_t a = 0;
  std::size_t b = 0;
  bool differs = false;
  while (a < second.size() && b < want.size()) {
    std::size_t la = 0;
    std::size_t lb = 0;
    const char32_t ca = code_point_at(second, a, &la);
    const char32_t cb = code_point_at(want, b, &lb);
    if (ca != cb) {
      if (hat_tone(ca) < 0 || hat_tone(ca) != hat_tone(cb)) return;
      differs = true;
    }
    a += la;
    b += lb;
  }
  if (differs && a == second.size() && b == want.size())
    edits.push_back({words[1].start, words[1].end, std::string(want)});
}

// The provinces and centrally run cities (tables.hpp province_names()) as phrases, by the folded
// first word; longest names first.
const std::unordered_map<std::string, std::vector<Phrase>, KeyHash, std::equal_to<>>&
provinces_by_first_word() {
  static const auto table = [] {
    std::unordered_map<std::string, std::vector<Phrase>, KeyHash, std::equal_to<>> out;
    for (std::string_view name : province_names()) {
      Phrase province;
      for (const Word& word : words_of(name)) {
        const std::string_view text = name.substr(word.start, word.end - word.start);
        province.written.emplace_back(text);
        province.folded.push_back(fold(text));
        province.exact.push_back(exact_form(text));
        province.upper.push_back(upper(text));
      }
      out[province.folded.front()].push_back(std::move(province));
    }
    for (auto& [first, list] : out)
      std::sort(list.begin(), list.end(), [](const Phrase& a, const Phrase& b) {
        return a.written.size() > b.written.size();
      });
    return out;
  }();
  return table;
}

bool only_spaces_and_dashes(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '-'; });
}

std::string folded_word(std::string_view line, const Word& word) {
  return fold(line.substr(word.start, word.end - word.start));
}

// A province's name where only a province's can stand, with its marks misread ("THÀNH PHÓ HÒ
// CHÍ MINH", "UBND TỈNH QUÁNG NGÃI", "Thành phố Hô Chí Minh, ngày ..."): after the level word
// "tỉnh", "thành phố" or "TP". Its letters without marks must be the name's, its case the
// name's or all capitals. Not elsewhere: a district may share a province's letters ("Phù Yên"
// of Sơn La, "Quang Bình" of Hà Giang), but only a province follows "tỉnh".
void mend_province_names(std::string_view line, const std::vector<Word>& words,
                         std::vector<Edit>& edits) {
  const auto gap_before = [&](std::size_t k) {
    return line.substr(words[k - 1].end, words[k].start - words[k - 1].end);
  };
  // The word's letters without marks, without allocating ("" when it has none of Vietnamese's).
  std::array<char, 16> buffer{};
  const auto folded_is = [&](std::size_t k, std::string_view want) {
    std::size_t size = 0;
    return fold_word(line.substr(words[k].start, words[k].end - words[k].start), buffer, size) &&
           std::string_view(buffer.data(), size) == want;
  };
  const auto& table = provinces_by_first_word();
  for (std::size_t i = 1; i < words.size(); ++i) {
    // The level first, and its first letter and length before its letters: the cheap tests
    // most words fail ("tỉnh", "phố" and their misreadings are at most 7 bytes, "TP" two).
    const Word& previous = words[i - 1];
    const char initial = static_cast<char>(line[previous.start] | 0x20);
    if ((initial != 't' && initial != 'p') || previous.end - previous.start > 7) continue;
    const bool after_level = (gap_before(i) == " " || gap_before(i) == ". ") &&
                             (folded_is(i - 1, "tinh") || folded_is(i - 1, "tp") ||
                              (i >= 2 && folded_is(i - 1, "pho") && gap_before(i - 1) == " " &&
                               folded_is(i - 2, "thanh")));
    if (!after_level) continue;
    const auto candidates = table.find(folded_word(line, words[i]));
    if (candidates == table.end()) continue;
    for (const Phrase& province : candidates->second) {
      const std::size_t n = province.written.size();
      if (i + n > words.size()) continue;
      bool fits = true;
      for (std::size_t k = 1; k < n && fits; ++k)
        fits = only_spaces_and_dashes(gap_before(i + k)) &&
               folded_word(line, words[i + k]) == province.folded[k];
      if (!fits) continue;
      bool caps = true;
      bool same_case = true;
      for (std::size_t k = 0; k < n; ++k) {
        const std::string_view text =
            line.substr(words[i + k].start, words[i + k].end - words[i + k].start);
        caps = caps && all_upper(text);
        same_case = same_case && same_case_pattern(text, province.written[k]);
      }
      if (!caps && !same_case) break;
      // The level word itself with a misread tone ("TĨNH KHANH HÒA", "tình Quảng Ngãi"): no
      // word of those letters but "tỉnh" stands before a province's name (the province "Hà
      // Tĩnh" aside).
      if (folded_is(i - 1, "tinh") && !(i >= 2 && folded_is(i - 2, "ha"))) {
        const std::string_view level = line.substr(previous.start, previous.end - previous.start);
        if (exact_form(level) != "tỉnh")
          edits.push_back({previous.start, previous.end,
                           all_upper(level)                    ? std::string("TỈNH")
                           : is_upper(code_point_at(level, 0)) ? std::string("Tỉnh")
                                                               : std::string("tỉnh")});
      }
      for (std::size_t k = 0; k < n; ++k) {
        const std::string_view text =
            line.substr(words[i + k].start, words[i + k].end - words[i + k].start);
        if (exact_form(text) != province.exact[k])
          edits.push_back({words[i + k].start, words[i + k].end,
                           caps ? province.upper[k] : province.written[k]});
      }
      i += n - 1;
      break;
    }
  }
}

constexpr std::size_t kLongestScannedLine = 320;

}  // namespace

std::optional<std::string> mend_recognition_slips(std::string_view text) {
  std::vector<Edit> edits;
  std::vector<Word> words;
  std::vector<Edit> line_edits;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    // A page-wide line of Vietnamese is about 130 bytes, and an engine's lines are the page's:
    // a longer line is a paragraph some converter joined, not a scan's.
    if (line.size() > kLongestScannedLine) {
      start = end + 1;
      continue;
    }
    words_of(line, words);
    line_edits.clear();
    mend_phrases(line, words, line_edits);
    mend_province_names(line, words, line_edits);
    mend_dates(line, words, line_edits);
    mend_number_label(line, words, line_edits);
    mend_number_word(line, words, line_edits);
    drop_rule_scraps(line, words, line_edits);
    drop_specks(line, words, line_edits);
    drop_glued_scraps(line, words, line_edits);
    mend_copies_label(line, words, line_edits);
    std::sort(line_edits.begin(), line_edits.end(),
              [](const Edit& a, const Edit& b) { return a.start < b.start; });
    std::size_t last = 0;
    for (Edit& edit : line_edits) {
      if (edit.start < last) continue;  // overlapping: the first one stands
      last = edit.end;
      edit.start += start;
      edit.end += start;
      edits.push_back(std::move(edit));
    }
    start = end + 1;
  }
  if (edits.empty()) return std::nullopt;
  std::string out;
  out.reserve(text.size() + 16);
  std::size_t pos = 0;
  for (const Edit& edit : edits) {
    out.append(text.substr(pos, edit.start - pos));
    out += edit.text;
    pos = edit.end;
  }
  out.append(text.substr(pos));
  return out;
}

}  // namespace vanban::analyzers::structure
