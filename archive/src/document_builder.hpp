// ArchivedDocument → Xapian::Document, following archive/SCHEMA.md. The writer uses it; tests of
// the read side use it to build small databases without the writer's bookkeeping.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "vanban/analyzers/tokenizer.hpp"
#include "vanban/archive/digest.hpp"
#include "vanban/archive/document.hpp"

#include "schema.hpp"

namespace vanban::archive {

struct CompressedText;  // stored_text.hpp

// Within-document frequency added per occurrence, by field. Title and issuer words count more
// than body words in BM25, while all fields share one position stream so phrases work anywhere.
inline constexpr Xapian::termcount kBodyWdf = 1;
inline constexpr Xapian::termcount kTitleWdf = 5;
inline constexpr Xapian::termcount kIssuerWdf = 3;
inline constexpr Xapian::termcount kNumberWdf = 3;

// Positions left empty between two fields so that no phrase spans a field boundary.
inline constexpr Xapian::termpos kFieldGap = 100;

// Calls `place(token, position)` for every token of `text` at the position the index gives it,
// from `*next_position` on, and advances `*next_position` past them. A symbol token
// ("33/CT-TTg", or a tail such as "CT-TTg") comes before its parts; it takes the position of the
// part that starts where it starts, so "33/CT-TTg" matches as one term and "33 CT TTg" as a
// phrase, at the same place. With `passages`, records where its sampled positions are.
template <class Place>
void place_tokens(std::string_view text, Xapian::termpos* next_position,
                  schema::PassageMap* passages, Place&& place) {
  std::vector<const analyzers::Token*> pending_symbols;
  const std::span<const analyzers::Token> tokens = analyzers::thread_analyzer().analyze(text);
  for (const analyzers::Token& token : tokens) {
    if (token.kind == analyzers::TokenKind::symbol) {
      pending_symbols.push_back(&token);
      continue;
    }
    const Xapian::termpos position = (*next_position)++;
    if (passages && (position - passages->first_position) % passages->stride == 0)
      passages->offsets.push_back(static_cast<std::uint32_t>(token.start));
    std::erase_if(pending_symbols, [&](const analyzers::Token* symbol) {
      if (symbol->start > token.start) return false;
      place(*symbol, position);
      return true;
    });
    place(token, position);
  }
  for (const analyzers::Token* symbol : pending_symbols)  // a symbol without parts
    place(*symbol, (*next_position)++);
}

enum class FreeTextField { number, issuer, title, body };

// place_tokens() over the free-text fields of `document` in their one position stream (number,
// issuer, title, each followed by kFieldGap, then the body), as index_free_text() indexes them:
// `place(token, position, field)`. With `passages`, fills the body's passage map.
template <class Place>
void place_free_text(const ArchivedDocument& document, Place&& place,
                     schema::PassageMap* passages = nullptr) {
  const analyzers::DocumentMetadata& metadata = document.metadata;
  Xapian::termpos position = 1;
  const auto field = [&](const std::optional<std::string>& text, FreeTextField which) {
    if (!text || text->empty()) return;
    place_tokens(*text, &position, nullptr, [&](const analyzers::Token& token, Xapian::termpos at) {
      place(token, at, which);
    });
    position += kFieldGap;
  };
  field(metadata.number, FreeTextField::number);
  field(metadata.issuer, FreeTextField::issuer);
  field(metadata.title, FreeTextField::title);
  schema::PassageMap map{position, schema::kPassageStride, {}};
  place_tokens(document.text, &position, &map,
               [&](const analyzers::Token& token, Xapian::termpos at) {
                 place(token, at, FreeTextField::body);
               });
  if (passages) *passages = std::move(map);
}

// Whether every document holds the folded-form term `folded` wherever it holds the exact-form
// term `exact`, and at least as often (weighed_match.hpp's Covers): true of a word's exact form
// (unprefixed, or the title's or the heading's) and the fold of that form (kFolded, kTitleFolded,
// kHeading), which each word token indexes together with one wdf. Not said of a symbol's forms
// (their folded form is the symbol's key, not its fold) nor of anything with punctuation.
bool exact_within_folded(std::string_view exact, std::string_view folded);

// The cited instrument as shown in the facet: its number, or for a law cited by name its name.
std::string citation_display(const analyzers::Citation& citation);

// "YYYYMMDD" for the date slot from an ISO date ("2026-01-31"; "2026-01" → "20260100";
// "2026" → "20260000"); empty when the date is not of that shape.
std::string date_value(std::string_view iso_date);

// The positional free-text terms (number, issuer, title, body): the costly part of indexing.
// Depends only on the metadata and text, not on id, paths or sha256, so the indexer can make it
// on its worker threads and hand it to ArchiveWriter::put_prepared(). Thread-safe.
Xapian::Document index_free_text(const ArchivedDocument& document);

// Adds the boolean terms, values and data to a document made by index_free_text(). With
// `stored_text` (compress_text() of the document's text, stored apart by the writer), the data
// holds no text and the document refers to the stored one (stored_text.hpp); without it, the
// text is in the data (as every document indexed before texts were stored apart).
void add_archive_terms(Xapian::Document& xapian_document, const ArchivedDocument& document,
                       const CompressedText* stored_text = nullptr);

// index_free_text() + add_archive_terms(): the whole Xapian document: positional terms, boolean
// terms, values and data (the metadata JSON with the full text). `document.id`, `sha256` and
// `paths` must be filled in.
Xapian::Document build_xapian_document(const ArchivedDocument& document);

}  // namespace vanban::archive
