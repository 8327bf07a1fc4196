#include "docx_fonts.hpp"

#include "xml_support.hpp"

namespace vanban::indexer::detail {
namespace {

// w:rFonts names one font per script range; the legacy fonts' letters are in the w:hAnsi
// range (non-ASCII Latin), and their ASCII base letters (VNI) in w:ascii.
std::string font_of(const xmlNode* run_properties) {
  const xmlNode* fonts = child_element(run_properties, "rFonts");
  if (fonts == nullptr) return {};
  std::string name = attribute(fonts, "hAnsi");
  return name.empty() ? attribute(fonts, "ascii") : name;
}

std::string value_of(const xmlNode* parent, std::string_view child) {
  return attribute(child_element(parent, child), "val");
}

}  // namespace

void DocxFonts::add_defaults(const xmlNode* defaults) {
  default_font_ = font_of(child_element(child_element(defaults, "rPrDefault"), "rPr"));
}

void DocxFonts::add_style(const xmlNode* style) {
  const std::string id = attribute(style, "styleId");
  if (id.empty()) return;
  if (attribute(style, "type") == "paragraph" && attribute(style, "default") == "1")
    default_paragraph_style_ = id;
  styles_[id] = {value_of(style, "basedOn"), font_of(child_element(style, "rPr"))};
}

std::string DocxFonts::style_font(std::string_view id) const {
  constexpr int kLongestChain = 16;  // basedOn loops exist in damaged files
  for (int depth = 0; depth < kLongestChain && !id.empty(); ++depth) {
    const auto style = styles_.find(id);
    if (style == styles_.end()) return {};
    if (!style->second.font.empty()) return style->second.font;
    id = style->second.based_on;
  }
  return {};
}

std::string DocxFonts::paragraph_style(const xmlNode* paragraph_properties) const {
  std::string style = value_of(paragraph_properties, "pStyle");
  return style.empty() ? default_paragraph_style_ : style;
}

std::string DocxFonts::run_font(const xmlNode* properties, std::string_view paragraph_style) const {
  if (std::string own = font_of(properties); !own.empty()) return own;
  if (std::string character = style_font(value_of(properties, "rStyle")); !character.empty())
    return character;
  if (std::string paragraph = style_font(paragraph_style); !paragraph.empty()) return paragraph;
  return default_font_;
}

std::optional<analyzers::LegacyFont> DocxFonts::legacy_font(
    const xmlNode* run_properties, std::string_view paragraph_style) const {
  const std::string font = run_font(run_properties, paragraph_style);
  if (font.empty()) return std::nullopt;
  return analyzers::legacy_font(font);
}

}  // namespace vanban::indexer::detail
