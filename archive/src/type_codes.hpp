// Type names behind the codes of document symbols (docs/domain.md 1.2, 2.2), for `loai:KH`.
#pragma once

#include <string_view>
#include <vector>

namespace vanban::archive {

// The type names whose code is `code`: an exact (case-sensitive) match first, since "HD"
// (Hướng dẫn) and "HĐ" (Hợp đồng) differ; otherwise every code equal once folded.
std::vector<std::string_view> type_names_for_code(std::string_view code);

// The codes of the type named `name` (folded comparison: "nghi dinh" → "NĐ"), none for a name
// outside the table.
std::vector<std::string_view> type_codes_for_name(std::string_view name);

// Every type name of the table ("Kế hoạch", "Thông tư liên tịch"), each once.
std::vector<std::string_view> type_names();

}  // namespace vanban::archive
