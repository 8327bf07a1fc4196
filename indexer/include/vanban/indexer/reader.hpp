// Format readers: bytes in, NFC text (+ authoritative metadata where the container has it) out.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/archive/digest.hpp"
#include "vanban/archive/document.hpp"
#include "vanban/common/result.hpp"
#include "vanban/indexer/overrides.hpp"

namespace vanban::indexer {

struct ReadDocument {
  std::string text;    // UTF-8 NFC, block structure kept as lines
  std::string format;  // "txt", "html", "docx", "odt", "doc", "rtf", "pdf", "edxml", ...
  // Metadata fields the container (edXML envelope) and the sidecar (.meta.json) state; they win
  // over what extraction finds.
  MetadataOverrides overrides;
  std::vector<std::string> warnings;  // e.g. "3 invalid UTF-8 sequences replaced"
  // Set when some of the text was recognised from page images (a scanned PDF, an image file).
  std::optional<archive::OcrNote> ocr;
};

// What is done to a page image before recognition (docs/BENCHMARKS.md "OCR" compares them).
enum class OcrPreprocess {
  none,     // Tesseract's own Otsu thresholding of the page as scanned
  deskew,   // straighten the page (Leptonica's skew search) first
  sauvola,  // local (Sauvola) thresholding instead of Otsu: uneven lighting, bleed-through
};

// Optical character recognition of pages without a text layer and of image files (Tesseract).
struct OcrOptions {
  bool enabled = true;
  std::string language = "vie";
  // Folder of the *.traineddata files; empty: $TESSDATA_PREFIX, else Tesseract's default.
  std::filesystem::path tessdata;
  int pdf_dpi = 300;  // resolution PDF pages are rendered at for recognition
  OcrPreprocess preprocess = OcrPreprocess::none;
  // Bounds against hostile files: pages recognised per document (the rest is left out with a
  // warning), pixels per page image (an image over it is refused before it is decoded; a PDF
  // page is rendered at a lower resolution), and the time one page may take.
  std::size_t max_pages = 300;
  std::uint64_t max_pixels = std::uint64_t{50} * 1000 * 1000;
  int page_timeout_ms = 120 * 1000;
  // Called on the reading thread after each page recognised (the indexer's progress line).
  std::function<void()> on_page;
};

// The program that reads PDFs and images in a child process (bounded_reader.hpp): `vanban`
// sets itself (app/main.cpp) before any command runs; empty (the default of a program that does
// not serve the hidden command `__read-bounded`): they are read in the calling process, without
// the bounds below.
void set_bounded_reader_program(std::filesystem::path program);
std::filesystem::path bounded_reader_program();

// Bounds of the child process that reads a PDF or an image (poppler, Leptonica and Tesseract have
// none of their own against a hostile file). A child past a bound is stopped and that file fails
// with an error saying which bound; the rest of a run goes on.
struct BoundedReading {
  std::filesystem::path program = bounded_reader_program();  // empty: read in this process
  // CPU time (RLIMIT_CPU) for reading, beside OCR's: each page recognised adds its own
  // OcrOptions::page_timeout_ms.
  std::chrono::seconds cpu_limit{300};
  // Address space of the child (RLIMIT_AS). Not set in sanitizer builds, whose shadow memory
  // reserves terabytes of it.
  std::uint64_t memory_limit = std::uint64_t{4} * 1024 * 1024 * 1024;
  // The child is killed when it reports nothing (a page recognised, its answer) for this long:
  // a reader blocked, not spinning (spinning meets the CPU limit).
  std::chrono::milliseconds silence_limit{600'000};
};

struct ReadOptions {
  // Files (and decoded edXML attachments, and DOCX parts once unzipped) over this size are
  // refused with ErrorKind::too_large rather than read.
  std::uint64_t max_bytes = std::uint64_t{100} * 1024 * 1024;
  // Extracted text beyond this is cut (at a line end) with a warning: what analysis and the
  // index hold per document stays bounded whatever a file unpacks to.
  std::uint64_t max_text_bytes = std::uint64_t{16} * 1024 * 1024;
  // The converter of .doc, .rtf and .xls files (LibreOffice; office_convert.hpp), looked up in
  // PATH, and how long one conversion may run before it is killed.
  std::string office_program = "soffice";
  std::chrono::milliseconds converter_timeout{120'000};
  // A .zip folder of documents (zip_folder.hpp): members, unpacked bytes (nested zips
  // included) and levels of zips inside zips it may hold, else it is refused whole.
  std::uint64_t max_zip_members = 10'000;
  std::uint64_t max_zip_bytes = std::uint64_t{256} * 1024 * 1024;
  int max_zip_depth = 3;
  OcrOptions ocr;
  BoundedReading bounded;
};

// Reads one file's bytes. The format is detected from the content and the file name. Pages of a
// PDF without a text layer and image files (PNG, JPEG, TIFF) are recognised by OCR. Errors:
// unsupported (unknown format, a scan when OCR is not installed, encrypted PDF),
// invalid_argument (corrupt input: truncated PDF, broken zip, malformed XML, broken image),
// too_large.
//
// Layout conventions shared by all formats: one line per paragraph or block; a table comes out
// row by row, a row whose cells are each one line is one line with the cells separated by a tab,
// any other row gives its cells' lines one cell after the other (so the two-column header and
// signature blocks of official documents keep each column's lines together).
Result<ReadDocument> read_document(const std::filesystem::path& path, std::string_view bytes);
Result<ReadDocument> read_document(const std::filesystem::path& path, std::string_view bytes,
                                   const ReadOptions& options);

// The file names a sidecar of metadata for `file` may have: NAME.EXT.meta.json, NAME.meta.json.
bool is_sidecar(const std::filesystem::path& file);
// The sidecar beside `file` as read from disk, before parsing: what ingest hashes to notice
// an edited sidecar.
struct SidecarFile {
  std::string name;  // file name, for messages
  std::string bytes;
};
// Reads the sidecar beside `file`; nullopt when there is none. io or too_large errors, and
// unsupported when it is a link to a file outside `folder` (the real path of the folder being
// indexed; empty: the folder `file` is named in) or not a regular file when opened.
Result<std::optional<SidecarFile>> read_sidecar(const std::filesystem::path& file,
                                                const std::filesystem::path& folder = {});
// A sidecar's fields, each checked alone: a misspelt key or a value of the wrong type is left
// out with a warning, the others are kept; null states that the field is empty.
struct SidecarFields {
  MetadataOverrides overrides;
  std::vector<std::string> warnings;
};
// Parses read sidecar bytes: invalid_argument when they are not a JSON object (or are nested
// deeper than any metadata).
Result<SidecarFields> parse_sidecar(const SidecarFile& sidecar);
// The sidecar's fields win over the container's; its warnings join the document's.
void merge_sidecar(SidecarFields fields, ReadDocument& document);

// The one way a file comes in, for `vanban index` and `vanban extract` alike: read_source takes
// it off the disk (refused over the size limit, or when it changes while read), with its
// sidecar, and hashes both once; decode_source turns that into a document.
struct SourceFile {
  archive::Original original;
  std::optional<SidecarFile> sidecar;
  std::string sidecar_sha256;  // empty without a sidecar
};
// `folder`, when given, is the real path of the folder `file` was found in: the file and its
// sidecar are read only from inside it (a link out of it, swapped in after the walk, is
// refused); empty: a file named directly, read wherever it is, its sidecar from its own folder.
// Either is refused, without blocking, when what is opened is not a regular file.
Result<SourceFile> read_source(const std::filesystem::path& file, const ReadOptions& options,
                               const std::filesystem::path& folder = {});
// read_document of the original, then the sidecar's fields merged over the container's.
Result<ReadDocument> decode_source(const std::filesystem::path& file, const SourceFile& source,
                                   const ReadOptions& options);
// read_source, then decode_source.
Result<ReadDocument> read_file(const std::filesystem::path& file, const ReadOptions& options = {});

}  // namespace vanban::indexer
