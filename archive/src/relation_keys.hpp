// The keys a document is known by and the keys its citations name, shared by the index (K and
// XC terms) and the read side (cited by, relations): a law (Luật, Bộ luật, Pháp lệnh, Hiến
// pháp) is known by its number and by its name, so a citation by name ("Bộ luật Lao động")
// and one by number ("45/2019/QH14") find it alike.
#pragma once

#include <string>
#include <vector>

#include "vanban/analyzers/structure.hpp"

namespace vanban::archive {

// The document's number key and, for a law, law_key(type + " " + title).
std::vector<std::string> own_keys(const analyzers::DocumentMetadata& metadata);

// The citation's number key and, for a law cited by name (with or without its number), its
// name's key.
std::vector<std::string> cited_keys(const analyzers::Citation& citation);

}  // namespace vanban::archive
