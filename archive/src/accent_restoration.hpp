// Accent restoration: for words typed without diacritics, the spelling the archive's own text
// gives them in the best documents for the query. It is offered to the user ("Có phải bạn muốn
// tìm: dân vận khéo") and used as a ranking hint: folding merges syllables the exact forms tell
// apart ("vu" is vụ in nearly every document, vũ in "lực lượng vũ trang"), so a folded word's
// statistics make it common and its weight small where the exact form's would not.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "vanban/archive/query_parser.hpp"

namespace vanban::archive {

// The exact forms in `database` that fold to `folded` (an ASCII syllable): its letters with
// each vowel mark, đ and tone a Vietnamese syllable can carry, those the index holds. Empty for
// anything longer than a syllable or holding other characters.
std::vector<std::string> accented_forms(const Xapian::Database& database,
                                        const std::string& folded);

// Whether the box was typed without diacritics: no word of it (phrases included) carries one, and
// a top-level word group holds a word that could. A word left without marks in a box typed with
// them is taken as typed ("ca", "theo").
bool typed_unaccented(const query::Node& root);

// Fills `restored` and `suggested` of the words typed without diacritics in the top-level word
// groups of `root`, from `documents` (the best for the query): the exact form found most often
// at the positions where the word stands between its two neighbours in the box ("van" in "dan
// van kheo"), else beside one of them ("dan" before "van"). Where no form stands beside a
// neighbour in them, the form the archive's texts give the word where they hold it beside a
// neighbour of the box (a sample of them per pair: "tặng" of "tang cho"); where none does, the
// form found most often anywhere in `documents` is only `suggested` (a word alone in its group:
// also `restored`). Both stay empty when the typed form wins or when no document holds
// the word. Returns whether any word has a suggestion.
bool restore_accents(const Xapian::Database& database, const std::vector<Xapian::docid>& documents,
                     query::Node& root);

// Whether the box is a question, typed with or without diacritics: it ends with a question
// mark (`asked`, query::ParsedQuery::asked), or a top-level word group holds an interrogative
// frame ("bao nhiêu", "như thế nào", "là gì", "hay không", the frames spell_question_frames()
// spells), a yes-or-no close ("có ... không", "được ... không", "đã ... chưa"), or an
// interrogative pronoun where the grammar puts one ("giấy tờ gì", "cơ quan nào", "ai có", "vào
// đâu", "mấy loại"), a request ("liệt kê ...", "hãy cho biết ...", "tôi muốn biết ..."), an
// alternative ("được hưởng A hay B"; asker_words.hpp), or the box asks a definition ("định nghĩa
// của X": defined_term()), each word typed as the grammar spells it or without diacritics: office
// staff type questions without their mark. Such a box describes a situation in the asker's words
// ("phạt cọc gấp đôi thì có đúng quy định không?"), which the answer need not hold ("điều gì", "đảm
// bảo" where the law says "bảo đảm"): it matches any of its words, by weight
// (Matching::by_weight). Titles, topics and document numbers hold none of these where they ask:
// a pronoun's homographs ("không gỉ", "viêm não", "đầu tư", "nhà máy"), the indefinite
// ("bất kỳ ... nào", "không có gì") and nouns ending in không ("hàng không") are told apart by
// their neighbours (asks_by_pronoun(), asks_yes_or_no()).
bool asks_question(const query::Node& root, bool asked = false);

// Which of `words` (one group typed together) make an interrogative frame, typed either way
// ("bao lâu", "nhu the nao"): the asker's grammar, not what the answer holds.
std::vector<bool> question_frame_words(const std::vector<query::Word>& words);

// Which of `words` (one group typed together) are the interrogative words of a question: the
// pronouns gì, nào, ai, đâu, mấy and the interrogative part of a frame ("bao nhiêu", "thế nào" of
// "như thế nào", "sao" of "tại sao"), typed either way (đâu, mấy and a frame's words typed
// without diacritics only in a frame or where the grammar puts them: "vao dau", not "dau tu"),
// and the other asker's words of asker_words.hpp (a request's verb, an alternative's "hay").
// They stand where the answer will, or ask for it: in a question they weigh nothing
// (QueryBuilder::words).
std::vector<bool> interrogative_words(const std::vector<query::Word>& words);

// Whether any word of the box's top-level word groups ranks by a restored spelling.
bool any_restored(const query::Node& root);

// "Có phải bạn muốn tìm": the box spelled with its words' corrections (spelling.hpp) and, typed
// without diacritics, their suggested spellings; empty when the box holds anything but plain
// words, or when nothing changes.
std::string box_suggestion(const query::Node& root);

}  // namespace vanban::archive
