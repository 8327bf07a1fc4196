// From a read document to its metadata: the analyzers' extraction, then the container's and the
// sidecar's authoritative fields on top.
#pragma once

#include <nlohmann/json.hpp>

#include "vanban/analyzers/structure.hpp"
#include "vanban/indexer/reader.hpp"

namespace vanban::indexer {

// The field names of the metadata model that overrides may set.
bool is_metadata_field(std::string_view name);

// Sets every model field present in `overrides` (a JSON object; anything else is ignored).
// A new number without a number_key gets the key of the new number; a new type without a
// type_code drops an extracted code that belonged to another type.
void apply_overrides(analyzers::DocumentMetadata& metadata, const nlohmann::json& overrides);

// extract_metadata(document.text) with document.overrides applied.
analyzers::DocumentMetadata analyse(const ReadDocument& document);

}  // namespace vanban::indexer
