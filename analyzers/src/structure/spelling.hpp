// A title set in capitals spelled as the document itself spells its words in running text.
#pragma once

#include <string>
#include <string_view>

#include "structure/layout.hpp"

namespace vanban::analyzers::structure {

// `title`, written from capitals by rule (proper_case_title), with the case of each word taken
// from where the document's own running text (its lines not set in capitals) writes the same
// word beside the same neighbour: "Trung tâm Phục vụ hành chính công", "Sở Y tế Lâm Đồng",
// "Chương trình Mỗi xã một sản phẩm" are proper names a table cannot know, and the text that
// repeats them says how they are spelled. A word at the start of a sentence in the text gives
// no evidence; the title's first word, numbers, symbols and abbreviations stay as they are; a
// tie leaves the rule's spelling.
std::string respell_as_written(std::string_view title, const Layout& layout);

}  // namespace vanban::analyzers::structure
