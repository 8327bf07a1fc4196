#include "zip_support.hpp"

#include <algorithm>

namespace vanban::indexer::detail {
namespace {

struct ZipFileClose {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};

Error corrupt(std::string_view what, const std::string& detail) {
  return make_error(ErrorKind::invalid_argument, "corrupt " + std::string(what) + ": " + detail,
                    "Tệp " + std::string(what) + " bị hỏng");
}

Result<std::string> read_entry(zip_t* archive, const zip_stat_t& stat, const ReadOptions& options,
                               std::string_view what) {
  const std::string name = stat.name != nullptr ? stat.name : "?";
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
  std::unique_ptr<zip_file_t, ZipFileClose> file(zip_fopen_index(archive, stat.index, 0));
  if (!file) {
    return corrupt(what, "cannot open " + name + " (" + zip_strerror(archive) + ")");
  }
  // The declared size bounds what is read: a lying header cannot make the buffer grow.
  std::string content;
  content.resize(static_cast<std::size_t>(stat.size));
  std::size_t filled = 0;
  while (filled < content.size()) {
    const zip_int64_t got = zip_fread(file.get(), content.data() + filled, content.size() - filled);
    if (got < 0) {
      return corrupt(what, "cannot unpack " + name + " (" + zip_file_strerror(file.get()) + ")");
    }
    if (got == 0) break;
    filled += static_cast<std::size_t>(got);
  }
  content.resize(filled);
  return content;
}

}  // namespace

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
