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

// True when `word` spells one syllable of a person's or place's name: a Vietnamese syllable,
// or one of the languages of the Central Highlands written in the national alphabet ("Ksor",
// "Niê", "Kđăm", "Mlô"): any run of consonant letters, then a vowel cluster of the
// orthography (ă and â never end it), then no final or one of the orthography's finals or r,
// l, h, s; at most one tone. A word without a vowel ("Nhn"), with a letter outside the
// alphabet ("Ï"), an impossible cluster ("Bằi", "Tieing") or an impossible final ("Thad",
// "Nguygn") spells none.
bool is_name_syllable(std::u32string_view word);

}  // namespace vanban::analyzers::syllable
