// XLSX (SpreadsheetML, ECMA-376 part 1 §18): attachments such as lists of recipients or
// budget tables, read as plain text. The zip through zip_support (the DOCX bounds), the
// workbook's sheets in their order, each led by its name, then its rows, a row's non-empty
// cells on one line separated by tabs (as the other readers lay out table rows). Cell values as
// stored: shared and inline strings as text, numbers and dates as their stored value.
#include <algorithm>
#include <cstdint>
#include <limits>
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

// A part's error; the zip entry's own damage already says "corrupt XLSX".
Error corrupt_part(const XmlStream& stream) {
  const Error& error = *stream.error();
  if (stream.source_failed()) return error;
  return make_error(error.kind, "corrupt XLSX: " + error.message, error.user_message);
}

// The sheets in the workbook's order. Their names are text of the document: past the text
// budget the rest would be cut anyway and are not listed.
Result<std::vector<Sheet>> sheets(zip_t* archive, const ReadOptions& options) {
  auto workbook = open_zip_entry(archive, "xl/workbook.xml", options, kXlsx);
  if (!workbook) return workbook.error();
  if (!workbook->has_value())
    return make_error(ErrorKind::invalid_argument,
                      "not a spreadsheet: the zip has no xl/workbook.xml",
                      "Tệp không phải bảng tính XLSX");
  std::map<std::string, std::string, std::less<>> targets;
  auto relations = open_zip_entry(archive, "xl/_rels/workbook.xml.rels", options, kXlsx);
  if (!relations) return relations.error();
  if (relations->has_value()) {
    XmlStream stream(**relations, "xl/_rels/workbook.xml.rels");
    while (stream.next_element()) {
      if (stream.name() != "Relationship") continue;
      const xmlNode* relation = stream.expand();
      if (relation == nullptr) break;
      targets[attribute(relation, "Id")] = part_name(attribute(relation, "Target"));
      stream.skip();
    }
    if (stream.error()) return corrupt_part(stream);
  }
  std::vector<Sheet> found;
  std::uint64_t name_bytes = 0;
  XmlStream stream(**workbook, "xl/workbook.xml");
  while (name_bytes <= options.max_text_bytes && stream.next_element()) {
    if (stream.name() != "sheet") continue;
    const xmlNode* sheet = stream.expand();
    if (sheet == nullptr) break;
    // r:id, by local name; sheets without a relationship follow Excel's default naming.
    const std::string id = attribute(sheet, "id");
    const auto target = targets.find(id);
    found.push_back({attribute(sheet, "name"),
                     target != targets.end()
                         ? target->second
                         : "xl/worksheets/sheet" + std::to_string(found.size() + 1) + ".xml"});
    name_bytes += found.back().name.size() + 1;
    stream.skip();
  }
  if (stream.error()) return corrupt_part(stream);
  return found;
}

// The shared strings a cell refers to by index, in one buffer. What they hold is the sheets'
// text, so they are kept up to the text budget (an empty one counting a byte): past it the
// document's text is cut anyway, and a part of millions of strings cannot take memory beyond it.
class SharedStrings {
 public:
  explicit SharedStrings(std::uint64_t budget)
      : budget_(std::min<std::uint64_t>(budget, std::numeric_limits<std::uint32_t>::max() / 2)) {}
  // False once the budget is spent: this string and the later ones are not kept.
  bool add(std::string_view text) {
    if (spent_ + text.size() + 1 > budget_) return false;
    spent_ += text.size() + 1;
    buffer_ += text;
    ends_.push_back(static_cast<std::uint32_t>(buffer_.size()));
    return true;
  }
  // Empty for an index past the strings kept.
  std::string_view at(std::size_t index) const {
    if (index >= ends_.size()) return {};
    const std::uint32_t begin = index == 0 ? 0 : ends_[index - 1];
    return std::string_view(buffer_).substr(begin, ends_[index] - begin);
  }

 private:
  std::uint64_t budget_;
  std::uint64_t spent_ = 0;
  std::string buffer_;
  std::vector<std::uint32_t> ends_;
};

