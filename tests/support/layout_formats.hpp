// The layout families of issue 11 that need a container: the parts of a document
// (layout_renderer.hpp) as an HTML page and as a DOCX file, each with the header in a
// two-column borderless table (issuer | motto, number and V/v | place and date) and the
// signature block in the right cell of another, as offices write them (docs/domain.md §1.3).
#pragma once

#include <string>
#include <vector>

#include "layout_renderer.hpp"
#include "stored_zip.hpp"

namespace vanban::testing {

namespace layout_detail {

inline std::string xml_text(std::string_view text) {
  std::string out;
  for (char c : text) {
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
        out.push_back(c);
    }
  }
  return out;
}

// The document as blocks: paragraphs, and two-column tables of lines.
struct Block {
  std::vector<std::string> paragraphs;  // a paragraph block when `table` is empty
  std::vector<std::vector<std::vector<std::string>>> table;  // rows of two cells of lines
};

inline std::vector<Block> blocks_of(const DocumentParts& parts) {
  std::vector<Block> blocks;
  Block before;
  before.paragraphs = parts.before;
  blocks.push_back(before);
  if (parts.has_header()) {
    Block header;
    std::vector<std::string> issuer = parts.issuer;
    issuer.emplace_back("-------");
    std::vector<std::string> motto = parts.motto;
    motto.emplace_back("---------------");
    header.table.push_back({issuer, motto});
    std::vector<std::string> left;
    if (!parts.number.empty()) left.push_back(parts.number);
    left.insert(left.end(), parts.subject.begin(), parts.subject.end());
    std::vector<std::string> right;
    if (!parts.place_date.empty()) right.push_back(parts.place_date);
    header.table.push_back({left, right});
    blocks.push_back(header);
  }
  Block body;
  for (std::size_t i = 0; i < parts.rest.size(); ++i) {
    if (parts.signature_end != 0 && i == parts.signature_begin) {
      blocks.push_back(body);
      body = Block{};
      Block signature;
      std::vector<std::string> lines;
      for (std::size_t k = parts.signature_begin; k < parts.signature_end; ++k)
        if (!trim(parts.rest[k]).empty()) lines.emplace_back(trim(parts.rest[k]));
      signature.table.push_back({{}, lines});
      blocks.push_back(signature);
      i = parts.signature_end - 1;
      continue;
    }
    body.paragraphs.push_back(parts.rest[i]);
  }
  blocks.push_back(body);
  return blocks;
}

}  // namespace layout_detail

inline std::string render_html(const DocumentParts& parts) {
  using namespace layout_detail;
  std::string html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>\n";
  for (const Block& block : blocks_of(parts)) {
    for (const std::string& paragraph : block.paragraphs)
      if (!trim(paragraph).empty()) html += "<p>" + xml_text(paragraph) + "</p>\n";
    if (block.table.empty()) continue;
    html += "<table>\n";
    for (const auto& row : block.table) {
      html += "<tr>";
      for (const auto& cell : row) {
        html += "<td>";
        for (const std::string& line : cell)
          html += "<p><b>" + xml_text(line) + "</b></p>";
        html += "</td>";
      }
      html += "</tr>\n";
    }
    html += "</table>\n";
  }
  return html + "</body></html>\n";
}

inline std::string render_docx(const DocumentParts& parts) {
  using namespace layout_detail;
  const auto paragraph = [](const std::string& text) {
    return "<w:p><w:r><w:t xml:space=\"preserve\">" + xml_text(text) + "</w:t></w:r></w:p>";
  };
  std::string body;
  for (const Block& block : blocks_of(parts)) {
    for (const std::string& line : block.paragraphs)
      if (!trim(line).empty()) body += paragraph(line);
    if (block.table.empty()) continue;
    body += "<w:tbl>";
    for (const auto& row : block.table) {
      body += "<w:tr>";
      for (const auto& cell : row) {
        body += "<w:tc>";
        for (const std::string& line : cell)
          body += paragraph(line);
        if (cell.empty()) body += "<w:p/>";
        body += "</w:tc>";
      }
      body += "</w:tr>";
    }
    body += "</w:tbl>";
  }
  const std::string document =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
      "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
      "<w:body>" +
      body + "</w:body></w:document>";
  return stored_zip({{"word/document.xml", document}});
}

}  // namespace vanban::testing
