// Old and foreign office formats (.doc, .rtf, .xls) through LibreOffice: the file is converted
// to its Office Open XML counterpart (.docx, .xlsx) by `soffice --headless --convert-to`, which
// the readers of those formats then read (legacy fonts, tables and notes included). Why
// LibreOffice rather than antiword, catdoc, wv or unrtf: docs/ARCHITECTURE.md "Old formats".
//
// The converter runs as a child process with an argument vector (posix_spawn, no shell), in a
// private temporary folder (its input copied there under a fixed name, its own LibreOffice
// profile, HOME pointing there), in its own process group, which is killed when it runs past
// the time limit or its output grows past ReadOptions::max_bytes. The folder is removed after.
#pragma once

#include <string>
#include <string_view>

#include "vanban/common/result.hpp"
#include "vanban/indexer/reader.hpp"

namespace vanban::indexer::detail {

struct OfficeConversion {
  std::string_view kind;        // the input's kind in messages: ".doc", ".rtf", ".xls"
  std::string_view extension;   // the input file's extension in the temporary folder
  std::string_view filter;      // --convert-to argument: "docx:MS Word 2007 XML"
  std::string_view output_ext;  // the converted file's extension: "docx"
};

// The converted file's bytes. Errors: unsupported when the converter is not installed
// ("cannot read .doc: LibreOffice (soffice) is not installed"), invalid_argument when it fails
// on the file or gives nothing, too_large when its output passes the size limit, io when it
// ran out of time (killed) or the temporary folder cannot be made.
Result<std::string> convert_with_office(std::string_view bytes, const OfficeConversion& conversion,
                                        const ReadOptions& options);

}  // namespace vanban::indexer::detail
