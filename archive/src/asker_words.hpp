// The asker's words of a box typed as a sentence: the grammar by which Vietnamese asks or
// requests (an interrogative pronoun where it stands, a request's opening verb, the "hay" of
// an alternative), which no answering text holds in that sense. Office staff type questions
// and requests without their mark, often without diacritics: these words are then the only
// sign that the box asks, and they are not what it asks about.
#pragma once

#include <vector>

#include "vanban/archive/query_parser.hpp"

#include "frame_words.hpp"

namespace vanban::archive {

// Per word of `words` (one group typed together): the asker's word it is, as the grammar spells
// it, or null where it is none, typed either way (typed_as()). The words are those of:
// - an interrogative pronoun (đại từ nghi vấn) where the grammar puts one: gì, nào after the
//   word they determine ("giấy tờ gì", "cơ quan nào"), ai asking who ("ai có", "do ai"), đâu
//   after a preposition of place ("vào đâu"), mấy before a unit counted ("mấy loại"), sao
//   opening the group before what it asks why ("sao lại", "sao không");
// - a request (câu cầu khiến) opening the group: its courtesy words and imperative marker
//   ("xin", "vui lòng", "hãy"), its verb of telling ("liệt kê", "cho biết", "kể tên", "nêu",
//   "trình bày", "mô tả") and a first person asking ("tôi muốn biết", "cho tôi hỏi");
// - the "hay" of an alternative question (câu hỏi lựa chọn: "được hưởng lương hay trợ cấp").
// Where the same letters ask nothing they are told apart by their neighbours: homographs
// ("không gỉ", "nạo vét", "đầu tư", "nhà máy", "sao y bản chính"), the indefinite ("bất kỳ ...
// nào", "không có gì"), a topic holding the verb ("nêu gương", "trình bày văn bản"), "hay" as
// "good" or "often" ("mô hình hay", "hay xảy ra").
std::vector<const FrameWord*> asker_words(const std::vector<query::Word>& words);

}  // namespace vanban::archive
