// The role of each citation in its sentence (căn cứ, sửa đổi, bãi bỏ, ...) and the dates a
// document states for its own effect, read by the language of Vietnamese legal drafting
// (Law on Promulgation of Legal Documents: a text "quy định chi tiết", "sửa đổi, bổ sung",
// "thay thế", "bãi bỏ" another; "... có hiệu lực (thi hành) kể từ ngày ..."; a text declares an
// older one "hết hiệu lực").
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/analyzers/structure.hpp"

namespace vanban::analyzers::structure {

// Where a mention lies in the text it was read from, and the kind of instrument it names.
struct MentionSpan {
  std::size_t start = 0;
  std::size_t end = 0;  // after its number, date, issuer and subject
  std::optional<std::string> type;
};

struct RoleContext {
  std::optional<std::string> own_type;  // "Thông tư": an older one it ends is replaced
  // A consolidated text (VBHN) names the texts it consolidates in its opening statement,
  // before its "Căn cứ" lines: [from, to) of the text; empty when not one.
  std::size_t consolidated_from = 0;
  std::size_t consolidated_to = 0;
};

struct Cursor;  // citation_cursor.hpp

// One relation per span (same order): what the document whose text this is does to it.
std::vector<Relation> classify_mentions(std::string_view text,
                                        const std::vector<MentionSpan>& spans,
                                        const RoleContext& context);
// The same over a cursor of the text (its lower-cased twin and symbols made once, shared with
// find_mentions).
std::vector<Relation> classify_mentions(const Cursor& cursor, const std::vector<MentionSpan>& spans,
                                        const RoleContext& context);

struct EffectDates {
  std::optional<StatedDate> effective;
  std::optional<StatedDate> expires;
};

// "Thông tư này có hiệu lực (thi hành) (kể) từ ngày 01 tháng 7 năm 2025", "... kể từ ngày ký",
// "... sau 45 ngày kể từ ngày ký ban hành", "... đến hết ngày 31/12/2025", "Nghị quyết này hết
// hiệu lực ngày ...": only sentences whose subject is the document itself ("<Loại> này"), not
// an article of it or another instrument. Dates relative to signing need `own_date` (a full
// ISO date); without it they are not stated.
EffectDates find_effect_dates(std::string_view body, const std::optional<std::string>& own_date);

// ISO date plus `days` (negative allowed); nullopt for anything but a full valid date.
std::optional<std::string> add_days(std::string_view iso, int days);

}  // namespace vanban::analyzers::structure
