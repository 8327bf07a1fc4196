// The value a facet shows for a law cited by name.
#pragma once

#include <string>
#include <string_view>

namespace vanban::analyzers {

// A law cited by name (type word first) spelled as the legislature writes it: a name the table
// of law names knows, in the table's spelling ("Luật An toàn vệ sinh lao động" → "Luật An
// toàn, vệ sinh lao động"); an amending law's formula as the Assembly writes it ("Luật Sửa
// đổi, bổ sung" → "Luật sửa đổi, bổ sung") and each law it names after "của" that the table
// knows, in the table's spelling. Anything else as given. Keeps law_key(): only case and
// commas change.
std::string canonical_law_name(std::string_view name);

}  // namespace vanban::analyzers
