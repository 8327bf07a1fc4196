// libxml2 with RAII and by local name (edXML and OOXML use prefixes inconsistently).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <libxml/tree.h>

#include "vanban/common/result.hpp"

namespace vanban::indexer::detail {

struct XmlDocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using XmlDoc = std::unique_ptr<xmlDoc, XmlDocFree>;

// Initialises libxml2 once per process (required before parsing from several threads).
void init_xml();

// Parses well-formed XML without network access or entity expansion; `what` names the input in
// the error ("word/document.xml"). `huge` lifts libxml2's 10 MB text-node limit (base64).
Result<XmlDoc> parse_xml(std::string_view bytes, std::string_view what, bool huge = false);

std::string_view local_name(const xmlNode* node);
bool is_element(const xmlNode* node, std::string_view name);
// First child element with this local name, or null.
const xmlNode* child_element(const xmlNode* node, std::string_view name);
// First element with this local name in document order below `node` (node included), or null.
const xmlNode* find_element(const xmlNode* node, std::string_view name);
// Every element with this local name below `node`, in document order.
std::vector<const xmlNode*> find_elements(const xmlNode* node, std::string_view name);
// The concatenated text of a node and its descendants.
std::string text_content(const xmlNode* node);
// An attribute's value by local name, or empty.
std::string attribute(const xmlNode* node, std::string_view name);

}  // namespace vanban::indexer::detail
