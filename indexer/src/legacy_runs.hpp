// Text of word-processor runs in legacy fonts (TCVN3, VNI), converted a stretch at a time.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "vanban/analyzers/legacy_encoding.hpp"

#include "text_lines.hpp"

namespace vanban::indexer::detail {

// Word processors split runs anywhere (spelling marks, revisions, styles), even between a VNI
// base letter and its mark: consecutive runs in the same legacy encoding are gathered and
// converted together. Shared by the DOCX and ODT readers.
class LegacyRuns {
 public:
  // Appends `content` written in `font` (nullopt: Unicode text, appended as it is).
  void append(std::string_view content, const std::optional<analyzers::LegacyFont>& font,
              Lines& out) {
    if (!font) {
      flush(out);
      out.append(content);
      return;
    }
    if (font_ && (font_->encoding != font->encoding || font_->upper_case != font->upper_case))
      flush(out);
    font_ = font;
    text_ += content;
  }

  // Converts what is gathered into `out` (before a tab, a break or the end of a paragraph).
  void flush(Lines& out) {
    if (font_) out.append(analyzers::repair_legacy_text(text_, *font_));
    text_.clear();
    font_.reset();
  }

 private:
  std::string text_;  // not converted yet, in font_
  std::optional<analyzers::LegacyFont> font_;
};

}  // namespace vanban::indexer::detail
