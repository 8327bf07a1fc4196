// A text that lost its header (ô 1-5 of the layout): a portal or newspaper page that starts
// with the body. What the reading order of ND30 still tells: the enacting formula ("QUYẾT
// ĐỊNH:", "QUYẾT NGHỊ:") names the type of a decision or a resolution; the enacting authority
// on its own line before "Căn cứ" ("CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN CẦN GIUỘC") names the body;
// an editor's note that introduces the full text ("LTS: Ngày 14-11-2016, ... đã ban hành Nghị
// quyết số 10-NQ/TU ... giới thiệu toàn văn") names its type, number and date.
#include "structure/headless.hpp"

#include <algorithm>
#include <array>

#include "vanban/analyzers/fold.hpp"
#include "vanban/analyzers/symbol.hpp"

#include "structure/body_names.hpp"
#include "structure/dates.hpp"
#include "structure/parts.hpp"
#include "structure/reposted_pages.hpp"
#include "structure/spelling.hpp"
#include "structure/tables.hpp"
#include "structure/text.hpp"

namespace vanban::analyzers::structure {
namespace {

constexpr std::size_t kOpeningLines = 60;
constexpr std::size_t kFormulaLines = 400;

const DocumentType* type_from_formula(const Layout& layout, std::size_t from) {
  for (std::size_t i = from; i < std::min(layout.lines.size(), from + kFormulaLines); ++i) {
    if (layout.skip(i)) continue;
    const std::string_view line = trim(layout.lines[i]);
    if (line == "QUYẾT ĐỊNH:") return type_by_name("Quyết định");
    if (line == "QUYẾT NGHỊ:") return type_by_name("Nghị quyết");
  }
  return nullptr;
}

bool names_a_level(const std::string& name) {
  static constexpr std::array kLevels = {
      std::string_view{" tinh "},   std::string_view{" thanh pho "}, std::string_view{" huyen "},
      std::string_view{" quan "},   std::string_view{" thi xa "},    std::string_view{" xa "},
      std::string_view{" phuong "}, std::string_view{" thi tran "},  std::string_view{" dac khu "},
  };
  const std::string padded = " " + fold_key(name) + " ";
  for (std::string_view level : kLevels)
    if (padded.find(level) != std::string::npos) return true;
  return false;
}

// A công điện names its sender before its addressees in one line: "<THE AUTHORITY IN CAPITALS>
// điện:" (ND30 Phụ lục III, Mẫu 1.6, "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X điện:"); the authority
// without the verb, or the line itself when it does not end so.
std::string_view without_cable_verb(std::string_view line, bool& cable) {
  constexpr std::string_view kVerb = " điện:";
  cable = line.ends_with(kVerb) && is_upper_text(line.substr(0, line.size() - kVerb.size()));
  return cable ? trim(line.substr(0, line.size() - kVerb.size())) : line;
}

std::optional<std::string> with_its_place(const Layout& layout, std::string_view body);

std::optional<std::string> issuer_from_authority(const Layout& layout) {
  for (std::size_t i = 0; i < std::min(layout.lines.size(), kOpeningLines); ++i) {
    if (layout.skip(i)) continue;
    bool cable = false;
    std::string_view line = without_cable_verb(trim(layout.lines[i]), cable);
    if (line.empty() || !is_upper_text(line)) continue;
    if (fold_key(line).starts_with("chu tich ")) {
      line = trim(line.substr(line.find(' ', line.find(' ') + 1)));
    }
    if (!starts_with_body_name(line)) continue;
    // The enacting formula follows: the next line opens the preamble (a cable's addressees
    // follow its own verb).
    std::size_t next = i + 1;
    while (next < layout.lines.size() && (layout.skip(next) || trim(layout.lines[next]).empty()))
      ++next;
    if (!cable && (next >= layout.lines.size() || !trim(layout.lines[next]).starts_with("Căn cứ")))
      continue;
    // A council's line carries its term and session ("HỘI ĐỒNG NHÂN DÂN XÃ KHÓA XIX KỲ HỌP THỨ
    // 8", as ND30 sets them under an HĐND's name): neither is its place.
    for (std::string_view marker :
         {std::string_view{" KHÓA "}, std::string_view{" KHOÁ "}, std::string_view{" KỲ HỌP "}})
      if (const std::size_t cut = line.find(marker); cut != std::string_view::npos)
        line = trim(line.substr(0, cut));
    std::string name = proper_case_name(line);
    if (!names_a_level(name)) continue;
    // By its level alone ("Hội đồng nhân dân xã"): the one place the text gives that level, or
    // none.
    const std::string folded = " " + fold_key(name);
    for (std::string_view level :
         {std::string_view{" tinh"}, std::string_view{" thanh pho"}, std::string_view{" huyen"},
          std::string_view{" quan"}, std::string_view{" thi xa"}, std::string_view{" xa"},
          std::string_view{" phuong"}, std::string_view{" thi tran"}})
      if (std::string_view(folded).ends_with(level)) return with_its_place(layout, name);
    return name;
  }
  return std::nullopt;
}

// The most common Vietnamese family names [U: general knowledge; together they cover most
// of the population]: a person's name in running text starts with one ("Phó Chủ tịch UBND tỉnh
// Tuyên Quang Nguyễn Thanh"), which tells it from the place name before it.
constexpr std::array kFamilyNames = {
    std::string_view{"Nguyễn"}, std::string_view{"Trần"},  std::string_view{"Lê"},
    std::string_view{"Phạm"},   std::string_view{"Hoàng"}, std::string_view{"Huỳnh"},
    std::string_view{"Phan"},   std::string_view{"Vũ"},    std::string_view{"Võ"},
    std::string_view{"Đặng"},   std::string_view{"Bùi"},   std::string_view{"Đỗ"},
    std::string_view{"Hồ"},     std::string_view{"Ngô"},   std::string_view{"Dương"},
    std::string_view{"Lý"},     std::string_view{"Đinh"},  std::string_view{"Đoàn"},
    std::string_view{"Lương"},  std::string_view{"Trịnh"}, std::string_view{"Mai"},
    std::string_view{"Lâm"},    std::string_view{"Đào"},   std::string_view{"Cao"},
    std::string_view{"Tô"},     std::string_view{"Tạ"},    std::string_view{"Chu"},
    std::string_view{"Triệu"},  std::string_view{"Hà"},    std::string_view{"Vương"},
    std::string_view{"Thái"},   std::string_view{"Lục"},   std::string_view{"Quách"},
    std::string_view{"Kiều"},   std::string_view{"Lại"},   std::string_view{"Văn"},
    std::string_view{"Nông"},   std::string_view{"Lò"},    std::string_view{"Lưu"},
    std::string_view{"Châu"},   std::string_view{"Tăng"},  std::string_view{"Phùng"},
};

// "Giang": a capital letter, then lower-case letters.
bool is_name_word(std::string_view word) {
  std::size_t length = 0;
  if (word.empty() || !is_upper(code_point_at(word, 0, &length))) return false;
  for (std::size_t pos = length; pos < word.size();) {
    if (!is_lower(code_point_at(word, pos, &length))) return false;
    pos += length;
  }
  return true;
}

// The person named at the end of `clause`, after its post: "Phó Chủ tịch UBND tỉnh Nguyễn Thế
// Giang" → "Nguyễn Thế Giang". The name is the last two to four capitalised words, starting at
// a family name; nullopt when they do not read as one.
std::optional<std::string> trailing_person(std::string_view clause) {
  const auto words = split_words(clause);
  std::size_t first = words.size();
  while (first > 0 && words.size() - first < 4 && is_name_word(words[first - 1]))
    --first;
  for (std::size_t i = first; i + 2 <= words.size(); ++i) {
    if (std::find(kFamilyNames.begin(), kFamilyNames.end(), words[i]) == kFamilyNames.end())
      continue;
    std::string name;
    for (std::size_t j = i; j < words.size(); ++j)
      name += (name.empty() ? "" : " ") + std::string(words[j]);
    return name;
  }
  return std::nullopt;
}

// The signer a lead names: "..., Phó Chủ tịch UBND tỉnh Nguyễn Thế Giang đã ký ban hành ..."
// (the clause before "đã ký" opens with a known post and ends with a person's name).
void signer_from_lead(std::string_view line, std::size_t signed_at, HeadlessIdentity& identity) {
  std::string_view clause = line.substr(0, signed_at);
  const std::size_t comma = clause.rfind(',');
  if (comma != std::string_view::npos) clause = clause.substr(comma + 1);
  clause = trim(clause);
  const auto post = known_name_at(clause, 0);
  if (!post || post->kind != NameKind::post) return;
  auto name = trailing_person(clause.substr(post->end));
  if (!name) return;
  identity.signer = std::move(name);
  identity.signer_title = std::string(clause.substr(0, post->end));
}

// The body a lead's authority phrase names (ND30's TM./TL./TUQ. written out): "thừa lệnh Chủ
// tịch UBND tỉnh Tuyên Quang, ..." → "Ủy ban nhân dân tỉnh Tuyên Quang". Only a body named
// with its level and place ("thay mặt UBND tỉnh" names no one body).
std::optional<std::string> issuer_from_lead(std::string_view line, std::size_t before) {
  const std::string lowered = lower_same_length(line.substr(0, before));
  for (std::string_view phrase : {std::string_view{"thay mặt "}, std::string_view{"thừa lệnh "},
                                  std::string_view{"thừa ủy quyền "}}) {
    const std::size_t at = lowered.find(phrase);
    if (at == std::string::npos) continue;
    std::string_view rest = line.substr(at + phrase.size(), before - at - phrase.size());
    rest = rest.substr(0, rest.find(','));
    if (const auto post = known_name_at(rest, 0); post && post->kind == NameKind::post)
      rest = trim(rest.substr(post->end));
    rest = trim(rest);
    if (!starts_with_body_name(rest)) continue;
    const auto words = split_words(rest);
    if (words.empty() || !is_name_word(words.back())) continue;
    std::string name = expand_abbreviations(rest);
    if (names_a_level(name)) return name;
  }
  return std::nullopt;
}

// The body a lead names as the subject of its verb: "Ban Tuyên giáo Trung ương ban hành Hướng
// dẫn số 55-HD/BTGTW ...", "Ngày 14/11/2016, UBND tỉnh An Lạc đã ban hành ..." (the clause
// right before "ban hành", after the date's comma). Only a body the tables name whole (a central
// body, which has no place: "Ban Tuyên giáo Trung ương") or one named with its level and place;
// a post ("Bộ trưởng Bộ Nội vụ"), a body by its level alone ("UBND tỉnh") or a longer clause
// ("Sau khi Sở Y tế ...") names no issuer.
std::optional<std::string> issuing_subject(std::string_view line, std::size_t issued) {
  std::size_t start = issued;
  while (start > 0 && line[start - 1] != ',' && line[start - 1] != '.' && line[start - 1] != ':' &&
         line[start - 1] != ';')
    --start;
  std::string_view clause = trim(line.substr(start, issued - start));
  for (std::string_view tense : {std::string_view{" đã"}, std::string_view{" vừa"}})
    if (clause.ends_with(tense)) clause = trim(clause.substr(0, clause.size() - tense.size()));
  const auto words = split_words(clause);
  if (words.empty() || words.size() > 14 || !starts_with_body_name(clause)) return std::nullopt;
  // A central body of the Party or a mass organisation is named with "Trung ương" where a
  // local one has its place (tests/analyzers/real/README.md, HD 36's "Ban Tổ chức Trung ương").
  if (const auto known = known_name_at(clause, 0);
      known && known->kind == NameKind::body &&
      (known->end == clause.size() || fold_key(clause.substr(known->end)) == "trung uong"))
    return is_upper_text(clause) ? proper_case_name(clause) : expand_abbreviations(clause);
  if (!is_name_word(words.back())) return std::nullopt;
  std::string name = expand_abbreviations(clause);
  if (names_a_level(name)) return name;
  return std::nullopt;
}

// The body a page's lead says has the page's own letter: "UBND Tỉnh Long An có công văn CV
// 9229/UBND-VHXH . V/v ..." (the subject of "có công văn" / "có văn bản" / "ban hành" right
// before the number the page's headline gave). Only that number: a lead that names another
// text names another text's body; only a body named with its level and place (issuing_subject).
std::optional<std::string> holder_of_number(const Layout& layout, std::string_view number) {
  static constexpr std::array kVerbs = {std::string_view{" có công văn"},
                                        std::string_view{" có văn bản"},
                                        std::string_view{" ban hành công văn"}};
  for (std::size_t i = 0; i < std::min(layout.lines.size(), kOpeningLines); ++i) {
    if (layout.skip(i)) continue;
    const std::string_view line = trim(layout.lines[i]);
    const std::size_t at = line.find(number);
    if (at == std::string_view::npos || at == 0) continue;
    const std::string lowered = lower_same_length(line.substr(0, at));
    for (std::string_view verb : kVerbs) {
      const std::size_t found = lowered.rfind(verb);
      if (found == std::string::npos) continue;
      // Between the verb and the number only the type's short form and "số".
      const std::string_view between = trim(std::string_view(lowered).substr(found + verb.size()));
      if (!between.empty() && between != "cv" && between != "số" && between != "cv số" &&
          between != "số:")
        continue;
      auto body = issuing_subject(line, found);
      if (!body) continue;
      // The level is a common noun inside the name (ND30 Phụ lục II: "Ủy ban nhân dân tỉnh Long
      // An"), however a site capitalised it ("UBND Tỉnh Long An"); "Thành phố Hồ Chí Minh" is
      // the one place whose level is part of its proper name, and stays.
      for (std::string_view level :
           {std::string_view{" Tỉnh "}, std::string_view{" Huyện "}, std::string_view{" Quận "},
            std::string_view{" Xã "}, std::string_view{" Phường "}, std::string_view{" Thị xã "},
            std::string_view{" Thị trấn "}})
        if (const std::size_t where = body->find(level); where != std::string::npos)
          body->replace(where, level.size(), lower(level));
      return body;
    }
  }
  return std::nullopt;
}

// The line `i` and the lines the page's width wrapped it onto (text wrapped at a fixed width: the
// next line's first word would not have fit); the line alone in a text not wrapped at a width.
std::string width_paragraph(const Layout& layout, std::size_t i) {
  constexpr std::size_t kParagraphLines = 8;
  std::string joined(trim(layout.lines[i]));
  std::string_view last = trim(layout.lines[i]);
  for (std::size_t j = i + 1; j < layout.lines.size() && j <= i + kParagraphLines; ++j) {
    const std::string_view next = trim(layout.lines[j]);
    if (layout.skip(j) || next.empty() || !layout.wrapped_after(last, next)) break;
    joined += " " + std::string(next);
    last = next;
  }
  return joined;
}

// Does the paragraph after line `i` open a document's body ("Thực hiện Công văn số ...",
// "Căn cứ ...")? A page that goes on with the text of the instrument its lead names.
bool body_follows(const Layout& layout, std::size_t i) {
  for (std::size_t j = i + 1; j < layout.lines.size(); ++j) {
    if (layout.skip(j)) continue;
    const std::string_view next = trim(layout.lines[j]);
    if (next.empty() || posting_line(next)) continue;
    for (std::string_view opening :
         {std::string_view{"Thực hiện "}, std::string_view{"Căn cứ "},
          std::string_view{"Theo đề nghị "}, std::string_view{"Xét đề nghị "}})
      if (next.starts_with(opening)) return true;
    return false;
  }
  return false;
}

// The page's own line after a lead that introduces the text below it: "Nội dung Chỉ thị như
// sau:", "Ban quản trị website xin đăng toàn văn Chương trình quan trọng này:" (a short line of
// the editor's, ending with a colon, that speaks of the text's whole or content).
bool editor_line_follows(const Layout& layout, std::size_t i) {
  for (std::size_t j = i + 1; j < layout.lines.size(); ++j) {
    if (layout.skip(j)) continue;
    if (trim(layout.lines[j]).empty()) continue;
    // The line wrapped at the page's width ("... Chương trình quan trọng" / "này:") is one.
    const std::string line = width_paragraph(layout, j);
    const std::string_view next = line;
    if (next.size() > 160 || !next.ends_with(":")) return false;
    const std::string lowered = lower_same_length(next);
    return lowered.find("toàn văn") != std::string::npos ||
           (lowered.starts_with("nội dung ") && lowered.find("như sau") != std::string::npos);
  }
  return false;
}

// A lead that names the document the page gives: an editor's note introducing the full text
// ("LTS: Ngày 14-11-2016, <body> đã ban hành Nghị quyết số 10-NQ/TU ... giới thiệu toàn văn"),
// a portal's lead announcing what follows ("Ngày 23/11/2018, thừa lệnh ..., Phó Chánh Văn phòng
// ... Nguyễn Thanh đã ký ban hành văn bản số 3653/UBND-TNMT, V/v .... Toàn văn như sau:"), or
// one followed by the text's own opening ("Ngày 25/10/2013, UBND tỉnh ban hành Công văn số:
// 1415 /UBND-NN ..." / "Thực hiện Công văn số ..."). Its type ("văn bản": the number's), number
// and date; a lead that only reports ("... Theo đó, tỉnh ưu tiên ...") names nothing.
// A lead's paragraph that a page's width wrapped ("Ngày 25/10/2013, UBND tỉnh ban hành Công văn
// số: 1415 /UBND-NN" / "chỉ đạo việc ..."): a line that ends no sentence or field (no final
// ".", ":", ";", "!", "?") goes on into the line right below it, unless that one is empty, in
// capitals (a heading), a list item or a body's opening. Joined from line `i`; `end` receives
// the paragraph's last line. A headline (`headline`) ends no sentence either, and the page's
// lead may follow it on the next line: it goes on only into a line that goes on with its phrase
// (opening in lower case, with a digit or a bracket: "... định kỳ tháng" / "6 của ...").
std::string wrapped_paragraph(const Layout& layout, std::size_t i, std::size_t& end,
                              bool headline = false) {
  constexpr std::size_t kParagraphLines = 8;
  std::string joined(trim(layout.lines[i]));
  end = i;
  for (std::size_t j = i + 1; j < layout.lines.size() && j <= i + kParagraphLines; ++j) {
    if (layout.skip(j)) continue;
    const std::string_view last = trim(layout.lines[end]);
    const std::string_view next = trim(layout.lines[j]);
    if (last.empty() || next.empty() || posting_line(next)) break;
    const char final = last.back();
    if (final == '.' || final == ':' || final == ';' || final == '!' || final == '?') break;
    if (is_upper_text(next) || next.starts_with("- ") || next.starts_with("+ ") ||
        next.starts_with("V/v ") || next.starts_with("V/V ") || next.starts_with("Thực hiện ") ||
        next.starts_with("Căn cứ "))
      break;
    // A headline the page's width wrapped (text wrapped at a fixed width) goes on whatever word
    // the break fell before ("... đồng chí Võ Văn" / "Kiệt").
    if (headline && !starts_lower(next) && !(next.front() >= '0' && next.front() <= '9') &&
        next.front() != '(' && !layout.wrapped_after(last, next))
      break;
    // A headline in capitals wraps in capitals: a line in running case under it is the page's
    // (its posting time, "17 giờ trước") or the text's own.
    if (headline && is_upper_text(joined)) break;
    joined += " " + std::string(next);
    end = j;
  }
  return joined;
}

// The sentence that starts at line `i`, wrapped over lines at a page's width: read on to the
// first line that ends with a colon, a full stop or a semicolon, a few lines at most.
std::string sentence_from(const Layout& layout, std::size_t i) {
  constexpr std::size_t kSentenceLines = 6;
  std::string sentence;
  for (std::size_t j = i; j < layout.lines.size() && j < i + kSentenceLines; ++j) {
    const std::string_view line = trim(layout.lines[j]);
    if (layout.skip(j) || line.empty()) break;
    if (!sentence.empty()) sentence.push_back(' ');
    sentence += line;
    if (line.ends_with(":") || line.ends_with(".") || line.ends_with(";")) break;
  }
  return sentence;
}

void identity_from_lead(const Layout& layout, HeadlessIdentity& identity) {
  for (std::size_t i = 0; i < std::min(layout.lines.size(), kOpeningLines); ++i) {
    if (layout.skip(i)) continue;
    // A line the page's width wrapped off the line above goes on its paragraph: a lead opens a
    // paragraph (in_first_sentence), never a wrapped line of one.
    if (i > 0 && !layout.skip(i - 1) && !trim(layout.lines[i - 1]).empty() &&
        layout.wrapped_after(trim(layout.lines[i - 1]), trim(layout.lines[i])))
      continue;
    std::size_t end = i;
    std::string joined = wrapped_paragraph(layout, i, end);
    // The reading order puts a "V/v" on a line of its own, as it does a header's ô 5b.
    for (std::size_t j = end + 1; j < layout.lines.size(); ++j) {
      if (layout.skip(j) || trim(layout.lines[j]).empty()) continue;
      const std::string_view next = trim(layout.lines[j]);
      if (next.starts_with("V/v ") || next.starts_with("V/V ")) joined += " " + std::string(next);
      break;
    }
    const std::string_view line = joined;
    const std::string lowered = lower_same_length(line);
    // "... đã ban hành <Type> số ...", or the note naming the text it gives: "Ban biên tập
    // giới thiệu toàn văn Nghị quyết số 10-NQ/TU, ngày 18/8/2021 của ...".
    std::size_t issued = lowered.find("ban hành ");
    std::size_t verb = std::string_view("ban hành ").size();
    if (const std::size_t full = lowered.find("toàn văn ");
        full != std::string::npos && (issued == std::string::npos || full < issued)) {
      issued = full;
      verb = std::string_view("toàn văn ").size();
    }
    if (issued == std::string::npos) continue;
    // A lead introduces the text in its first sentence; a later one recounts what the body did
    // before ("Thực hiện ... . Thường trực HĐND huyện đã ban hành Giấy mời số 62/GM-HĐND ...").
    if (!in_first_sentence(line, issued)) continue;
    const bool introduces = lowered.find("toàn văn") != std::string::npos ||
                            lowered.find("như sau") != std::string::npos ||
                            trim(line).ends_with(":") || editor_line_follows(layout, end);
    if (!introduces && !body_follows(layout, end)) continue;
    std::size_t at = issued + verb;
    const DocumentType* type = nullptr;
    if (std::string_view(lowered).substr(at).starts_with("văn bản ")) {
      at += std::string_view("văn bản").size();
    } else {
      for (const DocumentType& candidate : document_types()) {
        if (!candidate.heads_documents) continue;
        if (std::string_view(lowered).substr(at).starts_with(lower(candidate.name))) {
          type = &candidate;
          at += candidate.name.size();
          break;
        }
      }
      if (type == nullptr) continue;
    }
    if (!std::string_view(lowered).substr(at).starts_with(" số")) continue;
    at += std::string_view(" số").size();
    while (at < line.size() && (line[at] == ' ' || line[at] == ':'))
      ++at;
    const auto symbols = find_symbols(line.substr(at));
    if (symbols.empty() || symbols.front().start != 0) {
      // "đã ban hành Chỉ thị số 17 về ...": a number without its symbol is not the number as
      // the document writes it, but the lead still names the type of the text it introduces.
      if (type != nullptr && at < line.size() && line[at] >= '0' && line[at] <= '9') {
        identity.type = type;
        return;
      }
      continue;
    }
    identity.type = type;
    identity.number = symbols.front().text;
    identity.lead_after_number = std::string(line.substr(at + symbols.front().end));
    // The date the lead gives, before the verb ("Ngày 14-11-2016, ..."), else right after
    // the number ("số 10-NQ/TU, ngày 18/8/2021").
    const std::size_t day = lowered.find("ngày ");
    if (day != std::string::npos && day < issued) {
      if (auto date = parse_date_at(line, day + std::string_view("ngày ").size()))
        identity.date = date->iso;
    } else {
      std::string_view after = trim(line.substr(at + symbols.front().end));
      if (after.starts_with(",")) after = trim(after.substr(1));
      if (lower_same_length(after.substr(0, 6)).starts_with("ngày "))
        if (auto date = parse_date_at(after, std::string_view("ngày ").size()))
          identity.date = date->iso;
    }
    const std::size_t signed_at = lowered.rfind("đã ký ", issued);
    if (signed_at != std::string::npos && signed_at + 40 > issued)
      signer_from_lead(line, signed_at, identity);
    identity.issuer = issuer_from_lead(line, issued);
    if (!identity.issuer) identity.issuer = issuing_subject(line, issued);
    // A letter's subject after its number: "..., V/v đề xuất của Sở TM & MT. Toàn văn ...".
    std::string_view rest = trim(line.substr(at + symbols.front().end));
    if (rest.starts_with(",")) rest = trim(rest.substr(1));
    if (rest.starts_with("V/v ") || rest.starts_with("V/V ")) {
      rest = trim(rest.substr(4));
      const std::size_t stop = rest.find(". ");
      identity.title =
          std::string(trim(stop == std::string_view::npos ? rest : rest.substr(0, stop)));
      if (identity.title->ends_with(".")) identity.title->pop_back();
    } else {
      identity.title = lead_subject(rest);
    }
    return;
  }
}

// A page's note naming the document it gives, by type, number and date: its source note
// ("(Nguồn: Thông báo số 81/TB-UBND ngày 08/6/2021)"), the same in brackets after "Theo"
// ("(Theo Công văn số 1962/UBND-KT, ngày 25/4/2024)", a reply page's closing line), or a line
// that is that reference and nothing else ("Công văn số 3570/VP-CTXD ngày 24/10/2025", a
// portal's item under the text). A sentence that cites ("Theo Công văn số ..., UBND xã ...")
// goes on past the date, and a page that lists several bare references (a table of documents
// read cell by cell) names none of them its own.
struct NoteReference {
  const DocumentType* type = nullptr;
  std::string number;
  std::optional<std::string> date;
  std::size_t end = 0;  // after the date, or the number when the note gives none
};

std::optional<NoteReference> reference_at(std::string_view text) {
  // "<Type> số": the longest type name is a few words; a line with no "số" near its start
  // (most lines) is no reference, and is not lowered or compared with every type.
  const std::string_view start = text.substr(0, 48);
  if (start.find(" số ") == std::string_view::npos &&
      start.find(" Số ") == std::string_view::npos && start.find(" SỐ ") == std::string_view::npos)
    return std::nullopt;
  const std::string lowered = lower_same_length(text.substr(0, 64));
  const DocumentType* type = nullptr;
  std::size_t name_end = 0;
  for (const DocumentType& candidate : document_types())
    if (candidate.heads_documents && lowered.starts_with(lower(candidate.name)) &&
        lowered.substr(candidate.name.size()).starts_with(" số ") &&
        (type == nullptr || candidate.name.size() > type->name.size())) {
      type = &candidate;
      name_end = candidate.name.size() + std::string_view(" số ").size();
    }
  if (type == nullptr) return std::nullopt;
  std::string_view after = text.substr(name_end);
  if (after.starts_with(":")) after = after.substr(1);
  const std::size_t skipped = static_cast<std::size_t>(trim(after).data() - text.data());
  after = trim(after);
  const auto symbols = find_symbols(after);
  if (symbols.empty() || symbols.front().start != 0) return std::nullopt;
  NoteReference reference{type, symbols.front().text, std::nullopt, skipped + symbols.front().end};
  std::string_view rest = text.substr(reference.end);
  std::size_t at = reference.end;
  const auto skip = [&](std::size_t n) {
    at += n;
    rest = text.substr(at);
  };
  while (!rest.empty() && (rest.front() == ' ' || rest.front() == ','))
    skip(1);
  if (lower_same_length(rest.substr(0, 6)).starts_with("ngày ")) {
    if (auto date = parse_date_at(text, at + std::string_view("ngày ").size())) {
      reference.date = date->iso;
      reference.end = date->end;
    }
  }
  return reference;
}

// The next line of text after line `i` opens in lower case: a heading that cites goes on with
// the trích yếu it names ("Thông tư số ... ngày ..." / "hướng dẫn kế toán ...").
bool next_line_goes_on(const Layout& layout, std::size_t i) {
  for (std::size_t j = i + 1; j < layout.lines.size(); ++j) {
    if (layout.skip(j)) continue;
    const std::string_view next = trim(layout.lines[j]);
    if (!next.empty()) return starts_lower(next);
  }
  return false;
}

void identity_from_source_note(const Layout& layout, HeadlessIdentity& identity) {
  std::optional<NoteReference> bare;
  std::size_t bare_lines = 0;
  bool sentence_above = false;  // a line above ends a sentence: the text stands above the note
  for (std::size_t i = 0; i < layout.lines.size(); ++i) {
    if (layout.skip(i)) continue;
    std::string_view line = trim(layout.lines[i]);
    const bool ends_sentence =
        line.ends_with(".") || line.ends_with(";") || line.ends_with(":") || line.ends_with("./");
    if (line.size() > 200) {
      sentence_above = sentence_above || ends_sentence;
      continue;
    }
    const bool bracketed = line.starts_with("(") && line.ends_with(")");
    if (line.starts_with("(")) line = trim(line.substr(1));
    const std::string lowered = lower_same_length(line.substr(0, 8));
    if (lowered.starts_with("nguồn:")) {
      // The source note, as before: what it names, whatever follows.
      if (auto reference = reference_at(trim(line.substr(std::string_view("nguồn:").size())))) {
        identity.type = reference->type;
        identity.number = std::move(reference->number);
        identity.date = std::move(reference->date);
        return;
      }
      continue;
    }
    const bool by = lowered.starts_with("theo ");
    if (by && !bracketed) continue;
    if (by) line = trim(line.substr(std::string_view("theo ").size()));
    auto reference = reference_at(line);
    if (!reference || !reference->date) {
      sentence_above = sentence_above || ends_sentence;
      continue;
    }
    std::string_view rest = trim(line.substr(reference->end));
    if (bracketed && rest.ends_with(")")) rest = trim(rest.substr(0, rest.size() - 1));
    if (rest == ".") rest = {};
    if (!rest.empty()) continue;
    if (by) {
      identity.type = reference->type;
      identity.number = std::move(reference->number);
      identity.date = std::move(reference->date);
      return;
    }
    // A bare line is the page's note only under the text it gives, closing no heading.
    if (!sentence_above || next_line_goes_on(layout, i)) continue;
    ++bare_lines;
    bare = std::move(reference);
  }
  if (bare_lines != 1) return;
  identity.type = bare->type;
  identity.number = std::move(bare->number);
  identity.date = std::move(bare->date);
}

void identity_from_portal_table(const Layout& layout, HeadlessIdentity& identity) {
  const auto number = portal_value(layout, "Số hiệu:");
  if (!number) return;
  const auto symbols = find_symbols(*number);
  if (symbols.empty() || symbols.front().start != 0) return;
  identity.number = symbols.front().text;
  if (const auto type = portal_value(layout, "Loại văn bản:")) {
    const DocumentType* named = type_by_name(*type);
    if (named != nullptr && named->heads_documents) identity.type = named;
  }
  if (const auto day = portal_value(layout, "Ngày ban hành:"))
    if (auto date = parse_date_at(*day, 0); date && trim(day->substr(date->end)).empty())
      identity.date = date->iso;
  if (const auto issuer = portal_value(layout, "Cơ quan ban hành:"))
    if (starts_with_body_name(*issuer) && issuer->find(',') == std::string::npos)
      identity.issuer = expand_abbreviations(*issuer);
  if (const auto title = portal_value(layout, "Trích yếu:")) identity.title = *title;
}

// The page's first line of text (not furniture, not empty); the number of lines when none.
std::size_t first_text_line(const Layout& layout) {
  std::size_t first = 0;
  while (first < layout.lines.size() && (layout.skip(first) || trim(layout.lines[first]).empty()))
    ++first;
  return first;
}

// A letter's page that opens with its subject ("V/v tăng cường ...", ND30 ô 5b as a headline)
// and prints its number and date after the text, before the signer ("... nội dung sau:
// 37/UBND-VP ngày 10/1/2022" / "Ngô Khuyên"): a bare symbol (no type name, no "số") with its
// date closing one of the page's last lines.
void identity_from_closing_number(const Layout& layout, HeadlessIdentity& identity) {
  const std::size_t opening = first_text_line(layout);
  if (opening >= layout.lines.size()) return;
  const std::string_view first = trim(layout.lines[opening]);
  if (!first.starts_with("V/v ") && !first.starts_with("V/V ")) return;
  std::size_t seen = 0;
  for (std::size_t i = layout.lines.size(); i-- > 0 && seen < 4;) {
    if (layout.skip(i)) continue;
    const std::string_view line = trim(layout.lines[i]);
    if (line.empty()) continue;
    ++seen;
    const std::size_t day = lower_same_length(line).rfind(" ngày ");
    if (day == std::string::npos) continue;
    const auto date = parse_date_at(line, day + std::string_view(" ngày ").size());
    if (!date || !trim(line.substr(date->end)).empty()) continue;
    // The symbol right before the date, opening the line or after a colon.
    const std::size_t start = line.substr(0, day).rfind(' ');
    const std::size_t from = start == std::string_view::npos ? 0 : start + 1;
    const std::string_view before = trim(line.substr(0, from));
    if (!before.empty() && !before.ends_with(":")) continue;
    const auto symbols = find_symbols(line.substr(from, day - from));
    if (symbols.empty() || symbols.front().start != 0) continue;
    identity.number = symbols.front().text;
    identity.date = date->iso;
    return;
  }
}

// A portal's headline that gives a letter's subject with its number and date: "Về việc báo
// cáo tình hình ... (3585/VP-KTN, ngày 23/10/2017)." (the subject is the V/v of ND30 ô 5b).
void identity_from_headline(const Layout& layout, HeadlessIdentity& identity) {
  for (std::size_t i = 0; i < std::min(layout.lines.size(), kOpeningLines); ++i) {
    if (layout.skip(i)) continue;
    std::size_t end = i;
    const std::string joined = wrapped_paragraph(layout, i, end, true);
    std::string_view line = joined;
    if (!line.starts_with("Về việc ")) continue;
    if (line.ends_with(".")) line.remove_suffix(1);
    if (!line.ends_with(")")) continue;
    const std::size_t open = line.rfind(" (");
    if (open == std::string_view::npos) continue;
    const std::string_view inside = line.substr(open + 2, line.size() - open - 3);
    const auto symbols = find_symbols(inside);
    if (symbols.empty() || symbols.front().start != 0) continue;
    const std::string_view after = trim(inside.substr(symbols.front().end));
    if (!after.starts_with(",")) continue;
    const std::string_view dated = trim(after.substr(1));
    if (!dated.starts_with("ngày ")) continue;
    const auto date = parse_date_at(dated, std::string_view("ngày ").size());
    if (!date) continue;
    identity.number = symbols.front().text;
    identity.date = date->iso;
    identity.title = std::string(trim(line.substr(std::string_view("Về việc ").size(),
                                                  open - std::string_view("Về việc ").size())));
    return;
  }
}

// A portal's headline that opens with the type name (ND30 ô 5a as a page shows it: the
// type, then the trích yếu): "Kế hoạch tổ chức ...", "Giấy mời dự Lễ ...", "KẾ HOẠCH TỔ CHỨC
// KỶ NIỆM ..." (type heading and title in capitals on one line), "Công văn số 1448/SNV-CCHC
// ngày 27/12/2016 V/v <subject>." (a letter's number, date and ô 5b subject). Only the first
// lines of the page, before the body: a headline is its title, not a sentence of the text.
constexpr std::size_t kHeadlineLines = 6;
// A portal prints its own furniture above the headline: the site's name (often twice), a
// breadcrumb ("Văn bản/Hướng dẫn"), a back link ("« Quay lại"), the posting time ("Ngày đăng
// bài: 30/06/2024 08:43:32"). Such short lines, no sentence, do not count toward the headline's
// lines, within the page's first lines.
constexpr std::size_t kFurnitureLines = 24;
constexpr std::size_t kFurnitureWords = 8;

bool short_furniture(std::string_view line) {
  return split_words(line).size() <= kFurnitureWords && !line.ends_with(".") &&
         !line.ends_with(":") && !line.ends_with(";");
}

const DocumentType* type_opening(std::string_view line, std::size_t& name_end) {
  const std::string lowered = lower_same_length(line);
  const DocumentType* found = nullptr;
  for (const DocumentType& candidate : document_types()) {
    const std::string name = lower(candidate.name);
    if (!std::string_view(lowered).starts_with(name)) continue;
    if (name.size() < lowered.size() && lowered[name.size()] != ' ' && lowered[name.size()] != ':')
      continue;
    if (found == nullptr || candidate.name.size() > found->name.size()) found = &candidate;
  }
  if (found != nullptr) name_end = found->name.size();
  return found;
}

// Does the headline whose last line is `end` stand whole: an empty line, the portal's posting
// line, the body's opening ("Thực hiện ...", "Căn cứ ...") or the notice's announcing sentence
// below it? A headline that a
// page's width wrapped before a capitalised word ("... dịp Lễ Giỗ" / "Tổ Hùng Vương ...") goes on,
// and its words so far are a cut title.
bool headline_closes(const Layout& layout, std::size_t begin, std::size_t end) {
  for (std::size_t j = end + 1; j < layout.lines.size(); ++j) {
    if (layout.skip(j)) continue;
    const std::string_view next = trim(layout.lines[j]);
    // The repeat wrapped at the page's width as the headline was: the same lines again.
    if (end > begin && j + (end - begin) < layout.lines.size()) {
      bool same = true;
      for (std::size_t k = 0; k <= end - begin && same; ++k) {
        std::string_view repeat = trim(layout.lines[j + k]);
        if (k == end - begin && repeat.ends_with(".")) repeat.remove_suffix(1);
        same = repeat == trim(layout.lines[begin + k]);
      }
      if (same) return true;
    }
    // The portal's posting line stands under the whole headline, between it and the text.
    if (posting_line(next)) return true;
    // The post's first line repeating the headline (the page's title, then the post's own
    // heading): the headline is whole, the repeat being the same words, maybe closed by a dot.
    if (std::string_view repeat = next; repeat.ends_with(".")) {
      repeat.remove_suffix(1);
      if (repeat == trim(layout.lines[end])) return true;
    } else if (next == trim(layout.lines[end])) {
      return true;
    }
    if (next.empty() || next.starts_with("Thực hiện ") || next.starts_with("Căn cứ ")) return true;
    // The notice's own announcing sentence right below it.
    bool formula = false;
    notifying_body(sentence_from(layout, j), &formula);
    return formula;
  }
  return true;
}

// A portal's headline naming a letter by the short form sites and registers give a công văn,
// "CV" (the Party's own code for it, HD 36-HD/VPTW), then its number and its "V/v" subject:
// "CV 9229/UBND-VHXH V/v Áp dụng ...". A number and a subject, as ô 3 and ô 5b set them, name
// the letter the page gives. Without the "V/v" subject right after the number the line is no
// letter's name ("CV 12/UBND đã nêu ...").
bool letter_headline(const Layout& layout, std::string_view line, std::size_t end,
                     HeadlessIdentity& identity) {
  if (!line.starts_with("CV ")) return false;
  std::string_view after = trim(line.substr(3));
  if (lower_same_length(after.substr(0, 4)).starts_with("số ")) after = trim(after.substr(4));
  const auto symbols = find_symbols(after);
  if (symbols.empty() || symbols.front().start != 0) return false;
  std::string_view rest = trim(after.substr(symbols.front().end));
  // The reading order sets a "V/v" on a line of its own, as it does a header's ô 5b.
  std::string subject_line;
  if (rest.empty())
    for (std::size_t j = end + 1; j < layout.lines.size(); ++j) {
      if (layout.skip(j) || trim(layout.lines[j]).empty()) continue;
      std::size_t subject_end = j;
      subject_line = wrapped_paragraph(layout, j, subject_end, true);
      rest = subject_line;
      break;
    }
  if (!rest.starts_with("V/v ") && !rest.starts_with("V/V ")) return false;
  std::string_view subject = trim(rest.substr(4));
  if (subject.ends_with(".")) subject.remove_suffix(1);
  if (subject.empty() || subject.size() > 400) return false;
  identity.type = type_by_name("Công văn");
  identity.number = symbols.front().text;
  identity.title = std::string(subject);
  return true;
}

bool has_end_mark(const Layout& layout);
const DocumentType* type_named_by_itself(const Layout& layout);
std::size_t digits_at(std::string_view line, std::size_t at, std::size_t least, std::size_t most);

// Does the page below line `end` give a document's own text, not a report on it? A document's
// parts stand in it, as ND30 sets them: its type heading (ô 5a), its grounds ("Căn cứ ..."), its
// addressees ("Kính gửi:", ô 9a), its enacting formula or first article, the end mark "./.", the
// signing authority ("TM.", "KT.", "TL.": ô 7a) or the recipients' list ("Nơi nhận:", ô 9b). A
// news page that quotes or reports a decision under a title naming it has none of them; a page
// that copies the text's opening only (a portal's excerpt) has the first ones.
bool gives_document_text(const Layout& layout, std::size_t end) {
  if (has_end_mark(layout)) return true;
  for (std::size_t j = end + 1; j < layout.lines.size(); ++j) {
    if (layout.skip(j)) continue;
    const std::string_view line = trim(layout.lines[j]);
    if (line.starts_with("Nơi nhận") || line.starts_with("Căn cứ ") ||
        line.starts_with("Kính gửi") || line.starts_with("Điều 1") || line == "QUYẾT ĐỊNH:" ||
        line == "QUYẾT NGHỊ:" || authority_prefix_length(line) > 0 ||
        (is_upper_text(line) && opens_with_type_heading(line)))
      return true;
  }
  return false;
}

// Does the text below line `end` cite `number` as its grounds or report on it ("Căn cứ Quyết
// định số 1234/QĐ-UBND ...", "Thực hiện Kế hoạch số 32/KH-UBND ...", "Ngày 12/3, UBND tỉnh ban
// hành Quyết định 1234/QĐ-UBND ...")? Then a title line naming that number names the document
// the page cites, not its own. A text's own number in its annex ("Ban hành kèm theo Quyết định
// số ...") is no such citation.
bool cites_number_below(const Layout& layout, std::size_t end, std::string_view number) {
  const std::optional<std::string> key = symbol_key(number);
  if (!key) return false;
  for (std::size_t j = end + 1; j < layout.lines.size(); ++j) {
    if (layout.skip(j)) continue;
    const std::string_view line = trim(layout.lines[j]);
    if (line.find('/') == std::string_view::npos) continue;
    const std::string folded = fold_key(line.substr(0, 24));
    const bool grounds = folded.starts_with("can cu") || folded.starts_with("thuc hien") ||
                         folded.starts_with("theo ") || folded.starts_with("trien khai") ||
                         folded.starts_with("ngay ");
    if (!grounds) continue;
    for (const SymbolMatch& symbol : find_symbols(line))
      if (symbol_key(symbol.text) == key) return true;
  }
  return false;
}

// The body after "của" in a portal's title line, up to the trích yếu: a known body's name
// ("Bộ Tài chính", "Thủ tướng Chính phủ"), or a local body's kind, level and place ("UBND huyện
// Cần Giuộc", "Ủy ban nhân dân xã Tân Lập", "UBND Phường 9"). The position after it, or npos when
// the words name no body so (a post, "của Chủ tịch UBND xã ...", is the trích yếu's own words).
std::size_t title_body_end(std::string_view text) {
  std::size_t end = 0;
  const auto known = known_name_at(text, 0);
  if (known) {
    if (known->kind != NameKind::body) return std::string_view::npos;
    end = known->end;
  } else if (!starts_with_body_name(text)) {
    return std::string_view::npos;
  }
  std::size_t at = end;
  while (at < text.size() && text[at] == ' ')
    ++at;
  // A body's kind named without its level or place ("Ủy ban nhân dân" alone) is no body.
  const std::optional<std::size_t> level = level_at(text, at);
  if (!level) return known && known->words >= 2 && end > 0 ? end : std::string_view::npos;
  // The place's words: capitalised, or a number ("Phường 9").
  std::size_t place_end = *level;
  std::size_t cursor = *level;
  while (cursor < text.size()) {
    while (cursor < text.size() && text[cursor] == ' ')
      ++cursor;
    std::size_t word_end = cursor;
    while (word_end < text.size() && text[word_end] != ' ')
      ++word_end;
    const std::string_view word = text.substr(cursor, word_end - cursor);
    if (word.empty() || !(starts_upper(word) || is_ascii_digit(word.front()))) break;
    place_end = word_end;
    cursor = word_end;
  }
  return place_end > *level ? place_end : std::string_view::npos;
}

// The gazette prints the rest of a text it could not fit in one issue under a heading that
// names it, "(Tiếp theo Công báo số 201 + 202)" below the heading's lines (from `end` on).
bool continues_gazette_text(const Layout& layout, std::size_t end) {
  std::size_t looked = 0;
  for (std::size_t j = end + 1; j < layout.lines.size() && looked < 4; ++j) {
    if (layout.skip(j)) continue;
    const std::string_view next = trim(layout.lines[j]);
    if (next.empty()) continue;
    if (next.starts_with("(Tiếp theo Công báo")) return true;
    ++looked;
  }
  return false;
}

// Such a heading's issuer stands on the line above it (line `heading`), in capitals as ô 2 sets
// it ("BỘ TÀI CHÍNH"); the gazette's section heading there ("VĂN BẢN QUY PHẠM PHÁP LUẬT") names
// no body.
std::optional<std::string> continued_text_issuer(const Layout& layout, std::size_t heading) {
  for (std::size_t k = heading; k-- > 0;) {
    if (layout.skip(k)) continue;
    const std::string_view above = trim(layout.lines[k]);
    if (above.empty()) continue;
    if (is_upper_text(above) && starts_with_body_name(above)) return proper_case_name(above);
    return std::nullopt;
  }
  return std::nullopt;
}

// A portal's title line for a page that copies a document without its header (issue 11,
// session 32): the document named the way a text is first cited (ND30 Phụ lục I §II.6: type,
// number, date, issuer, trích yếu), in the forms portals write it: "Quyết định 1234/QĐ-UBND năm
// 2023 phê duyệt ...", "Kế hoạch số 32/KH-UBND ngày 12/3/2024 của UBND huyện X về ...", "Công văn
// 296/BHXH-CSYT năm 2021 hướng dẫn ...", "Kế hoạch của UBND xã Y về việc ...". `rest` is the line
// after the type's name. The number's code must be the type's (or a công văn's issuer code); "năm
// 2023" gives the year only, which dates no day; the trích yếu runs on in lower case after them.
// Only a title line over the document's own text (gives_document_text), whose number that text
// does not cite as its grounds, and whose type the text does not name otherwise: such a line
// names another document (`other`), and the headline gives nothing.
enum class TitleLine { none, own, other };

TitleLine portal_title_line(const Layout& layout, std::size_t i, std::size_t end,
                            const DocumentType* type, std::string_view rest,
                            HeadlessIdentity& identity) {
  std::string_view after = rest;
  std::optional<std::string> number;
  std::optional<std::string> date;
  if (lower_same_length(after.substr(0, std::string_view("số ").size())) == "số ") {
    after = trim(after.substr(std::string_view("số ").size()));
    if (after.starts_with(":")) after = trim(after.substr(1));
  }
  if (!after.empty() && is_ascii_digit(after.front())) {
    auto symbols = find_symbols(after);
    if ((symbols.empty() || symbols.front().start != 0) && type == type_by_name("Công văn"))
      if (auto only = issuer_only_symbol_at(after, 0)) symbols = {*only};
    if (symbols.empty() || symbols.front().start != 0) return TitleLine::none;
    const std::string& text = symbols.front().text;
    const bool party = text.find('-') < text.find('/');
    std::string code;
    const DocumentType* numbered = type_from_number(text, party, &code);
    // A portal calls any letter a "Công văn"; a number whose code names another type names that
    // type's document (identity_from_type_headline reads it so).
    if (numbered != type && type != type_by_name("Công văn")) return TitleLine::none;
    number = text;
    after = trim(after.substr(symbols.front().end));
    if (after.starts_with(",")) after = trim(after.substr(1));
    const std::string lowered = lower_same_length(after.substr(0, 16));
    if (lowered.starts_with("ngày ")) {
      const auto parsed = parse_date_at(after, std::string_view("ngày ").size());
      if (!parsed) return TitleLine::none;
      date = parsed->iso;
      after = trim(after.substr(parsed->end));
    } else if (lowered.starts_with("năm ")) {
      const std::size_t year = digits_at(after, std::string_view("năm ").size(), 4, 4);
      if (year == std::string_view::npos || (year < after.size() && after[year] != ' '))
        return TitleLine::none;
      after = trim(after.substr(year));
    }
  }
  std::optional<std::string> issuer;
  if (lower_same_length(after.substr(0, std::string_view("của ").size())) == "của ") {
    const std::string_view body = trim(after.substr(std::string_view("của ").size()));
    const std::size_t body_end = title_body_end(body);
    if (body_end == std::string_view::npos) return TitleLine::none;
    issuer = with_known_names_as_written(
        expand_abbreviations(collapse_spaces(std::string(trim(body.substr(0, body_end))))));
    after = trim(body.substr(body_end));
  }
  // Without a number the line must name the issuer: "Kế hoạch tổ chức ..." alone may be a news
  // headline on the plan (identity_from_type_headline's headline_rest).
  if (!number && !issuer) return TitleLine::none;
  if (after.ends_with(".")) after.remove_suffix(1);
  if (after.empty() || !starts_lower(after) || after.size() > 600) return TitleLine::none;
  if (!headline_closes(layout, i, end)) return TitleLine::none;
  // A title over no text of the document (a news report, a page that links the document as an
  // attachment) is left to the older headline rules, which read its number and a "về việc"
  // subject only.
  if (!gives_document_text(layout, end)) return TitleLine::none;
  if (number && cites_number_below(layout, end, *number)) return TitleLine::other;
  // The text's own formulas name another type ("Kế hoạch này ..." under "Quyết định ..."): the
  // title line names another document.
  if (const DocumentType* own = type_named_by_itself(layout); own != nullptr && own != type)
    if (!(number && type == type_by_name("Công văn"))) return TitleLine::other;
  identity.type = type;
  if (number) {
    std::string code;
    const bool party = number->find('-') < number->find('/');
    if (const DocumentType* named = type_from_number(*number, party, &code);
        type == type_by_name("Công văn") && named != nullptr && !code.empty())
      identity.type = named;
  }
  identity.number = std::move(number);
  identity.date = std::move(date);
  identity.issuer = std::move(issuer);
  if (!identity.issuer && continues_gazette_text(layout, end))
    identity.issuer = continued_text_issuer(layout, i);
  identity.title = capitalize_first(after);
  identity.portal_title = true;
  return TitleLine::own;
}

void identity_from_type_headline(const Layout& layout, HeadlessIdentity& identity) {
  std::size_t seen = 0;
  std::size_t furniture = 0;
  for (std::size_t i = 0; i < layout.lines.size() && seen < kHeadlineLines; ++i) {
    if (layout.skip(i)) continue;
    if (trim(layout.lines[i]).empty()) continue;
    std::size_t end = i;
    const std::string joined = wrapped_paragraph(layout, i, end, true);
    std::string_view line = joined;
    std::size_t name_end = 0;
    // A headline opens its own line: a line the page's width wrapped into goes on with the
    // sentence above it ("... do phát sinh" / "chương trình công tác đột xuất ..."), and a type
    // name opening it is that sentence's word.
    const bool goes_on_above = [&] {
      if (i == 0 || layout.skip(i - 1)) return false;
      const std::string_view above = trim(layout.lines[i - 1]);
      return !above.empty() &&
             std::string_view(".:;!?").find(above.back()) == std::string_view::npos &&
             layout.wrapped_after(above, line);
    }();
    const DocumentType* type =
        line.size() > 600 || goes_on_above ? nullptr : type_opening(line, name_end);
    // After the furniture's allowance every line counts; within it, a short line that names
    // no type is the page's, not the text's.
    const bool page_line = type == nullptr && short_furniture(line);
    if (!page_line || ++furniture > kFurnitureLines) ++seen;
    if (type == nullptr && letter_headline(layout, line, end, identity)) return;
    // An enacting formula or a list's lead-in ("QUYẾT ĐỊNH:") is the body, not a headline.
    if (line.ends_with(":") || type == nullptr) continue;
    std::string_view rest = trim(line.substr(name_end));
    // Past the headline's own lines (furniture above it), a bare type name is a menu's item
    // ("Thông báo"), not a headline: a headline there gives its title too.
    if (seen + furniture > kHeadlineLines && rest.empty()) continue;
    // The type name alone, its trích yếu on the next line ("thông báo" / "Về việc niêm yết
    // ..."), as ô 5a sets them: that line, wrapped as a headline is, is the title.
    if (rest.empty())
      for (std::size_t j = end + 1; j < layout.lines.size(); ++j) {
        if (layout.skip(j) || trim(layout.lines[j]).empty()) continue;
        if (!trim(layout.lines[j]).starts_with("Về việc ")) break;
        std::size_t subject_end = j;
        std::string subject = wrapped_paragraph(layout, j, subject_end, true);
        if (subject.size() > 600) break;
        if (subject.ends_with(".")) subject.pop_back();
        identity.type = type;
        identity.title = std::move(subject);
        return;
      }
    if (portal_title_line(layout, i, end, type, rest, identity) != TitleLine::none) return;
    const bool colon = rest.starts_with(":");
    if (colon) rest = trim(rest.substr(1));
    identity.type = type;
    const std::string lowered = lower_same_length(rest);
    if (lowered.starts_with("số ")) {
      // A headline stands above the page's text; a text of one line is a sentence that
      // cites.
      bool followed = false;
      for (std::size_t j = end + 1; j < layout.lines.size() && !followed; ++j)
        followed = !layout.skip(j) && !trim(layout.lines[j]).empty();
      if (!followed) return;
      // "<Type> số <number> ngày <date> V/v <subject>": a headline names its subject; a
      // sentence that starts with a citation ("Kế hoạch số 12/KH-UBND, số lượng ...") does not.
      std::string_view after = trim(rest.substr(std::string_view("số ").size()));
      if (after.starts_with(":")) after = trim(after.substr(1));
      auto symbols = find_symbols(after);
      // A công văn's symbol opens with its issuer's code (ND30 Phụ lục III); a body that writes
      // only that code ("Công văn số 532/PGD&ĐT") still numbers its letter so.
      if ((symbols.empty() || symbols.front().start != 0) && type == type_by_name("Công văn"))
        if (auto only = issuer_only_symbol_at(after, 0)) symbols = {*only};
      if (symbols.empty() || symbols.front().start != 0) return;
      const std::string number = symbols.front().text;
      // A portal calls any letter it posts a "Công văn"; a number whose symbol opens with a type's
      // code ("422/KH-PGDĐT", ND30 Phụ lục III) names the document's type.
      if (type == type_by_name("Công văn")) {
        std::string code;
        const bool party = number.find('-') < number.find('/');
        if (const DocumentType* named = type_from_number(number, party, &code);
            named != nullptr && named != type && !code.empty())
          identity.type = named;
      }
      std::optional<std::string> date;
      after = trim(after.substr(symbols.front().end));
      if (after.starts_with(",")) after = trim(after.substr(1));
      if (lower_same_length(after).starts_with("ngày ")) {
        if (auto parsed = parse_date_at(after, std::string_view("ngày ").size())) {
          date = parsed->iso;
          after = trim(after.substr(parsed->end));
        }
      }
      // The gazette prints the rest of a text it could not fit in one issue under a heading
      // that names it: "<Type> số <number> ngày <date>", its trích yếu on the next lines, and
      // "(Tiếp theo Công báo số 201 + 202)" (Công báo's mark of a continued text).
      // The heading's own line ends after the date (the trích yếu below it, which the
      // headline's paragraph may have taken in).
      const bool heading_ends =
          after.empty() ||
          static_cast<std::size_t>(after.data() - joined.data()) >= trim(layout.lines[i]).size();
      if (heading_ends) {
        std::string title;
        std::size_t looked = 0;
        for (std::size_t j = i + 1; j < layout.lines.size() && looked < 4; ++j) {
          if (layout.skip(j)) continue;
          const std::string_view next = trim(layout.lines[j]);
          if (next.empty()) continue;
          ++looked;
          if (next.starts_with("(Tiếp theo Công báo")) {
            identity.number = number;
            identity.date = date;
            if (!title.empty()) identity.title = title;
            identity.issuer = continued_text_issuer(layout, i);
            return;
          }
          if (!title.empty()) title += ' ';
          title += next;
        }
      }
      // The reading order puts a "V/v" cell on a line of its own, wrapped as the headline was.
      std::string subject_lines;
      if (after.empty())
        for (std::size_t j = end + 1; j < layout.lines.size(); ++j)
          if (!layout.skip(j) && !trim(layout.lines[j]).empty()) {
            std::size_t subject_end = j;
            subject_lines = wrapped_paragraph(layout, j, subject_end, true);
            after = subject_lines;
            break;
          }
      // "<Type> số <number> ngày <date> của <body> về việc <subject>": a page that posts a text
      // under the line citing it (the way a text is first cited, ND30 Phụ lục I §II.6: type,
      // number, date, issuer, trích yếu) names its issuer between the date and the subject; a body
      // named with its level and place ("của UBND tỉnh X"), not a kind alone.
      std::optional<std::string> by;
      if (lower_same_length(after).starts_with("của ")) {
        const std::size_t about = lower_same_length(after).find(" về việc ");
        if (about != std::string::npos) {
          const std::string_view body = trim(after.substr(std::string_view("của ").size(),
                                                          about - std::string_view("của ").size()));
          const auto words = split_words(body);
          if (starts_with_body_name(body) && !words.empty() && is_name_word(words.back())) {
            std::string name = expand_abbreviations(body);
            if (names_a_level(name)) by = std::move(name);
          }
          if (by) after = trim(after.substr(about + 1));
        }
      }
      for (std::string_view marker : {std::string_view{"V/v"}, std::string_view{"V/V"},
                                      std::string_view{"Về việc"}, std::string_view{"về việc"}}) {
        if (!after.starts_with(marker)) continue;
        std::string_view subject = trim(after.substr(marker.size()));
        if (subject.starts_with(":")) subject = trim(subject.substr(1));
        if (subject.ends_with(".")) subject.remove_suffix(1);
        if (subject.empty()) break;
        identity.number = number;
        identity.date = date;
        // The citing line's "về việc" is the trích yếu's own opening, as a headline without
        // its number writes it ("Thông báo về việc ...").
        identity.title = by ? "Về việc " + std::string(subject) : std::string(subject);
        if (by) identity.issuer = std::move(by);
        break;
      }
      return;
    }
    // "KẾT LUẬN 127-KL/TW CỦA BỘ CHÍNH TRỊ ...": a headline that names the document by its
    // type and number without "số"; the number is the document's when its code is the type's
    // (ND30 Phụ lục III, HD 36-HD/VPTW), and the headline stands above the text.
    if (const auto symbols = find_symbols(rest);
        !symbols.empty() && symbols.front().start == 0 && end + 1 < layout.lines.size()) {
      const std::string& number = symbols.front().text;
      const bool party = number.find('-') < number.find('/');
      std::string code;
      if (type_from_number(number, party, &code) == type) identity.number = number;
    }
    // "Thông báo về việc hoãn ...": the trích yếu of ô 5a, as the document writes it.
    // In capitals ("THÔNG BÁO VỀ VIỆC TREO CỜ TỔ QUỐC"), it is written as a title in capitals is.
    if (lowered.starts_with("về việc ")) {
      std::string_view subject = trim(rest);
      if (subject.ends_with(".")) subject.remove_suffix(1);
      identity.title =
          is_upper_text(line)
              ? respell_as_written(proper_case_title(subject), layout)
              : "Về việc " + std::string(trim(subject.substr(std::string_view("về việc ").size())));
      return;
    }
    // "Thông báo Khẩn ngày 18/10/2020": the headline dates the document.
    const std::size_t dated = lowered.find("ngày ");
    if (dated != std::string::npos && split_words(rest.substr(0, dated)).size() <= 2)
      if (auto date = parse_date_at(rest, dated + std::string_view("ngày ").size()))
        if (trim(rest.substr(date->end)).empty()) identity.date = date->iso;
    // The type heading and its title set in capitals on one line.
    // Its words written as the text writes them (a header's title in capitals is so, header.cpp).
    if (!rest.empty() && is_upper_text(line)) {
      // A heading in capitals wrapped over lines, as ô 5a centres a long one ("ĐỀ CƯƠNG TUYÊN
      // TRUYỀN" / "KỶ NIỆM 25 NĂM NGÀY TÁI LẬP TỈNH ..." / "(01/01/1997 - 01/01/2022)"): the
      // lines right under it in capitals, or a bracketed span of dates, go on with its title,
      // up to a blank line or a part's heading of the body ("PHẦN THỨ NHẤT", "I. ...").
      std::string title(rest);
      constexpr std::size_t kWrappedHeadingLines = 3;
      for (std::size_t j = end + 1; j < layout.lines.size() && j <= end + kWrappedHeadingLines;
           ++j) {
        if (layout.skip(j)) continue;
        const std::string_view next = trim(layout.lines[j]);
        const std::string folded = fold_key(next.substr(0, 12));
        const bool dates = next.starts_with("(") && next.ends_with(")") &&
                           std::none_of(next.begin(), next.end(), [](char c) {
                             return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                                    (static_cast<unsigned char>(c) & 0x80) != 0;
                           });
        if (next.empty() || (!dates && !is_upper_text(next)) || folded.starts_with("phan ") ||
            folded.starts_with("chuong ") || folded.starts_with("muc ") ||
            (next.size() > 1 && next[1] == '.'))
          break;
        title += " " + std::string(next);
      }
      identity.title = respell_as_written(proper_case_title(title), layout);
    } else if (colon && !rest.empty()) {
      // "Công văn:Hưởng ứng viết bài ...": the colon sets the type's trích yếu after it, as a
      // letter's "V/v" does (ND30 ô 5a, 5b).
      std::string_view subject = rest;
      if (subject.ends_with(".")) subject.remove_suffix(1);
      identity.title = std::string(subject);
    } else if (!rest.empty() && starts_lower(rest) && !identity.date) {
      // "Thông báo treo cờ Tổ quốc ...": the type's phrase goes on into its trích yếu.
      std::string_view subject = rest;
      if (subject.ends_with(".")) subject.remove_suffix(1);
      identity.headline_rest = std::string(subject);
      if (headline_closes(layout, i, end)) identity.headline_subject = std::string(subject);
    } else if (!rest.empty() && starts_upper(rest) && !identity.date &&
               !starts_with_body_name(rest) && headline_closes(layout, i, end)) {
      // "Thông báo Lịch tiếp công dân ...": the trích yếu in a headline's title case.
      std::string_view subject = rest;
      if (subject.ends_with(".")) subject.remove_suffix(1);
      identity.headline_capital_subject = std::string(subject);
    }
    return;
  }
}

// The Official Gazette and the archives that reprint older texts head a text with one heading in
// capitals that names it whole, wrapped over lines: its type, "SỐ" and its number, "NGÀY" and its
// date, "CỦA" and its issuer, then its trích yếu ("NGHỊ QUYẾT SỐ 214 NQ/UBTVQH9 NGÀY 26-8-1994" /
// "CỦA ỦY BAN THƯỜNG VỤ QUỐC HỘI QUY ĐỊNH SỐ ..." / "..."), the way a text is first cited (ND30
// Phụ lục I §II.6: type, number, date, issuer, trích yếu). The heading ends where the text's own
// lines begin: a line in running case, the State's name, or the issuer's name alone on its line
// (the enacting authority above "Căn cứ", as texts of that time set it). A reprinted page's
// title names the text by its type and number with its year in brackets ("Nghị quyết số 247
// NQ/TVQH (1978)"): the number and the year, when the number's code is the type's.
// A number and symbol as a heading writes them: digits (a letter may follow), a space or a
// hyphen, the codes joined by "/" and "-", one or two words.
bool written_number(std::string_view number) {
  const auto words = split_words(number);
  if (words.empty() || words.size() > 2 || number.find('/') == std::string_view::npos) return false;
  if (number.front() < '0' || number.front() > '9') return false;
  const auto symbols = find_symbols(number);
  if (!symbols.empty() && symbols.front().start == 0 && symbols.front().end == number.size())
    return true;
  // "321a NQ/UBTVQH9", "57b-QĐ/BNV": the digits and one letter, then a code the scanner reads
  // without the letter.
  std::size_t digits = 0;
  while (digits < number.size() && number[digits] >= '0' && number[digits] <= '9')
    ++digits;
  if (digits + 1 >= number.size() || number[digits] < 'a' || number[digits] > 'z') return false;
  std::string probe(number);
  probe.erase(digits, 1);
  const auto probed = find_symbols(probe);
  return !probed.empty() && probed.front().start == 0 && probed.front().end == probe.size();
}

void identity_from_gazette_heading(const Layout& layout, HeadlessIdentity& identity) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < layout.lines.size() && seen < kHeadlineLines; ++i) {
    if (layout.skip(i)) continue;
    const std::string_view line = trim(layout.lines[i]);
    if (line.empty()) continue;
    ++seen;
    std::size_t name_end = 0;
    const DocumentType* type = type_opening(line, name_end);
    if (type == nullptr) continue;
    std::string_view rest = trim(line.substr(name_end));
    if (!lower_same_length(rest).starts_with("số ")) continue;
    std::string_view after = trim(rest.substr(std::string_view("số ").size()));
    // The number as the heading writes it (ô 3's form of the time: "214 NQ/UBTVQH9", "321a
    // NQ/UBTVQH9", a letter after the digits of a text numbered between two others), up to the
    // date or the bracket after it.
    std::size_t number_end = std::min(lower_same_length(after).find(" ngày "), after.find(" ("));
    if (number_end == std::string_view::npos) number_end = after.size();
    const std::string number(trim(after.substr(0, number_end)));
    if (!written_number(number)) continue;
    after = trim(after.substr(number_end));
    // In capitals but for the letter a number may carry ("321a").
    if (!is_upper_text(line.substr(0, name_end)) || (!after.empty() && !is_upper_text(after))) {
      // The page's title: "<Type> số <number> (<year>)", nothing else on the line.
      if (after.size() != 6 || after.front() != '(' || after.back() != ')') continue;
      const std::string_view year = after.substr(1, 4);
      if (!std::all_of(year.begin(), year.end(), [](char c) { return c >= '0' && c <= '9'; }))
        continue;
      const auto read = find_symbols(number);
      if (read.empty()) continue;
      const std::string& symbol = read.front().text;
      const bool party = symbol.find('-') < symbol.find('/');
      std::string code;
      if (type_from_number(symbol, party, &code) != type) continue;
      identity.type = type;
      identity.number = number;
      identity.date = std::string(year);
      return;
    }
    if (!lower_same_length(after).starts_with("ngày ")) continue;
    const auto date = parse_date_at(after, std::string_view("ngày ").size());
    if (!date) continue;
    std::string heading(trim(after.substr(date->end)));
    std::string issuer_line;
    for (std::size_t j = i + 1, looked = 0; j < layout.lines.size() && looked < 6; ++j) {
      if (layout.skip(j)) continue;
      const std::string_view next = trim(layout.lines[j]);
      if (next.empty()) continue;
      ++looked;
      if (!is_upper_text(next)) break;
      const std::string folded = fold_key(next);
      if (folded.starts_with("cong hoa xa hoi") || folded.starts_with("nuoc cong hoa")) break;
      if (!issuer_line.empty() && folded == issuer_line) break;
      if (!heading.empty()) heading += ' ';
      heading += next;
      if (issuer_line.empty() && folded.starts_with("cua ")) {
        const std::string_view by = trim(next.substr(next.find(' ')));
        if (const auto name = known_name_at(by, 0)) issuer_line = fold_key(by.substr(0, name->end));
      }
    }
    if (!fold_key(std::string_view(heading).substr(0, 8)).starts_with("cua ")) continue;
    const std::string_view body = trim(std::string_view(heading).substr(heading.find(' ')));
    const auto name = known_name_at(body, 0);
    if (!name) continue;
    const std::string_view title = trim(body.substr(name->end));
    if (title.empty()) continue;
    identity.type = type;
    identity.number = number;
    identity.date = date->iso;
    if (name->kind == NameKind::body) identity.issuer = proper_case_name(body.substr(0, name->end));
    identity.title = proper_case_title(title);
    return;
  }
}

