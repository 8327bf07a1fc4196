#include "stored_text.hpp"

#include <algorithm>
#include <limits>

#include <zlib.h>

#include "vanban/analyzers/utf8.hpp"
#include "vanban/archive/document.hpp"

#include "disk_layout.hpp"
#include "schema.hpp"

namespace vanban::archive {

std::optional<CompressedText> compress_text(std::string_view text) {
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
  return CompressedText{Original(std::move(blob)), text.size()};
}

Result<TextPrefix> inflate_text_prefix(std::string_view blob, std::size_t bytes) {
  z_stream stream{};
  if (inflateInit(&stream) != Z_OK) return make_error(ErrorKind::internal, "zlib: inflateInit");
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(blob.data()));
  stream.avail_in = static_cast<uInt>(blob.size());
  TextPrefix out;
  std::string& text = out.text;
  // The text is about five times its compressed form.
  text.resize(std::min(bytes, blob.size() * 5 + 64));
  std::size_t filled = 0;
  int status = Z_OK;
  while (status == Z_OK) {
    if (filled == text.size()) {
      if (filled >= bytes) break;  // as far as asked
      text.resize(std::min(bytes, text.size() * 2));
    }
    stream.next_out = reinterpret_cast<Bytef*>(text.data() + filled);
    stream.avail_out = static_cast<uInt>(text.size() - filled);
    status = inflate(&stream, Z_NO_FLUSH);
    filled = text.size() - stream.avail_out;
  }
  inflateEnd(&stream);
  out.whole = status == Z_STREAM_END;
  if (status != Z_OK && (status != Z_STREAM_END || stream.avail_in != 0))
    return make_error(ErrorKind::io, "stored text damaged (not a whole zlib stream)");
  text.resize(filled);
  return out;
}

Result<std::string> inflate_text(std::string_view blob) {
  Result<TextPrefix> whole = inflate_text_prefix(blob, std::numeric_limits<std::size_t>::max());
  if (!whole) return whole.error();
  return std::move(whole->text);
}

void refer_to_text(Xapian::Document& xapian_document, const CompressedText& stored) {
  xapian_document.add_value(schema::kTextSlot, stored.blob.sha256());
  xapian_document.add_value(schema::kTextSizeSlot, schema::serialise_text_size(stored.text_size));
  xapian_document.add_boolean_term(schema::term(schema::kTextBlob, stored.blob.sha256()));
}

std::string text_reference(const Xapian::Document& xapian_document) {
  return xapian_document.get_value(schema::kTextSlot);
}

std::optional<std::uint64_t> stored_text_size(const Xapian::Document& xapian_document) {
  return schema::unserialise_text_size(xapian_document.get_value(schema::kTextSizeSlot));
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

Result<TextPrefix> read_stored_text_prefix(const std::vector<BlobStore>& stores,
                                           std::string_view sha256, std::size_t bytes) {
  for (const BlobStore& store : stores) {
    Result<std::string> blob = store.get(sha256);
    if (blob.ok()) return inflate_text_prefix(*blob, bytes);
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
