// DOCX: the zip container through libzip, word/document.xml then footnotes and endnotes through
// libxml2, every part read element by element (XmlStream) as libzip inflates it: memory is the
// element at hand and the text, whatever the part's size, and reading stops at the text limit
// (the rest of the part is never inflated). Paragraphs are lines in
// document order, led by the label of Word's automatic numbering ("I. ", "a) ", "- "); tables row
// by row; text boxes after the paragraph holding them; deleted revisions and field codes left out.
// Page headers and footers (word/header*.xml, word/footer*.xml: page numbers, running titles) are
// not read: official documents keep their heading block in the body. Runs in a legacy Vietnamese
// font (TCVN3 .VnTime, VNI-Times) are converted from their mojibake to Unicode.
#include <cstdint>

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

// A DOCX part opened to be read as it is inflated; null when the part does not exist.
Result<std::optional<ZipEntryStream>> open_part(zip_t* archive, const char* name,
                                                const ReadOptions& options) {
  return open_zip_entry(archive, name, options, "DOCX");
}

// The text of a part, read element by element (XmlStream): what is held is the element at hand
// (a run's text, a paragraph's or run's properties), the open elements above it and the text
// read so far, never the part as a tree (a 90 MB document.xml took 4.2 GB as one). Each reading
// function is called with the stream standing on its element and returns with the stream
// standing on the first element after that element's subtree (or at the end of the part).
class WordText {
 public:
  WordText(const DocxFonts& fonts, DocxNumbering& numbering, std::uint64_t max_text_bytes)
      : fonts_(fonts), numbering_(numbering), max_text_bytes_(max_text_bytes) {}

  // Whether a run in a legacy font was met (its text is converted as it is read).
  bool saw_legacy_font() const { return saw_legacy_font_; }
  // Whether the text read reached the text limit: reading stopped there (the rest would be cut).
  bool full() const { return text_bytes_ > max_text_bytes_; }

  // word/document.xml: the blocks of the root's first w:body. Returns the root's local name
  // (nothing is read unless it is "document"; empty when there is no root).
  std::string body(XmlStream& stream, Lines& out) {
    Reading reading(*this, stream);
    advance();  // the root
    if (!more_) return {};
    std::string root(stream.name());
    if (root != "document") return root;
    advance();
    while (inside(0)) {
      if (stream.depth() == 1 && stream.name() == "body") {
        blocks(out);
        break;
      }
      pass();
    }
    return root;
  }

  // Footnotes or endnotes: every note but Word's separators, in the order of the part.
  void notes(XmlStream& stream, std::string_view note_name, Lines& out) {
    Reading reading(*this, stream);
    advance();
    while (more_ && !full()) {
      if (stream.name() != note_name) {
        advance();
        continue;
      }
      const std::string type = stream.attribute("type");
      if (type == "separator" || type == "continuationSeparator" || type == "continuationNotice")
        pass();
      else
        blocks(out);
    }
  }

 private:
  // The stream a part is read from, for the time it is read.
  class Reading {
   public:
    Reading(WordText& text, XmlStream& stream) : text_(text) {
      text_.stream_ = &stream;
      text_.more_ = false;
    }
    Reading(const Reading&) = delete;
    Reading& operator=(const Reading&) = delete;
    ~Reading() { text_.stream_ = nullptr; }

   private:
    WordText& text_;
  };

  // To the next element in document order (into the subtree of the one at hand).
  void advance() { more_ = stream_->next_element(); }
  // Past the element at hand and its subtree, unread.
  void pass() {
    stream_->skip();
    advance();
  }
  // Whether the stream stands on an element below one at `depth`, and there is room for text.
  bool inside(int depth) const { return more_ && !full() && stream_->depth() > depth; }
  // The element at hand as a tree (a leaf: w:t, w:pPr, w:rPr); null on an error.
  const xmlNode* expand() { return stream_->expand(); }
  bool at(std::string_view name) const { return stream_->name() == name; }

  // Block-level content under the element at hand: paragraphs, tables, content controls,
  // revisions.
  void blocks(Lines& out) {
    const int depth = stream_->depth();
    advance();
    while (inside(depth)) {
      if (at("p")) {
        paragraph(out);
      } else if (at("tbl")) {
        table(out);
      } else if (at("del") || at("moveFrom") || at("sectPr") || at("Fallback")) {
        pass();
      } else {
        blocks(out);  // sdt, sdtContent, customXml, ins, AlternateContent/Choice, ...
      }
    }
  }

  // The properties (w:pPr of a w:p, w:rPr of a w:r) are the element's first child (ECMA-376
  // Part 1 §17.3.1.22, §17.3.2.25): expanded when the stream stands on them, else null.
  const xmlNode* properties(int depth, std::string_view name) {
    if (!inside(depth) || stream_->depth() != depth + 1 || !at(name)) return nullptr;
    return expand();
  }

