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
  // paragraphs[0] is the type heading: it and the title lines under it (to the first blank or
  // rule line, at most four) are centred, as ND30 (ô 3, ô 5a) sets them.
  bool heading_first = false;
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
  body.heading_first = parts.has_heading;
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
  const auto paragraph = [](const std::string& text, bool centred = false) {
    return std::string("<w:p>") + (centred ? "<w:pPr><w:jc w:val=\"center\"/></w:pPr>" : "") +
           "<w:r><w:t xml:space=\"preserve\">" + xml_text(text) + "</w:t></w:r></w:p>";
  };
  std::string body;
  for (const Block& block : blocks_of(parts)) {
    bool centring = block.heading_first;
    for (std::size_t i = 0; i < block.paragraphs.size(); ++i) {
      const std::string_view line = trim(block.paragraphs[i]);
      if (line.empty() || line.starts_with("---") || line.starts_with("___") || i >= 5)
        centring = false;
      if (!line.empty()) body += paragraph(block.paragraphs[i], centring);
    }
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
  // A whole package (content types, the relationship to the main part), so that Word and
  // LibreOffice open it too, not only Vanban's reader.
  const std::string content_types =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Default Extension=\"rels\" "
      "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
      "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
  const std::string relationships =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
      "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";
  return stored_zip({{"[Content_Types].xml", content_types},
                     {"_rels/.rels", relationships},
                     {"word/document.xml", document}});
}

}  // namespace vanban::testing
