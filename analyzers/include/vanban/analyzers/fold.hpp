// The two forms of a word that search works on.
#pragma once

#include <string>
#include <string_view>

namespace vanban::analyzers {

// Lower case with tones and vowel marks removed and đ→d: "Đường" → "duong", "khéo" → "kheo".
// Non-Vietnamese text (English, digits, punctuation) passes through lower-cased, undamaged;
// letters of other scripts are lower-cased only. Combining marks (NFD input) are dropped.
std::string fold(std::string_view utf8);

// Lower case with the tone mark on one canonical vowel, so that "hoà"/"hòa" and "thuỷ"/"thủy"
// meet. This is the "exact" form: diacritics kept, spelling variants unified.
//
// Convention: the classic ("old") placement, the one of "CỘNG HÒA" and "Ủy ban" that dominates
// official documents. Per syllable: on the vowel with a modifier (ă â ê ô ơ ư; the second of
// "ươ"); else on the only vowel; else on the middle of three ("ngoài", "khuỷu"); else, of two
// vowels, on the second when a consonant follows ("hoàn") and on the first when none does
// ("hòa", "thủy", "òa", "úy", "mùa"). The "u" of "qu" and the "i" of "gi" before a vowel are
// consonants ("quý", "già"). Words that are not Vietnamese syllables are only lower-cased.
std::string exact_form(std::string_view utf8);

// The same, appending to `out`: for callers that reuse one buffer (the tokenizer's arena).
void append_folded(std::string_view utf8, std::string& out);
void append_exact_form(std::string_view utf8, std::string& out);

}  // namespace vanban::analyzers
