// A body's text reposted on a portal without its header: see reposted_pages.hpp.
#include "structure/reposted_pages.hpp"

#include <algorithm>
#include <array>

#include "vanban/analyzers/symbol.hpp"

#include "structure/body_names.hpp"
#include "structure/dates.hpp"
#include "structure/parts.hpp"
#include "structure/text.hpp"

namespace vanban::analyzers::structure {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// The word that ends right before byte `dot` of `text`.
std::string_view word_before(std::string_view text, std::size_t dot) {
  std::size_t start = dot;
  while (start > 0 && text[start - 1] != ' ' && text[start - 1] != '(' && text[start - 1] != ',')
    --start;
  return text.substr(start, dot - start);
}

// A short abbreviation closed by its dot ("TP.", "Tp.", "TX.", "Q.", "KT."): at most three
// letters, opening in a capital. A number or a longer word closes a sentence.
bool abbreviation(std::string_view word) {
  if (word.empty() || word.size() > 6 || !starts_upper(word)) return false;
  for (char c : word)
    if (is_digit(c)) return false;
  return split_words(word).size() == 1 && word.size() <= 4;
}

// The repost's byline may run onto the bracket ("(Công văn số 51 của HĐND huyện)Văn phòng
// ..."): the bracket's text, or empty when the line opens no bracket that closes on it.
std::string_view bracketed_opening(std::string_view line) {
  if (!line.starts_with("(")) return {};
  const std::size_t close = line.find(')');
  if (close == std::string_view::npos) return {};
  return trim(line.substr(1, close - 1));
}

std::optional<Attribution> attribution_in(std::string_view note, std::string_view text) {
  const std::string lowered = lower_same_length(note);
  const DocumentType* type = nullptr;
  for (const DocumentType& candidate : document_types())
    if (candidate.heads_documents && lowered.starts_with(lower(candidate.name)) &&
        std::string_view(lowered).substr(candidate.name.size()).starts_with(" số ") &&
        (type == nullptr || candidate.name.size() > type->name.size()))
      type = &candidate;
  if (type == nullptr) return std::nullopt;
  std::size_t at = type->name.size() + std::string_view(" số ").size();
  Attribution attribution;
  attribution.type = type;
  const std::string_view after = note.substr(at);
  if (const auto symbols = find_symbols(after); !symbols.empty() && symbols.front().start == 0) {
    attribution.number = symbols.front().text;
    at += symbols.front().end;
  } else {
    // The register number alone, as a portal shortens the reference ("Công văn số 51").
    std::size_t digits = 0;
    while (digits < after.size() && is_digit(after[digits]))
      ++digits;
    if (digits == 0 || digits > 5 ||
        (digits < after.size() && after[digits] != ' ' && after[digits] != ','))
      return std::nullopt;
    attribution.number = std::string(after.substr(0, digits));
    at += digits;
  }
  std::string_view rest = note.substr(at);
  while (rest.starts_with(" ") || rest.starts_with(",")) {
    rest.remove_prefix(1);
    ++at;
  }
  if (lower_same_length(rest.substr(0, 6)).starts_with("ngày ")) {
    const auto date = parse_date_at(note, at + std::string_view("ngày ").size());
    if (!date) return std::nullopt;
    attribution.date = date->iso;
    rest = trim(note.substr(date->end));
    if (rest.starts_with(",")) rest = trim(rest.substr(1));
  }
  // Nothing but the body after "của": a bracket that goes on ("... của UBND xã về việc ...")
  // gives a trích yếu the attribution does not, and is read as it is.
  if (rest.empty()) return attribution;
  if (!lower_same_length(rest).starts_with("của ")) return std::nullopt;
  const std::string_view body = trim(rest.substr(std::string_view("của ").size()));
  // The body alone: a subject after it ("... của UBND xã về việc ...") is a citation's.
  if (!starts_with_body_name(body) || split_words(body).size() > 10 ||
      lower_same_length(body).find(" về ") != std::string::npos)
    return std::nullopt;
  std::string name = expand_abbreviations(body);
  if (auto placed = body_with_place(name, text)) name = std::move(*placed);
  attribution.issuer = std::move(name);
  return attribution;
}

// A name that ends on a level word ("Thường trực Hội đồng nhân dân huyện"): its place is missing.
bool ends_with_level(std::string_view name) {
  static constexpr std::array kLevels = {
      std::string_view{" tinh"},   std::string_view{" thanh pho"}, std::string_view{" huyen"},
      std::string_view{" quan"},   std::string_view{" thi xa"},    std::string_view{" xa"},
      std::string_view{" phuong"}, std::string_view{" thi tran"},
  };
  const std::string folded = " " + fold_key(name);
  for (std::string_view level : kLevels)
    if (folded.ends_with(level)) return true;
  return false;
}

}  // namespace

