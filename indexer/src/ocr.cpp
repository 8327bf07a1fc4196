// Tesseract through its C++ API, Leptonica images. Without them (VANBAN_HAVE_OCR unset at build
// time) every scan is reported as kOcrNotInstalled and the rest is indexed as usual.
#include "ocr.hpp"

#include <cstdlib>
#include <memory>
#include <mutex>

#ifdef VANBAN_HAVE_OCR
#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>
#endif
#ifdef VANBAN_HAVE_OPENMP
#include <omp.h>
#endif

namespace vanban::indexer::detail {
namespace {

Error not_installed(const std::string& why) {
  return make_error(ErrorKind::unsupported, std::string(kOcrNotInstalled) + " (" + why + ")",
                    "Bản quét không có lớp chữ, và máy chưa cài nhận dạng chữ (OCR) tiếng Việt");
}

}  // namespace

std::string clean_recognised_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string line;
    for (const char c : text.substr(start, end - start)) {
      if (c == '|') {
        while (!line.empty() && line.back() == ' ')
          line.pop_back();
        if (!line.empty() && line.back() != '\t') line.push_back('\t');
      } else if (c == ' ' && !line.empty() && line.back() == '\t') {
        continue;
      } else {
        line.push_back(c);
      }
    }
    while (!line.empty() && (line.back() == '\t' || line.back() == ' '))
      line.pop_back();
    out += line;
    if (end < text.size()) out.push_back('\n');
    start = end + 1;
  }
  return out;
}

bool is_image(std::string_view bytes) {
  return bytes.starts_with("\x89PNG\r\n\x1a\n") || bytes.starts_with("\xFF\xD8\xFF") ||
         bytes.starts_with(std::string_view("II*\0", 4)) ||
         bytes.starts_with(std::string_view("MM\0*", 4));
}

void warn_if_unsure(const archive::OcrNote& note, std::vector<std::string>& warnings) {
  if (note.confidence >= kUnsureConfidence) return;
  warnings.push_back("OCR confidence " + std::to_string(note.confidence) +
                     "%: the recognised text is unreliable (a poor or low-resolution scan?)");
}

std::string_view image_format(std::string_view bytes) {
  if (bytes.starts_with("\x89PNG")) return "png";
  if (bytes.starts_with("\xFF\xD8")) return "jpeg";
  return "tiff";
}

void add_ocr_note(std::optional<archive::OcrNote>& total, const archive::OcrNote& part) {
  if (!total) {
    total = part;
    return;
  }
  const std::uint64_t pages = std::uint64_t{total->pages} + part.pages;
  if (pages > 0) {
    total->confidence =
        static_cast<std::uint32_t>((std::uint64_t{total->confidence} * total->pages +
                                    std::uint64_t{part.confidence} * part.pages + pages / 2) /
                                   pages);
  }
  total->pages = static_cast<std::uint32_t>(pages);
  if (total->engine.empty()) total->engine = part.engine;
}

std::optional<archive::OcrNote> OcrRun::note() const {
  if (pages_ == 0) return std::nullopt;
  archive::OcrNote note;
#ifdef VANBAN_HAVE_OCR
  note.engine = std::string("tesseract ") + tesseract::TessBaseAPI::Version();
#endif
  note.pages = static_cast<std::uint32_t>(pages_);
  note.confidence =
      words_ == 0 ? 0 : static_cast<std::uint32_t>((confidence_sum_ + words_ / 2) / words_);
  return note;
}

#ifndef VANBAN_HAVE_OCR

Status OcrRun::available() {
  return not_installed("built without Tesseract");
}

Result<std::string> OcrRun::recognise_gray(const std::uint8_t*, int, int, std::size_t, int) {
  return not_installed("built without Tesseract");
}

Result<std::string> OcrRun::recognise(Pix*) {
  return not_installed("built without Tesseract");
}

#else

