// Internal to the citation reader: the issuer of a cited instrument, named after it ("của Bộ
// Tài chính", "giữa Ban A và Ban B") or before it ("theo đề nghị của Bộ trưởng Bộ Y tế tại Tờ
// trình số ...").
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "structure/citation_cursor.hpp"

namespace vanban::analyzers::structure {

// "của UBND tỉnh", "của Tỉnh ủy (nay là Thành ủy)", "giữa Ban A và Ban B": the name of a body
// or post. Names of the tables are taken whole first ("Bộ Ngoại giao", "Bộ Văn hóa, Thể thao
// và Du lịch") and end where they end, but for a level and place ("Ủy ban nhân dân tỉnh Quảng
// Ninh"), a term ("khóa XV") or another body ("Ban Thường vụ Tỉnh ủy", "và Bộ Tài chính").
// Other names run from their head noun through their complement up to a function word, a
// subject opener, a date, punctuation or the next citation.
std::optional<Parsed> parse_issuer(const Cursor& cursor, std::size_t pos);

// The issuer named before the instrument: "Theo đề nghị của Bộ trưởng Bộ Y tế tại Tờ trình số
// ...", "của Chủ tịch UBND thành phố tại các văn bản: ...". `pos` is where the type name starts.
std::optional<std::string> issuer_before(const Cursor& cursor, std::size_t pos);

}  // namespace vanban::analyzers::structure
