// ODT (OpenDocument text, ODF 1.2/1.3): the zip container through the DOCX machinery
// (zip_support: the same size and ratio bounds), content.xml through libxml2. Paragraphs and
// headings are lines in document order, lists item by item, tables row by row as every reader
// lays them out (reader.hpp), text boxes after the paragraph anchoring them, footnotes and
// endnotes after the body (as the DOCX reader puts them). Tracked deletions, annotations and
// the note citation marks are left out. Text in a legacy Vietnamese font (TCVN3 .VnTime, VNI)
// is converted from its mojibake to Unicode, the font found through the styles as Writer
// applies them: the span's style, else the paragraph's, each through its parent chain, else the
// default paragraph style.
#include <algorithm>
#include <array>
#include <map>

#include "vanban/analyzers/legacy_encoding.hpp"

#include "formats.hpp"
#include "legacy_runs.hpp"
#include "list_numbers.hpp"
#include "text_lines.hpp"
#include "xml_support.hpp"
#include "zip_support.hpp"

namespace vanban::indexer::detail {
namespace {

constexpr int kListLevels = 10;  // ODF list styles define levels 1 to 10

// Writer writes a style per distinct formatting; a document holds a few thousand at most. Past
// this many declarations in a part the rest are left out with a warning (as in DOCX): a part of
// millions of them cannot take memory without bound.
constexpr std::size_t kMostDeclarations = 20000;

// The sections of a part's declarations, read one declaration at a time.
bool is_declarations_section(std::string_view name) {
  return name == "font-face-decls" || name == "styles" || name == "automatic-styles" ||
         name == "master-styles";
}

// One level of a list style (ODF 1.2 §16.31-16.32): its number's format and affixes, or a bullet.
struct ListLevel {
  std::string format;  // "1", "a", "A", "i", "I"; empty: no number
  std::string prefix;
  std::string suffix;
  std::string bullet;  // set for a bullet level
  int start = 1;
  int display_levels = 1;  // how many levels' numbers the label shows ("1.2.")
};
using ListLevels = std::array<ListLevel, kListLevels>;

std::string roman(int value, bool upper) {
  static constexpr std::array<std::pair<int, std::string_view>, 13> kDigits = {{{1000, "m"},
                                                                                {900, "cm"},
                                                                                {500, "d"},
                                                                                {400, "cd"},
                                                                                {100, "c"},
                                                                                {90, "xc"},
                                                                                {50, "l"},
                                                                                {40, "xl"},
                                                                                {10, "x"},
                                                                                {9, "ix"},
                                                                                {5, "v"},
                                                                                {4, "iv"},
                                                                                {1, "i"}}};
  std::string out;
  for (const auto& [amount, digits] : kDigits) {
    while (value >= amount && out.size() < 32) {
      out += digits;
      value -= amount;
    }
  }
  if (upper)
    for (char& c : out)
      c = static_cast<char>(c - 'a' + 'A');
  return out;
}

// A number in a list level's format: 1, a ... z, aa, ...; i, I.
std::string formatted(int value, std::string_view format) {
  if (format == "i" || format == "I") return roman(value, format == "I");
  if (format == "a" || format == "A") return lettered_number(value, format == "A");
  return std::to_string(value);
}

// Fonts of the document's styles: font-face declarations map a style's font name to the font
// family ("'.VnTime'"), styles inherit through style:parent-style-name.
class OdtStyles {
 public:
  // The outline style is the first in a part (or a section of content.xml's declarations).
  void begin_part() { outline_read_ = false; }