  void paragraph(Lines& out) {
    const int depth = stream_->depth();
    std::vector<std::string> boxes;                    // text boxes anchored in this paragraph
    const std::string outer_style = paragraph_style_;  // a text box's paragraph is inside one
    advance();
    const xmlNode* own = properties(depth, "pPr");
    paragraph_style_ = fonts_.paragraph_style(own);
    out.end_line();
    out.append(numbering_.label(own, paragraph_style_));
    if (own != nullptr) pass();
    while (inside(depth))
      inline_content(out, boxes);
    flush_legacy(out);
    out.end_line();
    ++text_bytes_;  // the line's end: paragraphs of no text count too
    out.add_lines(boxes);
    paragraph_style_ = outer_style;
  }

  void run(Lines& out, std::vector<std::string>& boxes) {
    const int depth = stream_->depth();
    const auto outer_font = run_font_;
    advance();
    const xmlNode* own = properties(depth, "rPr");
    run_font_ = fonts_.legacy_font(own, paragraph_style_);
    saw_legacy_font_ = saw_legacy_font_ || run_font_.has_value();
    if (own != nullptr) pass();
    while (inside(depth))
      inline_content(out, boxes);
    run_font_ = outer_font;
  }

  // Legacy-font runs are converted together (LegacyRuns).
  void text(const std::string& content, Lines& out) {
    text_bytes_ += content.size();
    legacy_runs_.append(content, run_font_, out);
  }

  void flush_legacy(Lines& out) { legacy_runs_.flush(out); }

  // One element of a paragraph's content: the stream stands on it.
  void inline_content(Lines& out, std::vector<std::string>& boxes) {
    if (at("t")) {
      const xmlNode* node = expand();
      if (node != nullptr) text(text_content(node), out);
      pass();
    } else if (at("r")) {
      run(out, boxes);
    } else if (at("tab") || at("ptab")) {
      flush_legacy(out);
      out.append("\t");
      pass();
    } else if (at("br") || at("cr")) {
      flush_legacy(out);
      out.end_line();
      pass();
    } else if (at("noBreakHyphen")) {
      flush_legacy(out);
      out.append("-");
      pass();
    } else if (at("softHyphen")) {
      // TCVN3's ư is byte 0xAD, the soft hyphen of Windows-1252: Word writes it as this
      // element. Kept as U+00AD until legacy text is converted, then dropped (read_docx).
      text(std::string(kSoftHyphen), out);
      pass();
    } else if (at("txbxContent")) {
      flush_legacy(out);
      Lines box;
      blocks(box);
      for (auto& line : box.take())
        boxes.push_back(std::move(line));
    } else if (at("pPr") || at("rPr") || at("del") || at("moveFrom") || at("delText") ||
               at("instrText") || at("Fallback")) {
      pass();
    } else {
      // r, hyperlink, ins, fldSimple, drawing, oMath, ...
      const int depth = stream_->depth();
      advance();
      while (inside(depth))
        inline_content(out, boxes);
    }
  }

  void table(Lines& out) {
    out.end_line();
    const int depth = stream_->depth();
    advance();
    while (inside(depth)) {
      if (at("tr")) {
        table_row(out);
      } else if (!at("tblPr") && !at("tblGrid")) {
        table(out);  // rows wrapped in a content control or a revision
      } else {
        pass();
      }
    }
  }

  void table_row(Lines& out) {
    std::vector<std::vector<std::string>> cells;
    collect_cells(cells);
    add_table_row(out, cells);
  }

  void collect_cells(std::vector<std::vector<std::string>>& cells) {
    const int depth = stream_->depth();
    advance();
    while (inside(depth)) {
      if (at("tc")) {
        Lines cell;
        blocks(cell);
        cells.push_back(cell.take());
      } else if (at("sdt") || at("sdtContent") || at("customXml")) {
        collect_cells(cells);
      } else {
        pass();
      }
    }
  }

  const DocxFonts& fonts_;
  DocxNumbering& numbering_;
  std::uint64_t max_text_bytes_;
  std::uint64_t text_bytes_ = 0;  // text read so far, in all parts
  XmlStream* stream_ = nullptr;   // the part being read
  bool more_ = false;             // the stream stands on an element not yet read
  std::string paragraph_style_;
  std::optional<analyzers::LegacyFont> run_font_;
  bool saw_legacy_font_ = false;
  LegacyRuns legacy_runs_;
};

// Reads a part to its end past what `text` read (nothing after the body or the notes is text)
// unless the text limit stopped the reading: a part damaged anywhere is refused, as when it was
// parsed whole.
void read_to_end(XmlStream& stream, const WordText& text) {
  if (text.full()) return;
  while (stream.next_element()) {
  }
}

// Word itself allows about 4,000 styles; numbering parts of documents pasted together hold a
// few thousand lists. Past this many elements taken from one of these parts, the rest is left
// out with a warning: a part of millions of them cannot take memory without bound.
constexpr std::size_t kMostDefinitions = 20000;