// A committee's resolution heads its text with its type, the committee that adopted it and the
// trích yếu, each on its line (HD 36-HD/VPTW; "NGHỊ QUYẾT" / "CỦA BAN CHẤP HÀNH ĐẢNG BỘ XÃ
// TÂN LẬP" / "Về phương hướng, nhiệm vụ năm 2024"). A page that lost ô 1-4 keeps that heading:
// the body after "của" is the issuer (a Party committee by the short name the Statute gives
// it), the line after it the title, over what a portal's headline above it says. A post after
// "của" (an older State text's "CỦA BỘ TRƯỞNG ...") names no body and is left.
void identity_from_own_heading(const Layout& layout, HeadlessIdentity& identity) {
  std::vector<std::size_t> text_lines;
  for (std::size_t i = 0; i < std::min(layout.lines.size(), kOpeningLines); ++i)
    if (!layout.skip(i) && !trim(layout.lines[i]).empty()) text_lines.push_back(i);
  for (std::size_t k = 0; k + 2 < text_lines.size(); ++k) {
    std::string_view heading = trim(layout.lines[text_lines[k]]);
    if (heading.ends_with(".")) heading.remove_suffix(1);
    std::size_t name_end = 0;
    const DocumentType* type = type_opening(heading, name_end);
    if (type == nullptr || name_end != heading.size() || !is_upper_text(heading)) continue;
    const std::string_view by = trim(layout.lines[text_lines[k + 1]]);
    if (!is_upper_text(by) || !fold_key(by.substr(0, 8)).starts_with("cua ")) continue;
    const std::string_view body = trim(by.substr(by.find(' ')));
    const auto name = known_name_at(body, 0);
    if (!name || name->kind != NameKind::body) continue;
    std::string_view title = trim(layout.lines[text_lines[k + 2]]);
    if (!fold_key(title.substr(0, 8)).starts_with("ve ") || is_upper_text(title)) continue;
    if (title.ends_with(".")) title.remove_suffix(1);
    std::string issuer = proper_case_name(body);
    if (auto short_name = party_committee_short_name(issuer)) issuer = std::move(*short_name);
    identity.type = type;
    identity.issuer = std::move(issuer);
    identity.title = std::string(title);
    return;
  }
}

