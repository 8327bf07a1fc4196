// The parts of a document (layout_renderer.hpp) as an office types them in Word under Decree
// 30/2020 (Phụ lục I; docs/domain.md §1.3), for printing to PDF: an A4 page with its margins
// (top and bottom 20 mm, left 30 mm, right 15 mm), Times New Roman, the header in a two-column
// borderless table whose left column is narrow (an issuer's long name wraps in it, as it does
// in offices' files) or half the width, the national motto and the place and date in the wider
// right column, the type heading and the title centred, the body justified, the bottom of the
// document in a second table (the recipients, `Nơi nhận`, in the left cell in a smaller type, the
// signature block centred in the right one), and the page number centred in the top margin from the
// second page on. Printed by LibreOffice, such a file gives the PDF text layers the real sets
// hold: the two columns of each table side by side on the page.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "layout_formats.hpp"
#include "stored_zip.hpp"

namespace vanban::testing {

namespace office_detail {

using layout_detail::is_rule;
using layout_detail::trim;
using layout_detail::xml_text;

struct Run {
  bool bold = false;
  bool italic = false;
  int half_points = 28;  // 14 pt
};

enum class Align { left, centre, both };

inline std::string paragraph(std::string_view text, Run run, Align align = Align::both,
                             bool indent = false) {
  std::string p = "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"60\"/>";
  if (indent) p += "<w:ind w:firstLine=\"567\"/>";
  p += std::string("<w:jc w:val=\"") +
       (align == Align::centre ? "center"
        : align == Align::left ? "left"
                               : "both") +
       "\"/>";
  p += "</w:pPr>";
  if (text.empty()) return p + "</w:p>";
  p += "<w:r><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" "
       "w:cs=\"Times New Roman\"/>";
  if (run.bold) p += "<w:b/>";
  if (run.italic) p += "<w:i/>";
  p += "<w:sz w:val=\"" + std::to_string(run.half_points) + "\"/></w:rPr>";
  p += "<w:t xml:space=\"preserve\">" + xml_text(text) + "</w:t></w:r></w:p>";
  return p;
}

// A borderless table of one row per entry, two cells of the given widths (twips).
inline std::string table(const std::vector<std::pair<std::string, std::string>>& rows, int left,
                         int right) {
  std::string t =
      "<w:tbl><w:tblPr><w:tblW w:w=\"" + std::to_string(left + right) +
      "\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/><w:tblBorders><w:top w:val=\"nil\"/>"
      "<w:left w:val=\"nil\"/><w:bottom w:val=\"nil\"/><w:right w:val=\"nil\"/>"
      "<w:insideH w:val=\"nil\"/><w:insideV w:val=\"nil\"/></w:tblBorders></w:tblPr>"
      "<w:tblGrid><w:gridCol w:w=\"" +
      std::to_string(left) + "\"/><w:gridCol w:w=\"" + std::to_string(right) + "\"/></w:tblGrid>";
  for (const auto& [left_cell, right_cell] : rows) {
    t += "<w:tr><w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(left) +
         "\" w:type=\"dxa\"/></w:tcPr>" + (left_cell.empty() ? "<w:p/>" : left_cell) +
         "</w:tc><w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(right) +
         "\" w:type=\"dxa\"/></w:tcPr>" + (right_cell.empty() ? "<w:p/>" : right_cell) +
         "</w:tc></w:tr>";
  }
  return t + "</w:tbl>";
}

// The recipients' list that ends the body before the signature block: from its last
// "Nơi nhận" line to `end`; `end` when there is none.
inline std::size_t recipients_begin(const DocumentParts& parts, std::size_t end) {
  for (std::size_t i = end; i > 0; --i)
    if (trim(parts.rest[i - 1]).starts_with("Nơi nhận")) return i - 1;
  return end;
}

}  // namespace office_detail

// The width of the header's left column, in twips: offices draw it narrow (about 6.5 cm, a
// long issuer's name wraps in it) or as half of the text's width.
enum class HeaderColumns { narrow = 3700, halves = 4535 };

inline std::string render_office_docx(const DocumentParts& parts,
                                      HeaderColumns columns = HeaderColumns::narrow) {
  using namespace office_detail;
  constexpr int kText = 11906 - 1701 - 850;  // A4 width less the left and right margins
  const int kLeft = static_cast<int>(columns);
  const Run header_run{.bold = true, .italic = false, .half_points = 26};
  const Run body_run{};
  std::string body;
  for (const std::string& line : parts.before)
    if (!trim(line).empty()) body += paragraph(trim(line), body_run, Align::centre);
  if (parts.has_header()) {
    std::string issuer;
    for (const std::string& line : parts.issuer)
      issuer += paragraph(line, header_run, Align::centre);
    issuer += paragraph("--------", header_run, Align::centre);
    std::string motto;
    for (std::size_t i = 0; i < parts.motto.size(); ++i)
      motto +=
          paragraph(parts.motto[i], {.bold = true, .half_points = i == 0 ? 26 : 28}, Align::centre);
    motto += paragraph("---------------", header_run, Align::centre);
    std::string number;
    if (!parts.number.empty())
      number += paragraph(parts.number, {.half_points = 26}, Align::centre);
    for (const std::string& line : parts.subject)
      number += paragraph(line, {.half_points = 24}, Align::centre);
    std::string date;
    if (!parts.place_date.empty())
      date += paragraph(parts.place_date, {.italic = true}, Align::centre);
    body += table({{issuer, motto}, {number, date}}, kLeft, kText - kLeft);
  }
  const std::size_t sign_begin =
      parts.signature_end != 0 ? parts.signature_begin : parts.rest.size();
  const std::size_t list_begin =
      parts.signature_end != 0 ? recipients_begin(parts, sign_begin) : sign_begin;
  bool centring = parts.has_heading;
  for (std::size_t i = 0; i < list_begin; ++i) {
    const std::string_view line = trim(parts.rest[i]);
    if (line.empty() || is_rule(line) || i >= 5) centring = false;
    if (line.empty()) continue;
    if (centring)
      body += paragraph(line, {.bold = true}, Align::centre);
    else
      body += paragraph(line, body_run, Align::both, true);
  }
  if (parts.signature_end != 0) {
    std::string recipients;
    for (std::size_t i = list_begin; i < sign_begin; ++i) {
      const std::string_view line = trim(parts.rest[i]);
      if (line.empty()) continue;
      recipients += paragraph(line,
                              line.starts_with("Nơi nhận")
                                  ? Run{.bold = true, .italic = true, .half_points = 24}
                                  : Run{.half_points = 22},
                              Align::left);
    }
    std::string signature;
    for (std::size_t i = sign_begin; i < parts.signature_end; ++i) {
      const std::string_view line = trim(parts.rest[i]);
      if (!line.empty()) signature += paragraph(line, {.bold = true}, Align::centre);
    }
    body += table({{recipients, signature}}, kText / 2, kText - kText / 2);
    for (std::size_t i = parts.signature_end; i < parts.rest.size(); ++i) {
      const std::string_view line = trim(parts.rest[i]);
      if (!line.empty()) body += paragraph(line, body_run, Align::both, true);
    }
  }
  // The page number in the top margin, centred, from the second page on (a first-page header
  // left empty).
  const std::string header_part =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
      "<w:hdr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
      "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr><w:sz w:val=\"26\"/></w:rPr>"
      "<w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE "
      "</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>2</w:t>"
      "</w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p></w:hdr>";
  const std::string first_header_part =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
      "<w:hdr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
      "<w:p/></w:hdr>";
  const std::string section =
      "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId2\"/>"
      "<w:headerReference w:type=\"first\" r:id=\"rId3\"/>"
      "<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"850\" "
      "w:bottom=\"1134\" w:left=\"1701\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>"
      "<w:titlePg/></w:sectPr>";
  const std::string document =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
      "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
      "<w:body>" +
      body + section + "</w:body></w:document>";
  const std::string content_types =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Default Extension=\"rels\" "
      "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
      "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
      "<Override PartName=\"/word/header1.xml\" ContentType=\"application/"
      "vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
      "<Override PartName=\"/word/header2.xml\" ContentType=\"application/"
      "vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/></Types>";
  const std::string package_relationships =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
      "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";
  const std::string document_relationships =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
      "relationships/header\" Target=\"header1.xml\"/>"
      "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
      "relationships/header\" Target=\"header2.xml\"/></Relationships>";
  return stored_zip({{"[Content_Types].xml", content_types},
                     {"_rels/.rels", package_relationships},
                     {"word/_rels/document.xml.rels", document_relationships},
                     {"word/document.xml", document},
                     {"word/header1.xml", header_part},
                     {"word/header2.xml", first_header_part}});
}

}  // namespace vanban::testing
