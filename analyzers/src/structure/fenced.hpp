// A document filed inside a Markdown note (text.cpp).
#pragma once

#include <optional>
#include <string_view>

namespace vanban::analyzers::structure {

// The document a Markdown note holds in a fenced block: a tool that converts a signed PDF and
// files it with its own notes (front matter, a heading, a summary, "**Số hiệu:** ...") puts the
// text itself between "```" fences. The block's lines when it holds a document's header (the
// Quốc hiệu of ND30 ô 1 or the Party's "ĐẢNG CỘNG SẢN VIỆT NAM", HD 36-HD/VPTW) and the note
// around it holds none; nullopt otherwise. The note's fields are the tool's, not the document's.
std::optional<std::string_view> fenced_document(std::string_view text);

}  // namespace vanban::analyzers::structure