// The type a text names itself by in its own formulas: its effect ("Nghị quyết này có hiệu lực
// ...", ND30 and the Law on legal documents close a text so), its receipt ("Nhận được công văn
// này, ...") or what it issues ("ban hành kèm theo Quyết định này"): the document's words for
// itself, where a portal's headline may call it otherwise ("Thông báo về việc ..." over a
// letter). "Chương trình này" elsewhere may be a programme the text speaks of. Only when one type
// is so named: a decision speaks of the regulation it issues too ("Quy định này có hiệu lực"),
// and then neither is taken.
const DocumentType* type_named_by_itself(const Layout& layout) {
  constexpr std::size_t kReadBytes = 200000;
  constexpr std::string_view kThis = " này";
  const DocumentType* found = nullptr;
  std::size_t read = 0;
  for (std::size_t i = 0; i < layout.lines.size() && read < kReadBytes; ++i) {
    if (layout.skip(i)) continue;
    const std::string_view line = layout.lines[i];
    read += line.size();
    for (std::size_t at = line.find(kThis); at != std::string_view::npos;
         at = line.find(kThis, at + 1)) {
      const std::size_t after = at + kThis.size();
      if (after < line.size() && line[after] != ' ' && line[after] != ',' && line[after] != '.' &&
          line[after] != ';')
        continue;
      const std::string before =
          lower_same_length(line.substr(at >= 40 ? at - 40 : 0, at >= 40 ? 40 : at));
      const bool takes_effect =
          lower_same_length(line.substr(after, 24)).starts_with(" có hiệu lực");
      const DocumentType* type = nullptr;
      for (const DocumentType& candidate : document_types()) {
        if (!candidate.heads_documents) continue;
        const std::string name = lower(candidate.name);
        if (!std::string_view(before).ends_with(name)) continue;
        const std::size_t start = before.size() - name.size();
        if (start > 0 && before[start - 1] != ' ' && before[start - 1] != '(') continue;
        const std::string_view lead = std::string_view(before).substr(0, start);
        if (!takes_effect && !lead.ends_with("nhận được ") && !lead.ends_with("kèm theo "))
          continue;
        if (type == nullptr || candidate.name.size() > type->name.size()) type = &candidate;
      }
      if (type == nullptr) continue;
      if (found != nullptr && found != type) return nullptr;
      found = type;
    }
  }
  return found;
}

