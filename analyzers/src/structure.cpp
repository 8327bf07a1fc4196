// Document-structure analysis: puts the parts together (header, title, signature, recipients,
// issuer fallbacks, citations). Each part lives in src/structure/.
#include "vanban/analyzers/structure.hpp"

#include <algorithm>
#include <array>

#include "vanban/analyzers/symbol.hpp"

#include "structure/body_names.hpp"
#include "structure/citations.hpp"
#include "structure/facet_values.hpp"
#include "structure/fenced.hpp"
#include "structure/headless.hpp"
#include "structure/layout.hpp"
#include "structure/lost_letters.hpp"
#include "structure/no_diacritics.hpp"
#include "structure/parts.hpp"
#include "structure/reading_order.hpp"
#include "structure/recognition_slips.hpp"
#include "structure/text.hpp"

namespace vanban::analyzers {
namespace {

// The keys of the numbers the header gives as the document's own: a line of the header zone
// that opens with "Số" ("Số: 296/BHXH-CSYT", "Số 221-KL/TW", "Luật số: 51/2024/QH15"), its
// first symbol. The zone is the lines before the body, or the first lines when the header was
// not found; a web page's title above it ("Công văn 296/BHXH-CSYT năm 2021 ...") repeats it.
std::vector<std::string> header_number_keys(const structure::Layout& layout,
                                            std::size_t body_line) {
  using namespace structure;
  constexpr std::size_t kUnknownZone = 12;  // lines: ô 1-5 of ND30 and a title above them
  std::vector<std::string> keys;
  std::size_t seen = 0;
  for (std::size_t i = 0; i < layout.lines.size(); ++i) {
    if (body_line > 0 ? i >= body_line : seen >= kUnknownZone) break;
    if (layout.skip(i)) continue;
    const std::string_view line = trim(layout.lines[i]);
    if (line.empty()) continue;
    ++seen;
    const std::string folded = fold_key(line.substr(0, 24));
    const std::size_t so = folded.find("so");
    if (so == std::string::npos || so > 12 ||
        (so + 2 < folded.size() && folded[so + 2] >= 'a' && folded[so + 2] <= 'z'))
      continue;
    if (so > 0 && !starts_with(folded, "luat so") && !starts_with(folded, "phap lenh so") &&
        !starts_with(folded, "bo luat so"))
      continue;
    const std::vector<SymbolMatch> symbols = find_symbols(line);
    if (symbols.empty()) continue;
    // A statute's number line ("Luật số: 10/2022/QH15") has its colon or stands alone; a line
    // that a wrapped title or "Căn cứ" clause begins with lists laws ("Luật số 61/2024/QH15,
    // Luật số 95/2025/QH15 và ...") that the document cites.
    if (so > 0 && folded.compare(so + 2, 1, ":") != 0 && folded.compare(so + 2, 2, " :") != 0 &&
        !trim(line.substr(symbols.front().end)).empty())
      continue;
    keys.push_back(symbols.front().key);
  }
  return keys;
}

// The numbers an annex after the signature gives as the text it belongs to: ND30 Phụ lục III
// heads a text's annex (phụ lục, a regulation a decision issues, a list) with "(Kèm theo <type> số
// <number> ngày ... của ...)" or "(Ban hành kèm theo <type> số ...)", naming the text itself. A
// heading line only (the parenthesis or the words open it), of the document's own type when that
// is known; the first symbol after "số".
std::vector<std::string> annex_heading_number_keys(const structure::Layout& layout,
                                                   std::size_t from_line,
                                                   const std::optional<std::string>& type) {
  using namespace structure;
  std::vector<std::string> keys;
  for (std::size_t i = from_line; i < layout.lines.size(); ++i) {
    if (layout.skip(i)) continue;
    std::string_view line = trim(layout.lines[i]);
    if (line.size() < 20 || line.size() > 400) continue;
    if (line.front() == '(') line = trim(line.substr(1));
    if (line.empty() ||
        (line.front() != 'K' && line.front() != 'k' && line.front() != 'B' && line.front() != 'b'))
      continue;
    const std::string lowered = lower_same_length(line.substr(0, 120));
    std::size_t at = 0;
    if (starts_with(lowered, "kèm theo "))
      at = std::string_view("kèm theo ").size();
    else if (starts_with(lowered, "ban hành kèm theo "))
      at = std::string_view("ban hành kèm theo ").size();
    else
      continue;
    const std::size_t so = lowered.find(" số", at);
    if (so == std::string::npos) continue;
    const DocumentType* named = type_by_name(line.substr(at, so - at));
    if (!named || (type && *type != named->name)) continue;
    const std::vector<SymbolMatch> symbols = find_symbols(line);
    if (!symbols.empty()) keys.push_back(symbols.front().key);
  }
  return keys;
}

// True for the line of the Quốc hiệu, the Party's name or the number: where the document's own
// header begins (what a web page puts above it, its title, an editor's note or a list of
// related documents, is not the document's text).
bool opens_header(std::string_view line) {
  const std::string folded = structure::fold_key(line);
  if (folded.find("cong hoa xa hoi chu nghia viet nam") != std::string::npos ||
      folded.find("dang cong san viet nam") != std::string::npos)
    return true;
  return structure::starts_with(folded, "so:") ||
         (structure::starts_with(folded, "so ") && folded.size() > 3 && folded[3] >= '0' &&
          folded[3] <= '9');
}

// The header zone as text to read citations in, from the line that opens the header: its
// cells are sentences of their own ("Đà Nẵng, ngày ..." does not go on a V/v subject's issuer),
// but a line in lower case goes on the cell above it ("V/v triển khai Quy định số 429-QĐ/TU" /
// "ngày 01/7/2022 của ...").
std::string header_zone_text(const structure::Layout& layout, std::size_t body_line) {
  std::string text;
  const std::size_t zone_end = std::min(body_line, layout.lines.size());
  std::size_t start = zone_end;
  for (std::size_t i = 0; i < zone_end && start == zone_end; ++i)
    if (!layout.skip(i) && opens_header(layout.lines[i])) start = i;
  // Without Quốc hiệu or number, the type title opens it; without that, the first line.
  if (start == zone_end) {
    const structure::DocumentType* type = nullptr;
    std::string rest;
    const std::size_t type_line = structure::find_type_line(layout, &type, &rest);
    start = type_line < zone_end ? type_line : 0;
  }
  for (std::size_t i = start; i < zone_end; ++i) {
    if (layout.skip(i)) continue;
    const std::string line = layout.flowed_body(i, i + 1);
    if (line.empty()) continue;
    if (!text.empty()) text += structure::starts_lower(line) ? " " : ". ";
    text += line;
  }
  if (!text.empty()) text += ". ";
  return text;
}

// The Youth Union's header title ("ĐOÀN TNCS HỒ CHÍ MINH", right of the issuer cell as the
// Party's name is in a Party header; Quy định 367-QĐ/TWĐTN) names the organisation whose
// committee the issuer cell names ("BAN CHẤP HÀNH TRUNG ƯƠNG"): "Ban Chấp hành Trung ương Đoàn
// TNCS Hồ Chí Minh", not the Party's committee of the same name.
std::optional<std::string> youth_union_committee(const structure::Layout& layout,
                                                 std::size_t body_line, const std::string& issuer) {
  using namespace structure;
  const std::string key = fold_key(issuer);
  static constexpr std::array kCommittees = {
      std::string_view{"ban chap hanh trung uong"}, std::string_view{"ban chap hanh"},
      std::string_view{"ban thuong vu"}, std::string_view{"ban bi thu"},
      std::string_view{"ban bi thu trung uong"}};
  if (std::find(kCommittees.begin(), kCommittees.end(), key) == kCommittees.end())
    return std::nullopt;
  const std::size_t end = std::min(body_line, layout.lines.size());
  for (std::size_t i = 0; i < end; ++i) {
    const std::string_view line = trim(layout.lines[i]);
    if (!is_upper_text(line)) continue;
    const std::string folded = fold_key(line);
    if (folded == "doan tncs ho chi minh" || folded == "doan thanh nien cong san ho chi minh")
      return issuer + " " + proper_case_name(line);
  }
  return std::nullopt;
}

}  // namespace

DocumentMetadata extract_metadata(std::string_view whole_text) {
  using namespace structure;
  // A Markdown note that files the document's text in a fenced block beside the tool's own
  // fields and summary: the document is the block.
  const std::optional<std::string_view> fenced = fenced_document(whole_text);
  const std::string_view nfc_text = fenced ? *fenced : whole_text;
  // A converter that dropped every letter outside ASCII: the structure words written back
  // where their surviving letters prove them.
  // A font's look-alike of a Vietnamese letter ("ƣ" for "ư") written as the letter.
  const std::optional<std::string> font_mended = with_font_look_alikes_mended(nfc_text);
  const std::string_view input = font_mended ? std::string_view(*font_mended) : nfc_text;
  const std::optional<std::string> restored = restore_lost_letters(input);
  // The parts in reading order, one a line, whatever line breaks the converter left.
  const std::string_view restored_text = restored ? std::string_view(*restored) : input;
  // A text that lost every diacritic (an OCR layer without marks, a text typed without them):
  // the structure words and the tables' names written back where their folded words prove them.
  const std::optional<std::string> marks_back =
      restored ? std::nullopt : restore_diacritics(restored_text);
  const bool without_diacritics = marks_back.has_value();
  const std::string_view source = marks_back ? std::string_view(*marks_back) : restored_text;
  // A scan read by OCR: the structure words whose marks the engine lost or swapped, and digits
  // it read as letters inside a date or number, mended where the domain fixes the word.
  const std::optional<std::string> mended = mend_recognition_slips(source);
  const std::string ordered = reading_order_text(mended ? std::string_view(*mended) : source);
  const Layout layout = analyze_layout(ordered);
  Header header = analyze_header(layout);
  const Signature signature = analyze_signature(layout, header.body_line);

  // A reprint that prints its number, date, issuer and trích yếu in one heading above the
  // preamble (the gazette's, an archive's), whatever of ô 1-2 it kept.
  if (!header.number && !header.date) {
    const HeadlessIdentity heading = identity_from_heading(layout);
    if (heading.number) {
      if (!header.type) header.type = heading.type;
      header.number = heading.number;
      header.date = heading.date;
      // The heading's trích yếu after its issuer, over the heading line read as a title.
      if (heading.title) header.title = heading.title;
      if (!header.issuer) header.issuer = heading.issuer;
      if (header.type && !header.type_code && !header.type->state_code.empty())
        header.type_code = std::string(header.type->state_code);
    }
  }

  // A text without its header (a page that starts with the body): what the rest tells.
  // An issuer cell that names no body, under no number and no date, is a page's line taken for
  // ô 1 (a portal's section name, "CHỈ ĐẠO ĐIỀU HÀNH"): the text has no header.
  // So is the page's banner above a portal's card of the document (its number and date under
  // the type heading): the issuer is read as on a page without header.
  if (((!header.number && !header.date) || header.card) && header.issuer &&
      !starts_with_body_name(*header.issuer) && !known_name_at(*header.issuer, 0))
    header.issuer.reset();
  // A portal's copy that kept the enacting authority's line or a type heading but lost ô 3-4:
  // the page's title line names the document (headless.cpp, identity_from_portal_title). A text
  // without any issuer line reads it among the rest of what a headless page tells, below.
  if (!header.number && !header.date && header.issuer) {
    const HeadlessIdentity portal = identity_from_portal_title(layout);
    if (portal.type &&
        (!header.type || header.type == portal.type || portal.type == type_by_name("Công văn"))) {
      if (!header.type) header.type = portal.type;
      header.number = portal.number;
      header.date = portal.date;
      if (!header.title) header.title = portal.title;
      if (header.number) {
        std::string code;
        const bool party = header.number->find('-') < header.number->find('/');
        if (type_from_number(*header.number, party, &code) == header.type && !code.empty())
          header.type_code = code;
      }
      if (header.type && !header.type_code && !header.type->state_code.empty())
        header.type_code = std::string(header.type->state_code);
    }
  }
  const bool headless = ((!header.number && !header.date) || header.card) && !header.issuer;
  std::optional<std::string> headless_issuer;
  std::optional<std::string> headless_signer;
  std::optional<std::string> headless_signer_title;
  bool salutation = false;
  if (headless) {
    const HeadlessIdentity identity = identify_headless(layout, header.body_line);
    if (!header.type) header.type = identity.type;
    if (identity.number && !header.number) {
      header.number = identity.number;
      std::string code;
      const bool party = identity.number->find('-') < identity.number->find('/');
      const DocumentType* numbered = type_from_number(*identity.number, party, &code);
      // A number that begins with its issuer's code is a công văn's (ND30 Phụ lục III).
      if (!header.type) header.type = numbered;
      if (numbered == header.type && !code.empty()) header.type_code = code;
    }
    if (!header.date) header.date = identity.date;
    // A lead's subject ends with its sentence, where a V/v read as a header cell runs on.
    if (!header.title ||
        (!header.card && identity.title && header.title->starts_with(*identity.title)))
      header.title = identity.title;
    headless_issuer = identity.issuer;
    salutation = identity.salutation;
    headless_signer = identity.signer;
    headless_signer_title = identity.signer_title;
    if (header.type && !header.type_code && !header.type->state_code.empty())
      header.type_code = std::string(header.type->state_code);
  }

  DocumentMetadata metadata;
  // A type read late (from the body of a text without its header), with its table code.
  const auto set_type = [&](const DocumentType* type) {
    if (type == nullptr) return;
    header.type = type;
    metadata.type = std::string(type->name);
    if (!type->state_code.empty() && !metadata.type_code)
      metadata.type_code = std::string(type->state_code);
  };
  if (header.type) metadata.type = std::string(header.type->name);
  metadata.type_code = header.type_code;
  metadata.number = header.number;
  // ND30 Phụ lục III gives a công văn no type code: a State number's "CV" ("14/CV-HKH", as
  // agencies still write it) names a công văn but is no code of its type. The Party's công văn
  // has its code (HD 36: "234-CV/BTGTU"; docs/domain.md §3.3: "Unlike ND30, Party công văn has
  // CV").
  if (metadata.type == "Công văn" && metadata.type_code == "CV" &&
      !(header.number && header.number->find('-') < header.number->find('/')))
    metadata.type_code.reset();
  if (header.number) metadata.number_key = symbol_key(*header.number);
  metadata.place = header.place;
  metadata.date = header.date;
  metadata.title = header.title;
  // A trích yếu (ND30 ô 5a, 5b) names the document; it is no sentence and ends with no full
  // stop ("... tỉnh Bình Thuận." as a page or a converter left it). An ellipsis stays.
  // Nor does it open with the colon a page sets after the type heading ("HƯỚNG DẪN: Công tác
  // ..."): the colon is the heading's.
  if (metadata.title && metadata.title->starts_with(":")) {
    metadata.title = std::string(trim(metadata.title->substr(1)));
    if (metadata.title->empty()) metadata.title.reset();
  }
  if (metadata.title && metadata.title->ends_with(".") && !metadata.title->ends_with("..")) {
    metadata.title->pop_back();
    while (!metadata.title->empty() && metadata.title->back() == ' ')
      metadata.title->pop_back();
    if (metadata.title->empty()) metadata.title.reset();
  }
  // Nor does it close with a quotation mark it never opened: a page that quotes the whole
  // "V/v" cell ("“V/v Triển khai ... 22/7/2018”") leaves the closing mark on the subject when
  // the marker and its opening mark are taken off. A quotation inside it stays.
  if (metadata.title) {
    for (std::string_view mark : {std::string_view{"”"}, std::string_view{"\""}}) {
      if (!metadata.title->ends_with(mark)) continue;
      const std::string_view opening = mark == "”" ? "“" : "\"";
      const std::string_view inner(metadata.title->data(), metadata.title->size() - mark.size());
      if (inner.find(opening) != std::string_view::npos) break;
      metadata.title->resize(inner.size());
      while (!metadata.title->empty() && metadata.title->back() == ' ')
        metadata.title->pop_back();
      if (metadata.title->empty()) metadata.title.reset();
      break;
    }
  }
  metadata.signer = signature.signer;
  metadata.signer_title = signature.signer_title;
  if (!metadata.signer && headless_signer) {
    metadata.signer = headless_signer;
    if (!metadata.signer_title) metadata.signer_title = headless_signer_title;
  }
  if (!metadata.signer) metadata.signer = signer_from_page(input);
  if (!metadata.signer) metadata.signer = signer_by_signed_mark(layout, header.body_line);
  // A signer is a person's name (ô 7c): one the reading garbled (an OCR line, letters a
  // converter dropped) is no name the text gives.
  if (metadata.signer && !is_personal_name(*metadata.signer) &&
      !(without_diacritics && is_bare_personal_name(*metadata.signer)))
    metadata.signer.reset();
  metadata.signing_authority = signature.signing_authority;
  metadata.recipients = find_recipients(layout, signature.line);

  const std::string body = layout.flowed_body(header.body_line);
  // The issuer: header, else the opening sentence of the body, else the collective body the
  // signer signs for ("TM. ỦY BAN NHÂN DÂN").
  metadata.issuer = header.issuer;
  // An issuer cell that names no kind of body (a scan's receipt stamp over ô 2 read as "LAI _
  // TRAOIHHAE J/3IU,") gives way to the body the enacting sentence names ("Chính phủ ban hành
  // Nghị định ...", the text's own words for who issues it).
  // Only a body named in full: a known name ("Chính phủ") or a kind and its proper name, not a
  // kind alone ("Ban xây dựng kế hoạch").
  if (metadata.issuer && !starts_with_body_name(*metadata.issuer) && header.type)
    if (auto enacting = issuer_from_body(body, header.type)) {
      const auto words = split_words(*enacting);
      const auto known = known_name_at(*enacting, 0);
      if (words.size() >= 2 &&
          ((known && known->end == enacting->size()) ||
           std::any_of(words.begin() + 1, words.end(),
                       [](std::string_view word) { return starts_upper(word); })))
        metadata.issuer = std::move(enacting);
    }
  if (!metadata.issuer) metadata.issuer = headless_issuer;
  // A resolution or a law that lost its header closes with the sentence that adopted it ("Nghị
  // quyết này đã được Hội đồng nhân dân tỉnh X khóa XVII, kỳ họp thứ Năm thông qua"): its body
  // in full, and its type.
  if (!header.issuer && !header.number && (!metadata.issuer || !header.type)) {
    if (const auto adoption = adopting_body(body);
        adoption && (!header.type || header.type == adoption->type)) {
      if (!metadata.issuer) metadata.issuer = adoption->body;
      if (!header.type) set_type(adoption->type);
    }
  }
  // A page without its header: the sentence that names the issuer may stand above the line
  // the body was taken to start at (a portal's lead, the opening under a headline).
  const DocumentType* introduced = nullptr;
  if (!metadata.issuer) {
    if (headless && header.body_line > 0) {
      // The lines above it, then the body's opening (issuer_from_body reads its first 5000
      // bytes).
      std::string opening = layout.flowed_body(0, header.body_line);
      opening += ' ';
      opening.append(body, 0, std::min<std::size_t>(body.size(), 5000));
      metadata.issuer = issuer_from_body(opening, header.type, &introduced);
    } else {
      metadata.issuer = issuer_from_body(body, header.type, &introduced);
    }
    // A page without its header whose opening sentence issues a text of a type ("Thường trực
    // HĐND xã xây dựng Kế hoạch tiếp xúc cử tri ...") is that text.
    if (headless && metadata.issuer && !header.type && introduced) set_type(introduced);
  }
  // A letter's page without its header: nothing named its type, but it has its addressees
  // (ND30 ô 9a, "Kính gửi:", the công văn's; Mẫu 1.5).
  if (headless && !header.type && salutation) set_type(type_by_name("Công văn"));
  if (!metadata.issuer) metadata.issuer = unit_label_issuer(layout);
  if (!metadata.issuer) metadata.issuer = signature.collective;
  if (metadata.issuer) {
    if (auto committee = youth_union_committee(layout, header.body_line, *metadata.issuer))
      metadata.issuer = std::move(committee);
    // One value per body in the issuer facet: a Party committee by the short name the Statute
    // gives it ("Ban Chấp hành Đảng bộ tỉnh Thái Nguyên" of a congress print's cover is the
    // "Tỉnh ủy Thái Nguyên" of its documents' ô 2).
    if (auto short_name = party_committee_short_name(*metadata.issuer))
      metadata.issuer = std::move(short_name);
    if (auto branch = association_branch(*metadata.issuer)) metadata.issuer = std::move(branch);
    if (auto school = school_of_its_board(*metadata.issuer)) metadata.issuer = std::move(school);
    if (auto placed = committee_with_place(*metadata.issuer, ordered))
      metadata.issuer = std::move(placed);
    else if (auto local = body_with_place(*metadata.issuer, ordered))
      metadata.issuer = std::move(local);
    else if (auto office = district_office_with_place(*metadata.issuer, ordered))
      metadata.issuer = std::move(office);
    metadata.issuer = one_body(*metadata.issuer, metadata.place);
  }
  if (metadata.issuer) {
    std::string respelled = spelled_as_in_text(*metadata.issuer, ordered);
    // A name given its place from the chủ quản line (a Sở's centre) is written in the text
    // without it: the name before the place is spelled as the text writes it, the place kept.
    if (respelled == *metadata.issuer) {
      for (std::string_view level : {" thành phố ", " tỉnh "}) {
        const std::size_t at = respelled.rfind(level);
        if (at == std::string::npos || at == 0) continue;
        const std::string name = respelled.substr(0, at);
        const std::string name_respelled = spelled_as_in_text(name, ordered);
        if (name_respelled != name) respelled = name_respelled + respelled.substr(at);
        break;
      }
    }
    metadata.issuer = std::move(respelled);
    if (metadata.place) metadata.issuer = with_place_marks_of(*metadata.issuer, *metadata.place);
    // A value whose words no body's name holds (a garbled OCR line) names no body.
    if (!is_written_in_words(*metadata.issuer)) metadata.issuer.reset();
    // Read from a text without diacritics, a name a word of which no table proves (a district's
    // name whose marks cannot be known) is none: the facet lists bodies as they are spelled.
    if (without_diacritics && metadata.issuer && !is_proved_name(*metadata.issuer))
      metadata.issuer.reset();
  }
  if (without_diacritics && metadata.place && !is_proved_name(*metadata.place))
    metadata.place.reset();

  // Citations: the header zone too, so that citations in the first lines of a body whose
  // header runs together with it are read ("... Kính gửi: ... Thực hiện Công văn số ..."), the
  // title (which may cite: "Sửa đổi ... Thông tư số 28/2015/TT-BLĐTBXH ...") and the body, each
  // a sentence of its own; the document's own number, as the header gives it, is no citation.
  // A question-and-answer page without its header: the petition above the answer's label is the
  // asker's text, and the documents it names are not the answer's citations.
  const std::size_t answer = headless ? answer_label_line(layout) : layout.lines.size();
  std::string cited_text =
      answer < layout.lines.size() ? std::string() : header_zone_text(layout, header.body_line);
  if (metadata.title) cited_text += *metadata.title + ". ";
  RoleContext roles{metadata.type, 0, 0};
  const bool consolidated = metadata.type_code == "VBHN" || metadata.type == "Văn bản hợp nhất";
  if (consolidated) {
    // Its opening statement, before the base text's "Căn cứ" lines or first article, names
    // the texts it consolidates.
    const std::size_t opening_end = std::min(body.find("Căn cứ"), body.find("Điều 1"));
    if (opening_end != std::string::npos)
      roles = RoleContext{metadata.type, cited_text.size(), cited_text.size() + opening_end};
  }
  cited_text += answer < layout.lines.size() ? layout.flowed_body(answer + 1) : body;
  metadata.citations =
      extract_citations(cited_text, layout.footnotes, metadata.number_key, metadata.date, roles);
  if (consolidated) {
    // A consolidated text acts on nothing: the amendments, repeals and replacements it
    // reproduces are those of the texts it consolidates.
    for (Citation& citation : metadata.citations) {
      std::vector<Relation> kept;
      for (Relation& relation : citation.relations) {
        if (relation.type != kRelationBasedOn && relation.type != kRelationConsolidates)
          relation.type = kRelationMentions;
        if (std::none_of(kept.begin(), kept.end(),
                         [&](const Relation& k) { return k.type == relation.type; }))
          kept.push_back(std::move(relation));
      }
      if (kept.size() > 1)
        std::erase_if(kept, [](const Relation& r) { return r.type == kRelationMentions; });
      citation.relations = std::move(kept);
    }
  }
  EffectDates stated = find_effect_dates(body, metadata.date);
  metadata.effective = std::move(stated.effective);
  metadata.expires = std::move(stated.expires);
  const std::vector<std::string> own_numbers = header_number_keys(layout, header.body_line);
  std::erase_if(metadata.citations, [&](const Citation& citation) {
    return citation.number_key && (!citation.date || citation.date == metadata.date) &&
           std::find(own_numbers.begin(), own_numbers.end(), *citation.number_key) !=
               own_numbers.end();
  });
  // The text its own annex names after the signature is the document itself, when the header
  // gave no other number (a scan's number may be unread) nor another date (a header's date
  // whose day is blank or unread is its month's).
  if (signature.line != static_cast<std::size_t>(-1)) {
    const std::vector<std::string> annexed =
        annex_heading_number_keys(layout, signature.line, metadata.type);
    std::erase_if(metadata.citations, [&](const Citation& citation) {
      return citation.number_key &&
             (!metadata.number_key || metadata.number_key == citation.number_key) &&
             (!citation.date || !metadata.date || citation.date->starts_with(*metadata.date)) &&
             std::find(annexed.begin(), annexed.end(), *citation.number_key) != annexed.end();
    });
  }
  // A statute names itself ("Quốc hội ban hành Luật Thực hiện dân chủ ở cơ sở."): not a citation.
  if (header.type && header.type->cited_by_name && metadata.title) {
    const std::string own = law_key(std::string(header.type->name) + " " + *metadata.title);
    std::erase_if(metadata.citations, [&](const Citation& citation) {
      return !citation.number && citation.number_key == own;
    });
  }
  // A constitution's own text names itself ("Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam
  // là Luật cơ bản ...", with its own year or none); the earlier constitutions its preamble
  // names by their years are citations ("Kế thừa Hiến pháp năm 1946, năm 1959 ..."). A text
  // without its header is a constitution when it speaks of "Hiến pháp này".
  if (header.type ? header.type->name == "Hiến pháp"
                  : body.find("Hiến pháp này") != std::string::npos) {
    const std::optional<std::string> year =
        metadata.date ? std::optional(metadata.date->substr(0, 4)) : std::nullopt;
    std::erase_if(metadata.citations, [&](const Citation& citation) {
      return !citation.number && citation.type == "Hiến pháp" &&
             (!citation.date || citation.date->substr(0, 4) == year);
    });
  }
  return metadata;
}

}  // namespace vanban::analyzers
