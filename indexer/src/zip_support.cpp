#include "zip_support.hpp"

#include <algorithm>

namespace vanban::indexer::detail {
namespace {

Error corrupt(std::string_view what, const std::string& detail) {
  return make_error(ErrorKind::invalid_argument, "corrupt " + std::string(what) + ": " + detail,
                    "Tệp " + std::string(what) + " bị hỏng");
}

// The entry opened once its declared size and compression ratio are within the bounds.
Result<ZipEntryStream> open_entry(zip_t* archive, const zip_stat_t& stat,
                                  const ReadOptions& options, std::string_view what) {
  std::string name = stat.name != nullptr ? stat.name : "?";
  if ((stat.valid & ZIP_STAT_SIZE) == 0) return corrupt(what, "entry " + name + " has no size");
  if (stat.size > options.max_bytes) {
    return make_error(ErrorKind::too_large,
                      std::string(what) + " entry " + name + " unpacks to more than the size limit",
                      "Tệp " + std::string(what) + " giải nén ra quá lớn");
  }
  if ((stat.valid & ZIP_STAT_COMP_SIZE) != 0 && stat.size > kRatioFloor &&
      stat.size / std::max<zip_uint64_t>(stat.comp_size, 1) > kMaxCompressionRatio) {
    return make_error(ErrorKind::invalid_argument,
                      std::string(what) + " entry " + name +
                          " is compressed beyond any real document (a zip bomb?)",
                      "Tệp " + std::string(what) + " có phần nén bất thường (nghi zip bomb)");
  }
  // Encrypted entries (a password-protected zip or Office file saved as a zip with a password)
  // cannot be read without it: said so, not as damage.
  if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) != 0 && stat.encryption_method != ZIP_EM_NONE) {
    return make_error(ErrorKind::unsupported,
                      std::string(what) + " entry " + name + " is encrypted (password-protected)",
                      "Tệp " + std::string(what) + " có mật khẩu, không đọc được");
  }
  std::unique_ptr<zip_file_t, ZipFileClose> file(zip_fopen_index(archive, stat.index, 0));
  if (!file) {
    return corrupt(what, "cannot open " + name + " (" + zip_strerror(archive) + ")");
  }
  return ZipEntryStream(std::move(file), std::move(name), stat.size, what);
}

// The whole entry, read in chunks: the declared size bounds what is read, so a lying header
// cannot make the buffer grow.
Result<std::string> read_entry(zip_t* archive, const zip_stat_t& stat, const ReadOptions& options,
                               std::string_view what) {
  auto entry = open_entry(archive, stat, options, what);
  if (!entry) return entry.error();
  std::string content;
  content.resize(static_cast<std::size_t>(stat.size));
  std::size_t filled = 0;
  while (true) {
    const long got = entry->read(content.data() + filled, content.size() - filled);
    if (got < 0) return *entry->error();
    if (got == 0) break;
    filled += static_cast<std::size_t>(got);
  }
  content.resize(filled);
  return content;
}

}  // namespace

ZipEntryStream::ZipEntryStream(std::unique_ptr<zip_file_t, ZipFileClose> file, std::string name,
                               std::uint64_t size, std::string_view what)
    : file_(std::move(file)), name_(std::move(name)), what_(what), left_(size) {}

long ZipEntryStream::read(char* buffer, std::size_t size) {
  if (error_) return -1;
  if (!file_) return 0;
  if (left_ == 0) {
    // The declared size is read: the entry must end here. Reading on lets libzip reach the end
    // of the data and check its CRC; a byte more means the header lied about the size.
    char more = 0;
    const zip_int64_t got = zip_fread(file_.get(), &more, 1);
    if (got < 0) {
      error_ =
          corrupt(what_, "cannot unpack " + name_ + " (" + zip_file_strerror(file_.get()) + ")");
      return -1;
    }
    if (got > 0) {
      error_ = corrupt(what_, "entry " + name_ + " unpacks to more than its declared size");
      return -1;
    }
    file_.reset();
    return 0;
  }
  const auto wanted = static_cast<zip_uint64_t>(std::min<std::uint64_t>(size, left_));
  const zip_int64_t got = zip_fread(file_.get(), buffer, wanted);
  if (got < 0) {
    error_ = corrupt(what_, "cannot unpack " + name_ + " (" + zip_file_strerror(file_.get()) + ")");
    return -1;
  }
  if (got == 0) {  // shorter than declared: what there is, as when read whole
    file_.reset();
    return 0;
  }
  left_ -= static_cast<std::uint64_t>(got);
  return static_cast<long>(got);
}

Result<Zip> open_zip(std::string_view bytes, std::string_view what) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    std::string message = zip_error_strerror(&error);
    zip_error_fini(&error);
    return make_error(ErrorKind::internal, "libzip: " + message);
  }
  Zip archive(zip_open_from_source(source, ZIP_RDONLY, &error));
  if (!archive) {
    zip_source_free(source);  // still ours when the open failed
    std::string message = zip_error_strerror(&error);
    zip_error_fini(&error);
    return make_error(ErrorKind::invalid_argument,
                      "corrupt " + std::string(what) + ": broken zip container (" + message + ")",
                      "Tệp " + std::string(what) + " bị hỏng (vỏ nén zip lỗi)");
  }
  zip_error_fini(&error);
  return archive;
}

Result<std::optional<ZipEntryStream>> open_zip_entry(zip_t* archive, const char* name,
                                                     const ReadOptions& options,
                                                     std::string_view what) {
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat(archive, name, 0, &stat) != 0) return std::optional<ZipEntryStream>{};
  auto entry = open_entry(archive, stat, options, what);
  if (!entry) return entry.error();
  return std::optional<ZipEntryStream>(std::move(*entry));
}

Result<std::optional<std::string>> read_zip_entry(zip_t* archive, const char* name,
                                                  const ReadOptions& options,
                                                  std::string_view what) {
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat(archive, name, 0, &stat) != 0) return std::optional<std::string>{};
  auto content = read_entry(archive, stat, options, what);
  if (!content) return content.error();
  return std::optional<std::string>(std::move(*content));
}

Result<std::string> read_zip_entry(zip_t* archive, zip_uint64_t index, const ReadOptions& options,
                                   std::string_view what) {
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(archive, index, 0, &stat) != 0)
    return corrupt(what, "cannot read entry " + std::to_string(index));
  return read_entry(archive, stat, options, what);
}

std::string zip_document_kind(std::string_view bytes) {
  auto archive = open_zip(bytes, "ZIP");
  if (!archive) return {};
  zip_t* zip = archive->get();
  if (zip_name_locate(zip, "word/document.xml", 0) >= 0) return "docx";
  if (zip_name_locate(zip, "xl/workbook.xml", 0) >= 0) return "xlsx";
  // ODF puts its media type, stored uncompressed, in the entry "mimetype" (ODF 1.2 part 3, 3.3).
  ReadOptions small;
  small.max_bytes = 256;
  if (zip_name_locate(zip, "mimetype", 0) >= 0) {
    auto type = read_zip_entry(zip, "mimetype", small, "ZIP");
    if (type && *type && (*type)->starts_with("application/vnd.oasis.opendocument.text"))
      return "odt";
  }
  return {};
}

}  // namespace vanban::indexer::detail
