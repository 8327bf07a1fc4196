#include "accent_restoration.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <map>
#include <optional>
#include <set>
#include <string_view>

#include "vanban/analyzers/fold.hpp"

#include "asker_words.hpp"
#include "definition_question.hpp"
#include "document_spellings.hpp"
#include "frame_words.hpp"
#include "function_words.hpp"
#include "schema.hpp"

namespace vanban::archive {
namespace {

// A Vietnamese syllable has at most three vowels and seven letters ("nghiêng", "khuỷu").
constexpr std::size_t kMaxVowels = 3;
constexpr std::size_t kMaxLetters = 7;

// Each vowel with its five tones (huyền, sắc, hỏi, ngã, nặng).
struct TonedVowel {
  std::string_view plain;
  std::array<std::string_view, 5> toned;
};
constexpr TonedVowel kVowels[] = {
    {"a", {"à", "á", "ả", "ã", "ạ"}}, {"ă", {"ằ", "ắ", "ẳ", "ẵ", "ặ"}},
    {"â", {"ầ", "ấ", "ẩ", "ẫ", "ậ"}}, {"e", {"è", "é", "ẻ", "ẽ", "ẹ"}},
    {"ê", {"ề", "ế", "ể", "ễ", "ệ"}}, {"i", {"ì", "í", "ỉ", "ĩ", "ị"}},
    {"o", {"ò", "ó", "ỏ", "õ", "ọ"}}, {"ô", {"ồ", "ố", "ổ", "ỗ", "ộ"}},
    {"ơ", {"ờ", "ớ", "ở", "ỡ", "ợ"}}, {"u", {"ù", "ú", "ủ", "ũ", "ụ"}},
    {"ư", {"ừ", "ứ", "ử", "ữ", "ự"}}, {"y", {"ỳ", "ý", "ỷ", "ỹ", "ỵ"}},
};

const TonedVowel* vowel(std::string_view letter) {
  for (const TonedVowel& v : kVowels)
    if (v.plain == letter) return &v;
  return nullptr;
}

// The letters a folded letter stands for, without a tone.
std::vector<std::string> letters_of(char c) {
  switch (c) {
    case 'a':
      return {"a", "ă", "â"};
    case 'e':
      return {"e", "ê"};
    case 'o':
      return {"o", "ô", "ơ"};
    case 'u':
      return {"u", "ư"};
    case 'd':
      return {"d", "đ"};
    default:
      return {std::string(1, c)};
  }
}

// Every spelling of `folded` with marks and one tone, in exact form (canonical tone place).
std::set<std::string> spellings(const std::string& folded) {
  std::set<std::string> out;
  if (folded.empty() || folded.size() > kMaxLetters) return out;
  std::vector<std::vector<std::string>> options;
  std::size_t vowels = 0;
  for (const char c : folded) {
    if (c < 'a' || c > 'z') return out;
    std::vector<std::string> letters = letters_of(c);
    vowels += vowel(letters.front()) != nullptr;
    options.push_back(std::move(letters));
  }
  if (vowels == 0 || vowels > kMaxVowels) return out;
  std::vector<std::vector<std::string>> parts{{}};  // every choice of marks, letter by letter
  for (const auto& letters : options) {
    std::vector<std::vector<std::string>> next;
    for (const auto& prefix : parts) {
      for (const std::string& letter : letters) {
        next.push_back(prefix);
        next.back().push_back(letter);
      }
    }
    parts.swap(next);
  }
  for (const auto& letters : parts) {
    std::string plain;
    for (const std::string& letter : letters)
      plain += letter;
    out.insert(analyzers::exact_form(plain));
    for (std::size_t at = 0; at < letters.size(); ++at) {
      const TonedVowel* v = vowel(letters[at]);
      if (!v) continue;
      for (const std::string_view toned : v->toned) {
        std::string spelled;
        for (std::size_t i = 0; i < letters.size(); ++i)
          spelled += i == at ? std::string(toned) : letters[i];
        out.insert(analyzers::exact_form(spelled));
      }
    }
  }
  return out;
}

std::vector<Xapian::termpos> positions(const Xapian::Database& database, Xapian::docid document,
                                       const std::string& term) {
  std::vector<Xapian::termpos> out;
  for (auto it = database.positionlist_begin(document, term);
       it != database.positionlist_end(document, term); ++it)
    out.push_back(*it);
  return out;
}

bool holds(const std::vector<Xapian::termpos>& sorted, Xapian::termpos position) {
  return std::binary_search(sorted.begin(), sorted.end(), position);
}

// The interrogative frames of Vietnamese questions (đại từ nghi vấn and the words they stand
// with), spelled by the grammar: a law states and never asks, so the archive's text never
// spells them ("bao nhieu" is not "bảo nhiều" because laws say "bảo đảm" and "nhiều lần").
// Closed-class words, as function_words.cpp lists them; only runs that fold to one spelling.
constexpr std::array<std::array<std::string_view, 3>, 19> kQuestionFrames = {{
    {"bao", "nhiêu", ""}, {"bao", "lâu", ""},    {"bao", "giờ", ""},    {"như", "thế", "nào"},
    {"thế", "nào", ""},   {"ra", "sao", ""},     {"tại", "sao", ""},    {"vì", "sao", ""},
    {"làm", "sao", ""},   {"thì", "sao", ""},    {"là", "gì", ""},      {"làm", "gì", ""},
    {"những", "gì", ""},  {"khi", "nào", ""},    {"ở", "đâu", ""},      {"được", "không", ""},
    {"hay", "không", ""}, {"phải", "không", ""}, {"đúng", "không", ""},
}};

// The frames spelled both ways, once (frame_words.hpp).
const std::vector<SpelledFrame>& question_frames() {
  static const std::vector<SpelledFrame> spelled = spell_frames(kQuestionFrames);
  return spelled;
}

// Whether the frame at `start` ends in the copy's "sao" ("làm sao y bản chính", "sao lục",
// "sao chép", "sao kê"): then it asks nothing.
bool copied_after(const std::vector<query::Word>& words, std::size_t start,
                  const SpelledFrame& frame) {
  static const std::vector<FrameWord> copying = spelled_words({"y", "lục", "chép", "kê"});
  const std::size_t end = start + frame.size();
  return frame.back().folded == "sao" && end < words.size() && typed_as_any(words[end], copying);
}

// Whether the words from `start` make `frame`, each typed without diacritics (what the
// restoration spells).
bool unaccented_frame_at(const std::vector<query::Word>& words, const SpelledFrame& frame,
                         std::size_t start) {
  if (start + frame.size() > words.size()) return false;
  for (std::size_t k = 0; k < frame.size(); ++k) {
    const query::Word& word = words[start + k];
    if (word.accented() || word.folded != frame[k].folded) return false;
  }
  return true;
}

// Spells the words of `words` that make a question frame (typed without diacritics) as the
// frame does; returns which words it spelled.
std::vector<bool> spell_question_frames(std::vector<query::Word>& words) {
  std::vector<bool> spelled(words.size(), false);
  for (const SpelledFrame& frame : question_frames()) {
    const std::size_t length = frame.size();
    for (std::size_t start = 0; start + length <= words.size(); ++start) {
      const auto first = spelled.begin() + static_cast<std::ptrdiff_t>(start);
      if (!unaccented_frame_at(words, frame, start) || copied_after(words, start, frame) ||
          std::any_of(first, first + static_cast<std::ptrdiff_t>(length), [](bool s) { return s; }))
        continue;
      for (std::size_t k = 0; k < length; ++k) {
        query::Word& word = words[start + k];
        spelled[start + k] = true;
        const std::string& spelling = frame[k].exact;
        if (spelling == word.exact) continue;
        word.suggested = spelling;
      }
    }
  }
  return spelled;
}

}  // namespace

std::vector<bool> question_frame_words(const std::vector<query::Word>& words) {
  std::vector<bool> framed(words.size(), false);
  for (const SpelledFrame& frame : question_frames())
    for (std::size_t start = 0; start < words.size(); ++start)
      if (frame_at(words, start, frame) && !copied_after(words, start, frame))
        for (std::size_t k = 0; k < frame.size(); ++k)
          framed[start + k] = true;
  return framed;
}

namespace {

// The interrogative words of Vietnamese questions (đại từ nghi vấn): each stands where the
// answer will, so the text answering the question states something else in its place ("Tòa án
// nhân dân có quyền …" for "Đơn vị nào có quyền …"). In a law they are rare and mean something
// else: "gì" of "không có gì ngăn cản" (4 articles of 1,377 in the ALQAC laws), "thế" of "thế
// chấp", "bao" of "bao gồm", "ai" of a few articles. Weighed as words, they put those texts first.
// A run of a frame gives its interrogative part from `from` ("là gì": "gì"; "như thế nào": "thế
// nào"); the words before it are the asker's sentence ("là", "khi", "ở", "làm").
struct InterrogativeRun {
  std::array<std::string_view, 3> words;
  std::size_t from;
};
constexpr std::array<InterrogativeRun, 14> kInterrogativeRuns = {{
    {{"bao", "nhiêu", ""}, 0},
    {{"bao", "lâu", ""}, 0},
    {{"bao", "giờ", ""}, 0},
    {{"thế", "nào", ""}, 0},
    {{"ra", "sao", ""}, 1},
    {{"tại", "sao", ""}, 1},
    {{"vì", "sao", ""}, 1},
    {{"làm", "sao", ""}, 1},
    {{"thì", "sao", ""}, 1},
    {{"là", "gì", ""}, 1},
    {{"làm", "gì", ""}, 1},
    {{"những", "gì", ""}, 1},
    {{"khi", "nào", ""}, 1},
    {{"ở", "đâu", ""}, 1},
}};
// The pronouns that are interrogative wherever a question holds them. Typed without diacritics,
// only those whose folded form no common word of the language shares (gì, nào, ai): "dau" is
// also đầu, dấu, "may" máy, "sao" sao (sao y bản chính).
struct Pronoun {
  std::string_view word;
  bool unaccented;  // read so typed without diacritics too
};
constexpr std::array<Pronoun, 5> kInterrogativePronouns = {{
    {"gì", true},
    {"nào", true},
    {"ai", true},
    {"đâu", false},
    {"mấy", false},
}};

}  // namespace

std::vector<bool> interrogative_words(const std::vector<query::Word>& words) {
  struct Spelled {
    std::vector<SpelledFrame> runs;
    std::vector<std::size_t> from;
    std::vector<std::pair<FrameWord, bool>> pronouns;
  };
  static const Spelled spelled = [] {
    Spelled out;
    std::array<std::array<std::string_view, 3>, kInterrogativeRuns.size()> table{};
    for (std::size_t i = 0; i < kInterrogativeRuns.size(); ++i) {
      table[i] = kInterrogativeRuns[i].words;
      out.from.push_back(kInterrogativeRuns[i].from);
    }
    out.runs = spell_frames(table);
    for (const Pronoun& pronoun : kInterrogativePronouns)
      out.pronouns.push_back({{analyzers::exact_form(pronoun.word), analyzers::fold(pronoun.word)},
                              pronoun.unaccented});
    return out;
  }();
  std::vector<bool> out(words.size(), false);
  for (std::size_t r = 0; r < spelled.runs.size(); ++r)
    for (std::size_t start = 0; start < words.size(); ++start)
      if (frame_at(words, start, spelled.runs[r]) && !copied_after(words, start, spelled.runs[r]))
        for (std::size_t k = spelled.from[r]; k < spelled.runs[r].size(); ++k)
          out[start + k] = true;
  for (std::size_t i = 0; i < words.size(); ++i)
    for (const auto& [pronoun, unaccented] : spelled.pronouns)
      if (words[i].accented() ? words[i].exact == pronoun.exact
                              : unaccented && words[i].folded == pronoun.folded)
        out[i] = true;
  // The pronouns where the grammar puts them typed without diacritics too ("vào đâu", "mấy
  // loại"), a request's words, an alternative's "hay" (asker_words.hpp).
  const std::vector<const FrameWord*> asker = asker_words(words);
  for (std::size_t i = 0; i < words.size(); ++i)
    out[i] = out[i] || asker[i] != nullptr;
  return out;
}

namespace {

// Whether `words` hold a question frame, typed either way (typed_as()).
bool holds_question_frame(const std::vector<query::Word>& words) {
  const std::vector<bool> framed = question_frame_words(words);
  return std::find(framed.begin(), framed.end(), true) != framed.end();
}

using PairVotes = std::map<std::pair<std::string, std::string>, std::size_t>;

// The first `sample` documents (in index order) holding the positional terms `left` and `right`
// side by side, in that order.
std::vector<Xapian::docid> holding_side_by_side(const Xapian::Database& database,
                                                const std::string& left, const std::string& right,
                                                Xapian::doccount sample) {
  std::vector<Xapian::docid> out;
  if (database.get_termfreq(left) == 0 || database.get_termfreq(right) == 0) return out;
  Xapian::Enquire enquire(database);
  const std::array<std::string, 2> pair{left, right};
  enquire.set_query(Xapian::Query(Xapian::Query::OP_PHRASE, pair.begin(), pair.end(), 2));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  const Xapian::MSet documents = enquire.get_mset(0, sample);
  for (auto it = documents.begin(); it != documents.end(); ++it)
    out.push_back(*it);
  return out;
}

// Titles read per pair of neighbours for their spelling of it: a sample, in index order.
constexpr Xapian::doccount kTitleSample = 20;

// Counts in `title_votes[i]` the forms the archive's titles give the box's neighbours i and
// i + 1 where they hold them side by side (up to kTitleSample titles per pair, in index order).
void vote_titles(const Xapian::Database& database, const std::vector<query::Word>& words,
                 const std::vector<std::vector<std::string>>& forms,
                 std::vector<PairVotes>& title_votes) {
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    if (forms[i].empty() || forms[i + 1].empty()) continue;
    const std::string left_term = schema::term(schema::kTitleFolded, words[i].folded);
    const std::string right_term = schema::term(schema::kTitleFolded, words[i + 1].folded);
    for (const Xapian::docid document :
         holding_side_by_side(database, left_term, right_term, kTitleSample)) {
      const std::vector<Xapian::termpos> left = positions(database, document, left_term);
      const std::vector<Xapian::termpos> right = positions(database, document, right_term);
      // Each form's title positions, read once per document (not once per occurrence), and only
      // when a pair's side reaches it: the forms are tried in their order and the first that
      // holds the position is the vote, so the forms after it are not read for it.
      std::array<std::vector<std::optional<std::vector<Xapian::termpos>>>, 2> spelled{
          std::vector<std::optional<std::vector<Xapian::termpos>>>(forms[i].size()),
          std::vector<std::optional<std::vector<Xapian::termpos>>>(forms[i + 1].size())};
      const auto form_at = [&](std::size_t side, Xapian::termpos position) -> const std::string* {
        const std::vector<std::string>& side_forms = forms[i + side];
        for (std::size_t f = 0; f < side_forms.size(); ++f) {
          std::optional<std::vector<Xapian::termpos>>& read = spelled[side][f];
          if (!read)
            read = positions(database, document, schema::term(schema::kTitleExact, side_forms[f]));
          if (holds(*read, position)) return &side_forms[f];
        }
        return nullptr;
      };
      for (const Xapian::termpos at : left) {
        if (!holds(right, at + 1)) continue;
        const std::string* left_form = form_at(0, at);
        const std::string* right_form = form_at(1, at + 1);
        if (left_form != nullptr && right_form != nullptr)
          ++title_votes[i][{*left_form, *right_form}];
      }
    }
  }
}

// Spells the neighbours the archive's titles hold side by side as the titles spell them,
// the pairs most often seen first; returns which words it spelled. A title names its topic in
// whole words, where running text spells many pairs that straddle two words: "hướng dẫn văn
// bản" puts "dẫn văn" beside each other in every body that "dan van" (dân vận) is typed against.
// A pair whose two most frequent spellings tie is left to the votes of the text.
std::vector<bool> restore_from_titles(const std::vector<PairVotes>& title_votes,
                                      std::vector<query::Word>& words) {
  struct Choice {
    std::size_t left = 0;
    std::size_t count = 0;
    std::pair<std::string, std::string> forms;
  };
  std::vector<Choice> choices;
  for (std::size_t i = 0; i < title_votes.size(); ++i) {
    std::size_t best = 0, second = 0;
    const std::pair<std::string, std::string>* forms = nullptr;
    for (const auto& [spelled, count] : title_votes[i]) {
      if (count > best) {
        second = best;
        best = count;
        forms = &spelled;
      } else {
        second = std::max(second, count);
      }
    }
    // A function word, as spelled, makes no compound with its neighbour: "và quản" is frequent
    // in titles because "và" is ("... và quản lý"), and would spell "va quan he" as "và quản hệ".
    // Such a pair says nothing of the box; the text's votes decide its words. (The exact form
    // alone: "van" may fold from vẫn, and is văn in "dân vận".)
    const auto function_word = [](const std::string& form) {
      return is_function_word(form, std::string_view());
    };
    if (forms != nullptr && best > second && !function_word(forms->first) &&
        !function_word(forms->second))
      choices.push_back({i, best, *forms});
  }
  std::stable_sort(choices.begin(), choices.end(),
                   [](const Choice& a, const Choice& b) { return a.count > b.count; });
  std::vector<bool> spelled(words.size(), false);
  std::vector<std::string> chosen(words.size());
  for (const Choice& choice : choices) {
    const std::size_t right = choice.left + 1;
    const bool left_free = !spelled[choice.left] || chosen[choice.left] == choice.forms.first;
    const bool right_free = !spelled[right] || chosen[right] == choice.forms.second;
    if (!left_free || !right_free) continue;
    for (const auto& [word, form] :
         {std::pair{choice.left, &choice.forms.first}, std::pair{right, &choice.forms.second}}) {
      spelled[word] = true;
      chosen[word] = *form;
      if (*form == words[word].exact) continue;
      words[word].suggested = *form;
      words[word].restored = *form;
    }
  }
  return spelled;
}

// Texts read per pair of neighbours for their spelling of it where the best documents give a
// word no context: a sample, in index order, as for the titles.
constexpr Xapian::doccount kTextSample = 20;

// Counts in `archive_votes[i]` the forms the archive's texts give word i where it stands side
// by side with a neighbour of the box (up to kTextSample texts per pair of neighbours, in index
// order), for the words `wanted` only (those the best documents hold beside no neighbour).
void vote_archive(const Xapian::Database& database, const std::vector<query::Word>& words,
                  const std::vector<std::vector<std::string>>& forms,
                  const std::vector<bool>& wanted,
                  std::vector<std::map<std::string, std::size_t>>& archive_votes) {
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    const bool left_wanted = wanted[i] && !forms[i].empty();
    const bool right_wanted = wanted[i + 1] && !forms[i + 1].empty();
    if (!left_wanted && !right_wanted) continue;
    const std::string left_term = schema::term(schema::kFolded, words[i].folded);
    const std::string right_term = schema::term(schema::kFolded, words[i + 1].folded);
    for (const Xapian::docid docid :
         holding_side_by_side(database, left_term, right_term, kTextSample)) {
      const DocumentSpellings document(database, docid);
      const std::vector<Xapian::termpos> left = document.folded_positions(words[i].folded);
      const std::vector<Xapian::termpos> right = document.folded_positions(words[i + 1].folded);
      std::vector<Xapian::termpos> at;  // the left word's positions in the pair
      for (const Xapian::termpos position : left)
        if (holds(right, position + 1)) at.push_back(position);
      const auto count = [&](std::size_t word, const std::vector<Xapian::termpos>& all,
                             Xapian::termpos shift) {
        const std::vector<std::vector<Xapian::termpos>> spelled =
            document.spelled(forms[word], all);
        for (const Xapian::termpos position : at)
          for (std::size_t f = 0; f < forms[word].size(); ++f)
            if (holds(spelled[f], position + shift)) ++archive_votes[word][forms[word][f]];
      };
      if (left_wanted) count(i, left, 0);
      if (right_wanted) count(i + 1, right, 1);
    }
  }
}

