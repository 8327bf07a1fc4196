// OCR accuracy and speed on the real scan of ../shared/corpus/real/scanned-pdf-samples: the
// text read_document() recognises against the transcription made by reading the page images
// (tests/indexer/fixtures/ocr/kh-753), for each rendering resolution and preprocessing.
// Prints a Markdown table: CER, WER (tests/support/error_rate.hpp), seconds per page, the
// engine's confidence. The speed peer, in the same run and at the same resolution: poppler's
// pdftoppm and the tesseract command (one thread, OMP_THREAD_LIMIT=1, vie, automatic page
// segmentation) on the same pages, so the seconds compare as ratios on a busy machine.
//
//   bench_ocr_accuracy [--dpi 200,300,400] [--preprocess none,deskew,sauvola] [--dump DIR]
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "vanban/indexer/reader.hpp"

#include "error_rate.hpp"

namespace {

namespace fs = std::filesystem;
using namespace vanban;

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<std::string> split(const std::string& list) {
  std::vector<std::string> out;
  std::stringstream in(list);
  for (std::string item; std::getline(in, item, ',');)
    out.push_back(item);
  return out;
}

const char* name_of(indexer::OcrPreprocess preprocess) {
  switch (preprocess) {
    case indexer::OcrPreprocess::none:
      return "none";
    case indexer::OcrPreprocess::deskew:
      return "deskew";
    case indexer::OcrPreprocess::sauvola:
      return "sauvola";
  }
  return "?";
}

// Seconds per page of the command-line peer at `dpi`, or a negative number when its tools
// are missing.
double peer_seconds_per_page(const fs::path& pdf, const std::string& dpi, int pages) {
  if (std::system("command -v pdftoppm >/dev/null && command -v tesseract >/dev/null") != 0)
    return -1;
  const fs::path work = fs::temp_directory_path() / ("vanban-ocr-peer-" + dpi);
  fs::create_directories(work);
  const auto start = std::chrono::steady_clock::now();
  std::string command = "pdftoppm -r " + dpi + " -gray -png '" + pdf.string() + "' '" +
                        (work / "p").string() + "' && cd '" + work.string() +
                        "' && for f in p-*.png; " +
                        "do OMP_THREAD_LIMIT=1 tesseract \"$f\" - -l vie --psm 3 >/dev/null 2>&1 " +
                        "|| exit 1; done";
  const int status = std::system(command.c_str());
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  fs::remove_all(work);
  return status == 0 ? seconds / pages : -1;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> dpis = {"200", "300", "400"};
  std::vector<std::string> preprocesses = {"none", "deskew", "sauvola"};
  fs::path dump;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--dpi") dpis = split(argv[i + 1]);
    if (flag == "--preprocess") preprocesses = split(argv[i + 1]);
    if (flag == "--dump") dump = argv[i + 1];
  }
  const fs::path scans = fs::path(VANBAN_SHARED_DIR) / "corpus/real/scanned-pdf-samples";
  const fs::path truth = fs::path(VANBAN_SOURCE_DIR) / "tests/indexer/fixtures/ocr/kh-753";
  fs::path pdf;
  if (fs::exists(scans))
    for (const auto& entry : fs::directory_iterator(scans))
      if (entry.path().extension() == ".pdf") pdf = entry.path();
  if (pdf.empty()) {
    std::cerr << "no scan in " << scans << "\n";
    return 0;
  }
  std::string reference;
  for (int page = 1; fs::exists(truth / ("page-" + std::to_string(page) + ".txt")); ++page)
    reference += read_all(truth / ("page-" + std::to_string(page) + ".txt")) + "\n";
  const std::string bytes = read_all(pdf);

  std::cout << "| dpi | preprocessing | CER | WER | s/page | ÷ peer s/page | confidence |\n"
            << "| --- | --- | --- | --- | --- | --- | --- |\n";
  for (const std::string& dpi : dpis) {
    double peer = 0;  // measured beside the first variant of this resolution
    for (const std::string& preprocess : preprocesses) {
      indexer::ReadOptions options;
      options.ocr.pdf_dpi = std::stoi(dpi);
      options.ocr.preprocess = preprocess == "deskew"    ? indexer::OcrPreprocess::deskew
                               : preprocess == "sauvola" ? indexer::OcrPreprocess::sauvola
                                                         : indexer::OcrPreprocess::none;
      // Once to load the engine (a second, once per thread in a run), then measured.
      if (dpi == dpis.front() && preprocess == preprocesses.front())
        (void)indexer::read_document(pdf, bytes, options);
      const auto start = std::chrono::steady_clock::now();
      auto read = indexer::read_document(pdf, bytes, options);
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (!read || !read->ocr) {
        std::cerr << "not recognised: " << (read ? "no OCR" : read.error().message) << "\n";
        return 1;
      }
      if (!dump.empty()) {
        fs::create_directories(dump);
        std::ofstream(dump / (dpi + "-" + preprocess + ".txt")) << read->text;
      }
      const auto cer = testing::character_error_rate(reference, read->text);
      const auto wer = testing::word_error_rate(reference, read->text);
      const double per_page = seconds / read->ocr->pages;
      if (peer == 0) peer = peer_seconds_per_page(pdf, dpi, static_cast<int>(read->ocr->pages));
      char ratio[64] = "–";
      if (peer > 0) std::snprintf(ratio, sizeof ratio, "%.2f (peer %.1f)", per_page / peer, peer);
      std::printf("| %s | %s | %.2f%% (%zu/%zu) | %.2f%% (%zu/%zu) | %.1f | %s | %u%% |\n",
                  dpi.c_str(), name_of(options.ocr.preprocess), 100 * cer.rate(), cer.errors,
                  cer.reference, 100 * wer.rate(), wer.errors, wer.reference, per_page, ratio,
                  read->ocr->confidence);
      std::fflush(stdout);
    }
  }
  return 0;
}
