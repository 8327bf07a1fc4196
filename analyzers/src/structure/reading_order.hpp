// The parts of a document in reading order (ND30 layout, docs/domain.md §1.3-§1.7), whatever the
// line breaks a converter left: header cells merged on one line or listed column by column,
// Markdown and pipe tables, the number on the line after "Số:", a place and date split in two,
// a signature block on one line.
#pragma once

#include <string>
#include <string_view>

namespace vanban::analyzers::structure {

// The text with each part of the header (issuer cells, motto, number, place and date, "V/v",
// "Kính gửi", type heading) and of the signature block (authority, post, name) on a line of its
// own, converters' markup removed (table pipes, emphasis, glued footnote markers) and text a
// web page puts before the issuer dropped. Body lines keep their breaks; only their markup goes.
std::string reading_order_text(std::string_view nfc_text);

// True when `folded_letters`, the letters between "cộng hòa" and "việt nam" run together and
// folded, are within two edits of "xã hội chủ nghĩa": the national name (ND30 ô 1) as a scan's
// engine or a code page's slip leaves it ("XàHỘI", "HỦNGHĨA", "XÃ HỘ").
bool damaged_national_middle(std::string_view folded_letters);

}  // namespace vanban::analyzers::structure
