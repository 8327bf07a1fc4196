#include "structure/citations.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

#include "vanban/analyzers/fold.hpp"
#include "vanban/analyzers/symbol.hpp"

#include "structure/body_names.hpp"
#include "structure/dates.hpp"
#include "structure/parts.hpp"
#include "structure/symbol_scan.hpp"
#include "structure/tables.hpp"
#include "structure/text.hpp"

namespace vanban::analyzers::structure {
namespace {

// A view of one flowed paragraph with its lower-cased twin (same byte offsets).
struct Cursor {
  std::string_view text;
  std::string lowered;
  SymbolIndex symbols;

  explicit Cursor(std::string_view t) : text(t), lowered(lower_same_length(t)), symbols(t) {}

  bool word_boundary_before(std::size_t pos) const {
    return pos == 0 || !is_word_char(code_point_before(text, pos));
  }
  bool word_boundary_after(std::size_t pos) const {
    return pos >= text.size() || !is_word_char(code_point_at(text, pos));
  }
  // The lower-case `word` (or phrase) at pos, as whole words.
  bool word_at(std::size_t pos, std::string_view word) const {
    return pos + word.size() <= lowered.size() &&
           std::string_view(lowered).substr(pos, word.size()) == word &&
           word_boundary_after(pos + word.size());
  }
  std::size_t skip_spaces(std::size_t pos) const {
    while (pos < text.size() && text[pos] == ' ')
      ++pos;
    return pos;
  }
  // End of the word starting at pos (up to a space).
  std::size_t word_end(std::size_t pos) const {
    while (pos < text.size() && text[pos] != ' ')
      ++pos;
    return pos;
  }
};

struct TypeEntry {
  std::string lowered;
  const DocumentType* type;
};

const std::vector<TypeEntry>& types_longest_first() {
  static const std::vector<TypeEntry> entries = [] {
    std::vector<TypeEntry> out;
    for (const DocumentType& type : document_types())
      out.push_back({lower(type.name), &type});
    std::stable_sort(out.begin(), out.end(), [](const TypeEntry& a, const TypeEntry& b) {
      return a.lowered.size() > b.lowered.size();
    });
    return out;
  }();
  return entries;
}

// First bytes of the lower-case type names: most positions are rejected on one lookup.
const std::array<bool, 256>& type_first_bytes() {
  static const std::array<bool, 256> table = [] {
    std::array<bool, 256> out{};
    for (const TypeEntry& entry : types_longest_first())
      out[static_cast<unsigned char>(entry.lowered.front())] = true;
    return out;
  }();
  return table;
}

const TypeEntry* type_at(const Cursor& cursor, std::size_t pos) {
  if (pos >= cursor.lowered.size() ||
      !type_first_bytes()[static_cast<unsigned char>(cursor.lowered[pos])])
    return nullptr;
  if (!cursor.word_boundary_before(pos)) return nullptr;
  for (const TypeEntry& entry : types_longest_first())
    if (cursor.word_at(pos, entry.lowered)) return &entry;
  return nullptr;
}

// Words that open the subject of a cited instrument ("về ...", "ban hành Quy chế ...").
constexpr std::array kTitleOpeners = {
    std::string_view{"v/v"},      std::string_view{"về"},        std::string_view{"ban hành"},
    std::string_view{"quy định"}, std::string_view{"hướng dẫn"}, std::string_view{"phê duyệt"},
    std::string_view{"sửa đổi"},  std::string_view{"bãi bỏ"},    std::string_view{"thành lập"},
};

// Words that end a subject: the sentence goes on with its predicate.
constexpr std::array kTitleEnds = {
    std::string_view{"được"},
    std::string_view{"đã được"},
    std::string_view{"có hiệu lực"},
};

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

// Words that end a law name ("Luật Thực hiện dân chủ ở cơ sở ngày ...").
constexpr std::array kNameStops = {
    std::string_view{"ngày"},     std::string_view{"số"},       std::string_view{"của"},
    std::string_view{"về"},       std::string_view{"quy định"}, std::string_view{"hướng dẫn"},
    std::string_view{"được"},     std::string_view{"đã"},       std::string_view{"có hiệu lực"},
    std::string_view{"thì"},      std::string_view{"này"},      std::string_view{"hiện hành"},
    std::string_view{"đối với"},  std::string_view{"trong"},    std::string_view{"đến"},
    std::string_view{"tại"},      std::string_view{"để"},       std::string_view{"và"},
    std::string_view{"hoặc"},     std::string_view{"cũng"},     std::string_view{"nhằm"},
    std::string_view{"khi"},      std::string_view{"là"},       std::string_view{"không"},
    std::string_view{"do"},       std::string_view{"mà"},       std::string_view{"các"},
    std::string_view{"những"},    std::string_view{"nay"},      std::string_view{"đó"},
    std::string_view{"gồm"},      std::string_view{"như"},      std::string_view{"sẽ"},
    std::string_view{"ban hành"}, std::string_view{"sau"},      std::string_view{"trên"},
    std::string_view{"nếu"},      std::string_view{"năm"},      std::string_view{"bởi"},
    std::string_view{"thi hành"}, std::string_view{"vào"},      std::string_view{"cho"},
    std::string_view{"bao gồm"},
};

template <std::size_t N>
std::size_t phrase_at(const Cursor& cursor, std::size_t pos,
                      const std::array<std::string_view, N>& phrases) {
  for (std::string_view phrase : phrases)
    if (cursor.word_at(pos, phrase)) return phrase.size();
  return 0;
}

bool is_clause_punctuation(char c) {
  return c == ';' || c == ',' || c == '.' || c == ':' || c == '(' || c == ')' || c == '"' ||
         c == '!' || c == '?';
}

// The end of a word without its trailing punctuation and closing quotes ("sự.”" → "sự").
std::size_t strip_trailing_punctuation(std::string_view text, std::size_t start, std::size_t end) {
  while (end > start) {
    const char c = text[end - 1];
    if (is_clause_punctuation(c) || c == '.') {
      --end;
    } else if (end - start >= 3 && (text.substr(end - 3, 3) == "\xE2\x80\x9D" ||
                                    text.substr(end - 3, 3) == "\xE2\x80\xA6")) {
      end -= 3;  // ” and …
    } else {
      break;
    }
  }
  return end;
}

bool starts_quote(std::string_view text, std::size_t pos) {
  return text.substr(pos, 3) == "\xE2\x80\x9C" || text.substr(pos, 3) == "\xE2\x80\x9D" ||
         (pos < text.size() && text[pos] == '"');
}

// A mention of another instrument begins at pos: a type name followed by a number, or a law
// by name. Used to end subjects and issuers at the next citation of a list.
bool citation_starts_at(const Cursor& cursor, std::size_t pos);
std::optional<std::size_t> next_list_item(const Cursor& cursor, std::size_t end);
bool list_item_follows(const Cursor& cursor, std::size_t end);
std::optional<std::size_t> number_after_so(const Cursor& cursor, std::size_t pos);
bool starts_with_instrument_name(const Cursor& cursor, std::size_t pos);

std::string clean_phrase(std::string_view text) {
  std::string out = collapse_spaces(text);
  while (!out.empty()) {
    if (out.back() == ',' || out.back() == ' ' || out.back() == ';' || out.back() == ':' ||
        out.back() == '-') {
      out.pop_back();
    } else if (out.ends_with("\xE2\x80\x9D") && out.find("\xE2\x80\x9C") == std::string::npos) {
      out.resize(out.size() - 3);  // a closing quote without its opening one
    } else {
      break;
    }
  }
  return out;
}

bool is_dash_word(std::string_view word) {
  return word == "-" || word == "\xE2\x80\x93" || word == "\xE2\x80\x94";  // -, en, em dash
}

struct Parsed {
  std::size_t end = 0;
  std::string value;
  std::optional<std::string> year;  // "năm 2019" after a law's name
};

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

bool has_lower_letter(std::string_view word) {
  for (std::size_t at = 0; at < word.size();) {
    std::size_t length = 0;
    if (is_lower(code_point_at(word, at, &length))) return true;
    at += std::max<std::size_t>(length, 1);
  }
  return false;
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

// "của UBND tỉnh", "của Tỉnh ủy (nay là Thành ủy)", "giữa Ban A và Ban B": the name of a body
// or post. Names of the tables are taken whole first ("Bộ Ngoại giao", "Bộ Văn hóa, Thể thao
// và Du lịch") and end where they end, but for a level and place ("Ủy ban nhân dân tỉnh Quảng
// Ninh"), a term ("khóa XV") or another body ("Ban Thường vụ Tỉnh ủy", "và Bộ Tài chính").
// Other names run from their head noun through their complement up to a function word, a
// subject opener, a date, punctuation or the next citation.
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

// A body's action within a few words: ", Sở Nội vụ kính trình ...", ", UBND tỉnh ban hành ...".
bool verb_follows(const Cursor& cursor, std::size_t pos) {
  static constexpr std::array kVerbs = {
      std::string_view{"ban hành"},   std::string_view{"xây dựng"},
      std::string_view{"kính trình"}, std::string_view{"báo cáo"},
      std::string_view{"đề nghị"},    std::string_view{"yêu cầu"},
      std::string_view{"có ý kiến"},  std::string_view{"hướng dẫn"},
      std::string_view{"thông báo"},  std::string_view{"chỉ thị"},
      std::string_view{"quyết định"}, std::string_view{"quyết nghị"},
      std::string_view{"triển khai"}, std::string_view{"giao"},
      std::string_view{"trình"},      std::string_view{"quy định"},
      std::string_view{"kết luận"},   std::string_view{"chỉ đạo"},
      std::string_view{"phát động"},  std::string_view{"công bố"},
      std::string_view{"tổ chức"},
  };
  std::size_t p = pos;
  for (int word = 0; word < 12 && p < cursor.text.size(); ++word) {
    p = cursor.skip_spaces(cursor.word_end(p));
    if (phrase_at(cursor, p, kVerbs)) return true;
    if (p < cursor.text.size() && (cursor.text[p] == ';' || cursor.text[p] == '.')) return false;
  }
  return false;
}

// The subject: from the opener to the end of the clause (";", ". X", unbalanced ")", ":"),
// or to the next citation of a list.
Parsed parse_title(const Cursor& cursor, std::size_t pos) {
  std::size_t p = pos;
  int depth = 0;
  int words = 0;
  std::size_t end = pos;
  while (p < cursor.text.size()) {
    const char c = cursor.text[p];
    if (c == ';' || c == ':') break;
    if (c == '(') ++depth;
    if (c == ')' && --depth < 0) break;
    if (c == '.') {
      const std::size_t next = p + 1;
      if (next >= cursor.text.size() || cursor.text[next] == '/' ||
          (cursor.text[next] == ' ' && !starts_lower(cursor.text.substr(next + 1, 8))))
        break;
    }
    if (c == ' ') {
      ++words;
      if (words > 70) break;
      const std::size_t q = p + 1;
      // The predicate of the sentence: "... được triển khai", ", được sửa đổi bởi ...".
      if (end > pos && phrase_at(cursor, q, kTitleEnds)) break;
      // ", Nghị định số ..." or " và Luật ..." starts the next citation.
      if (end > pos && cursor.text[p - 1] == ',' && citation_starts_at(cursor, q)) {
        end = p - 1;
        break;
      }
      if (cursor.word_at(q, "và") && citation_starts_at(cursor, cursor.skip_spaces(q + 4))) break;
      // ", số 192/TTr-BVHTTDL" or " và số ..." lists the next instrument of the same kind.
      if (const std::size_t list_from = cursor.text[p - 1] == ',' ? p - 1 : p;
          end > pos && list_item_follows(cursor, list_from)) {
        end = list_from;
        break;
      }
      // ", Sở Nội vụ kính trình ...": the sentence's own subject follows the citation.
      if (end > pos && cursor.text[p - 1] == ',' && starts_upper(cursor.text.substr(q, 4)) &&
          starts_with_body_name(cursor.text.substr(q, 60)) && verb_follows(cursor, q)) {
        end = p - 1;
        break;
      }
    }
    ++p;
    end = p;
  }
  return Parsed{end, clean_phrase(cursor.text.substr(pos, end - pos)), std::nullopt};
}

// Removes a footnote marker glued to the last word of a law name ("Bảo hiểm y tế1").
std::string strip_glued_digits(std::string name) {
  std::size_t digits = 0;
  while (digits < name.size() && name[name.size() - 1 - digits] >= '0' &&
         name[name.size() - 1 - digits] <= '9')
    ++digits;
  if (digits > 0 && digits <= 2 && digits < name.size() &&
      is_letter(code_point_before(name, name.size() - digits)))
    name.erase(name.size() - digits);
  return name;
}

// A law's name after "Luật": capitalised words up to a date, a number, punctuation or a word
// that starts the rest of the sentence. "Luật sửa đổi, bổ sung ... của Luật X" keeps its chain.
std::optional<Parsed> parse_law_name(const Cursor& cursor, std::size_t pos) {
  const bool amending = cursor.word_at(pos, "sửa đổi");
  std::size_t year_end = 0;
  const int max_words = amending ? 50 : 16;
  std::size_t p = pos;
  std::size_t last_end = pos;
  int words = 0;
  while (p < cursor.text.size() && words < max_words) {
    p = cursor.skip_spaces(p);
    if (p >= cursor.text.size()) break;
    if (!is_letter(code_point_at(cursor.text, p))) break;
    if (amending) {
      if (cursor.word_at(p, "số") && p + 4 < cursor.text.size() &&
          cursor.text[cursor.skip_spaces(p + 4)] >= '0' &&
          cursor.text[cursor.skip_spaces(p + 4)] <= '9')
        break;
      if (cursor.word_at(p, "ngày")) break;
    } else if (cursor.word_at(p, "năm") && words > 0) {
      // "Bộ luật Hình sự năm 2015": the year belongs to the name.
      const std::size_t year = cursor.skip_spaces(p + std::string_view("năm").size());
      std::size_t digits = 0;
      while (year + digits < cursor.text.size() &&
             std::isdigit(static_cast<unsigned char>(cursor.text[year + digits])))
        ++digits;
      if (digits == 4) year_end = year + 4;
      break;
    } else if (cursor.word_at(p, "số")) {
      if (number_after_so(cursor, p)) break;  // "Luật Tổ chức Chính phủ số 63/2025/QH15"
    } else if (cursor.word_at(p, "và") && words > 0) {
      // "Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân" but not "Luật A và Luật B".
      const std::size_t next = cursor.skip_spaces(p + std::string_view("và").size());
      // ... "và Quy chuẩn kỹ thuật" continues; "và Luật ...", "và Nghị quyết số ..." do not.
      if (phrase_at(cursor, next, kNameStops) || citation_starts_at(cursor, next) ||
          type_at(cursor, next) != nullptr)
        break;
    } else if (phrase_at(cursor, p, kNameStops) && !(words == 0 && cursor.word_at(p, "ban hành"))) {
      break;  // ("Luật ban hành văn bản quy phạm pháp luật" is a name)
    }
    std::size_t end = cursor.word_end(p);
    std::size_t word_stop = end;
    word_stop = strip_trailing_punctuation(cursor.text, p, word_stop);
    if (word_stop == p) break;
    ++words;
    last_end = word_stop;
    if (word_stop < end) {
      // A comma inside a name ("Phòng, chống tham nhũng") is followed by a lower-case word
      // that is not the start of the rest of the sentence.
      if (cursor.text[word_stop] != ',' || end - word_stop != 1) break;
      const std::size_t next = cursor.skip_spaces(end);
      const bool continues =
          starts_lower(cursor.text.substr(next, 8)) && !phrase_at(cursor, next, kNameStops);
      // An amending law's name lists laws: "..., Luật Đầu tư, Luật Hải quan".
      const bool next_law = amending && starts_with_instrument_name(cursor, next);
      if (!continues && !next_law) break;
      if (!amending && citation_starts_at(cursor, next)) break;
    }
    p = end;
  }
  if (words == 0) return std::nullopt;
  std::string name = strip_glued_digits(clean_phrase(cursor.text.substr(pos, last_end - pos)));
  if (name.empty()) return std::nullopt;
  Parsed parsed{last_end, name, std::nullopt};
  // "Bộ luật Lao động năm 2019": the year is the law's date, the name stays the name.
  if (year_end > 0) {
    parsed.year = std::string(cursor.text.substr(year_end - 4, 4));
    parsed.end = year_end;
  }
  return parsed;
}

bool starts_with_instrument_name(const Cursor& cursor, std::size_t pos) {
  const TypeEntry* entry = type_at(cursor, pos);
  return entry && entry->type->cited_by_name && starts_upper(cursor.text.substr(pos, 4));
}

// "số" (with an optional colon) before a number: returns the position of the number.
std::optional<std::size_t> number_after_so(const Cursor& cursor, std::size_t pos) {
  if (!cursor.word_at(pos, "số")) return std::nullopt;
  std::size_t p = pos + std::string_view("số").size();
  if (p < cursor.text.size() && cursor.text[p] == ':') ++p;
  p = cursor.skip_spaces(p);
  if (p < cursor.text.size() && cursor.text[p] >= '0' && cursor.text[p] <= '9') return p;
  return std::nullopt;
}

// A few words may stand between a type name and "số": "Chương trình phối hợp công tác số".
std::optional<std::size_t> so_within_words(const Cursor& cursor, std::size_t pos) {
  std::size_t p = pos;
  for (int word = 0; word < 5 && p < cursor.text.size(); ++word) {
    p = cursor.skip_spaces(p);
    if (auto number = number_after_so(cursor, p)) return number;
    const std::size_t end = cursor.word_end(p);
    for (std::size_t k = p; k < end; ++k)
      if (!is_letter(code_point_at(cursor.text, k)) && (cursor.text[k] & 0x80) == 0) return {};
    if ((type_at(cursor, p) && starts_upper(cursor.text.substr(p, 4))) ||
        cursor.word_at(p, "của") || cursor.word_at(p, "ngày"))
      return {};
    p = end;
  }
  return std::nullopt;
}

bool citation_starts_at(const Cursor& cursor, std::size_t pos) {
  const TypeEntry* entry = type_at(cursor, pos);
  if (!entry) return false;
  std::size_t p = cursor.skip_spaces(pos + entry->lowered.size());
  if (number_after_so(cursor, p)) return true;
  if (p < cursor.text.size() && cursor.text[p] >= '0' && cursor.text[p] <= '9') return true;
  return entry->type->cited_by_name && starts_upper(cursor.text.substr(pos, 4));
}

// After a numbered mention: ", số 192/..." or " và số ..." (with "số") lists another
// instrument of the same kind. Returns the position of its number.
std::optional<std::size_t> next_list_item(const Cursor& cursor, std::size_t end) {
  std::size_t p = cursor.skip_spaces(end);
  bool joined = false;
  if (p < cursor.text.size() && cursor.text[p] == ',') {
    p = cursor.skip_spaces(p + 1);
    joined = true;
  }
  if (cursor.word_at(p, "và")) {
    p = cursor.skip_spaces(p + std::string_view("và").size());
    joined = true;
  }
  if (!joined) return std::nullopt;
  return number_after_so(cursor, p);
}

bool list_item_follows(const Cursor& cursor, std::size_t end) {
  const auto item = next_list_item(cursor, end);
  return item && scan_numbers_at(cursor.symbols, cursor.text, *item, true).has_value();
}

// The start of the "số" before the number at `number`.
std::size_t so_before(const Cursor& cursor, std::size_t number) {
  const std::size_t so = std::string_view("số").size();
  for (std::size_t back = so; back <= so + 3 && back <= number; ++back)
    if (cursor.word_at(number - back, "số")) return number - back;
  return number;
}

// The issuer named before the instrument: "Theo đề nghị của Bộ trưởng Bộ Y tế tại Tờ trình số
// ...", "của Chủ tịch UBND thành phố tại các văn bản: ...". `pos` is where the type name starts.
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

void parse_details(const Cursor& cursor, std::size_t& end, Citation& citation, bool by_name) {
  for (int round = 0; round < 4; ++round) {
    std::size_t p = cursor.skip_spaces(end);
    if (p < cursor.text.size() && cursor.text[p] == ',') p = cursor.skip_spaces(p + 1);
    if (!citation.date && cursor.word_at(p, "ngày")) {
      if (auto date = parse_date_at(cursor.text, p + std::string_view("ngày").size())) {
        citation.date = date->iso;
        end = date->end;
        continue;
      }
      // An impossible date ("31/02/2026") is left out, not guessed; the rest is still read.
      const std::size_t value = cursor.skip_spaces(p + std::string_view("ngày").size());
      if (value >= cursor.text.size() ||
          !std::isdigit(static_cast<unsigned char>(cursor.text[value])))
        break;
      end = cursor.word_end(value);
      continue;
    }
    if (!citation.issuer && (cursor.word_at(p, "của") || cursor.word_at(p, "giữa"))) {
      const std::size_t after = cursor.skip_spaces(cursor.word_end(p));
      if (auto issuer = parse_issuer(cursor, after)) {
        citation.issuer = issuer->value;
        end = issuer->end;
        continue;
      }
    }
    break;
  }
  if (by_name) return;  // "Luật Việc làm về ...": the "về" belongs to the enclosing sentence
  std::size_t p = cursor.skip_spaces(end);
  if (p < cursor.text.size() && cursor.text[p] == ',') p = cursor.skip_spaces(p + 1);
  if (!citation.title && phrase_at(cursor, p, kTitleOpeners)) {
    Parsed title = parse_title(cursor, p);
    if (!title.value.empty()) {
      citation.title = title.value;
      end = title.end;
    }
  }
}

}  // namespace

std::vector<Mention> find_mentions(std::string_view text) {
  const Cursor cursor(text);
  std::vector<Mention> mentions;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const TypeEntry* entry = type_at(cursor, pos);
    if (!entry) {
      std::size_t length = 0;
      code_point_at(text, pos, &length);
      pos += std::max<std::size_t>(length, 1);
      continue;
    }
    const DocumentType& type = *entry->type;
    const bool capitalised = starts_upper(text.substr(pos, 4));
    const std::size_t after_name = pos + entry->lowered.size();
    std::size_t p = cursor.skip_spaces(after_name);
    // "các Tờ trình: Số 202/TTr-BVHTTDL ..., số 192/TTr-BVHTTDL ...": a colon opens the list.
    std::size_t number_at = p;
    if (p < text.size() && text[p] == ':') number_at = cursor.skip_spaces(p + 1);

    Mention mention;
    mention.position = pos;
    mention.citation.type = std::string(type.name);
    std::vector<std::string> symbols;
    std::vector<std::size_t> markers;
    std::size_t end = after_name;
    std::optional<std::size_t> number_pos = number_after_so(cursor, number_at);
    // Only "<Type> số <number>" vouches for the older form naming only the issuer ("Nghị định
    // số 50/CP"); "báo cáo 404/BTXH" or "Thông tư này ... Mẫu số 01/PLI" does not.
    const bool after_so = number_pos.has_value();
    if (!number_pos && number_at < text.size() && text[number_at] >= '0' &&
        text[number_at] <= '9' && type.heads_documents)
      number_pos = number_at;
    if (!number_pos && !type.cited_by_name && number_at == p)
      number_pos = so_within_words(cursor, p);
    if (number_pos) {
      if (auto scanned = scan_numbers_at(cursor.symbols, text, *number_pos, after_so)) {
        symbols = scanned->symbols;
        markers = scanned->marker_digits;
        end = scanned->end;
      }
    }
    if (symbols.empty()) {
      if (!type.cited_by_name || !capitalised) {
        pos = after_name;
        continue;
      }
      auto name = parse_law_name(cursor, p);
      if (!name) {
        pos = after_name;
        continue;
      }
      end = name->end;
      if (name->year) mention.citation.date = name->year;
      const std::string full_name =
          std::string(text.substr(pos, after_name - pos)) + " " + name->value;
      mention.law_key = law_key(full_name);
      // A law's name is its subject: "Luật Thực hiện dân chủ ở cơ sở".
      mention.citation.title = collapse_spaces(full_name);
      // "Luật Tổ chức Chính phủ số 63/2025/QH15": a name and a number.
      if (auto numbered = number_after_so(cursor, cursor.skip_spaces(end))) {
        if (auto scanned = scan_numbers_at(cursor.symbols, text, *numbered, true)) {
          symbols = scanned->symbols;
          markers = scanned->marker_digits;
          end = scanned->end;
        }
      }
    }
    std::size_t resume = end;  // nested citations inside the subject are read too
    parse_details(cursor, end, mention.citation, mention.law_key.has_value() && symbols.empty());
    mention.citation.text = clean_phrase(text.substr(pos, end - pos));
    const std::optional<std::string> named_before =
        symbols.empty() ? std::nullopt : issuer_before(cursor, pos);
    if (!mention.citation.issuer) mention.citation.issuer = named_before;
    if (symbols.empty()) {
      mention.citation.number_key = mention.law_key;
      mentions.push_back(mention);
      pos = std::max(resume, after_name);
      continue;
    }
    const auto add_numbered = [&](const Mention& base, const std::vector<std::string>& numbers,
                                  const std::vector<std::size_t>& number_markers,
                                  bool type_from_symbol) {
      for (std::size_t k = 0; k < numbers.size(); ++k) {
        Mention one = base;
        // "Văn bản số 1234/UBND-VP": the symbol tells which kind of document it is.
        if (type_from_symbol) {
          std::string code;
          if (const DocumentType* named = type_from_number(numbers[k], false, &code))
            one.citation.type = std::string(named->name);
        }
        one.citation.number = numbers[k];
        one.citation.number_key = symbol_key(numbers[k]);
        one.marker_digits = number_markers[k];
        mentions.push_back(std::move(one));
      }
    };
    add_numbered(mention, symbols, markers, !type.heads_documents);
    // The list goes on without the type name, each item with its own details: "Tờ trình số
    // 202/TTr-BVHTTDL ngày 11/5/2026, số 192/TTr-BVHTTDL ngày 06/5/2026 và số ...". An item's
    // symbol may name another kind ("... và số 374/BC-BCT", a Báo cáo).
    for (std::optional<std::size_t> item = next_list_item(cursor, end); item;
         item = next_list_item(cursor, end)) {
      const auto scanned = scan_numbers_at(cursor.symbols, text, *item, true);
      if (!scanned) break;
      const std::size_t item_start = so_before(cursor, *item);
      Mention next;
      next.position = item_start;
      next.citation.type = std::string(type.name);
      end = resume = scanned->end;
      parse_details(cursor, end, next.citation, false);
      if (!next.citation.issuer) next.citation.issuer = named_before;
      next.citation.text = clean_phrase(text.substr(item_start, end - item_start));
      add_numbered(next, scanned->symbols, scanned->marker_digits, true);
    }
    pos = std::max(resume, after_name);
  }
  return mentions;
}

}  // namespace vanban::analyzers::structure
