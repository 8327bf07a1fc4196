// Layout invariance through a scanner (issue 11): offices publish many documents as scans, and
// the archive reads them through its own OCR. A subset of the annotated documents, written as a
// DOCX with its header and signature block in tables, printed to PDF by LibreOffice, rasterised
// in gray at the resolutions offices scan at (200 and 300 dpi, pdftoppm), and each page read by
// the project's image reader (Tesseract), must give the fields and citations of its own text.
// One LibreOffice run and one pdftoppm run per resolution make every page (the pages are made
// once per run); skipped without LibreOffice, pdftoppm or Tesseract's Vietnamese data.
// VANBAN_SCAN_ALL=1 scans every annotated document (the figures of docs/EXTRACTION.md);
// VANBAN_LAYOUT_DUMP=DIR keeps the recognised texts; VANBAN_LAYOUT_VERBOSE=1 prints the misses.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "vanban/analyzers/structure.hpp"
#include "vanban/indexer/reader.hpp"

#include "annotated_documents.hpp"
#include "layout_formats.hpp"
#include "sanitizer_stride.hpp"
#include "test_support.hpp"

namespace vanban::indexer {
namespace {

namespace fs = std::filesystem;

bool ocr_available() {
  // A blank 32x32 gray PNG would be read as "no text"; not installed says so in its message.
  const auto read = read_document("probe.png", std::string("\x89PNG\r\n\x1a\n", 8));
  return read.ok() || !read.error().message.starts_with("no text layer; OCR not installed");
}

// The pages of one scanned PDF as pdftoppm names them (prefix-1.png, prefix-01.png, ...),
// in page order.
std::vector<fs::path> pages_of(const fs::path& folder, const std::string& prefix) {
  std::vector<std::pair<int, fs::path>> pages;
  for (const auto& entry : fs::directory_iterator(folder)) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with(prefix + "-") || !name.ends_with(".png")) continue;
    const std::string number = name.substr(prefix.size() + 1, name.size() - prefix.size() - 5);
    pages.emplace_back(std::stoi(number), entry.path());
  }
  std::sort(pages.begin(), pages.end());
  std::vector<fs::path> paths;
  for (auto& [number, path] : pages)
    paths.push_back(std::move(path));
  return paths;
}

TEST(LayoutScan, a_printed_document_scanned_at_200_and_300_dpi_gives_the_fields_of_its_text) {
  if (std::system("command -v soffice >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "LibreOffice (soffice) is not installed";
  if (std::system("command -v pdftoppm >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "pdftoppm (poppler-utils) is not installed";
  if (!ocr_available()) GTEST_SKIP() << "Tesseract or its vie traineddata is not installed";
  const auto documents = testing::annotated_documents();
  ASSERT_GE(documents.size(), 30u);
  // Every fourth document (the CI's bounded cost: a dozen documents, a few pages each), or all.
  // Under the sanitizers' stride N every 4N-th (their OCR is Tesseract's work, the same as in
  // the plain build; what is Vanban's, reading the pages and the fields, is still run).
  const bool all = std::getenv("VANBAN_SCAN_ALL") != nullptr;
  const std::size_t stride = testing::sanitizer_stride();
  const std::size_t step = (all ? 1 : 4) * stride;
  const testing::TempDir work;
  const fs::path in = work.path() / "in";
  const fs::path out = work.path() / "out";
  fs::create_directories(in);
  std::map<std::string, nlohmann::json> own_of;
  std::map<std::string, std::size_t> document_of;
  for (std::size_t i = 0; i < documents.size(); i += step) {
    const testing::AnnotatedDocument& document = documents[i];
    const nlohmann::json own = analyzers::extract_metadata(document.text);
    const std::string signer = testing::own_signer(own);
    const std::string name = "d" + std::to_string(i);
    std::ofstream(in / (name + ".docx"), std::ios::binary)
        << testing::render_docx(testing::read_parts(document.text, signer));
    own_of[name] = own;
    document_of[name] = i;
  }
  const std::string command = "cd '" + work.path().string() + "' && HOME='" + work.path().string() +
                              "' soffice --headless --norestore -env:UserInstallation=file://" +
                              (work.path() / "profile").string() +
                              " --convert-to pdf --outdir out in/*.docx >/dev/null 2>&1";
  ASSERT_EQ(std::system(command.c_str()), 0);

  std::map<std::string, testing::Figures> by_scan;       // against the document's own text
  std::map<std::string, testing::Figures> gold_by_scan;  // against the annotations
  for (const int dpi : {200, 300}) {
    const std::string scan = std::to_string(dpi) + "dpi";
    const fs::path pages = work.path() / scan;
    fs::create_directories(pages);
    for (const auto& [name, index] : document_of) {
      const testing::AnnotatedDocument& document = documents[index];
      const fs::path pdf = out / (name + ".pdf");
      ASSERT_TRUE(fs::exists(pdf)) << document.name;
      const std::string rasterise = "pdftoppm -gray -png -r " + std::to_string(dpi) + " '" +
                                    pdf.string() + "' '" + (pages / name).string() + "'";
      ASSERT_EQ(std::system(rasterise.c_str()), 0) << document.name;
      std::string text;
      const auto files = pages_of(pages, name);
      ASSERT_FALSE(files.empty()) << document.name;
      for (const fs::path& page : files) {
        auto read = read_document(page.filename().string(), testing::read_file(page));
        ASSERT_TRUE(read.ok()) << document.name << " " << page << ": " << read.error().message;
        ASSERT_TRUE(read->ocr.has_value());
        if (!text.empty()) text += "\n\n";
        text += read->text;
      }
      if (const char* dump = std::getenv("VANBAN_LAYOUT_DUMP"))
        std::ofstream(fs::path(dump) / (document.name + "." + scan + ".txt")) << text;
      const nlohmann::json got = analyzers::extract_metadata(text);
      const std::string label = document.name + " " + scan;
      testing::compare(got, testing::fields_of(own_of[name]), testing::citation_keys(own_of[name]),
                       by_scan[scan], label);
      testing::compare(got, document.fields, document.citation_keys, gold_by_scan[scan], label);
    }
  }
  std::printf("Layout invariance through a scanner (OCR), %zu of %zu annotated documents%s\n",
              document_of.size(), documents.size(),
              stride > 1 ? " (VANBAN_SANITIZER_STRIDE: figures not asserted)" : "");
  for (const auto& [scan, figures] : by_scan) {
    const testing::Figures& gold = gold_by_scan.at(scan);
    std::printf(
        "  %-6s fields %.3f (%d/%d)  citations P %.3f R %.3f  | annotations: fields %.3f "
        "(%d/%d) citations P %.3f R %.3f\n",
        scan.c_str(), figures.fields(), figures.fields_right, figures.fields_total,
        figures.precision(), figures.recall(), gold.fields(), gold.fields_right, gold.fields_total,
        gold.precision(), gold.recall());
    if (stride > 1) continue;  // a handful of documents: the plain build asserts the floors
    // Floors below the figures measured with the OCR-slip rules (docs/EXTRACTION.md, session
    // 12: 200 dpi 0.98, 300 dpi 0.96 of the fields; before them 300 dpi gave 0.87); the rest is
    // what no rule can prove (a word garbled beyond its marks, a footnote mark read as a digit).
    EXPECT_GE(figures.fields(), 0.92) << scan;
    EXPECT_GE(figures.precision(), 0.93) << scan;
    EXPECT_GE(figures.recall(), 0.90) << scan;
  }
}

}  // namespace
}  // namespace vanban::indexer