// Whether `words` ask by the asker's words: a pronoun where the grammar puts one, a request, an
// alternative (asker_words.hpp).
bool asks_by_words(const std::vector<query::Word>& words) {
  const std::vector<const FrameWord*> asker = asker_words(words);
  return std::any_of(asker.begin(), asker.end(), [](const FrameWord* word) { return word; });
}

// Whether `words` make the yes-or-no question of Vietnamese: không or chưa closing the group
// after the verb of what is asked ("có ... không", "được ... không", "phải ... không", "đã ...
// chưa"), typed either way (typed_as()): "co duoc thue nha khong", "nghi dinh da het hieu luc
// chua". The adjacent frames ("được không", "hay không") are kQuestionFrames'; here words stand
// between. After a verb other than có (whose rule is main's since session 20), a noun ending in
// không is no close ("được cấp phép cảng hàng không", "phòng không", "bằng không": zero); typed
// without diacritics, neither are chưa's homographs ("hồ chứa", "sửa chữa", "chùa").
bool asks_yes_or_no(const std::vector<query::Word>& words) {
  static const FrameWord no{analyzers::exact_form("không"), analyzers::fold("không")};
  static const FrameWord not_yet{analyzers::exact_form("chưa"), analyzers::fold("chưa")};
  // The verbs a yes-or-no question turns on (có, được, phải, cần, bị, nên, đã: the asker's
  // modal); "chưa" asks whether something has happened (đã, có).
  static const std::vector<FrameWord> asking_yes = spelled_words({"có"});
  static const std::vector<FrameWord> asking_no =
      spelled_words({"được", "phải", "cần", "bị", "nên", "đã"});
  static const std::vector<FrameWord> asking_not_yet = spelled_words({"có", "đã"});
  // Nouns ending in không (aviation, air defence, zero, vacuum, space, the digit).
  static const std::vector<FrameWord> noun_no =
      spelled_words({"hàng", "phòng", "bằng", "chân", "khoảng", "số"});
  // Unaccented "chua" is also chứa, chữa, chùa: hồ chứa, bể chứa, kho chứa, sửa chữa, cứu chữa,
  // khám chữa, ngôi chùa, đình chùa.
  static const std::vector<FrameWord> noun_not_yet =
      spelled_words({"hồ", "bể", "kho", "sửa", "cứu", "khám", "ngôi", "đình"});
  if (words.size() < 3) return false;
  const query::Word& last = words.back();
  const query::Word& before = words[words.size() - 2];
  const auto asked_by = [&](const std::vector<FrameWord>& verbs) {
    return std::any_of(words.begin(), words.end() - 2,
                       [&](const query::Word& word) { return typed_as_any(word, verbs); });
  };
  // "có ... không" asks whatever stands before không (main's rule, session 20: "có được trả lại
  // hàng không" asks); after the other verbs a noun ending in không is no close.
  if (typed_as(last, no))
    return asked_by(asking_yes) || (!typed_as_any(before, noun_no) && asked_by(asking_no));
  if (typed_as(last, not_yet))
    return (last.accented() || !typed_as_any(before, noun_not_yet)) && asked_by(asking_not_yet);
  return false;
}