namespace {

struct PixFree {
  void operator()(Pix* pix) const { pixDestroy(&pix); }
};
using PixPtr = std::unique_ptr<Pix, PixFree>;

// One engine per thread, for one language data folder and language at a time.
struct ThreadEngine {
  std::string key;
  std::unique_ptr<tesseract::TessBaseAPI> api;
  std::string failure;  // why it could not be loaded (then api is null)
};

void silence_leptonica() {
  static std::once_flag once;
  std::call_once(once, [] { setMsgSeverity(L_SEVERITY_NONE); });
}

Result<tesseract::TessBaseAPI*> engine_for(const OcrOptions& options) {
  if (!options.enabled) return not_installed("OCR turned off");
  silence_leptonica();
  thread_local ThreadEngine engine;
  const char* prefix = std::getenv("TESSDATA_PREFIX");
  const std::string datapath = options.tessdata.string();
  const std::string key = datapath + '\n' + (prefix ? prefix : "") + '\n' + options.language;
  if (engine.key != key) {
    engine = ThreadEngine{};
    engine.key = key;
#ifdef VANBAN_HAVE_OPENMP
    // The reading threads already use every core; Tesseract's own threads would only contend.
    omp_set_num_threads(1);
#endif
    auto api = std::make_unique<tesseract::TessBaseAPI>();
    // Tesseract writes its complaints (a missing traineddata file) to stderr unless told.
    const std::vector<std::string> names = {"debug_file"};
    const std::vector<std::string> values = {"/dev/null"};
    if (api->Init(datapath.empty() ? nullptr : datapath.c_str(), options.language.c_str(),
                  tesseract::OEM_LSTM_ONLY, nullptr, 0, &names, &values, false) != 0) {
      const std::string where = !datapath.empty() ? datapath
                                : prefix          ? std::string(prefix)
                                                  : std::string("Tesseract's default folder");
      engine.failure = "no Tesseract language data '" + options.language + "' in " + where;
    } else {
      api->SetPageSegMode(tesseract::PSM_AUTO);
      engine.api = std::move(api);
    }
  }
  if (!engine.api) return not_installed(engine.failure);
  return engine.api.get();
}

std::string seconds_text(int milliseconds) {
  return std::to_string(milliseconds / 1000) + " s";
}

}  // namespace

Status OcrRun::available() {
  auto engine = engine_for(options_);
  if (!engine) return engine.error();
  return {};
}

Result<std::string> OcrRun::recognise_gray(const std::uint8_t* pixels, int width, int height,
                                           std::size_t stride, int dpi) {
  PixPtr pix(pixCreate(width, height, 8));
  if (!pix)
    return make_error(ErrorKind::too_large, "page image too large to allocate",
                      "Ảnh trang quá lớn");
  const int wpl = pixGetWpl(pix.get());
  l_uint32* data = pixGetData(pix.get());
  for (int y = 0; y < height; ++y) {
    const std::uint8_t* row = pixels + static_cast<std::size_t>(y) * stride;
    l_uint32* line = data + static_cast<std::size_t>(y) * static_cast<std::size_t>(wpl);
    for (int x = 0; x < width; ++x)
      SET_DATA_BYTE(line, x, row[x]);
  }
  if (dpi > 0) pixSetResolution(pix.get(), dpi, dpi);
  return recognise(pix.get());
}

Result<std::string> OcrRun::recognise(Pix* image) {
  auto engine = engine_for(options_);
  if (!engine) return engine.error();
  tesseract::TessBaseAPI& api = **engine;

  // What the engine is given: gray or colour over white, straightened if asked.
  PixPtr page(pixClone(image));
  if (pixGetColormap(page.get()))
    page.reset(pixRemoveColormap(page.get(), REMOVE_CMAP_BASED_ON_SRC));
  if (page && pixGetDepth(page.get()) == 32 && pixGetSpp(page.get()) == 4)
    page.reset(pixAlphaBlendUniform(page.get(), 0xffffff00));
  if (page && options_.preprocess == OcrPreprocess::deskew) page.reset(pixDeskew(page.get(), 0));
  if (!page)
    return make_error(ErrorKind::invalid_argument, "image cannot be converted for recognition",
                      "Không xử lý được ảnh");
  ++pages_;
  const int width = pixGetWidth(page.get());
  const int height = pixGetHeight(page.get());
  // Too small to hold a line of text: Tesseract would only complain.
  if (width < 16 || height < 16) {
    if (options_.on_page) options_.on_page();
    return std::string{};
  }

  api.SetVariable("thresholding_method", options_.preprocess == OcrPreprocess::sauvola ? "2" : "0");
  api.SetImage(page.get());
  const int dpi = pixGetXRes(page.get());
  // A resolution outside what scanners use is a wrong header: let Tesseract estimate it.
  if (dpi >= 70 && dpi <= 2400) api.SetSourceResolution(dpi);
  tesseract::ETEXT_DESC monitor;
  monitor.set_deadline_msecs(options_.page_timeout_ms);
  const int status = api.Recognize(&monitor);
  if (monitor.deadline_exceeded()) {
    api.Clear();
    return make_error(
        ErrorKind::too_large, "OCR of a page took over " + seconds_text(options_.page_timeout_ms),
        "Nhận dạng chữ một trang quá lâu (quá " + seconds_text(options_.page_timeout_ms) + ")");
  }
  if (status != 0) {
    api.Clear();
    return make_error(ErrorKind::invalid_argument, "OCR failed on a page image",
                      "Không nhận dạng được chữ trên ảnh");
  }
  const std::unique_ptr<char[]> text(api.GetUTF8Text());
  const std::unique_ptr<int[]> confidences(api.AllWordConfidences());
  api.Clear();
  if (confidences) {
    for (const int* c = confidences.get(); *c >= 0; ++c) {
      confidence_sum_ += static_cast<std::uint64_t>(*c);
      ++words_;
    }
  }
  if (options_.on_page) options_.on_page();
  return clean_recognised_text(text ? std::string_view(text.get()) : std::string_view{});
}

#endif

}  // namespace vanban::indexer::detail