  // Declarations in `root` (a part's root element, or one declaration).
  void add(const xmlNode* root) {
    if (root == nullptr) return;
    for (const xmlNode* face : find_elements(root, "font-face")) {
      std::string family = attribute(face, "font-family");
      // svg:font-family may be quoted: "'DejaVu Sans'".
      if (family.size() >= 2 && (family.front() == '\'' || family.front() == '"') &&
          family.back() == family.front())
        family = family.substr(1, family.size() - 2);
      faces_[attribute(face, "name")] = family.empty() ? attribute(face, "name") : family;
    }
    for (const xmlNode* style : find_elements(root, "style")) {
      const std::string name = attribute(style, "name");
      if (name.empty()) continue;
      styles_[name] = {attribute(style, "parent-style-name"), text_font(style)};
    }
    for (const xmlNode* style : find_elements(root, "default-style")) {
      if (attribute(style, "family") == "paragraph") default_font_ = text_font(style);
    }
    for (const xmlNode* list : find_elements(root, "list-style"))
      read_levels(list, lists_[attribute(list, "name")]);
    // Headings are numbered by the outline style ("Chương I", "Điều 1."), whose levels read as
    // a list style's.
    if (outline_read_) return;
    if (const xmlNode* outline = find_element(root, "outline-style")) {
      read_levels(outline, outline_);
      outline_read_ = true;
    }
  }

  const ListLevels& outline() const { return outline_; }

  // The levels of a list style; null for an unknown style.
  const ListLevels* list_style(std::string_view name) const {
    const auto found = lists_.find(name);
    return found == lists_.end() ? nullptr : &found->second;
  }

  // The font family a style (through its parents) sets; empty when none does.
  std::string style_font(std::string_view name) const {
    constexpr int kLongestChain = 16;  // parent loops exist in damaged files
    for (int depth = 0; depth < kLongestChain && !name.empty(); ++depth) {
      const auto style = styles_.find(name);
      if (style == styles_.end()) return {};
      if (!style->second.font.empty()) return family(style->second.font);
      name = style->second.parent;
    }
    return {};
  }

  std::string default_font() const { return family(default_font_); }

 private:
  static void read_levels(const xmlNode* style, ListLevels& levels) {
    for (const xmlNode* level = style->children; level != nullptr; level = level->next) {
      if (level->type != XML_ELEMENT_NODE) continue;
      const int number = std::atoi(attribute(level, "level").c_str());
      if (number < 1 || number > kListLevels) continue;
      ListLevel& entry = levels[static_cast<std::size_t>(number - 1)];
      const std::string_view kind = local_name(level);
      if (kind == "list-level-style-bullet") {
        entry.bullet = attribute(level, "bullet-char");
        // Symbol fonts put bullets in the private use area: shown as a bullet.
        if (entry.bullet.empty() || static_cast<unsigned char>(entry.bullet[0]) == 0xEE ||
            static_cast<unsigned char>(entry.bullet[0]) == 0xEF)
          entry.bullet = "•";
      } else if (kind == "list-level-style-number" || kind == "outline-level-style") {
        entry.format = attribute(level, "num-format");
        entry.prefix = attribute(level, "num-prefix");
        entry.suffix = attribute(level, "num-suffix");
        if (const std::string start = attribute(level, "start-value"); !start.empty())
          entry.start = std::max(0, clamped_integer(start));
        if (const std::string shown = attribute(level, "display-levels"); !shown.empty())
          entry.display_levels = std::clamp(std::atoi(shown.c_str()), 1, number);
      }
    }
  }

  static std::string text_font(const xmlNode* style) {
    const xmlNode* properties = child_element(style, "text-properties");
    std::string font = attribute(properties, "font-name");
    return font.empty() ? attribute(properties, "font-family") : font;
  }

  std::string family(const std::string& font) const {
    const auto face = faces_.find(font);
    return face == faces_.end() ? font : face->second;
  }

  struct Style {
    std::string parent;
    std::string font;
  };
  std::map<std::string, std::string, std::less<>> faces_;
  std::map<std::string, Style, std::less<>> styles_;
  std::map<std::string, ListLevels, std::less<>> lists_;
  ListLevels outline_;
  bool outline_read_ = false;
  std::string default_font_;
};

class OdtText {
 public:
  explicit OdtText(const OdtStyles& fonts) : fonts_(fonts) {}

