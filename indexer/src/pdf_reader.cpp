// PDF: poppler's C++ API, page by page, physical layout turned into reading order
// (pdf_layout.hpp says why). A page without a text layer (a scan) is rendered and read by OCR;
// without OCR such pages are left out with a warning, and a PDF of scans only is refused, never
// indexed as empty.
#include <algorithm>
#include <climits>
#include <cmath>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include "vanban/analyzers/reading_text.hpp"
#include "vanban/indexer/pdf_layout.hpp"

#include "formats.hpp"
#include "ocr.hpp"

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

double pdf_page_pixels(double width, double height, double dpi) {
  const auto side = [dpi](double points) {
    return std::max(1.0, std::ceil(std::abs(points) * dpi / 72.0));
  };
  return side(width) * side(height);
}

int pdf_render_dpi(double width, double height, int dpi, std::uint64_t max_pixels) {
  const double limit = static_cast<double>(max_pixels);
  const double square_inches = std::abs(width * height) / (72.0 * 72.0);
  if (square_inches * dpi * dpi > limit)
    dpi = static_cast<int>(std::min<double>(dpi, std::floor(std::sqrt(limit / square_inches))));
  // A side under a pixel still takes one: a long thin page (10^9 x 1 points) is lowered again,
  // in proportion, until it fits (poppler would have made a 222-megapixel strip of it).
  while (dpi >= 1 && pdf_page_pixels(width, height, dpi) > limit) {
    const double scaled = std::floor(dpi * limit / pdf_page_pixels(width, height, dpi));
    dpi = std::min(dpi - 1, static_cast<int>(scaled));
  }
  return std::max(dpi, 0);
}

namespace {

// Renders a page in gray and recognises it.
Result<std::string> recognise_page(const poppler::page& page, OcrRun& run,
                                   const OcrOptions& options) {
  const poppler::rectf box = page.page_rect();
  const int dpi = pdf_render_dpi(box.width(), box.height(), options.pdf_dpi, options.max_pixels);
  if (dpi < 1)
    return make_error(ErrorKind::too_large, "PDF page too large to render for OCR",
                      "Trang PDF quá lớn để nhận dạng chữ");
  poppler::page_renderer renderer;
  renderer.set_image_format(poppler::image::format_gray8);
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  const poppler::image image = renderer.render_page(&page, dpi, dpi);
  if (image.is_valid() &&
      static_cast<std::uint64_t>(image.width()) * static_cast<std::uint64_t>(image.height()) >
          options.max_pixels)
    return make_error(ErrorKind::too_large, "PDF page rendered over the pixel limit",
                      "Trang PDF quá lớn để nhận dạng chữ");
  if (!image.is_valid() || image.format() != poppler::image::format_gray8)
    return make_error(ErrorKind::invalid_argument, "PDF page cannot be rendered for OCR",
                      "Không dựng được ảnh trang PDF để nhận dạng chữ");
  return run.recognise_gray(reinterpret_cast<const std::uint8_t*>(image.const_data()),
                            image.width(), image.height(),
                            static_cast<std::size_t>(image.bytes_per_row()), static_cast<int>(dpi));
}

std::string page_list(const std::vector<int>& pages) {
  std::string list;
  for (const int page : pages)
    list += (list.empty() ? "" : ", ") + std::to_string(page);
  return list;
}

}  // namespace

Result<ReadDocument> read_pdf(std::string_view bytes, const OcrOptions& ocr,
                              std::uint64_t max_text_bytes, const PdfStreamBounds& stream_bounds) {
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

  std::vector<std::string> scan_notes;  // why the scan could not measure, for the log
  if (Status streams = check_pdf_streams(bytes, stream_bounds, &scan_notes); !streams)
    return streams.error();

  std::unique_ptr<poppler::document> pdf(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!pdf)
    return make_error(ErrorKind::invalid_argument, "corrupt PDF (poppler cannot open it)",
                      "Tệp PDF bị hỏng");
  if (pdf->is_locked())
    return make_error(ErrorKind::unsupported, "encrypted PDF (a password is needed to open it)",
                      "Tệp PDF được mã hóa, cần mật khẩu để mở");

  ReadDocument document;
  document.warnings = std::move(scan_notes);
  const int pages = pdf->pages();
  std::vector<int> pages_without_text;  // and not recognised
  std::vector<int> pages_recognised;
  OcrRun run(ocr);
  std::optional<Error> ocr_failure;  // why the scanned pages could not be read
  for (int index = 0; index < pages; ++index) {
    std::unique_ptr<poppler::page> page(pdf->create_page(index));
    if (!page) {
      pages_without_text.push_back(index + 1);
      continue;
    }
    const poppler::byte_array utf8 =
        page->text(poppler::rectf(), poppler::page::physical_layout).to_utf8();
    const std::string_view page_text(utf8.data(), utf8.size());
    std::string text;
    std::string stamp;  // a scan's signature stamp, kept after what the page is read as
    if (has_visible_text(page_text)) {
      text = reading_order_from_physical(page_text);
      // A scan signed digitally: the signature's stamp is its only text, the page is the image.
      if (analyzers::only_signature_stamp(text)) stamp = std::exchange(text, {});
    }
    if (has_visible_text(text)) {
      // the page's own text layer
    } else if (!ocr_failure && pages_recognised.size() >= ocr.max_pages) {
      ocr_failure = make_error(ErrorKind::too_large,
                               "over " + std::to_string(ocr.max_pages) + " scanned pages");
    } else if (const Status ready = ocr_failure ? Status::success() : run.available(); !ready) {
      ocr_failure = ready.error();  // not installed: no page is rendered for nothing
    } else if (!ocr_failure) {
      auto recognised = recognise_page(*page, run, ocr);
      if (!recognised) return recognised.error();  // a page that cannot be read: broken file
      pages_recognised.push_back(index + 1);
      text = std::move(*recognised);
    }
    if (!stamp.empty() && has_visible_text(text)) text += "\n\n" + stamp;  // unread: a scan
    if (!has_visible_text(text)) {
      pages_without_text.push_back(index + 1);
      continue;
    }
    if (!document.text.empty()) document.text += "\n\n";
    document.text += text;
    // Twice the limit: the text still loses spaces in finish_text before it is cut there.
    if (document.text.size() / 2 > max_text_bytes && index + 1 < pages) {
      document.warnings.push_back("text limit reached (" + std::to_string(max_text_bytes) +
                                  " bytes) on page " + std::to_string(index + 1) + " of " +
                                  std::to_string(pages) +
                                  ": the rest of the document was not read");
      break;
    }
  }
  if (!has_visible_text(document.text)) {
    if (ocr_failure && ocr_failure->message.starts_with(kOcrNotInstalled)) return *ocr_failure;
    return make_error(ErrorKind::unsupported,
                      pages_recognised.empty() ? "no text layer (scanned PDF)"
                                               : "no text recognised on the scanned pages",
                      "PDF không có lớp chữ, không nhận dạng được chữ nào");
  }
  if (!pages_recognised.empty()) {
    document.ocr = run.note();
    if (document.ocr) warn_if_unsure(*document.ocr, document.warnings);
  }
  if (!pages_without_text.empty()) {
    document.warnings.push_back(
        "pages without text" +
        (ocr_failure ? " (" + ocr_failure->message + ")" : std::string(" (none recognised)")) +
        ": " + page_list(pages_without_text));
  }
  return document;
}

}  // namespace vanban::indexer::detail
