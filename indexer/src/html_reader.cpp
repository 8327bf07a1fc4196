// HTML: libxml2's forgiving parser; page furniture (script, style, nav, header, footer) dropped,
// block elements as lines, tables row by row. Text in a legacy Vietnamese font (an element's
// font-family or <font face>: .VnTime, VNI-Times) is converted from its mojibake to Unicode.
#include <algorithm>
#include <array>
#include <optional>

#include <libxml/HTMLparser.h>

#include "vanban/analyzers/legacy_encoding.hpp"

#include "attribute_scan.hpp"
#include "charset.hpp"
#include "formats.hpp"
#include "text_lines.hpp"
#include "xml_support.hpp"

namespace vanban::indexer::detail {
namespace {

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

constexpr std::array<std::string_view, 16> kSkipped = {
    "script", "style",  "nav",    "header", "footer", "noscript", "template", "head",
    "svg",    "iframe", "object", "button", "select", "textarea", "map",      "canvas"};

constexpr std::array<std::string_view, 33> kBlocks = {
    "address",    "article", "aside",  "blockquote", "body", "caption", "center",
    "dd",         "details", "dialog", "div",        "dl",   "dt",      "fieldset",
    "figcaption", "figure",  "form",   "h1",         "h2",   "h3",      "h4",
    "h5",         "h6",      "hr",     "li",         "main", "ol",      "p",
    "section",    "summary", "ul",     "legend",     "html"};

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// The first family of a CSS font-family list ("'VNI-Times', serif" → "VNI-Times").
std::string first_family(std::string_view families) {
  const auto end = families.find(',');
  std::string_view first = families.substr(0, end);
  const auto begin = first.find_first_not_of(" \t\n\"'");
  if (begin == std::string_view::npos) return {};
  first.remove_prefix(begin);
  const auto last = first.find_last_not_of(" \t\n\"'");
  return std::string(first.substr(0, last + 1));
}

// The font an element sets for its text: <font face>, or font-family in its style attribute
// (the `font` shorthand is not read). Null when it sets none.
std::optional<std::string> declared_font(const xmlNode* node) {
  if (local_name(node) == "font") {
    if (std::string face = attribute(node, "face"); !face.empty()) return first_family(face);
  }
  const std::string style = attribute(node, "style");
  const auto at = lower_ascii(style).find("font-family");
  if (at == std::string::npos) return std::nullopt;
  const auto colon = style.find(':', at);
  if (colon == std::string::npos) return std::nullopt;
  const auto end = style.find(';', colon);
  return first_family(
      std::string_view(style).substr(colon + 1, end == std::string::npos ? end : end - colon - 1));
}

class HtmlText {
 public:
  // `convert_fonts`: false when the page's bytes were legacy and are converted already.
  explicit HtmlText(bool convert_fonts) : convert_fonts_(convert_fonts) {}

  // Whether an element set a legacy font (its text is converted as it is read).
  bool saw_legacy_font() const { return saw_legacy_font_; }

  void block(const xmlNode* node, Lines& out) { siblings(node->children, out); }

  void siblings(const xmlNode* first, Lines& out) {
    for (const xmlNode* node = first; node != nullptr; node = node->next)
      visit(node, out);
  }

 private:
  void visit(const xmlNode* node, Lines& out) {
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      text(node, out);
      return;
    }
    if (node->type != XML_ELEMENT_NODE) return;
    const auto outer_font = font_;
    if (const auto declared = declared_font(node); declared && convert_fonts_) {
      font_ = analyzers::legacy_font(*declared);
      saw_legacy_font_ = saw_legacy_font_ || font_.has_value();
    }
    element(node, out);
    font_ = outer_font;
  }

  void element(const xmlNode* node, Lines& out) {
    const std::string_view name = local_name(node);
    if (contains(kSkipped, name) || xmlHasProp(node, reinterpret_cast<const xmlChar*>("hidden")))
      return;
    if (name == "br") {
      out.end_line();
    } else if (name == "table") {
      table(node, out);
    } else if (name == "pre") {
      out.end_line();
      ++preformatted_;
      block(node, out);
      --preformatted_;
      out.end_line();
    } else if (contains(kBlocks, name) || name == "tr" || name == "td" || name == "th") {
      out.end_line();
      block(node, out);
      out.end_line();
    } else {
      block(node, out);  // inline: <b>, <span>, <a>, ...
    }
  }