// ND30 ô 9a: "Kính gửi:" opens a line of the text's first lines (a letter's addressees).
bool has_salutation(const Layout& layout) {
  for (std::size_t i = 0; i < std::min(layout.lines.size(), kOpeningLines); ++i) {
    if (layout.skip(i)) continue;
    std::string_view line = trim(layout.lines[i]);
    while (line.starts_with("|") || line.starts_with("*"))
      line = trim(line.substr(1));
    if (line.starts_with("Kính gửi") || line.starts_with("KÍNH GỬI")) return true;
  }
  return false;
}

// A letter's page that opens with its subject ("Về việc tham gia ý kiến vào dự thảo ...", ND30
// ô 5b as the page's headline, no type name before it) and goes on with the body's opening
// ("Thực hiện Công văn số ...", "Căn cứ ..."): only a công văn's trích yếu stands without its
// type's name (ô 5a), so the page is a công văn, titled by its subject. A text with articles
// ("Điều 1.") or one that submits ("kính trình") is a decision, a resolution or a submission
// whose heading the page lost, and is left.
void identity_from_subject_opening(const Layout& layout, HeadlessIdentity& identity) {
  const std::size_t first = first_text_line(layout);
  if (first >= layout.lines.size()) return;
  std::size_t end = first;
  const std::string joined = wrapped_paragraph(layout, first, end, true);
  std::string_view subject = joined;
  std::string title;
  if (subject.starts_with("Về việc ")) {
    title = std::string(subject);
  } else if (subject.starts_with("V/v ") || subject.starts_with("V/V ")) {
    title = std::string(trim(subject.substr(4)));
  } else {
    return;
  }
  if (title.ends_with(".")) title.pop_back();
  drop_print_button(title, layout, end);
  if (title.size() > 400 || !body_follows(layout, end)) return;
  for (std::size_t i = end + 1; i < std::min(layout.lines.size(), end + kFormulaLines); ++i) {
    if (layout.skip(i)) continue;
    const std::string_view line = trim(layout.lines[i]);
    if (line.starts_with("Điều 1.") || line.starts_with("Điều 1:") || line.starts_with("Điều 1 "))
      return;
    if (lower_same_length(line).find("kính trình") != std::string::npos) return;
  }
  identity.type = type_by_name("Công văn");
  identity.title = std::move(title);
}

