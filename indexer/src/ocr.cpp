// Tesseract through its C++ API, Leptonica images. Without them (VANBAN_HAVE_OCR unset at build
// time) every scan is reported as kOcrNotInstalled and the rest is indexed as usual.
#include "ocr.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <vector>

#include "vanban/indexer/pdf_layout.hpp"

#ifdef VANBAN_HAVE_OCR
#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>
#include <tesseract/resultiterator.h>
#endif
#ifdef VANBAN_HAVE_OCR
#include <dlfcn.h>
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

// The reading threads already use every core; Tesseract's OpenMP teams would only contend with
// them (and spin: in CI a page took over 120 s beside another busy process, 6 s alone). Its regions
// name their own thread counts, which omp_set_num_threads cannot lower; no active level makes
// every region run on one thread. The runtime to tell is the one Tesseract's package was built
// with (libgomp on Debian), which need not be this compiler's (clang links libomp): every OpenMP
// runtime loaded in the process is told, on every thread that reads pages: libgomp keeps the
// setting per thread (an OpenMP 5 ICV of the thread's data environment).
void run_openmp_regions_on_one_thread() {
  for (const char* runtime : {"libgomp.so.1", "libomp.so.5", "libomp.so", "libiomp5.so"}) {
    void* handle = dlopen(runtime, RTLD_NOW | RTLD_NOLOAD);
    if (handle == nullptr) continue;
    using SetLevels = void (*)(int);
    if (auto set_levels = reinterpret_cast<SetLevels>(dlsym(handle, "omp_set_max_active_levels")))
      set_levels(0);
    dlclose(handle);  // RTLD_NOLOAD counted one more reference
  }
}

void set_up_libraries() {
  static std::once_flag once;
  std::call_once(once, [] { setMsgSeverity(L_SEVERITY_NONE); });
  thread_local const bool told = (run_openmp_regions_on_one_thread(), true);
  (void)told;
}

Result<tesseract::TessBaseAPI*> engine_for(const OcrOptions& options) {
  if (!options.enabled) return not_installed("OCR turned off");
  set_up_libraries();
  thread_local ThreadEngine engine;
  const char* prefix = std::getenv("TESSDATA_PREFIX");
  const std::string datapath = options.tessdata.string();
  const std::string key = datapath + '\n' + (prefix ? prefix : "") + '\n' + options.language;
  if (engine.key != key) {
    engine = ThreadEngine{};
    engine.key = key;
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

struct Word {
  int left = 0, top = 0, right = 0, bottom = 0;
  std::string text;
};

// Whether a word holds a letter (Latin, Vietnamese included) or a digit: a "word" of marks
// alone that the engine is unsure of is a speck, a stamp's edge or a rule, not text.
bool holds_letter_or_digit(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if ((byte >= '0' && byte <= '9') || ((byte | 0x20) >= 'a' && (byte | 0x20) <= 'z')) return true;
    if (byte >= 0xC3 && byte <= 0xC9) return true;  // U+00C0-U+027F: Latin letters with marks
    if (byte == 0xE1 && i + 1 < text.size() &&
        (static_cast<unsigned char>(text[i + 1]) == 0xBA ||
         static_cast<unsigned char>(text[i + 1]) == 0xBB))
      return true;  // U+1E80-U+1EFF: Vietnamese letters with two marks (ạ ả ấ ... ỹ)
  }
  return false;
}

std::size_t code_points(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// The recognised page laid out as poppler's physical layout lays out a PDF page: Tesseract's
// lines, a word after a gap much wider than a space (over twice the line's letter height) put
// at the column its left edge stands at, in the page's mean character width. So the two columns
// of a header or signature block, which Tesseract reads as one line across the page, stand apart
// by a wide gap, and reading_order_from_physical splits them as it does for PDFs; a table row
// comes out as cells. A ruled line read as "|" is a gap, not a word, and so are marks without a
// letter or digit that the engine is unsure of (a rule under a header line read as "—#").
std::string physical_layout(tesseract::TessBaseAPI& api) {
  const std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
  if (!it) return {};
  std::vector<std::vector<Word> > lines;
  std::vector<bool> paragraph_starts;
  double width_sum = 0, characters = 0;
  it->Begin();
  do {
    if (it->Empty(tesseract::RIL_WORD)) continue;
    const std::unique_ptr<char[]> utf8(it->GetUTF8Text(tesseract::RIL_WORD));
    Word word;
    it->BoundingBox(tesseract::RIL_WORD, &word.left, &word.top, &word.right, &word.bottom);
    word.text = clean_recognised_text(utf8 ? std::string_view(utf8.get()) : std::string_view{});
    if (lines.empty() || it->IsAtBeginningOf(tesseract::RIL_TEXTLINE)) {
      lines.emplace_back();
      paragraph_starts.push_back(it->IsAtBeginningOf(tesseract::RIL_PARA));
    }
    if (word.text.empty()) continue;  // a ruled line read as "|"
    if (!holds_letter_or_digit(word.text) && it->Confidence(tesseract::RIL_WORD) < 60) continue;
    std::replace(word.text.begin(), word.text.end(), '\t', ' ');
    width_sum += word.right - word.left;
    characters += static_cast<double>(code_points(word.text));
    lines.back().push_back(std::move(word));
  } while (it->Next(tesseract::RIL_WORD));
  if (characters == 0) return {};
  const double char_width = std::max(1.0, width_sum / characters);
  const auto column_of = [&](int x) {
    return static_cast<std::size_t>(std::lround(std::max(0, x) / char_width));
  };

  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::vector<Word>& words = lines[i];
    if (words.empty()) continue;
    if (!out.empty()) out += paragraph_starts[i] ? "\n\n" : "\n";
    std::vector<int> heights;
    for (const Word& word : words)
      heights.push_back(word.bottom - word.top);
    std::nth_element(heights.begin(), heights.begin() + static_cast<long>(heights.size() / 2),
                     heights.end());
    const int height = heights[heights.size() / 2];
    std::size_t column = column_of(words.front().left);  // where the line's text is
    out.append(column, ' ');
    for (std::size_t w = 0; w < words.size(); ++w) {
      if (w > 0 && words[w].left - words[w - 1].right > 2 * height) {
        const std::size_t target = column_of(words[w].left);
        const std::size_t spaces = std::max<std::size_t>(3, target > column ? target - column : 0);
        out.append(spaces, ' ');
        column += spaces;
      } else if (w > 0) {
        out.push_back(' ');
        ++column;
      }
      out += words[w].text;
      column += code_points(words[w].text);
    }
  }
  return out;
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
  const std::string text = reading_order_from_physical(physical_layout(api));
  const std::unique_ptr<int[]> confidences(api.AllWordConfidences());
  api.Clear();
  if (confidences) {
    for (const int* c = confidences.get(); *c >= 0; ++c) {
      confidence_sum_ += static_cast<std::uint64_t>(*c);
      ++words_;
    }
  }
  if (options_.on_page) options_.on_page();
  return text;
}

#endif

}  // namespace vanban::indexer::detail