  bool saw_legacy_font() const { return saw_legacy_font_; }
  std::vector<std::string> take_notes() { return std::move(notes_); }

  // One block-level element: a paragraph, heading, list, table, section.
  void block(const xmlNode* node, Lines& out) {
    const std::string_view name = local_name(node);
    if (name == "h") {
      heading(node, out);
    } else if (name == "p") {
      paragraph(node, out);
    } else if (name == "table") {
      table(node, out);
    } else if (name == "list") {
      list(node, out);
    } else if (name == "list-item" || name == "list-header") {
      list_item(node, out, name == "list-item");
    } else if (is_passed_over(name)) {
      return;
    } else {
      blocks(node, out);  // section, index-body, ...
    }
  }

  // Block-level elements with no text of the document's (tracked deletions, declarations).
  static bool is_passed_over(std::string_view name) {
    return name == "tracked-changes" || name == "sequence-decls" || name == "forms" ||
           name == "annotation" || name == "variable-decls" || name == "user-field-decls" ||
           name == "table-of-content-source" || name == "index-title-template";
  }

  // The block-level children of an element.
  void blocks(const xmlNode* parent, Lines& out) {
    for (const xmlNode* node = parent->children; node != nullptr; node = node->next)
      if (node->type == XML_ELEMENT_NODE) block(node, out);
  }

 private:
  void paragraph(const xmlNode* node, Lines& out) {
    std::vector<std::string> boxes;
    const std::string outer = paragraph_font_;
    paragraph_font_ = fonts_.style_font(attribute(node, "style-name"));
    if (paragraph_font_.empty()) paragraph_font_ = fonts_.default_font();
    const auto outer_run = run_font_;
    run_font_ = legacy(paragraph_font_);
    out.end_line();
    if (!pending_label_.empty()) out.append(pending_label_ + " ");
    pending_label_.clear();
    inline_content(node, out, boxes);
    flush_legacy(out);
    out.end_line();
    out.add_lines(boxes);
    run_font_ = outer_run;
    paragraph_font_ = outer;
  }

  std::optional<analyzers::LegacyFont> legacy(const std::string& font) {
    if (font.empty()) return std::nullopt;
    auto found = analyzers::legacy_font(font);
    saw_legacy_font_ = saw_legacy_font_ || found.has_value();
    return found;
  }

  void span(const xmlNode* node, Lines& out, std::vector<std::string>& boxes) {
    const auto outer = run_font_;
    if (const std::string font = fonts_.style_font(attribute(node, "style-name")); !font.empty())
      run_font_ = legacy(font);
    inline_content(node, out, boxes);
    run_font_ = outer;
  }

  void text(std::string_view content, Lines& out) { legacy_runs_.append(content, run_font_, out); }

  void flush_legacy(Lines& out) { legacy_runs_.flush(out); }

  void inline_content(const xmlNode* parent, Lines& out, std::vector<std::string>& boxes) {
    for (const xmlNode* node = parent->children; node != nullptr; node = node->next) {
      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
        if (node->content != nullptr) {
          // ODF collapses white space in paragraphs as XML does (ODF 1.2 §6.1.2).
          text(collapse_white_space(reinterpret_cast<const char*>(node->content)), out);
        }
        continue;
      }
      if (node->type != XML_ELEMENT_NODE) continue;
      const std::string_view name = local_name(node);
      if (name == "span" || name == "a" || name == "ruby" || name == "ruby-base" ||
          name == "meta" || name == "number") {
        span(node, out, boxes);
      } else if (name == "s") {
        const std::string count = attribute(node, "c");
        int spaces = 1;
        if (!count.empty() && count.size() < 4) spaces = std::max(1, std::atoi(count.c_str()));
        text(std::string(static_cast<std::size_t>(spaces), ' '), out);
      } else if (name == "tab") {
        flush_legacy(out);
        out.append("\t");
      } else if (name == "line-break") {
        flush_legacy(out);
        out.end_line();
      } else if (name == "soft-page-break" || name == "note-citation" || name == "annotation" ||
                 name == "annotation-end" || name == "change" || name == "change-start" ||
                 name == "change-end" || name == "bookmark" || name == "bookmark-start" ||
                 name == "bookmark-end" || name == "reference-mark" || name == "ruby-text") {
        continue;
      } else if (name == "note-body") {
        flush_legacy(out);
        Lines note;
        blocks(node, note);
        for (auto& line : note.take())
          notes_.push_back(std::move(line));
      } else if (name == "text-box") {
        flush_legacy(out);
        Lines box;
        blocks(node, box);
        for (auto& line : box.take())
          boxes.push_back(std::move(line));
      } else {
        inline_content(node, out, boxes);  // note, frame, fields (date, page number), ...
      }
    }
  }

