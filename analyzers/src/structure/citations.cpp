#include "structure/citations.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

#include "vanban/analyzers/fold.hpp"
#include "vanban/analyzers/symbol.hpp"

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

// Words that end an issuer phrase ("của UBND tỉnh về ...").
constexpr std::array kIssuerStops = {
    std::string_view{"ngày"},       std::string_view{"đã"},        std::string_view{"được"},
    std::string_view{"có"},         std::string_view{"nhằm"},      std::string_view{"để"},
    std::string_view{"thì"},        std::string_view{"theo"},      std::string_view{"tại"},
    std::string_view{"trong"},      std::string_view{"với"},       std::string_view{"triển khai"},
    std::string_view{"thực hiện"},  std::string_view{"số"},        std::string_view{"và các"},
    std::string_view{"đến"},        std::string_view{"trên"},      std::string_view{"cho"},
    std::string_view{"tới"},        std::string_view{"khi"},       std::string_view{"sau"},
    std::string_view{"trước"},      std::string_view{"là"},        std::string_view{"gồm"},
    std::string_view{"kèm"},        std::string_view{"như"},       std::string_view{"đề nghị"},
    std::string_view{"chỉ đạo"},    std::string_view{"trình"},     std::string_view{"tham mưu"},
    std::string_view{"kiện toàn"},  std::string_view{"phân công"}, std::string_view{"giao"},
    std::string_view{"công bố"},    std::string_view{"yêu cầu"},   std::string_view{"kết luận"},
    std::string_view{"thông qua"},  std::string_view{"cho phép"},  std::string_view{"áp dụng"},
    std::string_view{"điều chỉnh"}, std::string_view{"tổ chức"},   std::string_view{"bổ sung"},
    std::string_view{"tạm ngưng"},  std::string_view{"hủy bỏ"},    std::string_view{"đình chỉ"},
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

// "của UBND tỉnh", "của Tỉnh ủy (nay là Thành ủy)", "giữa Ban A và Ban B": up to a subject
// opener, a date, punctuation or the next citation.
std::optional<Parsed> parse_issuer(const Cursor& cursor, std::size_t pos) {
  std::size_t p = pos;
  std::size_t last_end = pos;
  int words = 0;
  while (p < cursor.text.size() && words < 16) {
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
    if (is_clause_punctuation(c) || starts_quote(cursor.text, p)) break;
    // Stop words are lower-case verbs and particles; capitalised, they belong to a name
    // ("Bộ Giao thông vận tải", "Ban Tổ chức Trung ương").
    if (words > 0 &&
        (phrase_at(cursor, p, kTitleOpeners) || citation_starts_at(cursor, p) ||
         (phrase_at(cursor, p, kIssuerStops) && !starts_upper(cursor.text.substr(p, 4)))))
      break;
    // "và" joins two bodies ("Bộ trưởng Bộ Tài chính và Bộ trưởng Bộ Giao thông vận tải") but
    // not a body and the next instrument or clause.
    if (cursor.word_at(p, "và")) {
      const std::size_t next = cursor.skip_spaces(p + std::string_view("và").size());
      const TypeEntry* type = type_at(cursor, next);
      if (!starts_upper(cursor.text.substr(next, 4)) || citation_starts_at(cursor, next) ||
          (type && type->type->heads_documents))
        break;
    }
    std::size_t end = cursor.word_end(p);
    // Trailing punctuation belongs to the clause, not the name; so does a ")" closing a
    // parenthesis opened before the issuer.
    std::size_t word_stop = end;
    word_stop = strip_trailing_punctuation(cursor.text, p, word_stop);
    if (word_stop == p) break;
    ++words;
    last_end = word_stop;
    if (word_stop < end) break;
    p = end;
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
