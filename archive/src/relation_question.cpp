// The grammar (docs/ARCHITECTURE.md "Relation questions"), on folded words so that diacritics
// are optional:
//   active    [lead] [các|những] văn bản|vb [nào] [đã|có] VERB [của→bases] [cho|đối với] X
//   passive   X [đã|có] (được|bị) VERB [bởi|bằng] TAIL            TAIL: closed question words
//   bases     [các] căn cứ (ban hành|pháp lý|của)... X;  X [được ban hành] căn cứ|dựa trên [vào]
//   TAIL? validity  X TAIL holding "hiệu lực";  [tình trạng] hiệu lực của X
// X must name an instrument (read_instrument), and TAIL holds only words of a closed class
// (question words, the agent's "bởi văn bản nào", "chưa", "không"): a topic with such words
// inside it ("quy định về căn cứ xác định thuế") is not a question of this grammar.
#include "vanban/archive/relation_question.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>
#include <vector>

#include "vanban/analyzers/fold.hpp"
#include "vanban/analyzers/normalize.hpp"
#include "vanban/analyzers/structure.hpp"
#include "vanban/archive/query_parser.hpp"

#include "type_codes.hpp"

namespace vanban::archive {
namespace {

struct BoxWord {
  std::string_view typed;  // as typed, without surrounding punctuation
  std::string folded;
};

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool is_edge_punctuation(char c) {
  return c == ',' || c == '.' || c == ';' || c == ':' || c == '?' || c == '!' || c == '(' ||
         c == ')' || c == '"';
}

// The words of `text` (NFC), punctuation at their edges dropped ("đổi," → "đổi").
std::vector<BoxWord> box_words(std::string_view text) {
  std::vector<BoxWord> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && is_space(text[pos]))
      ++pos;
    const std::size_t start = pos;
    while (pos < text.size() && !is_space(text[pos]))
      ++pos;
    std::string_view word = text.substr(start, pos - start);
    while (!word.empty() && is_edge_punctuation(word.front()))
      word.remove_prefix(1);
    while (!word.empty() && is_edge_punctuation(word.back()))
      word.remove_suffix(1);
    // A full-width question mark (U+FF1F) typed by phones.
    if (word.ends_with("\xEF\xBC\x9F")) word.remove_suffix(3);
    if (!word.empty()) out.push_back({word, analyzers::fold(word)});
  }
  return out;
}

using Words = std::vector<BoxWord>;

// Whether words[at...] begin with the folded words of `phrase` ("sua doi bo sung").
bool starts_with(const Words& words, std::size_t at, std::string_view phrase) {
  std::size_t i = at;
  while (!phrase.empty()) {
    const std::size_t space = phrase.find(' ');
    const std::string_view word = phrase.substr(0, space);
    if (i >= words.size() || words[i].folded != word) return false;
    ++i;
    phrase = space == std::string_view::npos ? std::string_view() : phrase.substr(space + 1);
  }
  return true;
}

std::size_t word_count(std::string_view phrase) {
  return static_cast<std::size_t>(std::count(phrase.begin(), phrase.end(), ' ')) + 1;
}

// Consumes `phrase` at `at` when it is there.
bool take(const Words& words, std::size_t& at, std::string_view phrase) {
  if (!starts_with(words, at, phrase)) return false;
  at += word_count(phrase);
  return true;
}

// The first of `phrases` (longest first) found at `at`, consumed.
template <std::size_t N>
bool take_any(const Words& words, std::size_t& at, const std::array<std::string_view, N>& phrases) {
  for (const std::string_view phrase : phrases)
    if (take(words, at, phrase)) return true;
  return false;
}