  // A heading's outline number, counted over the document as Writer counts it.
  void heading(const xmlNode* node, Lines& out) {
    const int level =
        std::clamp(std::atoi(attribute(node, "outline-level").c_str()), 1, kListLevels) - 1;
    const ListLevel& style = fonts_.outline()[static_cast<std::size_t>(level)];
    if (attribute(node, "is-list-header") != "true" && !style.format.empty() &&
        pending_label_.empty()) {
      auto& counter = outline_counters_[static_cast<std::size_t>(level)];
      if (const std::string start = attribute(node, "start-value"); !start.empty()) {
        counter = std::max(0, clamped_integer(start));
      } else {
        counter = counter == 0 ? style.start : next_list_number(counter);
      }
      for (int deeper = level + 1; deeper < kListLevels; ++deeper)
        outline_counters_[static_cast<std::size_t>(deeper)] = 0;
      pending_label_ = label(fonts_.outline(), outline_counters_, level);
    }
    paragraph(node, out);
  }

  static std::string label(const ListLevels& levels, const std::array<int, kListLevels>& counters,
                           int level) {
    const ListLevel& style = levels[static_cast<std::size_t>(level)];
    if (!style.bullet.empty()) return style.bullet;
    if (style.format.empty()) return {};
    std::string number;
    for (int shown = level - style.display_levels + 1; shown <= level; ++shown) {
      const auto index = static_cast<std::size_t>(shown);
      if (!number.empty()) number += '.';
      number += formatted(std::max(counters[index], 1), levels[index].format);
    }
    return style.prefix + number + style.suffix;
  }

  // A list's items are numbered as Writer shows them: each level counts from its start value,
  // a deeper level restarts under each item, a new list restarts unless it continues another.
  void list(const xmlNode* node, Lines& out) {
    std::string outer_style =
        enter_list(attribute(node, "style-name"), attribute(node, "continue-numbering") == "true" ||
                                                      !attribute(node, "continue-list").empty());
    blocks(node, out);
    leave_list(std::move(outer_style));
  }

  void list_item(const xmlNode* node, Lines& out, bool numbered) {
    enter_list_item(attribute(node, "start-value"), numbered);
    blocks(node, out);
    leave_list_item();
  }

 public:
  // A list, given its style-name and whether it continues another's numbering, begins: the
  // style in force before it is returned, for leave_list. (Split so that content.xml's stream
  // can go through a list's items without expanding the list.)
  std::string enter_list(const std::string& style, bool continues) {
    std::string outer_style = list_style_;
    if (!style.empty()) list_style_ = style;
    if (list_depth_ == 0 && !continues) counters_[list_style_] = {};
    ++list_depth_;
    return outer_style;
  }

  void leave_list(std::string outer_style) {
    --list_depth_;
    list_style_ = std::move(outer_style);
  }

