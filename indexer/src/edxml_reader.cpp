// edXML (QCVN 102:2016, docs/domain.md §5): the envelope's metadata is authoritative; the attached
// files, read with the other readers, are the document's text. Elements are matched by local
// name whatever their prefix or namespace, so SOAP-wrapped and provincial variants read too.
#include <cctype>
#include <map>

#include "base64.hpp"
#include "edxml_fields.hpp"
#include "formats.hpp"
#include "ocr.hpp"
#include "text_lines.hpp"
#include "xml_support.hpp"

namespace vanban::indexer::detail {
namespace {

using analyzers::MetadataField;

std::string clean(std::string_view text) {
  std::string collapsed = collapse_white_space(text);
  const auto first = collapsed.find_first_not_of(' ');
  if (first == std::string::npos) return {};
  const auto last = collapsed.find_last_not_of(' ');
  return collapsed.substr(first, last - first + 1);
}

// The cleaned text at a path of child elements below `node`; empty when any step is missing.
std::string field(const xmlNode* node, std::initializer_list<std::string_view> path) {
  for (const std::string_view name : path)
    node = child_element(node, name);
  return node == nullptr ? std::string{} : clean(text_content(node));
}

void set_if_present(MetadataOverrides& overrides, MetadataField field, std::string value) {
  if (!value.empty()) overrides.set(field, std::move(value));
}

std::string extension_for(std::string_view content_type) {
  if (content_type.find("pdf") != std::string_view::npos) return ".pdf";
  if (content_type.find("wordprocessingml") != std::string_view::npos) return ".docx";
  if (content_type.find("opendocument.text") != std::string_view::npos) return ".odt";
  if (content_type.find("msword") != std::string_view::npos) return ".doc";
  if (content_type.find("rtf") != std::string_view::npos) return ".rtf";
  if (content_type.find("spreadsheetml") != std::string_view::npos) return ".xlsx";
  if (content_type.find("ms-excel") != std::string_view::npos) return ".xls";
  if (content_type.find("zip") != std::string_view::npos) return ".zip";
  if (content_type.find("html") != std::string_view::npos) return ".html";
  if (content_type.find("text/plain") != std::string_view::npos) return ".txt";
  return {};
}

// The envelope's fields as overrides of the model, through the one table (edxml_fields.hpp).
MetadataOverrides envelope_metadata(const xmlNode* header, std::vector<std::string>& warnings) {
  MetadataOverrides overrides;
  std::string code_number;
  std::string code_notation;
  for (const EnvelopeField& entry : envelope_fields()) {
    const xmlNode* parent = entry.parent.empty() ? header : child_element(header, entry.parent);
    std::string value = field(parent, {entry.name});
    switch (entry.value) {
      case FieldValue::code_number:
        code_number = std::move(value);
        break;
      case FieldValue::code_notation:
        code_notation = std::move(value);
        break;
      case FieldValue::date:
        if (value.empty()) value = field(parent, {"Date"});  // older SOAP integrations
        if (value.empty()) break;
        if (auto iso = iso_date(value)) {
          overrides.set(entry.field, std::move(*iso));
        } else {
          warnings.push_back("edXML promulgation date not understood: " + value);
        }
        break;
      case FieldValue::text:
        set_if_present(overrides, entry.field, std::move(value));
        break;
    }
  }
  if (!code_number.empty() && !code_notation.empty()) {
    overrides.set(MetadataField::number, code_number + "/" + code_notation);
  } else if (code_notation.find('/') != std::string::npos) {
    // Some senders put the whole symbol in the notation.
    overrides.set(MetadataField::number, code_notation);
  }

  std::vector<std::string> recipients;
  if (const xmlNode* places = child_element(header, kRecipientsParent)) {
    for (const xmlNode* place = places->children; place != nullptr; place = place->next) {
      if (!is_element(place, kRecipientsElement)) continue;
      if (std::string name = clean(text_content(place)); !name.empty())
        recipients.push_back(std::move(name));
    }
  }
  if (!recipients.empty()) overrides.set_recipients(std::move(recipients));
  return overrides;
}

struct Attachment {
  std::string name;
  const xmlNode* data = nullptr;
};

// The base64 of attachments decoded as it is parsed (the tree never holds it): the character
// data of every <ContentTransferEncoded> and <Attachment> (base64 may stand directly in it), each
// element's own. What is held is the decoded bytes, three quarters of the base64 (the file's
// size limit bounds them), each attachment's freed once it is read. A plain-text attachment
// (named .txt or typed text/plain before its data, as QCVN 102 orders them) keeps no more than
// the text reader would read of it (text_input_limit): its text is cut at the limit anyway.
class AttachmentData final : public TextSink {
 public:
  explicit AttachmentData(std::uint64_t text_input) : text_input_(text_input) {}
  bool takes(const xmlNode* element) override {
    const std::string_view name = local_name(element);
    return name == "ContentTransferEncoded" || name == "Attachment";
  }
  void text(const xmlNode* element, std::string_view piece) override {
    auto [decoder, first] = decoders_.try_emplace(element);
    if (first && declared_plain_text(element))
      decoder->second.limit(static_cast<std::size_t>(text_input_) + 4);  // read_txt cuts it
    decoder->second.feed(piece);
  }
  // The decoder of an element's text, taken (an element without text: an empty one).
  Base64Decoder take(const xmlNode* element) {
    const auto found = decoders_.find(element);
    if (found == decoders_.end()) return {};
    Base64Decoder decoder = std::move(found->second);
    decoders_.erase(found);
    return decoder;
  }

