// The validity status of an archived document as of a date, worked out from the archive's own
// graph: its own stated effective and expiry dates, and the archived documents that replace or
// repeal it (Law on Promulgation of Legal Documents: a text ends when its term ends, when it
// is replaced, or when it is repealed; parts of it end when parts are). No evidence, no status:
// "Chưa rõ", never a guess.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "vanban/analyzers/structure.hpp"

namespace vanban::archive {

inline constexpr const char* kStatusInForce = "Còn hiệu lực";
inline constexpr const char* kStatusEnded = "Hết hiệu lực toàn bộ";
inline constexpr const char* kStatusPartlyEnded = "Hết hiệu lực một phần";
inline constexpr const char* kStatusNotYet = "Chưa có hiệu lực";
inline constexpr const char* kStatusUnknown = "Chưa rõ";

// What an act does to the validity of the document it names, by the Law on Promulgation of
// Legal Documents (2015, Art. 154(1)): a document ends in whole or in part when it is replaced,
// repealed, or amended ("được sửa đổi, bổ sung": the amended provisions' former wording ends).
// Replaced or repealed as a whole ends it; replaced or repealed in part (the act states a
// scope), or amended, ends it in part; any other relation leaves it as it was.
enum class Ending { none, part, whole };
Ending ending_of(const analyzers::Relation& relation);

// One archived document's act on the document whose status is asked.
struct IncomingAct {
  std::string id;  // the acting document
  std::optional<std::string> number;
  std::optional<std::string> title;
  std::optional<std::string> date;       // its signing date (ISO)
  std::optional<std::string> effective;  // its stated effective date
  analyzers::Relation relation;          // what it does, with the sentence
};

struct ValidityEvidence {
  std::string kind;  // "hieu_luc", "het_han", or the relation type of an act
  std::optional<std::string> id;
  std::optional<std::string> number;
  std::optional<std::string> date;  // the day it takes effect
  std::string sentence;
};

struct Validity {
  std::string status = kStatusUnknown;
  std::string as_of;  // ISO
  std::vector<ValidityEvidence> evidence;
};

// The day (ISO) an act takes effect: the date its sentence gives, else its document's stated
// effective date, else (administrative acts take effect when signed) its signing date; nullopt
// when none is a full date (the act is not counted).
std::optional<std::string> act_takes_effect(const analyzers::Relation& relation,
                                            const std::optional<std::string>& effective,
                                            const std::optional<std::string>& signed_on);

// The statuses a value typed by a user names, folded and by whole words: "còn hiệu lực",
// "con", "het hieu luc" (both ended statuses), "mot phan", "chua ro", "khong xac dinh";
// empty when it names none.
std::vector<std::string> statuses_matching(std::string_view typed);

// `as_of`: ISO date. An act takes effect on the date its sentence gives, else its document's
// effective date, else (administrative acts take effect when signed) its signing date; an act
// with none of them is not counted.
Validity validity_as_of(const analyzers::DocumentMetadata& document,
                        const std::vector<IncomingAct>& acts, const std::string& as_of);

void to_json(nlohmann::json& json, const ValidityEvidence& evidence);
void to_json(nlohmann::json& json, const Validity& validity);

}  // namespace vanban::archive
