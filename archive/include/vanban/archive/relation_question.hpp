// Questions about the relations between documents, typed in words ("văn bản nào sửa đổi Nghị
// định 14/2017", "Thông tư 07/2024/TT-BKHĐT còn hiệu lực không"), and instruments named as people
// name them ("nghị định 62/2022", "luật đất đai"). Pure (no Xapian): the reading of the box; the
// searcher resolves the instrument against the archive (instrument_resolution.hpp) and runs the
// relation filter. docs/ARCHITECTURE.md "Relation questions" states the grammar and its boundary.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "vanban/archive/fields.hpp"

namespace vanban::archive {

// An instrument as a user names it.
struct InstrumentRef {
  std::string typed;  // as typed, trimmed ("nghị định số 62/2022")
  // A full symbol or a law's name: its citation key ("62/2022/nd-cp", "luat:luat dat dai").
  std::optional<std::string> key;
  // Else a type of the type-code table and a number without its code: "Nghị định" (as the
  // table spells it) and "62/2022" or "1234" (lower case).
  std::string type_name;
  std::string number;
};

// `typed` as a reference to one instrument, the whole of it: an optional type name (or a type's
// code: "nđ"), an optional "số", and a number (a full symbol, or number/year or a number alone
// after a type name); or a law (Luật, Bộ luật, Pháp lệnh, Hiến pháp) by its name. nullopt for
// anything else (words of a topic, a number without a type and without a code).
std::optional<InstrumentRef> read_instrument(std::string_view typed);

enum class QuestionKind {
  relation,  // the documents that do `relation` to the instrument (active or passive voice)
  bases,     // the documents the instrument is based on (its own citations "căn cứ")
  validity,  // whether the instrument is in force, and what ended or changed it
};

struct RelationQuestion {
  QuestionKind kind = QuestionKind::relation;
  // For `relation`: the relation filter (amends, based_on, replaces, repeals, implements,
  // guides) or `cites` for a mere citation ("trích dẫn", "dẫn chiếu").
  FieldId field = FieldId::cites;
  InstrumentRef instrument;
  // For `relation`: a type of the type-code table named as the subject ("thông tư nào hướng dẫn
  // X", "các quyết định thay thế X"), as the table spells it; the answer holds only documents of
  // that type. Empty: "văn bản", any type.
  std::string subject_type;
};

// The box as a question about an instrument's relations, or nullopt: a box that is not wholly
// such a question (a topic that merely holds the words "căn cứ", "sửa đổi", "hiệu lực") stays a
// words search. Folded comparison: diacritics optional. The instrument must read by
// read_instrument().
std::optional<RelationQuestion> read_relation_question(std::string_view box);

// "các văn bản sửa đổi", "căn cứ ban hành", "tình trạng hiệu lực của": the Vietnamese label of
// what was understood, to be followed by the instrument's name.
std::string question_label(const RelationQuestion& question);

// What the question asks for, in lower case: "văn bản", or the subject's type ("thông tư"); the
// label of a relation question begins "các " + this.
std::string question_subject(const RelationQuestion& question);

}  // namespace vanban::archive