bool in_first_sentence(std::string_view paragraph, std::size_t at) {
  for (std::size_t stop = paragraph.find(". "); stop != std::string_view::npos && stop < at;
       stop = paragraph.find(". ", stop + 1)) {
    const std::string_view next = trim(paragraph.substr(stop + 1));
    if (!next.empty() && starts_upper(next) && !abbreviation(word_before(paragraph, stop)))
      return false;
  }
  return true;
}

std::optional<Attribution> closing_attribution(const Layout& layout) {
  std::string text;
  for (std::size_t i = 0; i < layout.lines.size(); ++i)
    if (!layout.skip(i)) (text += layout.lines[i]) += '\n';
  std::optional<Attribution> found;
  bool text_above = false;  // the reposted text stands above its attribution
  for (std::size_t i = 0; i < layout.lines.size(); ++i) {
    if (layout.skip(i)) continue;
    const std::string_view line = trim(layout.lines[i]);
    const std::string_view note = bracketed_opening(line);
    if (note.empty() || note.size() > 160) {
      text_above = text_above || line.ends_with(".") || line.ends_with("./.");
      continue;
    }
    auto attribution = attribution_in(note, text);
    if (!attribution) continue;
    // A text does not cite itself: a bracket naming what the text above cites is a note on
    // that document ("(Công văn số 11034/VPCP-KGVX ... của Văn phòng Chính phủ gửi qua
    // eOffice)"), not the repost's attribution.
    if (attribution->number.find('/') != std::string::npos &&
        text.find(attribution->number) < text.find(note))
      continue;
    // Two attributions name two documents: the page gives neither as its own.
    if (found || !text_above) return std::nullopt;
    found = std::move(attribution);
  }
  return found;
}

std::optional<std::string> announcing_author(std::string_view sentence, std::string_view text) {
  // "ban hành" is left to the enacting readings (issuer_from_body): a statute's note on the
  // grounds it was enacted on ("... có căn cứ ban hành như sau:") names the enacting body of
  // another text.
  static constexpr std::array kVerbs = {std::string_view{" xây dựng "}, std::string_view{" lập "}};
  if (!lower_same_length(trim(sentence)).ends_with("như sau:")) return std::nullopt;
  for (std::string_view verb : kVerbs) {
    bool formula = false;
    std::string level;
    auto body = notifying_body(sentence, &formula, &level, verb);
    if (!body && level.empty()) continue;
    const std::string& named = body ? *body : level;
    // A local body's name holds its place (domain.md): one named by its level alone takes the
    // one place the text gives that level; none or several, and it names no issuer.
    if (auto placed = body_with_place(named, text)) return placed;
    if (ends_with_level(named)) return std::nullopt;
    return body;
  }
  return std::nullopt;
}

std::optional<std::string> lead_subject(std::string_view rest) {
  constexpr std::string_view kAbout = "về việc ";
  rest = trim(rest);
  if (!lower_same_length(rest.substr(0, kAbout.size())).starts_with(kAbout)) return std::nullopt;
  std::string_view subject = rest.substr(kAbout.size());
  // The subject ends where the lead announces the content or its sentence ends.
  const std::string lowered = lower_same_length(subject);
  std::size_t end = subject.size();
  for (std::string_view stop : {std::string_view{", cụ thể như sau"}, std::string_view{", như sau"},
                                std::string_view{" như sau"}, std::string_view{". "}})
    end = std::min(end, lowered.find(stop));
  subject = trim(subject.substr(0, end));
  while (subject.ends_with(".") || subject.ends_with(":") || subject.ends_with(","))
    subject = trim(subject.substr(0, subject.size() - 1));
  if (split_words(subject).size() < 3) return std::nullopt;
  return std::string(subject);
}

}  // namespace vanban::analyzers::structure
