// The font of each run of a Word document, to find the runs typed in a legacy Vietnamese font
// (TCVN3 ".VnTime", VNI "VNI-Times"; docs/domain.md §6.4 point 1), whose text Word stores as
// Windows-1252 mojibake.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <libxml/tree.h>

#include "vanban/analyzers/legacy_encoding.hpp"

namespace vanban::indexer::detail {

class DocxFonts {
 public:
  // Without styles: only runs' own fonts count. Styles are added one element at a time as
  // word/styles.xml is read (XmlStream), its w:docDefaults and each w:style.
  DocxFonts() = default;
  void add_defaults(const xmlNode* defaults);
  void add_style(const xmlNode* style);

  // The paragraph style of a w:p given its w:pPr (null when it has none): the pPr's pStyle,
  // else the default paragraph style.
  std::string paragraph_style(const xmlNode* paragraph_properties) const;

  // The font name a w:r's non-ASCII text is set in, given its w:rPr (null when it has none):
  // the run's own w:rFonts (w:hAnsi, else w:ascii), else its character style's, else its
  // paragraph style's (each style through its basedOn chain), else the document defaults.
  // Empty when none is named.
  std::string run_font(const xmlNode* properties, std::string_view paragraph_style) const;

  // The legacy encoding of that font, if it is a legacy font.
  std::optional<analyzers::LegacyFont> legacy_font(const xmlNode* run_properties,
                                                   std::string_view paragraph_style) const;

 private:
  struct Style {
    std::string based_on;
    std::string font;  // from the style's own rPr/rFonts, may be empty
  };
  std::string style_font(std::string_view id) const;

  std::map<std::string, Style, std::less<>> styles_;
  std::string default_paragraph_style_;
  std::string default_font_;
};

}  // namespace vanban::indexer::detail
