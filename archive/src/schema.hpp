// The Xapian schema: term prefixes, value slots and key normalisation shared by the writer and
// the searcher. archive/SCHEMA.md explains each entry. Nothing here assumes a single shard.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "vanban/archive/analysis_version.hpp"
#include "vanban/archive/fields.hpp"

namespace vanban::archive::schema {

// Free-text terms (body, title, issuer, number), two forms per token: the folded form with its
// position, and the exact form (analyzers::exact_form, unprefixed) with positions only where the
// document spells the folded word more than one way (kOtherSpellings, SCHEMA.md).
inline constexpr std::string_view kFolded = "Z";
// The folded form again for the tokens of the heading fields (number, issuer, title), at the
// same positions: their own statistics let a title or issuer match outweigh any number of
// mentions in a long body, where a within-document frequency boost is lost.
inline constexpr std::string_view kHeading = "S";
inline constexpr std::string_view kHeadingExact = "XS";  // the exact form, likewise
// The title's tokens alone, at the same positions, both forms: a search in the title only
// ("Tìm trong: Trích yếu", SearchScope::title) matches and ranks on these.
inline constexpr std::string_view kTitleFolded = "XJ";
inline constexpr std::string_view kTitleExact = "XJE";
// Exact positions for the words spelled several ways (SCHEMA.md): + folded form, a word the
// document spells more than one way (its exact forms have their positions there); alone, the
// document is indexed so (wdf 0: no weight, no length).
inline constexpr std::string_view kOtherSpellings = "XV";

// Boolean (filter) terms; the value after the prefix is a normalised key (see the functions
// below), so the index and the query side meet.
// The searchable fields' prefixes come from their table (fields.hpp).
inline constexpr std::string_view kId = "Q";  // document id
inline constexpr std::string_view kNumber =
    field_spec(FieldId::number).term_prefix;  // own number key (symbol_key)
inline constexpr std::string_view kCites =
    field_spec(FieldId::cites).term_prefix;  // key of every cited instrument
inline constexpr std::string_view kIssuer =
    field_spec(FieldId::issuer).term_prefix;  // issuer_key(issuer)
inline constexpr std::string_view kType = field_spec(FieldId::type).term_prefix;  // type_key(type)
inline constexpr std::string_view kYear = field_spec(FieldId::year).term_prefix;  // "2026"
inline constexpr std::string_view kSigner =
    field_spec(FieldId::signer).term_prefix;         // issuer_key(signer): folded, spaces collapsed
inline constexpr std::string_view kMonth = "XM";     // "202601"
inline constexpr std::string_view kPath = "XP";      // path_key(source path)
inline constexpr std::string_view kSha = "XH";       // sha256 of the original, hex
inline constexpr std::string_view kFormat = "XF";    // "pdf", "docx", ...
inline constexpr std::string_view kRelation = "XR";  // "<relation type>:<cited key>"
// What a document ends, for the validity filter (validity_facts.hpp): "YYYYMMDD" the act takes
// effect, 't' whole or 'p' part, the cited year or "0000", the cited key.
inline constexpr std::string_view kEnds = "XE";
// sha256 of the document's stored text (stored_text.hpp), for "is it still referenced?".
inline constexpr std::string_view kTextBlob = "XB";
// The analysis version that made the document (analysis_version.hpp), decimal: "XA1". One per
// document; a document without one was indexed before versions were stored (version 0).
inline constexpr std::string_view kAnalysis = "XA";

// The term of analysis version `version`, and the version a term of kAnalysis names (nullopt:
// not such a term).
std::string analysis_term(std::uint32_t version);
std::optional<std::uint32_t> analysis_version_of(std::string_view term);
// Where `database`'s documents stand against `version`: the kAnalysis terms' frequencies (a
// few terms, whatever the archive's size); a document without one counts as stale.
AnalysisState analysis_state(const Xapian::Database& database, std::uint32_t version);

// Value slots; those of the searchable fields come from their table (fields.hpp).
constexpr Xapian::valueno slot_of(FieldId field) {
  return *field_spec(field).value_slot;
}
enum Slot : Xapian::valueno {
  kDateSlot = slot_of(FieldId::date),      // "YYYYMMDD" (sortable; a blank day is "YYYYMM00")
  kIssuerSlot = slot_of(FieldId::issuer),  // issuer as displayed (facet)
  kTypeSlot = slot_of(FieldId::type),      // type name as displayed (facet)
  kYearSlot = slot_of(FieldId::year),      // "YYYY" (facet)
  kCitesSlot = slot_of(FieldId::cites),    // cited numbers as displayed, serialise_list (facet)
  kNumberSlot = slot_of(FieldId::number),  // own number as displayed
  kShaSlot = 6,         // sha256 of the original, hex (identity check without parsing JSON)
  kPathsSlot = 7,       // source paths, serialised with serialise_list
  kSidecarSlot = 8,     // sha256 of the sidecar metadata file, when there is one
  kPassageSlot = 9,     // where the body's tokens are in the text (serialise_passage_map)
  kEffectiveSlot = 10,  // "YYYYMMDD" the document states it takes effect (a full date only)
  kExpiresSlot = 11,    // "YYYYMMDD" of its last day in force, as it states it
  kSignerSlot = slot_of(FieldId::signer),  // the signer's name as displayed (facet)
  kTextSlot = 13,  // sha256 of the stored text (<db>/texts); absent: the text is in the data
  // The stored text's length in bytes (serialise_text_size), beside kTextSlot; absent in
  // documents indexed before it was written (their text is read whole).
  kTextSizeSlot = 14,
};

// Xapian refuses terms over 245 bytes. Keys longer than this are cut and given a hash suffix.
inline constexpr std::size_t kMaxTermBytes = 240;

// prefix + key, made safe for Xapian's term length limit.
std::string term(std::string_view prefix, std::string_view key);

// Normalised keys for boolean terms; the same function at index and query time.
std::string issuer_key(std::string_view issuer);  // folded, spaces collapsed, dashes one " - ": "uy
                                                  // ban nhan dan tinh x"
std::string type_key(std::string_view type);      // folded type name: "ke hoach"
std::string path_key(std::string_view path);      // sha256 hex of the path

// A list of strings in one value slot (for the multi-valued cited-instrument facet).
std::string serialise_list(const std::vector<std::string>& items);
std::vector<std::string> unserialise_list(std::string_view serialised);
// The same items as views into `serialised` (no copies, for counting facets).
std::vector<std::string_view> list_items(std::string_view serialised);

// Where the body's tokens are in the stored text, sampled: offsets[i] is the byte offset of the
// token at position first_position + i * stride. From the positions of matched terms (which the
// index holds) the read side finds a short stretch of text to highlight, instead of
// tokenising a whole long document for each hit.
struct PassageMap {
  Xapian::termpos first_position = 0;
  Xapian::termpos stride = 0;
  std::vector<std::uint32_t> offsets;  // ascending
};
inline constexpr Xapian::termpos kPassageStride = 32;

// A stored text's length (kTextSizeSlot): a varint.
std::string serialise_text_size(std::uint64_t size);
// nullopt for an empty or damaged value.
std::optional<std::uint64_t> unserialise_text_size(std::string_view serialised);

std::string serialise_passage_map(const PassageMap& map);
// nullopt for an empty or damaged value.
std::optional<PassageMap> unserialise_passage_map(std::string_view serialised);

}  // namespace vanban::archive::schema
