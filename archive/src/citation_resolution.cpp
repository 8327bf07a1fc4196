#include "citation_resolution.hpp"

#include <cctype>

#include "vanban/analyzers/symbol.hpp"

#include "issuer_match.hpp"
#include "schema.hpp"

namespace vanban::archive {
namespace {

bool is_year(std::string_view text) {
  if (text.size() != 4) return false;
  for (const char c : text)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

}  // namespace

std::optional<std::string> stated_year(const std::optional<std::string>& date,
                                       const std::optional<std::string>& number) {
  if (date && date->size() >= 4 && is_year(std::string_view(*date).substr(0, 4)))
    return date->substr(0, 4);
  if (number) {
    const auto key = analyzers::symbol_key(*number);
    if (key) {
      const auto first = key->find('/');
      const auto second = first == std::string::npos ? first : key->find('/', first + 1);
      if (second != std::string::npos && is_year(std::string_view(*key).substr(first + 1, 4)) &&
          second == first + 5)
        return key->substr(first + 1, 4);
    }
  }
  return std::nullopt;
}

bool citation_may_point_to(const analyzers::Citation& citation, const ArchivedDocument& document) {
  const auto cited_year = stated_year(citation.date, citation.number);
  const auto document_year = stated_year(document.metadata.date, document.metadata.number);
  if (cited_year && document_year && *cited_year != *document_year) return false;
  if (citation.issuer && document.metadata.issuer &&
      !issuers_compatible(*citation.issuer, *document.metadata.issuer))
    return false;
  return true;
}

Resolution resolve_citation(const analyzers::Citation& citation,
                            const std::vector<ArchivedDocument>& with_number) {
  Resolution resolution;
  for (const ArchivedDocument& document : with_number)
    if (citation_may_point_to(citation, document)) resolution.candidates.push_back(document.id);
  if (resolution.candidates.size() == 1) {
    resolution.id = std::move(resolution.candidates.front());
    resolution.candidates.clear();
  }
  return resolution;
}

namespace {

// A damaged record still shows its id.
ArchivedDocument damaged_document(const Xapian::Document& document) {
  ArchivedDocument fallback;
  auto term = document.termlist_begin();
  term.skip_to(std::string(schema::kId));
  if (term != document.termlist_end() && (*term).rfind(schema::kId, 0) == 0)
    fallback.id = (*term).substr(schema::kId.size());
  return fallback;
}

}  // namespace

ArchivedDocument stored_document(const Xapian::Document& document, bool with_text) {
  if (auto stored = parse_document(document.get_data(), with_text)) return std::move(*stored);
  return damaged_document(document);
}

ArchivedDocument stored_page_document(const Xapian::Document& document) {
  if (auto stored = parse_page_document(document.get_data())) return std::move(*stored);
  return damaged_document(document);
}

std::vector<ArchivedDocument> documents_with_term(const Xapian::Database& database,
                                                  const std::string& term, std::size_t limit) {
  std::vector<ArchivedDocument> documents;
  if (database.get_termfreq(term) == 0) return documents;
  Xapian::Enquire enquire(database);
  enquire.set_query(Xapian::Query(term));
  enquire.set_sort_by_value_then_relevance(schema::kDateSlot, true);
  const Xapian::MSet matches = enquire.get_mset(0, static_cast<Xapian::doccount>(limit));
  for (auto it = matches.begin(); it != matches.end(); ++it) {
    documents.push_back(stored_document(it.get_document(), /*with_text=*/false));
  }
  return documents;
}

}  // namespace vanban::archive
