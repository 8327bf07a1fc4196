// DOCX: the zip container through libzip, word/document.xml then footnotes and endnotes through
// libxml2. Paragraphs are lines in document order; tables row by row; text boxes after the
// paragraph holding them; deleted revisions and field codes left out.
#include <memory>

#include <zip.h>

#include "formats.hpp"
#include "text_lines.hpp"
#include "xml_support.hpp"

namespace vanban::indexer::detail {
namespace {

struct ZipClose {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
struct ZipFileClose {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};
using Zip = std::unique_ptr<zip_t, ZipClose>;

Result<Zip> open_zip(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    std::string message = zip_error_strerror(&error);
    zip_error_fini(&error);
    return make_error(ErrorKind::internal, "libzip: " + message);
  }
  Zip archive(zip_open_from_source(source, ZIP_RDONLY, &error));
  if (!archive) {
    zip_source_free(source);  // still ours when the open failed
    std::string message = zip_error_strerror(&error);
    zip_error_fini(&error);
    return make_error(ErrorKind::invalid_argument,
                      "corrupt DOCX: broken zip container (" + message + ")",
                      "Tệp DOCX bị hỏng (vỏ nén zip lỗi)");
  }
  zip_error_fini(&error);
  return archive;
}

// The part's bytes; null when the part does not exist.
Result<std::optional<std::string>> read_part(zip_t* archive, const char* name,
                                             const ReadOptions& options) {
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat(archive, name, 0, &stat) != 0) return std::optional<std::string>{};
  if ((stat.valid & ZIP_STAT_SIZE) != 0 && stat.size > options.max_bytes) {
    return make_error(ErrorKind::too_large,
                      std::string("DOCX part ") + name + " unpacks to more than the size limit",
                      "Tệp DOCX giải nén ra quá lớn");
  }
  std::unique_ptr<zip_file_t, ZipFileClose> file(zip_fopen(archive, name, 0));
  if (!file) {
    return make_error(
        ErrorKind::invalid_argument,
        std::string("corrupt DOCX: cannot open ") + name + " (" + zip_strerror(archive) + ")",
        "Tệp DOCX bị hỏng");
  }
  std::string content;
  content.resize(static_cast<std::size_t>(stat.size));
  std::size_t filled = 0;
  while (filled < content.size()) {
    const zip_int64_t got = zip_fread(file.get(), content.data() + filled, content.size() - filled);
    if (got < 0) {
      return make_error(ErrorKind::invalid_argument,
                        std::string("corrupt DOCX: cannot unpack ") + name + " (" +
                            zip_file_strerror(file.get()) + ")",
                        "Tệp DOCX bị hỏng");
    }
    if (got == 0) break;
    filled += static_cast<std::size_t>(got);
  }
  content.resize(filled);
  return std::optional<std::string>(std::move(content));
}

class WordText {
 public:
  // Block-level content: paragraphs, tables, content controls, revisions.
  void blocks(const xmlNode* parent, Lines& out) {
    for (const xmlNode* node = parent->children; node != nullptr; node = node->next) {
      if (node->type != XML_ELEMENT_NODE) continue;
      const std::string_view name = local_name(node);
      if (name == "p") {
        paragraph(node, out);
      } else if (name == "tbl") {
        table(node, out);
      } else if (name == "del" || name == "moveFrom" || name == "sectPr" || name == "Fallback") {
        continue;
      } else {
        blocks(node, out);  // sdt, sdtContent, customXml, ins, AlternateContent/Choice, ...
      }
    }
  }

 private:
  void paragraph(const xmlNode* node, Lines& out) {
    std::vector<std::string> boxes;  // text boxes anchored in this paragraph
    out.end_line();
    inline_content(node, out, boxes);
    out.end_line();
    out.add_lines(boxes);
  }

