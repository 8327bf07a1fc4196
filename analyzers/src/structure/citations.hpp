// Citations of other instruments in the body and the footnotes of a document.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/analyzers/structure.hpp"

#include "structure/layout.hpp"
#include "structure/relations.hpp"

namespace vanban::analyzers::structure {

// One mention of an instrument as written, before mentions of the same instrument are merged.
struct Mention {
  Citation citation;
  std::optional<std::string> law_key;  // the normalised name of a law cited by name
  std::size_t position = 0;            // order of appearance
  std::size_t end = 0;                 // after its details, in the same text as `position`
  Relation relation;                   // its role in its sentence
  bool in_footnote = false;
  std::size_t marker_digits = 0;  // trailing digits of the number that may be a marker
};

// Every mention in `text` (one flowed paragraph: the body, or one footnote).
std::vector<Mention> find_mentions(std::string_view text);
// The same over a cursor of the text (citation_cursor.hpp), which classify_mentions can share.
std::vector<Mention> find_mentions(const Cursor& cursor);

// All citations of a document: mentions of the body and footnotes, footnote markers glued to
// numbers removed ("23-QĐ/TW1" with footnote 1 → "23-QĐ/TW"), mentions of one instrument
// merged, the document's own number left out; each with the roles its mentions play
// (relations.hpp), the body's read with `roles`.
std::vector<Citation> extract_citations(std::string_view flowed_body,
                                        const std::vector<Footnote>& footnotes,
                                        const std::optional<std::string>& own_number_key,
                                        const std::optional<std::string>& own_date,
                                        const RoleContext& roles = {});

}  // namespace vanban::analyzers::structure
