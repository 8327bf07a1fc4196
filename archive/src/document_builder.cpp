#include "document_builder.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "vanban/analyzers/fold.hpp"
#include "vanban/analyzers/issuing_bodies.hpp"
#include "vanban/analyzers/law_display.hpp"
#include "vanban/analyzers/symbol.hpp"
#include "vanban/analyzers/tokenizer.hpp"

#include "relation_keys.hpp"
#include "schema.hpp"
#include "stored_text.hpp"
#include "validity_facts.hpp"

namespace vanban::archive {
namespace {

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
}

void add_boolean(Xapian::Document& xapian_document, std::string_view prefix, std::string_view key) {
  if (key.empty()) return;
  xapian_document.add_boolean_term(schema::term(prefix, key));
}

std::optional<std::string> key_of_number(const std::optional<std::string>& number_key,
                                         const std::optional<std::string>& number) {
  if (number_key && !number_key->empty()) return number_key;
  if (number) return analyzers::symbol_key(*number);
  return std::nullopt;
}

// The exact forms of a document's tokens, indexed once its last token is placed (SCHEMA.md:
// exact positions for the words spelled several ways). A folded word the document spells one
// way: its exact form with its wdf and no positions (it stands wherever the folded form does).
// Spelled several ways: every spelling with its positions, and the word's kOtherSpellings term
// (wdf 0: the document's length stays the sum of the forms' wdfs); the bare kOtherSpellings
// term marks the document as indexed so.
class ExactForms {
 public:
  void add(const analyzers::Token& token, Xapian::termpos position, Xapian::termcount wdf) {
    auto found = by_lower_.find(token.lower);
    if (found == by_lower_.end()) {
      auto group = groups_.find(token.folded);
      if (group == groups_.end()) {
        group = groups_.emplace(std::string(token.folded), group_sizes_.size()).first;
        group_sizes_.push_back(0);
      }
      ++group_sizes_[group->second];
      forms_.push_back(
          {token.lower.empty() ? std::string() : schema::term("", token.lower), group->second, 0});
      found = by_lower_.emplace(std::string(token.lower), forms_.size() - 1).first;
    }
    forms_[found->second].wdf += wdf;
    // One list for the whole document, in text order, rather than one per form: most forms
    // are spelled one way and need no positions, and a list each cost allocations per word.
    occurrences_.push_back({static_cast<std::uint32_t>(found->second), position, wdf});
  }

  void index(Xapian::Document& xapian_document) const {
    // Spelled one way in the document: the exact form with its wdf, no positions.
    for (const Form& form : forms_)
      if (group_sizes_[form.group] == 1 && !form.term.empty())
        xapian_document.add_term(form.term, form.wdf);
    // Spelled more than one way here: every spelling keeps its positions, and the word is
    // marked so (a phrase reads the exact positions there, the folded ones elsewhere).
    for (const Occurrence& occurrence : occurrences_) {
      const Form& form = forms_[occurrence.form];
      if (group_sizes_[form.group] > 1 && !form.term.empty())
        xapian_document.add_posting(form.term, occurrence.position, occurrence.wdf);
    }
    for (const auto& [folded, group] : groups_)
      if (group_sizes_[group] > 1)
        xapian_document.add_term(schema::term(schema::kOtherSpellings, folded), 0);
    // The document is indexed so (archives indexed before hold every exact form's positions).
    xapian_document.add_term(std::string(schema::kOtherSpellings), 0);
  }

 private:
  struct Occurrence {
    std::uint32_t form;
    Xapian::termpos position;
    Xapian::termcount wdf;
  };
  struct Form {
    std::string term;  // empty: a token without an exact form (still a spelling of its word)
    std::size_t group = 0;
    Xapian::termcount wdf = 0;  // summed over its occurrences
  };
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const {
      return std::hash<std::string_view>{}(text);
    }
  };
  std::unordered_map<std::string, std::size_t, Hash, std::equal_to<>> by_lower_;  // -> forms_
  // Folded form -> group_sizes_ index; a group's size is how many exact forms spell it here.
  std::unordered_map<std::string, std::size_t, Hash, std::equal_to<>> groups_;
  std::vector<std::size_t> group_sizes_;
  std::vector<Form> forms_;
  std::vector<Occurrence> occurrences_;
};

