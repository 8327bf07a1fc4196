// The archive's metadata out, under the field names of Decree 30/2020 Phụ lục VI and edXML
// (edxml_fields.hpp): CSV, JSON Lines, and edXML envelopes carrying the original.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "vanban/archive/document.hpp"
#include "vanban/common/result.hpp"

namespace vanban::indexer::detail {

// DocumentId, FileName, Format, Sha256, then the envelope fields (SignerInfo.* flattened),
// then ToPlaces (recipients joined by "; ").
std::vector<std::string> csv_columns();
std::vector<std::string> csv_row(const archive::ArchivedDocument& document);
// One CSV record (RFC 4180: fields quoted when they hold a comma, quote or line break).
std::string csv_line(const std::vector<std::string>& fields);

// The same fields as one JSON object: absent ones null, SignerInfo an object as in edXML,
// ToPlaces a list.
nlohmann::json json_record(const archive::ArchivedDocument& document);

// The Phụ lục VI names an envelope needs and the document lacks (a date must name a day);
// empty when an envelope can be made.
std::vector<std::string> envelope_gaps(const analyzers::DocumentMetadata& metadata);

// Writes an edXML message for `document` (envelope_gaps() empty) with `original` attached,
// read and encoded a bounded chunk at a time.
Status write_envelope(std::ostream& out, const archive::ArchivedDocument& document,
                      const std::filesystem::path& original);

}  // namespace vanban::indexer::detail
