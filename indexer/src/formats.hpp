// The readers behind read_document, one per format (each in its own <format>_reader.cpp).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string_view>
#include <system_error>

#include "vanban/common/result.hpp"
#include "vanban/indexer/reader.hpp"

#include "pdf_streams.hpp"

namespace vanban::indexer::detail {

enum class Format { txt, html, docx, odt, doc, rtf, xlsx, xls, pdf, edxml, zip, image, unknown };

// The extensions the walker offers to the readers: .txt .html .htm .xhtml .docx .odt .doc .rtf
// .xlsx .xls .pdf .xml .edxml .zip, and the images read by OCR: .png .jpg .jpeg .tif .tiff.
bool has_supported_extension(const std::filesystem::path& path);

// Content first (magic numbers, XML roots), the extension to break ties and for plain text.
Format detect_format(const std::filesystem::path& path, std::string_view bytes);

// Each reader returns raw text; read_document cleans it (finish_text) and sets the format.
// Plain text is read no further than text_input_limit(max_text_bytes) bytes (with a warning):
// enough for the text limit in any encoding read (UTF-16 at worst: two bytes for a character
// that is one in UTF-8), so a 90 MB text is never decoded and cleaned whole to keep 16 MB.
std::uint64_t text_input_limit(std::uint64_t max_text_bytes);
Result<ReadDocument> read_txt(std::string_view bytes, std::uint64_t max_text_bytes);
Result<ReadDocument> read_html(std::string_view bytes);
Result<ReadDocument> read_docx(std::string_view bytes, const ReadOptions& options);
Result<ReadDocument> read_odt(std::string_view bytes, const ReadOptions& options);
// .doc and .rtf through LibreOffice, then read_docx (office_readers.cpp).
Result<ReadDocument> read_doc(std::string_view bytes, const ReadOptions& options);
Result<ReadDocument> read_rtf(std::string_view bytes, const ReadOptions& options);
// Spreadsheets as plain text: .xlsx directly, .xls through LibreOffice Calc, then read_xlsx.
Result<ReadDocument> read_xlsx(std::string_view bytes, const ReadOptions& options);
Result<ReadDocument> read_xls(std::string_view bytes, const ReadOptions& options);
// Pages without a text layer are read by OCR (ocr.hpp). Reading stops, with a warning, after the
// page whose text passes twice `max_text_bytes` (read_document cuts the rest at the limit, after
// the clean-up that takes out the layout's spaces). A content stream showing more text than
// `stream_bounds` allows refuses the file before poppler lays it out (pdf_streams.hpp).
Result<ReadDocument> read_pdf(std::string_view bytes, const OcrOptions& ocr,
                              std::uint64_t max_text_bytes,
                              const PdfStreamBounds& stream_bounds = {});
// A .zip folder read as one text: each member's name, then its text (zip_folder.hpp has the
// bounds). `vanban index` indexes the members one by one instead (ingest.cpp); this serves
// `vanban extract` and zips attached to edXML.
Result<ReadDocument> read_zip(std::string_view bytes, const ReadOptions& options, int depth);
// `depth` counts edXML envelopes around this one: an attachment may not be an envelope again.
Result<ReadDocument> read_edxml(std::string_view bytes, const ReadOptions& options, int depth);

// A file's bytes, read through one descriptor and judged by it, not by the path (which may name
// something else since it was listed): refused (unsupported) when what was opened is not a
// regular file (a FIFO is opened without blocking) or, with `inside` (a real folder path) given,
// lies outside that folder; (too_large) over `max_bytes`; (io) when it changes while read.
Result<std::string> read_bytes(const std::filesystem::path& file, std::uint64_t max_bytes,
                               const std::filesystem::path& inside = {});
// Whether the real path `real` lies inside the real folder `folder`, component by component
// ("/a/bc" is not inside "/a/b"); every path lies inside an empty one.
bool lies_within(const std::filesystem::path& real, const std::filesystem::path& folder);
// Test seam: called with the path just before read_bytes opens it (where a file listed a moment
// ago may be swapped for a FIFO or a link). Empty outside tests; set it while no read runs.
extern std::function<void(const std::filesystem::path&)> before_open_for_test;
// The io error for a file that could not be read: one gone since it was listed (deleted or
// moved) says so, one without permission says so.
Error unreadable_file(const std::filesystem::path& file, const std::error_code& error);
// The one too_large error of the readers: "file is 120 MB, over the limit of 100 MB".
Error too_large(std::uint64_t size, std::uint64_t limit);

// read_document with the nesting depth of edXML attachments.
Result<ReadDocument> read_nested(const std::filesystem::path& path, std::string_view bytes,
                                 const ReadOptions& options, int depth);

}  // namespace vanban::indexer::detail
