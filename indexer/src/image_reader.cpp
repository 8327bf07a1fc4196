// Image files (PNG, JPEG, TIFF with any number of pages) read by OCR. Each page's size is read
// from its header and checked before it is decoded: a hostile header cannot make us allocate
// gigabytes. A broken image is this file's error, never the run's.
#include <memory>
#include <string>

#ifdef VANBAN_HAVE_OCR
#include <leptonica/allheaders.h>
#endif

#include "ocr.hpp"

namespace vanban::indexer::detail {

#ifndef VANBAN_HAVE_OCR

Result<ReadDocument> read_image(std::string_view, const OcrOptions& options) {
  OcrRun run(options);
  return run.available().error();
}

#else

namespace {

struct PixFree {
  void operator()(Pix* pix) const { pixDestroy(&pix); }
};
using PixPtr = std::unique_ptr<Pix, PixFree>;

Error corrupt(const std::string& what) {
  return make_error(ErrorKind::invalid_argument, "corrupt image (" + what + ")", "Tệp ảnh bị hỏng");
}

std::string megapixels(std::uint64_t pixels) {
  return std::to_string((pixels + 500'000) / 1'000'000) + " Mpx";
}

Status check_size(std::int64_t width, std::int64_t height, const OcrOptions& options) {
  if (width <= 0 || height <= 0) return corrupt("no width or height");
  const auto pixels = static_cast<std::uint64_t>(width) * static_cast<std::uint64_t>(height);
  if (pixels > options.max_pixels) {
    const std::string size = std::to_string(width) + "×" + std::to_string(height);
    return make_error(
        ErrorKind::too_large,
        "image of " + size + " pixels, over the limit of " + megapixels(options.max_pixels),
        "Ảnh quá lớn (" + size + " điểm ảnh)");
  }
  return {};
}

void append_page(std::string& text, const std::string& page) {
  if (page.find_first_not_of(" \t\n") == std::string::npos) return;
  if (!text.empty()) text += "\n\n";
  text += page;
}

}  // namespace

Result<ReadDocument> read_image(std::string_view bytes, const OcrOptions& options) {
  OcrRun run(options);
  // Not installed: say so before decoding anything.
  if (const Status ready = run.available(); !ready) return ready.error();
  const auto* data = reinterpret_cast<const l_uint8*>(bytes.data());
  const std::size_t size = bytes.size();
  ReadDocument document;

  const bool tiff = bytes.starts_with(std::string_view("II*\0", 4)) ||
                    bytes.starts_with(std::string_view("MM\0*", 4));
  if (!tiff) {
    l_int32 format = 0, width = 0, height = 0, bps = 0, spp = 0, colormap = 0;
    if (pixReadHeaderMem(data, size, &format, &width, &height, &bps, &spp, &colormap) != 0)
      return corrupt("its header cannot be read");
    if (const Status fits = check_size(width, height, options); !fits) return fits.error();
    const PixPtr image(pixReadMem(data, size));
    if (!image) return corrupt("it cannot be decoded");
    auto text = run.recognise(image.get());
    if (!text) return text.error();
    append_page(document.text, *text);
  } else {
    for (l_int32 page = 0;; ++page) {
      l_int32 width = 0, height = 0, bps = 0, spp = 0, resolution = 0, colormap = 0, format = 0;
      if (readHeaderMemTiff(data, size, page, &width, &height, &bps, &spp, &resolution, &colormap,
                            &format) != 0) {
        if (page == 0) return corrupt("its first page cannot be read");
        break;  // past the last page
      }
      if (static_cast<std::size_t>(page) == options.max_pages) {
        document.warnings.push_back("more than " + std::to_string(options.max_pages) +
                                    " pages: only the first " + std::to_string(options.max_pages) +
                                    " recognised");
        break;
      }
      if (const Status fits = check_size(width, height, options); !fits) return fits.error();
      const PixPtr image(pixReadMemTiff(data, size, page));
      if (!image) return corrupt("page " + std::to_string(page + 1) + " cannot be decoded");
      auto text = run.recognise(image.get());
      if (!text) return text.error();
      append_page(document.text, *text);
    }
  }
  if (document.text.find_first_not_of(" \t\n") == std::string::npos)
    return make_error(ErrorKind::unsupported, "no text recognised in the image",
                      "Không nhận dạng được chữ nào trong ảnh");
  document.ocr = run.note();
  if (document.ocr) warn_if_unsure(*document.ocr, document.warnings);
  return document;
}

#endif

}  // namespace vanban::indexer::detail
