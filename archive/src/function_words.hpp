// Words a search never requires: the function words of Vietnamese grammar (hư từ) and the
// question words, which a question holds and its answer does not ("… bị phạt bao nhiêu năm?").
// They still rank, weighted by their statistics like any word. The list is closed-class
// grammar, not a sample of queries: README.md, "Words that are never required".
#pragma once

#include <string_view>

namespace vanban::archive {

// `exact` is the word's exact form (diacritics kept, lower case). A word typed without
// diacritics (exact == folded) is a function word when some function word folds to it:
// "co" may be "có", and is not required either (it still ranks).
bool is_function_word(std::string_view exact, std::string_view folded);

}  // namespace vanban::archive
