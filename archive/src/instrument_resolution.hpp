// An instrument as a user names it (relation_question.hpp's InstrumentRef), resolved against the
// instruments the archive knows: its documents' own numbers (`K` terms) and the keys its
// documents cite (`XC`). Never invents a key: a name the archive does not know resolves to none.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <xapian.h>

#include "vanban/archive/relation_question.hpp"

namespace vanban::archive {

// At most this many keys for one name ("quyết định 12" in an archive of many offices).
inline constexpr std::size_t kMaxInstrumentKeys = 50;

// The keys (symbol keys, or a law's key) of the instruments `ref` names that some document
// bears or cites, sorted. A full symbol or a law's name: its key when known. A type and a number
// without code ("nghị định 62/2022", "quyết định 1234"): every known key of that number (and
// year, when given; any year else) whose code begins with the type's code from the type-code
// table ("62/2022/nd-cp", "62/2022/nd-ttg"...), so several instruments may answer.
std::vector<std::string> resolve_instrument(const Xapian::Database& database,
                                            const InstrumentRef& ref);

}  // namespace vanban::archive
