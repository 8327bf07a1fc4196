#include "xml_support.hpp"

#include <mutex>

#include <libxml/parser.h>

namespace vanban::indexer::detail {
namespace {

struct ParserContextFree {
  void operator()(xmlParserCtxt* context) const { xmlFreeParserCtxt(context); }
};

std::string_view as_view(const xmlChar* text) {
  return text == nullptr ? std::string_view{}
                         : std::string_view(reinterpret_cast<const char*>(text));
}

void collect(const xmlNode* node, std::string_view name, std::vector<const xmlNode*>& found) {
  for (; node != nullptr; node = node->next) {
    if (node->type != XML_ELEMENT_NODE) continue;
    if (local_name(node) == name) found.push_back(node);
    collect(node->children, name, found);
  }
}

}  // namespace

void init_xml() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

Result<XmlDoc> parse_xml(std::string_view bytes, std::string_view what, bool huge) {
  init_xml();
  std::unique_ptr<xmlParserCtxt, ParserContextFree> context(xmlNewParserCtxt());
  if (!context) return make_error(ErrorKind::internal, "libxml2: out of memory");
  int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
  if (huge) options |= XML_PARSE_HUGE;
  // No entity declarations: nested ones ("billion laughs") expand exponentially when parsed or
  // read, and XML_PARSE_HUGE lifts libxml2's guard. DOCX and edXML never declare any; with the
  // handler gone a reference to one is an undefined entity and the file is refused.
  context->sax->entityDecl = nullptr;
  XmlDoc doc(xmlCtxtReadMemory(context.get(), bytes.data(), static_cast<int>(bytes.size()), nullptr,
                               nullptr, options));
  if (!doc || context->wellFormed == 0) {
    std::string message = std::string(what) + " is not well-formed XML";
    std::string user_message = "Nội dung XML sai cú pháp";
    if (const xmlError* error = xmlCtxtGetLastError(context.get()); error != nullptr) {
      std::string detail = error->message != nullptr ? error->message : "";
      while (!detail.empty() && (detail.back() == '\n' || detail.back() == ' '))
        detail.pop_back();
      message += " (line " + std::to_string(error->line) + ": " + detail + ")";
      user_message += " (dòng " + std::to_string(error->line) + ")";
    }
    return make_error(ErrorKind::invalid_argument, message, user_message);
  }
  if (xmlDocGetRootElement(doc.get()) == nullptr)
    return make_error(ErrorKind::invalid_argument, std::string(what) + " has no root element",
                      "Nội dung XML rỗng");
  return doc;
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
