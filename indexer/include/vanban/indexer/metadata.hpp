// From a read document to its metadata: the analyzers' extraction, then the container's and the
// sidecar's authoritative fields on top.
#pragma once

#include "vanban/analyzers/structure.hpp"
#include "vanban/indexer/reader.hpp"

namespace vanban::indexer {

// extract_metadata(document.text) with document.overrides applied (MetadataOverrides::apply_to).
analyzers::DocumentMetadata analyze(const ReadDocument& document);

}  // namespace vanban::indexer
