#include "structure/relations.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <iterator>

#include "structure/citation_cursor.hpp"
#include "structure/dates.hpp"
#include "structure/text.hpp"

namespace vanban::analyzers::structure {

const std::vector<std::string_view>& relation_types_list() {
  static const std::vector<std::string_view> types = {
      kRelationRepeals,    kRelationReplaces,     kRelationAmends,
      kRelationCorrects,   kRelationConsolidates, kRelationGuides,
      kRelationImplements, kRelationBasedOn,      kRelationMentions,
  };
  return types;
}

}  // namespace vanban::analyzers::structure

namespace vanban::analyzers {

const std::vector<std::string_view>& relation_types() {
  return structure::relation_types_list();
}

}  // namespace vanban::analyzers

namespace vanban::analyzers::structure {
namespace {

constexpr std::size_t kEvidenceBytes = 420;

struct Verb {
  std::string_view words;  // lower case
  const char* type;
};

// The predicates by which a document acts on another, longest first so that "hướng dẫn thi
// hành" is not read as "thi hành". The subject must be the document itself: the clause opens
// with the verb (a title, an article, a preamble line), or "<Loại> này" stands before it.
constexpr std::array kVerbs = {
    Verb{"quy định chi tiết và hướng dẫn thi hành", kRelationGuides},
    Verb{"quy định chi tiết và hướng dẫn", kRelationGuides},
    Verb{"quy định chi tiết thi hành", kRelationGuides},
    Verb{"quy định chi tiết", kRelationGuides},
    Verb{"quy định việc thi hành", kRelationGuides},
    Verb{"hướng dẫn thi hành", kRelationGuides},
    Verb{"hướng dẫn thực hiện", kRelationGuides},
    Verb{"hướng dẫn", kRelationGuides},
    Verb{"sửa đổi, bổ sung", kRelationAmends},
    Verb{"sửa đổi", kRelationAmends},
    Verb{"bổ sung", kRelationAmends},
    Verb{"điều chỉnh", kRelationAmends},
    Verb{"thay thế", kRelationReplaces},
    Verb{"bãi bỏ", kRelationRepeals},
    Verb{"hủy bỏ", kRelationRepeals},
    Verb{"huỷ bỏ", kRelationRepeals},
    Verb{"đính chính", kRelationCorrects},
    Verb{"triển khai thực hiện", kRelationImplements},
    Verb{"triển khai thi hành", kRelationImplements},
    Verb{"tổ chức thực hiện", kRelationImplements},
    Verb{"tổ chức thi hành", kRelationImplements},
    Verb{"thực hiện", kRelationImplements},
    Verb{"triển khai", kRelationImplements},
    Verb{"thi hành", kRelationImplements},
    Verb{"quán triệt", kRelationImplements},
    Verb{"căn cứ", kRelationBasedOn},
};

// Predicates whose subject is the instrument named before them: "Thông tư số 15/2019/TT-BLĐTBXH
// hết hiệu lực kể từ ngày Thông tư này có hiệu lực".
struct Ending {
  std::string_view words;
  const char* type;  // nullptr: replaced when the subject is of the document's own kind
};
constexpr std::array kEndings = {
    Ending{"hết hiệu lực", nullptr},          Ending{"không còn hiệu lực", nullptr},
    Ending{"bị bãi bỏ", kRelationRepeals},    Ending{"được bãi bỏ", kRelationRepeals},
    Ending{"bị hủy bỏ", kRelationRepeals},    Ending{"bị huỷ bỏ", kRelationRepeals},
    Ending{"bị thay thế", kRelationReplaces}, Ending{"được thay thế", kRelationReplaces},
};

// The verbs and endings by their words' first byte: at a word, only those starting with its
// byte are compared.
constexpr auto kVerbsByFirstByte =
    by_first_byte(kVerbs, [](const Verb& verb) { return verb.words; });
constexpr auto kEndingsByFirstByte =
    by_first_byte(kEndings, [](const Ending& ending) { return ending.words; });

// Words a clause may open with before its predicate: list markers aside, these.
constexpr std::array kOpeners = {
    std::string_view{"v/v"},          std::string_view{"về việc"},   std::string_view{"để"},
    std::string_view{"nhằm"},         std::string_view{"tiếp tục"},  std::string_view{"đồng thời"},
    std::string_view{"nay"},          std::string_view{"việc"},      std::string_view{"kế hoạch"},
    std::string_view{"chương trình"}, std::string_view{"phương án"},
};

// Words that start the structure a scope names ("khoản 2 Điều 8", "một số điều").
constexpr std::array kScopeWords = {
    std::string_view{"điều"},
    std::string_view{"khoản"},
    std::string_view{"điểm"},
    std::string_view{"chương"},
    std::string_view{"mục"},
    std::string_view{"phần"},
    std::string_view{"tiểu mục"},
    std::string_view{"phụ lục"},
    std::string_view{"một số điều"},
    std::string_view{"một số nội dung"},
    std::string_view{"một số quy định"},
    std::string_view{"các điều"},
    std::string_view{"mẫu"},
    std::string_view{"biểu mẫu"},
    std::string_view{"danh mục"},
    std::string_view{"tiết"},
};

// Words that may close a scope before the instrument: "Điều 5 của", "Phụ lục I ban hành kèm
// theo".
constexpr std::array kScopeTails = {
    std::string_view{" được ban hành kèm theo"},
    std::string_view{" ban hành kèm theo"},
    std::string_view{" kèm theo"},
    std::string_view{" quy định tại"},
    std::string_view{" tại"},
    std::string_view{" của"},
    std::string_view{" trong"},
    std::string_view{" thuộc"},
};

std::string cut_evidence(std::string_view text) {
  // Read only as far as the evidence reaches: a clause may be a whole hostile line, and each of
  // its thousands of mentions would copy all of it.
  std::string out = collapse_spaces(text, kEvidenceBytes);
  if (out.size() <= kEvidenceBytes) return out;
  std::size_t cut = kEvidenceBytes;
  while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80)
    --cut;
  out.resize(cut);
  return out + "…";
}

struct Clause {
  std::size_t start = 0;
  std::size_t end = 0;
  char closer = 0;  // the punctuation that ends it: ';', ':', '.', or 0 (an opener follows)
};

bool is_list_marker(std::string_view word) {
  // "1.", "2)", "a)", "đ)", "-", "+", "IV."
  if (word == "-" || word == "+" || word == "*" || word == "•") return true;
  if (word.size() < 2 || (word.back() != '.' && word.back() != ')')) return false;
  const std::string_view head = word.substr(0, word.size() - 1);
  if (std::all_of(head.begin(), head.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return head.size() <= 3;
  if (head == "đ") return true;
  if (head.size() == 1 && head[0] >= 'a' && head[0] <= 'z') return true;
  return std::all_of(head.begin(), head.end(),
                     [](char c) { return c == 'I' || c == 'V' || c == 'X' || c == 'L'; });
}

// "Điều 5." (an article's heading), not "Điều 5 của ..." inside a sentence.
bool article_heading_at(const Cursor& cursor, std::size_t pos) {
  if (!cursor.word_at(pos, "điều")) return false;
  std::size_t p = cursor.skip_spaces(pos + std::string_view("điều").size());
  const std::size_t digits = p;
  while (p < cursor.text.size() && cursor.text[p] >= '0' && cursor.text[p] <= '9')
    ++p;
  return p > digits && p < cursor.text.size() && cursor.text[p] == '.';
}

// Clause boundaries of a flowed paragraph: ';', ':', a full stop before a capital or a
// number, and the capitalised words that open a preamble line or an article ("Căn cứ",
// "Theo đề nghị", "Điều 2") where a converter lost the punctuation. Boundaries inside a
// mention (a date "05.3.2020", a subject) do not count.
std::vector<Clause> split_clauses(const Cursor& cursor, const std::vector<MentionSpan>& spans) {
  std::vector<std::pair<std::size_t, std::size_t>> covered;  // merged spans, sorted
  for (const MentionSpan& span : spans)
    covered.emplace_back(span.start, span.end);
  std::sort(covered.begin(), covered.end());
  std::vector<Clause> clauses;
  const std::string_view text = cursor.text;
  std::size_t start = 0;
  std::size_t span = 0;
  const auto close = [&](std::size_t end, std::size_t next, char closer) {
    if (end > start) clauses.push_back({start, end, closer});
    start = next;
  };
  for (std::size_t p = 0; p < text.size(); ++p) {
    while (span < covered.size() && covered[span].second <= p)
      ++span;
    if (span < covered.size() && covered[span].first <= p && p < covered[span].second) {
      p = covered[span].second - 1;
      continue;
    }
    const char c = text[p];
    if (c == ';' || c == ':') {
      close(p, p + 1, c);
    } else if (c == '.' && (p + 1 >= text.size() || (text[p + 1] == ' ' && p + 2 < text.size() &&
                                                     (starts_upper(text.substr(p + 2, 4)) ||
                                                      (text[p + 2] >= '0' && text[p + 2] <= '9') ||
                                                      starts_quote(text, p + 2))))) {
      close(p, p + 1, '.');
    } else if (p > start && text[p - 1] == ' ' && starts_upper(text.substr(p, 4)) &&
               (cursor.word_at(p, "căn cứ") || cursor.word_at(p, "theo đề nghị") ||
                article_heading_at(cursor, p))) {
      close(p, p, 0);
    }
  }
  close(text.size(), text.size(), '.');
  return clauses;
}

// "<Loại> này" or "Văn bản này" ending right before `pos` (the "này" at `nay`).
bool self_reference_at(const Cursor& cursor, std::size_t nay) {
  if (!cursor.word_at(nay, "này") || nay < 2) return false;
  // The word or words before: a type name ("Thông tư", "Nghị quyết", "Văn bản").
  std::size_t back = nay - 1;
  for (int words = 0; words < 4 && back > 0; ++words) {
    const std::size_t space = cursor.text.rfind(' ', back - 1);
    const std::size_t word = space == std::string_view::npos ? 0 : space + 1;
    if (const TypeEntry* entry = type_at(cursor, word);
        entry && cursor.skip_spaces(word + entry->lowered.size()) == nay)
      return true;
    if (word == 0) break;
    back = word - 1;
  }
  return false;
}

std::size_t next_word(const Cursor& cursor, std::size_t pos) {
  return cursor.skip_spaces(cursor.word_end(pos));
}

// The lower-case word before `pos` (without trailing punctuation), empty at a clause start.
std::string_view word_before(const Cursor& cursor, std::size_t pos, std::size_t floor) {
  std::size_t end = pos;
  while (end > floor && cursor.text[end - 1] == ' ')
    --end;
  if (end <= floor) return {};
  std::size_t start = cursor.text.rfind(' ', end - 1);
  start = start == std::string_view::npos || start < floor ? floor : start + 1;
  return std::string_view(cursor.lowered).substr(start, end - start);
}

// The scope text between a predicate and the instrument ("khoản 2 Điều 8 của"): from its first
// structure word, its tail words removed. nullopt when it names no part: the whole instrument.
std::optional<std::string> scope_between(const Cursor& cursor, std::size_t from, std::size_t to) {
  for (std::size_t p = cursor.skip_spaces(from); p < to; p = next_word(cursor, p)) {
    if (!phrase_at(cursor, p, kScopeWords)) continue;
    if (!cursor.word_boundary_before(p)) continue;
    std::string scope = collapse_spaces(cursor.text.substr(p, to - p));
    for (bool trimmed = true; trimmed;) {
      trimmed = false;
      while (!scope.empty() && (scope.back() == ',' || scope.back() == ' '))
        scope.pop_back();
      const std::string lowered = lower(scope);
      for (std::string_view tail : kScopeTails) {
        if (lowered.ends_with(tail)) {
          scope.resize(scope.size() - tail.size());
          trimmed = true;
          break;
        }
      }
    }
    if (scope.empty()) return std::nullopt;
    return scope;
  }
  return std::nullopt;
}

// "kể từ ngày 01/7/2025" / "từ ngày ..." within [from, to): the date the effect starts.
std::optional<std::string> date_from(const Cursor& cursor, std::size_t from, std::size_t to) {
  for (std::size_t p = cursor.lowered.find("từ ngày", from); p != std::string::npos && p < to;
       p = cursor.lowered.find("từ ngày", p + 1)) {
    if (!cursor.word_boundary_before(p)) continue;
    if (auto date = parse_date_at(cursor.text, p + std::string_view("từ ngày").size());
        date && date->iso.size() == 10)
      return date->iso;
  }
  return std::nullopt;
}

// What a clause does to the mentions in it, and what it hands on to a list after its colon.
struct ClauseReading {
  const char* carried = nullptr;    // the role of a lead-in ("Bãi bỏ các văn bản sau:")
  const char* head_role = nullptr;  // the role its head verb gave ("Căn cứ ...")
  bool carried_ending = false;      // the lead-in says the listed ones "hết hiệu lực"
  std::optional<std::string> carried_scope;
  bool self_effect = false;  // "<Loại> này có hiệu lực": the next clause may end others
};

class ClauseReader {
 public:
  ClauseReader(const Cursor& cursor, const std::vector<MentionSpan>& spans,
               const RoleContext& context, std::vector<Relation>& out, std::vector<bool>& assigned)
      : cursor_(cursor), spans_(spans), context_(context), out_(out), assigned_(assigned) {}

  // `order`: span indices sorted by start; `nested[i]`: span i lies inside an earlier one.
  // `inherited`: the head role of the item before, for an item of a ";" list that opens with
  // an instrument and has no predicate of its own ("Căn cứ Luật A;" "Luật B;").
  ClauseReading read(const Clause& clause, const std::vector<std::size_t>& order,
                     const std::vector<bool>& nested, bool previous_self_effect,
                     const char* inherited) {
    ClauseReading reading;
    const std::string_view text = cursor_.text;
    const char* role = nullptr;
    std::size_t scope_from = clause.start;
    bool subject_is_self = true;  // no other instrument stands as the subject
    bool self_named = false;      // "<Loại> này" appeared as the subject
    bool mentions_self = false;   // "<Loại> này" anywhere in the clause
    std::vector<std::size_t> subjects;
    struct Pending {
      std::size_t span;
      const char* type;
      std::size_t ending;
    };
    std::vector<Pending> endings;
    const char* lead_ending = nullptr;  // an ending with no subject: a lead-in's

    std::size_t p = cursor_.skip_spaces(clause.start);
    // List markers and openers: the clause's head is the word after them.
    for (int guard = 0; guard < 6 && p < clause.end; ++guard) {
      const std::size_t end = std::min(cursor_.word_end(p), clause.end);
      if (is_list_marker(text.substr(p, end - p))) {
        p = cursor_.skip_spaces(end);
      } else if (const std::size_t length = phrase_at(cursor_, p, kOpeners)) {
        p = cursor_.skip_spaces(p + length);
        if (p < text.size() && text[p] == ',') p = cursor_.skip_spaces(p + 1);
      } else {
        break;
      }
    }
    const std::size_t head = p;
    // A subject that runs on past a semicolon ("... về phân cấp; quy định chi tiết ... của Luật
    // X;"): the clause opens in lower case right where a mention ended.
    const bool continues_subject =
        clause.start > 0 && text[clause.start - 1] == ';' && starts_lower(text.substr(head, 4)) &&
        std::any_of(spans_.begin(), spans_.end(), [&](const MentionSpan& span) {
          return span.end + 1 >= clause.start - 1 && span.end <= clause.start;
        });
    auto next_span =
        std::lower_bound(order.begin(), order.end(), clause.start,
                         [&](std::size_t i, std::size_t pos) { return spans_[i].start < pos; });
    if (inherited && next_span != order.end() && spans_[*next_span].start == head &&
        !continues_subject) {
      role = inherited;
      reading.head_role = inherited;
    }
    while (p < clause.end) {
      if (next_span != order.end() && spans_[*next_span].start <= p) {
        const std::size_t index = *next_span++;
        if (spans_[index].start >= clause.end) break;
        if (!nested[index]) {
          if (role) {
            if (const char* type = object_role(role, scope_from, spans_[index].start))
              assign(index, type, scope_between(cursor_, scope_from, spans_[index].start),
                     clause.start, clause.end, std::nullopt);
          } else {
            subjects.push_back(index);
            subject_is_self = false;
          }
        }
        p = std::max(p, cursor_.skip_spaces(spans_[index].end));
        if (p < text.size() && text[p] == ',') p = cursor_.skip_spaces(p + 1);
        continue;
      }
      if (self_reference_at(cursor_, p)) {
        mentions_self = true;
        if (!role) {
          subject_is_self = true;
          self_named = true;
        }
        if (cursor_.word_at(next_word(cursor_, p), "có hiệu lực")) reading.self_effect = true;
      }
      if (const Ending* ending = ending_at(p)) {
        const std::string_view before = word_before(cursor_, p, clause.start);
        if (before != "đã" && before != "sẽ") {
          bool taken = false;
          for (std::size_t subject : subjects) {
            if (!assigned_[subject]) {
              endings.push_back({subject, ending->type, p});
              taken = true;
            }
          }
          subjects.clear();
          if (!taken && !role && !lead_ending) {
            lead_ending = ending->type ? ending->type : "";
          }
        }
        p = cursor_.skip_spaces(p + ending->words.size());
        continue;
      }
      if (role && role != std::string_view(kRelationBasedOn)) {
        // "... Luật số 25/2008/QH12 đã được sửa đổi, bổ sung theo Luật số 46/2014/QH13": what
        // follows a passive tells another text's act; a preamble line still rests on it.
        if (verb_at(p) != nullptr) {
          const std::string_view before = word_before(cursor_, p, clause.start);
          if (before == "được" || before == "bị") {
            role = nullptr;
            subject_is_self = false;
          }
        }
      }
      if (!role) {
        if (const Verb* verb = verb_at(p)) {
          const std::string_view before = word_before(cursor_, p, clause.start);
          const bool passive = before == "được" || before == "bị" || before == "đã";
          // "Thực hiện theo quy định tại ...": a manner of acting, not carrying an
          // instrument out.
          const std::size_t after = cursor_.skip_spaces(p + verb->words.size());
          const bool manner = verb->type == std::string_view(kRelationImplements) &&
                              (cursor_.word_at(after, "theo") || cursor_.word_at(after, "đúng") ||
                               cursor_.word_at(after, "như") || cursor_.word_at(after, "tốt"));
          const bool at_head = p == head && !continues_subject && !manner;
          const bool after_self = before == "này" && self_named;
          const bool chained = self_named && (before == "và" || before == "đồng thời");
          const bool based_on = verb->type == std::string_view(kRelationBasedOn);
          if (subject_is_self && !passive &&
              ((at_head) || (!based_on && (after_self || chained)))) {
            role = verb->type;
            if (at_head) reading.head_role = role;
            scope_from = p + verb->words.size();
            p = cursor_.skip_spaces(scope_from);
            continue;
          }
        }
      }
      p = next_word(cursor_, p);
    }
    // "... hết hiệu lực": the clause must speak of the document itself ("kể từ ngày Thông tư
    // này có hiệu lực"), or follow its own "<Loại> này có hiệu lực ..." sentence.
    const bool speaks_of_self = mentions_self || previous_self_effect;
    if (speaks_of_self) {
      for (const Pending& pending : endings) {
        if (assigned_[pending.span]) continue;
        const char* type = pending.type ? pending.type : ending_type(pending.span);
        assign(pending.span, type, scope_between(cursor_, clause.start, spans_[pending.span].start),
               clause.start, clause.end, date_from(cursor_, pending.ending, clause.end));
      }
    }
    if (clause.closer == ':') {
      if (role) {
        reading.carried = role;
        reading.carried_scope = scope_between(cursor_, scope_from, clause.end);
      } else if (lead_ending && speaks_of_self) {
        reading.carried = *lead_ending ? lead_ending : nullptr;
        reading.carried_ending = true;
      }
    }
    return reading;
  }

  // Mentions of a list item that the item's own words gave no role: the lead-in's.
  void apply_lead_in(const Clause& lead, const ClauseReading& reading, const Clause& item,
                     const std::vector<std::size_t>& order, const std::vector<bool>& nested) {
    for (std::size_t index : order) {
      if (spans_[index].start < item.start || spans_[index].start >= item.end) continue;
      if (nested[index] || assigned_[index]) continue;
      const char* type = reading.carried ? reading.carried : ending_type(index);
      type = object_role(type, item.start, spans_[index].start);
      if (!type) continue;
      std::optional<std::string> scope = reading.carried_scope;
      if (!scope) scope = scope_between(cursor_, item.start, spans_[index].start);
      assign(index, type, scope, item.start, item.end, date_from(cursor_, lead.start, lead.end),
             &lead);
    }
  }

 private:
  // The role a predicate gives the instrument at `mention`, read from the words between them
  // (from `from`): nullptr when the instrument is not the predicate's object.
  const char* object_role(const char* role, std::size_t from, std::size_t mention) const {
    if (mention <= from) return role;
    const std::string_view between = std::string_view(cursor_.lowered).substr(from, mention - from);
    const auto has = [&](std::string_view phrase) {
      for (std::size_t at = between.find(phrase); at != std::string_view::npos;
           at = between.find(phrase, at + 1)) {
        if (cursor_.word_boundary_before(from + at) &&
            cursor_.word_boundary_after(from + at + phrase.size()))
          return true;
      }
      return false;
    };
    // "... theo quy định tại Nghị định số X": the instrument is where a rule is found, not
    // what the predicate acts on; a preamble line may still rest on an amending law ("Căn cứ
    // Luật A được sửa đổi, bổ sung theo Luật số B").
    // ("ban hành kèm theo Quyết định số X" names the instrument a text is attached to.)
    const bool attached = has("kèm theo") && !has("theo quy định");
    if (has("theo quy định") ||
        (role != std::string_view(kRelationBasedOn) && has("theo") && !attached))
      return nullptr;
    // "Thực hiện Kế hoạch số ...", not "thực hiện hỗ trợ ... tại Điều 13 Nghị định số ...".
    if (role == std::string_view(kRelationImplements) && split_words(trim(between)).size() > 3)
      return nullptr;
    // Repealing or replacing words ("Bãi bỏ cụm từ ...", "Thay thế cụm từ ... bằng ...") is
    // amending the text.
    if ((role == std::string_view(kRelationRepeals) ||
         role == std::string_view(kRelationReplaces)) &&
        (has("cụm từ") || has("từ ngữ")))
      return kRelationAmends;
    return role;
  }

  const Verb* verb_at(std::size_t pos) const {
    if (pos >= cursor_.lowered.size()) return nullptr;
    const auto byte = static_cast<unsigned char>(cursor_.lowered[pos]);
    const std::size_t count = kVerbsByFirstByte.count[byte];
    if (count == 0 || !cursor_.word_boundary_before(pos)) return nullptr;
    for (std::size_t k = 0; k < count; ++k) {
      const Verb& verb = kVerbs[kVerbsByFirstByte.items[byte][k]];
      if (cursor_.word_at(pos, verb.words)) return &verb;
    }
    return nullptr;
  }
  const Ending* ending_at(std::size_t pos) const {
    if (pos >= cursor_.lowered.size()) return nullptr;
    const auto byte = static_cast<unsigned char>(cursor_.lowered[pos]);
    const std::size_t count = kEndingsByFirstByte.count[byte];
    if (count == 0 || !cursor_.word_boundary_before(pos)) return nullptr;
    for (std::size_t k = 0; k < count; ++k) {
      const Ending& ending = kEndings[kEndingsByFirstByte.items[byte][k]];
      if (cursor_.word_at(pos, ending.words)) return &ending;
    }
    // The formula of the Law on Promulgation with one letter mistyped ("hết liệu lực"): its
    // first byte is as written too.
    for (std::size_t k = 0; k < count; ++k) {
      const Ending& ending = kEndings[kEndingsByFirstByte.items[byte][k]];
      if (cursor_.formula_slip_at(pos, ending.words)) return &ending;
    }
    return nullptr;
  }
  // An instrument a document declares ended is replaced by it when it is of the same kind (Law
  // on Promulgation: a text is replaced by a new one of the body that issued it), else repealed.
  const char* ending_type(std::size_t span) const {
    const auto& type = spans_[span].type;
    return type && context_.own_type && lower(*type) == lower(*context_.own_type)
               ? kRelationReplaces
               : kRelationRepeals;
  }

  void assign(std::size_t index, const char* type, std::optional<std::string> scope,
              std::size_t from, std::size_t to, std::optional<std::string> date,
              const Clause* lead = nullptr) {
    Relation& relation = out_[index];
    relation.type = type;
    // What a text is based on or carries out is the instrument, whatever part the line names.
    const bool whole_only =
        relation.type == kRelationBasedOn || relation.type == kRelationImplements;
    relation.scope = whole_only ? std::nullopt : std::move(scope);
    relation.from = std::move(date);
    std::string evidence;
    if (lead)
      evidence = cut_evidence(cursor_.text.substr(lead->start, lead->end - lead->start)) + ": ";
    evidence += cut_evidence(cursor_.text.substr(from, to - from));
    relation.evidence = trim(evidence);
    assigned_[index] = true;
  }

  const Cursor& cursor_;
  const std::vector<MentionSpan>& spans_;
  const RoleContext& context_;
  std::vector<Relation>& out_;
  std::vector<bool>& assigned_;
};

}  // namespace

std::vector<Relation> classify_mentions(std::string_view text,
                                        const std::vector<MentionSpan>& spans,
                                        const RoleContext& context) {
  if (spans.empty()) return std::vector<Relation>(spans.size());
  return classify_mentions(Cursor(text), spans, context);
}

std::vector<Relation> classify_mentions(const Cursor& cursor, const std::vector<MentionSpan>& spans,
                                        const RoleContext& context) {
  std::vector<Relation> relations(spans.size());
  if (spans.empty()) return relations;
  const std::string_view text = cursor.text;
  std::vector<std::size_t> order(spans.size());
  for (std::size_t i = 0; i < order.size(); ++i)
    order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return spans[a].start < spans[b].start; });
  // A mention inside the subject of another ("Căn cứ Nghị định số 145/2020/NĐ-CP ... quy định
  // chi tiết ... của Bộ luật Lao động") is only mentioned.
  std::vector<bool> nested(spans.size(), false);
  std::size_t reach = 0;
  std::size_t reach_start = 0;  // mentions at one place share it ("Quyết định số 217, 218-QĐ/TW")
  for (std::size_t k = 0; k < order.size(); ++k) {
    const MentionSpan& span = spans[order[k]];
    if (k > 0 && span.start < reach && span.start != reach_start) {
      nested[order[k]] = true;
      continue;
    }
    if (span.end > reach) {
      reach = span.end;
      reach_start = span.start;
    }
  }
  std::vector<bool> assigned(spans.size(), false);
  ClauseReader reader(cursor, spans, context, relations, assigned);
  const std::vector<Clause> clauses = split_clauses(cursor, spans);
  std::vector<ClauseReading> readings;
  readings.reserve(clauses.size());
  for (std::size_t k = 0; k < clauses.size(); ++k) {
    const bool previous_self = k > 0 && readings[k - 1].self_effect;
    const char* inherited =
        k > 0 && clauses[k - 1].closer == ';' && readings[k - 1].head_role == kRelationBasedOn
            ? readings[k - 1].head_role
            : nullptr;
    readings.push_back(reader.read(clauses[k], order, nested, previous_self, inherited));
    // A list item ("1. Thông tư số ...;") takes the role of the lead-in its list hangs from.
    for (std::size_t back = k; back > 0 && k - back < 80; --back) {
      const Clause& before = clauses[back - 1];
      if (before.closer == ':') {
        if (readings[back - 1].carried || readings[back - 1].carried_ending)
          reader.apply_lead_in(before, readings[back - 1], clauses[k], order, nested);
        break;
      }
      const std::string_view words = trim(text.substr(before.start, before.end - before.start));
      const bool marker = is_list_marker(std::string(words) + ".") || is_list_marker(words);
      if (before.closer != ';' && !marker) break;
    }
  }
  for (std::size_t i = 0; i < spans.size(); ++i) {
    if (assigned[i]) continue;
    const bool consolidated = context.consolidated_to > context.consolidated_from &&
                              spans[i].start >= context.consolidated_from &&
                              spans[i].start < context.consolidated_to && !nested[i];
    relations[i].type = consolidated ? kRelationConsolidates : kRelationMentions;
    // The sentence around the mention, for the evidence of a consolidation or a mention: the
    // clauses are disjoint and in order, so the one holding it is found by halving (a text of
    // 40,000 mentions and as many clauses was quadratic in a linear search).
    auto clause =
        std::upper_bound(clauses.begin(), clauses.end(), spans[i].start,
                         [](std::size_t start, const Clause& c) { return start < c.start; });
    if (clause != clauses.begin() && spans[i].start < std::prev(clause)->end) {
      clause = std::prev(clause);
    } else {
      clause = clauses.end();
    }
    const std::size_t from = clause != clauses.end() ? clause->start : spans[i].start;
    const std::size_t to =
        clause != clauses.end() ? std::max(clause->end, spans[i].end) : spans[i].end;
    relations[i].evidence = trim(cut_evidence(text.substr(from, to - from)));
  }
  return relations;
}

