// Which archived document a citation points to (docs/ARCHITECTURE.md "Identity of a document
// number"): a number is not unique, so identity is number key + issuer + year. A citation
// resolves when exactly one archived document with its number key agrees with what the
// citation says of issuer and year; several agreeing ones are listed as candidates.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "vanban/analyzers/structure.hpp"
#include "vanban/archive/document.hpp"

namespace vanban::archive {

struct Resolution {
  std::optional<std::string> id;        // the one document the citation points to
  std::vector<std::string> candidates;  // when several agree
};

// The year a document or citation states: its date's, else the one inside a normative number
// ("59/2023/NĐ-CP").
std::optional<std::string> stated_year(const std::optional<std::string>& date,
                                       const std::optional<std::string>& number);

// True unless the citation's year or issuer, where both sides state them, disagree with the
// document's.
bool citation_may_point_to(const analyzers::Citation& citation, const ArchivedDocument& document);

// The rule, over the archived documents bearing the citation's number key.
Resolution resolve_citation(const analyzers::Citation& citation,
                            const std::vector<ArchivedDocument>& with_number);

// Reads the archived documents whose boolean `term` matches (without their text), newest first,
// at most `limit`.
std::vector<ArchivedDocument> documents_with_term(const Xapian::Database& database,
                                                  const std::string& term, std::size_t limit);

// The stored document of one Xapian document (its data); a damaged record keeps its id.
ArchivedDocument stored_document(const Xapian::Document& document, bool with_text = true);

// The same, with only what a page of hits shows (parse_page_document()).
ArchivedDocument stored_page_document(const Xapian::Document& document);

}  // namespace vanban::archive
