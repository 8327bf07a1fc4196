#include "vanban/archive/validity.hpp"

#include <nlohmann/json.hpp>

namespace vanban::archive {
namespace {

bool full_date(const std::optional<std::string>& date) {
  return date && date->size() == 10;
}

std::optional<std::string> act_date(const IncomingAct& act) {
  if (full_date(act.relation.from)) return act.relation.from;
  if (full_date(act.effective)) return act.effective;
  if (full_date(act.date)) return act.date;
  return std::nullopt;
}

bool ends(const analyzers::Relation& relation) {
  return relation.type == analyzers::kRelationRepeals ||
         relation.type == analyzers::kRelationReplaces;
}

}  // namespace

Validity validity_as_of(const analyzers::DocumentMetadata& document,
                        const std::vector<IncomingAct>& acts, const std::string& as_of) {
  Validity validity;
  validity.as_of = as_of;
  std::vector<ValidityEvidence> whole;
  std::vector<ValidityEvidence> parts;
  for (const IncomingAct& act : acts) {
    if (!ends(act.relation)) continue;
    const auto from = act_date(act);
    if (!from || *from > as_of) continue;
    ValidityEvidence evidence{act.relation.type, act.id, act.number, from, act.relation.evidence};
    (act.relation.scope ? parts : whole).push_back(std::move(evidence));
  }
  const auto& effective = document.effective;
  if (!whole.empty()) {
    validity.status = kStatusEnded;
    validity.evidence = std::move(whole);
  } else if (document.expires && full_date(document.expires->date) &&
             document.expires->date < as_of) {
    validity.status = kStatusEnded;
    validity.evidence.push_back({"het_han", std::nullopt, document.number, document.expires->date,
                                 document.expires->evidence});
  } else if (effective && full_date(effective->date) && as_of < effective->date) {
    validity.status = kStatusNotYet;
    validity.evidence.push_back(
        {"hieu_luc", std::nullopt, document.number, effective->date, effective->evidence});
  } else if (!parts.empty()) {
    validity.status = kStatusPartlyEnded;
    validity.evidence = std::move(parts);
  } else if (effective && full_date(effective->date)) {
    validity.status = kStatusInForce;
    validity.evidence.push_back(
        {"hieu_luc", std::nullopt, document.number, effective->date, effective->evidence});
  }
  return validity;
}

void to_json(nlohmann::json& json, const ValidityEvidence& evidence) {
  json = nlohmann::json{{"kind", evidence.kind},
                        {"id", evidence.id ? nlohmann::json(*evidence.id) : nullptr},
                        {"number", evidence.number ? nlohmann::json(*evidence.number) : nullptr},
                        {"date", evidence.date ? nlohmann::json(*evidence.date) : nullptr},
                        {"sentence", evidence.sentence}};
}

void to_json(nlohmann::json& json, const Validity& validity) {
  json = nlohmann::json{
      {"status", validity.status}, {"as_of", validity.as_of}, {"evidence", validity.evidence}};
}

}  // namespace vanban::archive
