// The key a typed citation is filed under, read by the extractor's own rules so that a filter,
// a facet value and the index agree.
#include "vanban/analyzers/normalize.hpp"
#include "vanban/analyzers/structure.hpp"
#include "vanban/analyzers/symbol.hpp"

#include "structure/citations.hpp"
#include "structure/tables.hpp"
#include "structure/text.hpp"

namespace vanban::analyzers {

std::optional<std::string> citation_key(std::string_view typed) {
  if (auto key = symbol_key(typed)) return key;
  const std::string text = structure::collapse_spaces(normalize_nfc(typed));
  // As in a document: "Luật X ngày 10 tháng 11 năm 2022" is the law X; "Luật X số 63/2025/QH15"
  // and "Nghị định số 59/2023/NĐ-CP" are their numbers.
  for (const structure::Mention& mention : structure::find_mentions(text)) {
    if (mention.position == 0 && mention.citation.number_key) return mention.citation.number_key;
  }
  // Typed in lower case (the extractor reads a name from its capital): the whole text is the
  // name when it begins with the type word of a law cited by name.
  const std::string folded = structure::fold_key(text);
  for (const structure::DocumentType& type : structure::document_types()) {
    if (!type.cited_by_name) continue;
    const std::string word = structure::fold_key(type.name);
    if (folded.size() > word.size() && folded.starts_with(word + " ")) return law_key(text);
  }
  return std::nullopt;
}

}  // namespace vanban::analyzers
