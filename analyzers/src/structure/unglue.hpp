// Words a converter ran together (a space lost at a change of font or line): "theoQuyết",
// "CHÁNH VĂN PHÒNGThái", "Hội đồngnhân dân", "TRIỂNKHAI". Found by the syllable grammar, never
// by a list of words.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace vanban::analyzers::structure {

// The line with each glued pair of Vietnamese syllables split and a space put after a comma
// between two words ("PHÒNG,CHỐNG"), or nullopt when it holds neither.
// A run of letters is split only where both halves are syllables of the grammar and the split
// is the only one that gives two syllables (at a change of case, or inside a run with two vowel
// groups and a Vietnamese letter); codes ("TTg", "QyĐ"), foreign words and unaccented names
// ("Hanoi") stay whole. When a run of capitals splits several ways, the split that makes an
// opening phrase or type name ("BANHÀNH" → "BAN HÀNH") is taken.
std::optional<std::string> unglue_words(std::string_view line);

}  // namespace vanban::analyzers::structure