// ---- Dates a document states for itself ----

namespace {

int days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

void civil_from_days(int z, int& y, unsigned& m, unsigned& d) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
}

// The sentence around [from, to): from the last full stop or semicolon before to the next.
std::string sentence_around(std::string_view text, std::size_t from, std::size_t to) {
  std::size_t start = from;
  while (start > 0 && text[start - 1] != '.' && text[start - 1] != ';' && from - start < 300)
    --start;
  std::size_t end = to;
  while (end < text.size() && text[end] != ';' && end - to < 300 &&
         !(text[end] == '.' && (end + 1 >= text.size() || text[end + 1] == ' ')))
    ++end;
  if (end < text.size() && text[end] == '.') ++end;
  // The byte limits may fall inside a code point: move to whole ones.
  while (start < from && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80)
    ++start;
  while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
    ++end;
  return cut_evidence(trim(text.substr(start, end - start)));
}

// After "có hiệu lực (thi hành)": the date the effect starts, and where the reading stopped.
std::optional<DateMatch> effect_start(const Cursor& cursor, std::size_t p,
                                      const std::optional<std::string>& own_date) {
  const bool signed_date = own_date && own_date->size() == 10;
  p = cursor.skip_spaces(p);
  if (p < cursor.text.size() && cursor.text[p] == ',') p = cursor.skip_spaces(p + 1);
  // "sau 45 ngày, kể từ ngày ký ban hành"
  if (cursor.word_at(p, "sau")) {
    const std::size_t n = cursor.skip_spaces(p + 3);
    std::size_t digits = 0;
    while (n + digits < cursor.text.size() && cursor.text[n + digits] >= '0' &&
           cursor.text[n + digits] <= '9' && digits < 4)
      ++digits;
    if (digits == 0 || !signed_date) return std::nullopt;
    const int days = std::stoi(std::string(cursor.text.substr(n, digits)));
    std::size_t q = cursor.skip_spaces(n + digits);
    if (!cursor.word_at(q, "ngày")) return std::nullopt;
    q = cursor.skip_spaces(q + std::string_view("ngày").size());
    if (q < cursor.text.size() && cursor.text[q] == ',') q = cursor.skip_spaces(q + 1);
    if (cursor.word_at(q, "kể từ")) q = cursor.skip_spaces(q + std::string_view("kể từ").size());
    if (!cursor.word_at(q, "ngày ký") && !cursor.word_at(q, "ngày ban hành")) return std::nullopt;
    auto date = add_days(*own_date, days);
    if (!date) return std::nullopt;
    return DateMatch{*date, q};
  }
  if (cursor.word_at(p, "kể từ"))
    p = cursor.skip_spaces(p + std::string_view("kể từ").size());
  else if (cursor.word_at(p, "từ"))
    p = cursor.skip_spaces(p + std::string_view("từ").size());
  else
    return std::nullopt;
  if (!cursor.word_at(p, "ngày")) return std::nullopt;
  const std::size_t value = p + std::string_view("ngày").size();
  if (auto date = parse_date_at(cursor.text, value); date && date->iso.size() == 10) return date;
  const std::size_t q = cursor.skip_spaces(value);
  // "kể từ ngày ký", "kể từ ngày ban hành", "kể từ ngày được Hội đồng nhân dân ... thông qua"
  // (the header date of a resolution is the day it was passed).
  if (signed_date &&
      (cursor.word_at(q, "ký") || cursor.word_at(q, "ban hành") || cursor.word_at(q, "thông qua")))
    return DateMatch{*own_date, q};
  if (signed_date && cursor.word_at(q, "được")) {
    const std::size_t passed = cursor.lowered.find("thông qua", q);
    if (passed != std::string::npos && passed - q < 120 &&
        cursor.lowered.substr(q, passed - q).find_first_of(".;") == std::string::npos)
      return DateMatch{*own_date, passed};
  }
  return std::nullopt;
}