// The verbs of the relations, folded, the longest form of each first (the citing document's
// sentence "Sửa đổi, bổ sung ...", "Quy định chi tiết ...": analyzers/src/structure/relations.cpp).
struct Verb {
  std::string_view words;
  FieldId field;
};
constexpr std::array<Verb, 22> kVerbs{{
    {"sua doi bo sung", FieldId::amends},
    {"sua doi", FieldId::amends},
    {"bo sung", FieldId::amends},
    {"can cu vao", FieldId::based_on},
    {"can cu", FieldId::based_on},
    {"dua tren", FieldId::based_on},
    {"dua vao", FieldId::based_on},
    {"thay the", FieldId::replaces},
    {"bai bo", FieldId::repeals},
    {"huy bo", FieldId::repeals},
    {"quy dinh chi tiet va huong dan thi hanh", FieldId::guides},
    {"quy dinh chi tiet", FieldId::guides},
    {"huong dan thi hanh", FieldId::guides},
    {"huong dan thuc hien", FieldId::guides},
    {"huong dan", FieldId::guides},
    {"trien khai thuc hien", FieldId::implements},
    {"trien khai", FieldId::implements},
    {"thuc hien", FieldId::implements},
    {"trich dan", FieldId::cites},
    {"dan chieu", FieldId::cites},
    {"vien dan", FieldId::cites},
    {"nhac den", FieldId::cites},
}};

std::optional<FieldId> take_verb(const Words& words, std::size_t& at) {
  for (const Verb& verb : kVerbs)
    if (take(words, at, verb.words)) return verb.field;
  return std::nullopt;
}

// Takes "văn bản", "vb", "vbqppl" (the subject of an active question).
bool take_document_noun(const Words& words, std::size_t& at) {
  constexpr std::array<std::string_view, 4> kNouns{"van ban quy pham phap luat", "van ban", "vb",
                                                   "vbqppl"};
  return take_any(words, at, kNouns);
}

// The longest type name of the table at `at` ("thông tư liên tịch" before "thông tư"), consumed;
// empty when none stands there.
std::string take_type_name(const Words& words, std::size_t& at) {
  std::string found;
  std::size_t longest = 0;
  for (const std::string_view name : type_names()) {
    const std::string folded = analyzers::fold(name);
    if (word_count(folded) > longest && starts_with(words, at, folded)) {
      longest = word_count(folded);
      found = std::string(name);
    }
  }
  at += longest;
  return found;
}

// The closed class a question's tail is made of: the agent ("bởi văn bản nào"), the question
// particles ("chưa", "không", "nào", "gì", "đâu"), aspect words ("đã", "còn", "vẫn", "rồi").
bool in_tail_class(std::string_view folded) {
  constexpr std::array<std::string_view, 27> kTail{
      "boi", "bang", "van", "ban",  "vb",    "nao",  "gi", "dau",  "nhung",
      "cac", "da",   "roi", "chua", "khong", "hay",  "co", "con",  "la",
      "the", "ra",   "sao", "nua",  "dang",  "duoc", "bi", "tinh", "trang"};
  return std::find(kTail.begin(), kTail.end(), folded) != kTail.end();
}

bool is_question_word(std::string_view folded) {
  return folded == "nao" || folded == "gi" || folded == "dau" || folded == "chua" ||
         folded == "khong" || folded == "sao";
}

// Words [from, words.size()) all of the tail class; `asks`: one of them is a question word.
bool closed_tail(const Words& words, std::size_t from, bool* asks = nullptr) {
  bool question = false;
  for (std::size_t i = from; i < words.size(); ++i) {
    if (!in_tail_class(words[i].folded)) return false;
    question = question || is_question_word(words[i].folded);
  }
  if (asks) *asks = question;
  return true;
}

// The typed text of words [from, to).
std::string typed_span(const Words& words, std::size_t from, std::size_t to) {
  if (from >= to) return {};
  const char* begin = words[from].typed.data();
  const char* end = words[to - 1].typed.data() + words[to - 1].typed.size();
  return std::string(begin, static_cast<std::size_t>(end - begin));
}

