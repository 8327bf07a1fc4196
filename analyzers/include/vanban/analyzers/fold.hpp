// The two forms of a word that search works on.
#pragma once

#include <string>
#include <string_view>

namespace vanban::analyzers {

// Lower case with tones and vowel marks removed and đ→d: "Đường" → "duong", "khéo" → "kheo".
// Non-Vietnamese text (English, digits, punctuation) passes through lower-cased, undamaged.
std::string fold(std::string_view utf8);

// Lower case with the tone mark on one canonical vowel, so that "hoà"/"hòa" and "thuỷ"/"thủy"
// meet. This is the "exact" form: diacritics kept, spelling variants unified.
std::string exact_form(std::string_view utf8);

}  // namespace vanban::analyzers