// One group of words typed together: each unaccented word's votes, counted in `documents`.
void restore_group(const Xapian::Database& database, const std::vector<Xapian::docid>& documents,
                   std::vector<query::Word>& words) {
  std::vector<bool> framed = spell_question_frames(words);
  // The asker's words (asker_words.hpp) are the grammar's, spelled as a frame's are ("vao dau":
  // đâu, not the đầu of "đầu tư"; "hay cho biet": hãy).
  const std::vector<const FrameWord*> asker = asker_words(words);
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (asker[i] == nullptr || framed[i]) continue;
    framed[i] = true;
    if (!words[i].accented() && asker[i]->exact != words[i].exact)
      words[i].suggested = asker[i]->exact;
  }
  // A question's modal verb typed without diacritics ("can", "nen", "phai") before what it
  // governs in the question ("can phai", "can nhung giay to gi", "nen lam gi", "phai co") is
  // the modal (cần, nên, phải): căn, cán, can, nền, phái stand in compounds with other partners
  // (căn cứ, cán bộ, can thiệp, nền kinh tế). The best documents' votes may come from the
  // neighbour on the other side ("người sử dụng lao động căn cứ vào"), not from the question.
  if (holds_question_frame(words) || asks_yes_or_no(words) || asks_by_words(words)) {
    static const std::vector<FrameWord> modals = spelled_words({"cần", "nên", "phải"});
    static const std::vector<FrameWord> governed = spelled_words(
        {"phải", "có", "được", "những", "các", "gì", "làm", "bao", "mấy", "đến", "tới", "thêm"});
    // "có can ... không", "không can": the verb asked is cần unless "can" stands in a compound
    // of căn, cán, can, cân, cạn, cản, cấn with the word after it.
    static const std::vector<FrameWord> asking = spelled_words({"có", "không"});
    static const std::vector<FrameWord> compound_after = spelled_words(
        {"cứ",     "hộ",    "nhà",  "phòng", "cước", "bản",  "nguyên", "bộ",   "sự",
         "cân",    "thiệp", "ngăn", "dự",    "hệ",   "tội",  "án",     "phạm", "đảm",
         "trường", "bằng",  "đối",  "nhắc",  "đo",   "nặng", "kiệt",   "trở",  "trừ"});
    const auto modal_here = [&](std::size_t i) {
      if (typed_as_any(words[i + 1], governed)) return true;
      return words[i].folded == modals.front().folded && i > 0 &&
             typed_as_any(words[i - 1], asking) && !typed_as_any(words[i + 1], compound_after);
    };
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
      if (words[i].accented() || framed[i] || !modal_here(i)) continue;
      for (const FrameWord& modal : modals) {
        if (words[i].folded != modal.folded || modal.folded == words[i + 1].folded) continue;
        framed[i] = true;
        if (modal.exact != words[i].exact) words[i].suggested = words[i].restored = modal.exact;
      }
    }
  }
  std::vector<std::vector<std::string>> forms(words.size());
  bool any = false;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i].accented() || framed[i]) continue;
    forms[i] = accented_forms(database, words[i].folded);
    any = any || !forms[i].empty();
  }
  if (!any) return;
  // Per word, per form: occurrences between both neighbours of the box, beside one of them, and
  // anywhere (counts: the documents are read in ascending docid order, each form's postings
  // walked once across them).
  struct Votes {
    std::size_t between = 0;
    std::size_t beside = 0;
    std::size_t anywhere = 0;
  };
  std::vector<std::map<std::string, Votes>> votes(words.size());
  std::vector<Xapian::docid> ascending = documents;
  std::sort(ascending.begin(), ascending.end());
  std::vector<std::optional<SpellingsAcross>> across(words.size());
  for (std::size_t i = 0; i < words.size(); ++i)
    if (!forms[i].empty()) across[i].emplace(database, words[i].folded, forms[i]);
  // Per pair of neighbours in the box (i, i + 1), per pair of forms: the titles that spell them
  // side by side.
  std::vector<PairVotes> title_votes(words.size());
  vote_titles(database, words, forms, title_votes);
  for (const Xapian::docid document : ascending) {
    std::vector<std::vector<Xapian::termpos>> folded(words.size());
    for (std::size_t i = 0; i < words.size(); ++i)
      folded[i] = positions(database, document, schema::term(schema::kFolded, words[i].folded));
    // The exact forms' positions: a word the document spells one way has none of its own
    // (SCHEMA.md), it stands wherever its folded form does.
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (forms[i].empty()) continue;
      const std::vector<std::vector<Xapian::termpos>> spelled =
          across[i]->spelled(document, folded[i]);
      for (std::size_t f = 0; f < forms[i].size(); ++f) {
        const std::string& form = forms[i][f];
        for (const Xapian::termpos at : spelled[f]) {
          const bool left = i > 0 && at > 0 && holds(folded[i - 1], at - 1);
          const bool right = i + 1 < words.size() && holds(folded[i + 1], at + 1);
          Votes& vote = votes[i][form];
          vote.between += left && right;
          vote.beside += left || right;
          ++vote.anywhere;
        }
      }
    }
  }
  // A word beside others in the box ranks as the text spells it beside them, or as typed:
  // where no spelling of it stands beside its neighbours in the best documents, the one most
  // frequent elsewhere in them says nothing of this box ("bao nhieu" of a question is not
  // "bảo" because the answers say "bảo đảm" and "bảo vệ"), and a wrong spelling weighed as typed
  // gives its weight to the documents holding it. It is still offered (`suggested`): the user
  // judges an offer. A word alone in its group has no neighbour: the best documents' most
  // frequent spelling of it is the evidence there is. The strongest context first: a spelling
  // standing between both neighbours of the box ("tội lạm quyền") outweighs one standing beside
  // one of them, however often ("tội làm chết người" is the common phrase of a criminal code).
  const bool has_neighbours = words.size() > 1;
  const std::vector<bool> titled = restore_from_titles(title_votes, words);
  const auto beside_any = [&](std::size_t i) {
    return std::any_of(votes[i].begin(), votes[i].end(),
                       [](const auto& vote) { return vote.second.beside > 0; });
  };
  // A word the best documents hold beside no neighbour of the box: they are not about what the
  // box says in its words (a question describes a situation: "doi lai nha cua khi da tang cho
  // con"), and their most frequent spelling of it is their own vocabulary's (đổi, của, tăng),
  // not the box's. The archive's texts holding the word beside a neighbour of the box are its
  // context there ("tặng cho", "đòi lại"): the spelling they give it ranks, as one beside a
  // neighbour in the best documents would.
  std::vector<bool> without_context(words.size(), false);
  bool any_without = false;
  for (std::size_t i = 0; has_neighbours && i < words.size(); ++i) {
    without_context[i] = !forms[i].empty() && !titled[i] && !beside_any(i);
    any_without = any_without || without_context[i];
  }
  std::vector<std::map<std::string, std::size_t>> archive_votes(words.size());
  if (any_without) vote_archive(database, words, forms, without_context, archive_votes);
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (titled[i]) continue;
    if (without_context[i] && !archive_votes[i].empty()) {
      const auto best = std::max_element(
          archive_votes[i].begin(), archive_votes[i].end(),
          [](const auto& left, const auto& right) { return left.second < right.second; });
      if (best->first == words[i].exact) continue;
      words[i].suggested = best->first;
      words[i].restored = best->first;
      continue;
    }
    if (votes[i].empty()) continue;
    const auto counted = [&](std::size_t Votes::*count) {
      return std::any_of(votes[i].begin(), votes[i].end(),
                         [&](const auto& vote) { return vote.second.*count > 0; });
    };
    const bool in_context = counted(&Votes::beside);
    std::size_t Votes::*count = counted(&Votes::between) ? &Votes::between
                                : in_context             ? &Votes::beside
                                                         : &Votes::anywhere;
    const auto best = std::max_element(votes[i].begin(), votes[i].end(),
                                       [&](const auto& left, const auto& right) {
                                         return left.second.*count < right.second.*count;
                                       });
    if (best->first == words[i].exact) continue;
    words[i].suggested = best->first;
    if (in_context || !has_neighbours) words[i].restored = best->first;
  }
}

}  // namespace