// A part the body can be read without (styles, numbering), element by element: `take` is given
// the stream on each element and says whether it took it (its subtree is then passed over).
// True when the part was read; false when absent, or damaged (a warning saying `lost`: what
// `take` was given is then to be dropped, as the part would have been whole).
template <typename Take>
Result<bool> read_side_part(zip_t* archive, const char* name, const ReadOptions& options,
                            std::string_view lost, std::vector<std::string>& warnings, Take take) {
  auto part = open_part(archive, name, options);
  if (!part && part.error().kind == ErrorKind::invalid_argument) {
    warnings.push_back(part.error().message + "; " + std::string(lost));
    return false;
  }
  if (!part) return part.error();
  if (!part->has_value()) return false;
  XmlStream stream(**part, name);
  std::size_t taken = 0;
  while (stream.next_element()) {
    if (!take(stream)) continue;
    if (++taken > kMostDefinitions) {
      warnings.push_back(std::string(name) + " holds more than " +
                         std::to_string(kMostDefinitions) + " definitions; the rest left out");
      break;
    }
    stream.skip();
  }
  if (stream.error()) {
    warnings.push_back(stream.error()->message + "; " + std::string(lost));
    return false;
  }
  return true;
}

}  // namespace

Result<ReadDocument> read_docx(std::string_view bytes, const ReadOptions& options) {
  auto archive = open_zip(bytes, "DOCX");
  if (!archive) return archive.error();
  // Opened first (its bounds checked before anything else is read), read after the styles.
  auto main_part = open_part(archive->get(), "word/document.xml", options);
  if (!main_part) return main_part.error();
  if (!main_part->has_value()) {
    return make_error(ErrorKind::invalid_argument,
                      "not a Word document: the zip has no word/document.xml",
                      "Tệp không phải văn bản Word (thiếu word/document.xml)");
  }
  ReadDocument document;
  // The styles give the fonts of runs that name none; without them, only runs' own fonts count.
  DocxFonts fonts;
  DocxNumbering numbering;
  {
    DocxFonts styled;
    DocxNumbering style_numbering;
    bool defaults = false;
    auto read = read_side_part(archive->get(), "word/styles.xml", options, "styles left out",
                               document.warnings, [&](XmlStream& stream) {
                                 const bool first_defaults = !defaults && stream.depth() == 1 &&
                                                             stream.name() == "docDefaults";
                                 if (!first_defaults && stream.name() != "style") return false;
                                 const xmlNode* node = stream.expand();
                                 if (node == nullptr) return false;
                                 if (first_defaults) {
                                   styled.add_defaults(node);
                                   defaults = true;
                                 } else {
                                   styled.add_style(node);
                                   style_numbering.add_style(node);
                                 }
                                 return true;
                               });
    if (!read) return read.error();
    if (*read) {
      fonts = std::move(styled);
      numbering = std::move(style_numbering);
    }
  }
  // Without the numbering part the text is read without its list labels.
  {
    DocxNumbering listed = numbering;
    auto read = read_side_part(
        archive->get(), "word/numbering.xml", options, "list numbers left out", document.warnings,
        [&](XmlStream& stream) {
          if (stream.depth() != 1 || (stream.name() != "abstractNum" && stream.name() != "num"))
            return false;
          const xmlNode* node = stream.expand();
          if (node == nullptr) return false;
          listed.add_definition(node);
          return true;
        });
    if (!read) return read.error();
    if (*read) numbering = std::move(listed);
  }

  Lines lines;
  WordText text(fonts, numbering, options.max_text_bytes);
  {
    XmlStream stream(**main_part, "word/document.xml");
    const std::string root = text.body(stream, lines);
    read_to_end(stream, text);
    if (stream.source_failed()) return *stream.error();  // says "corrupt DOCX" itself
    if (stream.error())
      return make_error(ErrorKind::invalid_argument, "corrupt DOCX: " + stream.error()->message,
                        "Tệp DOCX bị hỏng: " + stream.error()->user_message);
    if (root != "document") {
      return make_error(
          ErrorKind::invalid_argument,
          "not a Word document: the root of word/document.xml is <" + root + ">, not <w:document>",
          "Tệp không phải văn bản Word (word/document.xml không chứa văn bản Word)");
    }
  }
  main_part->reset();  // closed: nothing of it is inflated past where reading stopped

  for (const auto& [part, note] :
       {std::pair{"word/footnotes.xml", "footnote"}, std::pair{"word/endnotes.xml", "endnote"}}) {
    if (text.full()) break;  // past the text limit: the notes would be cut
    auto notes_part = open_part(archive->get(), part, options);
    if (!notes_part) return notes_part.error();
    if (!notes_part->has_value()) continue;
    XmlStream stream(**notes_part, part);
    Lines notes;
    text.notes(stream, note, notes);
    read_to_end(stream, text);
    if (stream.error()) {
      // The body is intact: index it and say what was lost.
      document.warnings.push_back(stream.error()->message + "; notes left out");
      continue;
    }
    lines.blank_line();
    lines.add_lines(notes.take());
  }
  if (text.full()) {
    document.warnings.push_back("text limit reached (" + std::to_string(options.max_text_bytes) +
                                " bytes): the rest of the document was not read");
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