// A text's closing summary names it by its type and its body ("Trên đây là thông báo về việc
// ... của Ủy ban nhân dân phường X, đề nghị ..."; reports and notices close so): the body after
// "của" is the issuer when the summary names the document's own type and the body is named
// with its level and place. Another type named there ("Trên đây là báo cáo ..." in a notice)
// or a body named by its level alone ("của UBND phường") gives nothing.
std::optional<std::string> issuer_from_closing_summary(const Layout& layout,
                                                       const DocumentType& type) {
  constexpr std::string_view kSummary = "trên đây là ";
  const std::string name = lower(type.name);
  for (std::size_t i = 0; i < layout.lines.size(); ++i) {
    if (layout.skip(i)) continue;
    const std::string_view first = trim(layout.lines[i]);
    if (first.size() > 1200 || !lower_same_length(first.substr(0, 16)).starts_with(kSummary))
      continue;
    const std::string joined = width_paragraph(layout, i);
    const std::string_view line = joined;
    const std::string lowered = lower_same_length(line);
    if (!std::string_view(lowered).substr(kSummary.size()).starts_with(name + " ")) continue;
    constexpr std::string_view kOf = " của ";
    for (std::size_t at = lowered.find(kOf); at != std::string::npos;
         at = lowered.find(kOf, at + 1)) {
      std::string_view body = line.substr(at + kOf.size());
      body = trim(body.substr(0, body.find_first_of(",;.")));
      const auto words = split_words(body);
      if (words.empty() || words.size() > 14 || !starts_with_body_name(body) ||
          !is_name_word(words.back()))
        continue;
      std::string issuer = expand_abbreviations(body);
      if (names_a_level(issuer)) return issuer;
    }
  }
  return std::nullopt;
}