void add_position_terms(Xapian::Document& xapian_document, ExactForms& exact_forms,
                        const analyzers::Token& token, Xapian::termpos position,
                        Xapian::termcount wdf, bool heading, bool title) {
  if (!token.lower.empty()) {
    if (heading)
      xapian_document.add_posting(schema::term(schema::kHeadingExact, token.lower), position);
    if (title)
      xapian_document.add_posting(schema::term(schema::kTitleExact, token.lower), position);
  }
  if (!token.folded.empty()) {
    // The exact form is indexed with the others of the document (ExactForms).
    exact_forms.add(token, position, wdf);
    xapian_document.add_posting(schema::term(schema::kFolded, token.folded), position, wdf);
    if (heading)
      xapian_document.add_posting(schema::term(schema::kHeading, token.folded), position);
    if (title)
      xapian_document.add_posting(schema::term(schema::kTitleFolded, token.folded), position);
  } else if (!token.lower.empty()) {
    xapian_document.add_posting(schema::term("", token.lower), position, wdf);  // no folded word
  }
}

}  // namespace

bool exact_within_folded(std::string_view exact, std::string_view folded) {
  // add_position_terms(): per field, a token's exact form and its folded form, with one wdf.
  std::string_view folded_prefix = schema::kFolded;
  if (!exact.empty() && exact.front() >= 'A' && exact.front() <= 'Z') {
    if (exact.starts_with(schema::kTitleExact)) {
      exact.remove_prefix(schema::kTitleExact.size());
      folded_prefix = schema::kTitleFolded;
    } else if (exact.starts_with(schema::kHeadingExact)) {
      exact.remove_prefix(schema::kHeadingExact.size());
      folded_prefix = schema::kHeading;
    } else {
      return false;  // another field's term
    }
  }
  if (exact.empty() || !folded.starts_with(folded_prefix)) return false;
  // A word token's folded form is the fold of its text, which is its exact form's; a symbol's
  // (which has a separator) is its key.
  for (const char c : exact)
    if (static_cast<unsigned char>(c) < 0x80 && !std::isalnum(static_cast<unsigned char>(c)))
      return false;
  folded.remove_prefix(folded_prefix.size());
  return folded == analyzers::fold(exact);
}

std::string citation_display(const analyzers::Citation& citation) {
  // One instrument, one spelling in the facet: its codes as the tables write them.
  if (citation.number && !citation.number->empty())
    return analyzers::canonical_symbol(*citation.number);
  if (citation.title && !citation.title->empty()) {
    // A law cited by name: "Luật" + its name, unless the name already starts with the type.
    // The kind in the name's own case counts ("BỘ LUẬT LAO ĐỘNG" is no "Bộ luật BỘ LUẬT ...").
    // Shown as the legislature writes it when the table of law names knows it, so that the
    // spellings of one law (a comma put in or left out) show as one.
    if (citation.type &&
        !analyzers::fold(*citation.title).starts_with(analyzers::fold(*citation.type))) {
      return analyzers::canonical_law_name(*citation.type + " " + *citation.title);
    }
    return analyzers::canonical_law_name(*citation.title);
  }
  return citation.text;
}

std::string date_value(std::string_view iso_date) {
  const auto part = [&](std::size_t at, std::size_t length) {
    return iso_date.size() >= at + length ? iso_date.substr(at, length) : std::string_view{};
  };
  const std::string_view year = part(0, 4);
  if (!all_digits(year)) return {};
  std::string value(year);
  if (iso_date.size() == 4) return value + "0000";
  const std::string_view month = part(5, 2);
  if (iso_date[4] != '-' || !all_digits(month)) return {};
  value += month;
  if (iso_date.size() == 7) return value + "00";
  const std::string_view day = part(8, 2);
  if (iso_date.size() != 10 || iso_date[7] != '-' || !all_digits(day)) return {};
  return value += day;
}

Xapian::Document index_free_text(const ArchivedDocument& document) {
  Xapian::Document xapian_document;
  ExactForms exact_forms;
  schema::PassageMap passages;
  place_free_text(
      document,
      [&](const analyzers::Token& token, Xapian::termpos position, FreeTextField field) {
        const Xapian::termcount wdf = field == FreeTextField::number   ? kNumberWdf
                                      : field == FreeTextField::issuer ? kIssuerWdf
                                      : field == FreeTextField::title  ? kTitleWdf
                                                                       : kBodyWdf;
        add_position_terms(xapian_document, exact_forms, token, position, wdf,
                           field != FreeTextField::body, field == FreeTextField::title);
      },
      &passages);
  exact_forms.index(xapian_document);
  if (!passages.offsets.empty() && document.text.size() <= 0xFFFFFFFFu)
    xapian_document.add_value(schema::kPassageSlot, schema::serialise_passage_map(passages));
  return xapian_document;
}

