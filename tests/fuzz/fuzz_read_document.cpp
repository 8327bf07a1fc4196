// read_document for every format: the first byte picks the file name, the rest are the bytes.
// A document or a clear Error comes back; a document's text is valid UTF-8. PDFs and images are
// read in this process (no bounded reader program is set), so that libFuzzer sees poppler's and
// Leptonica's code; what crosses the pipe from the bounded reader's child is checked instead:
// every result comes back the same through its encoding, and the bytes read as a child's answer
// give an answer or an error.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "vanban/analyzers/structure.hpp"
#include "vanban/indexer/reader.hpp"

#include "bounded_reader.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace vanban;
  static constexpr std::array<const char*, 11> kNames = {
      "van-ban.txt", "van-ban.html", "van-ban.docx", "van-ban.pdf", "van-ban.xml", "van-ban.edxml",
      "van-ban.htm", "van-ban",      "van-ban.zip",  "van-ban.png", "van-ban.tif"};
  if (size == 0) return 0;
  const char* name = kNames[data[0] % kNames.size()];
  const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  // .doc, .rtf and .xls go to LibreOffice, a program of its own: here they meet no converter
  // (office_converter_test.cpp covers the converter's failures).
  static const indexer::ReadOptions options = [] {
    indexer::ReadOptions without_converter;
    without_converter.office_program = "vanban-fuzzing-has-no-converter";
    // Scans are recognised, but small: an image over 256 x 256 pixels is refused from its
    // header, a PDF page rendered within it, so that an input costs milliseconds, not the
    // seconds a real page takes (ocr_test.cpp reads real pages).
    without_converter.ocr.max_pixels = 256 * 256;
    return without_converter;
  }();
  auto read = indexer::read_document(name, bytes, options);
  const auto again = indexer::detail::decode_read_result(indexer::detail::encode_read_result(read));
  fuzz::check(again.ok() == read.ok(), "a result comes back through its encoding");
  if (read && again) {
    fuzz::check(
        again->text == read->text && again->warnings == read->warnings && again->ocr == read->ocr,
        "a document comes back whole through its encoding");
  }
  if (!read && !again) {
    fuzz::check(
        again.error().message == read.error().message && again.error().kind == read.error().kind,
        "an error comes back whole through its encoding");
  }
  const auto answer = indexer::detail::decode_read_result(bytes);
  fuzz::check(answer.ok() || !answer.error().message.empty(), "a child's answer or an error");
  if (read) {
    fuzz::check(fuzz::is_valid_utf8(read->text), "document text is valid UTF-8");
    fuzz::check(!read->format.empty(), "document has a format");
    (void)nlohmann::json(read->overrides.values()).dump();
  } else {
    fuzz::check(!read.error().message.empty(), "error has a message");
  }
  return 0;
}