// A cell's value as stored: shared and inline strings as text, the rest as its <v>.
std::string cell_value(const xmlNode* cell, const SharedStrings& shared) {
  const std::string type = attribute(cell, "t");
  if (type == "inlineStr") {
    const xmlNode* inline_string = child_element(cell, "is");
    return inline_string != nullptr ? string_item(inline_string) : std::string{};
  }
  std::string value = text_content(child_element(cell, "v"));
  if (type == "s") {
    char* end = nullptr;
    const unsigned long index = std::strtoul(value.c_str(), &end, 10);
    return end != value.c_str() ? std::string(shared.at(index)) : std::string{};
  }
  return value;
}

}  // namespace

// Every part is read element by element (XmlStream) as libzip inflates it: what is held is one
// cell, the row's cells read so far, the shared strings and the text, each bounded by the text
// budget; a part is inflated no further than it is read.
Result<ReadDocument> read_xlsx(std::string_view bytes, const ReadOptions& options) {
  auto archive = open_zip(bytes, kXlsx);
  if (!archive) return archive.error();
  auto sheet_list = sheets(archive->get(), options);
  if (!sheet_list) return sheet_list.error();  // each error says its cause once

  ReadDocument document;
  SharedStrings shared(options.max_text_bytes);
  {
    auto strings = open_zip_entry(archive->get(), "xl/sharedStrings.xml", options, kXlsx);
    if (!strings) return strings.error();
    if (strings->has_value()) {
      XmlStream stream(**strings, "xl/sharedStrings.xml");
      bool kept = true;
      while (kept && stream.next_element()) {
        if (stream.name() != "si" || stream.depth() != 1) continue;
        const xmlNode* item = stream.expand();
        if (item == nullptr) break;
        kept = shared.add(string_item(item));
        stream.skip();
      }
      if (stream.error()) return corrupt_part(stream);
      if (!kept)
        document.warnings.push_back(
            "shared strings past the text limit left out (cells citing "
            "them read as empty)");
    }
  }

  Lines lines;
  std::uint64_t text_bytes = 0;
  std::vector<std::string> missing;
  for (const Sheet& sheet : *sheet_list) {
    auto part = open_zip_entry(archive->get(), sheet.part.c_str(), options, kXlsx);
    if (!part) return part.error();
    if (!part->has_value()) {
      missing.push_back(sheet.name + " (" + sheet.part + ")");
      continue;
    }
    lines.blank_line();
    lines.add_line(sheet.name);
    text_bytes += sheet.name.size() + 1;
    std::vector<std::vector<std::string>> cells;  // of the row being read
    XmlStream stream(**part, sheet.part);
    while (text_bytes <= options.max_text_bytes && stream.next_element()) {
      // worksheet (0) / sheetData (1) / row (2) / c (3)
      if (stream.name() == "row" && stream.depth() == 2) {
        if (!cells.empty()) add_table_row(lines, cells);
        cells.clear();
        continue;
      }
      if (stream.name() != "c" || stream.depth() != 3) continue;
      const xmlNode* cell = stream.expand();
      if (cell == nullptr) break;
      const std::string value = cell_value(cell, shared);
      stream.skip();
      if (value.find_first_not_of(" \t\r\n") == std::string::npos) continue;
      Lines cell_lines;
      for (std::size_t start = 0; start <= value.size();) {
        const std::size_t end = std::min(value.find('\n', start), value.size());
        cell_lines.add_line(std::string_view(value).substr(start, end - start));
        start = end + 1;
      }
      // Past the text limit the rest would be cut anyway (read_document): reading stops.
      text_bytes += value.size() + 1;
      cells.push_back(cell_lines.take());
    }
    if (!cells.empty()) add_table_row(lines, cells);
    if (stream.error()) {
      document.warnings.push_back(stream.error()->message + "; sheet " + sheet.name +
                                  " read up to the error (or a little before it)");
    }
    if (text_bytes > options.max_text_bytes) break;
  }
  if (!missing.empty()) {
    document.warnings.push_back(
        std::to_string(missing.size()) + (missing.size() == 1 ? " sheet is" : " sheets are") +
        " missing: " + missing.front() + (missing.size() > 1 ? ", ..." : ""));
  }
  document.text = lines.joined();
  return document;
}

}  // namespace vanban::indexer::detail
