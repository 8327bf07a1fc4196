// Text that lost every diacritic: a PDF's own OCR layer that dropped the marks, or a text typed
// without them ("UY BAN NHAN DAN TINH HA TINH", "CONG HOA XA HOI CHU NGHIA VIET NAM", "So:
// 12/QD-UBND", "Ha Noi, ngay 5 thang 3 nam 2021", "KT. CHU TICH", "Noi nhan:", "Can cu Luat
// ..."). The structure words of Decree 30's parts and the names of the tables are written back
// with their marks where the folded words prove them (one phrase of the tables folds to them);
// nothing else is guessed.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace vanban::analyzers::structure {

// The text with the structure words written back in its stretches written without diacritics
// (lines among which almost no word carries a mark: a first page's OCR layer before an annex
// with its marks is one), when it has such a stretch and it reads as a document of Decree 30
// (its national name, motto, a date line "ngay <d> thang <m> nam <yyyy>", "Noi nhan:" or "Can
// cu" opening a sentence); else nullopt. Written back, each only where no other phrase of its
// kind folds the same: the national name, the motto and the Party's name; the number label "So:"
// before a number; the date words inside a date; a province's name in title case or capitals
// ("Ha Noi" → "Hà Nội"); a type's name in capitals or before "so <number>" or a symbol
// ("QUYET DINH", "Nghi dinh so 15/2020/ND-CP"); a known body, post or administrative level in
// capitals ("UY BAN NHAN DAN", "PHO CHU TICH", "TINH"), or after a signing authority's prefix
// ("KT. Chu tich"); "Noi nhan:", "Kinh gui:"; "Can cu" opening a sentence; "Dieu <n>." opening a
// line. A word that has a mark of its own is left as it is.
std::optional<std::string> restore_diacritics(std::string_view text);

// A name read from such a text (an issuer, a place) is one the tables prove only when every word
// of it carries its marks (written back) or is a word the tables spell without any and no name of
// the tables spells with marks ("An", "Long", "Giang"), an abbreviation or code in capitals, or
// a number. "Ủy ban nhân dân tỉnh Hà Tĩnh" is; "Ủy ban nhân dân huyện Cam Xuyen" is not (a
// district no table names: its marks cannot be known).
bool is_proved_name(std::string_view name);

// A person's name (ô 7c) as such a text writes it: two to six words, each capitalised, each the
// letters of a name's syllable once its marks are dropped ("Nguyen Van Hung", "Tran Thi Thu
// Ha"); "Nguyen Kim San" is, "Nguy'en Kim" and "Noi nhan" are not (a sign inside a word, a
// lower-case word).
bool is_bare_personal_name(std::string_view name);

}  // namespace vanban::analyzers::structure
