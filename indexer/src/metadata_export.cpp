#include "metadata_export.hpp"

#include <array>
#include <fstream>
#include <memory>

#include <nlohmann/json.hpp>

#include "base64.hpp"
#include "edxml_fields.hpp"

namespace vanban::indexer::detail {
namespace {

constexpr std::string_view kNamespace = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
constexpr std::string_view kRecipientsColumn = "ToPlaces";
// 3 × 16 K bytes of original per read: a whole number of base64 groups, bounded memory.
constexpr std::size_t kChunk = 3 * 16 * 1024;

std::string xml_escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        // XML 1.0 has no control characters but tab and line breaks.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') {
          out += ' ';
        } else {
          out += c;
        }
    }
  }
  return out;
}

// The field's value in an envelope: dates as yyyy/MM/dd.
std::string envelope_value(const analyzers::DocumentMetadata& metadata,
                           const EnvelopeField& field) {
  std::string value = model_value(metadata, field);
  if (field.value == FieldValue::date && value.size() == 10) {
    value[4] = '/';
    value[7] = '/';
  }
  return value;
}

std::string content_type(std::string_view format) {
  if (format == "pdf") return "application/pdf";
  if (format == "docx")
    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  if (format == "html") return "text/html";
  return "text/plain";
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += "; ";
    out += item;
  }
  return out;
}

}  // namespace

std::vector<std::string> csv_columns() {
  std::vector<std::string> columns = {"DocumentId", "FileName", "Format", "Sha256"};
  for (const EnvelopeField& field : envelope_fields())
    columns.push_back(flat_name(field));
  columns.emplace_back(kRecipientsColumn);
  return columns;
}

std::vector<std::string> csv_row(const archive::ArchivedDocument& document) {
  std::vector<std::string> row = {document.id, document.filename, document.format, document.sha256};
  for (const EnvelopeField& field : envelope_fields())
    row.push_back(model_value(document.metadata, field));
  row.push_back(joined(document.metadata.recipients));
  return row;
}

std::string csv_line(const std::vector<std::string>& fields) {
  std::string line;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) line += ',';
    const std::string& field = fields[i];
    if (field.find_first_of(",\"\r\n") == std::string::npos) {
      line += field;
      continue;
    }
    line += '"';
    for (const char c : field) {
      if (c == '"') line += '"';
      line += c;
    }
    line += '"';
  }
  line += "\r\n";
  return line;
}

nlohmann::json json_record(const archive::ArchivedDocument& document) {
  nlohmann::json record = {{"DocumentId", document.id},
                           {"FileName", document.filename},
                           {"Format", document.format},
                           {"Sha256", document.sha256}};
  for (const EnvelopeField& field : envelope_fields()) {
    const std::string value = model_value(document.metadata, field);
    nlohmann::json shown = value.empty() ? nlohmann::json(nullptr) : nlohmann::json(value);
    if (field.parent == "SignerInfo") {
      record["SignerInfo"][std::string(field.name)] = std::move(shown);
    } else {
      record[std::string(field.name)] = std::move(shown);
    }
  }
  record[std::string(kRecipientsColumn)] = document.metadata.recipients;
  return record;
}

std::vector<std::string> envelope_gaps(const analyzers::DocumentMetadata& metadata) {
  std::vector<std::string> gaps;
  for (const EnvelopeField& field : envelope_fields()) {
    if (field.parent == "SignerInfo" || field.parent == "PromulgationInfo") {
      // The signer may be unknown; a place is optional. A date must name a day.
      if (field.value != FieldValue::date) continue;
      if (!iso_date(model_value(metadata, field))) gaps.push_back(flat_name(field));
      continue;
    }
    if (model_value(metadata, field).empty()) gaps.push_back(flat_name(field));
  }
  return gaps;
}

Status write_envelope(std::ostream& out, const archive::ArchivedDocument& document,
                      const std::filesystem::path& original) {
  std::ifstream in(original, std::ios::binary);
  if (!in) {
    return make_error(ErrorKind::not_found, "original missing: " + original.string(),
                      "Thiếu bản gốc của văn bản " + document.id);
  }
  const analyzers::DocumentMetadata& metadata = document.metadata;
  const std::string name = xml_escaped(document.filename);
  const std::string type = content_type(document.format);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<edXML xmlns=\"" << kNamespace << "\">\n"
      << "<edXML:edXMLEnvelope xmlns:edXML=\"" << kNamespace << "\">\n"
      << "<edXML:edXMLHeader>\n<edXML:MessageHeader>\n";
  std::string_view open_parent;
  for (const EnvelopeField& field : envelope_fields()) {
    const std::string value = envelope_value(metadata, field);
    if (field.parent != open_parent) {
      if (!open_parent.empty()) out << "</edXML:" << open_parent << ">\n";
      open_parent = field.parent;
      if (!open_parent.empty()) out << "<edXML:" << open_parent << ">\n";
    }
    if (value.empty()) continue;
    out << "<edXML:" << field.name << '>' << xml_escaped(value) << "</edXML:" << field.name
        << ">\n";
  }
  if (!open_parent.empty()) out << "</edXML:" << open_parent << ">\n";
  if (!metadata.recipients.empty()) {
    out << "<edXML:" << kRecipientsParent << ">\n";
    for (const std::string& place : metadata.recipients) {
      out << "<edXML:" << kRecipientsElement << '>' << xml_escaped(place)
          << "</edXML:" << kRecipientsElement << ">\n";
    }
    out << "</edXML:" << kRecipientsParent << ">\n";
  }
  out << "<edXML:DocumentId>" << xml_escaped(document.id) << "</edXML:DocumentId>\n"
      << "</edXML:MessageHeader>\n</edXML:edXMLHeader>\n"
      << "<edXML:edXMLBody>\n<edXML:edXMLManifest version=\"1.0\">\n<edXML:Reference>\n"
      << "<edXML:AttachmentName>" << name << "</edXML:AttachmentName>\n"
      << "<edXML:ContentType>" << type << "</edXML:ContentType>\n"
      << "<edXML:ContentId>cid:" << document.sha256 << "</edXML:ContentId>\n"
      << "</edXML:Reference>\n</edXML:edXMLManifest>\n</edXML:edXMLBody>\n"
      << "</edXML:edXMLEnvelope>\n"
      << "<AttachmentEncoded>\n<Attachment>\n"
      << "<ContentType>" << type << "</ContentType>\n"
      << "<ContentId>" << document.sha256 << "</ContentId>\n"
      << "<AttachmentName>" << name << "</AttachmentName>\n"
      << "<ContentTransferEncoded>";
  const auto buffer = std::make_unique<char[]>(kChunk);
  while (in) {
    in.read(buffer.get(), static_cast<std::streamsize>(kChunk));
    const auto got = static_cast<std::size_t>(in.gcount());
    if (got == 0) break;
    out << encode_base64(std::string_view(buffer.get(), got)) << '\n';
  }
  if (in.bad()) return make_error(ErrorKind::io, "cannot read " + original.string());
  out << "</ContentTransferEncoded>\n</Attachment>\n</AttachmentEncoded>\n</edXML>\n";
  if (!out) return make_error(ErrorKind::io, "cannot write the envelope of " + document.id);
  return Status::success();
}

}  // namespace vanban::indexer::detail