  void text(const xmlNode* node, Lines& out) {
    std::string content = text_content(node);
    if (font_) content = analyzers::repair_legacy_text(content, *font_);
    if (preformatted_ > 0) {
      std::size_t start = 0;
      while (true) {
        const auto end = content.find('\n', start);
        out.append(std::string_view(content).substr(start, end - start));
        if (end == std::string::npos) break;
        out.end_line();
        start = end + 1;
      }
      return;
    }
    const std::string collapsed = collapse_white_space(content);
    if (collapsed.empty()) return;
    if (collapsed.front() == ' ') out.space();
    const auto first = collapsed.find_first_not_of(' ');
    if (first == std::string::npos) return;
    const auto last = collapsed.find_last_not_of(' ');
    out.append(std::string_view(collapsed).substr(first, last - first + 1));
    if (last + 1 < collapsed.size()) out.space();
  }

  void table(const xmlNode* node, Lines& out) {
    out.end_line();
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
      if (child->type != XML_ELEMENT_NODE) continue;
      const std::string_view name = local_name(child);
      if (name == "tr") {
        row(child, out);
      } else if (name == "thead" || name == "tbody" || name == "tfoot") {
        table(child, out);
      } else {
        visit(child, out);  // <caption> and stray content
      }
    }
    out.end_line();
  }

  void row(const xmlNode* node, Lines& out) {
    std::vector<std::vector<std::string>> cells;
    for (const xmlNode* cell = node->children; cell != nullptr; cell = cell->next) {
      if (!is_element(cell, "td") && !is_element(cell, "th")) continue;
      Lines cell_lines;
      block(cell, cell_lines);
      cells.push_back(cell_lines.take());
    }
    add_table_row(out, cells);
  }

  int preformatted_ = 0;
  bool convert_fonts_ = true;
  std::optional<analyzers::LegacyFont> font_;
  bool saw_legacy_font_ = false;
};

struct HtmlContextFree {
  void operator()(htmlParserCtxt* context) const { htmlFreeParserCtxt(context); }
};

}  // namespace

Result<ReadDocument> read_html(std::string_view bytes) {
  init_xml();
  Utf8Text page = html_to_utf8(bytes);
  if (auto refused = scan_for_tree(page.text, AttributeScan::Grammar::html, "HTML page"))
    return *refused;
  // The bytes are UTF-8 now whatever the page declared: tell libxml2 to ignore <meta charset>.
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                      HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | HTML_PARSE_NODEFDTD;
  std::unique_ptr<htmlParserCtxt, HtmlContextFree> context(htmlNewParserCtxt());
  if (!context) return make_error(ErrorKind::internal, "libxml2: out of memory");
  XmlDoc doc(htmlCtxtReadMemory(context.get(), page.text.data(), static_cast<int>(page.text.size()),
                                nullptr, "UTF-8", options));
  // The forgiving parser stops at its depth limit (256) and keeps what it read: what lies deeper
  // is lost, said rather than left to look like a page of no text.
  const xmlError* error = xmlCtxtGetLastError(context.get());
  const bool too_deep =
      error != nullptr && error->message != nullptr &&
      std::string_view(error->message).find("Excessive depth") != std::string_view::npos;
  const xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
  ReadDocument document;
  if (too_deep) {
    document.warnings.push_back(
        "the page nests elements deeper than the parser's limit (256): the text below that depth "
        "was left out");
  }
  if (root == nullptr) return document;  // an empty page
  Lines lines;
  const bool bytes_were_legacy = page.encoding == "tcvn3" || page.encoding == "vni-win";
  HtmlText extractor(!bytes_were_legacy);
  extractor.siblings(doc->children, lines);
  document.text = lines.joined();
  // No element named a legacy font (a style sheet may have), yet the text may be legacy
  // mojibake: detection decides.
  if (!bytes_were_legacy && !extractor.saw_legacy_font())
    document.text = analyzers::detect_and_repair_legacy_text(std::move(document.text)).text;
  if (too_deep && document.text.find_first_not_of(" \t\r\n") == std::string::npos) {
    return make_error(ErrorKind::invalid_argument,
                      "the page nests elements deeper than the parser's limit (256) and holds no "
                      "text above that depth",
                      "Trang HTML lồng nhau quá sâu (quá 256 cấp), không đọc được nội dung");
  }
  if (page.replaced > 0) {
    document.warnings.push_back(std::to_string(page.replaced) +
                                " invalid byte sequences replaced (" + page.encoding + ")");
  }
  return document;
}

}  // namespace vanban::indexer::detail
