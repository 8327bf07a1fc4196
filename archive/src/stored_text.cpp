#include "stored_text.hpp"

#include <zlib.h>

#include "vanban/analyzers/utf8.hpp"
#include "vanban/archive/document.hpp"

#include "disk_layout.hpp"
#include "schema.hpp"

namespace vanban::archive {

std::optional<Original> compress_text(std::string_view text) {
  if (text.empty()) return std::nullopt;
  std::string valid;
  if (!analyzers::is_valid_utf8(text)) {
    valid = analyzers::to_valid_utf8(text);
    text = valid;
  }
  uLongf size = compressBound(static_cast<uLong>(text.size()));
  std::string blob(size, '\0');
  const int status = compress2(reinterpret_cast<Bytef*>(blob.data()), &size,
                               reinterpret_cast<const Bytef*>(text.data()),
                               static_cast<uLong>(text.size()), kTextCompressionLevel);
  if (status != Z_OK) return std::nullopt;  // only out of memory: the text stays in the data
  blob.resize(size);
  return Original(std::move(blob));
}

Result<std::string> inflate_text(std::string_view blob) {
  z_stream stream{};
  if (inflateInit(&stream) != Z_OK) return make_error(ErrorKind::internal, "zlib: inflateInit");
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(blob.data()));
  stream.avail_in = static_cast<uInt>(blob.size());
  std::string text;
  text.resize(blob.size() * 5 + 64);  // the text is about five times its compressed form
  std::size_t filled = 0;
  int status = Z_OK;
  while (status == Z_OK) {
    if (filled == text.size()) text.resize(text.size() * 2);
    stream.next_out = reinterpret_cast<Bytef*>(text.data() + filled);
    stream.avail_out = static_cast<uInt>(text.size() - filled);
    status = inflate(&stream, Z_NO_FLUSH);
    filled = text.size() - stream.avail_out;
  }
  inflateEnd(&stream);
  if (status != Z_STREAM_END || stream.avail_in != 0)
    return make_error(ErrorKind::io, "stored text damaged (not a whole zlib stream)");
  text.resize(filled);
  return text;
}

void refer_to_text(Xapian::Document& xapian_document, const Original& stored) {
  xapian_document.add_value(schema::kTextSlot, stored.sha256());
  xapian_document.add_boolean_term(schema::term(schema::kTextBlob, stored.sha256()));
}

std::string text_reference(const Xapian::Document& xapian_document) {
  return xapian_document.get_value(schema::kTextSlot);
}

Result<std::string> read_stored_text(const std::vector<BlobStore>& stores,
                                     std::string_view sha256) {
  for (const BlobStore& store : stores) {
    Result<std::string> blob = store.get(sha256);
    if (blob.ok()) return inflate_text(*blob);
    if (blob.error().kind != ErrorKind::not_found) return blob.error();
  }
  return make_error(ErrorKind::not_found, "stored text " + std::string(sha256) + " in no store");
}

Result<std::string> document_text(const std::filesystem::path& db_dir,
                                  const Xapian::Document& xapian_document) {
  const std::string reference = text_reference(xapian_document);
  if (reference.empty()) {
    auto stored = parse_document(xapian_document.get_data(), /*with_text=*/true);
    if (!stored) return make_error(ErrorKind::io, "document data damaged");
    return std::move(stored->text);
  }
  return read_stored_text({BlobStore(texts_dir(db_dir))}, reference);
}

std::optional<ArchivedDocument> read_document(const std::filesystem::path& db_dir,
                                              const Xapian::Document& xapian_document) {
  auto stored = parse_document(xapian_document.get_data(), /*with_text=*/true);
  if (!stored) return std::nullopt;
  const std::string reference = text_reference(xapian_document);
  if (reference.empty()) return stored;
  Result<std::string> text = read_stored_text({BlobStore(texts_dir(db_dir))}, reference);
  if (!text) return std::nullopt;
  stored->text = std::move(*text);
  return stored;
}

}  // namespace vanban::archive
