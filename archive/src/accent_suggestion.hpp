// "Có phải bạn muốn tìm: dân vận khéo": a box typed without diacritics, spelled as the
// archive's own text spells it where the top hits match it.
#pragma once

#include <string>
#include <vector>

#include "vanban/archive/query_parser.hpp"
#include "vanban/archive/searcher.hpp"

namespace vanban::archive {

// The words of the box with the diacritics the hits' highlighted words give them: for each
// word, the spelling of the matches in the snippets of `hits` (a match next to the match of
// the neighbouring word of the box counts double: "dan van" is "dân vận" where the two stand
// together). Empty when the box holds anything but plain words, when a word was typed with
// diacritics, or when no word would change.
std::string accent_suggestion(const query::Node& root, const std::vector<SearchHit>& hits);

}  // namespace vanban::archive
