// Invariance over the real documents (issue 11, session 17): every annotated document of the
// study splits (tests/analyzers/real, the splits floors.json does not hold out; the held-out
// ones are not even read) and the gold documents of ../shared/corpus (seeds and gazette, skipped
// without the corpus) is written in each layout family of tests/support/layout_renderer.hpp and
// in each dress of tests/support/text_debris.hpp (line ends, invisible characters, encodings,
// footnote markers, page furniture, hard wraps). Each rendering is extracted and compared with
// the extraction of the document as it came, not with its annotation: the point is that the
// same document gives the same fields and citations whatever its layout, encoding or format.
// Prints per family how many documents change, and which field or citations; fails when the
// share of documents unchanged falls under a family's floor (kFloors below).
//
//   build/tests/test_analyzers --gtest_filter='InvarianceSweep.*'
//   VANBAN_SWEEP_VERBOSE=1 (same command)   every difference, document by document
//   VANBAN_SWEEP_FAMILY=<name>              one family only (no floors checked)
//   VANBAN_SWEEP_DUMP=<dir>                 writes each rendering that changes, and its
//                                           document as it came, to <dir>/<family>/ (to run
//                                           `vanban extract` on them)
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "vanban/analyzers/fold.hpp"
#include "vanban/analyzers/normalize.hpp"
#include "vanban/analyzers/structure.hpp"

#include "annotated_documents.hpp"
#include "layout_renderer.hpp"
#include "legacy_encoder.hpp"
#include "real_annotations.hpp"
#include "sanitizer_stride.hpp"
#include "structure/reading_order.hpp"
#include "test_support.hpp"
#include "text_debris.hpp"