std::vector<std::string> accented_forms(const Xapian::Database& database,
                                        const std::string& folded) {
  std::vector<std::string> out;
  for (const std::string& spelling : spellings(folded))
    if (database.get_termfreq(schema::term("", spelling)) > 0) out.push_back(spelling);
  return out;
}

namespace {

bool any_accented(const query::Node& node) {
  return std::any_of(node.words.begin(), node.words.end(),
                     [](const query::Word& word) { return word.accented(); }) ||
         std::any_of(node.children.begin(), node.children.end(), any_accented);
}

}  // namespace

bool typed_unaccented(const query::Node& root) {
  return !any_accented(root) &&
         std::any_of(root.children.begin(), root.children.end(), [](const query::Node& child) {
           return child.kind == query::Node::Kind::words && !child.words.empty();
         });
}

bool asks_question(const query::Node& root, bool asked) {
  const bool has_words =
      std::any_of(root.children.begin(), root.children.end(), [](const query::Node& child) {
        return child.kind == query::Node::Kind::words && !child.words.empty();
      });
  if (!has_words) return false;
  if (asked) return true;
  // A definition asked for by its opening frame ("định nghĩa của “người lao động”", "khái niệm
  // an ninh mạng"): the answer defines the term ("X là …") and need not say "định nghĩa".
  if (!defined_term(root).empty()) return true;
  return std::any_of(root.children.begin(), root.children.end(), [](const query::Node& child) {
    return child.kind == query::Node::Kind::words &&
           (holds_question_frame(child.words) || asks_yes_or_no(child.words) ||
            asks_by_words(child.words));
  });
}

