// The one way a file comes in: bytes and sidecar off the disk, hashed once, then decoded.
#include <cerrno>
#include <fstream>
#include <system_error>

#include "vanban/indexer/reader.hpp"

#include "formats.hpp"

namespace vanban::indexer {
namespace detail {

Error unreadable_file(const std::filesystem::path& file, const std::error_code& error) {
  // Listed a moment ago (a folder walk, a watch event), gone now: deleted or moved meanwhile.
  std::error_code ignored;
  if (error == std::errc::no_such_file_or_directory ||
      !std::filesystem::exists(std::filesystem::symlink_status(file, ignored))) {
    return make_error(ErrorKind::io, "the file is gone: deleted or moved before it was read",
                      "Tệp đã bị xóa hoặc chuyển đi trước khi kịp đọc");
  }
  if (error == std::errc::permission_denied) {
    return make_error(ErrorKind::io, "cannot read: " + error.message(), "Không có quyền đọc tệp");
  }
  return make_error(ErrorKind::io, "cannot read: " + error.message(), "Không đọc được tệp");
}

Result<std::string> read_bytes(const std::filesystem::path& file, std::uint64_t max_bytes) {
  std::error_code error;
  const auto size = std::filesystem::file_size(file, error);
  if (error) return unreadable_file(file, error);
  if (size > max_bytes) return too_large(size, max_bytes);
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    const std::error_code open_error(errno, std::generic_category());
    if (open_error == std::errc::no_such_file_or_directory ||
        open_error == std::errc::permission_denied)
      return unreadable_file(file, open_error);
    return make_error(ErrorKind::io, "cannot open for reading", "Không mở được tệp");
  }
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  // Shorter or longer than its size a moment ago: a half-written file is not archived as whole.
  if (in.gcount() != static_cast<std::streamsize>(bytes.size()) || in.peek() != EOF)
    return make_error(ErrorKind::io, "the file changed while it was read",
                      "Tệp thay đổi trong khi đang đọc");
  return bytes;
}

}  // namespace detail

Result<SourceFile> read_source(const std::filesystem::path& file, const ReadOptions& options) {
  auto bytes = detail::read_bytes(file, options.max_bytes);
  if (!bytes) return bytes.error();
  // The sidecar is read once: the bytes hashed are the bytes applied.
  auto sidecar = read_sidecar(file);
  if (!sidecar) return sidecar.error();
  std::string sidecar_sha256 = *sidecar ? archive::sha256_hex((*sidecar)->bytes) : "";
  return SourceFile{archive::Original(std::move(*bytes)), std::move(*sidecar),
                    std::move(sidecar_sha256)};
}

Result<ReadDocument> decode_source(const std::filesystem::path& file, const SourceFile& source,
                                   const ReadOptions& options) {
  auto document = read_document(file, source.original.bytes(), options);
  if (!document) return document;
  if (source.sidecar) {
    auto fields = parse_sidecar(*source.sidecar);
    if (!fields) return fields.error();
    merge_sidecar(std::move(*fields), *document);
  }
  return document;
}

Result<ReadDocument> read_file(const std::filesystem::path& file, const ReadOptions& options) {
  auto source = read_source(file, options);
  if (!source) return source.error();
  return decode_source(file, *source, options);
}

}  // namespace vanban::indexer
