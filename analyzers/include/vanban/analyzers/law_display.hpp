// The value a facet shows for a law cited by name.
#pragma once

#include <string>
#include <string_view>

namespace vanban::analyzers {

// A law cited by name (type word first) spelled as the legislature writes it: the commas the
// table of law names writes between its words where the table knows it ("Luật An toàn vệ sinh
// lao động" → "Luật An toàn, vệ sinh lao động"), its words in the case the text gave them, the
// name's first word capitalised ("Luật phòng, chống ..." → "Luật Phòng, chống ..."); an
// amending law's formula in running case ("Luật Sửa đổi, bổ sung" → "Luật sửa đổi, bổ sung")
// and each law it names after "của" so respelled. A name in capitals, or no law's, as given.
// Keeps law_key(): only case and commas change.
std::string canonical_law_name(std::string_view name);

}  // namespace vanban::analyzers
