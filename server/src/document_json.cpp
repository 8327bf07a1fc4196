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

// [{type, scope, evidence, document}]: what each archived document does to this one.
nlohmann::json relations_json(const std::vector<archive::IncomingRelation>& relations) {
  nlohmann::json list = nlohmann::json::array();
  for (const archive::IncomingRelation& incoming : relations)
    list.push_back({{"type", incoming.relation.type},
                    {"scope", incoming.relation.scope ? nlohmann::json(*incoming.relation.scope)
                                                      : nlohmann::json(nullptr)},
                    {"evidence", incoming.relation.evidence},
                    {"document", summary_json(incoming.document)}});
  return list;
}

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
  json["relations_in"] = relations_json(detail.relations_in);
  json["validity"] = detail.validity;
  return json;
}

nlohmann::json to_json(const archive::InstrumentDocuments& found) {
  return {{"number_key", found.number_key},
          {"documents", summaries(found.documents)},
          {"cited_by", summaries(found.cited_by)},
          {"relations_in", relations_json(found.relations_in)}};
}

}  // namespace vanban::server
