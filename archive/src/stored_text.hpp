// A document's reading text kept out of the index (archive/SCHEMA.md "Stored text"): compressed
// with zlib on the indexer's worker threads and stored content-addressed beside the originals
// (<db>/texts/ab/<sha256 of the compressed bytes>), so the one writer thread neither compresses
// it nor carries it through Xapian's tables. The Xapian document names it by a value slot
// (kTextSlot) and a boolean term (kTextBlob, for the writer's "still referenced?" after a
// commit); its data then holds the metadata JSON alone. Documents indexed before keep the text
// in their data, and both forms are read.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "vanban/archive/digest.hpp"
#include "vanban/archive/document.hpp"
#include "vanban/common/result.hpp"

#include "blob_store.hpp"

namespace vanban::archive {

// zlib level: about 0.20 of the text at ~3x the speed of the default level (0.17).
inline constexpr int kTextCompressionLevel = 3;

// A text's stored form: the blob (a zlib stream of its bytes, invalid UTF-8 replaced as the
// document data replaces it) with its sha256, and the length of the text it holds.
struct CompressedText {
  Original blob;
  std::uint64_t text_size = 0;
};

// nullopt for an empty text, which is stored nowhere.
std::optional<CompressedText> compress_text(std::string_view text);

// The text back from a stored blob; an io error when the blob is not a whole zlib stream.
Result<std::string> inflate_text(std::string_view blob);

// The first bytes of a stored text: at least `bytes` of them, or all of it when it is shorter
// (`whole`, the stream read to its end and checked). Inflating stops there: a page of hits
// needs the text up to its passage only. An io error when the stream is damaged before that.
struct TextPrefix {
  std::string text;
  bool whole = false;
};
Result<TextPrefix> inflate_text_prefix(std::string_view blob, std::size_t bytes);

// Names the stored text in `xapian_document` (slot and term) and records its length
// (kTextSizeSlot). Its data must hold no text.
void refer_to_text(Xapian::Document& xapian_document, const CompressedText& stored);

// The digest of the stored text a document refers to; empty when its text is in its data.
std::string text_reference(const Xapian::Document& xapian_document);

// The length of the stored text a document refers to; nullopt when it was indexed before the
// length was recorded (or its text is in its data).
std::optional<std::uint64_t> stored_text_size(const Xapian::Document& xapian_document);

// Reads the text named `sha256` from the first of `stores` holding it. not_found when none
// does (a newer commit dropped it, or the archive lost it: `vanban check` says which).
Result<std::string> read_stored_text(const std::vector<BlobStore>& stores, std::string_view sha256);

// The same, up to `bytes` at least (inflate_text_prefix()).
Result<TextPrefix> read_stored_text_prefix(const std::vector<BlobStore>& stores,
                                           std::string_view sha256, std::size_t bytes);

// The text of a stored document, wherever it is kept: its data (indexed before texts were
// stored apart, or empty) or the text store of the archive at `db_dir`. For tools and tests.
Result<std::string> document_text(const std::filesystem::path& db_dir,
                                  const Xapian::Document& xapian_document);

// parse_document() of its data with the text where it is kept; nullopt when either is damaged
// or missing. For tools and tests.
std::optional<ArchivedDocument> read_document(const std::filesystem::path& db_dir,
                                              const Xapian::Document& xapian_document);

}  // namespace vanban::archive
