#include "structure/citations.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include "vanban/analyzers/fold.hpp"
#include "vanban/analyzers/symbol.hpp"

#include "structure/body_names.hpp"
#include "structure/citation_cursor.hpp"
#include "structure/dates.hpp"
#include "structure/issuer_parser.hpp"
#include "structure/law_names.hpp"
#include "structure/number_lists.hpp"
#include "structure/parts.hpp"
#include "structure/tables.hpp"
#include "structure/text.hpp"
#include "syllable.hpp"

namespace vanban::analyzers::structure {
namespace {

// Words that end a subject: the sentence goes on with its predicate.
constexpr std::array kTitleEnds = {
    std::string_view{"được"},
    std::string_view{"đã được"},
    std::string_view{"có hiệu lực"},
    std::string_view{"hết hiệu lực"},
    std::string_view{"không còn hiệu lực"},
};

// Words that end a law name ("Luật Thực hiện dân chủ ở cơ sở ngày ...").
constexpr std::array kNameStops = {
    std::string_view{"ngày"},     std::string_view{"số"},           std::string_view{"của"},
    std::string_view{"về"},       std::string_view{"quy định"},     std::string_view{"hướng dẫn"},
    std::string_view{"được"},     std::string_view{"đã"},           std::string_view{"có hiệu lực"},
    std::string_view{"thì"},      std::string_view{"này"},          std::string_view{"hiện hành"},
    std::string_view{"đối với"},  std::string_view{"trong"},        std::string_view{"đến"},
    std::string_view{"tại"},      std::string_view{"để"},           std::string_view{"và"},
    std::string_view{"hoặc"},     std::string_view{"cũng"},         std::string_view{"nhằm"},
    std::string_view{"khi"},      std::string_view{"là"},           std::string_view{"không"},
    std::string_view{"do"},       std::string_view{"mà"},           std::string_view{"các"},
    std::string_view{"những"},    std::string_view{"nay"},          std::string_view{"đó"},
    std::string_view{"gồm"},      std::string_view{"như"},          std::string_view{"sẽ"},
    std::string_view{"ban hành"}, std::string_view{"sau"},          std::string_view{"trên"},
    std::string_view{"nếu"},      std::string_view{"năm"},          std::string_view{"bởi"},
    std::string_view{"thi hành"}, std::string_view{"vào"},          std::string_view{"cho"},
    std::string_view{"bao gồm"},  std::string_view{"chưa"},         std::string_view{"có"},
    std::string_view{"cần"},      std::string_view{"đang"},         std::string_view{"vẫn"},
    std::string_view{"đều"},      std::string_view{"cùng"},         std::string_view{"với"},
    std::string_view{"căn cứ"},   std::string_view{"theo đề nghị"}, std::string_view{"kể từ"},
    std::string_view{"từ"},       std::string_view{"trừ"},          std::string_view{"trước"},
    std::string_view{"nên"},      std::string_view{"thuộc"},        std::string_view{"áp dụng"},
    std::string_view{"bằng"},
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
      if (end > pos &&
          (phrase_at(cursor, q, kTitleEnds) || cursor.formula_slip_at(q, "hết hiệu lực")))
        break;
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

// "năm 2019" at `pos`: the end of the year and the year.
std::optional<std::pair<std::size_t, std::string>> year_at(const Cursor& cursor, std::size_t pos) {
  if (!cursor.word_at(pos, "năm")) return std::nullopt;
  const std::size_t year = cursor.skip_spaces(pos + std::string_view("năm").size());
  std::size_t digits = 0;
  while (year + digits < cursor.text.size() &&
         std::isdigit(static_cast<unsigned char>(cursor.text[year + digits])))
    ++digits;
  if (digits != 4) return std::nullopt;
  return std::pair{year + 4, std::string(cursor.text.substr(year, 4))};
}

struct LawName {
  std::size_t name_end = 0;  // after the name's last word
  std::size_t end = 0;       // after what the name carries with it ("năm 2019")
  std::optional<std::string> year;
  std::size_t nested = 0;  // the last law an amending law lists, when a number follows it
};

// The State's bodies a name may be about (Hiến pháp): "Luật Bầu cử đại biểu Hội đồng nhân
// dân", "Luật Hoạt động giám sát của Quốc hội"; a ministry after a name is a table's next cell
// ("Luật Đấu giá tài sản Bộ Tư pháp"). The 1980 Constitution's collective bodies too ("Luật tổ
// chức Hội đồng Bộ trưởng" of 1981, "Hội đồng Nhà nước"), whose names capitalise a later word.
constexpr std::array kStateBodies = {
    std::string_view{"quốc hội"},           std::string_view{"hội đồng nhân dân"},
    std::string_view{"ủy ban nhân dân"},    std::string_view{"uỷ ban nhân dân"},
    std::string_view{"tòa án nhân dân"},    std::string_view{"toà án nhân dân"},
    std::string_view{"viện kiểm sát"},      std::string_view{"mặt trận tổ quốc"},
    std::string_view{"nhà nước"},           std::string_view{"chính phủ"},
    std::string_view{"công an nhân dân"},   std::string_view{"quân đội nhân dân"},
    std::string_view{"hội đồng bộ trưởng"}, std::string_view{"hội đồng nhà nước"},
};

// A capitalised word at `pos` inside a law's name: after "và" or a comma, the country's name,
// the body a "Luật Tổ chức ..." is about, or the next word of such a run. `body_end` receives
// the end of the body's name when one starts there: its later words are the name's whatever
// their case ("Hội đồng Bộ trưởng").
bool capital_may_go_on(const Cursor& cursor, std::size_t pos, bool joined, std::size_t& body_end) {
  if (joined || cursor.word_at(pos, "việt nam")) return true;
  if (const std::size_t length = phrase_at(cursor, pos, kStateBodies)) {
    body_end = pos + length;
    return true;
  }
  // A run of capitalised words goes on ("Ủy ban Nhân dân" after "và").
  if (pos >= 2 && starts_upper(cursor.text.substr(cursor.text.rfind(' ', pos - 2) + 1, 4)))
    return true;
  const std::size_t before = cursor.text.rfind(' ', pos >= 2 ? pos - 2 : 0);
  const std::size_t word = before == std::string_view::npos ? 0 : before + 1;
  if (!cursor.word_at(word, "chức")) return false;
  const auto known = known_name_at(cursor.text, pos);
  if (!known) return false;
  body_end = known->end;
  return true;
}

// The amending formula that opens an amending law's name, "sửa đổi, bổ sung", also as an OCR
// layer gives it with a slipped mark ("sửa đối, bố sung"): the four words folded, nothing else
// folds so. "sửa đổi" alone keeps its marks.
bool amending_at(const Cursor& cursor, std::size_t pos) {
  if (cursor.word_at(pos, "sửa đổi")) return true;
  static constexpr std::string_view kFolded = "sua doi, bo sung";
  if (pos >= cursor.lowered.size() || cursor.lowered[pos] != 's') return false;
  // The four words take 16 to 24 bytes with their marks.
  std::size_t end = pos;
  for (int word = 0; word < 4; ++word)
    end = cursor.word_end(cursor.skip_spaces(end));
  if (end - pos > 32) return false;
  return fold(cursor.text.substr(pos, end - pos)) == kFolded;
}

// The same words, type and all, cited elsewhere in the text as a whole name, closed by its date,
// year or number ("Căn cứ Pháp lệnh Phòng, chống lụt, bão ngày 08 tháng 3 năm 1993" above
// "... của Pháp lệnh Phòng, chống lụt, bão đã được sửa đổi"): one instrument, cited again, is
// named as it was first (ND30 Phụ lục I §II.6), so its commas are the name's, not the sentence's.
bool cited_whole_elsewhere(std::string_view text, std::size_t from, std::size_t to) {
  const std::string_view words = text.substr(from, to - from);
  for (std::size_t at = text.find(words); at != std::string_view::npos;
       at = text.find(words, at + 1)) {
    if (at == from) continue;
    const std::string_view after = text.substr(at + words.size(), 8);
    if (after.starts_with(" ngày ") || after.starts_with(" năm ") || after.starts_with(" số "))
      return true;
  }
  return false;
}

// A law's name read by the rules of running text: words up to a date, a number, punctuation
// or a word that starts the rest of the sentence. `capitals`: the name is set in capitals
// ("BỘ LUẬT LAO ĐỘNG") and ends at the first word that is not.
std::optional<LawName> parse_name_by_rules(const Cursor& cursor, std::size_t type_pos,
                                           std::size_t pos, bool capitals) {
  const bool amending = amending_at(cursor, pos);
  const int max_words = amending ? 50 : 16;
  std::size_t p = pos;
  LawName name;
  int words = 0;
  bool joined = false;           // the last word was "và" or ended with a comma
  std::size_t before_comma = 0;  // where the name ended before it went on past a comma
  std::size_t before_and = 0;    // where it ended before it went on past "và" in lower case
  std::size_t body_end = 0;      // the end of a State body's name the law is about
  while (p < cursor.text.size() && words < max_words) {
    p = cursor.skip_spaces(p);
    if (p >= cursor.text.size()) break;
    if (!is_letter(code_point_at(cursor.text, p))) break;
    if (capitals && !is_upper_text(cursor.text.substr(p, cursor.word_end(p) - p))) break;
    if (amending) {
      if (cursor.word_at(p, "số") && p + 4 < cursor.text.size() &&
          cursor.text[cursor.skip_spaces(p + 4)] >= '0' &&
          cursor.text[cursor.skip_spaces(p + 4)] <= '9')
        break;
      if (cursor.word_at(p, "ngày")) break;
      // The words of an amending law's name ("... một số điều của các Luật về thuế") aside,
      // the sentence's own words end it ("Luật sửa đổi ... các cấp ban hành ngày ...").
      if (words > 1 && !cursor.word_at(p, "của") && !cursor.word_at(p, "về") &&
          !cursor.word_at(p, "và") && !cursor.word_at(p, "các") && phrase_at(cursor, p, kNameStops))
        break;
    } else if (cursor.word_at(p, "năm") && words > 0) {
      // "Bộ luật Hình sự năm 2015": the year belongs to the name.
      if (auto year = year_at(cursor, p)) {
        name.end = year->first;
        name.year = year->second;
      }
      break;
    } else if (cursor.word_at(p, "số")) {
      if (number_after_so(cursor, p)) break;  // "Luật Tổ chức Chính phủ số 63/2025/QH15"
    } else if (cursor.word_at(p, "và") && words > 0) {
      // "Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân" but not "Luật A và Luật B".
      const std::size_t next = cursor.skip_spaces(p + std::string_view("và").size());
      // ... "và Quy chuẩn kỹ thuật" continues; "và Luật ...", "và Nghị quyết số ...", "và có
      // đủ ..." do not.
      if (phrase_at(cursor, next, kNameStops) || citation_starts_at(cursor, next) ||
          type_at(cursor, next) != nullptr)
        break;
      if (before_and == 0 && starts_lower(cursor.text.substr(next, 4))) before_and = name.name_end;
    } else if (phrase_at(cursor, p, kNameStops) && !(words == 0 && cursor.word_at(p, "ban hành"))) {
      // ("Luật ban hành văn bản quy phạm pháp luật" is a name.) A name that went on past a
      // comma and ends at a word of the sentence, not at punctuation or its date, year or
      // number, was the sentence going on: "các quy định của Luật Môi trường, ảnh hưởng lớn
      // đến ..." ("Phòng, chống tham nhũng" and the like are in the table).
      const bool sentence_word = !amending && !cursor.word_at(p, "ngày") &&
                                 !cursor.word_at(p, "năm") && !cursor.word_at(p, "số");
      if (sentence_word && before_comma != 0 &&
          !begins_known_law_name(cursor.text, type_pos, before_comma) &&
          !cited_whole_elsewhere(cursor.text, type_pos, name.name_end))
        name.name_end = before_comma;
      // Likewise past "và" and a word in lower case: a name joins nouns so ("Luật Bầu cử đại
      // biểu Quốc hội và đại biểu Hội đồng nhân dân", closed by its date or number), and so does
      // the sentence, with a clause ("Luật Trí tuệ nhân tạo và nội dung của giấy xác nhận").
      // Ended by the sentence's word, the words after "và" are the sentence's, unless the whole
      // begins a name the table knows.
      else if (sentence_word && before_and != 0 &&
               !begins_known_law_name(cursor.text, type_pos, name.name_end))
        name.name_end = before_and;
      break;
    }
    // After the first word only proper nouns are capitalised (ND30 Phụ lục II): a capitalised
    // word is the next cell of a table or the next sentence ("Luật Quản lý nợ công Tiếp nhận
    // hồ sơ", "... Bộ Tài chính"), unless the words are joined ("Luật Phí và Lệ phí") or it is
    // the country's name.
    if (!capitals && words > 0 && !amending && p >= body_end &&
        starts_upper(cursor.text.substr(p, 4)) && !capital_may_go_on(cursor, p, joined, body_end))
      break;
    std::size_t end = cursor.word_end(p);
    // A word is cut at a bracket or a dot inside it: "thầu](2", "người.1" (a marker, a link).
    const std::size_t inner = cursor.text.substr(p, end - p).find_first_of(".[]()");
    const bool cut = inner != std::string_view::npos && inner > 0;
    if (cut) end = p + inner;
    std::size_t word_stop = end;
    word_stop = strip_trailing_punctuation(cursor.text, p, word_stop);
    if (word_stop == p) break;
    ++words;
    name.name_end = word_stop;
    joined = cursor.word_at(p, "và");
    if (cut) break;
    if (word_stop < end) {
      joined = true;
      // A comma inside a name ("Phòng, chống tham nhũng") is followed by a lower-case word
      // that is not the start of the rest of the sentence.
      if (cursor.text[word_stop] != ',' || end - word_stop != 1) break;
      const std::size_t next = cursor.skip_spaces(end);
      const bool continues =
          starts_lower(cursor.text.substr(next, 8)) && !phrase_at(cursor, next, kNameStops);
      // An amending law's name lists laws: "..., Luật Đầu tư, Luật Hải quan".
      const bool next_law = amending && starts_with_instrument_name(cursor, next);
      if (!continues && !next_law) break;
      if (before_comma == 0) before_comma = word_stop;
      if (!amending && citation_starts_at(cursor, next)) break;
    }
    p = end;
  }
  if (words == 0) return std::nullopt;
  name.end = std::max(name.end, name.name_end);
  return name;
}

// Words of structure that follow a heading, not a name: "BỘ LUẬT LAO ĐỘNG Điều 1".
bool structure_word_at(const Cursor& cursor, std::size_t pos) {
  static constexpr std::array kWords = {
      std::string_view{"điều"}, std::string_view{"chương"}, std::string_view{"mục"},
      std::string_view{"phần"}, std::string_view{"khoản"},  std::string_view{"điểm"},
  };
  return phrase_at(cursor, pos, kWords) != 0;
}

// Where a name the table knows (law_names.hpp) may still go on: into a longer name the table
// lacks, when the words after it are the country's name ("Luật Biển Việt Nam") or a few words
// closed by what follows a name in a citation: its date, year or number ("Luật Đầu tư theo
// phương thức đối tác công tư ngày ..."). "Luật Doanh nghiệp chưa ...", "Luật Giáo dục nghề
// nghiệp tổ chức cuộc họp" stop.
bool name_goes_on(const Cursor& cursor, std::size_t known_end, const LawName& by_rules) {
  const std::size_t next = cursor.skip_spaces(known_end);
  if (next >= by_rules.name_end) return false;
  if (cursor.word_at(next, "việt nam")) return true;
  // "số" right after the name is the label of its number (docs/domain.md 1.8), even where the
  // number was lost ("Luật Quản lý thuế số ngày 13 tháng 6 năm 2019"): no word of a name.
  if (cursor.word_at(next, "số") &&
      cursor.skip_spaces(next + std::string_view("số").size()) >= by_rules.name_end)
    return false;
  int words = 0;
  for (std::size_t p = next; p < by_rules.name_end; p = cursor.skip_spaces(cursor.word_end(p)))
    ++words;
  if (words > 8) return false;
  const std::size_t after = cursor.skip_spaces(by_rules.name_end);
  return by_rules.year || cursor.word_at(after, "ngày") || number_after_so(cursor, after);
}

std::optional<Parsed> parse_law_name(const Cursor& cursor, std::size_t type_pos, std::size_t pos);

// An amending law's name: "sửa đổi, bổ sung một số điều của" then the laws it amends, each one
// a name of its own, joined by commas and "và", however many it lists ("... của Luật Quy
// hoạch, Luật Đầu tư, ... và Luật Đấu thầu"). nullopt when the text does not have that shape.
std::optional<LawName> parse_amending_chain(const Cursor& cursor, std::size_t pos) {
  std::size_t p = pos;
  // The formula without its "của", the law named right after "điều" ("sửa đổi, bổ sung một số
  // điều Luật Ban hành ..."), as a typist shortens it.
  const auto law_after_article = [&](std::size_t at) {
    if (!cursor.word_at(at, "điều")) return false;
    const std::size_t q = cursor.skip_spaces(at + std::string_view("điều").size());
    const TypeEntry* entry = type_at(cursor, q);
    return entry && entry->type->cited_by_name && starts_upper(cursor.text.substr(q, 4));
  };
  for (int word = 0; word < 30 && !cursor.word_at(p, "của") && !law_after_article(p); ++word) {
    const std::size_t end = cursor.word_end(p);
    const std::size_t stop = strip_trailing_punctuation(cursor.text, p, end);
    // The formula's own words may carry an OCR engine's dot for its comma ("sửa đổi. bổ sung")
    // or a stray colon ("bổ sung: một số điều"): the clause goes on (law_key keys them alike).
    const bool formula_mark = word < 4 && end - stop == 1 &&
                              (cursor.text[stop] == '.' || cursor.text[stop] == ':') &&
                              (fold(cursor.text.substr(p, stop - p)) == "doi" ||
                               fold(cursor.text.substr(p, stop - p)) == "sung");
    if (stop == p ||
        (stop < end && !(cursor.text[stop] == ',' && end - stop == 1) && !formula_mark))
      return std::nullopt;  // the clause ends before any law is named
    p = cursor.skip_spaces(end);
  }
  if (cursor.word_at(p, "của")) {
    p = cursor.skip_spaces(p + std::string_view("của").size());
  } else if (law_after_article(p)) {
    p = cursor.skip_spaces(p + std::string_view("điều").size());
  } else {
    return std::nullopt;
  }
  // "... một số điều của các luật về thuế": the laws amended, named together by their field
  // (the amending law of 2014 on taxes), in lower-case words up to its date, year or number.
  // So are laws named by their count: "... của 37 luật có liên quan đến quy hoạch" (an
  // amending law that changes many laws at once names them so in its own title).
  std::size_t count_end = 0;
  if (cursor.word_at(p, "các")) {
    count_end = p + std::string_view("các").size();
  } else {
    std::size_t digits = p;
    while (digits < cursor.text.size() && digits - p < 3 && cursor.text[digits] >= '0' &&
           cursor.text[digits] <= '9')
      ++digits;
    if (digits > p && digits < cursor.text.size() && cursor.text[digits] == ' ') count_end = digits;
  }
  if (count_end != 0) {
    const std::size_t q = cursor.skip_spaces(count_end);
    if (const TypeEntry* entry = type_at(cursor, q); entry && entry->type->cited_by_name) {
      std::size_t r = cursor.skip_spaces(q + entry->lowered.size());
      std::size_t end = 0;
      for (int words = 0; words < 12 && r < cursor.text.size(); ++words) {
        if (!is_letter(code_point_at(cursor.text, r)) || !starts_lower(cursor.text.substr(r, 8)) ||
            cursor.word_at(r, "ngày") || cursor.word_at(r, "năm") || cursor.word_at(r, "và") ||
            cursor.word_at(r, "số"))
          break;
        const std::size_t word_end = cursor.word_end(r);
        const std::size_t stop = strip_trailing_punctuation(cursor.text, r, word_end);
        if (stop == r) break;
        end = stop;
        if (stop < word_end) break;
        r = cursor.skip_spaces(word_end);
      }
      if (end == 0) return std::nullopt;
      LawName collective{end, end, std::nullopt, 0};
      if (auto year = year_at(cursor, cursor.skip_spaces(end))) {
        collective.end = year->first;
        collective.year = year->second;
      }
      return collective;
    }
  }
  std::optional<LawName> chain;
  while (true) {
    const TypeEntry* entry = type_at(cursor, p);
    std::optional<Parsed> law;
    if (entry) {
      if (!entry->type->cited_by_name || !starts_upper(cursor.text.substr(p, 4))) break;
      const std::size_t name_at = cursor.skip_spaces(p + entry->lowered.size());
      law = parse_law_name(cursor, p, name_at);
    } else if (starts_upper(cursor.text.substr(p, 4))) {
      // A listed law whose type word the typist left out ("... của Phòng, chống thiên tai và
      // Luật Đê điều"): only a name the table knows, read as if "Luật" stood before it.
      const std::string with_type = "Luật " + std::string(cursor.text.substr(p, 200));
      if (const auto known = known_law_name_end(with_type, 0))
        law = Parsed{p + *known - std::string_view("Luật ").size(), "", std::nullopt};
    }
    if (!law) break;
    // "... của Luật Thi hành án dân sự năm 2014": the year after the last listed law is the
    // amending law's own, not part of the name.
    std::size_t listed_end = law->end;
    if (law->year) {
      const std::size_t year_word = cursor.lowered.rfind("năm", law->end);
      if (year_word != std::string::npos && year_word > p)
        listed_end = strip_trailing_punctuation(cursor.text, p, year_word > 0 ? year_word - 1 : 0);
    }
    chain = LawName{listed_end, law->end, law->year, 0};
    std::size_t q = cursor.skip_spaces(law->end);
    // "... của Luật Bảo hiểm y tế số 25/2008/QH12": the number is the listed law's own.
    if (number_after_so(cursor, q)) {
      chain->nested = p;
      break;
    }
    if (q < cursor.text.size() && cursor.text[q] == ',') {
      q = cursor.skip_spaces(q + 1);
    } else if (cursor.word_at(q, "và")) {
      q = cursor.skip_spaces(q + std::string_view("và").size());
    } else {
      break;
    }
    p = q;
  }
  return chain;
}

// A name read by the rules is followed by what follows a law's name in a citation, its date,
// year or number, not by a word of the sentence ("các Luật liên quan đến ...", "ý kiến của
// Luật sư tư vấn."). Two words at least.
bool ends_cleanly(const Cursor& cursor, std::size_t pos, const LawName& name) {
  if (name.name_end <= pos ||
      cursor.text.substr(pos, name.name_end - pos).find(' ') == std::string_view::npos)
    return false;
  if (name.year) return true;
  const std::size_t after = cursor.skip_spaces(name.name_end);
  return cursor.word_at(after, "ngày") || number_after_so(cursor, after);
}

// "của Hội đồng nhân dân và Ủy ban nhân dân" after a law's name belongs to the name: a law is
// issued by the Quốc hội only (L64 Điều 4), so local bodies after "của" are what the law is
// about ("Luật Ban hành văn bản quy phạm pháp luật của Hội đồng nhân dân, Ủy ban nhân dân", 2004;
// "Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân"). Returns the end of the bodies,
// or `pos` when they are not there. The bodies may be written by the short forms ND30 lets a
// common name take ("... pháp luật của HĐND, UBND").
std::size_t local_bodies_after(const Cursor& cursor, std::size_t pos) {
  static constexpr std::array kLocal = {
      std::string_view{"hội đồng nhân dân"},
      std::string_view{"ủy ban nhân dân"},
      std::string_view{"uỷ ban nhân dân"},
      std::string_view{"hđnd"},
      std::string_view{"ubnd"},
  };
  static constexpr std::array kCentral = {std::string_view{"quốc hội"}};
  std::size_t p = cursor.skip_spaces(pos);
  if (!cursor.word_at(p, "của")) return pos;
  p = cursor.skip_spaces(p + std::string_view("của").size());
  std::size_t end = pos;
  bool local = false;
  while (true) {
    const std::size_t local_length = phrase_at(cursor, p, kLocal);
    const std::size_t length = local_length != 0 ? local_length : phrase_at(cursor, p, kCentral);
    if (length == 0) break;
    local = local || local_length != 0;
    end = p + length;
    std::size_t q = end;
    if (q < cursor.text.size() && cursor.text[q] == ',') ++q;
    q = cursor.skip_spaces(q);
    if (cursor.word_at(q, "và")) q = cursor.skip_spaces(q + std::string_view("và").size());
    if (q == end) break;
    p = q;
  }
  return local ? end : pos;
}

// Words that take what follows them (a preposition, a conjunction): a name, a noun phrase,
// never ends on one ("Luật Trí tuệ nhân tạo theo các phương thức ...": the sentence follows).
// Not "ở" nor "số", which end names as nouns ("Luật Nhà ở", "Luật Chuyển đổi số").
constexpr std::array kUnfinishedTails = {
    std::string_view{"theo"},  std::string_view{"và"},    std::string_view{"của"},
    std::string_view{"về"},    std::string_view{"với"},   std::string_view{"tại"},
    std::string_view{"cho"},   std::string_view{"hoặc"},  std::string_view{"các"},
    std::string_view{"những"}, std::string_view{"trong"}, std::string_view{"từ"},
    std::string_view{"đến"},   std::string_view{"đối"},
};

// The end of a law's name as a user may read it in the facet, from the words read in
// [pos, name_end) (`name_end` past the last one): whole words, ending where a name can end.
// nullopt when they name no law.
// - The words that take an object are no end (kUnfinishedTails): they go.
// - "và" before a reference to a part ("Luật Dẫn độ và Điều 9 của Nghị định này", ND30 Phụ lục
//   II: Điều, Chương, Mục, Phần capitalised) ends the name: a part is never a name's word.
// - A name shortened to its abbreviation ("Luật PPP", "Luật NSNN": capitals that spell no
//   syllable, ND30 lets a common name be abbreviated) ends after its abbreviated parts ("Luật
//   MTTQ VN", "Luật KHCN và ĐMST") and the country's name: another capitalised word after it
//   is a table's next cell ("Luật NSNN Bộ Tài chính"), "và ..." in lower case the sentence.
// - A last word in lower case that is no syllable of the language was cut where the text ends
//   or a page broke ("Luật Tiếp c"): which law it named is unknown.
// - An amending law's formula alone ("Luật Sửa đổi, bổ sung" before a colon) names no law.
std::optional<std::size_t> finished_name_end(const Cursor& cursor, std::size_t pos,
                                             std::size_t name_end, bool capitals) {
  struct Word {
    std::size_t start;
    std::size_t end;
  };
  std::vector<Word> words;
  for (std::size_t p = pos; p < name_end;) {
    while (p < name_end && is_space(cursor.text[p]))
      ++p;
    std::size_t end = p;
    while (end < name_end && !is_space(cursor.text[end]))
      ++end;
    if (end > p) words.push_back({p, end});
    p = end;
  }
  const auto letters_of = [&](const Word& word) {
    std::u32string letters;
    bool other = false;
    for (std::size_t at = word.start, length = 0; at < word.end; at += length == 0 ? 1 : length) {
      const char32_t c = code_point_at(cursor.text, at, &length);
      if (is_letter(c)) {
        letters.push_back(c);
      } else if (c != U',' && c != U'.' && c != U';' && c != U':') {
        other = true;
      }
    }
    return std::pair{letters, other};
  };
  const auto is_abbreviation = [&](const Word& word) {
    const auto [letters, other] = letters_of(word);
    const std::string_view written = cursor.text.substr(word.start, word.end - word.start);
    return !other && letters.size() >= 2 && is_upper_text(written) &&
           !syllable::is_vietnamese(letters);
  };
  if (!capitals && words.size() >= 2 && is_abbreviation(words[0])) {
    // Abbreviated parts go on as one name ("Luật MTTQ VN", "Luật KHCN và ĐMST"), and so does
    // the country's name after them ("Luật MTTQ Việt Nam"); the first other word ends it.
    std::size_t kept = 1;
    while (kept < words.size()) {
      if (is_abbreviation(words[kept])) {
        ++kept;
      } else if (kept + 1 < words.size() && cursor.word_at(words[kept].start, "và") &&
                 words[kept].end - words[kept].start == 3 && is_abbreviation(words[kept + 1])) {
        kept += 2;
      } else if (kept + 1 < words.size() && cursor.word_at(words[kept].start, "việt nam")) {
        kept += 2;
      } else {
        break;
      }
    }
    words.resize(kept);
  }
  if (!amending_at(cursor, pos))
    for (std::size_t k = 1; k + 1 < words.size(); ++k)
      if (cursor.word_at(words[k].start, "và") && words[k].end - words[k].start == 3 &&
          (structure_word_at(cursor, words[k + 1].start) ||
           cursor.word_at(words[k + 1].start, "tiểu mục") ||
           cursor.word_at(words[k + 1].start, "phụ lục"))) {
        words.resize(k);
        break;
      }
  while (!words.empty()) {
    const Word& last = words.back();
    const std::size_t stop = strip_trailing_punctuation(cursor.text, last.start, last.end);
    const std::size_t tail = phrase_at(cursor, last.start, kUnfinishedTails);
    if (tail != 0 && stop == last.start + tail) {
      words.pop_back();
      continue;
    }
    break;
  }
  if (words.empty()) return std::nullopt;
  {
    const auto [letters, other] = letters_of(words.back());
    const std::string_view written =
        cursor.text.substr(words.back().start, words.back().end - words.back().start);
    if (!other && !letters.empty() && starts_lower(written) && !syllable::is_vietnamese(letters))
      return std::nullopt;
  }
  const std::size_t end =
      strip_trailing_punctuation(cursor.text, words.back().start, words.back().end);
  std::string formula = fold(cursor.text.substr(pos, end - pos));
  for (std::string_view part : {"sua doi", "bo sung", "mot so dieu", ",", " "})
    for (std::size_t at = formula.find(part); at != std::string::npos; at = formula.find(part))
      formula.erase(at, part.size());
  if (formula.empty()) return std::nullopt;
  return end;
}

// A law cited with its number writes the number right after the name ("Căn cứ Luật Tổ chức
// Chính phủ số 63/2025/QH15", docs/domain.md 1.8), and a law's number is the National
// Assembly's (its notation ends in "QH" and the term: ND30 Phụ lục III). A name read by the
// rules that stopped at a word which ends most names ("tại", "đang", "đến") while the same
// clause goes on, in words alone, to "số" and such a number, stopped inside the name: "Luật
// Quản lý và đầu tư vốn nhà nước tại doanh nghiệp số 68/2025/QH15", "Luật Chuyển giao người
// đang chấp hành án phạt tù số 101/2025/QH15". The end of the name's last word before "số",
// or nullopt. Another type name, a part ("Điều"), a date, a year, a digit or punctuation that
// closes a clause on the way is the sentence's: the number is another instrument's.
std::optional<std::size_t> name_end_at_law_number(const Cursor& cursor, std::size_t name_end) {
  constexpr int kMaxWords = 12;
  std::size_t last_end = name_end;
  std::size_t p = cursor.skip_spaces(name_end);
  if (p < cursor.text.size() && cursor.text[p] == ',') return std::nullopt;
  for (int words = 0; p < cursor.text.size() && words <= kMaxWords; ++words) {
    if (const auto number = number_after_so(cursor, p)) {
      if (words == 0) return std::nullopt;  // the name ends there already
      std::size_t end = *number;
      while (end < cursor.text.size() && cursor.text[end] != ' ' && cursor.text[end] != ';' &&
             cursor.text[end] != ',')
        ++end;
      const std::string_view written = cursor.text.substr(*number, end - *number);
      const std::size_t qh = written.rfind("/QH");
      if (qh == std::string_view::npos || qh + 3 >= written.size() || written[qh + 3] < '0' ||
          written[qh + 3] > '9')
        return std::nullopt;
      return last_end;
    }
    // A part is "Điều", "Chương", "Mục", "Phần" capitalised, or "khoản", "điểm" (ND30 Phụ lục
    // II); "điều trị", "cổ phần" in lower case are words of a name.
    const bool part =
        structure_word_at(cursor, p) && (starts_upper(cursor.text.substr(p, 4)) ||
                                         cursor.word_at(p, "khoản") || cursor.word_at(p, "điểm"));
    if (!is_letter(code_point_at(cursor.text, p)) || type_at(cursor, p) != nullptr || part ||
        cursor.word_at(p, "ngày") || cursor.word_at(p, "năm"))
      return std::nullopt;
    const std::size_t end = cursor.word_end(p);
    const std::size_t stop = strip_trailing_punctuation(cursor.text, p, end);
    // Letters only, or a comma inside a name ("sản xuất, kinh doanh").
    for (std::size_t at = p, length = 0; at < stop; at += length == 0 ? 1 : length)
      if (!is_letter(code_point_at(cursor.text, at, &length))) return std::nullopt;
    if (stop < end && !(cursor.text[stop] == ',' && end - stop == 1)) return std::nullopt;
    last_end = stop;
    p = cursor.skip_spaces(end);
  }
  return std::nullopt;
}

// A name as the table writes it (`written`, type word first) without the words of its type
// (`type`, as the text writes them: "Luật", "Bộ luật"); nullopt when nothing is left.
std::optional<std::string> name_after_type(std::string_view written, std::string_view type) {
  std::size_t skip = split_words(type).size();
  std::size_t at = 0;
  while (skip > 0 && at < written.size()) {
    at = written.find(' ', at);
    if (at == std::string_view::npos) return std::nullopt;
    ++at;
    --skip;
  }
  const std::string_view rest = trim(written.substr(at));
  if (rest.empty()) return std::nullopt;
  return std::string(rest);
}

// A law's name: `type_pos` is its type word ("Luật", "BỘ LUẬT"), `pos` the name's first word.
std::optional<Parsed> parse_law_name(const Cursor& cursor, std::size_t type_pos, std::size_t pos) {
  if (amending_at(cursor, pos)) {
    if (auto chain = parse_amending_chain(cursor, pos))
      return Parsed{chain->end, clean_phrase(cursor.text.substr(pos, chain->name_end - pos)),
                    chain->year, chain->nested};
  }
  const bool capitals = is_upper_text(cursor.text.substr(type_pos, pos - type_pos)) &&
                        is_upper_text(cursor.text.substr(pos, cursor.word_end(pos) - pos));
  const bool amending = amending_at(cursor, pos);
  // Where a name the table knows ends; 0 for none.
  const std::size_t known = amending ? 0 : known_law_name_end(cursor.text, type_pos).value_or(0);
  // A name opens with a capital (ND30 Phụ lục II). In lower case, or in a line of capitals,
  // only a name the table knows is one: "Luật pháp", "Luật sư", "các Luật liên quan", "LUẬT
  // HẾT HIỆU LỰC" are words, not names; "Luật đất đai" is the law written carelessly.
  // Unless the citation's grammar vouches for it: the name ends where a name ends
  // ("Căn cứ Luật tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 21 tháng 6 năm 1994").
  // ("Luật Điều ước quốc tế" is a name the table knows, not a heading's "Điều".)
  if (structure_word_at(cursor, pos) && known <= pos) return std::nullopt;
  // A name the table knows that the text damaged (a word misread or added, or the text ending
  // inside it): the table's name, read up to where the text's words of it end.
  if (!amending && !capitals)
    if (const auto mended = mended_law_name(cursor.text, type_pos); mended && mended->end > known)
      if (auto value =
              name_after_type(mended->written, cursor.text.substr(type_pos, pos - type_pos))) {
        std::size_t end = mended->end;
        std::optional<std::string> year;
        if (auto found = year_at(cursor, cursor.skip_spaces(end))) {
          end = found->first;
          year = found->second;
        }
        return Parsed{end, std::move(*value), year};
      }
  std::optional<LawName> name = parse_name_by_rules(cursor, type_pos, pos, capitals);
  // An amending law's name whose listed law was not read stops where the formula's "một số
  // điều" takes "số" for a number's label ("Luật sửa đổi, bổ sung một" / "số điều của Luật
  // thuế TNCN"): a name cut inside the formula names no law.
  if (amending && name && cursor.word_at(cursor.skip_spaces(name->name_end), "số")) {
    const std::string_view named = trim(cursor.text.substr(pos, name->name_end - pos));
    if (named.ends_with(" một") || named.ends_with(" Một")) return std::nullopt;
  }
  if ((capitals || !starts_upper(cursor.text.substr(pos, 4))) && !amending && known == 0 &&
      !(name && ends_cleanly(cursor, pos, *name)))
    return std::nullopt;
  // A name of one word the table knows, written in lower case, that the sentence's own words
  // run on from is a word of the sentence: "các Luật giá trị gia tăng" is not the Law on Prices
  // (Luật Giá), "Luật dược sĩ" not the Law on Pharmacy.
  if (!capitals && !starts_upper(cursor.text.substr(pos, 4)) && known > pos && name &&
      cursor.text.substr(pos, known - pos).find(' ') == std::string_view::npos &&
      name->name_end > known && !name_goes_on(cursor, known, *name))
    return std::nullopt;
  if (known > pos && (!name || name->name_end < known || !name_goes_on(cursor, known, *name))) {
    LawName known_name{known, known, std::nullopt};
    if (auto year = year_at(cursor, cursor.skip_spaces(known))) {
      known_name.end = year->first;
      known_name.year = year->second;
    }
    name = known_name;
  }
  if (!name) return std::nullopt;
  if (!capitals && !amending && !name->year && name->end == name->name_end)
    if (const auto numbered = name_end_at_law_number(cursor, name->name_end))
      name->name_end = name->end = *numbered;
  if (const std::size_t bodies = local_bodies_after(cursor, name->name_end);
      bodies != name->name_end && !name->year) {
    name->name_end = name->end = bodies;
  }
  const std::optional<std::size_t> finished =
      finished_name_end(cursor, pos, name->name_end, capitals);
  if (!finished) return std::nullopt;
  std::string value = strip_glued_digits(clean_phrase(cursor.text.substr(pos, *finished - pos)));
  // A known name read across an OCR engine's dot for its comma is the table's name.
  if (known > pos && *finished == known &&
      cursor.text.substr(pos, known - pos).find(". ") != std::string_view::npos)
    if (const auto table = known_law_name(cursor.text.substr(type_pos, known - type_pos)))
      if (auto written = name_after_type(*table, cursor.text.substr(type_pos, pos - type_pos)))
        value = std::move(*written);
  if (value.empty()) return std::nullopt;
  // "Bộ luật Lao động năm 2019": the year is the law's date, the name stays the name.
  return Parsed{name->end, value, name->year};
}

// The years of Vietnam's constitutions (1946, 1959, 1980, 1992, 2013; scripts/law_names/
// constitutions.txt): "Hiến pháp năm 1992" is an instrument of its own, named by its year.
bool constitution_year(std::string_view year) {
  static constexpr std::array kYears = {std::string_view{"1946"}, std::string_view{"1959"},
                                        std::string_view{"1980"}, std::string_view{"1992"},
                                        std::string_view{"2013"}};
  return std::find(kYears.begin(), kYears.end(), year) != kYears.end();
}

// A constitution's year at `pos`, "năm 2013" or "2013": its end and the year.
std::optional<std::pair<std::size_t, std::string>> constitution_year_at(const Cursor& cursor,
                                                                        std::size_t pos) {
  std::optional<std::pair<std::size_t, std::string>> year = year_at(cursor, pos);
  if (!year && pos + 4 <= cursor.text.size() && cursor.word_boundary_after(pos + 4) &&
      (pos + 4 == cursor.text.size() || cursor.text[pos + 4] != '/') &&
      std::all_of(cursor.text.begin() + static_cast<std::ptrdiff_t>(pos),
                  cursor.text.begin() + static_cast<std::ptrdiff_t>(pos + 4),
                  [](char c) { return c >= '0' && c <= '9'; }))
    year = std::pair{pos + 4, std::string(cursor.text.substr(pos, 4))};
  if (!year || !constitution_year(year->second)) return std::nullopt;
  return year;
}

// A constitution cited by its type word and its year ("quy định của Hiến pháp năm 2013",
// "Hiến pháp 2013;"): every constitution is a "Hiến pháp", the year tells which, so its name is
// `Hiến pháp năm 2013` however the year is written, and the year is its date. The word alone
// ("theo quy định của Hiến pháp và pháp luật", "Hiến pháp này") names no instrument
// (tests/analyzers/real/README.md), and the word in capitals is a heading.
std::optional<Parsed> constitution_by_year(const Cursor& cursor, std::size_t type_pos,
                                           std::size_t after_name) {
  if (is_upper_text(cursor.text.substr(type_pos, after_name - type_pos))) return std::nullopt;
  const auto year = constitution_year_at(cursor, cursor.skip_spaces(after_name));
  if (!year) return std::nullopt;
  return Parsed{year->first, "năm " + year->second, year->second};
}

// The next year of a list of constitutions: ", năm 1959", ", 1980", " và năm 1992".
std::optional<std::pair<std::size_t, std::string>> next_constitution_year(const Cursor& cursor,
                                                                          std::size_t end) {
  std::size_t p = cursor.skip_spaces(end);
  if (p < cursor.text.size() && cursor.text[p] == ',')
    p = cursor.skip_spaces(p + 1);
  else if (!cursor.word_at(p, "và"))
    return std::nullopt;
  if (cursor.word_at(p, "và")) p = cursor.skip_spaces(p + std::string_view("và").size());
  return constitution_year_at(cursor, p);
}

bool starts_with_instrument_name(const Cursor& cursor, std::size_t pos) {
  const TypeEntry* entry = type_at(cursor, pos);
  return entry && entry->type->cited_by_name && starts_upper(cursor.text.substr(pos, 4));
}

// A few words may stand between a type name and "số": "Chương trình phối hợp công tác số";
// so may its issuer, named first in the Party's older form ("Quyết định của Bộ Chính trị số
// 31-QĐ/TW", "Quyết định của Ban Bí thư số 91-QĐ/TW"): "của" and a body's capitalised name.
// `issuer_at` receives where the issuer's name starts when "của" names it.
std::optional<std::size_t> so_within_words(const Cursor& cursor, std::size_t pos,
                                           std::size_t& issuer_at) {
  std::size_t p = pos;
  int words = 5;
  bool issuer = false;
  for (int word = 0; word < words && p < cursor.text.size(); ++word) {
    p = cursor.skip_spaces(p);
    if (auto number = number_after_so(cursor, p)) return number;
    const std::size_t end = cursor.word_end(p);
    // The dash inside a body's name: "Bộ Lao động - Thương binh và Xã hội".
    if (issuer && (cursor.text.substr(p, end - p) == "-" ||
                   cursor.text.substr(p, end - p) == "\xE2\x80\x93")) {
      p = end;
      continue;
    }
    for (std::size_t k = p; k < end; ++k) {
      if (is_letter(code_point_at(cursor.text, k)) || (cursor.text[k] & 0x80) != 0) continue;
      // The issuer's name ends with a colon that opens a list of numbers ("các Nghị định của
      // Chính phủ: số 178/2025/NĐ-CP ...; số 175/2024/NĐ-CP ..."): ND30's preamble form.
      if (issuer && k + 1 == end && cursor.text[k] == ':')
        return number_after_so(cursor, cursor.skip_spaces(end));
      return {};
    }
    if ((type_at(cursor, p) && starts_upper(cursor.text.substr(p, 4))) || cursor.word_at(p, "ngày"))
      return {};
    if (cursor.word_at(p, "của")) {
      // Only right after the type name, and a body's name follows.
      if (word != 0 || issuer) return {};
      const std::size_t next = cursor.skip_spaces(end);
      if (!starts_upper(cursor.text.substr(next, 4))) return {};
      issuer = true;
      issuer_at = next;
      words = 14;  // "của Bộ trưởng Bộ Lao động - Thương binh và Xã hội: số ..."
    }
    p = end;
  }
  return std::nullopt;
}

// After a numbered mention: ", số 192/..." or " và số ..." (with "số") lists another
// instrument of the same kind; so does "; số 83/2015/QH13" (a clause never opens with "số"),
// and a whole symbol after a comma or "và" without "số" (", 501/TTr-STC ngày ..."): a list
// names its items by number. Returns the position of its number.
std::optional<std::size_t> next_list_item(const Cursor& cursor, std::size_t end) {
  std::size_t p = cursor.skip_spaces(end);
  bool joined = false;
  bool semicolon = false;
  if (p < cursor.text.size() && (cursor.text[p] == ',' || cursor.text[p] == ';')) {
    semicolon = cursor.text[p] == ';';
    p = cursor.skip_spaces(p + 1);
    joined = true;
  }
  if (!semicolon && cursor.word_at(p, "và")) {
    p = cursor.skip_spaces(p + std::string_view("và").size());
    joined = true;
  }
  if (!joined) return std::nullopt;
  if (auto number = number_after_so(cursor, p)) return number;
  if (semicolon) return std::nullopt;
  const SymbolMatch* whole = cursor.symbols.starting_at(p);
  if (whole == nullptr || whole->text.find('/') == std::string::npos) return std::nullopt;
  return p;
}

bool list_item_follows(const Cursor& cursor, std::size_t end) {
  const auto item = next_list_item(cursor, end);
  return item && scan_numbers_at(cursor.symbols, cursor.text, *item, true).has_value();
}

// The start of the "số" before the number at `number`.
std::size_t so_before(const Cursor& cursor, std::size_t number) {
  const std::size_t so = std::string_view("số").size();
  for (std::size_t back = so - 1; back <= so + 3 && back <= number; ++back)
    if (cursor.word_at(number - back, "số") || cursor.word_at(number - back, "sô"))
      return number - back;
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

// The start of the `count` words before `pos`, or npos when fewer stand there.
std::size_t words_before(const Cursor& cursor, std::size_t pos, int count) {
  std::size_t p = pos;
  for (int k = 0; k < count; ++k) {
    while (p > 0 && cursor.text[p - 1] == ' ')
      --p;
    if (p == 0) return std::string_view::npos;
    const std::size_t space = cursor.text.rfind(' ', p - 1);
    p = space == std::string_view::npos ? 0 : space + 1;
  }
  return p;
}

// "số" as an OCR layer without marks reads it: "so", "sO'" (a tone as an apostrophe), and the
// "ố" read as a digit or another letter ("s6", "s9", "sd", "se", "sa"), a stray sign after it
// ("se;", "se)"; stripped by the caller). Two letters, the first an s.
bool so_without_marks(std::string_view word) {
  if (fold(word) == "so") return true;
  if (word.size() != 2 || (word[0] != 's' && word[0] != 'S')) return false;
  return word[1] == '6' || word[1] == '0' || word[1] == 'd' || word[1] == 'e' || word[1] == 'a' ||
         word[1] == '9';
}

// A word of a type's name as an OCR layer without marks writes it, against the name's word
// folded (`expected`): equal once folded, a j read for the "ị" ("Nghj djnh"), an apostrophe for
// a tone ("Quye't"), "cl" for the "đ" ("clinh", the stroke read as a c). `slip` is set when the
// words differ only in one vowel the engine read as a digit or a capital ("Quy6t", "QuySt": the
// marked "ế"), or in one later letter read for another of like shape ("Nghl"); false when they
// differ otherwise.
bool type_word_matches(std::string_view written, std::string_view expected, bool& slip) {
  slip = false;
  std::string folded;
  for (char c : fold(written))
    if (c != '\'') folded.push_back(c == 'j' ? 'i' : c);
  if (folded.starts_with("cl") && expected.starts_with("d") && folded.size() >= 3)
    folded.replace(0, 2, "d");
  if (folded == expected) return true;
  // The word as written without the apostrophes a tone was read as ("quy'jt" for "quyết": the
  // tone an apostrophe, the vowel a j), so that its letters line up with the folded ones.
  std::string unmarked;
  for (char c : written)
    if (c != '\'') unmarked.push_back(c);
  written = unmarked;
  if (folded.size() != expected.size() || written.size() != folded.size()) return false;
  std::size_t differ = std::string_view::npos;
  for (std::size_t k = 0; k < folded.size(); ++k) {
    if (folded[k] == expected[k]) continue;
    if (differ != std::string_view::npos) return false;
    differ = k;
  }
  const char read = written[differ];
  // Or in one letter the engine read as another of like shape, as a layer without marks does
  // ("Nghl" for "Nghi", l for i; "Thong to" for "Thông tư", o for ư): a letter or a digit for
  // the name's letter, not the word's first, once in the whole name (the caller's count).
  slip = differ > 0 && std::isalnum(static_cast<unsigned char>(read)) != 0;
  return slip;
}

// A type word whose marks an OCR layer lost, or a text typed without diacritics ("Thông tu so
// 116/2018/TT-BTC", "Quyêt định sô 1550/QĐ-UBND", "Quyet dinh so 15/QD-UBND"): the symbol's own
// type code says which type it is, so a symbol no mention holds is read as that type when the
// words before it, and a "số" between, fold to that type's name and "so". So is a type written
// by its code, the abbreviation ND30 gives it ("QĐ số 12/QĐ-UBND", "GM số 314/GM-UBND", "QD so
// ..."): the one word before "số" is the symbol's own type code. Returns the mention.
std::optional<Mention> type_word_without_marks(const Cursor& cursor, const SymbolMatch& match) {
  std::size_t so = words_before(cursor, match.start, 1);
  if (so == std::string_view::npos) return std::nullopt;
  std::size_t so_end = strip_trailing_punctuation(cursor.text, so, cursor.word_end(so));
  // An OCR layer without marks writes a tone as an apostrophe after its vowel ("sO'" for "số").
  while (so_end > so + 1 && cursor.text[so_end - 1] == '\'')
    --so_end;
  const std::string_view so_word = cursor.text.substr(so, so_end - so);
  const bool lost_letters = so_word == "s";
  if (!lost_letters && !so_without_marks(so_word)) return std::nullopt;
  std::string code;
  const DocumentType* named = type_from_number(match.text, match.form == SymbolForm::party, &code);
  // The symbol's type code, folded ("qd" of "12/QĐ-UBND", "ct" of "05-CT/TU").
  std::string type_code;
  {
    const std::string_view key = match.key;
    const std::size_t dash = key.find('-');
    const std::size_t slash = key.find('/');
    if (match.form == SymbolForm::party && dash != std::string_view::npos &&
        slash != std::string_view::npos && dash < slash) {
      type_code = key.substr(dash + 1, slash - dash - 1);
    } else if (match.form == SymbolForm::state || match.form == SymbolForm::normative) {
      std::string_view rest = slash == std::string_view::npos ? "" : key.substr(slash + 1);
      if (match.form == SymbolForm::normative && rest.size() > 5 && rest[4] == '/')
        rest.remove_prefix(5);
      type_code = rest.substr(0, rest.find_first_of("-/"));
    }
  }
  // (A State code no type has reads as a công văn's issuer code: "QD" is looked up folded too.)
  const DocumentType* as_written = nullptr;  // the code's reading when its B is read as Đ
  if (!named || named->name == "Công văn") {
    // The code lost a mark too ("QD" for "QĐ"): the one type it folds to.
    if (!type_code.empty())
      if (const DocumentType* folded =
              type_by_folded_code(type_code, match.form == SymbolForm::party))
        named = folded;
    // Its Đ read as a B (the bar and bowl: "1439/QB-BTTTT"): the words before "số" must still
    // spell that type (below); the key stays as written.
    if ((!named || named->name == "Công văn") && type_code.size() >= 2 && type_code.back() == 'b' &&
        !lost_letters) {
      std::string as_d = type_code;
      as_d.back() = 'd';
      if (const DocumentType* read_as_d =
              type_by_folded_code(as_d, match.form == SymbolForm::party)) {
        as_written = named;
        named = read_as_d;
      }
    }
  }
  // A number of the National Assembly's notation ("248/2025/QH15": QH and its term, domain.md
  // §2.2) names a law or one of its resolutions: the words before "số" say which.
  std::vector<const DocumentType*> candidates;
  if (!named && match.form == SymbolForm::normative && type_code.size() > 2 &&
      type_code.starts_with("qh") &&
      std::all_of(type_code.begin() + 2, type_code.end(),
                  [](char c) { return c >= '0' && c <= '9'; }))
    candidates = {type_by_name("Nghị quyết"), type_by_name("Bộ luật"), type_by_name("Luật")};
  else if (named && !named->name.empty())
    candidates = {named};
  if (candidates.empty()) return std::nullopt;
  std::size_t type_pos = so;
  const std::size_t code_word = words_before(cursor, so, 1);
  // The words before "số" against a type's name; npos when they do not read as it.
  const auto name_at = [&](std::string_view name) -> std::size_t {
    const int type_words = static_cast<int>(std::count(name.begin(), name.end(), ' ')) + 1;
    const std::size_t at = words_before(cursor, so, type_words);
    if (at == std::string_view::npos || !cursor.word_boundary_before(at))
      return std::string_view::npos;
    const auto name_words = split_words(name);
    const auto written_words = split_words(cursor.text.substr(at, so - at));
    if (written_words.size() != name_words.size()) return std::string_view::npos;
    bool slipped = false;
    for (std::size_t k = 0; k < written_words.size(); ++k) {
      std::string_view word = written_words[k];
      // A speck an OCR engine read as a dot after a word of the name ("Quyết. định"): the
      // symbol's own code vouches for the type, so the words are compared without it.
      while (word.size() > 1 && (word.back() == '.' || word.back() == ','))
        word.remove_suffix(1);
      const std::string expected = fold(name_words[k]);
      bool vowel_slip = false;
      if (type_word_matches(word, expected, vowel_slip)) {
        // One slip in the whole name: the symbol's own code vouches for that much.
        if (vowel_slip && slipped) return std::string_view::npos;
        slipped = slipped || vowel_slip;
        continue;
      }
      const std::string folded = fold(word);
      // A syllable of two letters whose toned vowel the engine took for another sign ("Tờ"
      // read "Ta", "T&"): compared by its first letter, once, and not as the name's last word.
      if (slipped || k + 1 == name_words.size() || expected.size() > 2 || folded.size() > 2 ||
          folded.empty() || folded[0] != expected[0])
        return std::string_view::npos;
      slipped = true;
    }
    return at;
  };
  if (!named) {
    // The National Assembly's number: the type its words name, which no lost letter may hide.
    if (lost_letters) return std::nullopt;
    for (const DocumentType* candidate : candidates) {
      if (candidate == nullptr) continue;
      type_pos = name_at(candidate->name);
      if (type_pos == std::string_view::npos) continue;
      named = candidate;
      break;
    }
    if (!named) return std::nullopt;
  } else if (lost_letters) {
    // "Quy djnh s 294-QD/TW", "Chi thj s 45-CT/TW": a "số" whose vowel a font or an OCR engine
    // lost ("s" is no Vietnamese word) before a symbol whose type code names its type; the
    // type words before it lost letters too, so they are not compared.
  } else if (code_word != std::string_view::npos && cursor.word_boundary_before(code_word) &&
             !type_code.empty() &&
             fold(cursor.text.substr(
                 code_word,
                 strip_trailing_punctuation(cursor.text, code_word, cursor.word_end(code_word)) -
                     code_word)) == type_code &&
             named->name != "Công văn") {
    // "QĐ số 12/QĐ-UBND": the type by its code, the symbol's own.
    type_pos = code_word;
  } else {
    type_pos = name_at(named->name);
    if (type_pos == std::string_view::npos && as_written != nullptr) {
      named = as_written;  // a công văn's code that ends in a B after all
      type_pos = name_at(named->name);
    }
    // A joint circular cited by the words of its kind ("Thong tu so 06/2016/TTLT-..."): a type
    // whose name opens the symbol's type's name reads as it too.
    for (const DocumentType& shorter : document_types()) {
      if (type_pos != std::string_view::npos) break;
      if (shorter.name.size() < named->name.size() && named->name.starts_with(shorter.name) &&
          named->name[shorter.name.size()] == ' ')
        type_pos = name_at(shorter.name);
    }
    // A Party number in full ("35-CTr/TU", "43-NQ/TW": the number, the type's code after the
    // dash, the issuer's after the slash, HD 36) after "số" however the engine read it names its
    // type by that code: the type words before it garbled beyond comparing ("Chixo'ng trinh s6
    // 35-CTr/TU", "Ngh quyét so 43-NQ/TW") are no part of the mention.
    // Only a "số" no other word reads as: its letters without marks, or "s" and a digit ("s6");
    // "sa", "se" are words of their own ("Nhân viên sa ..."). And the type name's last word
    // stands, its letters without marks whole ("trinh", "quyét"), right before it: the one word
    // the engine kept vouches for the words it garbled, with the code.
    const auto last_word_stands = [&] {
      if (code_word == std::string_view::npos) return false;
      const std::string_view name = named->name;
      const std::string_view last_name_word = name.substr(name.rfind(' ') + 1);
      const std::size_t end =
          strip_trailing_punctuation(cursor.text, code_word, cursor.word_end(code_word));
      return fold(cursor.text.substr(code_word, end - code_word)) == fold(last_name_word);
    };
    if (type_pos == std::string_view::npos && match.form == SymbolForm::party &&
        !type_code.empty() && named->name != "Công văn" &&
        (fold(so_word) == "so" || (so_word.size() == 2 && is_ascii_digit(so_word[1]))) &&
        named->name.find(' ') != std::string::npos && last_word_stands()) {
      type_pos = words_before(
          cursor, so,
          static_cast<int>(std::count(named->name.begin(), named->name.end(), ' ')) + 1);
      if (type_pos == std::string_view::npos) type_pos = so;
    }
    if (type_pos == std::string_view::npos) return std::nullopt;
  }
  Mention mention;
  mention.position = type_pos;
  mention.citation.type = std::string(named->name);
  mention.citation.number = match.text;
  mention.citation.number_key = match.key;
  mention.marker_digits = match.marker_digits;
  std::size_t end = match.end;
  parse_details(cursor, end, mention.citation, false);
  mention.citation.text = clean_phrase(cursor.text.substr(type_pos, end - type_pos));
  mention.end = end;
  return mention;
}

std::vector<Mention> find_mentions(std::string_view text) {
  return find_mentions(Cursor(text));
}

std::vector<Mention> find_mentions(const Cursor& cursor) {
  const std::string_view text = cursor.text;
  const std::array<std::vector<const TypeEntry*>, 256>& name_starts = types_by_first_byte();
  std::vector<Mention> mentions;
  std::size_t pos = 0;
  while (pos < text.size()) {
    // A byte no type name starts with starts none (type_at's first test): passed over at once.
    // Names start with an ASCII letter or a UTF-8 lead byte, and every such byte of the text
    // starts a code point (none is a continuation), so the positions tried are those a walk
    // code point by code point tries, whatever the bytes around (ill-formed ones included).
    if (pos < cursor.lowered.size() &&
        name_starts[static_cast<unsigned char>(cursor.lowered[pos])].empty()) {
      ++pos;
      continue;
    }
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
    std::size_t nested_from = 0;  // an amending law's last listed law, read on its own
    std::size_t end = after_name;
    std::optional<std::size_t> number_pos = number_after_so(cursor, number_at);
    // Only "<Type> số <number>" vouches for the older form naming only the issuer ("Nghị định
    // số 50/CP"); "báo cáo 404/BTXH" or "Thông tư này ... Mẫu số 01/PLI" does not.
    const bool after_so = number_pos.has_value();
    // "Văn bản 3398/STC-GCS ngày ...": the word that names any document (a công văn most of
    // all), capitalised as a cited instrument's type is, with a whole symbol right after it.
    if (!number_pos && number_at < text.size() && text[number_at] >= '0' &&
        text[number_at] <= '9' && (type.heads_documents || (capitalised && type.name == "Văn bản")))
      number_pos = number_at;
    std::size_t issuer_at = std::string::npos;  // "Quyết định của Bộ Chính trị số ..."
    if (!number_pos && !type.cited_by_name && number_at == p)
      number_pos = so_within_words(cursor, p, issuer_at);
    // A công văn's symbol is its number and its issuer's code, no type code (ND30 Phụ lục III):
    // "Công văn 285/CCTTHC ngày ..." written without "số" is read as with it.
    const bool issuer_only =
        after_so || (capitalised && type.name == "Công văn" && number_pos == number_at);
    if (number_pos) {
      if (auto scanned = scan_numbers_at(cursor.symbols, text, *number_pos, issuer_only)) {
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
      auto name = parse_law_name(cursor, pos, p);
      // Every constitution is the State's: its title names the State ("Hiến pháp nước Cộng hòa
      // xã hội chủ nghĩa Việt Nam") or its year names it. Other words after the type word ("Hiến
      // pháp mới", one still to be adopted) name no instrument.
      if (name && type.name == "Hiến pháp" && !fold_key(name->value).starts_with("nuoc ") &&
          !(name->year && constitution_year(*name->year)))
        name.reset();
      if (!name && type.name == "Hiến pháp") name = constitution_by_year(cursor, pos, after_name);
      if (!name) {
        pos = after_name;
        continue;
      }
      end = name->end;
      nested_from = name->nested;
      if (name->year) mention.citation.date = name->year;
      // The kind as the Law on Promulgation writes it ("Bộ luật", "Pháp lệnh") before a name
      // in running case, however the text cased it ("Bộ Luật Dân sự"); a name in capitals
      // ("BỘ LUẬT LAO ĐỘNG") is left whole.
      std::string kind(text.substr(pos, after_name - pos));
      if (has_lower_letter(name->value) && fold_key(kind) == fold_key(type.name))
        kind = std::string(type.name);
      std::string full_name = kind + " " + name->value;
      // The title and a constitution's year ("Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam
      // năm 1992"): since 1980 every constitution bears the same title, so the year is what
      // names one, as "Hiến pháp năm 1992" (tests/analyzers/real/README.md).
      if (type.name == "Hiến pháp" && name->year && constitution_year(*name->year))
        full_name = "Hiến pháp năm " + *name->year;
      // A name set in capitals (a heading's "BỘ LUẬT TỐ TỤNG HÌNH SỰ") is shown as the law
      // writes it in running text (ND30 Phụ lục II: the type word and the name's first word
      // capitalised, proper nouns too) when the table knows it; a name it does not know keeps
      // its capitals (which of its words are proper nouns is not known).
      if (!has_lower_letter(full_name))
        if (const auto known = known_law_name(full_name)) full_name = std::string(*known);
      mention.law_key = law_key(full_name);
      // A law's name is its subject: "Luật Thực hiện dân chủ ở cơ sở".
      mention.citation.title = collapse_spaces(full_name);
      // "Luật Tổ chức Chính phủ số 63/2025/QH15": a name and a number. After an amending
      // law's list the number is the last listed law's ("... của Luật Bảo hiểm y tế số
      // 25/2008/QH12"), read on its own.
      const std::size_t after = cursor.skip_spaces(end);
      if (auto numbered = name->nested != 0 ? std::nullopt : number_after_so(cursor, after)) {
        if (auto scanned = scan_numbers_at(cursor.symbols, text, *numbered, true)) {
          symbols = scanned->symbols;
          markers = scanned->marker_digits;
          end = scanned->end;
        }
      }
    }
    // Nested citations inside the subject, or an amending law's last listed law, are read too.
    std::size_t resume = nested_from != 0 ? nested_from : end;
    parse_details(cursor, end, mention.citation, mention.law_key.has_value() && symbols.empty());
    mention.citation.text = clean_phrase(text.substr(pos, end - pos));
    mention.end = end;
    const std::optional<std::string> named_before =
        symbols.empty() ? std::nullopt : issuer_before(cursor, pos);
    if (!mention.citation.issuer) mention.citation.issuer = named_before;
    // "Quyết định của Bộ Chính trị số ...", "các Nghị định của Chính phủ: số ...; số ...": the
    // issuer named before the numbers is every listed number's.
    std::optional<std::string> named_first;
    if (issuer_at != std::string::npos && number_pos)
      if (auto issuer = parse_issuer(cursor, issuer_at); issuer && issuer->end <= *number_pos)
        named_first = issuer->value;
    if (!mention.citation.issuer) mention.citation.issuer = named_first;
    if (symbols.empty()) {
      mention.citation.number_key = mention.law_key;
      mentions.push_back(mention);
      // "Hiến pháp năm 1946, năm 1959, năm 1980 và năm 1992": one type word, several years,
      // each a constitution of its own (as "Quyết định số 217, 218-QĐ/TW" lists numbers).
      if (type.name == "Hiến pháp" && mention.citation.date &&
          mention.citation.title == "Hiến pháp năm " + *mention.citation.date) {
        while (auto item = next_constitution_year(cursor, end)) {
          Mention next = mention;
          next.position = cursor.skip_spaces(end);
          next.citation.date = item->second;
          next.citation.title = "Hiến pháp năm " + item->second;
          next.citation.text = *next.citation.title;
          next.law_key = law_key(*next.citation.title);
          next.citation.number_key = next.law_key;
          end = next.end = item->first;
          mentions.push_back(std::move(next));
        }
        resume = std::max(resume, end);
      }
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
      if (!next.citation.issuer) next.citation.issuer = named_before ? named_before : named_first;
      next.citation.text = clean_phrase(text.substr(item_start, end - item_start));
      next.end = end;
      add_numbered(next, scanned->symbols, scanned->marker_digits, true);
    }
    pos = std::max(resume, after_name);
  }
  // The spans the mentions read hold, by position, and the furthest end up to each: a symbol
  // is held when a span before it ends after it (one sweep, however many symbols).
  const std::size_t read = mentions.size();
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  spans.reserve(read);
  for (const Mention& m : mentions)
    spans.emplace_back(m.position, m.end);
  std::sort(spans.begin(), spans.end());
  std::size_t next_span = 0;
  std::size_t held_until = 0;
  for (const SymbolMatch& match : cursor.symbols.matches()) {
    for (; next_span < spans.size() && spans[next_span].first <= match.start; ++next_span)
      held_until = std::max(held_until, spans[next_span].second);
    if (match.start < held_until) continue;
    if (auto mention = type_word_without_marks(cursor, match))
      mentions.push_back(std::move(*mention));
  }
  if (mentions.size() > read)
    std::stable_sort(mentions.begin(), mentions.end(),
                     [](const Mention& a, const Mention& b) { return a.position < b.position; });
  return mentions;
}

}  // namespace vanban::analyzers::structure
