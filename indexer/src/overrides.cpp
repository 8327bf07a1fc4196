#include "vanban/indexer/overrides.hpp"

#include "vanban/analyzers/symbol.hpp"

namespace vanban::indexer {

using analyzers::MetadataField;

void MetadataOverrides::set(Field field, std::optional<std::string> value) {
  const auto member = analyzers::metadata_field_spec(field).text;
  if (member == nullptr) return;  // a list: set_recipients, set_citations
  values_.*member = std::move(value);
  stated_.set(analyzers::index_of(field));
}

void MetadataOverrides::set_recipients(std::vector<std::string> recipients) {
  values_.recipients = std::move(recipients);
  stated_.set(analyzers::index_of(MetadataField::recipients));
}

void MetadataOverrides::set_citations(std::vector<analyzers::Citation> citations) {
  values_.citations = std::move(citations);
  stated_.set(analyzers::index_of(MetadataField::citations));
}

void MetadataOverrides::merge(const MetadataOverrides& later) {
  for (const analyzers::MetadataFieldSpec& spec : analyzers::kMetadataFields) {
    if (!later.states(spec.id)) continue;
    analyzers::copy_field(spec.id, later.values_, values_);
    stated_.set(analyzers::index_of(spec.id));
  }
}

void MetadataOverrides::apply_to(analyzers::DocumentMetadata& metadata) const {
  if (empty()) return;
  const auto extracted_type = metadata.type;
  for (const analyzers::MetadataFieldSpec& spec : analyzers::kMetadataFields)
    if (states(spec.id)) analyzers::copy_field(spec.id, values_, metadata);
  if (states(MetadataField::number) && !states(MetadataField::number_key)) {
    metadata.number_key =
        metadata.number ? analyzers::symbol_key(*metadata.number) : std::optional<std::string>{};
  }
  if (states(MetadataField::type) && !states(MetadataField::type_code) &&
      metadata.type != extracted_type) {
    metadata.type_code.reset();
  }
}

}  // namespace vanban::indexer
