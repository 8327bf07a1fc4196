// Reads document numbers at a known position ("số 217, 218-QĐ/TW", "59/2023/NĐ- CP"),
// tolerant of the spaces PDF text leaves around separators.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::analyzers::structure {

struct ScannedNumbers {
  // One per number: "217-QĐ/TW", "218-QĐ/TW"; spaces removed, dashes unified.
  std::vector<std::string> symbols;
  std::size_t end = 0;  // byte offset after the last symbol
};

// The number(s) starting at `pos` (which must be a digit). Several numbers sharing one symbol
// ("217, 218-QĐ/TW") and lists of whole symbols ("12/2020/NĐ-CP, 13/2020/NĐ-CP") are read.
std::optional<ScannedNumbers> scan_numbers_at(std::string_view text, std::size_t pos);

// The symbol part starting at `pos` without a number ("/UBND-VHXH" of a blank "Số: /UBND-VHXH").
std::optional<ScannedNumbers> scan_blank_number_at(std::string_view text, std::size_t pos);

}  // namespace vanban::analyzers::structure