// A letter that gives a body's opinion says so before it: "<body> có ý kiến như sau:", "...
// có ý kiến chỉ đạo như sau:" (a People's Committee's công văn answering a request, or a reply
// page reproducing it). The body speaking in its own name is the issuer: named with its place, or
// by its level alone and given the one place the text names at that level. A post ("Chủ tịch
// UBND tỉnh có ý kiến chỉ đạo như sau:", the head's opinion an office's notice conveys) names
// the head, not the document's issuer, and gives nothing.
std::optional<std::string> with_its_place(const Layout& layout, std::string_view body);

std::optional<std::string> opinion_body(const Layout& layout) {
  for (std::size_t i = 0; i < std::min(layout.lines.size(), kOpeningLines); ++i) {
    if (layout.skip(i) || trim(layout.lines[i]).empty()) continue;
    const std::string sentence = sentence_from(layout, i);
    const std::string lowered = lower_same_length(sentence);
    std::size_t at = std::string::npos;
    for (std::string_view formula :
         {std::string_view{" có ý kiến như sau:"}, std::string_view{" có ý kiến chỉ đạo như sau:"}})
      if (std::string_view(lowered).ends_with(formula)) at = lowered.size() - formula.size();
    if (at == std::string::npos) continue;
    std::string_view subject = trim(std::string_view(sentence).substr(0, at));
    // After the grounds of the answer ("Sau khi xem xét ..., UBND tỉnh có ý kiến như sau:").
    if (const std::size_t comma = subject.rfind(", "); comma != std::string_view::npos)
      subject = trim(subject.substr(comma + 1));
    const auto words = split_words(subject);
    if (words.empty() || words.size() > 14 || !starts_upper(subject) ||
        !starts_with_body_name(subject))
      continue;
    if (const auto known = known_name_at(subject, 0); known && known->kind == NameKind::post)
      continue;
    std::string body = expand_abbreviations(subject);
    if (is_name_word(words.back())) {
      if (names_a_level(body)) return body;
      continue;
    }
    return with_its_place(layout, body);
  }
  return std::nullopt;
}