// "đến (hết) ngày 31/12/2025" after `p`, within the same sentence: the last day in force.
std::optional<DateMatch> effect_until(const Cursor& cursor, std::size_t p) {
  for (int words = 0; words < 12 && p < cursor.text.size(); ++words) {
    if (cursor.text[p] == '.' || cursor.text[p] == ';') return std::nullopt;
    if (cursor.word_at(p, "đến hết ngày") || cursor.word_at(p, "đến ngày")) {
      const std::size_t value = cursor.lowered.find("ngày", p) + std::string_view("ngày").size();
      if (auto date = parse_date_at(cursor.text, value); date && date->iso.size() == 10)
        return date;
      return std::nullopt;
    }
    p = next_word(cursor, p);
  }
  return std::nullopt;
}

// The subject before "có hiệu lực" / "hết hiệu lực" at `pos` is the document itself:
// "<Loại> này" right before it, not "Điều 3 của Thông tư này", not "kể từ ngày Thông tư này".
bool self_subject_before(const Cursor& cursor, std::size_t pos) {
  std::size_t end = pos;
  while (end > 0 && cursor.text[end - 1] == ' ')
    --end;
  if (end < 4) return false;
  const std::size_t nay = end - std::string_view("này").size();
  if (!self_reference_at(cursor, nay)) return false;
  // The type's first word and what precedes it.
  std::size_t back = nay;
  for (int words = 0; words < 4 && back > 0; ++words) {
    const std::size_t space = cursor.text.rfind(' ', back - 2);
    const std::size_t word = space == std::string_view::npos ? 0 : space + 1;
    if (const TypeEntry* entry = type_at(cursor, word);
        entry && cursor.skip_spaces(word + entry->lowered.size()) == nay) {
      const std::string_view before = word_before(cursor, word, 0);
      static constexpr std::array kNotSubject = {
          std::string_view{"ngày"}, std::string_view{"khi"},  std::string_view{"trước"},
          std::string_view{"sau"},  std::string_view{"từ"},   std::string_view{"của"},
          std::string_view{"tại"},  std::string_view{"theo"}, std::string_view{"đến"},
          std::string_view{"với"},  std::string_view{"lúc"},  std::string_view{"thời điểm"},
      };
      for (std::string_view stop : kNotSubject)
        if (before == stop || before.ends_with(" " + std::string(stop))) return false;
      return true;
    }
    if (word == 0) break;
    back = word;
  }
  return false;
}

}  // namespace