void add_archive_terms(Xapian::Document& xapian_document, const ArchivedDocument& document,
                       const CompressedText* stored_text) {
  const analyzers::DocumentMetadata& metadata = document.metadata;

  // Boolean terms.
  add_boolean(xapian_document, schema::kId, document.id);
  if (const auto number_key = key_of_number(metadata.number_key, metadata.number)) {
    add_boolean(xapian_document, schema::kNumber, *number_key);
  }
  // A law is also known by its name (relation_keys.hpp).
  for (const std::string& key : own_keys(metadata))
    add_boolean(xapian_document, schema::kNumber, key);
  std::vector<std::string> cited;
  // Each shown once, in order: a set beside the list keeps this linear (a text of 40,000
  // citations spent most of its indexing in a search of the list for each).
  std::unordered_set<std::string> cited_seen;
  for (const analyzers::Citation& citation : metadata.citations) {
    if (const auto cited_key = key_of_number(citation.number_key, citation.number)) {
      add_boolean(xapian_document, schema::kCites, *cited_key);
    }
    for (const std::string& key : cited_keys(citation)) {
      add_boolean(xapian_document, schema::kCites, key);
      // What the document does to it: "XRsua_doi:33/ct-ttg" (relation filters).
      for (const analyzers::Relation& relation : citation.relations)
        add_boolean(xapian_document, schema::kRelation, relation.type + ":" + key);
    }
    std::string display = citation_display(citation);
    if (!display.empty() && cited_seen.insert(display).second) cited.push_back(std::move(display));
  }
  // What it ends, and its own stated days: the validity filter's facts (validity_facts.hpp).
  for (const std::string& fact : ending_facts(metadata))
    add_boolean(xapian_document, schema::kEnds, fact);
  const auto stated_day = [](const std::optional<analyzers::StatedDate>& stated) {
    return stated ? day_value(stated->date) : std::string{};
  };
  if (const std::string day = stated_day(metadata.effective); !day.empty())
    xapian_document.add_value(schema::kEffectiveSlot, day);
  if (const std::string day = stated_day(metadata.expires); !day.empty())
    xapian_document.add_value(schema::kExpiresSlot, day);
  if (metadata.issuer) {
    add_boolean(xapian_document, schema::kIssuer, schema::issuer_key(*metadata.issuer));
    // A joint document is found by each of its bodies, as the issuer facet counts it (facets.cpp).
    if (const auto bodies = analyzers::issuing_bodies(*metadata.issuer); bodies.size() > 1)
      for (const std::string& body : bodies)
        add_boolean(xapian_document, schema::kIssuer, schema::issuer_key(body));
  }
  if (metadata.type) add_boolean(xapian_document, schema::kType, schema::type_key(*metadata.type));
  if (metadata.signer && !metadata.signer->empty())
    add_boolean(xapian_document, schema::kSigner, schema::issuer_key(*metadata.signer));
  const std::string date = metadata.date ? date_value(*metadata.date) : std::string{};
  if (!date.empty()) {
    add_boolean(xapian_document, schema::kYear, date.substr(0, 4));
    if (date.substr(4, 2) != "00") add_boolean(xapian_document, schema::kMonth, date.substr(0, 6));
  }
  for (const std::string& path : document.paths) {
    add_boolean(xapian_document, schema::kPath, schema::path_key(path));
  }
  add_boolean(xapian_document, schema::kSha, document.sha256);
  add_boolean(xapian_document, schema::kFormat, document.format);

  // Values: sortable date, facet display values, the writer's bookkeeping.
  if (!date.empty()) {
    xapian_document.add_value(schema::kDateSlot, date);
    xapian_document.add_value(schema::kYearSlot, date.substr(0, 4));
  }
  if (metadata.issuer) xapian_document.add_value(schema::kIssuerSlot, *metadata.issuer);
  if (metadata.type) xapian_document.add_value(schema::kTypeSlot, *metadata.type);
  if (metadata.signer && !metadata.signer->empty())
    xapian_document.add_value(schema::kSignerSlot, *metadata.signer);
  if (metadata.number) xapian_document.add_value(schema::kNumberSlot, *metadata.number);
  if (!cited.empty()) xapian_document.add_value(schema::kCitesSlot, schema::serialise_list(cited));
  xapian_document.add_value(schema::kShaSlot, document.sha256);
  xapian_document.add_value(schema::kPathsSlot, schema::serialise_list(document.paths));
  if (!document.sidecar_sha256.empty()) {
    xapian_document.add_value(schema::kSidecarSlot, document.sidecar_sha256);
  }

  // Invalid UTF-8 (from a sidecar, say) is replaced rather than failing the document.
  xapian_document.set_data(serialise_document(document, /*with_text=*/stored_text == nullptr));
  if (stored_text) refer_to_text(xapian_document, *stored_text);
}

Xapian::Document build_xapian_document(const ArchivedDocument& document) {
  Xapian::Document xapian_document = index_free_text(document);
  add_archive_terms(xapian_document, document);
  return xapian_document;
}

}  // namespace vanban::archive
