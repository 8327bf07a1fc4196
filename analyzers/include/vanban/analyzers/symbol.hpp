// Document numbers and symbols ("số, ký hiệu"): 32/KH-UBND, 59/2023/NĐ-CP, 23-QĐ/TW.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace vanban::analyzers {

// The one normalisation of a document number, used by the extractor, the indexer and the query
// side so that "33/CT-TTg", "33/ct-ttg", "33 / CT - TTg" meet, and "59/2023/ND-CP" meets
// "59/2023/NĐ-CP". The key is ASCII lower case without spaces or leading zeros:
// "33/ct-ttg", "59/2023/nd-cp", "23-qd/tw". Returns nullopt when the text is not a symbol.
std::optional<std::string> symbol_key(std::string_view symbol);

}  // namespace vanban::analyzers
