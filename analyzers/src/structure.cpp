// Placeholder until the structure-analysis work lands: finds nothing, guesses nothing.
#include "vanban/analyzers/structure.hpp"

namespace vanban::analyzers {

DocumentMetadata extract_metadata(std::string_view /*nfc_text*/) {
  return {};
}

}  // namespace vanban::analyzers
