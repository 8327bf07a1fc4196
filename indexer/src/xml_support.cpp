#include "xml_support.hpp"

#include <mutex>

#include <libxml/SAX2.h>
#include <libxml/parser.h>

#include "attribute_scan.hpp"

namespace vanban::indexer::detail {
namespace {

struct ParserContextFree {
  void operator()(xmlParserCtxt* context) const { xmlFreeParserCtxt(context); }
};

std::string_view as_view(const xmlChar* text) {
  return text == nullptr ? std::string_view{}
                         : std::string_view(reinterpret_cast<const char*>(text));
}

// libxml2's input callbacks over a ChunkSource (the source outlives the parser; nothing to close).
int read_chunk(void* source, char* buffer, int size) {
  if (size <= 0) return 0;
  return static_cast<int>(
      static_cast<ChunkSource*>(source)->read(buffer, static_cast<std::size_t>(size)));
}

int close_nothing(void* /*source*/) {
  return 0;
}

void collect(const xmlNode* node, std::string_view name, std::vector<const xmlNode*>& found) {
  for (; node != nullptr; node = node->next) {
    if (node->type != XML_ELEMENT_NODE) continue;
    if (local_name(node) == name) found.push_back(node);
    collect(node->children, name, found);
  }
}

}  // namespace

Error xml_error(std::string_view what, int code, std::string_view detail, int line) {
  while (!detail.empty() && (detail.back() == '\n' || detail.back() == ' '))
    detail.remove_suffix(1);
  const std::string where = line > 0 ? " (dòng " + std::to_string(line) + ")" : "";
  const std::string english =
      line > 0 ? "line " + std::to_string(line) + ": " + std::string(detail) : std::string(detail);
  // libxml2 2.9 reports its limits as an internal error ("Excessive depth in document: 256 use
  // XML_PARSE_HUGE option") or an out-of-memory one ("xmlSAX2Characters: huge text node"); the
  // size limits on names and attribute values name XML_PARSE_HUGE or say "too long".
  if (detail.find("Excessive depth") != std::string_view::npos) {
    return make_error(
        ErrorKind::invalid_argument,
        std::string(what) + " nests elements deeper than the parser's limit (" + english + ")",
        "Nội dung XML lồng nhau quá sâu, quá 256 cấp" + where);
  }
  if (code == XML_ERR_NO_MEMORY || detail.find("huge") != std::string_view::npos ||
      detail.find("XML_PARSE_HUGE") != std::string_view::npos ||
      detail.find("too long") != std::string_view::npos ||
      detail.find("too big") != std::string_view::npos) {
    return make_error(
        ErrorKind::invalid_argument,
        std::string(what) + " has a text, name or attribute past the parser's size " + "limit (" +
            english + ")",
        "Nội dung XML có một đoạn liền khối quá 10 MB, vượt giới hạn kích thước" + where);
  }
  if (code == XML_ERR_DOCUMENT_EMPTY) {
    return make_error(ErrorKind::invalid_argument,
                      std::string(what) + " is empty (" + english + ")", "Nội dung XML rỗng");
  }
  std::string message = std::string(what) + " is not well-formed XML";
  if (!english.empty()) message += " (" + english + ")";
  return make_error(
      ErrorKind::invalid_argument, message,
      "Nội dung XML sai cú pháp" + (line > 0 ? " ở dòng " + std::to_string(line) : std::string{}));
}

void init_xml() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

namespace {

// Character data (text, or CDATA) of an element the sink takes goes to it, the rest into the tree
// as libxml2's own handler puts it.
template <void (*kIntoTree)(void*, const xmlChar*, int)>
void to_sink(void* user, const xmlChar* text, int length) {
  auto* context = static_cast<xmlParserCtxt*>(user);
  auto* sink = static_cast<TextSink*>(context->_private);
  if (context->node != nullptr && sink->takes(context->node)) {
    sink->text(context->node, std::string_view(reinterpret_cast<const char*>(text),
                                               static_cast<std::size_t>(length)));
    return;
  }
  kIntoTree(user, text, length);
}

// A parser context with parse_xml's options, `read` parsing with it into a tree.
template <typename Read>
Result<XmlDoc> parse_with(std::string_view what, bool huge, const ChunkSource* source, Read read,
                          TextSink* sink = nullptr) {
  init_xml();
  std::unique_ptr<xmlParserCtxt, ParserContextFree> context(xmlNewParserCtxt());
  if (!context) return make_error(ErrorKind::internal, "libxml2: out of memory");
  if (sink != nullptr) {
    context->_private = sink;
    context->sax->characters = to_sink<xmlSAX2Characters>;
    context->sax->cdataBlock = to_sink<xmlSAX2CDataBlock>;
  }
  int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
  if (huge) options |= XML_PARSE_HUGE;
  // No entity declarations: nested ones ("billion laughs") expand exponentially when parsed or
  // read, and XML_PARSE_HUGE lifts libxml2's guard. DOCX and edXML never declare any; with the
  // handler gone a reference to one is an undefined entity and the file is refused.
  context->sax->entityDecl = nullptr;
  XmlDoc doc(read(context.get(), options));
  if (source != nullptr && source->error()) return *source->error();
  if (!doc || context->wellFormed == 0) {
    const xmlError* error = xmlCtxtGetLastError(context.get());
    if (error == nullptr) return xml_error(what, 0, "", 0);
    return xml_error(what, error->code, error->message != nullptr ? error->message : "",
                     error->line);
  }
  if (xmlDocGetRootElement(doc.get()) == nullptr)
    return make_error(ErrorKind::invalid_argument, std::string(what) + " has no root element",
                      "Nội dung XML rỗng");
  return doc;
}

}  // namespace

Result<XmlDoc> parse_xml(std::string_view bytes, std::string_view what, bool huge) {
  if (auto refused = scan_for_tree(bytes, AttributeScan::Grammar::xml, what)) return *refused;
  return parse_with(what, huge, nullptr, [&](xmlParserCtxt* context, int options) {
    return xmlCtxtReadMemory(context, bytes.data(), static_cast<int>(bytes.size()), nullptr,
                             nullptr, options);
  });
}

Result<XmlDoc> parse_xml(std::string_view bytes, std::string_view what, TextSink& sink) {
  if (auto refused = scan_for_tree(bytes, AttributeScan::Grammar::xml, what)) return *refused;
  return parse_with(
      what, false, nullptr,
      [&](xmlParserCtxt* context, int options) {
        return xmlCtxtReadMemory(context, bytes.data(), static_cast<int>(bytes.size()), nullptr,
                                 nullptr, options);
      },
      &sink);
}

Result<XmlDoc> parse_xml(ChunkSource& source, std::string_view what, bool huge) {
  ScannedSource scanned(source, what);
  return parse_with(what, huge, &scanned, [&](xmlParserCtxt* context, int options) {
    return xmlCtxtReadIO(context, read_chunk, close_nothing, &scanned, nullptr, nullptr, options);
  });
}

XmlStream::XmlStream(std::string_view bytes, std::string_view what) : what_(what) {
  if (auto refused = scan_attributes(bytes, AttributeScan::Grammar::xml, what)) {
    error_ = std::move(*refused);
    return;
  }
  init_xml();
  reader_ = xmlReaderForMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, nullptr,
                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  set_error_handler();
}

XmlStream::XmlStream(ChunkSource& source, std::string_view what)
    : scanned_(std::make_unique<ScannedSource>(source, what)),
      source_(scanned_.get()),
      what_(what) {
  init_xml();
  reader_ = xmlReaderForIO(read_chunk, close_nothing, source_, nullptr, nullptr,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  set_error_handler();
}

void XmlStream::set_error_handler() {
  if (reader_ == nullptr) {
    fail();
    return;
  }
  // Errors are this part's, reported as a value (NOERROR alone leaves some on stderr).
  xmlTextReaderSetStructuredErrorHandler(
      reader_,
      [](void* self, xmlErrorPtr error) {
        auto* stream = static_cast<XmlStream*>(self);
        if (!stream->first_error_.empty() || error == nullptr || error->message == nullptr) return;
        stream->first_error_ = error->message;
        stream->first_error_code_ = error->code;
        stream->first_error_line_ = error->line;
      },
      this);
}

XmlStream::~XmlStream() {
  if (reader_ != nullptr) xmlFreeTextReader(reader_);
}

void XmlStream::fail() {
  if (error_) return;
  if (source_ != nullptr && source_->error()) {
    error_ = *source_->error();  // the zip entry's damage, not the XML's
    return;
  }
  error_ = xml_error(what_, first_error_code_, first_error_, first_error_line_);
}

bool XmlStream::next_element() {
  if (reader_ == nullptr || error_) return false;
  while (true) {
    const int status = skipped_ ? 1 : xmlTextReaderRead(reader_);
    skipped_ = false;
    if (status == 0) return false;
    if (status < 0) {
      fail();
      return false;
    }
    const int type = xmlTextReaderNodeType(reader_);
    // No part of a zipped office document declares a DTD; one could declare nested entities
    // (billion laughs) that reading a node's text would expand.
    if (type == XML_READER_TYPE_DOCUMENT_TYPE) {
      error_ = make_error(ErrorKind::invalid_argument,
                          what_ + " declares a document type (no office part does)",
                          "Nội dung XML có khai báo DOCTYPE, tệp văn phòng không bao giờ có");
      return false;
    }
    if (type == XML_READER_TYPE_ELEMENT) return true;
  }
}

std::string_view XmlStream::name() const {
  const xmlChar* name = reader_ != nullptr ? xmlTextReaderConstLocalName(reader_) : nullptr;
  return as_view(name);
}

int XmlStream::depth() const {
  return reader_ != nullptr ? xmlTextReaderDepth(reader_) : -1;
}

const xmlNode* XmlStream::expand() {
  const xmlNode* node = reader_ != nullptr ? xmlTextReaderExpand(reader_) : nullptr;
  if (node == nullptr) fail();
  return node;
}

void XmlStream::skip() {
  if (reader_ == nullptr || error_) return;
  const int status = xmlTextReaderNext(reader_);
  if (status < 0) fail();
  // xmlTextReaderNext already stands on the node after the subtree: next_element reads it first.
  skipped_ = status == 1;
}

std::string XmlStream::attribute(std::string_view name) const {
  if (reader_ == nullptr || error_) return {};
  std::string value;
  // By local name, the first match, as attribute() finds it on a tree (xmlGetProp).
  for (int more = xmlTextReaderMoveToFirstAttribute(reader_); more == 1;
       more = xmlTextReaderMoveToNextAttribute(reader_)) {
    if (as_view(xmlTextReaderConstLocalName(reader_)) == name) {
      value = std::string(as_view(xmlTextReaderConstValue(reader_)));
      break;
    }
  }
  xmlTextReaderMoveToElement(reader_);
  return value;
}

std::string_view local_name(const xmlNode* node) {
  return as_view(node->name);
}

bool is_element(const xmlNode* node, std::string_view name) {
  return node != nullptr && node->type == XML_ELEMENT_NODE && local_name(node) == name;
}

const xmlNode* child_element(const xmlNode* node, std::string_view name) {
  if (node == nullptr) return nullptr;
  for (const xmlNode* child = node->children; child != nullptr; child = child->next)
    if (is_element(child, name)) return child;
  return nullptr;
}

const xmlNode* find_element(const xmlNode* node, std::string_view name) {
  if (node == nullptr) return nullptr;
  if (is_element(node, name)) return node;
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) continue;
    if (const xmlNode* found = find_element(child, name)) return found;
  }
  return nullptr;
}

std::vector<const xmlNode*> find_elements(const xmlNode* node, std::string_view name) {
  std::vector<const xmlNode*> found;
  if (node == nullptr) return found;
  if (is_element(node, name)) found.push_back(node);
  collect(node->children, name, found);
  return found;
}

std::string text_content(const xmlNode* node) {
  if (node == nullptr) return {};
  xmlChar* content = xmlNodeGetContent(node);
  std::string text(as_view(content));
  xmlFree(content);
  return text;
}

std::string attribute(const xmlNode* node, std::string_view name) {
  if (node == nullptr) return {};
  // xmlGetProp matches the local name whatever the attribute's namespace (w:type, type).
  const std::string key(name);
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(key.c_str()));
  std::string text(as_view(value));
  xmlFree(value);
  return text;
}

}  // namespace vanban::indexer::detail
