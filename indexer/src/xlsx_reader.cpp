// XLSX (SpreadsheetML, ECMA-376 part 1 §18): attachments such as lists of recipients or
// budget tables, read as plain text. The zip through zip_support (the DOCX bounds), the
// workbook's sheets in their order, each led by its name, then its rows, a row's non-empty
// cells on one line separated by tabs (as the other readers lay out table rows). Cell values as
// stored: shared and inline strings as text, numbers and dates as their stored value.
#include <map>

#include "formats.hpp"
#include "text_lines.hpp"
#include "xml_support.hpp"
#include "zip_support.hpp"

namespace vanban::indexer::detail {
namespace {

constexpr std::string_view kXlsx = "XLSX";

// A string item (<si>, <is>): its plain <t>, or its rich-text runs' <t>; phonetic runs
// (<rPh>, East Asian readings) are not text.
std::string string_item(const xmlNode* item) {
  std::string text;
  for (const xmlNode* node = item->children; node != nullptr; node = node->next) {
    if (is_element(node, "t")) {
      text += text_content(node);
    } else if (is_element(node, "r")) {
      text += text_content(child_element(node, "t"));
    }
  }
  return text;
}

// The part a relationship of xl/workbook.xml points at, as a name inside the zip.
std::string part_name(std::string_view target) {
  if (target.starts_with("/")) return std::string(target.substr(1));
  return "xl/" + std::string(target);
}

struct Sheet {
  std::string name;
  std::string part;
};

Result<std::vector<Sheet>> sheets(zip_t* archive, const ReadOptions& options) {
  auto workbook = read_zip_entry(archive, "xl/workbook.xml", options, kXlsx);
  if (!workbook) return workbook.error();
  if (!workbook->has_value())
    return make_error(ErrorKind::invalid_argument,
                      "not a spreadsheet: the zip has no xl/workbook.xml",
                      "Tệp không phải bảng tính XLSX");
  auto workbook_xml = parse_xml(**workbook, "xl/workbook.xml");
  if (!workbook_xml) return workbook_xml.error();
  std::map<std::string, std::string, std::less<>> targets;
  auto relations = read_zip_entry(archive, "xl/_rels/workbook.xml.rels", options, kXlsx);
  if (!relations) return relations.error();
  if (relations->has_value()) {
    auto relations_xml = parse_xml(**relations, "xl/_rels/workbook.xml.rels");
    if (!relations_xml) return relations_xml.error();
    for (const xmlNode* relation :
         find_elements(xmlDocGetRootElement(relations_xml->get()), "Relationship"))
      targets[attribute(relation, "Id")] = part_name(attribute(relation, "Target"));
  }
  std::vector<Sheet> found;
  for (const xmlNode* sheet : find_elements(xmlDocGetRootElement(workbook_xml->get()), "sheet")) {
    // r:id, by local name; sheets without a relationship follow Excel's default naming.
    const std::string id = attribute(sheet, "id");
    const auto target = targets.find(id);
    found.push_back({attribute(sheet, "name"),
                     target != targets.end()
                         ? target->second
                         : "xl/worksheets/sheet" + std::to_string(found.size() + 1) + ".xml"});
  }
  return found;
}

}  // namespace

Result<ReadDocument> read_xlsx(std::string_view bytes, const ReadOptions& options) {
  auto archive = open_zip(bytes, kXlsx);
  if (!archive) return archive.error();
  auto sheet_list = sheets(archive->get(), options);
  if (!sheet_list)
    return make_error(sheet_list.error().kind, "corrupt XLSX: " + sheet_list.error().message,
                      sheet_list.error().user_message);

  ReadDocument document;
  std::vector<std::string> shared;
  auto strings = read_zip_entry(archive->get(), "xl/sharedStrings.xml", options, kXlsx);
  if (!strings) return strings.error();
  if (strings->has_value()) {
    auto strings_xml = parse_xml(**strings, "xl/sharedStrings.xml");
    if (!strings_xml) return strings_xml.error();
    for (const xmlNode* item = xmlDocGetRootElement(strings_xml->get())->children; item != nullptr;
         item = item->next)
      if (is_element(item, "si")) shared.push_back(string_item(item));
  }

  Lines lines;
  std::uint64_t text_bytes = 0;
  for (const Sheet& sheet : *sheet_list) {
    auto part = read_zip_entry(archive->get(), sheet.part.c_str(), options, kXlsx);
    if (!part) return part.error();
    if (!part->has_value()) {
      document.warnings.push_back("sheet " + sheet.name + " is missing (" + sheet.part + ")");
      continue;
    }
    auto sheet_xml = parse_xml(**part, sheet.part);
    if (!sheet_xml) {
      document.warnings.push_back(sheet_xml.error().message + "; sheet " + sheet.name +
                                  " left out");
      continue;
    }
    lines.blank_line();
    lines.add_line(sheet.name);
    const xmlNode* data = child_element(xmlDocGetRootElement(sheet_xml->get()), "sheetData");
    for (const xmlNode* row = data != nullptr ? data->children : nullptr; row != nullptr;
         row = row->next) {
      if (!is_element(row, "row")) continue;
      std::vector<std::vector<std::string>> cells;
      for (const xmlNode* cell = row->children; cell != nullptr; cell = cell->next) {
        if (!is_element(cell, "c")) continue;
        const std::string type = attribute(cell, "t");
        std::string value;
        if (type == "inlineStr") {
          if (const xmlNode* inline_string = child_element(cell, "is"))
            value = string_item(inline_string);
        } else {
          value = text_content(child_element(cell, "v"));
          if (type == "s") {
            char* end = nullptr;
            const unsigned long index = std::strtoul(value.c_str(), &end, 10);
            value = (end != value.c_str() && index < shared.size()) ? shared[index] : "";
          }
        }
        if (value.find_first_not_of(" \t\r\n") == std::string::npos) continue;
        Lines cell_lines;
        for (std::size_t start = 0; start <= value.size();) {
          const std::size_t end = std::min(value.find('\n', start), value.size());
          cell_lines.add_line(std::string_view(value).substr(start, end - start));
          start = end + 1;
        }
        text_bytes += value.size() + 1;
        cells.push_back(cell_lines.take());
      }
      if (!cells.empty()) add_table_row(lines, cells);
      // Past the text limit the rest would be cut anyway (read_document): stop reading.
      if (text_bytes > options.max_text_bytes) break;
    }
    if (text_bytes > options.max_text_bytes) break;
  }
  document.text = lines.joined();
  return document;
}

}  // namespace vanban::indexer::detail
