// libxml2 with RAII and by local name (edXML and OOXML use prefixes inconsistently).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <libxml/tree.h>
#include <libxml/xmlreader.h>

#include "vanban/common/result.hpp"

namespace vanban::indexer::detail {

// Bytes handed to the parser a chunk at a time (a zip entry inflated as it is read).
class ChunkSource {
 public:
  virtual ~ChunkSource() = default;
  // Up to `size` bytes into `buffer`; 0 at the end, -1 on an error (error() then says which).
  virtual long read(char* buffer, std::size_t size) = 0;
  virtual const std::optional<Error>& error() const = 0;
};

struct XmlDocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using XmlDoc = std::unique_ptr<xmlDoc, XmlDocFree>;

// Initialises libxml2 once per process (required before parsing from several threads).
void init_xml();

// Parses well-formed XML without network access or entity expansion; `what` names the input in
// the error ("word/document.xml"). `huge` lifts libxml2's 10 MB text-node limit (base64).
Result<XmlDoc> parse_xml(std::string_view bytes, std::string_view what, bool huge = false);
// The same read from a source as it comes (only the tree is held, not the bytes); the source's
// own error, when it failed, is returned as it is.
Result<XmlDoc> parse_xml(ChunkSource& source, std::string_view what, bool huge = false);

// Text the tree does not keep: the character data of the elements a sink takes is handed to it
// a piece at a time as it is parsed (an edXML attachment's base64, tens of megabytes, never one
// text node), and those elements are left without text in the tree.
class TextSink {
 public:
  virtual ~TextSink() = default;
  virtual bool takes(const xmlNode* element) = 0;
  virtual void text(const xmlNode* element, std::string_view piece) = 0;
};
Result<XmlDoc> parse_xml(std::string_view bytes, std::string_view what, TextSink& sink);

// The error for XML that libxml2 refused, by its cause: elements nested past libxml2's depth
// limit (256), a text node, name or attribute past its size limit (10 MB), no content, or
// malformed at a line. The English message names libxml2's own words; the Vietnamese one says
// the cause in plain words, with the line.
Error xml_error(std::string_view what, int code, std::string_view detail, int line);

// A part read element by element (libxml2's xmlTextReader), for parts whose size the document's
// text does not bound (a spreadsheet's cells, its shared strings): only the element at hand is
// held as a tree, not the part (a 30 MB sheet of a million cells took 1.5 GB as one tree). The
// parsing options of parse_xml (no network, no entity declarations).
class XmlStream {
 public:
  XmlStream(std::string_view bytes, std::string_view what);
  // Read from a source as it comes: what is held is the parser's window of the bytes, not the
  // part. The source must outlive the stream.
  XmlStream(ChunkSource& source, std::string_view what);
  XmlStream(const XmlStream&) = delete;
  XmlStream& operator=(const XmlStream&) = delete;
  ~XmlStream();

  // Moves to the next element's start tag (its local name then given by name()); false at the
  // end of the part or on an error (error() then says which).
  bool next_element();
  std::string_view name() const;
  // Nesting depth of the element: 0 for the root.
  int depth() const;
  // The element and its subtree as a tree, valid until the next call; null on an error.
  const xmlNode* expand();
  // Moves past the element's subtree; the next next_element() gives what follows it.
  void skip();
  // The value of the element's attribute with this local name (w:type, type), or empty.
  std::string attribute(std::string_view name) const;
  // Set once the part turned out not to be well-formed XML, or its source failed.
  const std::optional<Error>& error() const { return error_; }
  // Whether error() is the source's own (a damaged zip entry), not the XML's.
  bool source_failed() const { return source_ != nullptr && source_->error().has_value(); }

 private:
  void fail();
  void set_error_handler();
  xmlTextReaderPtr reader_ = nullptr;
  std::unique_ptr<ChunkSource> scanned_;  // the source given, its markup scanned as it is read
  ChunkSource* source_ = nullptr;
  std::string first_error_;  // libxml2's message of the first error, its code and line
  int first_error_code_ = 0;
  int first_error_line_ = 0;
  std::string what_;
  bool skipped_ = false;  // skip() already moved to the next node
  std::optional<Error> error_;
};

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
