// .doc (Word 97-2003) and .rtf: converted to DOCX by LibreOffice (office_convert.hpp), then read
// by the DOCX reader, which finds the runs typed in legacy Vietnamese fonts by their font names
// (kept by the conversion) and lays out tables and notes as for any DOCX. .xls: converted to
// XLSX by LibreOffice Calc, then read by the XLSX reader.
#include "formats.hpp"
#include "office_convert.hpp"

namespace vanban::indexer::detail {
namespace {

constexpr std::string_view kDocxFilter = "docx:MS Word 2007 XML";

Result<ReadDocument> read_through_docx(std::string_view bytes, std::string_view kind,
                                       std::string_view extension, const ReadOptions& options) {
  auto docx = convert_with_office(bytes, {kind, extension, kDocxFilter, "docx"}, options);
  if (!docx) return docx.error();
  auto read = read_docx(*docx, options);
  if (!read)
    return make_error(read.error().kind,
                      "cannot read " + std::string(kind) + " (converted): " + read.error().message,
                      read.error().user_message);
  return read;
}

}  // namespace

Result<ReadDocument> read_doc(std::string_view bytes, const ReadOptions& options) {
  return read_through_docx(bytes, ".doc", ".doc", options);
}

Result<ReadDocument> read_rtf(std::string_view bytes, const ReadOptions& options) {
  return read_through_docx(bytes, ".rtf", ".rtf", options);
}

Result<ReadDocument> read_xls(std::string_view bytes, const ReadOptions& options) {
  auto xlsx =
      convert_with_office(bytes, {".xls", ".xls", "xlsx:Calc MS Excel 2007 XML", "xlsx"}, options);
  if (!xlsx) return xlsx.error();
  auto read = read_xlsx(*xlsx, options);
  if (!read)
    return make_error(read.error().kind, "cannot read .xls (converted): " + read.error().message,
                      read.error().user_message);
  return read;
}

}  // namespace vanban::indexer::detail