  // An item (numbered) or a list header begins, given its start-value: its label is counted.
  void enter_list_item(const std::string& start, bool numbered) {
    const ListLevels* levels = fonts_.list_style(list_style_);
    const int level = std::min(list_depth_, kListLevels) - 1;
    if (numbered && levels != nullptr && level >= 0) {
      auto& counters = counters_[list_style_];
      const ListLevel& style = (*levels)[static_cast<std::size_t>(level)];
      auto& counter = counters[static_cast<std::size_t>(level)];
      if (!start.empty()) {
        counter = std::max(0, clamped_integer(start));
      } else {
        counter = counter == 0 ? style.start : next_list_number(counter);
      }
      for (int deeper = level + 1; deeper < kListLevels; ++deeper)
        counters[static_cast<std::size_t>(deeper)] = 0;
      pending_label_ = label(*levels, counters, level);
    }
  }

  void leave_list_item() { pending_label_.clear(); }

  // A table, or a group of its rows, begins.
  void begin_table(Lines& out) { out.end_line(); }

  void table_row(const xmlNode* row, Lines& out) {
    std::vector<std::vector<std::string>> cells;
    for (const xmlNode* cell = row->children; cell != nullptr; cell = cell->next) {
      if (!is_element(cell, "table-cell")) continue;  // covered cells hold nothing
      Lines lines;
      blocks(cell, lines);
      cells.push_back(lines.take());
    }
    add_table_row(out, cells);
  }

  static bool is_row_group(std::string_view name) {
    return name == "table-header-rows" || name == "table-rows" || name == "table-row-group";
  }

 private:
  void table(const xmlNode* node, Lines& out) {
    begin_table(out);
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
      if (child->type != XML_ELEMENT_NODE) continue;
      const std::string_view name = local_name(child);
      if (name == "table-row") {
        table_row(child, out);
      } else if (is_row_group(name)) {
        table(child, out);
      }
    }
  }

  const OdtStyles& fonts_;
  std::string paragraph_font_;
  std::optional<analyzers::LegacyFont> run_font_;
  bool saw_legacy_font_ = false;
  LegacyRuns legacy_runs_;
  std::vector<std::string> notes_;
  // Lists: the style in force, how deep, the counters of each style's levels, and the label
  // the next paragraph (the first of an item) starts with.
  std::string list_style_;
  int list_depth_ = 0;
  std::map<std::string, std::array<int, kListLevels>, std::less<>> counters_;
  std::string pending_label_;
  std::array<int, kListLevels> outline_counters_{};
};

// The body as content.xml streams: the containers open around the element at hand (sections,
// lists and their items, tables, row groups, rows, cells) are entered and left as the stream
// goes in and out of them, none expanded; a paragraph or heading is expanded alone. So what is
// held is one paragraph and the text, however many blocks a section, list, table or cell holds
// (a section holding one table of 800,000 rows was expanded whole: 490 MB). The text is the
// whole-tree walk's (OdtText::block): the same calls in the same order.
class OdtBody {
 public:
  OdtBody(OdtText& text, Lines& body) : text_(text), body_(body) {}
  OdtBody(const OdtBody&) = delete;
  OdtBody& operator=(const OdtBody&) = delete;

