#include "vanban/archive/validity.hpp"

#include <nlohmann/json.hpp>

#include "vanban/analyzers/fold.hpp"

namespace vanban::archive {
namespace {

bool full_date(const std::optional<std::string>& date) {
  return date && date->size() == 10;
}

std::optional<std::string> act_date(const IncomingAct& act) {
  return act_takes_effect(act.relation, act.effective, act.date);
}

// " còn hiệu lực " folded, spaces around, so that a typed value matches whole words only.
std::string padded_words(std::string_view text) {
  std::string out = " ";
  for (const char c : analyzers::fold(text)) {
    if (c == ' ' || c == '\t') {
      if (out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  if (out.back() != ' ') out += ' ';
  return out;
}

}  // namespace

Ending ending_of(const analyzers::Relation& relation) {
  if (relation.type == analyzers::kRelationAmends) return Ending::part;
  if (relation.type == analyzers::kRelationRepeals || relation.type == analyzers::kRelationReplaces)
    return relation.scope ? Ending::part : Ending::whole;
  return Ending::none;
}

std::optional<std::string> act_takes_effect(const analyzers::Relation& relation,
                                            const std::optional<std::string>& effective,
                                            const std::optional<std::string>& signed_on) {
  if (full_date(relation.from)) return relation.from;
  if (full_date(effective)) return effective;
  if (full_date(signed_on)) return signed_on;
  return std::nullopt;
}

std::vector<std::string> statuses_matching(std::string_view typed) {
  const std::string wanted = padded_words(typed);
  std::vector<std::string> out;
  if (wanted == " ") return out;
  // "Không xác định", "không rõ": what staff also call an unknown status.
  for (const char* alias : {"không xác định", "không rõ"})
    if (padded_words(alias).find(wanted) != std::string::npos) return {kStatusUnknown};
  for (const char* status :
       {kStatusInForce, kStatusPartlyEnded, kStatusEnded, kStatusNotYet, kStatusUnknown})
    if (padded_words(status).find(wanted) != std::string::npos) out.emplace_back(status);
  return out;
}

Validity validity_as_of(const analyzers::DocumentMetadata& document,
                        const std::vector<IncomingAct>& acts, const std::string& as_of) {
  Validity validity;
  validity.as_of = as_of;
  std::vector<ValidityEvidence> whole;
  std::vector<ValidityEvidence> parts;
  for (const IncomingAct& act : acts) {
    const Ending ending = ending_of(act.relation);
    if (ending == Ending::none) continue;
    const auto from = act_date(act);
    if (!from || *from > as_of) continue;
    ValidityEvidence evidence{act.relation.type, act.id, act.number, from, act.relation.evidence};
    (ending == Ending::part ? parts : whole).push_back(std::move(evidence));
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
