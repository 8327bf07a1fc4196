// Ô 1-5 of the layout: national motto or Party name, issuer, number, place and date.
#include <algorithm>
#include <array>

#include "vanban/analyzers/fold.hpp"
#include "vanban/analyzers/symbol.hpp"

#include "structure/body_names.hpp"
#include "structure/dates.hpp"
#include "structure/headless.hpp"
#include "structure/number_lists.hpp"
#include "structure/parts.hpp"
#include "structure/reading_order.hpp"
#include "structure/spelling.hpp"
#include "structure/tables.hpp"
#include "structure/text.hpp"

namespace vanban::analyzers::structure {
namespace {

// Lines after which the header is over.
bool starts_body(std::string_view line) {
  static constexpr std::array kOpeners = {
      std::string_view{"Căn cứ"},      std::string_view{"Kính gửi"},
      std::string_view{"Điều 1"},      std::string_view{"Chương I"},
      std::string_view{"Phần I"},      std::string_view{"I."},
      std::string_view{"Thực hiện"},   std::string_view{"Theo đề nghị"},
      std::string_view{"Xét đề nghị"}, std::string_view{"LỜI NÓI ĐẦU"},
      std::string_view{"Lời nói đầu"},
  };
  const std::string_view trimmed = trim(line);
  for (std::string_view opener : kOpeners)
    if (starts_with(trimmed, opener)) return true;
  return false;
}

bool is_rule_line(std::string_view line) {
  const std::string_view trimmed = trim(line);
  if (trimmed.empty()) return false;
  return std::all_of(trimmed.begin(), trimmed.end(), [](char c) {
    return c == '_' || c == '-' || c == '*' || c == '=' || c == ' ' || c == '.';
  });
}

// What an OCR engine makes of the short rule under ô 2, or of a stamp's edge: single marks and
// letters, none a word ("Ỉ ] Ị"). No header cell is written in single letters.
bool only_specks(std::string_view line) {
  const auto words = split_words(trim(line));
  if (words.size() < 2) return false;
  return std::all_of(words.begin(), words.end(), [](std::string_view word) {
    std::size_t length = 0;
    code_point_at(word, 0, &length);
    return length == word.size();
  });
}

// The specks a scan left before a cell's name when the cell's lines were run into one ("Ù Ị Ù
// UỶ BAN NHÂN DÂN TỈNH HÀ TĨNH": a stamp's edge read as letters, one a line as written, which
// only_specks drops): two single marks at least, then a word; the name after them.
std::string without_leading_specks(const std::string& cell) {
  const auto words = split_words(cell);
  std::size_t specks = 0;
  while (specks < words.size()) {
    std::size_t length = 0;
    code_point_at(words[specks], 0, &length);
    if (length != words[specks].size()) break;
    ++specks;
  }
  if (specks < 2 || specks == words.size()) return cell;
  return cell.substr(static_cast<std::size_t>(words[specks].data() - cell.data()));
}

// ND30 Phụ lục IV's arrival stamp ("ĐẾN"), which the receiving office prints on the first page of
// a text it receives: the office's name, "ĐẾN" (many offices print "CÔNG VĂN ĐẾN"), then "Số:",
// "Ngày:", "Chuyển:" and "Số và ký hiệu hồ sơ:" filled for its own register. A scan's OCR reads
// it among the header's cells. The line that opens it: "ĐẾN" in capitals (its marks may be lost,
// "ĐEN"), alone, before punctuation or "Số"; or "CÔNG VĂN ĐẾN", "VĂN BẢN ĐẾN".
bool opens_arrival_stamp(std::string_view line) {
  line = trim(line);
  while (!line.empty() && (line.front() == '[' || line.front() == '(' || line.front() == '|'))
    line = trim(line.substr(1));
  if (line.empty() || line.size() > 120) return false;
  const std::string key = fold_key(line);
  for (std::string_view words : {std::string_view{"cong van den"}, std::string_view{"van ban den"}})
    if (starts_with(key, words) &&
        (key.size() == words.size() || !(key[words.size()] >= 'a' && key[words.size()] <= 'z')))
      return is_upper_text(line.substr(0, std::min<std::size_t>(line.size(), 14)));
  if (!starts_with(line, "ĐẾN") && !starts_with(line, "ĐEN")) return false;
  if (key.size() == 3) return true;
  if (!starts_with(key, "den")) return false;
  const char next = key[3];
  if (next == ' ') return starts_with(std::string_view(key).substr(4), "so");
  return !(next >= 'a' && next <= 'z') && !(next >= '0' && next <= '9');
}

// A field the arrival stamp has the office fill ("Chuyển: ...", "Số và ký hiệu HS: ...", "Lưu hồ
// sơ số: ..."); "Số:" and "Ngày:" right under the stamp's opening line are its too.
bool arrival_stamp_field(std::string_view line, bool under_opening) {
  const std::string key = fold_key(trim(line).substr(0, std::min<std::size_t>(line.size(), 40)));
  if (starts_with(key, "chuyen:") || starts_with(key, "chuyen :") ||
      starts_with(key, "so va ky hieu h") || starts_with(key, "luu ho so"))
    return true;
  // Its register's number is the digits of an entry, no symbol ("Số: 1234").
  return under_opening && (((starts_with(key, "so:") || starts_with(key, "so :")) &&
                            key.find('/') == std::string::npos) ||
                           starts_with(key, "ngay:") || starts_with(key, "ngay :"));
}

// "CÔNG VĂN" or "VĂN BẢN" on a line of its own right above the stamp's "ĐẾN" (a cell cutter
// parted "CÔNG VĂN ĐẾN"): the stamp's words, no type heading.
bool stamp_words_above(const Layout& layout, std::size_t i) {
  const std::string_view line = trim(layout.lines[i]);
  if (line != "CÔNG VĂN" && line != "VĂN BẢN") return false;
  for (std::size_t next = i + 1; next < layout.lines.size() && next <= i + 2; ++next) {
    if (layout.skip(next) || trim(layout.lines[next]).empty()) continue;
    return opens_arrival_stamp(layout.lines[next]);
  }
  return false;
}

// A line of one word that holds a letter the Vietnamese alphabet lacks (f, j, w, z): what an OCR
// engine makes of a stamp's edge or a speck ("UWS"); a body's name in ô 2 is Vietnamese words.
bool foreign_word_alone(std::string_view line) {
  line = trim(line);
  if (line.empty() || line.size() > 8 || line.find(' ') != std::string_view::npos) return false;
  return line.find_first_of("FJWZfjwz") != std::string_view::npos;
}

// The enacting formula on its own line before the articles (ND30 Phụ lục I: "QUYẾT ĐỊNH:" of a
// decision, "QUYẾT NGHỊ:" of a resolution), its marks folded as an OCR engine may slip them
// ("QUYÉT ĐỊNH:"): the type of the text, or nullptr.
const DocumentType* enacting_formula_type(const Layout& layout, std::size_t from) {
  constexpr std::size_t kFormulaLines = 400;
  for (std::size_t i = from; i < std::min(layout.lines.size(), from + kFormulaLines); ++i) {
    if (layout.skip(i)) continue;
    const std::string_view line = trim(layout.lines[i]);
    if (line.size() > 20 || !line.ends_with(":") || !is_upper_text(line)) continue;
    const std::string key = fold_key(line.substr(0, line.size() - 1));
    if (key == "quyet dinh") return type_by_name("Quyết định");
    if (key == "quyet nghi") return type_by_name("Nghị quyết");
  }
  return nullptr;
}

// Word-level removal of fixed upper-case phrases (motto, Party name) from a header line, so
// that the issuer text sharing the line in two-column PDF output remains.
struct Token {
  std::string_view word;
  std::string cleaned;  // folded, letters and digits only
  bool removed = false;
};

std::vector<Token> tokens_of(std::string_view line) {
  std::vector<Token> tokens;
  for (std::string_view word : split_words(line)) {
    Token token{word, {}, false};
    for (char c : fold(word))
      if (std::isalnum(static_cast<unsigned char>(c))) token.cleaned.push_back(c);
    tokens.push_back(std::move(token));
  }
  return tokens;
}

bool remove_phrase(std::vector<Token>& tokens, std::initializer_list<std::string_view> phrase) {
  for (std::size_t start = 0; start < tokens.size(); ++start) {
    std::size_t i = start;
    std::size_t matched = 0;
    std::vector<std::size_t> used;
    for (std::string_view word : phrase) {
      while (i < tokens.size() && tokens[i].cleaned.empty() && matched > 0)
        used.push_back(i++);
      if (i >= tokens.size() || tokens[i].cleaned != word) break;
      used.push_back(i++);
      ++matched;
    }
    if (matched == phrase.size()) {
      for (std::size_t index : used)
        tokens[index].removed = true;
      return true;
    }
  }
  return false;
}

// The State's name (ND30 ô 1) whose last words a scan's engine garbled ("CỘNG HÒA XÃ HỘI CHỦ
// NGHĨA VI XSÁN 2°"): its first six words name it alone. They go, and the words that stood for
// "VIỆT NAM": the rest of the line when at most three words are left, else the next two.
bool remove_garbled_state_name(std::vector<Token>& tokens) {
  static constexpr std::array<std::string_view, 6> kOpening = {"cong", "hoa", "xa",
                                                               "hoi",  "chu", "nghia"};
  for (std::size_t start = 0; start + kOpening.size() <= tokens.size(); ++start) {
    std::size_t k = 0;
    while (k < kOpening.size() && tokens[start + k].cleaned == kOpening[k])
      ++k;
    if (k < kOpening.size()) continue;
    const std::size_t after = start + kOpening.size();
    const std::size_t left = tokens.size() - after;
    const std::size_t end = after + (left <= 3 ? left : 2);
    for (std::size_t i = start; i < end; ++i)
      tokens[i].removed = true;
    return true;
  }
  // Its first four words alone when the engine ran "CHỦ NGHĨA" together or lost a letter of it
  // ("CỘNG HÒA XÃ HỘI HỦNGHĨA VIỆT NAM"): no body's name opens with "Cộng hòa xã hội" (ô 2 names
  // a body, ô 1 the State). They go with the line's rest when at most four words are left (what
  // stood for "CHỦ NGHĨA VIỆT NAM"), else with the words up to the motto's.
  for (std::size_t start = 0; start + 4 <= tokens.size(); ++start) {
    std::size_t k = 0;
    while (k < 4 && tokens[start + k].cleaned == kOpening[k])
      ++k;
    if (k < 4) continue;
    const std::size_t after = start + 4;
    std::size_t end = after;
    if (tokens.size() - after <= 4) {
      end = tokens.size();
    } else {
      while (end < tokens.size() && end < after + 4 && tokens[end].cleaned != "doc")
        ++end;
    }
    for (std::size_t i = start; i < end; ++i)
      tokens[i].removed = true;
    return true;
  }
  // "CỘNG HÒA" and "VIỆT NAM" whole, the words between damaged otherwise ("XÃ HỘ CHỦ NGHĨA",
  // "XàHỘI CHỦ NGHĨA"): the same test as the reading order's (damaged_national_middle).
  for (std::size_t start = 0; start + 4 < tokens.size(); ++start) {
    if (tokens[start].cleaned != "cong" || tokens[start + 1].cleaned != "hoa") continue;
    std::string middle;
    for (std::size_t w = start + 2; w + 1 < tokens.size() && w < start + 8; ++w) {
      if (tokens[w].cleaned == "viet" && tokens[w + 1].cleaned == "nam") {
        if (w == start + 2 || !damaged_national_middle(middle)) break;
        for (std::size_t i = start; i <= w + 1; ++i)
          tokens[i].removed = true;
        return true;
      }
      middle += tokens[w].cleaned;
    }
  }
  return false;
}

std::string remaining_text(const std::vector<Token>& tokens) {
  std::string out;
  for (const Token& token : tokens) {
    if (token.removed) continue;
    if (out.empty() && token.cleaned.empty()) continue;  // a dash left by a removed phrase
    if (!out.empty()) out.push_back(' ');
    out.append(token.word);
  }
  return std::string(trim(out));
}

// The "Số: ..." number of a header line; `before` receives the text preceding it.
std::optional<std::string> header_number(std::string_view line, std::size_t& number_start,
                                         std::size_t& number_end) {
  // An OCR layer that misread the label's diacritics ("Só:412/QĐ-UBND", "Sô: 05/KH-UBND"): the
  // line opens with "So" in another tone and its colon, then a symbol.
  if (const std::string_view opening = trim(line); opening.size() > 4 && opening.front() == 'S') {
    const std::size_t colon = opening.find(':');
    if (colon != std::string_view::npos && colon <= 4 &&
        fold_key(opening.substr(0, colon)) == "so" && !opening.starts_with("Số")) {
      std::size_t p = colon + 1;
      while (p < opening.size() && opening[p] == ' ')
        ++p;
      if (p < opening.size() && opening[p] >= '0' && opening[p] <= '9') {
        const SymbolIndex index(opening);
        auto scanned = scan_numbers_at(index, opening, p, true);
        if (scanned && scanned->symbols.size() == 1) {
          const std::size_t offset = static_cast<std::size_t>(opening.data() - line.data());
          number_start = offset;
          number_end = offset + scanned->end;
          return scanned->symbols.front();
        }
      }
    }
  }
  // An OCR layer that lost the label's vowel, the "ố" with its two marks ("S 348-TB/TU"): a
  // line opening with a lone capital S and a space, then one symbol with its notation (a
  // letter after the digits), read whole. No word of Vietnamese is the bare letter S, so in
  // the header only ô 3's label stands there.
  if (const std::string_view opening = trim(line);
      opening.size() > 3 && opening[0] == 'S' && opening[1] == ' ' && is_ascii_digit(opening[2])) {
    const SymbolIndex index(opening);
    auto scanned = scan_numbers_at(index, opening, 2, true);
    if (scanned && scanned->symbols.size() == 1 &&
        std::any_of(scanned->symbols.front().begin(), scanned->symbols.front().end(),
                    [](char c) { return is_ascii_upper(c); })) {
      const std::size_t offset = static_cast<std::size_t>(opening.data() - line.data());
      number_start = offset;
      number_end = offset + scanned->end;
      return scanned->symbols.front();
    }
  }
  const std::string lowered = lower_same_length(line);
  for (std::size_t pos = lowered.find("số"); pos != std::string_view::npos;
       pos = lowered.find("số", pos + 1)) {
    if (pos > 0 && is_word_char(code_point_before(line, pos))) continue;
    // "Số" (ô 3), or "số:" after the type of a statute ("Luật số: 10/2022/QH15").
    const bool capital = line.substr(pos, std::string_view("Số").size()) == "Số";
    const std::size_t after = pos + std::string_view("số").size();
    if (!capital) {
      // Only "<Type> số:" at the start of the line, as in a statute's header.
      // "Luật số:", "Nghị quyết số:" opening the line: a type name, then "số:".
      const std::string_view before = trim(line.substr(0, pos));
      if (before.empty() || type_by_name(before) == nullptr || after >= line.size() ||
          line[after] != ':' || trim(line).data() != before.data())
        continue;
    }
    std::size_t p = pos + std::string_view("Số").size();
    while (p < line.size() && line[p] == ' ')
      ++p;
    // An OCR engine reads the label's colon as a semicolon ("Số; 1120 /QĐHC-CTUBND").
    if (p < line.size() && (line[p] == ':' || (capital && line[p] == ';'))) ++p;
    while (p < line.size() && (line[p] == ' ' || line[p] == '.' || line[p] == '\t'))
      ++p;
    if (p < line.size() && line[p] >= '0' && line[p] <= '9') {
      const SymbolIndex index(line);
      auto scanned = scan_numbers_at(index, line, p, true);
      if (scanned && scanned->symbols.size() == 1) {
        number_start = pos;
        number_end = scanned->end;
        return scanned->symbols.front();
      }
    } else if (auto blank = blank_number_at(line, p)) {
      number_start = pos;
      number_end = blank->second;
      return blank->first;
    }
  }
  return std::nullopt;
}

// A line's cells: its text parted at runs of four spaces or more, the gap a converter leaves
// between two cells of a table row set side by side (a word processor's justified line spaces
// its words by one to three). One cell when the line has no such gap.
std::vector<std::string> cells_apart(const std::string& line) {
  std::vector<std::string> cells;
  std::size_t start = 0;
  for (std::size_t gap = line.find("    "); gap != std::string::npos;
       gap = line.find("    ", start)) {
    std::size_t next = gap;
    while (next < line.size() && line[next] == ' ')
      ++next;
    if (gap > start) cells.push_back(line.substr(start, gap - start));
    start = next;
  }
  if (start < line.size() || cells.empty()) cells.push_back(line.substr(start));
  return cells;
}

// Whether a segment opens with an administrative level ("TỈNH QUẢNG NAM"): the place of the
// name before it.
bool opens_with_level(const std::string& segment) {
  // The table's levels folded, each with the space that ends its last word.
  static const std::vector<std::string> kLevels = [] {
    std::vector<std::string> out;
    for (std::string_view level : administrative_levels())
      out.push_back(fold_key(level) + " ");
    return out;
  }();
  const std::string key = fold_key(segment);
  return std::any_of(kLevels.begin(), kLevels.end(),
                     [&](const std::string& level) { return key.starts_with(level); });
}

// Words of ô 1 that a scan garbled past recognition still leave ("CỘNG HOÀ XÃ HỘI CHỦ NGHIÃ"):
// such a cell is the national name, no body.
bool holds_national_words(const std::string& segment) {
  const std::string key = fold_key(segment);
  return key.find("cong hoa") != std::string::npos || key.find("chu nghia") != std::string::npos ||
         key.find("doc lap") != std::string::npos || key.find("hanh phuc") != std::string::npos;
}

// Groups upper-case header segments into bodies: a segment that starts with the name of a
// kind of body opens a new one; others continue the previous ("THÀNH PHỐ HUẾ", "VÀ XÃ HỘI").
// A name cut off by a line break: one word ("QUỐC" of "QUỐC / HỘI"), a kind of body or a post
// without its name ("VĂN PHÒNG", "THỦ TƯỚNG", "ỦY BAN NHÂN DÂN"), or a name ending in a joiner.
bool unfinished_name(const std::string& segment) {
  const std::string key = fold_key(segment);
  if (key.find(' ') == std::string::npos) return true;
  if (key.ends_with(" -") || key.ends_with(" va") || key.ends_with(",") || key.ends_with("&"))
    return true;
  static constexpr std::array kBare = {
      std::string_view{"uy ban nhan dan"},
      std::string_view{"hoi dong nhan dan"},
      std::string_view{"van phong"},
      std::string_view{"thu tuong"},
      std::string_view{"uy ban"},
      std::string_view{"hoi dong"},
      std::string_view{"ban chap hanh"},
      std::string_view{"ban thuong vu"},
      std::string_view{"tong cuc"},
      std::string_view{"trung tam"},
      std::string_view{"bo truong"},
      std::string_view{"chu tich"},
      // The standing committee of a body ("ỦY BAN THƯỜNG VỤ" / "QUỐC HỘI"), named with it.
      std::string_view{"uy ban thuong vu"},
  };
  return std::find(kBare.begin(), kBare.end(), key) != kBare.end();
}

bool starts_with_joiner(const std::string& segment) {
  return segment.starts_with("-") || segment.starts_with("&") ||
         segment.starts_with("\xE2\x80\x93") || fold_key(segment).starts_with("va ");
}

// A converter or a font without a glyph for a capital loses it: a header cell "Y BAN NHÂN DÂN"
// for "ỦY BAN NHÂN DÂN", "ỘI ĐỒNG NHÂN DÂN" for "HỘI ĐỒNG ...". A segment whose first word is a
// body name's first word less its first letter, followed by that name's other words, gets the
// name's first word back; the other words must agree, so a word that merely ends like one
// ("AN" of "BAN") is not taken for it. Only names of two words or more, whose first word keeps
// at least one letter once its first is gone.
std::string with_lost_capital_restored(const std::string& segment) {
  static constexpr std::array kNames = {
      std::string_view{"ỦY BAN"},        std::string_view{"HỘI ĐỒNG"},
      std::string_view{"ĐẢNG ỦY"},       std::string_view{"ĐẢNG BỘ"},
      std::string_view{"BAN CHẤP HÀNH"}, std::string_view{"BAN THƯỜNG VỤ"},
      std::string_view{"VĂN PHÒNG"},     std::string_view{"TỈNH ỦY"},
      std::string_view{"THÀNH ỦY"},      std::string_view{"HUYỆN ỦY"},
      std::string_view{"QUẬN ỦY"},       std::string_view{"CHÍNH PHỦ"},
      std::string_view{"QUỐC HỘI"},      std::string_view{"TRUNG TÂM"},
      std::string_view{"TÒA ÁN"},        std::string_view{"VIỆN KIỂM SÁT"},
      std::string_view{"MẶT TRẬN"},      std::string_view{"TỔNG CỤC"},
      std::string_view{"THANH TRA"},     std::string_view{"KHO BẠC"},
      std::string_view{"BẢO HIỂM"},      std::string_view{"NGÂN HÀNG"},
  };
  // Each name's words and folded keys, prepared once.
  struct Name {
    std::string_view first;              // as written
    std::string first_key_less_letter;   // folded, its first letter (one ASCII byte) gone
    std::vector<std::string> rest_keys;  // the other words, folded
  };
  static const std::vector<Name> kPrepared = [] {
    std::vector<Name> prepared;
    for (std::string_view name : kNames) {
      const std::vector<std::string_view> words = split_words(name);
      Name entry{words[0], fold_key(words[0]).substr(1), {}};
      for (std::size_t w = 1; w < words.size(); ++w)
        entry.rest_keys.push_back(fold_key(words[w]));
      prepared.push_back(std::move(entry));
    }
    return prepared;
  }();
  if (!starts_upper(segment)) return segment;
  const std::vector<std::string_view> words = split_words(segment);
  if (words.empty()) return segment;
  const std::string first_key = fold_key(words[0]);
  for (const Name& name : kPrepared) {
    if (words.size() < name.rest_keys.size() + 1 || first_key != name.first_key_less_letter)
      continue;
    bool rest_agrees = true;
    for (std::size_t w = 0; w < name.rest_keys.size() && rest_agrees; ++w)
      rest_agrees = fold_key(words[w + 1]) == name.rest_keys[w];
    if (!rest_agrees) continue;
    const std::size_t after_fragment =
        static_cast<std::size_t>(words[0].data() + words[0].size() - segment.data());
    const std::string restored =
        is_upper_text(segment) ? std::string(name.first) : sentence_case(name.first);
    return restored + segment.substr(after_fragment);
  }
  return segment;
}

// `beside[i]`: segment i is a cell a converter set on the line of the previous segment's cell,
// a wide gap between them (two cells of ô 2 side by side): a body of its own unless it finishes
// an unfinished name or opens with a joiner or a level ("ỦY BAN NHÂN DÂN" / "TỈNH QUẢNG NAM").
std::vector<std::string> group_bodies(const std::vector<std::string>& segments,
                                      const std::vector<bool>& beside = {}) {
  std::vector<std::string> bodies;
  for (std::size_t s = 0; s < segments.size(); ++s) {
    const std::string segment = with_lost_capital_restored(segments[s]);
    // One word alone is the end of a wrapped name ("BỘ TÀI CHÍNH - BỘ NỘI" / "VỤ"), unless it
    // is an abbreviation standing for a body ("UBND").
    const bool lone_word =
        segment.find(' ') == std::string::npos && !expand_abbreviation(segment).has_value();
    const bool continues = !bodies.empty() && (unfinished_name(bodies.back()) ||
                                               starts_with_joiner(segment) || lone_word);
    const bool own_cell = s < beside.size() && beside[s] && !opens_with_level(segment) &&
                          !holds_national_words(segment);
    // A residential unit's name is its word and its place ("TỔ DÂN PHỐ LƯƠNG HẬU"): a team on
    // the next line ("TỔ XUNG KÍCH", "TỔ CÔNG TÁC") is the body under it, not more of its name.
    const std::string key = fold_key(segment);
    const bool team_of_unit = !bodies.empty() && key.starts_with("to ") &&
                              !key.starts_with("to dan pho") &&
                              (fold_key(bodies.back()).starts_with("to dan pho ") ||
                               fold_key(bodies.back()).starts_with("thon ") ||
                               fold_key(bodies.back()).starts_with("khu pho "));
    if (bodies.empty() ||
        ((starts_with_body_name(segment) || own_cell || team_of_unit) && !continues)) {
      bodies.push_back(segment);
    } else {
      bodies.back() += " " + segment;
    }
  }
  // The same name twice (a signature stamp repeating the issuer; a name wrapped differently).
  std::vector<std::string> unique;
  for (const std::string& body : bodies) {
    const std::string key = fold_key(body);
    if (std::none_of(unique.begin(), unique.end(),
                     [&](const std::string& seen) { return fold_key(seen) == key; }))
      unique.push_back(body);
  }
  return unique;
}

// The administrative level and place of a name: "tỉnh Quảng Trị" of "Ủy ban nhân dân tỉnh
// Quảng Trị".
std::optional<std::string> locality_of(const std::string& name) {
  // The table's levels from the top tier down: the highest unit the name holds; "thị xã" and
  // "thị trấn" before "xã", the longer level word naming the place.
  static const std::vector<std::string> kLevels = [] {
    std::vector<std::string> out;
    for (std::string_view level : administrative_levels())
      out.push_back(" " + std::string(level) + " ");
    return out;
  }();
  const std::string padded = name + " ";
  for (const std::string& level : kLevels) {
    const std::size_t at = padded.find(level);
    if (at != std::string::npos) return name.substr(at + 1);
  }
  return std::nullopt;
}

// An organ named by its role in a body alone, with no name of its own: the standing board of a
// committee or of the Fatherland Front ("BAN THƯỜNG TRỰC", "THƯỜNG TRỰC", "BAN THƯỜNG VỤ",
// "ĐOÀN CHỦ TỊCH"), an office ("VĂN PHÒNG"), an executive committee ("BAN CHẤP HÀNH"). One
// such name stands for thousands of bodies; the chủ quản line above it (ND30 ô 2) says whose.
// So do the organs a body sets up for a task, named by the task alone: a council's monitoring
// delegation ("ĐOÀN GIÁM SÁT", Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân 2015),
// an inspection team, and the standing office or agency of a steering or command board
// ("VĂN PHÒNG THƯỜNG TRỰC" of a Ban Chỉ huy, "CƠ QUAN THƯỜNG TRỰC" of a Ban Chỉ đạo).
bool names_a_role_only(const std::string& name) {
  static constexpr std::array kRoles = {
      std::string_view{"ban thuong truc"},
      std::string_view{"thuong truc"},
      std::string_view{"ban thuong vu"},
      std::string_view{"doan chu tich"},
      std::string_view{"van phong"},
      std::string_view{"ban chap hanh"},
      std::string_view{"doan giam sat"},
      std::string_view{"doan kiem tra"},
      std::string_view{"van phong thuong truc"},
      std::string_view{"co quan thuong truc"},
  };
  const std::string key = fold_key(name);
  return std::find(kRoles.begin(), kRoles.end(), key) != kRoles.end();
}

// The part of a Party department's name that its committee gives (HD 36-HD/VPTW: the superior
// organisation's line of ô 2 above the issuing one's): under the Central Committee "Trung ương",
// as every central body of the Party is named and coded (BTCTW "Ban Tổ chức Trung ương", VPTW
// "Văn phòng Trung ương", UBKTTW); another organisation's central committee keeps that
// organisation's name ("Trung ương Đoàn TNCS Hồ Chí Minh"); a committee named by the Statute's
// long form, its short name ("Ban Chấp hành Đảng bộ tỉnh X" → "Tỉnh ủy X"); any other parent as
// it is.
std::string party_parent_part(const std::string& parent) {
  static constexpr std::string_view kCentral = "ban chap hanh trung uong";
  const std::string key = fold_key(parent);
  if (key.starts_with(kCentral) && (key.size() == kCentral.size() || key[kCentral.size()] == ' ')) {
    const std::vector<std::string_view> words = split_words(parent);
    std::string central = "Trung ương";
    for (std::size_t w = 5; w < words.size(); ++w)
      central += " " + std::string(words[w]);
    return fold_key(central) == "trung uong dang" ? "Trung ương" : central;
  }
  if (auto short_name = party_committee_short_name(parent)) return *short_name;
  return parent;
}

// A Party body whose name ends at its committee's or its level's word without the place
// ("BAN TUYÊN GIÁO VÀ DÂN VẬN THÀNH ỦY", "ĐẢNG ỦY ỦY BAN NHÂN DÂN THÀNH PHỐ") under its Party
// organisation's line ("ĐẢNG BỘ THÀNH PHỐ HUẾ"; HD 36-HD/VPTW: the superior organisation's line
// above the issuing one's): the place is that organisation's, whose committee the Statute calls
// by its level ("Đảng bộ thành phố" → "Thành ủy", "tỉnh" → "Tỉnh ủy"). The place to append, or
// nullopt where the name has its place or the line names no such organisation.
std::optional<std::string> party_organisation_place(const std::string& parent,
                                                    const std::string& issuer) {
  struct Level {
    std::string_view level;      // folded, after "dang bo "
    std::string_view committee;  // folded short name of its committee
  };
  static constexpr std::array kLevels = {
      Level{"thanh pho", "thanh uy"}, Level{"tinh", "tinh uy"},  Level{"huyen", "huyen uy"},
      Level{"quan", "quan uy"},       Level{"thi xa", "thi uy"},
  };
  const std::string parent_key = fold_key(parent);
  const std::string issuer_key = fold_key(issuer);
  if (!parent_key.starts_with("dang bo ")) return std::nullopt;
  const std::string_view after = std::string_view(parent_key).substr(8);
  for (const Level& level : kLevels) {
    if (!after.starts_with(level.level) || after.size() <= level.level.size() ||
        after[level.level.size()] != ' ')
      continue;
    const bool bare_committee = issuer_key.ends_with(" " + std::string(level.committee));
    const bool bare_level = issuer_key.ends_with(" " + std::string(level.level));
    if (!bare_committee && !bare_level) return std::nullopt;
    // The place: the parent's words after "Đảng bộ" and the level.
    const std::vector<std::string_view> words = split_words(parent);
    const std::size_t skip =
        2 + static_cast<std::size_t>(std::count(level.level.begin(), level.level.end(), ' ') + 1);
    if (words.size() <= skip) return std::nullopt;
    std::string place;
    for (std::size_t w = skip; w < words.size(); ++w)
      place += (place.empty() ? "" : " ") + std::string(words[w]);
    return place;
  }
  return std::nullopt;
}

// A mass organisation (Luật Công đoàn, the Statutes of the Youth Union, the Farmers', Women's
// and Veterans' Associations, the Fatherland Front): the name opens with its kind.
bool names_mass_organisation(const std::string& name) {
  const std::string key = fold_key(name);
  static constexpr std::array kKinds = {
      std::string_view{"hoi nong dan "},    std::string_view{"hoi lien hiep "},
      std::string_view{"hoi cuu chien "},   std::string_view{"doan tncs "},
      std::string_view{"doan thanh nien "}, std::string_view{"cong doan "},
      std::string_view{"tong lien doan "},  std::string_view{"mat tran "},
  };
  return std::any_of(kKinds.begin(), kKinds.end(),
                     [&](std::string_view kind) { return key.starts_with(kind); });
}

std::optional<std::string> issuer_from_segments(const std::vector<std::string>& segments,
                                                const std::vector<bool>& beside = {}) {
  const std::vector<std::string> bodies = group_bodies(segments, beside);
  if (bodies.empty()) return std::nullopt;
  std::string issuer = proper_case_name(bodies.back());
  // "BAN THƯỜNG TRỰC" under "ỦY BAN MTTQ VIỆT NAM" / "XÃ LƯƠNG MINH": "Ban Thường trực Ủy ban
  // Mặt trận Tổ quốc Việt Nam xã Lương Minh"; "VĂN PHÒNG" under "UBND TỈNH HÒA BÌNH": "Văn
  // phòng Ủy ban nhân dân tỉnh Hòa Bình".
  if (bodies.size() >= 2 && names_a_role_only(issuer)) {
    // A converter's stray mark before the cell ("/ỦY BAN ...") is no part of the name.
    std::string_view parent = bodies[bodies.size() - 2];
    while (!parent.empty() && !is_word_char(code_point_at(parent, 0)))
      parent.remove_prefix(1);
    if (!parent.empty()) return issuer + " " + party_parent_part(proper_case_name(parent));
  }
  // Only under a State body: a Party header's upper line is the Party organisation.
  const bool state_parent =
      bodies.size() >= 2 && (starts_with(fold_key(bodies[bodies.size() - 2]), "ubnd") ||
                             starts_with(fold_key(bodies[bodies.size() - 2]), "uy ban nhan dan"));
  // A Party committee's department ("BAN TỔ CHỨC" under "TỈNH ỦY BÌNH ĐỊNH") is that
  // committee's, named with it as a Sở is with its province (HD 36-HD/VPTW: the superior
  // organisation's line above the issuing one's): "Ban Tổ chức Tỉnh ủy Bình Định". Under the
  // Central Committee ("BAN CHẤP HÀNH TRUNG ƯƠNG" / "BAN TỔ CHỨC", "VĂN PHÒNG") the committee's
  // part of the name is "Trung ương", as every central body of the Party is named and coded
  // (BTCTW, VPTW, UBKTTW): "Ban Tổ chức Trung ương", "Văn phòng Trung ương".
  if (bodies.size() >= 2 && !state_parent) {
    const std::string parent = proper_case_name(bodies[bodies.size() - 2]);
    if (auto place = party_organisation_place(parent, issuer)) return issuer + " " + *place;
    const std::string parent_key = fold_key(parent);
    const bool committee =
        parent_key.starts_with("tinh uy") || parent_key.starts_with("thanh uy") ||
        parent_key.starts_with("huyen uy") || parent_key.starts_with("quan uy") ||
        parent_key.starts_with("thi uy") || parent_key.starts_with("dang uy") ||
        parent_key.starts_with("ban chap hanh") ||
        // A Fatherland Front committee's departments are its own as a Party committee's are
        // (its Ban Tuyên giáo, Ban Dân chủ - Pháp luật under "ỦY BAN MTTQ VIỆT NAM" / "THÀNH
        // PHỐ CẦN THƠ"): named with it.
        parent_key.starts_with("uy ban mat tran to quoc");
    // Not a committee itself ("Đảng ủy ..."), but a committee's Ủy ban Kiểm tra is its own.
    const std::string key = fold_key(issuer);
    const bool own_committee = key.find(" uy") != std::string::npos ||
                               (key.starts_with("uy ") && !key.starts_with("uy ban kiem tra"));
    if (committee && !own_committee && !locality_of(issuer))
      issuer += " " + party_parent_part(parent);
  }
  // A mass organisation's central executive committee ("HỘI NÔNG DÂN VIỆT NAM" / "BAN CHẤP
  // HÀNH TRUNG ƯƠNG"): the organisation's line is its chủ quản line (ND30 ô 2, HD 36-HD/VPTW),
  // and its Statute names the committee with it ("Ban Chấp hành Trung ương Hội Nông dân Việt
  // Nam"). The Party's own Central Committee has no line above it (its name stands opposite).
  static constexpr std::string_view kCentralCommittee = "ban chap hanh trung uong";
  if (bodies.size() >= 2 && fold_key(issuer) == kCentralCommittee) {
    const std::string parent = proper_case_name(bodies[bodies.size() - 2]);
    if (names_mass_organisation(parent)) return issuer + " " + parent;
  }
  // The two lines run into one cell ("HỘI NÔNG DÂN VIỆT NAM BAN CHẤP HÀNH TRUNG ƯƠNG").
  if (const std::string key = fold_key(issuer);
      key.ends_with(" " + std::string(kCentralCommittee)) && names_mass_organisation(issuer)) {
    const std::vector<std::string_view> words = split_words(issuer);
    if (words.size() > 5) {
      const std::size_t cut =
          static_cast<std::size_t>(words[words.size() - 5].data() - issuer.data());
      return std::string(trim(std::string_view(issuer).substr(cut))) + " " +
             std::string(trim(std::string_view(issuer).substr(0, cut)));
    }
  }
  // A centre of a Sở (a public service unit with its own seal) is named with the province or
  // city the Sở serves, as the Sở is ("SỞ GIÁO DỤC VÀ ĐÀO TẠO" / "THÀNH PHỐ HỒ CHÍ
  // MINH" / "TRUNG TÂM THÔNG TIN ...": "Trung tâm Thông tin ... thành phố Hồ Chí Minh"); a
  // function names one in every province. A school or an internal office (Phòng) is not.
  if (bodies.size() >= 2 && !locality_of(issuer)) {
    const std::string key = fold_key(issuer);
    const std::string parent = proper_case_name(bodies[bodies.size() - 2]);
    if (key.starts_with("trung tam ") && fold_key(parent).starts_with("so ")) {
      if (auto place = locality_of(parent)) return issuer + " " + *place;
    }
  }
  // A school's office (Luật Giáo dục đại học, Luật Giáo dục nghề nghiệp: its "phòng" are units
  // inside it, with no seal of their own beyond the school's) is named with its school:
  // "TRƯỜNG CAO ĐẲNG ..." / "PHÒNG ĐÀO TẠO": "Phòng Đào tạo Trường Cao đẳng ...". A district's
  // Phòng under its UBND is named by its place instead (below).
  if (bodies.size() >= 2 && !locality_of(issuer)) {
    const std::string parent = proper_case_name(bodies[bodies.size() - 2]);
    if (fold_key(issuer).starts_with("phong ") && fold_key(parent).starts_with("truong "))
      return issuer + " " + parent;
  }
  // A team a residential unit sets up (Thông tư 04/2012/TT-BNV: thôn and tổ dân phố, the
  // communities under a commune; "ấp", "khu phố") is named with its unit, as a Sở is with its
  // province: "TỔ DÂN PHỐ LƯƠNG HẬU" / "TỔ XUNG KÍCH": "Tổ xung kích ... tổ dân phố Lương
  // Hậu", the unit's word in lower case as a level's is inside a name.
  if (bodies.size() >= 2 && !locality_of(issuer)) {
    const std::string parent = proper_case_name(bodies[bodies.size() - 2]);
    const std::string key = fold_key(parent);
    if (key.starts_with("to dan pho ") || key.starts_with("thon ") || key.starts_with("ap ") ||
        key.starts_with("khu pho ")) {
      std::size_t first = 0;
      code_point_at(parent, 0, &first);
      return issuer + " " + lower(std::string_view(parent).substr(0, first)) + parent.substr(first);
    }
  }
  // A school is named by its level and its own name, not by the place of the district's
  // People's Committee that manages it ("UBND HUYỆN LẤP VÒ" / "TRƯỜNG THCS MỸ AN HƯNG A").
  if (state_parent && !locality_of(issuer) && !fold_key(issuer).starts_with("truong ")) {
    // "SỞ NỘI VỤ" under "UBND TỈNH QUẢNG TRỊ" is the Sở Nội vụ of that province.
    if (auto place = locality_of(proper_case_name(bodies[bodies.size() - 2])))
      issuer += " " + *place;
  }
  return issuer;
}

}  // namespace

const DocumentType* type_from_number(std::string_view number, bool party, std::string* code) {
  const std::size_t slash = number.find('/');
  const std::size_t dash = number.find('-');
  std::string_view segment;
  bool party_form = false;
  // The older "111-HĐBT", "87-CT" name only the issuer.
  if (slash == std::string_view::npos) return nullptr;
  if (dash != std::string_view::npos && dash < slash) {
    party_form = true;
    segment = number.substr(dash + 1, slash - dash - 1);
  } else {
    std::string_view rest = number.substr(slash + 1);
    bool has_year = false;
    if (rest.size() > 5 &&
        std::all_of(rest.begin(), rest.begin() + 4, [](char c) { return c >= '0' && c <= '9'; }) &&
        rest[4] == '/') {
      rest.remove_prefix(5);
      has_year = true;
    }
    segment = rest.substr(0, rest.find_first_of("-/"));
    // A dot typed for the hyphen between the groups ("03/KH.THCS"): the type's code before it.
    if (!type_by_code(segment, false) && segment.find('.') != std::string_view::npos)
      segment = segment.substr(0, segment.find('.'));
    if (const DocumentType* type = type_by_code(segment, false)) {
      *code = std::string(segment);
      return type;
    }
    // ND30: a symbol that starts with the issuer's code is a công văn's.
    if (!has_year && !party && rest.find('-') != std::string_view::npos)
      return type_by_name("Công văn");
    return nullptr;
  }
  const DocumentType* type = type_by_code(segment, party || party_form);
  if (type) *code = std::string(segment);
  return type;
}

namespace {

// An upper-case line that ends inside a name: on a joiner ("PHÒNG TÀI CHÍNH -", "SỞ VĂN HÓA
// VÀ", "BAN CHỈ ĐẠO PHÒNG, CHỐNG ... &") or a comma. The line after it goes on with the name:
// the issuer cell wrapped in its narrow column (ND30 ô 2), "KẾ HOẠCH" of "PHÒNG TÀI CHÍNH -" /
// "KẾ HOẠCH" is no type heading.
bool ends_inside_upper_name(std::string_view line) {
  if (!is_upper_text(line)) return false;
  const auto words = split_words(line);
  if (words.empty()) return false;
  const std::string_view last = words.back();
  return last == "-" || last == "\xE2\x80\x93" || last == "&" || fold_key(last) == "va" ||
         last.ends_with(",");
}

}  // namespace

namespace {

// A portal that repeats the document's type heading (and its subject) as its own headline above
// the whole document: below the heading at `type_line`, before any body, stands a header's motto
// (ND30 ô 1's Quốc hiệu, or the Party's name), and the type heading again under it. The line of
// that motto, or npos when the heading at `type_line` heads the text itself.
std::size_t header_below_headline(const Layout& layout, std::size_t type_line,
                                  std::string_view heading) {
  constexpr std::size_t kLookLines = 30;
  std::size_t motto = std::string_view::npos;
  std::size_t seen = 0;
  for (std::size_t j = type_line + 1; j < layout.lines.size() && seen < kLookLines; ++j) {
    if (layout.skip(j)) continue;
    const std::string_view line = trim(layout.lines[j]);
    if (line.empty()) continue;
    ++seen;
    if (starts_body(line)) return std::string_view::npos;
    const std::string folded = fold_key(line.substr(0, 60));
    if (motto == std::string_view::npos &&
        (folded.starts_with("cong hoa xa hoi chu nghia viet nam") ||
         folded.starts_with("dang cong san viet nam")))
      motto = j;
    else if (motto != std::string_view::npos && line == heading)
      return motto;
  }
  return std::string_view::npos;
}

}  // namespace

namespace {

// The rest of a type heading is the document's number and nothing else, "số" before it or not,
// its code naming that type.
bool heading_number(std::string_view rest, const DocumentType& type) {
  if (const std::size_t space = rest.find(' ');
      space != std::string_view::npos && fold_key(rest.substr(0, space)) == "so")
    rest = trim(rest.substr(space + 1));
  if (rest.starts_with(":")) rest = trim(rest.substr(1));
  if (rest.empty() || !is_ascii_digit(rest.front())) return false;
  const auto symbols = find_symbols(rest);
  if (symbols.size() != 1 || symbols.front().start != 0 || symbols.front().end != rest.size())
    return false;
  const std::string& number = symbols.front().text;
  std::string code;
  return type_from_number(number, number.find('-') < number.find('/'), &code) == &type;
}

}  // namespace

std::size_t find_type_line(const Layout& layout, const DocumentType** found,
                           std::string* rest_of_line) {
  std::size_t seen = 0;
  std::string_view previous;
  std::size_t resume = 0;  // past a portal's headline that repeats the document's heading
  for (std::size_t i = 0; i < layout.lines.size() && seen < 80; ++i) {
    if (layout.skip(i)) continue;
    const std::string_view line = trim(layout.lines[i]);
    if (line.empty()) continue;
    ++seen;
    if (starts_body(line)) break;
    const bool inside_name = ends_inside_upper_name(previous);
    previous = line;
    if (inside_name || stamp_words_above(layout, i)) continue;
    for (const DocumentType& type : document_types()) {
      if (!type.heads_documents) continue;
      const std::string name = upper(type.name);
      if (!starts_with(line, name) || !is_upper_text(line.substr(0, name.size()))) continue;
      std::size_t after = name.size();
      // A footnote marker may be glued to the title: "THÔNG TƯ1".
      while (after < line.size() && after < name.size() + 2 && line[after] >= '0' &&
             line[after] <= '9')
        ++after;
      if (is_word_char(code_point_at(line, after))) continue;
      std::string_view rest = trim(line.substr(after));
      // "QUYẾT ĐỊNH 24/2021/QĐ-TTg": a portal writes the heading with the document's number, its
      // code the type's (ND30 Phụ lục III); the title is on the lines below.
      if (heading_number(rest, type)) rest = {};
      if (!rest.empty() && (is_upper_text(rest) || !starts_upper(rest))) continue;
      if (opens_arrival_stamp(line)) continue;  // "CÔNG VĂN ĐẾN Số: ... Ngày: ..."
      if (i < resume) continue;
      if (rest.empty()) {
        if (const std::size_t motto = header_below_headline(layout, i, line);
            motto != std::string_view::npos) {
          resume = motto;
          break;
        }
      }
      *found = &type;
      *rest_of_line = std::string(rest);
      return i;
    }
  }
  return std::string_view::npos;
}

namespace {

// The enacting authority under a decision's title ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ...",
// "BỘ TRƯỞNG BỘ NỘI VỤ", "CHÍNH PHỦ"), or a body's name: not a title's words.
bool names_authority(std::string_view line) {
  static constexpr std::array kAuthorities = {
      std::string_view{"chu tich"},
      std::string_view{"bo truong"},
      std::string_view{"thu tuong"},
      std::string_view{"giam doc"},
      std::string_view{"chinh phu"},
      std::string_view{"quoc hoi"},
      std::string_view{"uy ban"},
      std::string_view{"hoi dong nhan dan"},
      std::string_view{"tong giam doc"},
      std::string_view{"cuc truong"},
      std::string_view{"ban chap hanh"},
      std::string_view{"ban thuong vu"},
      std::string_view{"thong doc"},
      std::string_view{"chanh an"},
      std::string_view{"vien truong"},
      std::string_view{"tong kiem toan"},
      std::string_view{"truong ban"},
      // A school's head, who decides in its name (the Ministry's Điều lệ of each kind of school:
      // the hiệu trưởng manages the school and issues its decisions).
      std::string_view{"hieu truong"},
      // The 1980 Constitution's collective authorities enacted in their own name.
      std::string_view{"hoi dong bo truong"},
      std::string_view{"hoi dong nha nuoc"},
  };
  const std::string folded = fold_key(line.substr(0, 40));
  for (std::string_view authority : kAuthorities)
    if (folded.starts_with(authority) &&
        (folded.size() == authority.size() || folded[authority.size()] == ' '))
      return true;
  return false;
}

// The gazette's older heading names the text whole under its type: "QUYẾT ĐỊNH" / "CỦA HỘI
// ĐỒNG BỘ TRƯỞNG SỐ 91/HĐBT NGÀY 30 THÁNG 3 NĂM 1985 VỀ VIỆC THÀNH LẬP XÃ ..." (the way a text
// is first cited, ND30 Phụ lục I §II.6: issuer, number, date, trích yếu). What follows its
// date is the trích yếu; empty when the line is no such heading (a committee's "CỦA BAN THƯỜNG
// VỤ TỈNH ỦY" alone) or ends at its date.
std::string_view subject_after_heading_date(std::string_view line) {
  const std::string lowered = lower_same_length(line);
  constexpr std::string_view kNumber = " số ";
  const std::size_t number = lowered.find(kNumber);
  if (number == std::string::npos) return {};
  const std::size_t day = lowered.find(" ngày ", number);
  if (day == std::string::npos) return {};
  const std::size_t from = number + kNumber.size();
  const std::string_view written = trim(line.substr(from, day - from));
  // One word, digits first, its codes after a slash or a hyphen ("91/HĐBT", "214-NQ/TW"): the
  // older texts' numbers carry no type code the scanner would need.
  if (written.empty() || written.front() < '0' || written.front() > '9' ||
      written.find(' ') != std::string_view::npos ||
      written.find_first_of("/-") == std::string_view::npos)
    return {};
  const auto date = parse_date_at(line, day + std::string_view(" ngày ").size());
  if (!date) return {};
  return trim(line.substr(date->end));
}

bool luat_like(const DocumentType* type) {
  return type && type->cited_by_name;
}

bool starts_with_instrument(std::string_view line) {
  const std::string lowered = lower_same_length(line.substr(0, 40));
  for (const DocumentType& type : document_types()) {
    const std::string name = lower(type.name);
    if (lowered.starts_with(name) && !is_word_char(code_point_at(lowered, name.size())))
      return true;
  }
  return false;
}

// "V/v" is the abbreviation of "về việc" that ND30 sets before a subject (ô 5b), a label like
// "Kính gửi:", not a word of it: a trích yếu written "V/v ..." under its type heading (an older
// decision, a Tờ trình) is the text after it. "Về việc ..." written out is the subject's own.
std::string without_vv_label(std::string title) {
  if (!lower_same_length(title.substr(0, 3)).starts_with("v/v")) return title;
  std::string_view rest = trim(std::string_view(title).substr(3));
  if (!rest.empty() && rest.front() == ':') rest = trim(rest.substr(1));
  // A label glued to its subject ("V/vxin chủ trương"): the subject starts after it all the same.
  return std::string(rest);
}

// A rule line, or a rule a converter ran the next line into ("----Thực hiện Chỉ thị ...").
bool opens_with_rule(std::string_view line) {
  line = trim(line);
  if (is_rule_line(line)) return true;
  std::size_t marks = 0;
  std::size_t pos = 0;
  while (pos < line.size()) {
    if (line[pos] == '-' || line[pos] == '_' || line[pos] == '=') {
      ++pos;
    } else if (line.substr(pos, 3) == "\xE2\x80\x93" || line.substr(pos, 3) == "\xE2\x80\x94") {
      pos += 3;
    } else {
      break;
    }
    ++marks;
  }
  return marks >= 3 || (marks >= 2 && pos == line.size());
}

// ND30 ô 5a and HD 36-HD/VPTW draw a short rule under the trích yếu. The line of that rule when
// it comes within a few lines after the type heading, before anything that opens the body;
// npos otherwise. The lines between are the title whatever case they open with ("tổng hợp ý
// kiến ... văn kiện" / "Đại hội đại biểu toàn quốc lần thứ XIV của Đảng" / "-----").
//
// A PDF text layer has no text for that rule (a drawn line): it leaves the gap it stood in, an
// empty line. Title lines wrapped without a gap between them (two at least, so that a text that
// parts every line with an empty one says nothing), in running case, the last one not ending a
// sentence, then the empty line: that line is the rule's place, returned as the rule is.
std::size_t rule_under_title(const Layout& layout, std::size_t type_line) {
  constexpr std::size_t kTitleLines = 4;
  std::size_t lines = 0;
  bool gap_inside = false;  // an empty line between two of the lines counted
  bool title_like = true;
  std::string_view last;
  for (std::size_t i = type_line + 1; i < layout.lines.size(); ++i) {
    if (layout.skip(i)) continue;
    const std::string_view line = trim(layout.lines[i]);
    if (line.empty()) {
      // Not where the title ends: its last line ends on a comma ("... các cấp,") or the line
      // after the gap goes on in lower case ("nhiệm kỳ 2026 - 2031 ..."); a page's width
      // wrapped the title and a gap of the source's own parted its lines. (A word that often
      // opens a phrase may end a title: "... trong thời gian đến".)
      const auto goes_on = [&] {
        if (last.back() == ',') return true;
        for (std::size_t j = i + 1; j < layout.lines.size(); ++j) {
          if (layout.skip(j) || trim(layout.lines[j]).empty()) continue;
          return starts_lower(trim(layout.lines[j]));
        }
        return false;
      };
      if (lines >= 2 && !gap_inside && title_like && last.back() != '.' && !goes_on()) return i;
      gap_inside = gap_inside || lines > 0;
      continue;
    }
    if (opens_with_rule(line)) return lines > 0 ? i : std::string_view::npos;
    if (++lines > kTitleLines || starts_body(line) || find_place_date(line) || line.back() == ';' ||
        line.back() == ':' || authority_prefix_length(line) > 0)
      break;
    // A note in brackets alone on its line ("(Ban hành kèm theo ...)") is no title line.
    title_like =
        title_like && !is_upper_text(line) && !(line.starts_with("(") && line.ends_with(")"));
    last = line;
  }
  return std::string_view::npos;
}

// A PDF text layer keeps the line breaks of the trích yếu (ND30 ô 5a), which a narrow page or
// cell puts inside phrases no title ends on. The year of "năm" (or of a range "2021 -") alone on
// the next line:
bool wraps_before_year(std::string_view last, std::string_view line) {
  if (line.size() != 4 ||
      !std::all_of(line.begin(), line.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return false;
  if (!(line.starts_with("19") || line.starts_with("20"))) return false;
  const auto words = split_words(last);
  if (words.empty()) return false;
  const std::string last_word = fold_key(words.back());
  return last_word == "nam" || last_word == "-" || words.back() == "\xE2\x80\x93";
}

bool has_letter(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t length = 0;
    if (is_letter(code_point_at(text, pos, &length))) return true;
    pos += length == 0 ? 1 : length;
  }
  return false;
}

// A line a page's width broke before a number that ends a phrase: a year or a range ("... năm"
// / "2024", "... GIAI ĐOẠN" / "2016-2020"), after a line that ends no sentence. A numbered item
// ("1. Mục đích", "2) ...") opens no such line.
bool wrapped_before_number(std::string_view last, std::string_view line) {
  if (last.empty() || line.empty() || line.front() < '0' || line.front() > '9') return false;
  if (last.back() == '.' || last.back() == ';' || last.back() == ':') return false;
  std::size_t digits = 0;
  while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9')
    ++digits;
  if (digits < line.size() && (line[digits] == '.' || line[digits] == ')')) return false;
  return true;
}

// A range's second year wrapped onto a line of its own, its dash opening it ("... GIAI ĐOẠN
// 2006" / "-2010").
bool wrapped_inside_range(std::string_view last, std::string_view line) {
  if (last.empty() || last.back() < '0' || last.back() > '9') return false;
  std::size_t at = 0;
  if (line.starts_with("-")) {
    at = 1;
  } else if (line.starts_with("\xE2\x80\x93")) {
    at = 3;
  } else {
    return false;
  }
  while (at < line.size() && line[at] == ' ')
    ++at;
  return at < line.size() && line[at] >= '0' && line[at] <= '9';
}

// A title line broken inside a symbol ("Thông tư số 17/2022/TT-" / "BLĐTBXH ngày ..."), a
// range ("giai đoạn 2026" / "- 2030"), or after a post that names its body next ("của Bộ
// trưởng" / "Bộ Tài chính ..."): the next line goes on with the title whatever it opens with.
bool wraps_inside_phrase(std::string_view last, std::string_view line) {
  const auto words = split_words(last);
  if (words.empty() || line.empty()) return false;
  // A decision on an investment or a procurement names under its subject what it is about, one
  // labelled line each (Luật Đấu thầu, Luật Đầu tư công: "Gói thầu: ...", "Dự án: ...", "Công
  // trình: ..."): the lines go on with the title.
  for (std::string_view label : {"Gói thầu:", "Dự án:", "Công trình:", "Hạng mục:"})
    if (line.starts_with(label)) return true;
  const std::string_view last_word = words.back();
  if (last_word.size() > 1 && (last_word.ends_with("-") || last_word.ends_with("\xE2\x80\x93")) &&
      last_word.find('/') != std::string_view::npos && !starts_body(line))
    return true;
  const bool ends_in_number = last_word.back() >= '0' && last_word.back() <= '9';
  if (ends_in_number && (line.starts_with("- ") || line.starts_with("\xE2\x80\x93 "))) {
    const std::string_view after = trim(line.substr(line.find(' ')));
    return !after.empty() && after.front() >= '0' && after.front() <= '9';
  }
  // The post's body opens the next line in running case ("Bộ Tài", "Ủy ban nhân dân ..."); an
  // enacting authority in capitals or the body's opening ("Căn cứ ...") ends the title still.
  if (words.size() >= 2 && starts_upper(line) && !is_upper_text(line) && !starts_body(line)) {
    const std::string post =
        fold_key(std::string(words[words.size() - 2]) + " " + std::string(last_word));
    const std::string opening = fold_key(line.substr(0, 12));
    return (post == "bo truong" || post == "chu tich" || post == "giam doc") &&
           (opening.starts_with("bo ") || opening.starts_with("uy ban") ||
            opening.starts_with("so "));
  }
  return false;
}

// A trích yếu that lists what it is about by numbered items ("... về (1) Tình trạng úng ngập;"
// / "(2) Ùn tắc giao thông; (3) ..."), wrapped after an item's semicolon: the next line opens
// with the next item's mark, "(n+1)" after "(n)" (or "(b)" after "(a)") somewhere in the title's
// lines so far, and goes on with the list.
bool continues_numbered_items(const std::vector<std::string>& parts, std::string_view last,
                              std::string_view line) {
  if (last.empty() || last.back() != ';' || line.size() < 3 || line.front() != '(') return false;
  std::size_t close = line.find(')');
  if (close == std::string_view::npos || close < 2 || close > 3) return false;
  const std::string_view mark = line.substr(1, close - 1);
  std::string previous;
  if (std::all_of(mark.begin(), mark.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    const int n = std::stoi(std::string(mark));
    if (n < 2) return false;
    previous = "(" + std::to_string(n - 1) + ")";
  } else if (mark.size() == 1 && mark[0] > 'a' && mark[0] <= 'z') {
    previous = std::string("(") + static_cast<char>(mark[0] - 1) + ")";
  } else {
    return false;
  }
  return std::any_of(parts.begin(), parts.end(), [&](const std::string& part) {
    return part.find(previous) != std::string::npos;
  });
}

std::optional<std::string> title_after(const Layout& layout, std::size_t type_line,
                                       const DocumentType* type, const std::string& rest,
                                       std::size_t& body_line, bool& in_capitals) {
  std::vector<std::string> parts;
  // The rule drawn under the title (ND30 ô 5a) ends it when the converter ran the body on
  // after it on the same line: "Về việc ban hành ...--------- BAN BÍ THƯ ... Căn cứ ...".
  std::string_view head = rest;
  for (std::string_view rule : {"---", "___", "***"})
    head = head.substr(0, std::min(head.size(), head.find(rule)));
  head = trim(head);
  if (!head.empty()) parts.emplace_back(head);
  if (head.size() < trim(rest).size()) {
    body_line = type_line + 1;
    const std::string title = without_vv_label(collapse_spaces(head));
    if (title.empty()) return std::nullopt;
    in_capitals = is_upper_text(title);
    return in_capitals ? proper_case_title(title) : title;
  }
  bool capitals = false;
  std::size_t running_from = std::string_view::npos;  // the first part in running case after
                                                      // a title begun in capitals
  std::size_t i = type_line + 1;
  std::string_view last = rest;
  const std::size_t rule_at = rule_under_title(layout, type_line);
  // An empty line since the last part: a page's width never wraps a line across one.
  bool gap_after_last = false;
  for (; i < layout.lines.size(); ++i) {
    if (layout.skip(i)) {
      // A title wrapped before its year: "... hưởng ứng Tết trồng cây năm" / "2026", "... MÙA
      // KHÔ NĂM 2019 -" / "2020" (the year alone on its line reads as a page number), in
      // running case or in capitals.
      const std::string_view line = trim(layout.lines[i]);
      if (!parts.empty() && wraps_before_year(last, line)) {
        parts.emplace_back(line);
        last = line;
      }
      continue;
    }
    const std::string_view line = trim(layout.lines[i]);
    if (line.empty()) {
      if (i == rule_at && !parts.empty()) break;  // the gap the rule under the title left
      gap_after_last = true;
      continue;
    }
    if (is_rule_line(line)) {
      if (!parts.empty()) {
        ++i;
        break;
      }
      continue;
    }
    if (luat_like(type) && (parts.empty() || is_upper_text(last))) {
      // The gazette prints a statute's name under its heading in running case ("HIẾN PHÁP" /
      // "Nước Cộng hòa xã hội chủ nghĩa Việt Nam"): a title of one line.
      if (parts.empty() && !is_upper_text(line) && !starts_body(line) && starts_upper(line) &&
          line.back() != '.' && line.back() != ';' && line.back() != ':') {
        parts.emplace_back(line);
        ++i;
        break;
      }
      if (!is_upper_text(line) || starts_body(line)) break;
      parts.emplace_back(line);
      last = line;
      continue;
    }
    if (capitals) {
      // A title set in capitals goes on in capitals, up to the enacting authority's line, and
      // over a year or range a page's width put on a line of its own.
      if ((wrapped_before_number(last, line) || wrapped_inside_range(last, line)) &&
          !has_letter(line)) {
        parts.emplace_back(line);
        last = line;
        continue;
      }
      // ND30 ô 5a and HD 36-HD/VPTW draw the rule under the whole trích yếu: a title begun in
      // capitals that goes on in running case up to that rule ("KẾT LUẬN CỦA THƯỜNG TRỰC ĐẢNG
      // ỦY" / "về một số nội dung cuộc họp ..." / "-----") is one title.
      if (!is_upper_text(line) && rule_at != std::string_view::npos && i < rule_at &&
          !starts_body(line)) {
        if (running_from == std::string_view::npos) running_from = parts.size();
        parts.emplace_back(line);
        last = line;
        continue;
      }
      // A line the page's width wrapped into goes on with the title even when its first words
      // read as an authority's ("... ĐẠI BIỂU QUỐC HỘI, ĐẠI BIỂU" / "HỘI ĐỒNG NHÂN DÂN TRONG BẦU
      // CỬ ...", "... CỦA THỦ TƯỚNG" / "CHÍNH PHỦ VỀ ..."): the enacting authority stands on a
      // line of its own, under a title line the writer ended.
      if (!is_upper_text(line) ||
          (names_authority(line) && (!layout.wrapped_after(last, line) || gap_after_last)))
        break;
      parts.emplace_back(line);
      last = line;
      gap_after_last = false;
      continue;
    }
    if (parts.empty()) {
      if (starts_body(line) && !starts_with(line, "Thực hiện")) break;
      if (is_upper_text(line)) {
        // "NGHỊ QUYẾT" / "CỦA BAN THƯỜNG VỤ TỈNH ỦY" / "về ...": the heading names its body;
        // the gazette's older heading its number and date too, then the trích yếu.
        if (fold_key(line).starts_with("cua ")) {
          const std::string_view subject = subject_after_heading_date(line);
          if (subject.empty() || !is_upper_text(subject)) continue;
          capitals = true;
          parts.emplace_back(subject);
          last = subject;
          continue;
        }
        if (names_authority(line) || authority_prefix_length(line) > 0) break;
        capitals = true;
        parts.emplace_back(line);
        last = line;
        continue;
      }
    } else {
      if (wraps_inside_phrase(last, line) || continues_numbered_items(parts, last, line)) {
        parts.emplace_back(line);
        last = line;
        continue;
      }
      const char end = last.empty() ? ' ' : last.back();
      if (end == '.' || end == ';' || end == ':' || starts_body(line) || is_upper_text(line)) break;
      // A title goes on in lower case, with a date ("ngày\n15 tháng 10 ..."), or with the
      // name of an instrument ("... thi hành\nLuật Người lao động ...").
      // An instrument's name continues a title only after an open phrase ("... thi hành",
      // "... và"), not after a complete one ("... Việt Nam").
      const auto last_words = split_words(last);
      const bool open_end = !last_words.empty() &&
                            (starts_lower(last_words.back()) || last_words.back().ends_with(","));
      // A clause naming an instrument of the document's own type by number ("Thông tư số
      // 20/2016/TT-BTC ngày ...") continues a title only when the title is mid-phrase ("... một
      // số điều của"); under a consolidated text's title it names the base document.
      const bool numbered = type != nullptr && line.starts_with(type->name) &&
                            line.find(" số ") < type->name.size() + 2;
      // So does the name of a body, capitalised inside a title as an instrument's is (ND30
      // Phụ lục II): "... tiến tới Đại hội đại biểu" / "Đoàn TNCS Hồ Chí Minh thành phố ...".
      const bool body_named = open_end && known_name_at(line, 0).has_value() &&
                              known_name_at(line, 0)->kind == NameKind::body;
      // A PDF text layer wraps a title before the bracketed short form of its last words
      // ("... đánh giá hiệu quả hoạt động" / "(OKR/KPI) đối với cơ quan ..."): the phrase goes
      // on in lower case after the bracket. A note in brackets standing alone on its line
      // ("(Ban hành kèm theo ...)", "(Dự thảo)") is no part of the title.
      const bool bracket_goes_on = [&] {
        if (!line.starts_with("(")) return false;
        const std::size_t close = line.find(')');
        if (close == std::string_view::npos) return false;
        const std::string_view after = trim(line.substr(close + 1));
        return !after.empty() && starts_lower(after);
      }();
      // A trích yếu wrapped before a word it capitalises ("... dự án nâng cấp" / "Cổng thông
      // tin điện tử tỉnh"), the body's opening on the next line ("Căn cứ ..."): ND30 sets
      // nothing between ô 5a and the body but the enacting authority (in capitals) and a rule,
      // so a short line in running case between the title's open end and that opening is the
      // title's. So are two such lines (a trích yếu of three or four lines wrapped on a narrow
      // cell: "... đạt chuẩn" / "Phổ cập giáo dục tiểu học và ..." / "đúng độ tuổi ... năm 2014"
      // / "Kính gửi: ..."): each short, in running case, ending no sentence, the opening next.
      const bool before_opening = [&] {
        // A note in brackets alone on its line ("(Ban hành kèm theo ...)") is no title line. A
        // centred title's line holds fewer words than a page-wide line of the body (some 20).
        constexpr std::size_t kTitleLineWords = 15;
        const auto short_running_line = [](std::string_view text) {
          return !is_upper_text(text) && text.back() != '.' && text.back() != ';' &&
                 text.back() != ':' && text.back() != ')' &&
                 split_words(text).size() <= kTitleLineWords && !find_place_date(text);
        };
        // A proper name wrapped after its first word ("... trên địa bàn xã Phúc" / "Thịnh"):
        // one capitalised word alone on its line after a line ending in one.
        const bool name_goes_on = !last_words.empty() && split_words(line).size() == 1 &&
                                  starts_upper(last_words.back()) &&
                                  !is_upper_text(last_words.back());
        if ((!open_end && !name_goes_on) || !starts_upper(line) || !short_running_line(line))
          return false;
        constexpr std::size_t kMoreTitleLines = 1;
        std::size_t more = 0;
        for (std::size_t j = i + 1; j < layout.lines.size(); ++j) {
          if (layout.skip(j) || trim(layout.lines[j]).empty()) continue;
          const std::string_view next = trim(layout.lines[j]);
          // The body's opening, or the enacting authority in capitals above it ("HIỆU TRƯỞNG
          // TRƯỜNG ..." / "Căn cứ ...").
          if (starts_body(next) || (is_upper_text(next) && names_authority(next))) return true;
          if (++more > kMoreTitleLines || !short_running_line(next) || is_rule_line(next))
            return false;
        }
        return false;
      }();
      // A page's width that ended the line above (a PDF's text layer, text wrapped at a fixed
      // width): the title goes on, whatever word the break fell before ("... Đoàn TNCS Hồ Chí" /
      // "Minh").
      // A trích yếu wrapped before the name it quotes (a movement's, a topic's: "... thực hiện
      // Chuyên đề" / "“Xây dựng trường mầm non lấy trẻ làm trung tâm” giai đoạn 2021-2025"): after
      // an open phrase, a line that opens and closes a quotation goes on with the title.
      const bool quote_goes_on = [&] {
        if (!open_end) return false;
        for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"“", "”"},
                                   std::pair<std::string_view, std::string_view>{"\"", "\""}})
          if (line.starts_with(open) && line.find(close, open.size()) != std::string_view::npos)
            return true;
        return false;
      }();
      const bool continues = starts_lower(line) || (line.front() >= '0' && line.front() <= '9') ||
                             bracket_goes_on || quote_goes_on || before_opening ||
                             (open_end && starts_with_instrument(line) && !numbered) ||
                             body_named || ends_mid_phrase(last) ||
                             (rule_at != std::string_view::npos && i < rule_at) ||
                             (layout.wrapped_after(last, line) && !gap_after_last);
      if (!continues) break;
    }
    // The rule under the title run on into a title's line, its own or one the page's width
    // wrapped ("... Đoàn TNCS Hồ Chí" / "Minh--------- BAN BÍ THƯ ... Căn cứ ..."): the title
    // ends at it, as it does on the heading's own line.
    std::size_t rule = line.size();
    for (std::string_view mark : {"---", "___", "***"})
      rule = std::min(rule, line.find(mark));
    if (rule > 0 && rule < line.size()) {
      parts.emplace_back(trim(line.substr(0, rule)));
      break;
    }
    parts.emplace_back(line);
    last = line;
    gap_after_last = false;
  }
  body_line = i;
  if (parts.empty()) return std::nullopt;
  const auto joined = [&](std::size_t from, std::size_t to) {
    std::string text;
    std::string_view previous;
    for (std::size_t k = from; k < to; ++k) {
      // A symbol broken at its hyphen is one word again: "17/2022/TT-" / "BLĐTBXH".
      const std::size_t space = previous.rfind(' ');
      const std::string_view last_word =
          space == std::string_view::npos ? previous : previous.substr(space + 1);
      if (last_word.size() > 1 && last_word.ends_with("-") &&
          last_word.find('/') != std::string_view::npos)
        text = std::string(trim(text));
      text += parts[k] + " ";
      previous = trim(parts[k]);
    }
    return collapse_spaces(text);
  };
  if (running_from != std::string_view::npos) {
    // The capitals written in case (and as the running text spells their words), the running
    // part as the document writes it.
    in_capitals = false;
    const std::string capitals_part = without_vv_label(joined(0, running_from));
    if (capitals_part.empty()) return std::nullopt;
    return respell_as_written(proper_case_title(capitals_part), layout) + " " +
           joined(running_from, parts.size());
  }
  std::string title = without_vv_label(joined(0, parts.size()));
  if (title.empty()) return std::nullopt;
  in_capitals = is_upper_text(title);
  if (in_capitals) title = proper_case_title(title);
  return title;
}

// Whether a line of the header holds a notation whose first code is a type's ("/TTr-", "/QĐ-"),
// however its number was read. Ô 3 (the number) stands above ô 5b (the "V/v" subject) in the
// same column: the lines after the subject are the address and the body, whose citations ("văn
// bản số 279/BC-BTP") name other documents' types, not this one's.
bool notation_names_type(const Layout& layout, std::size_t end) {
  for (std::size_t i = 0; i < end && i < layout.lines.size(); ++i) {
    const std::string_view line = layout.lines[i];
    if (i > 0 && lower_same_length(layout.lines[i - 1]).find("v/v") != std::string::npos) break;
    for (std::size_t slash = line.find('/'); slash != std::string_view::npos;
         slash = line.find('/', slash + 1)) {
      const std::size_t dash = line.find('-', slash + 1);
      if (dash == std::string_view::npos || dash - slash > 6) continue;
      const std::string_view code = trim(line.substr(slash + 1, dash - slash - 1));
      if (!code.empty() && type_by_code(code, false) != nullptr) return true;
    }
  }
  return false;
}

// Cells of the right column (ô 1 and 4) that reading order may set between the header's lines.
bool right_column_cell(std::string_view text) {
  if (text.empty() || text == "*" || is_rule_line(text) || fold_key(text).starts_with("doc lap"))
    return true;
  const auto date = find_place_date(text);
  return date && date->start == 0;
}

// True when the address (ô 9a, "Kính gửi") comes within the few lines of text after line `i`,
// the right column's cells and lines in capitals aside: what stands above it in the header is
// the letter's subject (ô 5b).
bool address_follows(const Layout& layout, std::size_t i) {
  for (std::size_t j = i + 1, lines = 0; j < layout.lines.size() && lines < 4; ++j) {
    if (layout.skip(j)) continue;
    const std::string_view below = trim(layout.lines[j]);
    if (right_column_cell(below) || is_upper_text(below)) continue;
    if (starts_with(below, "Kính gửi")) return true;
    ++lines;
  }
  return false;
}

// A Party công văn's trích yếu (HD 36-HD/VPTW): under its number ("Số 25-CV/ĐU", or "Số -CV/ĐU"
// with the number stamped on the signed copy), opening with "về" where ND30 writes "V/v"; the
// word is the subject's own ("Về triển khai Kết luận số ..."). The right column's cells (the
// Party's name, its rule, the place and date) may come between in reading order.
//
// A subject that opens with another word ("Gửi Đề cương tuyên truyền ..."): the same place
// makes it one, right under the number and with the address (ô 9a) below it, where a letter
// without a subject has "Kính gửi" itself or its first sentence.
bool opens_party_letter_subject(const Layout& layout, std::size_t i) {
  const std::string_view line = trim(layout.lines[i]);
  const bool ve = line.starts_with("về ") || line.starts_with("Về ");
  // A "V/v" subject is read by its label (vv_title).
  if (!ve && (!starts_upper(line) || is_upper_text(line) || starts_with(line, "Kính gửi") ||
              starts_with(line, "Số") || lower_same_length(line.substr(0, 3)) == "v/v" ||
              starts_body(line) || find_place_date(line)))
    return false;
  bool under_number = false;
  for (std::size_t j = i; j-- > 0;) {
    if (layout.skip(j)) continue;
    const std::string_view above = trim(layout.lines[j]);
    if (right_column_cell(above) || (is_upper_text(above) && !above.starts_with("SỐ"))) continue;
    if (above.starts_with("Số")) {
      // HD 36 writes the Party's notation "369-CV/BTGTU"; a converter may space its dash.
      std::string packed(above);
      std::erase(packed, ' ');
      under_number = packed.find("-CV/") != std::string::npos;
    }
    break;
  }
  return under_number && (ve || address_follows(layout, i));
}

// ND30 ô 5b written out: "Về việc ..." (the words "V/v" abbreviates) in the header, with the
// address below it, is a letter's subject even where its number line was lost.
// A text that lost its marks writes it "Ve viec ...".
bool opens_written_out_subject(const Layout& layout, std::size_t i) {
  const std::string_view line = trim(layout.lines[i]);
  return (line.starts_with("Về việc ") || line.starts_with("Ve viec ")) &&
         address_follows(layout, i);
}

// "V/v triển khai ..." of a công văn, with its continuation lines.
std::optional<std::string> vv_title(const Layout& layout, std::size_t end_line) {
  for (std::size_t i = 0; i < end_line && i < layout.lines.size(); ++i) {
    if (layout.skip(i)) continue;
    std::string_view line = trim(layout.lines[i]);
    // ô 5b comes before the address (ô 9a): a "V/v" after it is the body's, quoting another
    // letter's subject.
    if (starts_with(line, "Kính gửi")) break;
    const bool party_subject =
        opens_party_letter_subject(layout, i) || opens_written_out_subject(layout, i);
    const std::size_t at = party_subject ? 0 : lower_same_length(line).find("v/v");
    if (at == std::string_view::npos || (at > 0 && line[at - 1] != ' ')) continue;
    // A sentence citing another letter ("Thực hiện công văn số 27/CV-PGDĐT v/v cho học sinh
    // nghỉ học ...", "Ngày 11/03/2022, Sở Y tế ban hành công văn số 846/SYT-NV v/v ...": ND30
    // Phụ lục I §II.6, a text first cited with its trích yếu): the "v/v" after the cited number is
    // that letter's subject. A headline naming the page's own letter opens with its type ("Công
    // văn số 550/SGDĐT-GDTX: V/v ...").
    if (at > 0 && !party_subject) {
      const std::string before = lower_same_length(line.substr(0, at));
      const std::size_t number_word = before.rfind(" số ");
      const bool grounds = starts_with(line, "Thực hiện ") || starts_with(line, "Căn cứ ") ||
                           starts_with(line, "Theo ");
      const bool cited_in_sentence = number_word != std::string::npos &&
                                     type_by_name(trim(line.substr(0, number_word))) == nullptr;
      if (grounds || cited_in_sentence) continue;
    }
    std::string_view rest = party_subject ? line : trim(line.substr(at + 3));
    if (!rest.empty() && rest.front() == ':') rest = trim(rest.substr(1));
    std::string title(rest);
    if (auto date = find_place_date(title)) title = std::string(trim(title.substr(0, date->start)));
    // ND30 ô 5b sits under the number; what follows it in reading order is ô 9a ("Kính gửi")
    // or the body. A line before "Kính gửi" that is no other part of the header goes on the
    // subject even when it opens with a capital ("V/v Hướng dẫn thực hiện nhiệm vụ" /
    // "Giáo dục trung học năm học 2014-2015" / "Kính gửi: ...").
    std::size_t addressed = layout.lines.size();
    // Within the next few lines that hold text (a converter leaves blank ones between cells).
    // The right column's cells (ô 1 and 4: the national name and motto, their rule, the place
    // and date) come between when a PDF reader gives the columns one after the other: they do
    // not count.
    for (std::size_t j = i + 1, lines = 0; j < layout.lines.size() && lines < 5 && j < i + 30;
         ++j) {
      const std::string_view between = trim(layout.lines[j]);
      if (layout.skip(j) || between.empty()) continue;
      if (is_upper_text(between) || is_rule_line(between) || find_place_date(between) ||
          fold_key(between).starts_with("doc lap"))
        continue;
      ++lines;
      if (starts_with(trim(layout.lines[j]), "Kính gửi")) {
        addressed = j;
        break;
      }
    }
    std::string_view last = title;
    std::size_t last_line = i;
    std::string_view last_text = line;  // the whole line `last` ends, for the page's width
    for (std::size_t j = i + 1; j < layout.lines.size(); ++j) {
      if (layout.skip(j)) {
        // A subject wrapped before its year ("... năm" / "2024"), which reads as a page number.
        const std::string_view year = trim(layout.lines[j]);
        if (!title.empty() && wraps_before_year(last, year)) {
          title += " " + std::string(year);
          last = year;
          last_text = year;
        }
        continue;
      }
      const std::string_view next = trim(layout.lines[j]);
      if (next.empty()) continue;
      // A portal's posting line under the subject it gives as a headline ends it.
      if (posting_line(next)) break;
      // The right column's place and date (ô 4) read between the subject's lines, as the rows
      // of the header's table give them ("V/v lấy ý kiến thông qua dự" / "Hà Nội, ngày ..." /
      // "thảo Quy chế ..."): no part of the subject, which may go on after it.
      // So are the national name and the motto (ô 1) of that column.
      if (!title.empty() && !last.empty() && last.back() != '.') {
        if (const auto date = find_place_date(next); date && date->start == 0) continue;
        const std::string folded = fold_key(next);
        if (folded.starts_with("doc lap") || folded.starts_with("cong hoa xa hoi")) continue;
      }
      // Only with the address below: without it, a capital opens the body (a portal page
      // that gives the subject, then the letter's first sentence).
      const bool before_address = j < addressed && addressed < layout.lines.size() &&
                                  starts_upper(next) && !is_upper_text(next) &&
                                  !find_place_date(next) && !starts_with(next, "Số") &&
                                  !starts_with(next, "Kính gửi") && !is_rule_line(next);
      const bool colon_opens = title.empty() && next.starts_with(":");
      // A subject the page's width wrapped (a PDF's text layer, text wrapped at a fixed width)
      // goes on before a capitalised word too ("... chống dịch" / "Covid-19 trước ...").
      // A word in capitals that holds a digit is a name's code ("... chống dịch" / "COVID-19"),
      // no cell of the header's; a rule line is the rule under ô 5b.
      const bool code_word = split_words(next).size() == 1 &&
                             next.find_first_of("0123456789") != std::string_view::npos;
      const bool wrapped = layout.wrapped_after(last_text, next) &&
                           (!is_upper_text(next) || code_word) && !is_rule_line(next) &&
                           !find_place_date(next) && !starts_with(next, "Kính gửi");
      if (!(starts_lower(next) || before_address || colon_opens ||
            wrapped_before_number(last, next) || wrapped) ||
          starts_body(next) || (!last.empty() && last.back() == '.'))
        break;
      std::string piece(next);
      if (auto date = find_place_date(piece))
        piece = std::string(trim(piece.substr(0, date->start)));
      title += " " + piece;
      last = next;
      last_line = j;
      last_text = next;
    }
    drop_print_button(title, layout, last_line);
    title = collapse_spaces(title);
    // "V/v" alone on its line, its colon opening the next ("V/v" / ": Thực hiện ...").
    if (title.starts_with(":")) title = collapse_spaces(title.substr(1));
    // The subject is a phrase, not a sentence (ND30 ô 5b): a converter's final dot goes.
    if (title.ends_with(".") && !title.ends_with(".."))
      title = trim(title.substr(0, title.size() - 1));
    if (!title.empty()) return title;
  }
  return std::nullopt;
}

// A consolidated text (văn bản hợp nhất) is authenticated at its end: "XÁC THỰC VĂN BẢN HỢP
// NHẤT", then its own "Số: 462/VBHN-BLĐTBXH" and place and date. Its title is the consolidated
// instrument's: "Thông tư hướng dẫn ...".
void apply_consolidation(const Layout& layout, Header& header) {
  if (!header.type || header.number) return;
  std::size_t block = std::string::npos;
  for (std::size_t i = 0; i < layout.lines.size(); ++i)
    if (!layout.skip(i) && fold_key(layout.lines[i]) == "xac thuc van ban hop nhat") block = i;
  std::optional<std::string> number;
  std::optional<PlaceDate> place_date;
  std::vector<std::string> authenticating;  // the body above the block: "BỘ TÀI CHÍNH"
  if (block != std::string::npos) {
    for (std::size_t j = block >= 6 ? block - 6 : 0; j < block; ++j) {
      const std::string_view line = trim(layout.lines[j]);
      if (layout.skip(j) || line.empty() || !is_upper_text(line) || is_rule_line(line)) continue;
      if (line.find("Số") != std::string_view::npos || authority_prefix_length(line) > 0) continue;
      if (!authenticating.empty() || starts_with_body_name(line)) authenticating.emplace_back(line);
    }
    for (std::size_t j = block >= 4 ? block - 4 : 0; j < layout.lines.size() && j < block + 6;
         ++j) {
      std::size_t start = 0;
      std::size_t end = 0;
      if (!number) number = header_number(layout.lines[j], start, end);
      if (!place_date) place_date = find_place_date(layout.lines[j]);
    }
  }
  // Gazette copies may lack the block (continued in a later issue); the opening paragraph
  // still tells: "<Instrument> số ... có hiệu lực ..., được sửa đổi, bổ sung bởi: ...".
  const std::string opening = layout.flowed_body(header.body_line).substr(0, 900);
  const bool amended = starts_with_instrument(opening) && starts_upper(opening) &&
                       opening.find("được sửa đổi, bổ sung bởi") != std::string::npos;
  if (!number && !amended) return;
  const DocumentType* consolidated = header.type;
  if (header.title) {
    std::string title = *header.title;
    std::size_t length = 0;
    code_point_at(title, 0, &length);
    // "Thông tư hướng dẫn ..."; a statute keeps its name's capital: "Luật Bảo hiểm y tế".
    if (!consolidated->cited_by_name) title = lower(title.substr(0, length)) + title.substr(length);
    header.title = std::string(consolidated->name) + " " + title;
  }
  header.type = type_by_name("Văn bản hợp nhất");
  header.type_code = std::string(header.type->state_code);
  header.number = number;
  if (auto issuer = issuer_from_segments(authenticating)) header.issuer = issuer;
  if (place_date) {
    header.place = place_date->place.empty() ? std::nullopt : std::optional(place_date->place);
    header.date = place_date->iso.empty() ? std::nullopt : std::optional(place_date->iso);
  }
}

// Statutes and resolutions of elected bodies carry no date line in some copies; their closing
// paragraph states the adoption: "... thông qua ngày 17 tháng 5 năm 2025."
// The adoption may name the sitting before its day: "... thông qua trong phiên họp ngày 15
// tháng 4 năm 1992".
std::optional<std::string> adoption_date(const Layout& layout) {
  const std::string body = layout.flowed_body();
  static constexpr std::string_view kAdopted = "thông qua";
  static constexpr std::string_view kDay = "ngày";
  const std::size_t at = body.rfind(kAdopted);
  if (at == std::string::npos || at + 2000 < body.size()) return std::nullopt;
  const std::size_t day = body.find(kDay, at + kAdopted.size());
  if (day == std::string::npos || day > at + kAdopted.size() + 40) return std::nullopt;
  // The text's own adoption, not a cited law's: a grounds clause ("Căn cứ Luật X đã được Quốc
  // hội ... thông qua ngày ...", ND30 Phụ lục I §II.6) dates the instrument it cites.
  const std::size_t sentence = body.find_last_of(".;\n", at);
  const std::size_t from = sentence == std::string::npos ? 0 : sentence + 1;
  if (lower_same_length(std::string_view(body).substr(from, at - from)).find("căn cứ ") !=
      std::string::npos)
    return std::nullopt;
  auto date = parse_date_at(body, day + kDay.size());
  if (!date) return std::nullopt;
  return date->iso;
}

// The body that adopted a statute without a header, as its closing paragraph names it: "Hiến
// pháp này đã được Quốc hội nước ... thông qua" gives "Quốc hội".
std::optional<std::string> adopting_body(const Layout& layout) {
  const std::string body = layout.flowed_body();
  const std::size_t at = body.rfind("thông qua");
  if (at == std::string::npos || at + 2000 < body.size()) return std::nullopt;
  static constexpr std::string_view kBy = "đã được ";
  const std::size_t by = body.rfind(kBy, at);
  if (by == std::string::npos || by + 300 < at) return std::nullopt;
  const auto name = known_name_at(body, by + kBy.size());
  if (!name || name->kind != NameKind::body) return std::nullopt;
  return proper_case_name(body.substr(by + kBy.size(), name->end - by - kBy.size()));
}

// A local body is named in ô 2 with its level and place ("Ủy ban nhân dân tỉnh Gia Lai"):
// "Ủy ban nhân dân" alone is a header cell whose lower lines a converter lost (a table
// flattened to one row keeps only each cell's first line).
bool bare_local_body(const std::string& issuer) {
  const std::string key = fold_key(issuer);
  return key == "uy ban nhan dan" || key == "hoi dong nhan dan";
}

// The same body with the level and place a legal portal's metadata table says the document was
// issued in ("Nơi ban hành: | Tỉnh Hưng Yên |"), when ô 4 names that place ("Hưng Yên, ngày
// ..."): a district's text on a province's page names its own place in ô 4.
std::optional<std::string> issuer_from_portal_place(const Layout& layout, const std::string& body,
                                                    std::string_view place) {
  const auto value = portal_value(layout, "Nơi ban hành:");
  if (!value) return std::nullopt;
  const std::string folded = fold_key(*value);
  for (const std::string_view level : administrative_levels()) {
    const std::string level_key = fold_key(level);
    if (!folded.starts_with(level_key + " ")) continue;
    // The value's own words after the level (its first letter's case aside).
    const std::size_t words = split_words(level).size();
    const auto value_words = split_words(*value);
    if (value_words.size() <= words) return std::nullopt;
    const std::string_view rest = std::string_view(*value).substr(
        static_cast<std::size_t>(value_words[words].data() - value->data()));
    if (fold_key(rest) != fold_key(place)) return std::nullopt;
    return body + " " + std::string(level) + " " + std::string(trim(rest));
  }
  return std::nullopt;
}

// The same body with its level and place from the enacting-authority line under the title
// (ND30 ô 5: "ỦY BAN NHÂN DÂN TỈNH GIA LAI", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ...", "HỘI ĐỒNG
// NHÂN DÂN TỈNH ... KHÓA IX"), read in lines [0, end).
std::optional<std::string> issuer_from_authority_line(const Layout& layout, std::size_t end,
                                                      const std::string& issuer) {
  const std::string body = fold_key(issuer) + " ";
  for (std::size_t i = 0; i < std::min(end, layout.lines.size()); ++i) {
    if (layout.skip(i)) continue;
    std::string_view line = trim(layout.lines[i]);
    if (line.empty() || !is_upper_text(line)) continue;
    std::string folded = fold_key(line);
    if (folded.starts_with("chu tich ")) {  // the chair enacts in the body's name
      line = trim(line.substr(line.find(' ', line.find(' ') + 1)));
      folded = fold_key(line);
    }
    if (!folded.starts_with(body)) continue;
    // A council's term and session may share the line: "... TỈNH BÌNH PHƯỚC KHÓA IX".
    for (std::string_view term : {std::string_view{" KHÓA "}, std::string_view{" KHOÁ "}})
      if (const std::size_t at = line.find(term); at != std::string_view::npos)
        line = line.substr(0, at);
    std::string named = proper_case_name(line);
    if (locality_of(named)) return named;
  }
  return std::nullopt;
}

// The title of a decision whose type title a converter lost (the heading row of a flattened
// table): the lines in capitals between the number, place and date and the enacting authority
// or the body (ND30 reading order: ô 4, 5a, then the authority).
std::optional<std::string> title_without_type_line(const Layout& layout, std::size_t from,
                                                   std::size_t end) {
  std::string title;
  for (std::size_t i = from; i < std::min(end, layout.lines.size()); ++i) {
    if (layout.skip(i)) continue;
    const std::string_view line = trim(layout.lines[i]);
    if (line.empty() || is_rule_line(line)) continue;
    if (!is_upper_text(line) || names_authority(line) || starts_body(line)) break;
    if (!title.empty()) title.push_back(' ');
    title += line;
  }
  if (split_words(title).size() < 3) return std::nullopt;
  return proper_case_title(title);
}

// The lines right under the type heading at `type_line` that are a number label and a date
// alone ("Số 1313-CV/ĐUK" / "ngày 11 tháng 5 năm 2015", in either order; both, so that a title
// opening "Số ..." or a date is never taken for them): their values set in `header`. The last
// of those lines, or `type_line` when they are not both there.
std::size_t number_and_date_under(const Layout& layout, std::size_t type_line, Header& header) {
  std::optional<std::string> number;
  std::optional<std::string> date;
  std::size_t last = type_line;
  for (std::size_t i = type_line + 1, seen = 0; i < layout.lines.size() && seen < 2; ++i) {
    if (layout.skip(i)) continue;
    const std::string_view line = trim(layout.lines[i]);
    if (line.empty()) continue;
    ++seen;
    std::size_t start = 0;
    std::size_t end = 0;
    if (auto found = header_number(line, start, end); !number && found && start == 0 &&
                                                      trim(line.substr(end)).empty() &&
                                                      line.starts_with("Số")) {
      number = found;
      last = i;
      continue;
    }
    constexpr std::string_view kDay = "ngày ";
    if (!date && lower_same_length(line.substr(0, kDay.size())) == kDay) {
      if (auto parsed = parse_date_at(line, kDay.size()); parsed && parsed->end == line.size()) {
        date = parsed->iso;
        last = i;
        continue;
      }
    }
    break;
  }
  if (!number || !date) return type_line;
  header.number = number;
  header.date = date;
  header.card = true;
  return last;
}

}  // namespace