  // An element below office:text (a block at depth 3, or anything within one): the containers
  // it is not in are left first.
  void element(XmlStream& stream) {
    const int depth = stream.depth();
    while (!open_.empty() && open_.back().depth >= depth)
      leave();
    const std::string_view name = stream.name();
    const Kind parent = open_.empty() ? Kind::section : open_.back().kind;
    if (parent == Kind::table) {  // rows and row groups; columns and a title hold no text
      if (name == "table-row") {
        open_.emplace_back(Kind::row, depth);
      } else if (OdtText::is_row_group(name)) {
        text_.begin_table(out());
        open_.emplace_back(Kind::table, depth);
      } else {
        stream.skip();
      }
    } else if (parent == Kind::row) {  // covered cells hold nothing
      if (name == "table-cell") {
        open_.emplace_back(Kind::cell, depth);
      } else {
        stream.skip();
      }
    } else if (name == "table") {
      text_.begin_table(out());
      open_.emplace_back(Kind::table, depth);
    } else if (name == "list") {
      Open list(Kind::list, depth);
      list.outer_style = text_.enter_list(stream.attribute("style-name"),
                                          stream.attribute("continue-numbering") == "true" ||
                                              !stream.attribute("continue-list").empty());
      open_.push_back(std::move(list));
    } else if (name == "list-item" || name == "list-header") {
      text_.enter_list_item(stream.attribute("start-value"), name == "list-item");
      open_.emplace_back(Kind::item, depth);
    } else if (name == "p" || name == "h") {
      if (const xmlNode* node = stream.expand()) text_.block(node, out());
      stream.skip();
    } else if (OdtText::is_passed_over(name)) {
      stream.skip();
    } else {
      open_.emplace_back(Kind::section, depth);  // section, index-body, ...: their blocks
    }
  }

  // Leaves every container still open (at the body's end, or where the text limit stopped it).
  void finish() {
    while (!open_.empty())
      leave();
  }

  // Bytes of text held: the body's, and the open rows' and cells'.
  std::size_t bytes() const {
    std::size_t held = body_.bytes();
    for (const Open& open : open_)
      held += open.cell.bytes() + open.row_bytes;
    return held;
  }

 private:
  enum class Kind { section, list, item, table, row, cell };
  struct Open {
    Open(Kind kind_, int depth_) : kind(kind_), depth(depth_) {}
    Kind kind;
    int depth;
    Lines cell;                                   // a cell's lines
    std::vector<std::vector<std::string>> cells;  // a row's cells read
    std::size_t row_bytes = 0;
    std::string outer_style;  // a list's: the style in force before it
  };

  // Where blocks go now: the innermost open cell, else the body.
  Lines& out() {
    for (auto open = open_.rbegin(); open != open_.rend(); ++open)
      if (open->kind == Kind::cell) return open->cell;
    return body_;
  }

  void leave() {
    Open left = std::move(open_.back());
    open_.pop_back();
    if (left.kind == Kind::list) {
      text_.leave_list(std::move(left.outer_style));
    } else if (left.kind == Kind::item) {
      text_.leave_list_item();
    } else if (left.kind == Kind::cell) {
      if (!open_.empty() && open_.back().kind == Kind::row) {
        std::vector<std::string> lines = left.cell.take();
        for (const std::string& line : lines)
          open_.back().row_bytes += line.size();
        open_.back().cells.push_back(std::move(lines));
      }
    } else if (left.kind == Kind::row) {
      add_table_row(out(), left.cells);
    }
  }

  OdtText& text_;
  Lines& body_;
  std::vector<Open> open_;
};

}  // namespace

