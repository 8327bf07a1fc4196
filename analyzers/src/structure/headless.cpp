// A text that lost its header (ô 1-5 of the layout): a portal or newspaper page that starts
// with the body. What the reading order of ND30 still tells: the enacting formula ("QUYẾT
// ĐỊNH:", "QUYẾT NGHỊ:") names the type of a decision or a resolution; the enacting authority
// on its own line before "Căn cứ" ("CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN CẦN GIUỘC") names the body;
// an editor's note that introduces the full text ("LTS: Ngày 14-11-2016, ... đã ban hành Nghị
// quyết số 10-NQ/TU ... giới thiệu toàn văn") names its type, number and date.
#include "structure/headless.hpp"

#include <array>

#include "vanban/analyzers/fold.hpp"
#include "vanban/analyzers/symbol.hpp"

#include "structure/dates.hpp"
#include "structure/parts.hpp"
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

std::optional<std::string> issuer_from_authority(const Layout& layout) {
  for (std::size_t i = 0; i < std::min(layout.lines.size(), kOpeningLines); ++i) {
    if (layout.skip(i)) continue;
    std::string_view line = trim(layout.lines[i]);
    if (line.empty() || !is_upper_text(line)) continue;
    if (fold_key(line).starts_with("chu tich ")) {
      line = trim(line.substr(line.find(' ', line.find(' ') + 1)));
    }
    if (!starts_with_body_name(line)) continue;
    // The enacting formula follows: the next line opens the preamble.
    std::size_t next = i + 1;
    while (next < layout.lines.size() && (layout.skip(next) || trim(layout.lines[next]).empty()))
      ++next;
    if (next >= layout.lines.size() || !trim(layout.lines[next]).starts_with("Căn cứ")) continue;
    std::string name = proper_case_name(line);
    if (names_a_level(name)) return name;
  }
  return std::nullopt;
}

// "LTS: Ngày 14-11-2016, <body> đã ban hành <Type> số <number> ... giới thiệu toàn văn ...".
void identity_from_editor_note(const Layout& layout, HeadlessIdentity& identity) {
  for (std::size_t i = 0; i < std::min(layout.lines.size(), kOpeningLines); ++i) {
    if (layout.skip(i)) continue;
    const std::string_view line = layout.lines[i];
    const std::string lowered = lower_same_length(line);
    if (lowered.find("toàn văn") == std::string::npos) continue;
    const std::size_t issued = lowered.find("ban hành ");
    if (issued == std::string::npos) continue;
    const std::size_t type_at = issued + std::string_view("ban hành ").size();
    const DocumentType* type = nullptr;
    for (const DocumentType& candidate : document_types()) {
      if (!candidate.heads_documents) continue;
      if (std::string_view(lowered).substr(type_at).starts_with(lower(candidate.name))) {
        type = &candidate;
        break;
      }
    }
    if (type == nullptr) continue;
    const std::size_t so = lowered.find(" số ", type_at);
    if (so == std::string::npos || so > type_at + type->name.size() + 1) continue;
    const std::string_view after_so = line.substr(so + std::string_view(" số ").size());
    const auto symbols = find_symbols(after_so);
    if (symbols.empty() || symbols.front().start != 0) continue;
    identity.type = type;
    identity.number = symbols.front().text;
    // The date the note gives, before the verb: "Ngày 14-11-2016, ...".
    const std::size_t day = lowered.find("ngày ");
    if (day != std::string::npos && day < issued)
      if (auto date = parse_date_at(line, day + std::string_view("ngày ").size()))
        identity.date = date->iso;
    return;
  }
}

// A portal's headline that gives a letter's subject with its number and date: "Về việc báo
// cáo tình hình ... (3585/VP-KTN, ngày 23/10/2017)." (the subject is the V/v of ND30 ô 5b).
void identity_from_headline(const Layout& layout, HeadlessIdentity& identity) {
  for (std::size_t i = 0; i < std::min(layout.lines.size(), kOpeningLines); ++i) {
    if (layout.skip(i)) continue;
    std::string_view line = trim(layout.lines[i]);
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

void identity_from_type_headline(const Layout& layout, HeadlessIdentity& identity) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < layout.lines.size() && seen < kHeadlineLines; ++i) {
    if (layout.skip(i)) continue;
    std::string_view line = trim(layout.lines[i]);
    if (line.empty()) continue;
    ++seen;
    // An enacting formula or a list's lead-in ("QUYẾT ĐỊNH:") is the body, not a headline.
    if (line.ends_with(":") || line.size() > 600) continue;
    std::size_t name_end = 0;
    const DocumentType* type = type_opening(line, name_end);
    if (type == nullptr) continue;
    std::string_view rest = trim(line.substr(name_end));
    if (rest.starts_with(":")) rest = trim(rest.substr(1));
    identity.type = type;
    const std::string lowered = lower_same_length(rest);
    if (lowered.starts_with("số ")) {
      // A headline stands above the page's text; a text of one line is a sentence that
      // cites.
      bool followed = false;
      for (std::size_t j = i + 1; j < layout.lines.size() && !followed; ++j)
        followed = !layout.skip(j) && !trim(layout.lines[j]).empty();
      if (!followed) return;
      // "<Type> số <number> ngày <date> V/v <subject>": a headline names its subject; a
      // sentence that starts with a citation ("Kế hoạch số 12/KH-UBND, số lượng ...") does not.
      std::string_view after = trim(rest.substr(std::string_view("số ").size()));
      if (after.starts_with(":")) after = trim(after.substr(1));
      const auto symbols = find_symbols(after);
      if (symbols.empty() || symbols.front().start != 0) return;
      const std::string number = symbols.front().text;
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
      if (after.empty()) {
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
            return;
          }
          if (!title.empty()) title += ' ';
          title += next;
        }
      }
      // The reading order puts a "V/v" cell on a line of its own.
      if (after.empty())
        for (std::size_t j = i + 1; j < layout.lines.size(); ++j)
          if (!layout.skip(j) && !trim(layout.lines[j]).empty()) {
            after = trim(layout.lines[j]);
            break;
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
        identity.title = std::string(subject);
        break;
      }
      return;
    }
    // The type heading and its title set in capitals on one line.
    if (!rest.empty() && is_upper_text(line)) identity.title = proper_case_title(rest);
    return;
  }
}

}  // namespace

HeadlessIdentity identify_headless(const Layout& layout, std::size_t body_line) {
  HeadlessIdentity identity;
  identity_from_editor_note(layout, identity);
  if (!identity.number) identity_from_headline(layout, identity);
  if (!identity.type && !identity.number) identity_from_type_headline(layout, identity);
  if (!identity.type) identity.type = type_from_formula(layout, body_line);
  identity.issuer = issuer_from_authority(layout);
  return identity;
}

}  // namespace vanban::analyzers::structure