bool restore_accents(const Xapian::Database& database, const std::vector<Xapian::docid>& documents,
                     query::Node& root) {
  bool restored = false;
  for (query::Node& child : root.children) {
    if (child.kind != query::Node::Kind::words) continue;
    restore_group(database, documents, child.words);
    restored = restored || std::any_of(child.words.begin(), child.words.end(),
                                       [](const query::Word& w) { return !w.suggested.empty(); });
  }
  return restored;
}

bool any_restored(const query::Node& root) {
  return std::any_of(root.children.begin(), root.children.end(), [](const query::Node& child) {
    return child.kind == query::Node::Kind::words &&
           std::any_of(child.words.begin(), child.words.end(),
                       [](const query::Word& w) { return !w.restored.empty(); });
  });
}

std::string box_suggestion(const query::Node& root) {
  const bool accented_box = any_accented(root);
  std::string suggestion;
  bool changed = false;
  for (const query::Node& child : root.children) {
    if (child.kind != query::Node::Kind::words) return {};
    for (const query::Word& word : child.words) {
      const std::string& form = !word.corrected.empty()                    ? word.corrected
                                : !accented_box && !word.suggested.empty() ? word.suggested
                                                                           : word.exact;
      changed = changed || form != word.exact;
      if (!suggestion.empty()) suggestion += ' ';
      suggestion += form;
    }
  }
  return changed ? suggestion : std::string();
}

}  // namespace vanban::archive
