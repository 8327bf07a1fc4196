#include "vanban/indexer/metadata.hpp"

#include <algorithm>
#include <array>

#include "vanban/analyzers/symbol.hpp"

namespace vanban::indexer {
namespace {

constexpr std::array<std::string_view, 13> kFields = {
    "type",  "type_code", "number",       "number_key",        "issuer",     "place",    "date",
    "title", "signer",    "signer_title", "signing_authority", "recipients", "citations"};

}  // namespace

bool is_metadata_field(std::string_view name) {
  return std::find(kFields.begin(), kFields.end(), name) != kFields.end();
}

void apply_overrides(analyzers::DocumentMetadata& metadata, const nlohmann::json& overrides) {
  if (!overrides.is_object() || overrides.empty()) return;
  const auto extracted_type = metadata.type;
  nlohmann::json merged = metadata;
  for (const auto& [key, value] : overrides.items())
    if (is_metadata_field(key)) merged[key] = value;
  try {
    metadata = merged.get<analyzers::DocumentMetadata>();
  } catch (const nlohmann::json::exception&) {
    return;  // a malformed list in a sidecar: keep what extraction found
  }
  if (overrides.contains("number") && !overrides.contains("number_key")) {
    metadata.number_key =
        metadata.number ? analyzers::symbol_key(*metadata.number) : std::optional<std::string>{};
  }
  if (overrides.contains("type") && !overrides.contains("type_code") &&
      metadata.type != extracted_type) {
    metadata.type_code.reset();
  }
}

analyzers::DocumentMetadata analyse(const ReadDocument& document) {
  analyzers::DocumentMetadata metadata = analyzers::extract_metadata(document.text);
  apply_overrides(metadata, document.overrides);
  return metadata;
}

}  // namespace vanban::indexer
