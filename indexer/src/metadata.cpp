#include "vanban/indexer/metadata.hpp"

namespace vanban::indexer {

analyzers::DocumentMetadata analyze(const ReadDocument& document) {
  analyzers::DocumentMetadata metadata = analyzers::extract_metadata(document.text);
  document.overrides.apply_to(metadata);
  return metadata;
}

}  // namespace vanban::indexer
