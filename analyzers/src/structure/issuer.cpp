// The issuer when the header is missing: the opening sentence of the body names it.
#include <algorithm>
#include <array>
#include <cctype>

#include "vanban/analyzers/fold.hpp"

#include "structure/body_names.hpp"
#include "structure/parts.hpp"
#include "structure/tables.hpp"
#include "structure/text.hpp"

namespace vanban::analyzers::structure {
namespace {

// Folded first words of the names of kinds of bodies (docs/domain.md §4), longest first.
constexpr std::array kBodyHeads = {
    std::string_view{"uy ban nhan dan"},
    std::string_view{"hoi dong nhan dan"},
    std::string_view{"vien kiem sat nhan dan"},
    std::string_view{"ban chap hanh"},
    std::string_view{"tieu ban"},
    std::string_view{"ban thuong vu"},
    std::string_view{"ban thuong truc"},
    std::string_view{"thuong truc"},
    std::string_view{"thu tuong"},
    std::string_view{"uy ban"},
    std::string_view{"hoi dong"},
    std::string_view{"van phong"},
    std::string_view{"chinh phu"},
    std::string_view{"quoc hoi"},
    std::string_view{"dang uy"},
    std::string_view{"dang bo"},
    std::string_view{"tinh uy"},
    std::string_view{"thanh uy"},
    std::string_view{"huyen uy"},
    std::string_view{"quan uy"},
    std::string_view{"thi uy"},
    std::string_view{"chi bo"},
    std::string_view{"tong cuc"},
    std::string_view{"trung tam"},
    std::string_view{"cong an"},
    std::string_view{"ngan hang"},
    std::string_view{"kho bac"},
    std::string_view{"bao hiem"},
    std::string_view{"kiem toan"},
    std::string_view{"toa an"},
    std::string_view{"vien kiem sat"},
    std::string_view{"thanh tra"},
    std::string_view{"mat tran"},
    std::string_view{"lien doan"},
    // A school's unit of the Young Pioneers (Điều lệ Đội TNTP Hồ Chí Minh: chi đội, liên đội),
    // the Hội đồng Đội of its district the line above it.
    std::string_view{"lien doi"},
    std::string_view{"cong doan"},
    std::string_view{"cong ty"},
    // A public hospital (Luật Khám bệnh, chữa bệnh: a public service unit with its own seal),
    // its Sở Y tế the chủ quản line above it.
    std::string_view{"benh vien"},
    std::string_view{"bo chi huy"},
    std::string_view{"chu tich"},
    std::string_view{"ubnd"},
    std::string_view{"hdnd"},
    std::string_view{"ubmttq"},
    std::string_view{"ubmttqvn"},
    std::string_view{"bch"},
    std::string_view{"btv"},
    std::string_view{"bo"},
    std::string_view{"so"},
    std::string_view{"ban"},
    std::string_view{"cuc"},
    std::string_view{"vu"},
    std::string_view{"phong"},
    std::string_view{"truong"},
    std::string_view{"vien"},
    std::string_view{"hoi"},
    std::string_view{"doan"},
};

constexpr std::array kIssuingVerbs = {
    std::string_view{" ban hành "},
    std::string_view{" xây dựng "},
};

std::string without_parentheses(std::string_view text) {
  std::string out;
  int depth = 0;
  for (char c : text) {
    if (c == '(') {
      ++depth;
    } else if (c == ')') {
      if (depth > 0) --depth;
    } else if (depth == 0) {
      out.push_back(c);
    }
  }
  return collapse_spaces(out);
}

// The body of an enacting authority: "Bộ trưởng Bộ Nội vụ" → "Bộ Nội vụ", "Chủ tịch Ủy ban nhân
// dân tỉnh X" → "Ủy ban nhân dân tỉnh X". The enacting sentence names the head who signs
// ("Bộ trưởng Bộ Nội vụ ban hành Thông tư"), but ô 2 of the header it stands for is the body
// (ND30 Phụ lục I; the issuer facet lists bodies, one value per body). A post that is itself the
// issuing authority's whole name stays ("Thủ tướng Chính phủ", ô 2 of a QĐ-TTg), and so does a
// joint authority naming a second post ("Bộ trưởng Bộ Tài chính và Bộ trưởng Bộ ...").
std::string_view body_of_authority(std::string_view authority) {
  const auto post = known_name_at(authority, 0);
  if (!post || post->kind != NameKind::post) return authority;
  const std::string_view rest = trim(authority.substr(post->end));
  if (rest.empty() || !starts_with_body_name(rest)) return authority;
  for (std::size_t at = rest.find(' '); at != std::string_view::npos; at = rest.find(' ', at + 1)) {
    const auto other = known_name_at(rest, at + 1);
    if (other && other->kind == NameKind::post) return authority;
  }
  return rest;
}

// The words before the issuing verb that say when, not who: an aspect word ("đã", "vừa") and
// a committee's term ("khóa XIII", "nhiệm kỳ 2020-2025"). The name ends before the first.
std::string_view without_time_words(std::string_view candidate) {
  static constexpr std::array kTimeWords = {
      std::string_view{"da"},   std::string_view{"vua"},  std::string_view{"se"},
      std::string_view{"dang"}, std::string_view{"khoa"}, std::string_view{"nhiem"},
  };
  const std::vector<std::string_view> words = split_words(candidate);
  for (std::size_t w = 1; w < words.size(); ++w) {
    // Only in lower case: "Đảng" of a name folds like "đang".
    if (!starts_lower(words[w])) continue;
    const std::string key = fold_key(words[w]);
    if (std::find(kTimeWords.begin(), kTimeWords.end(), key) == kTimeWords.end()) continue;
    if (key == "nhiem" && (w + 1 >= words.size() || fold_key(words[w + 1]) != "ky")) continue;
    return trim(candidate.substr(0, static_cast<std::size_t>(words[w].data() - candidate.data())));
  }
  return candidate;
}

// A level word typed twice ("HĐND huyện huyện Ngân Sơn"): a typing slip, written once.
std::string without_doubled_level(std::string_view name) {
  // The words of the table's levels, folded ("thi", "xa" of "thị xã").
  static const std::vector<std::string> kLevels = [] {
    std::vector<std::string> out;
    for (std::string_view level : administrative_levels())
      for (std::string_view word : split_words(level))
        if (std::find(out.begin(), out.end(), fold_key(word)) == out.end())
          out.push_back(fold_key(word));
    return out;
  }();
  const std::vector<std::string_view> words = split_words(name);
  std::string out;
  for (std::size_t w = 0; w < words.size(); ++w) {
    if (w > 0 && starts_lower(words[w]) && words[w] == words[w - 1]) {
      const std::string key = fold_key(words[w]);
      if (std::find(kLevels.begin(), kLevels.end(), key) != kLevels.end()) continue;
    }
    if (!out.empty()) out.push_back(' ');
    out += words[w];
  }
  return out;
}

}  // namespace

namespace {

// A notice's closing formula: "<body> thông báo để / cho / đến <whom> (được) biết ..." (ND30
// Phụ lục III's Thông báo ends by saying whom it informs), as `lowered` goes on after "thông
// báo ".
// After the closing connective ("Nay, <body> thông báo đến quý cử tri lịch tiếp xúc ..."), the
// addressee alone makes the formula: the connective already says the sentence closes the
// notice.
bool informs_whom(std::string_view lowered, bool closing) {
  bool to_whom = false;
  for (std::string_view word : {std::string_view{"để "}, std::string_view{"cho "},
                                std::string_view{"đến "}, std::string_view{"tới "}})
    to_whom = to_whom || lowered.starts_with(word);
  if (!to_whom) return false;
  if (closing && !lowered.starts_with("để ")) return true;
  constexpr std::string_view kKnow = " biết";
  const std::size_t known = lowered.find(kKnow);
  if (known == std::string_view::npos) return false;
  const std::size_t after = known + kKnow.size();
  const auto byte = after < lowered.size() ? static_cast<unsigned char>(lowered[after]) : ' ';
  return byte < 0x80 && std::isalpha(byte) == 0;  // "biết", not a longer word
}

// One sentence of a notice: its announcing formula ("<body> thông báo <what> như sau:", "... cụ
// thể như sau:", "... cụ thể sau:": the content follows) or its closing one (informs_whom()), after
// a connective that ties it to the sentence before ("Nay, UBND phường X thông báo ...", "Vậy UBND
// xã X thông báo cho nhân dân được biết"). A courtesy before the verb ("trân trọng thông báo",
// "kính thông báo") is the verb's, not the body's. `placed` tells whether the body names the
// issuer: a closing formula's body named by its level alone ("Văn phòng UBND tỉnh thông báo đến
// ... biết") does not, though the formula says the text is a notice either way.
//
// A body that notifies its addressees by name ("Trường Mầm non Sơn Ca thông báo cho phụ huynh
// ..."; a school's notice to parents, headless on its site) speaks in its own name as well:
// `addressed` is set, and only a body named with its own name counts there. That sentence says
// who writes, not what the text is (a letter may say it too), so it makes no formula.
std::optional<std::string> notifying_subject(std::string_view sentence, bool& placed,
                                             bool& addressed, std::string_view verb) {
  const bool notice = verb == " thông báo ";
  addressed = false;
  bool closing = false;  // after the closing connective
  for (std::string_view connective : {std::string_view{"Nay"}, std::string_view{"Vậy"}}) {
    if (!sentence.starts_with(connective)) continue;
    const std::string_view rest = sentence.substr(connective.size());
    if (rest.starts_with(", ") || rest.starts_with(" ")) {
      sentence = trim(rest.substr(1));
      closing = true;
    }
    break;
  }
  const std::string lowered = lower_same_length(sentence);
  const std::string_view ending = std::string_view(lowered);
  // "<body> trân trọng thông báo:": the verb closing the sentence on a colon announces the
  // content below it (its items), as "như sau:" does.
  constexpr std::string_view kVerbColon = " thông báo:";
  const bool colon_verb = notice && ending.ends_with(kVerbColon);
  const bool announces =
      ending.ends_with("như sau:") || ending.ends_with("cụ thể sau:") || colon_verb;
  // The verb, not a notice the sentence cites before it ("Thực hiện Thông báo số 31/TB-UBND
  // ..., UBND huyện thông báo ... như sau:"): each "thông báo" in turn, a few at most, then the
  // verb closing the sentence.
  const auto next_verb = [&](std::size_t from) {
    const std::size_t at = lowered.find(verb, from);
    if (at != std::string::npos || !colon_verb) return at;
    const std::size_t last = lowered.size() - kVerbColon.size();
    return last >= from ? last : std::string::npos;
  };
  std::size_t tried = 0;
  for (std::size_t at = next_verb(0); at != std::string::npos && tried < 5;
       at = next_verb(at + 1), ++tried) {
    // "<body> thông báo và đề nghị <whom> ...": the notice informs and asks in one sentence
    // (its body the subject of both verbs).
    const std::string_view after_verb = ending.substr(at + verb.size());
    // The verb right after the body's name ("... phường Nam Đồng thông báo và đề nghị"), not
    // after a verb of its own ("... đã nhận thông báo và đề nghị của ...": a noun).
    const auto before_verb = split_words(sentence.substr(0, at));
    const bool and_asks =
        (after_verb.starts_with("và đề nghị ") || after_verb.starts_with("và yêu cầu ")) &&
        !before_verb.empty() && starts_upper(before_verb.back());
    // A guidance has its announcing formula only (its verb "hướng dẫn cho ..." informs no one).
    const bool formula = announces || (notice && (and_asks || informs_whom(after_verb, closing)));
    const bool to_whom =
        notice && (after_verb.starts_with("cho ") || after_verb.starts_with("đến ") ||
                   after_verb.starts_with("tới "));
    if (!formula && !to_whom) continue;
    std::string_view subject = trim(sentence.substr(0, at));
    // The body is the clause before the verb, after a clause that grounds the notice ("Thực
    // hiện ...", "Căn cứ ...", "Theo ...", as a notice's preamble opens).
    for (std::string_view ground :
         {std::string_view{"Thực hiện "}, std::string_view{"Căn cứ "}, std::string_view{"Theo "}})
      if (subject.starts_with(ground)) {
        const std::size_t comma = subject.rfind(", ");
        if (comma != std::string_view::npos) subject = trim(subject.substr(comma + 1));
        break;
      }
    for (std::string_view courtesy :
         {std::string_view{" trân trọng"}, std::string_view{" kính gửi"}, std::string_view{" kính"},
          std::string_view{" xin"}})
      if (lower_same_length(subject).ends_with(courtesy))
        subject = trim(subject.substr(0, subject.size() - courtesy.size()));
    const auto names_body = [](const std::string& candidate) {
      return !candidate.empty() && starts_upper(candidate) && starts_with_body_name(candidate) &&
             split_words(candidate).size() <= 14;
    };
    std::string candidate = std::string(without_time_words(without_parentheses(subject)));
    // The subject after the closing connective is the sentence's subject, whatever its case
    // ("Nay hội đồng nhân dân xã thông báo ..."): a body's kind typed in lower case.
    if (closing && !candidate.empty() && starts_lower(candidate) &&
        starts_with_body_name(candidate))
      candidate = capitalize_first(candidate);
    // A clause that frames the reply or the occasion before the body ("Vấn đề quý Ông/Bà phản
    // ánh, UBND phường X xin thông báo kết quả như sau:"): the body is the clause before the verb.
    // A body's own name may hold a comma ("Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh"): the cut
    // is made only when no word of the clause before the comma opens a body's name.
    const auto opens_no_body = [](std::string_view clause) {
      const auto words = split_words(clause);
      return std::none_of(words.begin(), words.end(), [&](std::string_view word) {
        return starts_with_body_name(
            clause.substr(static_cast<std::size_t>(word.data() - clause.data())));
      });
    };
    if (!names_body(candidate))
      if (const std::size_t comma = subject.rfind(", "); comma != std::string_view::npos) {
        const std::size_t before =
            comma == 0 ? std::string_view::npos : subject.rfind(", ", comma - 1);
        const std::size_t from = before == std::string_view::npos ? 0 : before + 2;
        if (opens_no_body(subject.substr(from, comma - from)))
          candidate =
              std::string(without_time_words(without_parentheses(trim(subject.substr(comma + 1)))));
      }
    if (!names_body(candidate)) continue;
    // The closing formula often names the body by its level alone ("UBND phường thông báo cho
    // ..."): there only a body named with its place names the issuer (the announcing one's body
    // by its level takes the one place the text gives, as before).
    const auto words = split_words(candidate);
    const bool with_place = words.size() >= 3 && starts_upper(words.back());
    // A sentence that only ends on the word ("Sở X đã có thông báo:") is no formula: the colon
    // form counts with the body named by its place right before the verb.
    if (at + kVerbColon.size() == lowered.size() && !with_place) continue;
    if (!formula && !with_place) continue;
    addressed = !formula;
    placed = announces || with_place;
    return candidate;
  }
  return std::nullopt;
}

}  // namespace

namespace {

// The issuer's name as the issuer facet writes it: the head's post dropped, abbreviations spelled
// out, a level typed twice once, a known name's stray capital or tone placement as the name is.
std::string notifying_body_name(const std::string& candidate) {
  std::string body = with_known_names_as_written(
      expand_abbreviations(without_doubled_level(body_of_authority(candidate))));
  // A known name typed with a stray capital ("Ủy Ban nhân dân") or the tone mark placed the other
  // way ("Uỷ ban nhân dân", ND30 itself writes both, domain.md §1.9) is written as the name is.
  if (const auto known = known_name_at(body, 0)) {
    const std::string written = exact_form(std::string_view(body).substr(0, known->end));
    for (const std::string& name : known_names_as_written())
      if (exact_form(name) == written) {
        body = name + body.substr(known->end);
        break;
      }
  }
  return body;
}

}  // namespace

std::optional<std::string> notifying_body(std::string_view line, bool* formula,
                                          std::string* level_only, std::string_view verb) {
  // A sentence of a notice is read up to 600 bytes; a paragraph of several, each in turn, up to
  // a few of them (a page that runs its grounds and its announcing sentence into one line).
  constexpr std::size_t kSentenceBytes = 600;
  line = trim(line);
  if (line.size() > 4 * kSentenceBytes) return std::nullopt;
  // Each sentence of the line ("Theo Thông báo số 308/TB-ĐL ngày ... của Điện lực. Nay UBND
  // phường X thông báo ... như sau:"), to the first whose body is named with its place.
  bool placed = false;
  std::optional<std::string> unplaced;
  const auto keep_unplaced = [&](std::optional<std::string>& subject) {
    if (placed || !subject) return;
    if (!unplaced) unplaced = std::move(subject);
    subject.reset();
  };
  std::optional<std::string> subject;
  bool addressed = false;
  if (line.size() <= kSentenceBytes) subject = notifying_subject(line, placed, addressed, verb);
  if (subject && !addressed && formula != nullptr) *formula = true;
  keep_unplaced(subject);
  for (std::size_t stop = line.find(". "); !subject && stop != std::string_view::npos;
       stop = line.find(". ", stop + 1)) {
    const std::string_view next = trim(line.substr(stop + 1));
    if (next.empty() || !starts_upper(next) || next.size() > kSentenceBytes) continue;
    subject = notifying_subject(next, placed, addressed, verb);
    if (subject && !addressed && formula != nullptr) *formula = true;
    keep_unplaced(subject);
  }
  if (!subject) {
    if (unplaced && level_only != nullptr) *level_only = notifying_body_name(*unplaced);
    return std::nullopt;
  }
  return notifying_body_name(*subject);
}

bool starts_with_body_name(std::string_view text) {
  const std::string folded = fold_key(text.substr(0, 60));
  for (std::string_view head : kBodyHeads) {
    if (starts_with(folded, head) &&
        (folded.size() == head.size() || folded[head.size()] == ' ' || folded[head.size()] == '.'))
      return true;
  }
  return false;
}

std::optional<std::string> issuer_from_body(std::string_view flowed_body, const DocumentType* type,
                                            const DocumentType** named) {
  const std::string_view opening = flowed_body.substr(0, 5000);
  const std::string lowered = lower_same_length(opening);
  for (std::string_view verb : kIssuingVerbs) {
    for (std::size_t at = lowered.find(verb); at != std::string::npos;
         at = lowered.find(verb, at + 1)) {
      // The verb must introduce this document's type ("ban hành Kế hoạch ...").
      const std::string_view after = std::string_view(lowered).substr(at + verb.size());
      const DocumentType* introduced = nullptr;
      for (const DocumentType& candidate : document_types()) {
        if (!candidate.heads_documents || (type && &candidate != type)) continue;
        if (after.starts_with(lower(candidate.name)) &&
            (introduced == nullptr || candidate.name.size() > introduced->name.size()))
          introduced = &candidate;
      }
      if (introduced == nullptr) continue;
      std::size_t start = at;
      while (start > 0) {
        const char c = opening[start - 1];
        if (c == ',' || c == '.' || c == ';' || c == ':') break;
        --start;
      }
      const std::string candidate = std::string(
          without_time_words(without_parentheses(trim(opening.substr(start, at - start)))));
      if (candidate.empty() || !starts_upper(candidate) || !starts_with_body_name(candidate))
        continue;
      if (split_words(candidate).size() > 14) continue;
      if (named != nullptr) {
        const std::string_view rest = after.substr(lower(introduced->name).size());
        *named = rest.starts_with(" số") ? nullptr : introduced;
      }
      return expand_abbreviations(body_of_authority(candidate));
    }
  }
  return std::nullopt;
}

std::optional<std::string> requesting_body(std::string_view line) {
  static constexpr std::array kRequests = {
      std::string_view{" đề nghị "},
      std::string_view{" yêu cầu "},
      std::string_view{" hướng dẫn "},
  };
  line = trim(line);
  if (line.size() > 2000) line = line.substr(0, 2000);
  for (std::string_view verb : kRequests) {
    for (std::size_t at = line.find(verb); at != std::string_view::npos;
         at = line.find(verb, at + 1)) {
      std::size_t start = at;
      while (start > 0) {
        const char c = line[start - 1];
        if (c == ',' || c == '.' || c == ';' || c == ':') break;
        --start;
      }
      std::string_view clause = trim(line.substr(start, at - start));
      // "... trân trọng đề nghị", "... kính đề nghị": the courtesy is the verb's.
      for (std::string_view courtesy : {std::string_view{" trân trọng"}, std::string_view{" kính"}})
        if (clause.ends_with(courtesy))
          clause = trim(clause.substr(0, clause.size() - courtesy.size()));
      const std::string candidate = std::string(without_time_words(without_parentheses(clause)));
      if (candidate.empty() || !starts_upper(candidate) || !starts_with_body_name(candidate) ||
          split_words(candidate).size() > 14)
        continue;
      std::string_view body = body_of_authority(candidate);
      // The standing committee of an organisation speaks for it (it signs "TM. Ban Thường
      // vụ"): the body is the organisation ("Ban Thường vụ Hội Khuyến học X").
      std::string_view named = body;
      if (fold_key(body).starts_with("ban thuong vu ") && split_words(body).size() > 3) {
        const auto words = split_words(body);
        named = trim(body.substr(static_cast<std::size_t>(words[3].data() - body.data())));
        if (starts_with_body_name(named) && starts_upper(named)) body = named;
      }
      // A kind named without a proper name ("Ban Thường vụ Công đoàn ngành": no word after
      // the kind's first is capitalised) names no one body.
      const auto words = split_words(named);
      if (std::none_of(words.begin() + 1, words.end(),
                       [](std::string_view word) { return starts_upper(word); }))
        continue;
      return expand_abbreviations(body);
    }
  }
  return std::nullopt;
}

std::optional<Adoption> adopting_body(std::string_view flowed_body) {
  constexpr std::string_view kPassed = " này đã được ";
  for (std::size_t at = flowed_body.find(kPassed); at != std::string_view::npos;
       at = flowed_body.find(kPassed, at + 1)) {
    // The type right before "này": the text's name for itself.
    const std::string lowered_before =
        lower_same_length(flowed_body.substr(at >= 40 ? at - 40 : 0, at >= 40 ? 40 : at));
    const DocumentType* type = nullptr;
    for (const DocumentType& candidate : document_types()) {
      if (!candidate.heads_documents) continue;
      const std::string name = lower(candidate.name);
      if (!std::string_view(lowered_before).ends_with(name)) continue;
      const std::size_t before = lowered_before.size() - name.size();
      if (before > 0 && lowered_before[before - 1] != ' ') continue;
      if (type == nullptr || candidate.name.size() > type->name.size()) type = &candidate;
    }
    if (type == nullptr) continue;
    std::string_view rest = flowed_body.substr(at + kPassed.size(), 400);
    const std::string lowered = lower_same_length(rest);
    const std::size_t passed = lowered.find(" thông qua");
    if (passed == std::string::npos) continue;
    rest = rest.substr(0, passed);
    // The body ends before its term ("khóa XVI"), its session or the country's name.
    std::size_t end = rest.size();
    for (std::string_view stop :
         {std::string_view{","}, std::string_view{" khóa "}, std::string_view{" khoá "},
          std::string_view{" kỳ họp"}, std::string_view{" tại "}, std::string_view{" nước "}})
      end = std::min(end, lowered.substr(0, rest.size()).find(stop));
    const std::string candidate = collapse_spaces(std::string(trim(rest.substr(0, end))));
    if (candidate.empty() || !starts_upper(candidate) || !starts_with_body_name(candidate) ||
        split_words(candidate).size() > 12)
      continue;
    return Adoption{type, expand_abbreviations(candidate)};
  }
  return std::nullopt;
}

}  // namespace vanban::analyzers::structure
