// Questions that ask what a term means ("Hợp đồng hợp tác là gì?", "Định nghĩa của “người lao
// động”?", "lợi tức được hiểu như thế nào"). A Vietnamese legal text defines a term in one form,
// the defining clause "<term> là <definition>" (the article "Giải thích từ ngữ" of a law, or the
// first clause of an article on the term: "Hình phạt là biện pháp cưỡng chế nghiêm khắc nhất…"),
// so the answer to such a question is the text holding the term followed by "là".
#pragma once

#include <vector>

#include "vanban/archive/query_parser.hpp"

namespace vanban::archive {

// At most this many words before a closing frame are read as the term asked about: a term of the
// law is a noun phrase of a few syllables; what stands further back is the asker's context.
inline constexpr std::size_t kMaxDefinedWords = 8;

// The words of the term a box asks the definition of, typed either way; empty when the box asks
// no definition. Read from the interrogative frames of a definition question:
// - closing the term: "<term> là gì", "<term> (được) hiểu (như) thế nào / là gì / ra sao",
//   "<term> được định nghĩa như thế nào / là gì", "<term> (có) nghĩa là gì" (the last
//   kMaxDefinedWords words before the frame, or the quoted phrase just before it);
// - opening a group: "định nghĩa (của|về) <term>", "khái niệm (của|về) <term>", "(như) thế nào
//   là <term>" (the words after it, or the quoted phrase just after it).
// Not "<description> được gọi là gì", which gives the definition and asks for the term.
std::vector<query::Word> defined_term(const query::Node& root);

}  // namespace vanban::archive