  void inline_content(const xmlNode* parent, Lines& out, std::vector<std::string>& boxes) {
    for (const xmlNode* node = parent->children; node != nullptr; node = node->next) {
      if (node->type != XML_ELEMENT_NODE) continue;
      const std::string_view name = local_name(node);
      if (name == "t") {
        out.append(text_content(node));
      } else if (name == "tab" || name == "ptab") {
        out.append("\t");
      } else if (name == "br" || name == "cr") {
        out.end_line();
      } else if (name == "noBreakHyphen") {
        out.append("-");
      } else if (name == "txbxContent") {
        Lines box;
        blocks(node, box);
        for (auto& line : box.take())
          boxes.push_back(std::move(line));
      } else if (name == "pPr" || name == "rPr" || name == "del" || name == "moveFrom" ||
                 name == "delText" || name == "instrText" || name == "Fallback" ||
                 name == "softHyphen") {
        continue;
      } else {
        inline_content(node, out, boxes);  // r, hyperlink, ins, fldSimple, drawing, oMath, ...
      }
    }
  }

  void table(const xmlNode* node, Lines& out) {
    out.end_line();
    for (const xmlNode* row = node->children; row != nullptr; row = row->next) {
      if (is_element(row, "tr")) {
        table_row(row, out);
      } else if (row->type == XML_ELEMENT_NODE && local_name(row) != "tblPr" &&
                 local_name(row) != "tblGrid") {
        table(row, out);  // rows wrapped in a content control or a revision
      }
    }
  }

  void table_row(const xmlNode* node, Lines& out) {
    std::vector<std::vector<std::string>> cells;
    collect_cells(node, cells);
    add_table_row(out, cells);
  }

  void collect_cells(const xmlNode* parent, std::vector<std::vector<std::string>>& cells) {
    for (const xmlNode* node = parent->children; node != nullptr; node = node->next) {
      if (node->type != XML_ELEMENT_NODE) continue;
      if (local_name(node) == "tc") {
        Lines cell;
        blocks(node, cell);
        cells.push_back(cell.take());
      } else if (local_name(node) == "sdt" || local_name(node) == "sdtContent" ||
                 local_name(node) == "customXml") {
        collect_cells(node, cells);
      }
    }
  }
};

// Footnotes or endnotes: every note but Word's separators, in the order of the part.
void notes(const xmlNode* root, std::string_view note_name, Lines& out) {
  WordText text;
  for (const xmlNode* note : find_elements(root, note_name)) {
    const std::string type = attribute(note, "type");
    if (type == "separator" || type == "continuationSeparator" || type == "continuationNotice")
      continue;
    text.blocks(note, out);
  }
}

}  // namespace

Result<ReadDocument> read_docx(std::string_view bytes, const ReadOptions& options) {
  auto archive = open_zip(bytes);
  if (!archive) return archive.error();
  auto main_part = read_part(archive->get(), "word/document.xml", options);
  if (!main_part) return main_part.error();
  if (!main_part->has_value()) {
    return make_error(ErrorKind::invalid_argument,
                      "not a Word document: the zip has no word/document.xml",
                      "Tệp không phải văn bản Word (thiếu word/document.xml)");
  }
  auto document_xml = parse_xml(**main_part, "word/document.xml");
  if (!document_xml)
    return make_error(ErrorKind::invalid_argument, "corrupt DOCX: " + document_xml.error().message,
                      "Tệp DOCX bị hỏng: " + document_xml.error().user_message);
  const xmlNode* root = xmlDocGetRootElement(document_xml->get());
  const xmlNode* body = child_element(root, "body");

  Lines lines;
  WordText text;
  if (body != nullptr) text.blocks(body, lines);

  ReadDocument document;
  for (const auto& [part, note] :
       {std::pair{"word/footnotes.xml", "footnote"}, std::pair{"word/endnotes.xml", "endnote"}}) {
    auto notes_part = read_part(archive->get(), part, options);
    if (!notes_part) return notes_part.error();
    if (!notes_part->has_value()) continue;
    auto notes_xml = parse_xml(**notes_part, part);
    if (!notes_xml) {
      // The body is intact: index it and say what was lost.
      document.warnings.push_back(notes_xml.error().message + "; notes left out");
      continue;
    }
    lines.blank_line();
    notes(xmlDocGetRootElement(notes_xml->get()), note, lines);
  }
  document.text = lines.joined();
  return document;
}

}  // namespace vanban::indexer::detail
