// Document-structure analysis: the metadata and citations of a Vietnamese official document,
// following the layout rules of Decree 30/2020/NĐ-CP and Party rules (docs/domain.md).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace vanban::analyzers {

// The role a citation plays in the citing document's sentence, from the language of legal
// drafting (Law on Promulgation of Legal Documents: căn cứ ban hành, quy định chi tiết,
// sửa đổi/bổ sung/thay thế/bãi bỏ, đính chính, hợp nhất). Stored and served as these codes.
inline constexpr const char* kRelationBasedOn = "can_cu";        // "Căn cứ ..."
inline constexpr const char* kRelationImplements = "thuc_hien";  // "Thực hiện/Triển khai ..."
inline constexpr const char* kRelationGuides = "huong_dan";  // "Quy định chi tiết/Hướng dẫn"
inline constexpr const char* kRelationAmends = "sua_doi";     // "Sửa đổi, bổ sung ..."
inline constexpr const char* kRelationReplaces = "thay_the";  // "... thay thế ..."
inline constexpr const char* kRelationRepeals = "bai_bo";  // "Bãi bỏ ...", "... hết hiệu lực"
inline constexpr const char* kRelationCorrects = "dinh_chinh";    // "Đính chính ..."
inline constexpr const char* kRelationConsolidates = "hop_nhat";  // a VBHN's own texts
inline constexpr const char* kRelationMentions = "dan_chieu";     // any other mention

// The codes above, strongest first (the order a document's relations are listed in).
const std::vector<std::string_view>& relation_types();

struct Relation {
  std::string type;                  // one of relation_types()
  std::optional<std::string> scope;  // "khoản 2 Điều 8"; nullopt: the whole instrument
  std::optional<std::string> from;  // ISO date the sentence gives the effect ("kể từ ngày ...")
  std::string evidence;             // the sentence that says so, as written
};

struct Citation {
  std::optional<std::string> type;        // "Chỉ thị"
  std::optional<std::string> number;      // "33/CT-TTg"; null for a law cited by name
  std::optional<std::string> number_key;  // symbol_key(number), or law_key() of a law by name
  std::optional<std::string> date;        // ISO "2021-11-26"
  std::optional<std::string> issuer;  // as written: "Thủ tướng Chính phủ", "UBND tỉnh"
  std::optional<std::string> title;   // the "về ..." subject; a law cited by name: its name
  std::string text;                   // the span as written
  // What the citing document does to it: one entry per type, "dan_chieu" only when it does
  // nothing else.
  std::vector<Relation> relations;
};

// A date the document states about itself, with the sentence.
struct StatedDate {
  std::string date;  // ISO
  std::string evidence;
};

struct DocumentMetadata {
  std::optional<std::string> type;       // "Kế hoạch"
  std::optional<std::string> type_code;  // "KH"
  std::optional<std::string> number;     // "32/KH-UBND"
  std::optional<std::string> number_key;
  std::optional<std::string> issuer;
  std::optional<std::string> place;
  std::optional<std::string> date;  // ISO; "2026-01" when the day is blank
  std::optional<std::string> title;
  std::optional<std::string> signer;
  std::optional<std::string> signer_title;
  std::optional<std::string> signing_authority;
  std::vector<std::string> recipients;
  std::vector<Citation> citations;
  std::optional<StatedDate> effective;  // "Thông tư này có hiệu lực từ ngày ..."
  std::optional<StatedDate> expires;    // "... hết hiệu lực ngày ...": the last day in force
};

// The key of a law (or Bộ luật, Pháp lệnh, Hiến pháp) cited by name, which has no number:
// "luat:" + fold() of the name with its type word, commas dropped and spaces collapsed (a
// citing text that puts a comma in or leaves it out cites the same law):
// "Luật Thực hiện dân chủ ở cơ sở" → "luat:luat thuc hien dan chu o co so". A Luật document's
// own key for resolving such citations is law_key(type + " " + title).
std::string law_key(std::string_view name);

// The one key of a citation as a user types it, shared by the index, the filters (cites=,
// trich:) and the instrument lookup: symbol_key() of a number ("33/CT-TTg" → "33/ct-ttg"), else
// the law_key() the extractor gives a law cited by name ("Luật Thực hiện dân chủ ở cơ sở",
// with or without "ngày ..." → "luat:luat thuc hien dan chu o co so"). nullopt for neither.
std::optional<std::string> citation_key(std::string_view typed);

// Analyzes NFC text. Pure: no I/O, no global mutable state; safe from any thread.
DocumentMetadata extract_metadata(std::string_view nfc_text);

// JSON in the model of docs/ARCHITECTURE.md (null for fields not found).
void to_json(nlohmann::json& json, const StatedDate& stated);
void from_json(const nlohmann::json& json, StatedDate& stated);
void to_json(nlohmann::json& json, const Relation& relation);
void from_json(const nlohmann::json& json, Relation& relation);
void to_json(nlohmann::json& json, const Citation& citation);
void to_json(nlohmann::json& json, const DocumentMetadata& metadata);
void from_json(const nlohmann::json& json, Citation& citation);
void from_json(const nlohmann::json& json, DocumentMetadata& metadata);

}  // namespace vanban::analyzers