 private:
  // Whether the attachment `data` belongs to says, before it, that it is plain text.
  static bool declared_plain_text(const xmlNode* data) {
    const xmlNode* attachment = local_name(data) == "Attachment" ? data : data->parent;
    if (attachment == nullptr) return false;
    for (const xmlNode* child = attachment->children; child != nullptr && child != data;
         child = child->next) {
      if (is_element(child, "AttachmentName")) {
        std::string name = clean(text_content(child));
        for (char& c : name)
          c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (name.ends_with(".txt")) return true;
      } else if (is_element(child, "ContentType") &&
                 clean(text_content(child)).starts_with("text/plain")) {
        return true;
      }
    }
    return false;
  }

  std::uint64_t text_input_;
  std::map<const xmlNode*, Base64Decoder> decoders_;
};

// Attachments and their names (from the attachment, else from the manifest by content id).
std::vector<Attachment> attachments(const xmlNode* root) {
  std::vector<Attachment> found;
  for (const xmlNode* node : find_elements(root, "Attachment")) {
    Attachment attachment;
    attachment.data = child_element(node, "ContentTransferEncoded");
    if (attachment.data == nullptr && child_element(node, "ContentId") == nullptr)
      attachment.data = node;  // base64 directly inside <Attachment>
    if (attachment.data == nullptr) continue;
    attachment.name = field(node, {"AttachmentName"});
    const std::string content_id = field(node, {"ContentId"});
    if (attachment.name.empty() && !content_id.empty()) {
      for (const xmlNode* reference : find_elements(root, "Reference")) {
        std::string id = field(reference, {"ContentId"});
        if (id.starts_with("cid:")) id.erase(0, 4);
        if (id == content_id || "cid:" + id == content_id)
          attachment.name = field(reference, {"AttachmentName"});
      }
    }
    if (attachment.name.empty()) {
      attachment.name = "attachment-" + std::to_string(found.size() + 1) +
                        extension_for(field(node, {"ContentType"}));
    }
    found.push_back(std::move(attachment));
  }
  return found;
}

}  // namespace

Result<ReadDocument> read_edxml(std::string_view bytes, const ReadOptions& options, int depth) {
  if (depth > 0)
    return make_error(ErrorKind::unsupported, "an edXML envelope attached inside another",
                      "Gói tin edXML lồng trong gói tin edXML khác");
  AttachmentData data(text_input_limit(options.max_text_bytes));
  auto xml = parse_xml(bytes, "edXML", data);
  if (!xml) return xml.error();
  const xmlNode* root = xmlDocGetRootElement(xml->get());
  const xmlNode* header = find_element(root, "MessageHeader");
  if (header == nullptr)
    return make_error(ErrorKind::unsupported, "XML that is not an edXML message (no MessageHeader)",
                      "Tệp XML không phải gói tin edXML");

  ReadDocument document;
  document.overrides = envelope_metadata(header, document.warnings);

  const std::vector<Attachment> found = attachments(root);
  for (std::size_t i = 0; i < found.size(); ++i) {
    const Attachment& attachment = found[i];
    // The document's text is cut at the limit (read_document): attachments past it are not
    // decoded, or a message of many attachments that each unpack within the bounds would
    // gather their texts beyond any (a 60 MB message of 50 compressed DOCX: gigabytes).
    if (document.text.size() >= options.max_text_bytes) {
      document.warnings.push_back(std::to_string(found.size() - i) +
                                  " attachment(s) past the text limit left out, from " +
                                  attachment.name);
      break;
    }
    ReadOptions nested = options;
    nested.max_text_bytes = options.max_text_bytes - document.text.size();
    Base64Decoder decoded = data.take(attachment.data);
    if (!decoded.valid()) {
      document.warnings.push_back("attachment " + attachment.name + ": invalid base64");
      continue;
    }
    if (decoded.cut()) {
      document.warnings.push_back("attachment " + attachment.name + ": text limit reached (" +
                                  std::to_string(options.max_text_bytes) +
                                  " bytes): kept the first " +
                                  std::to_string(text_input_limit(options.max_text_bytes)) +
                                  " bytes of " + std::to_string(decoded.decoded()));
    }
    auto read = read_nested(attachment.name, decoded.take(), nested, depth + 1);
    if (!read) {
      document.warnings.push_back("attachment " + attachment.name + ": " + read.error().message);
      continue;
    }
    if (!document.text.empty()) document.text += "\n\n";
    document.text += read->text;
    if (read->ocr) add_ocr_note(document.ocr, *read->ocr);
    for (const auto& warning : read->warnings)
      document.warnings.push_back("attachment " + attachment.name + ": " + warning);
  }
  if (document.text.empty()) {
    // No readable attachment: the envelope's own subject and summary keep it findable.
    for (const std::string_view name : {"Subject", "Content"}) {
      const std::string text = field(header, {name});
      if (!text.empty()) document.text += text + "\n";
    }
    if (document.text.empty())
      return make_error(ErrorKind::unsupported, "edXML message without readable text",
                        "Gói tin edXML không có nội dung đọc được");
    document.warnings.push_back("no readable attachment: indexed the envelope's subject only");
  }
  return document;
}

}  // namespace vanban::indexer::detail