namespace vanban::analyzers {
namespace {

struct SweepDocument {
  std::string name;
  std::string text;  // NFC, as decode_text gives the stored file
  bool real = true;  // a real document of a study split; false for the corpus's gold
  nlohmann::json gold = nlohmann::json::object();  // its annotated fields (kAnnotatedFields)
};

// The real documents of the study splits and the corpus's gold documents. A held-out split's
// documents are skipped before their text is read.
std::vector<SweepDocument> sweep_documents() {
  const std::set<std::string> held_out = testing::held_out_splits(
      nlohmann::json::parse(testing::read_file(testing::real_documents_dir() / "floors.json")));
  std::vector<SweepDocument> documents;
  for (const auto& path : testing::real_annotation_paths()) {
    const auto gold = nlohmann::json::parse(testing::read_file(path));
    if (held_out.contains(gold.at("split").get<std::string>())) continue;
    const auto text_path = path.parent_path() / gold.at("source").get<std::string>();
    documents.push_back({path.parent_path().filename().string() + "/" + path.stem().string(),
                         decode_text(testing::read_file(text_path)).text, true,
                         gold.at("metadata")});
  }
  for (testing::AnnotatedDocument& document : testing::annotated_documents())
    if (document.source != "fixtures")
      documents.push_back({document.source + "/" + document.name, std::move(document.text), false,
                           std::move(document.fields)});
  return documents;
}

// One rendering: the bytes a user's file would hold, and (for an encoding that cannot say every
// character) the text whose extraction it is compared with; otherwise the document's own.
struct Rendering {
  std::string bytes;
  std::optional<std::string> baseline;
  bool without_diacritics = false;  // compared by the convention of a text without them
  // What the rendering must give, where it is not the document's own extraction (a family that
  // drops a part of the document), and the fields not compared.
  std::optional<nlohmann::json> expected = std::nullopt;
  std::set<std::string> unjudged = {};
};

struct Context {
  const SweepDocument& document;
  const testing::DocumentParts& parts;  // read from the text, or from its reading order
  const nlohmann::json& own;
};

using Family = std::function<std::optional<Rendering>(const Context&)>;

// The lines of a page above its header as written: a portal's title and metadata table ("|
// Người ký | Dương Minh Điều |"), up to the first line that opens with two words in capitals (the
// issuer's cell, or the national name). The reading order leaves them out of the header it
// orders, but a page laid out anew keeps them, as any converter would: a rendering built from the
// reading order's parts puts them back, or the signer a portal's table states is lost with them.
std::vector<std::string> lines_above_header(std::string_view text) {
  const std::vector<std::string> lines = testing::layout_detail::split_lines(text);
  for (std::size_t i = 0; i < lines.size() && i < 60; ++i) {
    std::string_view line = lines[i];
    while (!line.empty() && (line.front() == '|' || line.front() == '*' || line.front() == '#' ||
                             line.front() == ' '))
      line.remove_prefix(1);
    const auto words = testing::layout_detail::words(line);
    if (words.size() < 2 || !testing::layout_detail::is_upper_text(words[0]) ||
        !testing::layout_detail::is_upper_text(words[1]))
      continue;
    std::vector<std::string> above;
    for (std::size_t k = 0; k < i; ++k)
      if (!testing::layout_detail::trim(lines[k]).empty()) above.push_back(lines[k]);
    return above;
  }
  return {};
}

// The renderer's layouts: a header family applies when the renderer read a header, the
// signature families when it found the signature block; every rendering must differ from the
// text as it came.
Family layout_family(testing::Layout layout) {
  return [layout](const Context& context) -> std::optional<Rendering> {
    using testing::Layout;
    const bool signature_family = layout == Layout::signature_one_line ||
                                  layout == Layout::markdown || layout == Layout::pandoc;
    const bool body_family = layout == Layout::wrapped;
    if (!context.parts.has_header() && !body_family &&
        !(signature_family && context.parts.signature_end != 0))
      return std::nullopt;
    if (layout == Layout::signature_one_line && context.parts.signature_end == 0)
      return std::nullopt;
    std::string rendered = testing::render(context.parts, layout, testing::page_title(context.own));
    if (rendered == context.document.text || rendered == context.document.text + "\n")
      return std::nullopt;
    return Rendering{std::move(rendered), std::nullopt};
  };
}

Family text_family(std::string (*dress)(std::string_view)) {
  return [dress](const Context& context) -> std::optional<Rendering> {
    std::string bytes = dress(context.document.text);
    if (bytes == context.document.text) return std::nullopt;
    return Rendering{std::move(bytes), std::nullopt};
  };
}

// A field the annotation knows, as a string; empty when it has none or marks it "unknown".
std::string known(const nlohmann::json& gold, const char* field) {
  if (!gold.contains(field) || !gold.at(field).is_string()) return {};
  std::string value = gold.at(field).get<std::string>();
  return value == "unknown" ? std::string() : value;
}

// Session 32: a portal's copy without the header (render_portal_copy, layout_renderer.hpp),
// its title line written from the annotation. What the page must give, field by field:
// - type and type_code: the annotation's (the title line opens with the type);
// - number, date, issuer, title: the annotation's when the title line writes it (the date only
//   whole: "năm 2023" dates no day); otherwise what the page still carries elsewhere: the
//   annotation's value when its body alone (no title line, no posting line) gives it, else
//   null: `vanban extract` never invents a field the page does not carry;
// - place: the body's, by the same rule (the place and date line is gone with the header);
// - signer, signer_title, signing_authority, recipients: what the body alone gives (the body
//   and the signature are kept as they are; a signer a portal's table above the header named is
//   gone with it), so that the title line changes none of them;
// - the citations: the document's own (the title line names the document itself, no citation);
// - a field the annotation does not know ("unknown") is not compared.
// Applies to a document whose header the renderer read and whose type and title are annotated.
std::optional<Rendering> portal_copy(const Context& context) {
  const nlohmann::json& gold = context.document.gold;
  if (!context.parts.has_header()) return std::nullopt;
  testing::PortalIdentity identity{known(gold, "type"), known(gold, "number"), known(gold, "date"),
                                   known(gold, "issuer"), known(gold, "title")};
  if (identity.type.empty() || identity.title.empty()) return std::nullopt;
  const testing::PortalCopy copy =
      testing::render_portal_copy(context.parts, identity, context.document.name);
  const nlohmann::json body = extract_metadata(decode_text(copy.body).text);
  nlohmann::json expected = context.own;
  std::set<std::string> unjudged = {};
  const auto carried = [&](const char* field, bool written) {
    if (!gold.contains(field) || gold.at(field) == "unknown") {
      unjudged.insert(field);
      return;
    }
    expected[field] = written || body.at(field) == gold.at(field) ? gold.at(field) : nullptr;
  };
  carried("type", true);
  carried("type_code", true);
  carried("number", copy.number);
  carried("date", copy.date);
  carried("issuer", copy.issuer);
  carried("title", copy.title);
  carried("place", false);
  for (const char* field : {"signer", "signer_title", "signing_authority", "recipients"})
    expected[field] = body.at(field);
  return Rendering{copy.text, std::nullopt, false, std::move(expected), std::move(unjudged)};
}

std::vector<std::pair<std::string, Family>> families() {
  std::vector<std::pair<std::string, Family>> all;
  for (const testing::Layout layout : testing::kTextLayouts)
    all.emplace_back(std::string(testing::layout_name(layout)), layout_family(layout));
  all.emplace_back("portal_copy", portal_copy);
  all.emplace_back("crlf", text_family(testing::with_crlf));
  all.emplace_back("invisible_spaces", text_family(testing::with_invisible_spaces));
  all.emplace_back("soft_hyphens", text_family(testing::with_soft_hyphens));
  all.emplace_back("trailing_blanks", text_family(testing::with_trailing_blanks));
  all.emplace_back("nfd", text_family(testing::decomposed));
  all.emplace_back("utf16le", text_family(testing::utf16le));
  all.emplace_back("vni_bytes", [](const Context& context) -> std::optional<Rendering> {
    std::string representable;
    std::string bytes = testing::encode_vni(context.document.text, &representable);
    return Rendering{std::move(bytes), std::move(representable), false, std::nullopt, {}};
  });
  all.emplace_back("vni_in_utf8", [](const Context& context) -> std::optional<Rendering> {
    std::string representable;
    const std::string bytes = testing::encode_vni(context.document.text, &representable);
    return Rendering{
        testing::as_windows_1252_text(bytes), std::move(representable), false, std::nullopt, {}};
  });
  all.emplace_back("footnote_markers", text_family(testing::with_footnote_markers));
  all.emplace_back("page_numbers", text_family([](std::string_view text) {
                     return testing::with_page_furniture(text, false);
                   }));
  all.emplace_back("running_heads", text_family([](std::string_view text) {
                     return testing::with_page_furniture(text, true);
                   }));
  all.emplace_back("hard_wrap_64", text_family([](std::string_view text) {
                     return testing::hard_wrapped(text, 64);
                   }));
  // Session 26: the "Nơi nhận:" list run into one line after its items' ";" (text_debris.hpp).
  all.emplace_back("recipients_run_together", text_family(testing::recipients_run_together));
  all.emplace_back("no_diacritics", [](const Context& context) -> std::optional<Rendering> {
    std::string bytes = testing::without_diacritics(context.document.text);
    if (bytes == context.document.text) return std::nullopt;
    return Rendering{std::move(bytes), std::nullopt, true, std::nullopt, {}};
  });
  return all;
}

// What changed between two extractions: the fields that differ, and the citations' keys lost
// and gained (as multisets).
struct Difference {
  std::vector<std::string> fields;
  std::vector<std::string> lost;
  std::vector<std::string> gained;
  bool empty() const { return fields.empty() && lost.empty() && gained.empty(); }
};

// A value as a text without diacritics spells it: folded (lower case, no marks, đ as d), each
// string of a list too.
nlohmann::json folded_value(const nlohmann::json& value) {
  if (value.is_string()) return fold(value.get<std::string>());
  if (!value.is_array()) return value;
  nlohmann::json out = nlohmann::json::array();
  for (const nlohmann::json& item : value)
    out.push_back(folded_value(item));
  return out;
}

// The convention of a text that lost every diacritic (docs/EXTRACTION.md, "Text without
// diacritics"), as the gold conventions annotate such OCR layers: the values a vocabulary names
// (type, type_code, issuer, place) are the same as the document's own, written back from the
// tables of names; the date is the same; the number is as the text spells it (the document's own
// without its marks: "12/QD-UBND"); the free texts (title, signer, post, authority, recipients)
// are equal once folded, since nothing can write back a free text's marks; citations by key
// (symbol keys are folded already: "59/2023/nd-cp").
bool same_without_diacritics(const char* field, const nlohmann::json& want,
                             const nlohmann::json& got) {
  const std::string_view name = field;
  if (name == "number")
    return want.is_string() ? got == testing::without_diacritics(want.get<std::string>())
                            : got == want;
  if (name == "title" || name == "signer" || name == "signer_title" ||
      name == "signing_authority" || name == "recipients")
    return folded_value(want) == folded_value(got);
  return want == got;
}

Difference difference(const nlohmann::json& want, const nlohmann::json& got,
                      bool without_diacritics = false, const std::set<std::string>& unjudged = {}) {
  Difference diff;
  for (const char* field : testing::kAnnotatedFields) {
    if (unjudged.contains(field)) continue;
    if (without_diacritics ? !same_without_diacritics(field, want.at(field), got.at(field))
                           : want.at(field) != got.at(field))
      diff.fields.emplace_back(field);
  }
  std::vector<std::string> want_keys = testing::citation_keys(want);
  for (const std::string& key : testing::citation_keys(got)) {
    const auto found = std::find(want_keys.begin(), want_keys.end(), key);
    if (found != want_keys.end()) {
      want_keys.erase(found);
    } else {
      diff.gained.push_back(key);
    }
  }
  diff.lost = std::move(want_keys);
  return diff;
}

struct FamilyTally {
  int applicable = 0;
  int changed = 0;
  int real_applicable = 0;  // the real documents' share, which the floors hold
  int real_changed = 0;
  int citations_changed = 0;
  std::map<std::string, int> fields;  // documents whose field changed
};

// The share of the real documents (study splits) a family must leave unchanged: the figures
// measured when set (session 17, after its rules; lowered where unseen12's 20 documents joined
// the study splits in the same session; set again in session 18 after the rules for the signature
// on one line, the number on the next line and hard wraps, then lowered where unseen13's 18
// documents joined the study splits at the merge: merged_cells, one_line_header,
// signature_one_line, list_item; lowered again in session 19 where unseen14's 20 documents joined
// the study splits, to what main 9457f18 measures with them, the same documents changing under
// this session's rules: one_cell_a_line, merged_cells, one_line_header, number_next_line,
// page_title, stamped_number, list_item; lowered in session 22 where unseen17's 13 documents
// joined the study splits, to what main 18cec19 measures with them, the same documents changing
// under that session's rules: merged_cells, one_line_header, list_item; lowered in session 23
// where unseen18's 20 documents joined the study splits, to what main 82efb64 measures with them,
// the same documents changing under that session's rules: hard_wrap_64; in session 26
// unseen19's and unseen20's 21 documents joined the study splits and, with the post "Tổ trưởng"
// read, the seven documents main dca97de changes change still: signature_one_line 119/126, its
// floor kept); in session 27 unseen21's 12 documents joined the study splits: hard_wrap_64 to
// 366/400 (two of them change when wrapped, and Quảng An's notice, whose issuer the session's
// level-only formula reads, loses it where the wrap ends a line on the level word "xã"),
// no_diacritics to 71/397 (all twelve change without their marks, as most pages without header
// do), rounded down; in session 28 (branch s28-sweep) raised to what the renderer's fixes (a
// page's lines above a header read from the reading order kept, a table row's bar out of the
// cell, the national name read by its first words or broken over two lines) and the extractor's
// rules (a whole place and date continues no line above it, blank lines with tabs, an issuing
// body's kind after its managing body on one line, the wrap width) give; in session 29
// unseen23's 13 documents joined the study splits: hard_wrap_64 to 399/425 (three of them change
// when wrapped; every other line the wrap changes is main's, one fewer), no_diacritics to 73/422
// (twelve of them change without their marks, main's documents as before), rounded down; in
// session 30 (branch s30-families) raised to what the renderer's fixes (an issuer's cell broken
// after its first word kept the issuer's, one marker to a list item) and the extractor's rules (a
// damaged national name, a list item's number before a mark, specks before a one-line issuer)
// give, rounded down; raise them as extraction improves. The corpus's gold is reported beside them
// but held by no floor, so that the test holds the same without ../shared.
//
// In session 30 unseen24's 18 documents joined the study splits, every line of main's documents the
// same as main ca48c15 gives it: merged_cells and one_line_header to 230/243 (Hà Nội's letter,
// whose run-together chủ quản line the session reads, and Ngọc Thiện's decision, whose number
// with its blank type code the session reads, lose their issuer when the header's lines merge),
// rows to 235/243, list_item to 228/243, signature_one_line to 123/129 (Phong Bình's approval
// and signature columns on one line), hard_wrap_64 to 415/443, no_diacritics to 74/440, rounded
// down; on the merged tree (both branches) list_item and one_line_header 235/243, merged_cells
// 233/243, rows 238/243, signature_one_line 123/129, rounded down; raise them as extraction
// improves. The corpus's gold is reported beside them but held by no floor, so that
// the test holds the same without ../shared.
//
// In session 31 (branch s31-wrap) the line-wrap dresses raised to what the renderer's fix (a wrap
// keeps a line's own spacing) and the extractor's wrap rules give: wrapped 421/443 -> 427/443,
// hard_wrap_64 415/443 -> 425/443 (428/443 with the rules alone; four pages whose indentation or
// a cell's gap the wrap now keeps change, one is read), rounded down; every other family the same
// count. Then unseen25's 15 documents joined the study splits (s31-study), every line of the
// other documents the same as without them: on the merged tree list_item and one_line_header
// 239/249 (Tuổi Thơ's decision and Hòa Hiệp's plan lose their issuer when the header's lines
// merge), merged_cells 237/249, wrapped 440/458 (Tây Hồ's guidance and Bắc Giang's decision),
// hard_wrap_64 440/458, no_diacritics 76/455, rounded down.
//
// In session 32 unseen26's 10 documents joined the study splits (s32-study), every line of the
// other documents the same as without them: hard_wrap_64 448/468 (cinet's and sotuphap's pages
// change under the wrap), no_diacritics 76/465 (the same 76; every joined page changes without
// its marks), portal_copy 102/222 on the merged tree, rounded down.
const std::map<std::string, double>& floors() {
  static const std::map<std::string, double> values = {
      {"one_cell_a_line", 0.991},
      {"merged_cells", 0.951},
      {"one_line_header", 0.959},
      {"columns", 0.970},
      {"rows", 0.979},
      {"markdown", 0.988},
      {"split_cells", 0.987},
      {"number_next_line", 0.991},
      {"signature_one_line", 0.953},
      {"wrapped", 0.960},
      {"page_title", 0.991},
      {"pandoc", 0.988},
      {"stamped_number", 0.987},
      {"list_item", 0.959},
      // Session 32 (branch s32-headless): a portal's copy without its header, its title line
      // written from the annotation (portal_copy above, its own rule of what the page carries):
      // 25 of 219 unchanged before the session's portal title rule (with the sweep's first rule,
      // which compared the signature fields with the document's own), 101 of 219 after (0.461).
      {"portal_copy", 0.459},
      {"crlf", 0.999},
      {"invisible_spaces", 0.999},
      {"soft_hyphens", 0.999},
      {"trailing_blanks", 0.997},
      {"nfd", 0.999},
      {"utf16le", 0.999},
      {"vni_bytes", 0.992},
      {"vni_in_utf8", 0.992},
      {"footnote_markers", 0.999},
      {"page_numbers", 0.996},
      {"running_heads", 0.992},
      {"hard_wrap_64", 0.957},
      // Session 24: every diacritic dropped, compared by that family's convention
      // (same_without_diacritics); 10 of 365 unchanged before its rules, 68 after. Session 27:
      // two headerless outlines whose type (Đề cương) and title the marked text now gives and the
      // bare one cannot (no ô 1-4 proves a bare page, no_diacritics.cpp), and unseen21's twelve
      // pages joining the study splits, every one changed without its marks: 69 of 397 (0.174).
      {"no_diacritics", 0.163},
      // Session 26: 65 of 65 unchanged with the rule for items after ";-" (recipients.cpp).
      {"recipients_run_together", 0.999},
  };
  return values;
}

// The directory VANBAN_SWEEP_DUMP names; empty when unset.
std::filesystem::path dump_dir() {
  const char* value = std::getenv("VANBAN_SWEEP_DUMP");
  return value != nullptr ? std::filesystem::path(value) : std::filesystem::path();
}

void dump(const std::string& family, const SweepDocument& document, const Rendering& rendering) {
  const std::filesystem::path dir = dump_dir() / family;
  std::string stem = document.name;
  std::replace(stem.begin(), stem.end(), '/', '+');
  std::filesystem::create_directories(dir);
  testing::write_file(dir / (stem + ".rendered.txt"), rendering.bytes);
  testing::write_file(dir / (stem + ".original.txt"), rendering.baseline.value_or(document.text));
}

bool verbose() {
  const char* value = std::getenv("VANBAN_SWEEP_VERBOSE");
  return value != nullptr && *value != '\0' && std::string(value) != "0";
}

TEST(InvarianceSweep, every_study_document_extracts_the_same_in_every_layout_and_dress) {
  const std::vector<SweepDocument> all_documents = sweep_documents();
  ASSERT_GE(all_documents.size(), 100u);
  // Under the sanitizers (VANBAN_SANITIZER_STRIDE), every Nth document, and no floor: the plain
  // build checks them all.
  const std::size_t stride = testing::sanitizer_stride();
  std::vector<SweepDocument> documents;
  for (std::size_t i = 0; i < all_documents.size(); i += stride)
    documents.push_back(all_documents[i]);
  const char* only = std::getenv("VANBAN_SWEEP_FAMILY");
  const auto all_families = families();
  std::map<std::string, FamilyTally> tallies;
  int header_as_written = 0;
  int header_from_reading_order = 0;
  for (const SweepDocument& document : documents) {
    const nlohmann::json own = extract_metadata(document.text);
    const std::string signer = testing::own_signer(own);
    testing::DocumentParts parts = testing::read_parts(document.text, signer);
    if (parts.has_header()) {
      ++header_as_written;
    } else {
      testing::DocumentParts ordered =
          testing::read_parts(structure::reading_order_text(document.text), signer);
      if (ordered.has_header()) {
        parts = std::move(ordered);
        // The page's lines above the header as written, and the lines the reading order put
        // before the issuer that they do not hold.
        std::vector<std::string> before = lines_above_header(document.text);
        const std::string above = testing::layout_detail::join(before, "\n");
        for (const std::string& line : parts.before)
          if (above.find(testing::layout_detail::trim(line)) == std::string::npos)
            before.push_back(line);
        // An issuer's cell broken after its first word ("ỦY" / "BAN NHÂN DÂN" / "TỈNH ..."):
        // the word's line is the issuer's, which the reading order holds, not a line above it.
        const std::string issuer = testing::layout_detail::join(parts.issuer, " ");
        while (!before.empty() && !parts.issuer.empty()) {
          const std::string_view last = testing::layout_detail::trim(before.back());
          if (last.empty() || !issuer.starts_with(std::string(last) + " ")) break;
          before.pop_back();
        }
        parts.before = std::move(before);
        ++header_from_reading_order;
      }
    }
    const Context context{document, parts, own};
    for (const auto& [name, family] : all_families) {
      if (only != nullptr && name != only) continue;
      const std::optional<Rendering> rendering = family(context);
      if (!rendering) continue;
      const nlohmann::json want = rendering->expected ? *rendering->expected
                                  : rendering->baseline
                                      ? nlohmann::json(extract_metadata(*rendering->baseline))
                                      : own;
      const nlohmann::json got = extract_metadata(decode_text(rendering->bytes).text);
      const Difference diff =
          difference(want, got, rendering->without_diacritics, rendering->unjudged);
      FamilyTally& tally = tallies[name];
      ++tally.applicable;
      tally.real_applicable += document.real ? 1 : 0;
      if (diff.empty()) continue;
      ++tally.changed;
      tally.real_changed += document.real ? 1 : 0;
      if (!diff.lost.empty() || !diff.gained.empty()) ++tally.citations_changed;
      for (const std::string& field : diff.fields)
        ++tally.fields[field];
      if (!dump_dir().empty()) dump(name, document, *rendering);
      if (!verbose()) continue;
      for (const std::string& field : diff.fields)
        std::printf("  %s %s %s: %s -> %s\n", name.c_str(), document.name.c_str(), field.c_str(),
                    want.at(field).dump().c_str(), got.at(field).dump().c_str());
      for (const std::string& key : diff.lost)
        std::printf("  %s %s lost citation %s\n", name.c_str(), document.name.c_str(), key.c_str());
      for (const std::string& key : diff.gained)
        std::printf("  %s %s extra citation %s\n", name.c_str(), document.name.c_str(),
                    key.c_str());
    }
  }

  std::printf(
      "Invariance over %zu documents (real study splits and corpus gold); header read as written "
      "%d, from the reading order %d\n",
      documents.size(), header_as_written, header_from_reading_order);
  std::printf("  %-20s %5s %7s %9s %10s  fields changed (documents)\n", "family", "docs", "changed",
              "citations", "real only");
  for (const auto& [name, family] : all_families) {
    const auto found = tallies.find(name);
    if (found == tallies.end()) continue;
    const FamilyTally& tally = found->second;
    std::string fields;
    for (const auto& [field, count] : tally.fields)
      fields += " " + field + " " + std::to_string(count);
    std::printf("  %-20s %5d %7d %9d %4d/%-5d %s\n", name.c_str(), tally.applicable, tally.changed,
                tally.citations_changed, tally.real_changed, tally.real_applicable, fields.c_str());
  }
  if (only != nullptr || stride > 1) return;
  for (const auto& [name, floor] : floors()) {
    const FamilyTally& tally = tallies[name];
    ASSERT_GT(tally.real_applicable, 0) << name;
    const double unchanged =
        1.0 * (tally.real_applicable - tally.real_changed) / tally.real_applicable;
    EXPECT_GE(unchanged, floor) << name;
  }
}

}  // namespace
}  // namespace vanban::analyzers
