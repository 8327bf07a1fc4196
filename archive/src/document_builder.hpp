// ArchivedDocument → Xapian::Document, following archive/SCHEMA.md. The writer uses it; tests of
// the read side use it to build small databases without the writer's bookkeeping.
#pragma once

#include <string>
#include <string_view>

#include <xapian.h>

#include "vanban/archive/document.hpp"

#include "schema.hpp"

namespace vanban::archive {

// Within-document frequency added per occurrence, by field. Title and issuer words count more
// than body words in BM25, while all fields share one position stream so phrases work anywhere.
inline constexpr Xapian::termcount kBodyWdf = 1;
inline constexpr Xapian::termcount kTitleWdf = 5;
inline constexpr Xapian::termcount kIssuerWdf = 3;
inline constexpr Xapian::termcount kNumberWdf = 3;

// Positions left empty between two fields so that no phrase spans a field boundary.
inline constexpr Xapian::termpos kFieldGap = 100;

// Adds the positional terms of `text` from position `*next_position` on (both forms of every
// token, see SCHEMA.md) and advances `*next_position` past them. Terms over Xapian's length
// limit are cut like boolean keys. With `passages`, records where its sampled positions are;
// `heading` adds the schema::kHeading terms (for the number, issuer and title), `title` the
// schema::kTitleFolded and kTitleExact ones.
void index_text(Xapian::Document& xapian_document, std::string_view text, Xapian::termcount wdf,
                Xapian::termpos* next_position, schema::PassageMap* passages = nullptr,
                bool heading = false, bool title = false);

// The cited instrument as shown in the facet: its number, or for a law cited by name its name.
std::string citation_display(const analyzers::Citation& citation);

// "YYYYMMDD" for the date slot from an ISO date ("2026-01-31"; "2026-01" → "20260100";
// "2026" → "20260000"); empty when the date is not of that shape.
std::string date_value(std::string_view iso_date);

// The positional free-text terms (number, issuer, title, body): the costly part of indexing.
// Depends only on the metadata and text, not on id, paths or sha256, so the indexer can make it
// on its worker threads and hand it to ArchiveWriter::put_prepared(). Thread-safe.
Xapian::Document index_free_text(const ArchivedDocument& document);

// Adds the boolean terms, values and data to a document made by index_free_text().
void add_archive_terms(Xapian::Document& xapian_document, const ArchivedDocument& document);

// index_free_text() + add_archive_terms(): the whole Xapian document: positional terms, boolean
// terms, values and data (the metadata JSON with the full text). `document.id`, `sha256` and
// `paths` must be filled in.
Xapian::Document build_xapian_document(const ArchivedDocument& document);

}  // namespace vanban::archive
