// Metadata a container (an edXML envelope) or a sidecar states about its document: typed and
// checked where it is read, then applied over what extraction finds.
#pragma once

#include <bitset>
#include <optional>
#include <string>
#include <vector>

#include "vanban/analyzers/metadata_fields.hpp"
#include "vanban/analyzers/structure.hpp"

namespace vanban::indexer {

class MetadataOverrides {
 public:
  using Field = analyzers::MetadataField;

  // States a text field (not recipients or citations); nullopt states that it is empty.
  void set(Field field, std::optional<std::string> value);
  void set_recipients(std::vector<std::string> recipients);
  void set_citations(std::vector<analyzers::Citation> citations);

  bool states(Field field) const { return stated_.test(analyzers::index_of(field)); }
  bool empty() const { return stated_.none(); }
  // The stated values; a field not stated is empty here.
  const analyzers::DocumentMetadata& values() const { return values_; }

  // The fields `later` states win over this one's (a sidecar over an edXML envelope).
  void merge(const MetadataOverrides& later);

  // Sets every stated field of `metadata`. A new number without a number_key gets the key of
  // the new number; a new type without a type_code drops an extracted code that belonged to
  // another type.
  void apply_to(analyzers::DocumentMetadata& metadata) const;

 private:
  analyzers::DocumentMetadata values_;
  std::bitset<analyzers::kMetadataFields.size()> stated_;
};

}  // namespace vanban::indexer
