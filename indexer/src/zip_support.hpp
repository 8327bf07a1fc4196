// Zip containers (DOCX, ODT, XLSX, .zip folders) through libzip, read from memory with the same
// bounds everywhere: an entry's declared and actual size within ReadOptions::max_bytes, and a
// compression ratio no real document reaches (a zip bomb is refused before it is inflated).
// An XML part is read as it is inflated (ZipEntryStream, a chunk at a time into the parser):
// what it unpacks to is never held whole, and reading may stop anywhere (the text limit) without
// inflating the rest.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <zip.h>

#include "vanban/common/result.hpp"
#include "vanban/indexer/reader.hpp"

#include "xml_support.hpp"

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

struct ZipFileClose {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};

// One entry inflated as it is read, never more than its declared size; the bounds of
// read_zip_entry (size limit, compression ratio) are checked when it is opened.
class ZipEntryStream final : public ChunkSource {
 public:
  ZipEntryStream(std::unique_ptr<zip_file_t, ZipFileClose> file, std::string name,
                 std::uint64_t size, std::string_view what);
  // Up to `size` bytes; 0 at the end of the entry, -1 on an error (error() then says which).
  // Once the declared size is read, the entry must end there (libzip then checks its CRC).
  long read(char* buffer, std::size_t size) override;
  const std::optional<Error>& error() const override { return error_; }

 private:
  std::unique_ptr<zip_file_t, ZipFileClose> file_;
  std::string name_;
  std::string what_;
  std::uint64_t left_;  // declared bytes not read yet
  std::optional<Error> error_;
};

// An entry by name opened for reading in chunks; nullopt when there is no such entry.
Result<std::optional<ZipEntryStream>> open_zip_entry(zip_t* archive, const char* name,
                                                     const ReadOptions& options,
                                                     std::string_view what);

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
