// The one way a file comes in: bytes and sidecar off the disk, hashed once, then decoded.
#include <algorithm>
#include <cerrno>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "vanban/common/file_descriptor.hpp"
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

bool lies_within(const std::filesystem::path& real, const std::filesystem::path& folder) {
  // "/a/b/" ends in an empty element that no file's path holds.
  const std::filesystem::path& whole = folder.has_filename() ? folder : folder.parent_path();
  const auto [folder_end, real_it] =
      std::mismatch(whole.begin(), whole.end(), real.begin(), real.end());
  return folder_end == whole.end();
}

namespace {

// Whether the file opened as `opened` is the one `file` names now, inside `folder`: its real
// path lies inside, and that path is the same inode as the descriptor. Checked after the open, so
// a link swapped in before it is caught, and one swapped after it names another inode.
bool opened_within(const std::filesystem::path& file, const struct stat& opened,
                   const std::filesystem::path& folder) {
  std::error_code error;
  const std::filesystem::path real = std::filesystem::canonical(file, error);
  if (error || !lies_within(real, folder)) return false;
  struct stat now {};
  return ::stat(real.c_str(), &now) == 0 && now.st_dev == opened.st_dev &&
         now.st_ino == opened.st_ino;
}

Error not_regular() {
  return make_error(ErrorKind::unsupported,
                    "not a regular file (a FIFO, device or socket, perhaps put in its place after "
                    "it was listed): not read",
                    "Không phải tệp thường (tệp FIFO, thiết bị hoặc socket), không đọc");
}

}  // namespace

std::function<void(const std::filesystem::path&)> before_open_for_test;

Result<std::string> read_bytes(const std::filesystem::path& file, std::uint64_t max_bytes,
                               const std::filesystem::path& inside) {
  if (before_open_for_test) before_open_for_test(file);
  // Everything below is asked of the descriptor, not of the path: the path may name something
  // else by now (a FIFO, whose open would block until a writer came; a device that never ends;
  // a link out of the folder). O_NONBLOCK makes opening a FIFO return at once.
  FileDescriptor fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY));
  if (!fd.valid()) {
    const std::error_code open_error(errno, std::generic_category());
    if (open_error == std::errc::no_such_device_or_address) return not_regular();  // a socket
    return unreadable_file(file, open_error);
  }
  struct stat opened {};
  if (::fstat(fd.get(), &opened) != 0)
    return unreadable_file(file, std::error_code(errno, std::generic_category()));
  if (!S_ISREG(opened.st_mode)) return not_regular();
  if (!inside.empty() && !opened_within(file, opened, inside)) {
    return make_error(ErrorKind::unsupported, "link to a file outside the folder (not followed)",
                      "Liên kết tới tệp ngoài thư mục (không đi theo)");
  }
  const auto size = static_cast<std::uint64_t>(opened.st_size);
  if (size > max_bytes) return too_large(size, max_bytes);
  // Back to blocking reads (a regular file ignores the flag; this keeps it so on any file system).
  if (const int flags = ::fcntl(fd.get(), F_GETFL); flags >= 0)
    (void)::fcntl(fd.get(), F_SETFL, flags & ~O_NONBLOCK);
  std::string bytes(static_cast<std::size_t>(size), '\0');
  std::size_t got = 0;
  // One byte more than its size is asked for: a file that grew is noticed.
  char extra = 0;
  while (true) {
    char* into = got < bytes.size() ? bytes.data() + got : &extra;
    const std::size_t want = got < bytes.size() ? bytes.size() - got : 1;
    const ssize_t read = ::read(fd.get(), into, want);
    if (read < 0) {
      if (errno == EINTR) continue;
      return make_error(ErrorKind::io,
                        "cannot read: " + std::error_code(errno, std::generic_category()).message(),
                        "Không đọc được tệp");
    }
    if (read == 0) break;
    got += static_cast<std::size_t>(read);
    if (got > bytes.size()) break;
  }
  // Shorter or longer than its size at the open: a half-written file is not archived as whole.
  if (got != bytes.size())
    return make_error(ErrorKind::io, "the file changed while it was read",
                      "Tệp thay đổi trong khi đang đọc");
  return bytes;
}

}  // namespace detail

Result<SourceFile> read_source(const std::filesystem::path& file, const ReadOptions& options,
                               const std::filesystem::path& folder) {
  auto bytes = detail::read_bytes(file, options.max_bytes, folder);
  if (!bytes) return bytes.error();
  // The sidecar is read once: the bytes hashed are the bytes applied.
  auto sidecar = read_sidecar(file, folder);
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
