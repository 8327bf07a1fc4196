// Typo suggestions from Xapian's spelling table. The writer keeps in it the folded words of every
// document (letters alone, each counted once per document holding it, so a word's spelling
// frequency is its document frequency); a word of the box that no document holds is offered the
// archive's word nearest to it ("Có phải bạn muốn tìm: chuyển đổi số" for "chuyn doi so").
//
// On a sharded archive, Xapian merges the spelling tables of local shards; the remote backend
// of Xapian 1.4 carries no spelling data, so words held only by remote shards are not offered
// (docs/SCALING.md).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "vanban/archive/query_parser.hpp"

namespace vanban::archive {

// The words of a document's terms (a Xapian::Document's, or a stored document's termlist) that
// go into the spelling table: its folded text terms made of letters a-z, 2 to 24 of them.
std::vector<std::string> spelling_words(Xapian::TermIterator begin, Xapian::TermIterator end);

// The edit distance a word of `letters` letters may be corrected within (the convention of
// Elasticsearch's `fuzziness: AUTO`): none up to 2 letters, 1 up to 5, 2 beyond.
unsigned max_edits(std::size_t letters);

// Fills `corrected` of the words of the box's top-level word groups whose folded term
// (`folded_prefix`: the text's or the title's) no document holds, with the archive's word
// nearest to it (Xapian's get_spelling_suggestion), spelled as the archive writes it: in a box
// typed with diacritics the spelling nearest to the one typed, else the most frequent one.
// Returns whether any word was corrected.
bool correct_typos(const Xapian::Database& database, std::string_view folded_prefix,
                   query::Node& root);

}  // namespace vanban::archive
