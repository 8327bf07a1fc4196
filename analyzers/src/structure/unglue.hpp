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

// The line with the pieces of a syllable that a stray space cut apart joined again ("Qu ả ng
// Ngãi" → "Quảng Ngãi", "Đặ ng Văn Minh", "X ã hội": a web page's inline tags between the letters
// of a word), or nullopt when it holds none. Two neighbouring words of letters are joined only
// when one of them is such a piece (consonants alone, one marked vowel), one of them is no
// syllable of the grammar and together they are one; codes ("Bộ TT", "HĐND tỉnh") stay apart.
std::optional<std::string> rejoin_split_syllables(std::string_view line);

}  // namespace vanban::analyzers::structure
