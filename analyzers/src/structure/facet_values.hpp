// The values a user reads in the facets (issuer, signer): what each must be to be shown at all.
// A value that fails is not a name the text gives but a slip of the reading (an OCR line, a
// file whose letters outside ASCII were dropped): the field is null ("never invents").
#pragma once

#include <string>
#include <string_view>

namespace vanban::analyzers::structure {

// A Vietnamese personal name as ô 7c writes it: 2-6 words, each a capital letter then lower-case
// letters ("Trần Hữu Thùy Giang", "Ksor Phước"; a minority name's apostrophe may join two parts,
// "H'Hen"), each word one syllable of a name (syllable::is_name_syllable). "Chương Ï", "Nguyn
// Thin Nhn", "Đồng Vă", "Bằi Văn Nghiêm" are none.
bool is_personal_name(std::string_view name);

// An issuer written in words: each word in lower case ("nhân dân", "huyện") is a Vietnamese
// syllable; each capitalised word a syllable of a name, an abbreviation (two or more capitals or
// digits: "HĐND", "CNTT", "TW4", "XI") or a number; parts joined by a hyphen or a slash are read
// apart, and brackets, commas and dashes around words are no words. "Ủy ban nhân dân FT n ỉ",
// "S 348-tb/tu Bang cong San vit Nam" are not ("n", "tb", "vit": no syllable).
bool is_written_in_words(std::string_view issuer);

}  // namespace vanban::analyzers::structure