std::optional<std::string> add_days(std::string_view iso, int days) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  int y = 0;
  unsigned m = 0;
  unsigned d = 0;
  try {
    y = std::stoi(std::string(iso.substr(0, 4)));
    m = static_cast<unsigned>(std::stoi(std::string(iso.substr(5, 2))));
    d = static_cast<unsigned>(std::stoi(std::string(iso.substr(8, 2))));
  } catch (...) {
    return std::nullopt;
  }
  if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  civil_from_days(days_from_civil(y, m, d) + days, y, m, d);
  char out[48];
  std::snprintf(out, sizeof out, "%04d-%02u-%02u", y, m, d);
  return std::string(out);
}

EffectDates find_effect_dates(std::string_view body, const std::optional<std::string>& own_date) {
  EffectDates dates;
  const Cursor cursor(body);
  constexpr std::string_view kInForce = "có hiệu lực";
  constexpr std::string_view kEnded = "hết hiệu lực";
  for (std::size_t p = cursor.lowered.find(kInForce); p != std::string::npos;
       p = cursor.lowered.find(kInForce, p + 1)) {
    if (dates.effective && dates.expires) break;
    if (!cursor.word_boundary_before(p) || !self_subject_before(cursor, p)) continue;
    std::size_t q = p + kInForce.size();
    if (cursor.word_at(cursor.skip_spaces(q), "thi hành"))
      q = cursor.skip_spaces(q) + std::string_view("thi hành").size();
    if (!dates.effective) {
      if (auto start = effect_start(cursor, q, own_date)) {
        dates.effective = StatedDate{start->iso, sentence_around(body, p, start->end)};
        q = start->end;
      }
    }
    if (!dates.expires) {
      if (auto until = effect_until(cursor, cursor.skip_spaces(q)))
        dates.expires = StatedDate{until->iso, sentence_around(body, p, until->end)};
    }
  }
  // "Nghị quyết này hết hiệu lực (kể từ / vào) ngày ...": the day before is its last.
  for (std::size_t p = cursor.lowered.find(kEnded); p != std::string::npos && !dates.expires;
       p = cursor.lowered.find(kEnded, p + 1)) {
    if (!cursor.word_boundary_before(p) || !self_subject_before(cursor, p)) continue;
    std::size_t q = cursor.skip_spaces(p + kEnded.size());
    if (cursor.word_at(q, "thi hành"))
      q = cursor.skip_spaces(q + std::string_view("thi hành").size());
    for (std::string_view word :
         {std::string_view{"kể từ"}, std::string_view{"từ"}, std::string_view{"vào"}})
      if (cursor.word_at(q, word)) q = cursor.skip_spaces(q + word.size());
    if (!cursor.word_at(q, "ngày")) continue;
    const auto date = parse_date_at(body, q + std::string_view("ngày").size());
    if (!date || date->iso.size() != 10) continue;
    if (auto last = add_days(date->iso, -1))
      dates.expires = StatedDate{*last, sentence_around(body, p, date->end)};
  }
  return dates;
}

}  // namespace vanban::analyzers::structure