// ND30's end mark "./." closing a line: the page gives a document's text to its end.
bool has_end_mark(const Layout& layout) {
  for (std::size_t i = 0; i < layout.lines.size(); ++i)
    if (!layout.skip(i) && trim(layout.lines[i]).ends_with("./.")) return true;
  return false;
}

// A body named by its level alone ("Hội đồng nhân dân xã") with the one place the text gives
// that level (body_with_place()); nullopt when it gives none or several.
std::optional<std::string> with_its_place(const Layout& layout, std::string_view body) {
  std::string text;
  for (std::size_t i = 0; i < layout.lines.size(); ++i)
    if (!layout.skip(i)) (text += layout.lines[i]) += '\n';
  return body_with_place(body, text);
}

}  // namespace

bool is_family_name(std::string_view word) {
  return std::find(kFamilyNames.begin(), kFamilyNames.end(), word) != kFamilyNames.end();
}

// A legal portal's metadata table standing in for the header ("| Số hiệu: | 18/2025/TT-BNV |",
// "| Loại văn bản: | Thông tư |", "Ngày ban hành:" / its explanation / "08/10/2025 |"): the
// value of each label, in its cell or on the next line that is neither an explanation of the
// label ("Ngày ban hành là ngày ...") nor an empty cell.
std::optional<std::string> portal_value(const Layout& layout, std::string_view label) {
  const std::string wanted = lower(label);
  for (std::size_t i = 0; i < std::min(layout.lines.size(), kOpeningLines); ++i) {
    if (layout.skip(i)) continue;
    const std::string_view line = layout.lines[i];
    const std::string lowered = lower_same_length(line);
    std::size_t at = lowered.find(wanted);
    if (at == std::string::npos) continue;
    // The label opens a cell: the start of the line or after a cell border.
    const std::string_view before = trim(line.substr(0, at));
    if (!before.empty() && !before.ends_with("|")) continue;
    std::string_view value = line.substr(at + wanted.size());
    bool explanation = false;
    for (std::size_t j = i + 1;; ++j) {
      value = trim(value);
      while (value.starts_with("|"))
        value = trim(value.substr(1));
      value = trim(value.substr(0, value.find('|')));
      if (!value.empty()) return std::string(value);
      if (j >= std::min(layout.lines.size(), i + 6)) break;
      value = layout.lines[j];
      const std::string explained = std::string(label.substr(0, label.size() - 1)) + " là ";
      if (lower_same_length(trim(value)).starts_with(lower(explained))) {
        value = {};
        explanation = true;
      } else if (explanation && starts_lower(trim(value))) {
        value = {};  // the explanation wrapped at the page's width ("... hoặc ký" / "ban hành.")
      } else {
        explanation = false;
      }
    }
    return std::nullopt;
  }
  return std::nullopt;
}

namespace {

// Digits from `at`, between `least` and `most` of them; the position after them, or npos.
std::size_t digits_at(std::string_view line, std::size_t at, std::size_t least, std::size_t most) {
  std::size_t p = at;
  while (p < line.size() && p - at < most && line[p] >= '0' && line[p] <= '9')
    ++p;
  return p - at >= least && (p == line.size() || line[p] < '0' || line[p] > '9')
             ? p
             : std::string_view::npos;
}

// A label heads an answer only when one follows: some text below it that is no page furniture.
// A blog's or a portal's comment box puts a bare "Trả lời" (its reply button) under any post,
// followed by nothing or by the site's own short lines ("viTiếng Việt", a language switch).
bool answer_follows(const Layout& layout, std::size_t label) {
  for (std::size_t j = label + 1; j < layout.lines.size(); ++j) {
    if (layout.skip(j)) continue;
    const std::string_view line = trim(layout.lines[j]);
    if (!line.empty() && !short_furniture(line)) return true;
  }
  return false;
}

}  // namespace

// A portal's posting line under its headline, no part of the document (ND30 dates a text in
// words, "ngày ... tháng ... năm ...", under no label and beside no clock): the date of posting
// behind the portal's label ("Ngày cập nhật 03/05/2021", "Ngày đăng: 30/06/2024"), or a date
// with its clock time, the hour marked as Windows' Vietnamese locale writes it ("02/03/2020
// 11:25 SA", SA/CH for a.m./p.m.).
// A date "03/05/2021" (or with dots or hyphens) at `at`: the position after it, or npos.
std::size_t numeric_date_end(std::string_view line, std::size_t at) {
  std::size_t p = digits_at(line, at, 1, 2);
  for (int part = 0; part < 2 && p != std::string_view::npos; ++part) {
    if (p >= line.size() || (line[p] != '/' && line[p] != '.' && line[p] != '-'))
      return std::string_view::npos;
    p = digits_at(line, p + 1, part == 0 ? 1 : 4, part == 0 ? 2 : 4);
  }
  return p;
}

// A clock time "11:25", "16:42:05", maybe with its half of the day ("SA", "CH", "AM", "PM"), at
// `at`: the position after it, or npos.
std::size_t clock_end(std::string_view line, std::size_t at) {
  std::size_t q = digits_at(line, at, 1, 2);
  if (q == std::string_view::npos || q >= line.size() || line[q] != ':')
    return std::string_view::npos;
  q = digits_at(line, q + 1, 2, 2);
  if (q != std::string_view::npos && q < line.size() && line[q] == ':')
    q = digits_at(line, q + 1, 2, 2);
  if (q == std::string_view::npos) return q;
  for (std::string_view half : {std::string_view{" SA"}, std::string_view{" CH"},
                                std::string_view{" AM"}, std::string_view{" PM"}})
    if (line.substr(q).starts_with(half) &&
        (q + half.size() == line.size() || line[q + half.size()] == ' '))
      return q + half.size();
  return q;
}

// A date as a content system's Vietnamese locale prints it, the month by its word: "18 Tháng 4
// 2017" (Joomla's "%d Tháng %m %Y"), at `at`: the position after it, or npos.
std::size_t worded_date_end(std::string_view line, std::size_t at) {
  std::size_t p = digits_at(line, at, 1, 2);
  if (p == std::string_view::npos) return p;
  const std::string_view month_word = line.substr(p, std::string_view(" Tháng ").size());
  if (lower_same_length(month_word) != " tháng ") return std::string_view::npos;
  p = digits_at(line, p + month_word.size(), 1, 2);
  if (p == std::string_view::npos || p >= line.size() || line[p] != ' ')
    return std::string_view::npos;
  return digits_at(line, p + 1, 4, 4);
}

// The day of the week a posting line may open with ("Thứ ba, ", "Chủ nhật, "): the position after
// it and its comma, or 0.
std::size_t weekday_end(std::string_view line) {
  static constexpr std::array kDays = {
      std::string_view{"thứ hai"},  std::string_view{"thứ ba"},  std::string_view{"thứ tư"},
      std::string_view{"thứ năm"},  std::string_view{"thứ sáu"}, std::string_view{"thứ bảy"},
      std::string_view{"chủ nhật"}, std::string_view{"thứ 2"},   std::string_view{"thứ 3"},
      std::string_view{"thứ 4"},    std::string_view{"thứ 5"},   std::string_view{"thứ 6"},
      std::string_view{"thứ 7"},
  };
  const std::string lowered = lower_same_length(line.substr(0, 16));
  for (std::string_view day : kDays)
    if (std::string_view(lowered).starts_with(day) && line.substr(day.size()).starts_with(", "))
      return day.size() + 2;
  return 0;
}

bool posting_line(std::string_view line) {
  static constexpr std::array kLabels = {
      std::string_view{"ngay cap nhat"}, std::string_view{"cap nhat"},
      std::string_view{"ngay dang"},     std::string_view{"ngay dang bai"},
      std::string_view{"dang ngay"},     std::string_view{"thoi gian dang"},
      std::string_view{"cap nhat luc"},  std::string_view{"dang luc"},
  };
  line = trim(line);
  // The page's view count after the posting time ("Ngày đăng: 05/04/2024 | Lượt xem: 120"): a
  // counter of the page's, no part of a date.
  if (const std::size_t views = line.find("Lượt xem");
      views != std::string_view::npos && views > 0) {
    std::string_view count = trim(line.substr(views + std::string_view("Lượt xem").size()));
    if (count.starts_with(":")) count = trim(count.substr(1));
    if (!count.empty() && std::all_of(count.begin(), count.end(), [](char c) {
          return is_ascii_digit(c) || c == '.' || c == ',';
        })) {
      line = line.substr(0, views);
      while (!line.empty() && (line.back() == ' ' || line.back() == '|' || line.back() == '-'))
        line.remove_suffix(1);
    }
  }
  // "Thứ ba, 18 Tháng 4 2017 15:04": the weekday, the date with its month's word, the clock (a
  // portal's posting time; ND30 dates a text "ngày ... tháng ... năm ...", beside no clock).
  if (const std::size_t day = weekday_end(line); day > 0 || (!line.empty() && is_digit(line[0]))) {
    const std::size_t date = worded_date_end(line, day);
    if (date != std::string_view::npos && date < line.size() && line[date] == ' ' &&
        clock_end(line, date + 1) == line.size())
      return true;
  }
  const std::size_t first_digit = line.find_first_of("0123456789");
  if (first_digit == std::string_view::npos || first_digit > 40) return false;
  std::string_view label = trim(line.substr(0, first_digit));
  if (label.ends_with(":")) label = trim(label.substr(0, label.size() - 1));
  const bool labelled = !label.empty();
  if (labelled && std::find(kLabels.begin(), kLabels.end(), fold_key(label)) == kLabels.end())
    return false;
  const auto rest_from = [&](std::size_t at) {
    while (at < line.size() && (line[at] == ' ' || line[at] == '-' || line[at] == ','))
      ++at;
    return at;
  };
  // The date, then maybe its clock time; or the clock time, then the date ("16:42 12/08/2019").
  if (std::size_t p = numeric_date_end(line, first_digit); p != std::string_view::npos) {
    p = rest_from(p);
    if (p == line.size()) return labelled;
    return clock_end(line, p) == line.size();
  }
  std::size_t p = clock_end(line, first_digit);
  if (p == std::string_view::npos) return false;
  p = numeric_date_end(line, rest_from(p));
  return p == line.size();
}