// ^digits[letter]?(/yyyy)?$: a number of a type named before it, without its code.
bool is_bare_number(std::string_view folded) {
  std::size_t i = 0;
  while (i < folded.size() && std::isdigit(static_cast<unsigned char>(folded[i])) != 0)
    ++i;
  if (i == 0 || i > 6) return false;
  if (i < folded.size() && std::isalpha(static_cast<unsigned char>(folded[i])) != 0) ++i;
  if (i == folded.size()) return true;
  if (folded[i] != '/' || folded.size() - i != 5) return false;
  return std::all_of(folded.begin() + static_cast<std::ptrdiff_t>(i) + 1, folded.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

// A law cited by name begins with one of these (analyzers' types cited by name).
bool names_a_law(const Words& words) {
  constexpr std::array<std::string_view, 4> kLaws{"bo luat", "luat", "phap lenh", "hien phap"};
  std::size_t at = 0;
  return take_any(words, at, kLaws) && at < words.size();
}

std::optional<InstrumentRef> instrument_of(const Words& words, std::string_view typed) {
  if (words.empty()) return std::nullopt;
  InstrumentRef ref;
  ref.typed = std::string(typed);
  std::size_t at = 0;
  // The longest type name of the table at the start, else a type's code ("nđ", "tt").
  ref.type_name = take_type_name(words, at);
  std::size_t best = at;
  if (best == 0 && words.size() > 1 && words[0].folded.size() >= 2) {
    const auto names = type_names_for_code(words[0].typed);
    if (!names.empty() && std::none_of(words[0].folded.begin(), words[0].folded.end(),
                                       [](char c) { return c == '/'; })) {
      ref.type_name = std::string(names.front());
      best = 1;
    }
  }
  at = best;
  if (at > 0) take(words, at, "so");
  if (at + 1 == words.size()) {
    if (auto key = query::number_key(words[at].typed)) {
      ref.key = std::move(*key);
      return ref;
    }
    if (!ref.type_name.empty() && is_bare_number(words[at].folded)) {
      ref.number = words[at].folded;
      return ref;
    }
  }
  if (names_a_law(words)) {
    if (auto key = analyzers::citation_key(typed); key && key->starts_with("luat:")) {
      ref.key = std::move(*key);
      ref.type_name.clear();
      return ref;
    }
  }
  return std::nullopt;
}

std::optional<InstrumentRef> instrument_in(const Words& words, std::size_t from, std::size_t to) {
  if (from >= to) return std::nullopt;
  const Words span(words.begin() + static_cast<std::ptrdiff_t>(from),
                   words.begin() + static_cast<std::ptrdiff_t>(to));
  return instrument_of(span, typed_span(words, from, to));
}

std::optional<RelationQuestion> question(QuestionKind kind, FieldId field,
                                         std::optional<InstrumentRef> instrument) {
  if (!instrument) return std::nullopt;
  return RelationQuestion{kind, field, std::move(*instrument), {}};
}

// "căn cứ ban hành X", "căn cứ pháp lý của X", "các căn cứ của X", "hiệu lực của X".
std::optional<RelationQuestion> leading_question(const Words& words) {
  std::size_t at = 0;
  constexpr std::array<std::string_view, 4> kLeads{"cho biet", "liet ke", "danh sach", "tim"};
  take_any(words, at, kLeads);
  const bool plural = take(words, at, "cac") || take(words, at, "nhung");
  const std::size_t start = at;
  if (take(words, at, "can cu")) {
    const bool issued = take(words, at, "ban hanh") || take(words, at, "phap ly");
    const bool of = take(words, at, "cua");
    if (issued || of)
      return question(QuestionKind::bases, FieldId::based_on,
                      instrument_in(words, at, words.size()));
    return std::nullopt;
  }
  at = start;
  take(words, at, "tinh trang");
  if (take(words, at, "hieu luc") && take(words, at, "cua"))
    return question(QuestionKind::validity, FieldId::validity,
                    instrument_in(words, at, words.size()));
  // Active: the documents that do VERB to X. The subject is "văn bản", or a type asked for as
  // such: "thông tư nào", "các quyết định" (a type name alone may open a title's words:
  // "thông tư hướng dẫn nghị định 14/2017" stays a words search).
  at = start;
  std::string subject_type;
  if (!take_document_noun(words, at)) {
    subject_type = take_type_name(words, at);
    if (subject_type.empty() || !(plural || starts_with(words, at, "nao"))) return std::nullopt;
  }
  take(words, at, "nao");
  take(words, at, "da") || take(words, at, "co");
  take(words, at, "duoc ban hanh");
  const auto field = take_verb(words, at);
  if (!field) return std::nullopt;
  if (*field == FieldId::based_on && take(words, at, "cua"))  // "văn bản căn cứ của X"
    return question(QuestionKind::bases, FieldId::based_on, instrument_in(words, at, words.size()));
  take(words, at, "doi voi") || take(words, at, "cho");
  // "văn bản nào sửa đổi X?" may end with a question word or two: "văn bản nào sửa đổi X vậy".
  std::size_t end = words.size();
  while (end > at + 1 && is_question_word(words[end - 1].folded))
    --end;
  auto read = question(QuestionKind::relation, *field, instrument_in(words, at, end));
  if (read) read->subject_type = std::move(subject_type);
  return read;
}

// "X được sửa đổi bởi văn bản nào", "X còn hiệu lực không", "X căn cứ vào văn bản nào": X then
// a tail; the shortest X whose tail is one of these.
std::optional<RelationQuestion> trailing_question(const Words& words) {
  for (std::size_t split = 1; split < words.size(); ++split) {
    std::size_t at = split;
    bool asks = false;
    // Validity: "còn hiệu lực không", "có còn hiệu lực", "hết hiệu lực chưa", "đã hết hiệu lực".
    {
      std::size_t i = split;
      bool validity = false;
      bool closed = true;
      while (closed && i < words.size()) {
        if (take(words, i, "hieu luc")) {
          validity = true;
        } else if (words[i].folded == "het" || in_tail_class(words[i].folded)) {
          ++i;
        } else {
          closed = false;
        }
      }
      if (closed && validity) {
        if (auto ref = instrument_in(words, 0, split))
          return RelationQuestion{QuestionKind::validity, FieldId::validity, std::move(*ref), {}};
      }
    }
    // Bases: "X căn cứ vào văn bản nào", "X được ban hành căn cứ vào đâu", "X dựa trên gì".
    {
      std::size_t i = split;
      take(words, i, "duoc ban hanh") || take(words, i, "ban hanh");
      if (take_verb(words, i) == FieldId::based_on) {
        take(words, i, "vao");
        if (closed_tail(words, i, &asks) && asks) {
          if (auto ref = instrument_in(words, 0, split))
            return RelationQuestion{QuestionKind::bases, FieldId::based_on, std::move(*ref), {}};
        }
      }
    }
    // Passive: "X (đã) được/bị VERB (bởi văn bản nào | chưa | không)".
    take(words, at, "da") || take(words, at, "co");
    if (!(take(words, at, "duoc") || take(words, at, "bi"))) continue;
    const auto field = take_verb(words, at);
    if (!field || *field == FieldId::based_on) continue;
    if (!closed_tail(words, at)) continue;
    if (auto ref = instrument_in(words, 0, split))
      return RelationQuestion{QuestionKind::relation, *field, std::move(*ref), {}};
  }
  return std::nullopt;
}

}  // namespace

std::optional<InstrumentRef> read_instrument(std::string_view typed) {
  const std::string text = analyzers::normalize_nfc(typed);
  const Words words = box_words(text);
  if (words.empty()) return std::nullopt;
  return instrument_of(words, typed_span(words, 0, words.size()));
}

std::optional<RelationQuestion> read_relation_question(std::string_view box) {
  const std::string text = analyzers::normalize_nfc(box);
  const Words words = box_words(text);
  if (words.size() < 2) return std::nullopt;
  if (auto read = leading_question(words)) return read;
  return trailing_question(words);
}

std::string question_subject(const RelationQuestion& question) {
  if (question.kind != QuestionKind::relation || question.subject_type.empty()) return "văn bản";
  return analyzers::exact_form(question.subject_type);
}

std::string question_label(const RelationQuestion& question) {
  switch (question.kind) {
    case QuestionKind::bases:
      return "các văn bản làm căn cứ ban hành";
    case QuestionKind::validity:
      return "tình trạng hiệu lực của";
    case QuestionKind::relation:
      break;
  }
  const std::string subject = "các " + question_subject(question) + " ";
  switch (question.field) {
    case FieldId::amends:
      return subject + "sửa đổi, bổ sung";
    case FieldId::based_on:
      return subject + "căn cứ vào";
    case FieldId::replaces:
      return subject + "thay thế";
    case FieldId::repeals:
      return subject + "bãi bỏ";
    case FieldId::guides:
      return subject + "hướng dẫn";
    case FieldId::implements:
      return subject + "thực hiện";
    default:
      return subject + "trích dẫn";
  }
}

}  // namespace vanban::archive
