// The one table between the metadata model and the envelope of an edXML message (QCVN 102:2016,
// docs/domain.md §5), whose element names are those of Decree 30/2020 Phụ lục VI (docs/domain.md
// §1.10). The edXML reader takes the envelope's fields through it, and `vanban export` writes the
// same names, flat (CSV, JSON Lines) or as envelopes.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "vanban/analyzers/metadata_fields.hpp"
#include "vanban/analyzers/structure.hpp"

namespace vanban::indexer::detail {

enum class FieldValue {
  text,          // the member as it is
  date,          // ISO in the model ("2026-01-31"), yyyy/MM/dd in edXML
  code_number,   // the part of the number before its first '/': "32" of "32/KH-UBND"
  code_notation  // the rest: "KH-UBND"; "2023/NĐ-CP" of "59/2023/NĐ-CP"
};

struct EnvelopeField {
  std::string_view
      name;  // Phụ lục VI / edXML name; flat exports prefix the parent's for SignerInfo
  std::string_view parent;  // element under MessageHeader holding it; empty: MessageHeader itself
  analyzers::MetadataField field;  // the metadata model's field it carries
  FieldValue value = FieldValue::text;
};

// In the order of an envelope's header. The recipients (ToPlaces/Place, a list) are the one
// field outside it.
std::span<const EnvelopeField> envelope_fields();

inline constexpr std::string_view kRecipientsParent = "ToPlaces";
inline constexpr std::string_view kRecipientsElement = "Place";

// The column of a field in a flat export: "SignerInfo.Position", else the name ("OrganName").
std::string flat_name(const EnvelopeField& field);

// The field's value of `metadata` as the model holds it (a code part cut from the number);
// empty when absent.
std::string model_value(const analyzers::DocumentMetadata& metadata, const EnvelopeField& field);

// "32" and "KH-UBND" of "32/KH-UBND"; a number without '/' is all CodeNumber.
std::pair<std::string, std::string> split_number(std::string_view number);

// "2026/01/31", "2026-01-31", "2026/01/31 08:00:00", "31/01/2026" → "2026-01-31"; nullopt
// when it names no day.
std::optional<std::string> iso_date(std::string_view text);

}  // namespace vanban::indexer::detail