Header analyze_header(const Layout& layout) {
  Header header;
  std::string rest;
  const std::size_t type_line = find_type_line(layout, &header.type, &rest);
  std::size_t zone_end = type_line;
  if (zone_end == std::string_view::npos) {
    zone_end = 0;
    for (std::size_t i = 0, seen = 0; i < layout.lines.size() && seen < 25; ++i) {
      zone_end = i + 1;
      if (layout.skip(i) || trim(layout.lines[i]).empty()) continue;
      ++seen;
      if (starts_body(layout.lines[i]) || authority_prefix_length(trim(layout.lines[i])) > 0) {
        zone_end = i;
        break;
      }
    }
  }

  std::vector<std::string> segments;
  std::vector<bool> beside;  // per segment: a cell beside the previous one (group_bodies)
  std::vector<std::size_t> beside_line;                // per segment: its line
  std::size_t national_line = std::string_view::npos;  // a line of ô 1 (national name, motto)
  std::size_t header_end = 0;  // just after the last line holding the number or the date
  bool number_seen = false;
  bool motto_seen = false;
  // A receiving office's arrival stamp in the header: its lines give no cell, number or date.
  // Wherever the scan put its name, ô 2 stands above ô 3's "Số:" label (read or not), so with a
  // stamp in the zone no body named after that label is the issuer.
  std::size_t stamp_line = zone_end;
  for (std::size_t i = 0; i < zone_end && stamp_line == zone_end; ++i)
    if (!layout.skip(i) && opens_arrival_stamp(layout.lines[i])) stamp_line = i;
  const bool stamped = stamp_line < zone_end;
  // The stamp's head, the receiving office's name, on the line above "ĐẾN" (above "CÔNG VĂN"
  // where a cell cutter parted the words); taken for it only below another cell, so that a lone
  // ô 2 whose stamp lost its head stays the issuer.
  std::size_t stamp_head = zone_end;
  for (std::size_t i = stamp_line; stamped && i-- > 0;) {
    if (layout.skip(i) || trim(layout.lines[i]).empty() || stamp_words_above(layout, i)) continue;
    if (is_upper_text(trim(layout.lines[i]))) stamp_head = i;
    break;
  }
  bool number_label_seen = false;
  for (std::size_t i = 0; i < zone_end; ++i) {
    if (layout.skip(i)) continue;
    std::string_view raw = trim(layout.lines[i]);
    if (raw.empty() || is_rule_line(raw) || is_register_stamp(raw)) continue;
    if (stamped && (i == stamp_line || stamp_words_above(layout, i) ||
                    (i == stamp_head && !segments.empty()) ||
                    arrival_stamp_field(raw, i > stamp_line && i <= stamp_line + 4)))
      continue;
    std::string line(raw);
    const bool number_label = starts_with(line, "Số:") || starts_with(line, "Số :");
    if (!header.number) {
      std::size_t start = 0;
      std::size_t end = 0;
      if (auto number = header_number(line, start, end)) {
        header.number = number;
        number_seen = true;
        std::string before(trim(std::string_view(line).substr(0, start)));
        line = std::string(trim(std::string_view(line).substr(end)));
        if (!before.empty() && is_upper_text(before)) {
          segments.push_back(before);
          beside.push_back(false);
          beside_line.push_back(i);
        }
        header_end = i + 1;
      }
    }
    if (!header.date) {
      if (auto place_date = find_place_date(line)) {
        if (!place_date->place.empty()) header.place = place_date->place;
        if (!place_date->iso.empty()) header.date = place_date->iso;
        header_end = i + 1;
        line = std::string(trim(std::string_view(line).substr(0, place_date->start)));
      }
    }
    if (lower_same_length(line).starts_with("v/v")) continue;
    // A type heading with its title in capitals ("KẾ HOẠCH TỔ CHỨC KỶ NIỆM ... NGÀY THÀNH LẬP
    // ĐẢNG CỘNG SẢN VIỆT NAM", ô 5a) is no header cell, whatever names it holds.
    if (opens_with_type_heading(line)) continue;
    const bool after_label = stamped && number_label_seen;
    number_label_seen = number_label_seen || number_label;
    // Two cells a converter set on one line with a wide gap between them ("TỔ DÂN PHỐ LƯƠNG HẬU
    // <gap> TỔ XUNG KÍCH"): each read on its own, as if on lines of their own.
    const std::vector<std::string> cells = cells_apart(line);
    std::size_t cell_in_line = 0;
    for (const std::string& cell : cells) {
      auto tokens = tokens_of(cell);
      // The State's name written in full, "NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (the older
      // headers of the National Assembly and its Standing Committee, a constitution's title):
      // "nước" is the State's word, not the end of the body's name above it.
      const bool state =
          remove_phrase(tokens,
                        {"nuoc", "cong", "hoa", "xa", "hoi", "chu", "nghia", "viet", "nam"}) ||
          remove_phrase(tokens, {"cong", "hoa", "xa", "hoi", "chu", "nghia", "viet", "nam"}) ||
          remove_garbled_state_name(tokens);
      const bool motto = remove_phrase(tokens, {"doc", "lap", "tu", "do", "hanh", "phuc"});
      const bool party = remove_phrase(tokens, {"dang", "cong", "san", "viet", "nam"});
      if (party && !state) header.party = true;
      motto_seen = motto_seen || state || motto || party;
      if (state || motto) national_line = i;
      // The gazette's section title above a consolidated text: "VĂN BẢN HỢP NHẤT - BỘ Y TẾ".
      remove_phrase(tokens, {"van", "ban", "hop", "nhat"});
      const std::string remaining = remaining_text(tokens);
      if (remaining.empty() || number_seen || after_label || !is_upper_text(remaining)) continue;
      if (is_rule_line(remaining) || only_specks(remaining) || foreign_word_alone(remaining))
        continue;
      std::string cleaned = remaining;
      std::erase(cleaned, '*');
      cleaned = collapse_spaces(cleaned);
      cleaned = without_leading_specks(cleaned);
      // A document number (a portal's metadata cell above the header, "503/QĐ-UBND", all in
      // capitals; ô 3's value on a line of its own, its digits parted by a scan or a hand over the
      // print, "0 7/2024/QĐ-UBND") names no body.
      if (cleaned.size() <= 40) {
        const auto symbols = find_symbols(cleaned);
        if (!symbols.empty() && symbols.front().end == cleaned.size() &&
            std::all_of(cleaned.begin(),
                        cleaned.begin() + static_cast<std::ptrdiff_t>(symbols.front().start),
                        [](char c) { return c == ' ' || (c >= '0' && c <= '9'); }))
          continue;
      }
      if (cleaned.empty()) continue;
      segments.push_back(cleaned);
      beside.push_back(cell_in_line > 0);
      beside_line.push_back(i);
      ++cell_in_line;
    }
  }
  // A right-hand cell is ô 1's place unless ô 1 stands on a line of its own: the Youth Union
  // and mass organisations set their own name there ("BAN CHẤP HÀNH TRUNG ƯƠNG" <gap> "ĐOÀN
  // TNCS HỒ CHÍ MINH"), the chủ quản line's words, not a second body.
  // Such a cell is read with the cell before it, as the whole line was.
  {
    std::vector<std::string> joined;
    std::vector<bool> joined_beside;
    for (std::size_t k = 0; k < segments.size(); ++k) {
      const bool ones_place =
          national_line == std::string_view::npos || beside_line[k] == national_line;
      if (beside[k] && ones_place && !joined.empty()) {
        joined.back() += " " + segments[k];
      } else {
        joined.push_back(segments[k]);
        joined_beside.push_back(beside[k]);
      }
    }
    segments = std::move(joined);
    beside = std::move(joined_beside);
  }
  // Upper-case lines are an issuer only in a real header (motto, number or type title present).
  if (motto_seen || header.number || type_line != std::string_view::npos)
    header.issuer = issuer_from_segments(segments, beside);
  if (header.issuer && bare_local_body(*header.issuer)) {
    const std::size_t search_end =
        (type_line == std::string_view::npos ? zone_end : type_line) + 12;
    if (auto full = issuer_from_authority_line(layout, search_end, *header.issuer)) {
      header.issuer = full;
    } else if (header.place) {
      if (auto placed = issuer_from_portal_place(layout, *header.issuer, *header.place))
        header.issuer = placed;
    }
  }
  // A portal's card of the document under its type heading: "CÔNG VĂN" / "Số 1313-CV/ĐUK" /
  // "ngày 11 tháng 5 năm 2015" / its trích yếu. The number and the date (ô 3 and ô 4 set under
  // the heading, the date without its place) are no part of the title, which follows them.
  const std::size_t card_end =
      type_line != std::string_view::npos && trim(rest).empty() && !header.number && !header.date
          ? number_and_date_under(layout, type_line, header)
          : type_line;
  if (header.number && header.number->find('/') != std::string::npos &&
      header.number->find('-') < header.number->find('/') && !header.number->starts_with("/"))
    header.party = true;

  std::string code;
  const DocumentType* number_type =
      header.number ? type_from_number(*header.number, header.party, &code) : nullptr;
  // A number that names no type reads as a công văn's; a decision's or a resolution's enacting
  // formula says otherwise where the heading is unreadable.
  if (!header.type && (number_type == nullptr || number_type->name == "Công văn"))
    header.type = enacting_formula_type(layout, zone_end);
  if (!header.type) header.type = number_type;
  if (header.type) {
    if (!code.empty() &&
        (number_type == header.type || type_may_carry_code(*header.type, code, header.party))) {
      header.type_code = code;
    } else {
      const std::string_view table_code =
          header.party ? header.type->party_code : header.type->state_code;
      if (!table_code.empty()) header.type_code = std::string(table_code);
    }
  }

  // Without a header (text that starts in the body) nothing is skipped.
  const bool has_header = motto_seen || header.number || header.date || !segments.empty();
  header.body_line = has_header || type_line != std::string_view::npos ? zone_end : 0;
  bool title_in_capitals = false;
  if (type_line != std::string_view::npos) {
    header.title =
        title_after(layout, card_end, header.type, card_end == type_line ? rest : std::string{},
                    header.body_line, title_in_capitals);
  }
  if (!header.title && type_line == std::string_view::npos && header.type && header.number &&
      header.type->name != "Công văn" && header_end > 0) {
    header.title = title_without_type_line(layout, header_end, zone_end);
    title_in_capitals = header.title.has_value();
  }
  // Written from capitals by rule: the document's running text says how its names are spelled.
  if (header.title && title_in_capitals) header.title = respell_as_written(*header.title, layout);
  // A document of a named type sent as a letter, without its type heading (its number's code
  // names the type, "03/KH.THCS", and "V/v" sets its subject under the number): ô 5b is its
  // trích yếu as a công văn's is.
  if (!header.title && (!header.type || header.type->name == "Công văn" ||
                        (type_line == std::string_view::npos && number_type == header.type))) {
    header.title = vv_title(layout, std::min(layout.lines.size(), zone_end + 10));
    // ND30 ô 5b: "V/v" sets a công văn's subject. A header with no type heading, whose number
    // names no type (a scan's engine misread it: "Số: Z4Z/UBND- VX"), is a công văn's.
    // A notation that names a type ("SÑg8 /TTr- CAT-PC04") says otherwise.
    if (header.title && !header.type && type_line == std::string_view::npos && has_header &&
        !notation_names_type(layout, zone_end))
      header.type = type_by_name("Công văn");
  }
  apply_consolidation(layout, header);
  if (!header.date) header.date = adoption_date(layout);
  if (!header.issuer && luat_like(header.type)) header.issuer = adopting_body(layout);
  return header;
}

}  // namespace vanban::analyzers::structure
