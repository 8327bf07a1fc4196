// Zip containers (DOCX, ODT, XLSX, .zip folders) through libzip, read from memory with the same
// bounds everywhere: an entry's declared and actual size within ReadOptions::max_bytes, and a
// compression ratio no real document reaches (a zip bomb is refused before it is inflated).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <zip.h>

#include "vanban/common/result.hpp"
#include "vanban/indexer/reader.hpp"

namespace vanban::indexer::detail {

struct ZipClose {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
using Zip = std::unique_ptr<zip_t, ZipClose>;

// Deflate reaches about 1:1000 at best; XML of real documents compresses 5-30 times. Past this
// ratio (for entries over kRatioFloor bytes) an entry is taken for a bomb.
constexpr std::uint64_t kMaxCompressionRatio = 200;
constexpr std::uint64_t kRatioFloor = 1024 * 1024;

// `what` names the container in messages: "DOCX", "ODT", "XLSX", "ZIP".
Result<Zip> open_zip(std::string_view bytes, std::string_view what);

// An entry's bytes by name; nullopt when there is no such entry.
Result<std::optional<std::string>> read_zip_entry(zip_t* archive, const char* name,
                                                  const ReadOptions& options,
                                                  std::string_view what);
// The same by index (for walking a .zip folder); the caller checked it is a file.
Result<std::string> read_zip_entry(zip_t* archive, zip_uint64_t index, const ReadOptions& options,
                                   std::string_view what);

// Which document format a zip holds by its parts: "docx" (word/document.xml), "odt" (mimetype
// of an OpenDocument text), "xlsx" (xl/workbook.xml); empty when none or not a zip.
std::string zip_document_kind(std::string_view bytes);

}  // namespace vanban::indexer::detail
