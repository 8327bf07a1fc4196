// Document-structure analysis: the metadata and citations of a Vietnamese official document,
// following the layout rules of Decree 30/2020/NĐ-CP and Party rules (shared/docs/domain.md).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace vanban::analyzers {

struct Citation {
  std::optional<std::string> type;        // "Chỉ thị"
  std::optional<std::string> number;      // "33/CT-TTg"; null for a law cited by name
  std::optional<std::string> number_key;  // symbol_key(number), or law_key() of a law by name
  std::optional<std::string> date;        // ISO "2021-11-26"
  std::optional<std::string> issuer;  // as written: "Thủ tướng Chính phủ", "UBND tỉnh"
  std::optional<std::string> title;   // the "về ..." subject; a law cited by name: its name
  std::string text;                   // the span as written
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
};

// The key of a law (or Bộ luật, Pháp lệnh, Hiến pháp) cited by name, which has no number:
// "luat:" + fold() of the name with its type word, spaces collapsed:
// "Luật Thực hiện dân chủ ở cơ sở" → "luat:luat thuc hien dan chu o co so". A Luật document's
// own key for resolving such citations is law_key(type + " " + title).
std::string law_key(std::string_view name);

// The one key of a citation as a user types it, shared by the index, the filters (cites=,
// trich:) and the instrument lookup: symbol_key() of a number ("33/CT-TTg" → "33/ct-ttg"), else
// the law_key() the extractor gives a law cited by name ("Luật Thực hiện dân chủ ở cơ sở",
// with or without "ngày ..." → "luat:luat thuc hien dan chu o co so"). nullopt for neither.
std::optional<std::string> citation_key(std::string_view typed);

// Analyses NFC text. Pure: no I/O, no global mutable state; safe from any thread.
DocumentMetadata extract_metadata(std::string_view nfc_text);

// JSON in the model of architecture.md (null for fields not found).
void to_json(nlohmann::json& json, const Citation& citation);
void to_json(nlohmann::json& json, const DocumentMetadata& metadata);
void from_json(const nlohmann::json& json, Citation& citation);
void from_json(const nlohmann::json& json, DocumentMetadata& metadata);

}  // namespace vanban::analyzers
