// Text from a converter that dropped every letter outside ASCII ("TH TNG CHNH PH", "S:
// 58/2010/Q-TTg", "ngy 22 thng 09 nm 2010"): the structure words of Decree 30's parts
// written back where their surviving letters (their skeleton) prove them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace vanban::analyzers::structure {

// The letters of `text` that such a converter keeps: ASCII letters and digits, in order
// ("Thủ tướng" → "Th tng" per word; "Độc" → "c"). Punctuation is dropped too.
std::string lost_letter_skeleton(std::string_view word);

// The text with the structure words written back, when it is such a text (its date line reads
// "ngy <d> thng <m> nm <yyyy>", or its motto "c lp ... T do ... Hnh phc"); else nullopt. Only
// what a skeleton proves is written back: a fixed phrase (the national name, the motto, the
// Party's name), a type name standing as a heading in capitals or before "s <number>", the
// number label "S:", the date words inside a date, "iu <n>." (Điều), "Cn c" opening a
// sentence, "Ni nhn:", "Knh gi:", and a known body or post written in capitals, each only
// when no other phrase of its kind has the same skeleton. Everything else stays as it came:
// a name, a place or a title is never guessed.
std::optional<std::string> restore_lost_letters(std::string_view text);

// The text with a font's look-alikes of Vietnamese letters written as those letters, or
// nullopt when it has none (the usual case: nothing is copied). A PDF whose font maps the glyph
// of "ư" to the code point of "ƣ" (U+01A3, Latin "oi", a letter of no Vietnamese word) gives
// "ngƣời", "trƣờng", "Chƣơng" in its text layer: "ƣ"/"Ƣ" are "ư"/"Ư" wherever they stand.
// The eth "Ð"/"ð" (U+00D0/U+00F0, no letter of the language) is what a Windows-1258 file's byte
// of "Đ"/"đ" (0xD0/0xF0) gives read as Latin-1, and what OCR engines read for it: it is "Đ"/"đ"
// in a word of the Vietnamese alphabet that is a syllable with it ("Ðiều"), a word in capitals
// (an abbreviation or code: "HÐND", "QÐ") or the letter alone (the point "ð)"); elsewhere (a
// word of another language, garble) it stays. The letters have the same length in UTF-8, so
// every offset stays.
std::optional<std::string> with_font_look_alikes_mended(std::string_view text);

}  // namespace vanban::analyzers::structure
