// The API's JSON of a search (docs/ARCHITECTURE.md "HTTP API"), shared by `vanban search
// --json` and the server so both always agree.
#include "vanban/server/search_json.hpp"

#include "document_json.hpp"

namespace vanban::server {

using archive::Correction;
using archive::FacetValue;
using archive::MissingNumber;
using archive::SearchHit;
namespace {

nlohmann::json optional_json(const std::optional<std::string>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

// How the box was read as a relation question: {kind, relation, label, typed, instruments,
// answered, message, subject}; null for a words search.
nlohmann::json understood_json(const std::optional<archive::UnderstoodQuestion>& understood) {
  if (!understood) return nullptr;
  const archive::RelationQuestion& question = understood->question;
  nlohmann::json instruments = nlohmann::json::array();
  for (const archive::NamedInstrument& named : understood->instruments)
    instruments.push_back({{"key", named.key},
                           {"number", named.number},
                           {"type", named.type},
                           {"title", named.title},
                           {"archived", named.archived}});
  const char* kind = question.kind == archive::QuestionKind::validity ? "validity"
                     : question.kind == archive::QuestionKind::bases  ? "bases"
                                                                      : "relation";
  return {{"kind", kind},
          {"relation", question.kind == archive::QuestionKind::relation
                           ? nlohmann::json(archive::field_spec(question.field).name)
                           : nlohmann::json(nullptr)},
          {"label", understood->label},
          {"typed", question.instrument.typed},
          {"instruments", std::move(instruments)},
          {"answered", understood->answered},
          {"message", understood->message},
          {"subject", understood->subject}};
}

}  // namespace

nlohmann::json to_json(const archive::SearchResponse& response) {
  nlohmann::json hits = nlohmann::json::array();
  for (const SearchHit& hit : response.hits) {
    const auto& metadata = hit.document.metadata;
    hits.push_back(
        {{"id", hit.id},
         {"type", optional_json(metadata.type)},
         {"type_code", optional_json(metadata.type_code)},
         {"number", optional_json(metadata.number)},
         {"issuer", optional_json(metadata.issuer)},
         {"date", optional_json(metadata.date)},
         {"title", optional_json(metadata.title)},
         {"filename", hit.document.filename},
         {"format", hit.document.format},
         {"ocr", hit.document.ocr ? archive::to_json(*hit.document.ocr) : nlohmann::json(nullptr)},
         {"score", hit.score},
         {"snippet", hit.snippet},
         {"validity", hit.validity},
         {"missing_words", hit.missing_words}});
  }
  nlohmann::json facets = nlohmann::json::object();
  for (const auto& [name, values] : response.facets) {
    nlohmann::json list = nlohmann::json::array();
    for (const FacetValue& value : values)
      list.push_back({{"value", value.value}, {"count", value.count}});
    facets[name] = std::move(list);
  }
  nlohmann::json missing = nlohmann::json::array();
  for (const MissingNumber& number : response.missing_numbers)
    missing.push_back({{"number", number.number}, {"cited_by", number.cited_by}});
  nlohmann::json corrections = nlohmann::json::array();
  for (const Correction& correction : response.corrections)
    corrections.push_back({{"typed", correction.typed}, {"suggested", correction.suggested}});
  nlohmann::json answers = nlohmann::json::array();
  for (const archive::InstrumentDocuments& found : response.validity_answers)
    answers.push_back(to_json(found));
  return {{"total", response.total},
          {"took_ms", response.took_ms},
          {"relaxed", response.relaxed},
          {"all_words_total", response.all_words_total},
          {"question", response.question},
          {"unrequired_words", response.unrequired_words},
          {"suggestion", response.suggestion},
          {"corrections", std::move(corrections)},
          {"missing_numbers", std::move(missing)},
          {"partial", response.partial},
          {"missing_shards", response.missing_shards},
          {"understood", understood_json(response.understood)},
          {"validity_answers", std::move(answers)},
          {"hits", std::move(hits)},
          {"facets", std::move(facets)}};
}

}  // namespace vanban::server