// content.xml element by element (XmlStream) as libzip inflates it: the declarations before the
// body (fonts, automatic styles) one at a time, then the body through its containers, each
// paragraph expanded alone and read (OdtBody), so that what is held is the paragraph at hand and
// the text, whatever the part's size; reading stops once the text passes the limit.
Result<ReadDocument> read_odt(std::string_view bytes, const ReadOptions& options) {
  auto archive = open_zip(bytes, "ODT");
  if (!archive) return archive.error();
  auto content = open_zip_entry(archive->get(), "content.xml", options, "ODT");
  if (!content) return content.error();
  if (!content->has_value()) {
    return make_error(ErrorKind::invalid_argument,
                      "not an OpenDocument text: the zip has no content.xml",
                      "Tệp không phải văn bản ODT (thiếu content.xml)");
  }

  ReadDocument document;
  OdtStyles fonts;
  // Named styles (and their fonts) are in styles.xml; without it only automatic styles count.
  // A part of declarations only, read one declaration at a time (as a tree, a 4.6 MB ODT whose
  // styles.xml held two million styles took 1 GB).
  auto styles = open_zip_entry(archive->get(), "styles.xml", options, "ODT");
  if (!styles) return styles.error();
  if (styles->has_value()) {
    OdtStyles styled;
    styled.begin_part();
    XmlStream stream(**styles, "styles.xml");
    std::size_t taken = 0;
    while (stream.next_element()) {
      const int depth = stream.depth();
      if (depth == 0 || (depth == 1 && is_declarations_section(stream.name()))) continue;
      if (++taken > kMostDeclarations) {
        document.warnings.push_back("styles.xml holds more than " +
                                    std::to_string(kMostDeclarations) +
                                    " declarations; the rest left out");
        break;
      }
      if (const xmlNode* declaration = stream.expand()) styled.add(declaration);
      stream.skip();
    }
    if (stream.error()) {
      document.warnings.push_back(stream.error()->message + "; styles left out");
    } else {
      fonts = std::move(styled);
    }
  }
  styles->reset();

  Lines lines;
  OdtText text(fonts);
  OdtBody body(text, lines);
  bool body_seen = false;
  bool in_body_text = false;
  bool full = false;
  bool in_declarations = false;
  std::size_t declarations = 0;
  XmlStream stream(**content, "content.xml");
  // Depth 0: office:document-content; 1: its declarations and office:body; 2: a declaration,
  // or office:text; 3: the blocks.
  while (!full && stream.next_element()) {
    const int depth = stream.depth();
    const std::string_view name = stream.name();
    if (depth == 0) continue;
    if (depth <= 2) in_body_text = false;
    if (depth == 1) {  // office:body, or font-face-decls, automatic-styles, scripts
      in_declarations = name != "body";
      if (in_declarations) fonts.begin_part();
      continue;
    }
    if (depth == 2 && in_declarations) {  // one at a time, as in styles.xml
      if (++declarations == kMostDeclarations + 1) {
        document.warnings.push_back("content.xml holds more than " +
                                    std::to_string(kMostDeclarations) +
                                    " declarations; the rest left out");
      }
      if (declarations <= kMostDeclarations) {
        if (const xmlNode* declaration = stream.expand()) fonts.add(declaration);
      }
      stream.skip();
      continue;
    }
    if (depth == 2 && name == "text" && !body_seen) {
      body_seen = true;
      in_body_text = true;
      continue;
    }
    if (in_body_text) {
      body.element(stream);
      full = body.bytes() > options.max_text_bytes;
      continue;
    }
    stream.skip();  // another body (office:spreadsheet) or what follows the text
  }
  body.finish();
  // Nothing after the body is text, but a part damaged anywhere is refused, as when it was parsed
  // whole, unless the text limit stopped the reading.
  if (!full)
    while (stream.next_element()) {
    }
  if (stream.source_failed()) return *stream.error();  // says "corrupt ODT" itself
  if (stream.error())
    return make_error(ErrorKind::invalid_argument, "corrupt ODT: " + stream.error()->message,
                      "Tệp ODT bị hỏng: " + stream.error()->user_message);
  if (!body_seen) {
    return make_error(ErrorKind::invalid_argument,
                      "not an OpenDocument text: content.xml has no office:text body",
                      "Tệp không phải văn bản ODT (thiếu phần nội dung)");
  }
  content->reset();  // closed: nothing of it is inflated past where reading stopped
  if (auto notes = text.take_notes(); !notes.empty()) {
    lines.blank_line();
    lines.add_lines(notes);
  }
  if (full) {
    document.warnings.push_back("text limit reached (" + std::to_string(options.max_text_bytes) +
                                " bytes): the rest of the document was not read");
  }
  document.text = lines.joined();
  if (!text.saw_legacy_font())
    document.text = analyzers::detect_and_repair_legacy_text(std::move(document.text)).text;
  drop_soft_hyphens(document.text);
  return document;
}

}  // namespace vanban::indexer::detail
