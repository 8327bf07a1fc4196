// Whether a word is one Vietnamese syllable: the yardstick that tells a legacy encoding's bytes
// (decoded with the right table) from mojibake (decoded with a wrong one). Private to the module.
#pragma once

#include <string_view>

namespace vanban::analyzers::syllable {

// True when `word` (letters only, any case, precomposed; a combining tone mark may follow its
// vowel, as Windows-1258 writes it) spells one syllable of the Vietnamese syllable grammar:
// initial consonant, vowel cluster and final consonant from the closed lists of the orthography,
// at most one tone, and only sắc or nặng before a stop (c ch p t k). Proper names of the
// minority languages ("Đắk Lắk") pass; foreign words ("été", "Café") and mojibake do not.
bool is_vietnamese(std::u32string_view word);

}  // namespace vanban::analyzers::syllable
