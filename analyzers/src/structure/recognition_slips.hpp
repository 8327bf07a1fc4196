// Text read by OCR from a scan (Tesseract's Vietnamese): a tone or vowel mark lost or swapped on
// a letter ("ỦY BẠN NHÂN DÂN", "PHO CHỦ TỊCH", "NGHỊ QUYET", "THÀNH PHÓ"), digits read as
// letters inside a date ("ngày I2 tháng O1 năm 2026"), and the number label read "Sô:" or
// "S6:". The structure words of Decree 30's parts are written back where the domain guarantees
// the word; nothing else is touched. (The eth "Ð" it reads for "Đ" is the same letter for
// every analyzer: vietnamese_letters.hpp.)
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace vanban::analyzers::structure {

// The text with these slips mended, or nullopt when it has none (the usual case: nothing is
// copied). What is mended, and only there:
// - a known name of a body or post, a type of document or an administrative level of two words
//   or more ("Ủy ban nhân dân", "Phó Chủ tịch", "Nghị quyết", "thành phố"), the national name
//   and the motto's words, whose letters without marks are the phrase's, written in capitals
//   on a line in capitals, or with the phrase's own capitals elsewhere: the phrase's marks; one
//   word in capitals of six letters or more that is such a phrase run together ("BANTOCHỨC",
//   letter-spaced capitals read as one word): the phrase;
// - inside a date frame "ngày <d> tháng <m> năm <yyyy>": the frame's words by their letters
//   without marks, and the letters I, l, | read for 1 and O, o read for 0 in a number that has
//   a digit too;
// - "Sô", "Sồ", "S6", "S0" opening a line and followed by ":" and a digit: "Số";
// - one underscore standing apart before a line's first word or after its last (a scrap of a
//   rule line): dropped.
// Only lines as long as a page is wide (320 bytes at most) are looked at: an engine's lines are
// the page's, and a longer line is a paragraph a converter joined.
// - one word of a known name of five words or more, in capitals, read as a word in lower case
//   ("BỘ GIÁO màn VÀ ĐÀO TẠO"): the others' letters in their order prove the name's word.
// A word the engine garbled beyond these (a letter lost, a number read as letters only) stays
// as it came: no value is ever guessed.
std::optional<std::string> mend_recognition_slips(std::string_view text);

}  // namespace vanban::analyzers::structure
