// DOCX: the zip container through libzip, word/document.xml then footnotes and endnotes through
// libxml2. Paragraphs are lines in document order, led by the label of Word's automatic
// numbering ("I. ", "a) ", "- "); tables row by row; text boxes after the paragraph holding
// them; deleted revisions and field codes left out. Page headers and footers (word/header*.xml,
// word/footer*.xml: page numbers, running titles) are not read: official documents keep their
// heading block in the body. Runs in a legacy
// Vietnamese font (TCVN3 .VnTime, VNI-Times) are converted from their mojibake to Unicode.
#include "vanban/analyzers/legacy_encoding.hpp"

#include "docx_fonts.hpp"
#include "docx_numbering.hpp"
#include "formats.hpp"
#include "legacy_runs.hpp"
#include "text_lines.hpp"
#include "xml_support.hpp"
#include "zip_support.hpp"

namespace vanban::indexer::detail {
namespace {

// A DOCX part's bytes; null when the part does not exist.
Result<std::optional<std::string>> read_part(zip_t* archive, const char* name,
                                             const ReadOptions& options) {
  return read_zip_entry(archive, name, options, "DOCX");
}

class WordText {
 public:
  WordText(const DocxFonts& fonts, DocxNumbering& numbering)
      : fonts_(fonts), numbering_(numbering) {}

  // Whether a run in a legacy font was met (its text is converted as it is read).
  bool saw_legacy_font() const { return saw_legacy_font_; }

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
    std::vector<std::string> boxes;                    // text boxes anchored in this paragraph
    const std::string outer_style = paragraph_style_;  // a text box's paragraph is inside one
    paragraph_style_ = fonts_.paragraph_style(node);
    out.end_line();
    out.append(numbering_.label(node, paragraph_style_));
    inline_content(node, out, boxes);
    flush_legacy(out);
    out.end_line();
    out.add_lines(boxes);
    paragraph_style_ = outer_style;
  }

  void run(const xmlNode* node, Lines& out, std::vector<std::string>& boxes) {
    const auto outer_font = run_font_;
    run_font_ = fonts_.legacy_font(node, paragraph_style_);
    saw_legacy_font_ = saw_legacy_font_ || run_font_.has_value();
    inline_content(node, out, boxes);
    run_font_ = outer_font;
  }

  // Legacy-font runs are converted together (LegacyRuns).
  void text(const xmlNode* node, Lines& out) { text(text_content(node), out); }

  void text(const std::string& content, Lines& out) {
    legacy_runs_.append(content, run_font_, out);
  }

  void flush_legacy(Lines& out) { legacy_runs_.flush(out); }

  void inline_content(const xmlNode* parent, Lines& out, std::vector<std::string>& boxes) {
    for (const xmlNode* node = parent->children; node != nullptr; node = node->next) {
      if (node->type != XML_ELEMENT_NODE) continue;
      const std::string_view name = local_name(node);
      if (name == "t") {
        text(node, out);
      } else if (name == "r") {
        run(node, out, boxes);
      } else if (name == "tab" || name == "ptab") {
        flush_legacy(out);
        out.append("\t");
      } else if (name == "br" || name == "cr") {
        flush_legacy(out);
        out.end_line();
      } else if (name == "noBreakHyphen") {
        flush_legacy(out);
        out.append("-");
      } else if (name == "softHyphen") {
        // TCVN3's ư is byte 0xAD, the soft hyphen of Windows-1252: Word writes it as this
        // element. Kept as U+00AD until legacy text is converted, then dropped (read_docx).
        text(std::string(kSoftHyphen), out);
      } else if (name == "txbxContent") {
        flush_legacy(out);
        Lines box;
        blocks(node, box);
        for (auto& line : box.take())
          boxes.push_back(std::move(line));
      } else if (name == "pPr" || name == "rPr" || name == "del" || name == "moveFrom" ||
                 name == "delText" || name == "instrText" || name == "Fallback") {
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

  const DocxFonts& fonts_;
  DocxNumbering& numbering_;
  std::string paragraph_style_;
  std::optional<analyzers::LegacyFont> run_font_;
  bool saw_legacy_font_ = false;
  LegacyRuns legacy_runs_;
};

// Footnotes or endnotes: every note but Word's separators, in the order of the part.
void notes(const xmlNode* root, std::string_view note_name, WordText& text, Lines& out) {
  for (const xmlNode* note : find_elements(root, note_name)) {
    const std::string type = attribute(note, "type");
    if (type == "separator" || type == "continuationSeparator" || type == "continuationNotice")
      continue;
    text.blocks(note, out);
  }
}

// A part the body can be read without: null when absent, a warning saying `lost` when damaged.
Result<XmlDoc> read_optional_part(zip_t* archive, const char* name, const ReadOptions& options,
                                  std::string_view lost, std::vector<std::string>& warnings) {
  auto part = read_part(archive, name, options);
  if (!part && part.error().kind == ErrorKind::invalid_argument) {
    warnings.push_back(part.error().message + "; " + std::string(lost));
    return XmlDoc{};
  }
  if (!part) return part.error();
  if (!part->has_value()) return XmlDoc{};
  auto parsed = parse_xml(**part, name);
  if (!parsed) {
    warnings.push_back(parsed.error().message + "; " + std::string(lost));
    return XmlDoc{};
  }
  return std::move(*parsed);
}

}  // namespace

Result<ReadDocument> read_docx(std::string_view bytes, const ReadOptions& options) {
  auto archive = open_zip(bytes, "DOCX");
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

  ReadDocument document;
  // The styles give the fonts of runs that name none; without them, only runs' own fonts count.
  auto styles_xml = read_optional_part(archive->get(), "word/styles.xml", options,
                                       "styles left out", document.warnings);
  if (!styles_xml) return styles_xml.error();
  const xmlNode* styles_root = *styles_xml ? xmlDocGetRootElement(styles_xml->get()) : nullptr;
  const DocxFonts fonts(styles_root);
  // Without the numbering part the text is read without its list labels.
  auto numbering_xml = read_optional_part(archive->get(), "word/numbering.xml", options,
                                          "list numbers left out", document.warnings);
  if (!numbering_xml) return numbering_xml.error();
  DocxNumbering numbering(*numbering_xml ? xmlDocGetRootElement(numbering_xml->get()) : nullptr,
                          styles_root);

  Lines lines;
  WordText text(fonts, numbering);
  if (body != nullptr) text.blocks(body, lines);

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
    notes(xmlDocGetRootElement(notes_xml->get()), note, text, lines);
  }
  document.text = lines.joined();
  // No run named a legacy font, yet the text may be legacy mojibake (its font changed to a
  // Unicode one, or lost): detection decides.
  if (!text.saw_legacy_font())
    document.text = analyzers::detect_and_repair_legacy_text(std::move(document.text)).text;
  drop_soft_hyphens(document.text);
  return document;
}

}  // namespace vanban::indexer::detail
