// The API's JSON of a document page and of a number's documents (the shapes are in
// server/README.md and docs/ARCHITECTURE.md "Metadata model").
#pragma once

#include <nlohmann/json.hpp>

#include "vanban/archive/searcher.hpp"

namespace vanban::server {

// The document's fields (archive::to_json with its text); each citation with its resolved
// "id" (or null) and, when several documents agree, "candidates"; "cited_by" as summaries.
nlohmann::json to_json(const archive::DocumentDetail& detail);
// {number_key, documents, cited_by}, the documents as summaries.
nlohmann::json to_json(const archive::InstrumentDocuments& found);
// {id, type, number, issuer, date, title}: how lists show a document.
nlohmann::json summary_json(const archive::ArchivedDocument& document);

}  // namespace vanban::server
