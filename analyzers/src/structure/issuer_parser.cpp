#include "structure/issuer_parser.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>

#include "vanban/analyzers/fold.hpp"

#include "structure/body_names.hpp"
#include "structure/parts.hpp"

namespace vanban::analyzers::structure {
namespace {

// Function words that cannot stand inside the name of a body, so they end a name not in the
// tables ("của Ban Quản lý dự án đã ...", "của Sở ... tại ..."): markers of tense, aspect,
// voice and mood, the copula, negation, prepositions and conjunctions that open an adjunct or
// a clause, demonstratives and quantifiers. A body's name is a head noun and its complement,
// nouns and the verbs of its field ("Ban Quản lý dự án", "Trung tâm Chuyển giao công nghệ").
constexpr std::array kIssuerStops = {
    std::string_view{"ngày"},  std::string_view{"đã"},      std::string_view{"đang"},
    std::string_view{"sẽ"},    std::string_view{"vừa"},     std::string_view{"được"},
    std::string_view{"bị"},    std::string_view{"phải"},    std::string_view{"cần"},
    std::string_view{"nên"},   std::string_view{"có"},      std::string_view{"không"},
    std::string_view{"chưa"},  std::string_view{"cũng"},    std::string_view{"đều"},
    std::string_view{"vẫn"},   std::string_view{"là"},      std::string_view{"thì"},
    std::string_view{"mà"},    std::string_view{"nhưng"},   std::string_view{"nếu"},
    std::string_view{"vì"},    std::string_view{"do"},      std::string_view{"bởi"},
    std::string_view{"để"},    std::string_view{"nhằm"},    std::string_view{"theo"},
    std::string_view{"tại"},   std::string_view{"trong"},   std::string_view{"với"},
    std::string_view{"cho"},   std::string_view{"đến"},     std::string_view{"tới"},
    std::string_view{"từ"},    std::string_view{"trên"},    std::string_view{"dưới"},
    std::string_view{"sau"},   std::string_view{"trước"},   std::string_view{"khi"},
    std::string_view{"như"},   std::string_view{"gồm"},     std::string_view{"bao gồm"},
    std::string_view{"kèm"},   std::string_view{"số"},      std::string_view{"này"},
    std::string_view{"đó"},    std::string_view{"ấy"},      std::string_view{"các"},
    std::string_view{"những"}, std::string_view{"mọi"},     std::string_view{"hoặc"},
    std::string_view{"rằng"},  std::string_view{"đối với"}, std::string_view{"của"},
};

bool is_dash_word(std::string_view word) {
  return word == "-" || word == "\xE2\x80\x93" || word == "\xE2\x80\x94";  // -, en, em dash
}

// A footnote marker set apart after a name: "Bộ trưởng Bộ Nội vụ 1". A number after an
// administrative unit is its name ("Quận 1", "Phường 12").
void strip_footnote_number(std::string& name) {
  const std::size_t space = name.rfind(' ');
  if (space == std::string::npos || name.size() - space - 1 > 2) return;
  for (std::size_t i = space + 1; i < name.size(); ++i)
    if (!std::isdigit(static_cast<unsigned char>(name[i]))) return;
  const std::string_view before = std::string_view(name).substr(0, space);
  const std::size_t word = before.rfind(' ');
  const std::string unit = fold_key(before.substr(word == std::string_view::npos ? 0 : word + 1));
  if (unit == "quan" || unit == "phuong" || unit == "khu" || unit == "to" || unit == "so" ||
      unit == "doi" || unit == "ap")
    return;
  name.erase(space);
}

// Where the reading of an issuer stands; what may follow depends on it.
enum class NameState : std::uint8_t {
  start,    // the first word: anything that opens the phrase ("các Bộ, ngành", "tỉnh")
  open,     // after a post or a joiner: a name must begin, capitalised or known
  head,     // after a head noun that needs its complement ("Sở", "Ban"): capitalised
  known,    // after a whole name of the tables: a level, a term, a joiner or another name
  place,    // after a level ("tỉnh") or a whole name: a place's name in capitals, a number
  unknown,  // inside a name not in the tables: up to a function word
};

// Head nouns of bodies whose complement, their own name, starts with a capital (ND30 Phụ lục
// II): "Sở Nội vụ", "Ban Quản lý ...". A lower-case word right after one is no part of it.
constexpr std::array kHeadsNeedingComplement = {
    std::string_view{"tổng cục"}, std::string_view{"trung tâm"}, std::string_view{"văn phòng"},
    std::string_view{"ủy ban"},   std::string_view{"uỷ ban"},    std::string_view{"hội đồng"},
    std::string_view{"bộ"},       std::string_view{"sở"},        std::string_view{"ban"},
    std::string_view{"cục"},      std::string_view{"vụ"},        std::string_view{"viện"},
    std::string_view{"phòng"},
};

// The end of a head noun of kHeadsNeedingComplement at pos that some word follows, or 0.
std::size_t head_end(const Cursor& cursor, std::size_t pos) {
  for (std::string_view head : kHeadsNeedingComplement) {
    const std::size_t end = pos + head.size();
    if (cursor.word_at(pos, head) && end < cursor.text.size() && cursor.text[end] == ' ')
      return end;
  }
  return 0;
}

bool is_roman_or_number(std::string_view word) {
  if (word.empty()) return false;
  const bool digits =
      std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
  const bool roman = std::all_of(word.begin(), word.end(), [](char c) {
    return c == 'I' || c == 'V' || c == 'X' || c == 'L' || c == 'C';
  });
  return digits || roman;
}

// "khóa XV" of an elected body ("Quốc hội khóa XV", "Ban Chấp hành Trung ương Đảng khóa
// XII"): the end of the term, or npos.
std::size_t term_end(const Cursor& cursor, std::size_t pos) {
  // "Hội nghị Trung ương 6 khóa XII": the meeting's number before the term.
  if (pos < cursor.text.size() && cursor.text[pos] >= '0' && cursor.text[pos] <= '9') {
    const std::size_t number_end = cursor.word_end(pos);
    if (number_end - pos > 2 || !is_roman_or_number(cursor.text.substr(pos, number_end - pos)))
      return std::string_view::npos;
    pos = cursor.skip_spaces(number_end);
  }
  if (!cursor.word_at(pos, "khóa") && !cursor.word_at(pos, "khoá")) return std::string_view::npos;
  const std::size_t number = cursor.skip_spaces(cursor.word_end(pos));
  std::size_t end = number;
  while (end < cursor.text.size() && cursor.text[end] != ' ')
    ++end;
  const std::size_t stop = strip_trailing_punctuation(cursor.text, number, end);
  if (!is_roman_or_number(cursor.text.substr(number, stop - number))) return std::string_view::npos;
  return stop;
}

// True when the word after `pos` is written in capitals.
bool capitals_follow(const Cursor& cursor, std::size_t pos) {
  const std::size_t next = cursor.skip_spaces(pos);
  const std::size_t end = strip_trailing_punctuation(cursor.text, next, cursor.word_end(next));
  return end > next && is_upper_text(cursor.text.substr(next, end - next));
}

// True when the phrase at `pos` opens with two words in capitals that are no abbreviations
// ("BỘ TÀI CHÍNH", not "UBND tỉnh" or "UBND TỈNH").
bool in_capitals(const Cursor& cursor, std::size_t pos) {
  const std::size_t first_end = cursor.word_end(pos);
  const std::string_view first = cursor.text.substr(pos, first_end - pos);
  return is_upper_text(first) && !expand_abbreviation(first) && first.size() > 1 &&
         capitals_follow(cursor, first_end);
}

// A capitalised name of a body within the next two words after `pos`.
bool body_name_follows(const Cursor& cursor, std::size_t pos) {
  for (int word = 0; word < 2; ++word) {
    const std::size_t next = cursor.skip_spaces(pos);
    if (next >= cursor.text.size()) return false;
    if (starts_upper(cursor.text.substr(next, 4)) &&
        (known_name_at(cursor.text, next) || starts_with_body_name(cursor.text.substr(next, 60))))
      return true;
    pos = cursor.word_end(next);
  }
  return false;
}

}  // namespace

std::optional<Parsed> parse_issuer(const Cursor& cursor, std::size_t pos) {
  std::size_t p = pos;
  std::size_t last_end = pos;
  int words = 0;
  int loose_words = 0;  // outside the names of the tables: a long run is a sentence
  NameState state = NameState::start;
  // A name written in capitals, as in a header ("HỘI ĐỒNG TƯ VẤN ĐẶC XÁ"), ends at the first
  // word that is not; inside it, its own "VỀ", "CỦA" and commas are words of the name.
  const bool capitals = in_capitals(cursor, pos);
  while (p < cursor.text.size() && words < 96 && loose_words < 20) {
    p = cursor.skip_spaces(p);
    if (p >= cursor.text.size()) break;
    const char c = cursor.text[p];
    if (c == '(') {
      // Looked for within the limit only: an unclosed "(" must not send every issuer to the
      // end of the text.
      const std::size_t close = cursor.text.substr(p, 81).find(')');
      if (close == std::string_view::npos) break;
      last_end = p = p + close + 1;
      continue;
    }
    const bool capitalised = starts_upper(cursor.text.substr(p, 4));
    if (capitals && has_lower_letter(cursor.text.substr(p, cursor.word_end(p) - p))) break;
    const bool inside_capitals =
        capitals && (state == NameState::unknown || state == NameState::head);
    if (state != NameState::place && (capitalised || state != NameState::known)) {
      if (const auto name = known_name_at(cursor.text, p)) {
        words += static_cast<int>(name->words);
        p = last_end = name->end;
        state = name->kind == NameKind::post ? NameState::open : NameState::known;
        continue;
      }
    }
    if (is_clause_punctuation(c) || starts_quote(cursor.text, p)) break;
    if (words > 0 && !inside_capitals &&
        (phrase_at(cursor, p, kTitleOpeners) || citation_starts_at(cursor, p)))
      break;
    if (const auto level = level_at(cursor.text, p); level && state != NameState::place) {
      ++words;
      p = last_end = *level;
      state = NameState::place;
      continue;
    }
    if (state != NameState::start && state != NameState::open) {
      if (const std::size_t term = term_end(cursor, p); term != std::string_view::npos) {
        words += 2;
        p = last_end = term;
        continue;
      }
    }
    // "và", "-" join two bodies ("Bộ trưởng Bộ Tài chính và Bộ trưởng Bộ Giao thông vận tải",
    // "Bộ Tài chính - Bộ Nội vụ") but not a body and the next instrument or clause; "của" a
    // body and the one it belongs to ("Ủy ban Văn hóa và Xã hội của Quốc hội").
    const std::size_t word_end = cursor.word_end(p);
    const std::string_view word = cursor.text.substr(p, word_end - p);
    if (words > 0 && (word == "và" || word == "của" || is_dash_word(word))) {
      const std::size_t next = cursor.skip_spaces(word_end);
      const TypeEntry* type = type_at(cursor, next);
      if (!starts_upper(cursor.text.substr(next, 4)) || citation_starts_at(cursor, next) ||
          (type && type->type->heads_documents) ||
          (word == "của" && !known_name_at(cursor.text, next) &&
           !starts_with_body_name(cursor.text.substr(next, 60))))
        break;
      ++words;
      p = word_end;
      state = NameState::open;
      continue;
    }
    // A name opens with a capital, a head noun of a body or at most two words before one
    // ("liên Bộ Tài chính - Bộ Nội vụ", "liên tịch Bộ ..."); "của người nước ngoài", "của tổ
    // chức mình" name none.
    if (state == NameState::start && !capitalised &&
        !starts_with_body_name(cursor.text.substr(p, 60)) && !body_name_follows(cursor, word_end))
      break;
    const bool number = c >= '0' && c <= '9';
    bool name_ends = false;
    switch (state) {
      case NameState::open:
      case NameState::head:
      case NameState::known:
        name_ends = !capitalised;
        break;
      case NameState::place:
        name_ends = !capitalised && !number;
        break;
      case NameState::start:
      case NameState::unknown:
        // Stop words are lower-case; capitalised, they belong to a name ("Ban Tổ chức").
        name_ends = words > 0 && !capitalised && phrase_at(cursor, p, kIssuerStops);
        break;
    }
    if (name_ends) break;
    // After a whole name only a place's name goes on in capitals ("Ủy ban nhân dân Hà Nội",
    // "Đảng ủy Khối"); a name begun after a post or a joiner is one of its own.
    if (state == NameState::known) {
      state = NameState::place;
    } else if (state != NameState::place) {
      state = NameState::unknown;
    }
    if (const std::size_t head = head_end(cursor, p); capitalised && head != 0) {
      ++words;
      p = last_end = head;
      state = NameState::head;
      continue;
    }
    // Trailing punctuation belongs to the clause, not the name; so does a ")" closing a
    // parenthesis opened before the issuer.
    const std::size_t word_stop = strip_trailing_punctuation(cursor.text, p, word_end);
    if (word_stop == p) break;
    ++words;
    ++loose_words;
    last_end = word_stop;
    if (word_stop < word_end &&
        !(inside_capitals && word_end - word_stop == 1 && cursor.text[word_stop] == ',' &&
          capitals_follow(cursor, word_end)))
      break;
    p = word_end;
  }
  if (words == 0) return std::nullopt;
  // Two bodies that issued together: "của Bộ Chính trị, Ban Bí thư về ...". The second is
  // taken only when the subject or the end of the clause follows it, so that the subject of
  // the sentence ("..., Ban Thường vụ Tỉnh ủy ban hành ...") is not.
  if (last_end < cursor.text.size() && cursor.text[last_end] == ',') {
    const std::size_t next = cursor.skip_spaces(last_end + 1);
    if (starts_upper(cursor.text.substr(next, 4)) &&
        starts_with_body_name(cursor.text.substr(next, 60)) && !citation_starts_at(cursor, next)) {
      if (auto second = parse_issuer(cursor, next)) {
        const std::size_t after = cursor.skip_spaces(second->end);
        // ", <the subject of the sentence>" may follow: "..., Ban Bí thư, Ủy ban nhân dân tỉnh
        // xây dựng Đề án".
        const bool subject_follows =
            after < cursor.text.size() && cursor.text[after] == ',' &&
            starts_with_body_name(cursor.text.substr(cursor.skip_spaces(after + 1), 60));
        const bool clause_ends = after >= cursor.text.size() || cursor.text[after] == ';' ||
                                 cursor.text[after] == '.' || subject_follows;
        if (clause_ends || cursor.word_at(after, "về") || cursor.word_at(after, "v/v") ||
            cursor.word_at(after, "ngày"))
          last_end = second->end;
      }
    }
  }
  Parsed parsed{last_end, clean_phrase(cursor.text.substr(pos, last_end - pos)), std::nullopt};
  strip_footnote_number(parsed.value);
  if (parsed.value.empty()) return std::nullopt;
  return parsed;
}

std::optional<std::string> issuer_before(const Cursor& cursor, std::size_t pos) {
  constexpr std::size_t kWindow = 300;  // bytes before "tại" where "của" may stand
  const auto word_before = [&](std::size_t at,
                               std::string_view word) -> std::optional<std::size_t> {
    std::size_t p = at;
    while (p > 0 && cursor.text[p - 1] == ' ')
      --p;
    if (p < word.size() || !cursor.word_at(p - word.size(), word) ||
        !cursor.word_boundary_before(p - word.size()))
      return std::nullopt;
    return p - word.size();
  };
  std::size_t at = pos;
  if (auto plural = word_before(at, "các")) at = *plural;
  const auto tai = word_before(at, "tại");
  if (!tai) return std::nullopt;
  const std::size_t from = *tai > kWindow ? *tai - kWindow : 0;
  const std::string_view lowered = std::string_view(cursor.lowered).substr(from, *tai - from);
  std::size_t cua = lowered.rfind("của ");
  while (cua != std::string_view::npos && !cursor.word_boundary_before(from + cua))
    cua = cua == 0 ? std::string_view::npos : lowered.rfind("của ", cua - 1);
  if (cua == std::string_view::npos) return std::nullopt;
  const std::size_t start = cursor.skip_spaces(from + cua + std::string_view("của").size());
  // One clause, one body: the capitalised name of a body or post that runs up to "tại", not a
  // sentence ("của Bộ Tài chính đã được sửa đổi tại ...", "của Sở ... quy định tại ..."). Names
  // keep lower-case words ("Bộ Ngoại giao") and commas before capitals ("Bộ Văn hoá, Thể thao
  // và Du lịch").
  const std::string_view name = cursor.text.substr(start, *tai - start);
  if (name.find_first_of(";.:()") != std::string_view::npos || !starts_upper(name) ||
      !starts_with_body_name(name.substr(0, 60)))
    return std::nullopt;
  static constexpr std::array kPredicates = {
      std::string_view{"đã"},  std::string_view{"sẽ"},   std::string_view{"đang"},
      std::string_view{"là"},  std::string_view{"cũng"}, std::string_view{"được"},
      std::string_view{"có"},  std::string_view{"theo"}, std::string_view{"trong"},
      std::string_view{"khi"}, std::string_view{"để"},   std::string_view{"thì"},
  };
  int words = 0;
  for (std::size_t p = start; p < *tai; p = cursor.skip_spaces(cursor.word_end(p))) {
    if (++words > 16 || phrase_at(cursor, p, kTitleOpeners) || phrase_at(cursor, p, kPredicates))
      return std::nullopt;
    const std::size_t end = cursor.word_end(p);
    if (end > p && cursor.text[end - 1] == ',' && !starts_upper(cursor.text.substr(end, 5)))
      return std::nullopt;
  }
  std::string cleaned = clean_phrase(name);
  strip_footnote_number(cleaned);
  if (cleaned.empty()) return std::nullopt;
  return cleaned;
}

}  // namespace vanban::analyzers::structure
