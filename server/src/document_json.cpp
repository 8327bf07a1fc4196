#include "document_json.hpp"

namespace vanban::server {
namespace {

nlohmann::json summaries(const std::vector<archive::ArchivedDocument>& documents) {
  nlohmann::json list = nlohmann::json::array();
  for (const archive::ArchivedDocument& document : documents)
    list.push_back(summary_json(document));
  return list;
}

}  // namespace

nlohmann::json summary_json(const archive::ArchivedDocument& document) {
  const auto& metadata = document.metadata;
  auto optional = [](const std::optional<std::string>& value) -> nlohmann::json {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
  };
  return {{"id", document.id},
          {"type", optional(metadata.type)},
          {"number", optional(metadata.number)},
          {"issuer", optional(metadata.issuer)},
          {"date", optional(metadata.date)},
          {"title", optional(metadata.title)}};
}

nlohmann::json to_json(const archive::DocumentDetail& detail) {
  nlohmann::json json = archive::to_json(detail.document, /*with_text=*/true);
  nlohmann::json citations = nlohmann::json::array();
  for (const archive::ResolvedCitation& resolved : detail.citations) {
    nlohmann::json entry = resolved.citation;
    entry["id"] = resolved.id ? nlohmann::json(*resolved.id) : nlohmann::json(nullptr);
    if (!resolved.candidates.empty()) entry["candidates"] = resolved.candidates;
    citations.push_back(std::move(entry));
  }
  json["citations"] = std::move(citations);
  json["cited_by"] = summaries(detail.cited_by);
  return json;
}

nlohmann::json to_json(const archive::InstrumentDocuments& found) {
  return {{"number_key", found.number_key},
          {"documents", summaries(found.documents)},
          {"cited_by", summaries(found.cited_by)}};
}

}  // namespace vanban::server
