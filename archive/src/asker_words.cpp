#include "asker_words.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>

#include "vanban/analyzers/fold.hpp"

namespace vanban::archive {
namespace {

using Places = std::vector<const FrameWord*>;

// The interrogative pronouns (đại từ nghi vấn) of `words` standing where the grammar puts one,
// typed either way: "thu tuc dang ky ket hon can giay to gi", "co quan nao cap giay
// phep", "ai co tham quyen", "nop ho so vao dau", "co may loai hop dong". Office staff type a
// question without its mark; the pronoun is then its only sign. Where a pronoun is no question:
// - not after a noun or verb: never the group's first word (but "ai" asking who);
// - indefinite: "bất kỳ/bất cứ ... nào", "không có gì", "không ai", "gì đó", "nào cũng";
// - typed without diacritics, a homograph (the folded forms are shared): "không gỉ"
//   (stainless); nạo vét, nao núng, náo nhiệt, viêm não, chết não, huyên náo, nôn nao; "Ai
//   Cập", "Ai-len" and "AI" (the acronym) where "ai" asks nothing; "dau" is đầu, dấu, dầu
//   (đầu tư) but at the close of the group after "vào", "tại", "đến", "về", "từ"; "may" is
//   máy, may (nhà máy, may mặc) but before a unit counted ("may loai", "may nam") or after the
//   article asked for ("dieu may").
Places pronoun_places(const std::vector<query::Word>& words) {
  static const FrameWord what{analyzers::exact_form("gì"), analyzers::fold("gì")};
  static const FrameWord which{analyzers::exact_form("nào"), analyzers::fold("nào")};
  static const FrameWord who{analyzers::exact_form("ai"), analyzers::fold("ai")};
  static const FrameWord where{analyzers::exact_form("đâu"), analyzers::fold("đâu")};
  static const FrameWord how_many{analyzers::exact_form("mấy"), analyzers::fold("mấy")};
  static const std::vector<FrameWord> negation = spelled_words({"không", "chẳng"});
  static const std::vector<FrameWord> has = spelled_words({"có"});
  static const std::vector<FrameWord> any_first = spelled_words({"bất"});
  static const std::vector<FrameWord> any_second = spelled_words({"kỳ", "cứ"});
  // Typed with marks only: unaccented "do" is also the preposition ("do ai"), "cung" the one
  // of "cung cấp" ("don vi nao cung cap"), "ca" cá, ca.
  static const std::vector<FrameWord> indefinite_after = spelled_words({"đó", "cả", "cũng"});
  static const std::vector<FrameWord> which_homograph_after =
      spelled_words({"vét", "phá", "núng", "nhiệt"});
  static const std::vector<FrameWord> which_homograph_before =
      spelled_words({"viêm", "chết", "huyên", "nôn"});
  // "ai" asking who: the subject before the verb of what is asked ("ai có", "ai là", "ai được"),
  // or after the word governing it ("là ai", "của ai", "do ai", "những ai").
  static const std::vector<FrameWord> who_verb =
      spelled_words({"có", "là", "được", "phải", "chịu", "sẽ", "cần", "đã", "đang", "bị", "không",
                     "nên", "mới", "thì"});
  static const std::vector<FrameWord> who_governor =
      spelled_words({"là", "của", "do", "cho", "với", "bởi", "những", "về"});
  static const std::vector<FrameWord> who_names = spelled_words({"cập", "len"});
  static const std::vector<FrameWord> where_governor =
      spelled_words({"vào", "tại", "đến", "về", "từ"});
  static const std::vector<FrameWord> counted =
      spelled_words({"loại", "năm", "tháng", "ngày", "giờ", "lần", "người", "bước", "cấp", "nhóm",
                     "bậc", "hạng", "tuổi", "mức", "hình", "trường", "giai", "phần"});
  static const std::vector<FrameWord> machine_before = spelled_words({"nhà", "bộ", "xe"});
  static const std::vector<FrameWord> article_of = spelled_words({"điều", "khoản", "chương"});
  // "sao" opening the group asks why before what it questions ("sao lại bị phạt", "sao không
  // được cấp"); elsewhere it is the copy of "bản sao", "sao y" (the frames "tại sao", "làm sao"
  // are kQuestionFrames').
  static const FrameWord why{analyzers::exact_form("sao"), analyzers::fold("sao")};
  static const std::vector<FrameWord> why_asked = spelled_words({"lại", "không", "chưa", "phải"});

  const std::size_t n = words.size();
  const auto at = [&](std::size_t i, const std::vector<FrameWord>& spelled) {
    return i < n && typed_as_any(words[i], spelled);
  };
  const auto indefinite = [&](std::size_t i) {
    if (i + 1 < n && words[i + 1].accented() && at(i + 1, indefinite_after)) return true;
    if (i >= 1 && at(i - 1, negation)) return true;
    if (i >= 2 && at(i - 2, negation) && at(i - 1, has)) return true;
    for (std::size_t j = 0; j + 1 < i; ++j)
      if (at(j, any_first) && at(j + 1, any_second)) return true;
    return false;
  };
  Places out(n, nullptr);
  for (std::size_t i = 0; i < n; ++i) {
    const query::Word& word = words[i];
    const bool typed = word.accented();
    if (typed_as(word, who)) {
      if (i == 0 ? n >= 3 && at(1, who_verb)
                 : at(i - 1, who_governor) && !at(i + 1, who_names) && !indefinite(i))
        out[i] = &who;
      continue;
    }
    if (i == 0) {
      if (typed_as(word, why) && at(1, why_asked)) out[i] = &why;
      continue;
    }
    if (typed_as(word, what) && !indefinite(i)) {
      out[i] = &what;
    } else if (typed_as(word, which) && !indefinite(i) &&
               (typed ||
                (!at(i + 1, which_homograph_after) && !at(i - 1, which_homograph_before)))) {
      out[i] = &which;
    } else if (typed_as(word, where) && !indefinite(i) &&
               (typed || (i + 1 == n && at(i - 1, where_governor)))) {
      out[i] = &where;
    } else if (typed_as(word, how_many) &&
               (typed || (at(i + 1, counted) && !at(i - 1, machine_before)) ||
                at(i - 1, article_of))) {
      out[i] = &how_many;
    }
  }
  return out;
}

// The first of `frames` that the words from `at` make, or null.
const SpelledFrame* frame_from(const std::vector<query::Word>& words, std::size_t at,
                               const std::vector<SpelledFrame>& frames) {
  for (const SpelledFrame& frame : frames)
    if (frame_at(words, at, frame)) return &frame;
  return nullptr;
}

// Marks the words of `frame` from `at` in `places`; returns the place after it.
std::size_t mark(const SpelledFrame& frame, std::size_t at, Places& places) {
  for (std::size_t k = 0; k < frame.size(); ++k)
    places[at + k] = &frame[k];
  return at + frame.size();
}

// Courtesy words that may open a request ("xin cho biết", "vui lòng liệt kê"); alone they open
// titles ("Xin ý kiến ..."): they count only before a verb of telling.
constexpr std::array<std::array<std::string_view, 2>, 3> kCourtesy = {{
    {"xin", ""},
    {"vui", "lòng"},
    {"làm", "ơn"},
}};
// Verbs of telling that request by themselves opening the group: no title or topic opens with
// them. The first person asking ("tôi muốn biết", "cho tôi hỏi") requests anywhere: a title
// never says "tôi".
constexpr std::array<std::array<std::string_view, 3>, 4> kTelling = {{
    {"liệt", "kê", ""},
    {"cho", "biết", ""},
    {"kể", "tên", ""},
    {"cho", "hỏi", ""},
}};
constexpr std::array<std::array<std::string_view, 3>, 5> kFirstPerson = {{
    {"cho", "tôi", "biết"},
    {"cho", "tôi", "hỏi"},
    {"tôi", "muốn", "biết"},
    {"tôi", "muốn", "hỏi"},
    {"tôi", "cần", "biết"},
}};
// Verbs of telling that also name a topic ("nêu gương", "trình bày văn bản", "mô tả công
// việc"): they request only before what is told (below), or after the imperative marker.
constexpr std::array<std::array<std::string_view, 2>, 3> kTellingWithObject = {{
    {"nêu", ""},
    {"trình", "bày"},
    {"mô", "tả"},
}};
// Verbs that request only after the imperative marker or a courtesy word ("hãy giải thích",
// "xin hỏi"): alone they open titles and articles ("Hướng dẫn ...", "Giải thích từ ngữ").
constexpr std::array<std::array<std::string_view, 2>, 11> kTellingAfterMarker = {{
    {"giải", "thích"},
    {"phân", "biệt"},
    {"so", "sánh"},
    {"phân", "tích"},
    {"xác", "định"},
    {"tóm", "tắt"},
    {"chỉ", "ra"},
    {"kể", ""},
    {"hỏi", ""},
    {"tính", ""},
    {"hướng", "dẫn"},
}};
// What is told after a verb that also names a topic: an adverb of telling ("nêu rõ", "trình bày
// cụ thể"), a determiner of what is enumerated ("nêu các ..."), a noun of the kinds a law sets
// out ("nêu khái niệm", "trình bày điều kiện"). Typed without diacritics "neu" is also nếu
// (if), which opens a condition with its subject ("nếu các bên", "neu cac ben"): there a
// determiner requests only before such a noun ("neu cac truong hop").
constexpr std::array<std::array<std::string_view, 2>, 4> kTellingAdverbs = {{
    {"rõ", ""},
    {"ra", ""},
    {"lên", ""},
    {"cụ", "thể"},
}};
constexpr std::array<std::array<std::string_view, 2>, 3> kDeterminers = {{
    {"các", ""},
    {"những", ""},
    {"mọi", ""},
}};
constexpr std::array<std::array<std::string_view, 2>, 20> kToldNouns = {{
    {"tên", ""},       {"khái", "niệm"}, {"định", "nghĩa"}, {"nội", "dung"},  {"đặc", "điểm"},
    {"ý", "nghĩa"},    {"vai", "trò"},   {"mục", "đích"},   {"điều", "kiện"}, {"nguyên", "tắc"},
    {"trường", "hợp"}, {"quy", "định"},  {"thủ", "tục"},    {"trình", "tự"},  {"nhiệm", "vụ"},
    {"quyền", ""},     {"nghĩa", "vụ"},  {"hình", "thức"},  {"hậu", "quả"},   {"biện", "pháp"},
}};

// The words of a request (câu cầu khiến) opening the group, or anywhere after the imperative
// marker "hãy" or as the first person asking: "liệt kê các ...", "hãy cho biết ...", "xin vui
// lòng nêu rõ ...", "theo luật dân sự hãy trình bày ...", "tôi muốn biết ...". Typed without
// diacritics, "hay" is hãy where a verb of telling follows (the "or" of "A hay B" is followed
// by the alternative, "good" follows a noun), and "neu" nêu only before what is told.
Places request_places(const std::vector<query::Word>& words) {
  static const std::vector<SpelledFrame> courtesy = spell_frames(kCourtesy);
  static const std::vector<SpelledFrame> telling = spell_frames(kTelling);
  static const std::vector<SpelledFrame> first_person = spell_frames(kFirstPerson);
  static const std::vector<SpelledFrame> with_object = spell_frames(kTellingWithObject);
  static const std::vector<SpelledFrame> after_marker = spell_frames(kTellingAfterMarker);
  static const std::vector<SpelledFrame> adverbs = spell_frames(kTellingAdverbs);
  static const std::vector<SpelledFrame> determiners = spell_frames(kDeterminers);
  static const std::vector<SpelledFrame> nouns = spell_frames(kToldNouns);
  static const FrameWord imperative{analyzers::exact_form("hãy"), analyzers::fold("hãy")};
  const std::size_t n = words.size();
  // The verb of telling at `at` where it requests (`marked`: after hãy or a courtesy word).
  const auto verb_at = [&](std::size_t at, bool marked) -> const SpelledFrame* {
    if (at >= n) return nullptr;
    if (const SpelledFrame* verb = frame_from(words, at, telling)) return verb;
    if (const SpelledFrame* verb = frame_from(words, at, first_person)) return verb;
    if (const SpelledFrame* verb = frame_from(words, at, with_object)) {
      const std::size_t next = at + verb->size();
      const bool maybe_if = verb->size() == 1 && !words[at].accented();  // "neu": nêu or nếu
      const SpelledFrame* determiner = frame_from(words, next, determiners);
      const bool told = frame_from(words, next, adverbs) || frame_from(words, next, nouns) ||
                        (determiner != nullptr &&
                         (!maybe_if || frame_from(words, next + determiner->size(), nouns)));
      return marked || told ? verb : nullptr;
    }
    return marked ? frame_from(words, at, after_marker) : nullptr;
  };
  // Marks the verb at `at` and an adverb of telling after it.
  Places out(n, nullptr);
  const auto mark_verb = [&](const SpelledFrame& verb, std::size_t at) {
    const std::size_t next = mark(verb, at, out);
    if (const SpelledFrame* adverb = frame_from(words, next, adverbs)) mark(*adverb, next, out);
  };
  // Opening the group: courtesy words, the marker, the verb.
  std::size_t at = 0;
  std::vector<const SpelledFrame*> polite;
  while (const SpelledFrame* word = frame_from(words, at, courtesy)) {
    polite.push_back(word);
    at += word->size();
  }
  const bool marker = at < n && typed_as(words[at], imperative);
  const std::size_t verb_from = at + (marker ? 1 : 0);
  if (const SpelledFrame* verb = verb_at(verb_from, marker || !polite.empty())) {
    std::size_t from = 0;
    for (const SpelledFrame* word : polite)
      from = mark(*word, from, out);
    if (marker) out[at] = &imperative;
    mark_verb(*verb, verb_from);
  }
  // Further on: the marker typed with its marks before any verb of telling, typed without them
  // before a verb that requests by itself; the first person asking.
  for (std::size_t i = 1; i < n; ++i) {
    if (out[i] != nullptr) continue;
    if (typed_as(words[i], imperative)) {
      // Typed without marks, "hay" requests only before a verb that requests by itself.
      if (const SpelledFrame* verb = verb_at(i + 1, words[i].accented())) {
        out[i] = &imperative;
        mark_verb(*verb, i + 1);
      }
    } else if (const SpelledFrame* verb = frame_from(words, i, first_person)) {
      mark_verb(*verb, i);
    }
  }
  return out;
}

// The "hay" of an alternative question (câu hỏi lựa chọn), between the alternatives: "được
// hưởng lương hay trợ cấp", "là hợp đồng dân sự hay hợp đồng lao động", "công ty hay cá nhân
// phải nộp". The group holds the verb the alternatives answer (là, được, có, phải, nên, cần,
// bị, thuộc, bằng, theo). Not "hay" closing the group or before "không" (the frame "hay
// không"), qualifying the noun before it ("mô hình hay", "cách làm hay", "sáng kiến hay": good),
// before a verb it makes habitual ("hay xảy ra", "hay gặp", "hay mắc": often) or opening "hay
// nói cách khác" (in other words).
Places alternative_places(const std::vector<query::Word>& words) {
  static const FrameWord either{"hay", "hay"};
  static const std::vector<FrameWord> answered =
      spelled_words({"là", "được", "có", "phải", "nên", "cần", "bị", "thuộc", "bằng", "theo"});
  static const std::vector<FrameWord> good_after = spelled_words(
      {"hình", "làm", "gương", "kiến", "nghiệm", "tưởng", "bài", "phẩm", "chuyện", "sách"});
  static const std::vector<FrameWord> not_before =
      spelled_words({"không", "xảy", "gặp", "mắc", "nói"});
  const std::size_t n = words.size();
  Places out(n, nullptr);
  const bool has_verb = std::any_of(words.begin(), words.end(), [](const query::Word& word) {
    return typed_as_any(word, answered);
  });
  if (!has_verb) return out;
  for (std::size_t i = 1; i + 1 < n; ++i)
    if (typed_as(words[i], either) && !typed_as_any(words[i - 1], good_after) &&
        !typed_as_any(words[i + 1], not_before))
      out[i] = &either;
  return out;
}

}  // namespace

std::vector<const FrameWord*> asker_words(const std::vector<query::Word>& words) {
  Places out = pronoun_places(words);
  const Places request = request_places(words);
  for (std::size_t i = 0; i < out.size(); ++i)
    if (out[i] == nullptr) out[i] = request[i];
  const Places alternative = alternative_places(words);
  for (std::size_t i = 0; i < out.size(); ++i)
    if (out[i] == nullptr) out[i] = alternative[i];
  return out;
}

}  // namespace vanban::archive