// A portal sets its print button beside the headline, over the posting line, and a page's text
// runs them together ("V/v đẩy mạnh ... trong huyện In trang" / "02/03/2020 11:25 SA"): the
// button's words (a verb in capitals after the subject's last word) are the page's. Only with
// the posting line right below: without it, the words stay (a title may end on any word).
void drop_print_button(std::string& title, const Layout& layout, std::size_t end) {
  std::size_t next = end + 1;
  while (next < layout.lines.size() && (layout.skip(next) || trim(layout.lines[next]).empty()))
    ++next;
  if (next >= layout.lines.size() || !posting_line(layout.lines[next])) return;
  for (std::string_view button : {std::string_view{" In trang"}, std::string_view{" In bài"},
                                  std::string_view{" Bản in"}, std::string_view{" In"}})
    if (title.ends_with(button)) {
      title.resize(title.size() - button.size());
      return;
    }
}

std::size_t answer_label_line(const Layout& layout) {
  // The labels portals set over the answer, folded, without their colon.
  static constexpr std::array kLabels = {
      std::string_view{"tra loi"},
      std::string_view{"noi dung tra loi"},
      std::string_view{"y kien tra loi"},
      std::string_view{"ket qua tra loi"},
      std::string_view{"thong tin phan hoi"},
      std::string_view{"noi dung phan hoi"},
      std::string_view{"dap"},
  };
  bool asked = false;  // some text above the label
  for (std::size_t i = 0; i < std::min(layout.lines.size(), kOpeningLines); ++i) {
    if (layout.skip(i)) continue;
    std::string_view line = trim(layout.lines[i]);
    if (line.empty()) continue;
    if (line.size() <= 40) {
      if (line.ends_with(":")) line = trim(line.substr(0, line.size() - 1));
      const std::string folded = fold_key(line);
      if (asked && std::find(kLabels.begin(), kLabels.end(), folded) != kLabels.end() &&
          answer_follows(layout, i))
        return i;
    }
    asked = true;
  }
  return layout.lines.size();
}

HeadlessIdentity identity_from_heading(const Layout& layout) {
  HeadlessIdentity identity;
  identity_from_gazette_heading(layout, identity);
  return identity;
}

HeadlessIdentity identity_from_portal_title(const Layout& layout) {
  HeadlessIdentity identity;
  identity_from_type_headline(layout, identity);
  return identity.portal_title ? identity : HeadlessIdentity{};
}

std::optional<std::string> unit_label_issuer(const Layout& layout) {
  constexpr std::size_t kLabelLines = 30;
  for (std::size_t i = 0; i < std::min(layout.lines.size(), kLabelLines); ++i) {
    if (layout.skip(i)) continue;
    const std::string_view line = trim(layout.lines[i]);
    if (!line.starts_with("Đơn vị")) continue;
    std::string_view rest = trim(line.substr(std::string_view("Đơn vị").size()));
    if (!rest.starts_with(":")) continue;  // "Đơn vị tính:", a unit of measure
    rest = trim(rest.substr(1));
    const auto words = split_words(rest);
    if (words.size() < 3 || words.size() > 14 || !starts_upper(rest) ||
        !starts_with_body_name(rest) || !is_name_word(words.back()))
      continue;
    return with_known_names_as_written(expand_abbreviations(collapse_spaces(std::string(rest))));
  }
  return std::nullopt;
}

HeadlessIdentity identify_headless(const Layout& layout, std::size_t body_line) {
  HeadlessIdentity identity;
  identity_from_portal_table(layout, identity);
  if (!identity.number) identity_from_lead(layout, identity);
  if (!identity.number) identity_from_source_note(layout, identity);
  if (!identity.number) identity_from_headline(layout, identity);
  if (!identity.number) identity_from_closing_number(layout, identity);
  // The repost's attribution under the text, where nothing above named the document.
  if (!identity.number && !identity.type)
    if (auto attribution = closing_attribution(layout)) {
      identity.type = attribution->type;
      identity.number = std::move(attribution->number);
      identity.date = std::move(attribution->date);
      identity.issuer = std::move(attribution->issuer);
    }
  // The headline's type and title stand beside a number the page names elsewhere.
  HeadlessIdentity headline;
  identity_from_type_headline(layout, headline);
  if (!identity.type && !identity.number) identity.type = headline.type;
  if (!identity.number) {
    identity.number = headline.number;
    if (!identity.date) identity.date = headline.date;
  }
  if (!identity.title && (!identity.type || identity.type == headline.type))
    identity.title = headline.title;
  // A lead that introduces the text by its type and number ("... ban hành Hướng dẫn số
  // 55-HD/BTGTW ... giới thiệu toàn văn"), under a headline that runs the same type into its
  // trích yếu ("Hướng dẫn tuyên truyền kỷ niệm ..."): the headline is ô 5a as the page shows it,
  // its words after the type the title, when the lead restates them after the number (a news
  // headline on the act, "Nghị quyết thông qua tại kỳ họp thứ 15", is no trích yếu the lead
  // gives).
  if (!identity.title && identity.number && identity.type && identity.type == headline.type &&
      headline.headline_rest &&
      lower_same_length(identity.lead_after_number).find(lower(*headline.headline_rest)) !=
          std::string::npos)
    identity.title = headline.headline_rest;
  if (!identity.date) identity.date = headline.date;
  if (identity.number && !identity.issuer)
    identity.issuer = holder_of_number(layout, *identity.number);
  // The line that cites the text a page posts names its issuer beside its number.
  if (!identity.issuer && headline.issuer && identity.number == headline.number)
    identity.issuer = headline.issuer;
  if (!identity.type) identity.type = type_from_formula(layout, body_line);
  // The text's own name for itself over a portal's headline, or where nothing named the type.
  if (!identity.number && (!identity.type || identity.type == headline.type))
    if (const DocumentType* own = type_named_by_itself(layout)) identity.type = own;
  if (auto authority = issuer_from_authority(layout)) identity.issuer = std::move(authority);
  // A notice's page without its header keeps its announcing sentence ("UBND xã X thông báo
  // lịch tiếp công dân như sau:"): the body that notifies is the issuer, the text a Thông báo.
  // The formula makes the text a notice even where it names the body by its level alone
  // ("Văn phòng UBND tỉnh thông báo đến ... biết"); then the issuer stays unread.
  const DocumentType* const notice = type_by_name("Thông báo");
  const DocumentType* const letter = type_by_name("Công văn");
  bool notifies = false;
  // A formula whose body is named by its level alone ("Nay hội đồng nhân dân xã thông báo đến
  // ...", "Văn phòng UBND tỉnh thông báo để ... biết"): a local body's name holds its place
  // (docs/domain.md), so the one place the text gives that level completes it; none or several,
  // and the issuer stays unread.
  std::string level_only;
  // A letter closes with the same formula ("<body> thông báo để <whom> biết, thực hiện"): its
  // body is the letter's issuer too, though the letter is no notice.
  if (!identity.type || identity.type == notice || identity.type == letter)
    for (std::size_t i = 0; i < std::min(layout.lines.size(), kOpeningLines); ++i) {
      if (layout.skip(i) || trim(layout.lines[i]).empty()) continue;
      bool formula = false;
      auto body = notifying_body(sentence_from(layout, i), &formula,
                                 level_only.empty() ? &level_only : nullptr);
      notifies = notifies || formula;
      if (body && !identity.issuer) identity.issuer = std::move(body);
      if (identity.issuer) break;
    }
  if (!identity.issuer && !level_only.empty()) identity.issuer = with_its_place(layout, level_only);
  // A guidance's page without its header keeps its opening ("Căn cứ ..., Phòng Giáo dục và Đào
  // tạo hướng dẫn các trường thực hiện ... như sau:", ND30 Phụ lục III's Hướng dẫn): the body
  // that guides is the issuer, the text a Hướng dẫn. A letter guides in the same words under its
  // addressees (ô 9a): there the type stays the letter's.
  const DocumentType* const guidance = type_by_name("Hướng dẫn");
  if (!notifies && !identity.number && (!identity.type || identity.type == guidance) &&
      !has_salutation(layout))
    for (std::size_t i = 0; i < std::min(layout.lines.size(), kOpeningLines); ++i) {
      if (layout.skip(i) || trim(layout.lines[i]).empty()) continue;
      bool formula = false;
      std::string guiding_level;
      auto body = notifying_body(sentence_from(layout, i), &formula, &guiding_level, " hướng dẫn ");
      if (!formula && guiding_level.empty()) continue;
      // A kind alone ("Ban hướng dẫn ...": the drafting board of a text the lead names) names no
      // body; an office named by its kind and field ("Phòng Giáo dục và Đào tạo") does.
      if (!body && split_words(guiding_level).size() < 3) break;
      identity.type = guidance;
      if (!identity.issuer)
        identity.issuer = body ? std::move(body) : with_its_place(layout, guiding_level);
      break;
    }
  // The sentence that announces the content names its author whatever its verb ("...,
  // Thường trực HĐND huyện xây dựng lịch tiếp công dân ... như sau:"), under a headline that
  // names the type: the headline's words after its type are the title.
  if (!identity.issuer && identity.type && !identity.number && !has_salutation(layout)) {
    std::string text;
    for (std::size_t i = 0; i < layout.lines.size(); ++i)
      if (!layout.skip(i)) (text += layout.lines[i]) += '\n';
    for (std::size_t i = 0; i < std::min(layout.lines.size(), kOpeningLines); ++i) {
      if (layout.skip(i) || trim(layout.lines[i]).empty()) continue;
      if (auto author = announcing_author(sentence_from(layout, i), text)) {
        identity.issuer = std::move(author);
        if (!identity.title && identity.type == headline.type)
          identity.title = headline.headline_subject ? headline.headline_subject
                                                     : headline.headline_capital_subject;
        break;
      }
    }
  }
  if (!identity.issuer) identity.issuer = opinion_body(layout);
  // A letter that answers or informs its addressees ("Kính gửi: ..." / "UBND phường X xin thông
  // báo kết quả như sau:") uses the verb without being a notice: ND30's Thông báo has no ô 9a.
  identity.salutation = has_salutation(layout);
  if (notifies && !identity.type && !identity.salutation) identity.type = notice;
  if (!identity.issuer && identity.type)
    identity.issuer = issuer_from_closing_summary(layout, *identity.type);
  // A notice's headline that runs its type into its trích yếu ("Thông báo treo cờ Tổ quốc ..."),
  // over a text that announces itself as a notice: the headline's words are its title.
  if (notifies && identity.type == notice && headline.type == notice && !identity.title &&
      !identity.number)
    identity.title = headline.headline_subject;
  // A letter's page without its header (ô 1-5 lost, "Kính gửi:" kept): the body that asks or
  // instructs in it is the issuer.
  if (!identity.issuer && (!identity.type || identity.type == type_by_name("Công văn")) &&
      identity.salutation)
    for (std::size_t i = 0; i < std::min(layout.lines.size(), kOpeningLines); ++i) {
      if (layout.skip(i) || trim(layout.lines[i]).empty()) continue;
      if (auto body = requesting_body(sentence_from(layout, i))) {
        identity.issuer = std::move(body);
        break;
      }
    }
  // A page that gives a document's text (ND30's end mark "./." closes its content), with no type
  // and no addressees: the body named with its level and place that asks in it ("UBND thị trấn X
  // đề nghị các cơ quan ... treo cờ ...") speaks in its own name, and is the issuer. A news page
  // that reports a body's request ends with no such mark.
  if (!identity.issuer && !identity.type && !identity.salutation && has_end_mark(layout))
    for (std::size_t i = 0; i < std::min(layout.lines.size(), kOpeningLines); ++i) {
      if (layout.skip(i) || trim(layout.lines[i]).empty()) continue;
      auto body = requesting_body(sentence_from(layout, i));
      if (!body) continue;
      const auto words = split_words(*body);
      if (!words.empty() && is_name_word(words.back()) && names_a_level(*body))
        identity.issuer = std::move(body);
      break;
    }
  if (!identity.type && !identity.title && !identity.number) {
    HeadlessIdentity subject;
    identity_from_subject_opening(layout, subject);
    identity.type = subject.type;
    identity.title = std::move(subject.title);
  }
  if (!identity.number) {
    HeadlessIdentity heading;
    identity_from_own_heading(layout, heading);
    if (heading.type && (!identity.type || identity.type == heading.type)) {
      identity.type = heading.type;
      identity.title = std::move(heading.title);
      if (!identity.issuer) identity.issuer = std::move(heading.issuer);
    }
  }
  return identity;
}

}  // namespace vanban::analyzers::structure
