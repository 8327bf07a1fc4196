// PDF: poppler's C++ API, page by page, physical layout turned into reading order
// (pdf_layout.hpp says why). A PDF without a text layer is refused, not indexed as empty.
#include <climits>
#include <memory>
#include <mutex>

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include "vanban/indexer/pdf_layout.hpp"

#include "formats.hpp"

namespace vanban::indexer::detail {
namespace {

// Poppler reports syntax errors of damaged files on stderr; the reader reports them as values.
void silence_poppler() {
  static std::once_flag once;
  std::call_once(
      once, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
}

bool has_visible_text(std::string_view text) {
  return text.find_first_not_of(" \t\r\n\f") != std::string_view::npos;
}

}  // namespace

Result<ReadDocument> read_pdf(std::string_view bytes) {
  silence_poppler();
  if (bytes.substr(0, 1024).find("%PDF-") == std::string_view::npos)
    return make_error(ErrorKind::invalid_argument, "not a PDF file (no %PDF header)",
                      "Tệp không phải PDF");
  // A cut-off download or copy lacks the final %%EOF; poppler would quietly rebuild what it can
  // and we would index part of the document as if it were all of it.
  if (bytes.substr(bytes.size() > 4096 ? bytes.size() - 4096 : 0).find("%%EOF") ==
      std::string_view::npos)
    return make_error(ErrorKind::invalid_argument, "truncated PDF (no %%EOF at the end)",
                      "Tệp PDF bị cắt cụt (thiếu phần cuối)");
  if (bytes.size() > static_cast<std::size_t>(INT_MAX))
    return make_error(ErrorKind::too_large, "PDF over 2 GB", "Tệp PDF quá lớn");

  std::unique_ptr<poppler::document> pdf(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!pdf)
    return make_error(ErrorKind::invalid_argument, "corrupt PDF (poppler cannot open it)",
                      "Tệp PDF bị hỏng");
  if (pdf->is_locked())
    return make_error(ErrorKind::unsupported, "encrypted PDF (a password is needed to open it)",
                      "Tệp PDF được mã hóa, cần mật khẩu để mở");

  ReadDocument document;
  const int pages = pdf->pages();
  std::vector<int> pages_without_text;
  for (int index = 0; index < pages; ++index) {
    std::unique_ptr<poppler::page> page(pdf->create_page(index));
    if (!page) {
      pages_without_text.push_back(index + 1);
      continue;
    }
    const poppler::byte_array utf8 =
        page->text(poppler::rectf(), poppler::page::physical_layout).to_utf8();
    const std::string_view page_text(utf8.data(), utf8.size());
    if (!has_visible_text(page_text)) {
      pages_without_text.push_back(index + 1);
      continue;
    }
    if (!document.text.empty()) document.text += "\n\n";
    document.text += reading_order_from_physical(page_text);
  }
  if (!has_visible_text(document.text))
    return make_error(ErrorKind::unsupported, "no text layer (scanned PDF)",
                      "PDF không có lớp chữ (bản quét): cần nhận dạng chữ (OCR) trước");
  if (!pages_without_text.empty()) {
    std::string list;
    for (const int page : pages_without_text)
      list += (list.empty() ? "" : ", ") + std::to_string(page);
    document.warnings.push_back("pages without a text layer (scanned?): " + list);
  }
  return document;
}

}  // namespace vanban::indexer::detail
