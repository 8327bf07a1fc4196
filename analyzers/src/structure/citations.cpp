#include "structure/citations.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "vanban/analyzers/fold.hpp"
#include "vanban/analyzers/symbol.hpp"

#include "structure/citation_cursor.hpp"
#include "structure/dates.hpp"
#include "structure/issuer_parser.hpp"
#include "structure/parts.hpp"
#include "structure/symbol_scan.hpp"
#include "structure/tables.hpp"
#include "structure/text.hpp"

namespace vanban::analyzers::structure {
namespace {

// Words that end a subject: the sentence goes on with its predicate.
constexpr std::array kTitleEnds = {
    std::string_view{"được"},
    std::string_view{"đã được"},
    std::string_view{"có hiệu lực"},
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

std::optional<std::size_t> next_list_item(const Cursor& cursor, std::size_t end);
bool list_item_follows(const Cursor& cursor, std::size_t end);
bool starts_with_instrument_name(const Cursor& cursor, std::size_t pos);

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
