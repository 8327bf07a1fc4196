// PDF text layers as a layout family (issue 11): every annotated document typed as an office
// types it under Decree 30 (office_layout.hpp: the header and the recipients | signature block
// in borderless two-column tables, a narrow left header column, page numbers in the top
// margin), printed to PDF by LibreOffice, then read back
//   - by the project's PDF reader (poppler's physical layout, columns put back), and
//   - as `pdftotext` gives it in its default mode (the real sets' PDF texts: the cells of a
//     table row come out one after the other or interleaved line by line, the page number
//     between the pages, the lines wrapped at the page's or the cell's width),
// must give the fields and citations of its own text. Skipped where LibreOffice or pdftotext
// (poppler-utils) is not installed.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <utility>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "vanban/analyzers/normalize.hpp"
#include "vanban/analyzers/structure.hpp"
#include "vanban/indexer/reader.hpp"

#include "annotated_documents.hpp"
#include "office_layout.hpp"
#include "test_support.hpp"

namespace vanban::indexer {
namespace {

namespace fs = std::filesystem;

// Each document in both header geometries: the narrow left column and the halves.
constexpr std::pair<const char*, testing::HeaderColumns> kGeometries[] = {
    {"", testing::HeaderColumns::narrow}, {"-halves", testing::HeaderColumns::halves}};

// What PDF producers do to Vietnamese text besides the layout.
// Marks as separate characters: a font whose text layer maps each glyph to a base letter and
// combining marks (NFD).
std::string decomposed(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  std::string out;
  nfd->normalize(icu::UnicodeString::fromUTF8(text), status).toUTF8String(out);
  return U_SUCCESS(status) ? out : text;
}

// A syllable cut by a stray space where a glyph was placed apart ("phổ biế n", "Quả ng"): every
// fourth word of letters with a marked vowel loses the space before its final consonants.
std::string split_syllables(const std::string& text) {
  static constexpr std::string_view kFinals[] = {"ng", "nh", "ch", "n", "c", "t", "p", "m"};
  std::string out;
  std::size_t count = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t end = i;
    while (end < text.size() && text[end] != ' ' && text[end] != '\n')
      ++end;
    std::string word = text.substr(i, end - i);
    const bool letters = !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
      return (static_cast<unsigned char>(c) & 0x80) != 0 || (c >= 'a' && c <= 'z') ||
             (c >= 'A' && c <= 'Z');
    });
    const bool marked = std::any_of(word.begin(), word.end(), [](char c) {
      return (static_cast<unsigned char>(c) & 0x80) != 0;
    });
    if (letters && marked && ++count % 4 == 0) {
      for (std::string_view final : kFinals) {
        if (word.size() > final.size() + 2 && word.ends_with(final) &&
            (static_cast<unsigned char>(word[word.size() - final.size() - 1]) & 0x80) != 0) {
          word.insert(word.size() - final.size(), " ");
          break;
        }
      }
    }
    out += word;
    if (end < text.size()) out += text[end];
    i = end + 1;
  }
  return out;
}

TEST(LayoutPdfText,
     an_office_pdf_read_by_the_reader_or_by_pdftotext_gives_the_fields_and_citations) {
  if (std::system("command -v soffice >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "LibreOffice (soffice) is not installed";
  if (std::system("command -v pdftotext >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
  const auto documents = testing::annotated_documents();
  ASSERT_GE(documents.size(), 30u);
  const testing::TempDir work;
  const fs::path in = work.path() / "in";
  const fs::path out = work.path() / "out";
  fs::create_directories(in);
  std::map<std::string, nlohmann::json> own_of;
  for (std::size_t i = 0; i < documents.size(); ++i) {
    const testing::AnnotatedDocument& document = documents[i];
    const nlohmann::json own = analyzers::extract_metadata(document.text);
    const std::string signer = testing::own_signer(own);
    const testing::DocumentParts parts = testing::read_parts(document.text, signer);
    for (const auto& [suffix, columns] : kGeometries) {
      const std::string name = "d" + std::to_string(i) + suffix;
      std::ofstream(in / (name + ".docx"), std::ios::binary)
          << testing::render_office_docx(parts, columns);
      own_of[name] = own;
    }
  }
  // One LibreOffice run prints every file; its own profile in the work folder, so that a
  // user's LibreOffice running at the same time is not disturbed and nothing is left behind.
  const std::string print = "cd '" + work.path().string() + "' && HOME='" + work.path().string() +
                            "' soffice --headless --norestore -env:UserInstallation=file://" +
                            (work.path() / "profile").string() +
                            " --convert-to pdf --outdir out in/*.docx >/dev/null 2>&1";
  ASSERT_EQ(std::system(print.c_str()), 0);
  const std::string to_text = "cd '" + out.string() +
                              "' && for f in *.pdf; do pdftotext -enc UTF-8 \"$f\" "
                              "\"${f%.pdf}.txt\" || exit 1; done";
  ASSERT_EQ(std::system(to_text.c_str()), 0);

  std::map<std::string, testing::Figures> by_family;       // against the document's own text
  std::map<std::string, testing::Figures> gold_by_family;  // against the annotations
  const char* dump = std::getenv("VANBAN_LAYOUT_DUMP");    // DIR: keep what was read
  for (std::size_t index = 0; index < documents.size() * std::size(kGeometries); ++index) {
    const testing::AnnotatedDocument& document = documents[index / std::size(kGeometries)];
    const auto& [suffix, columns] = kGeometries[index % std::size(kGeometries)];
    const std::string name = "d" + std::to_string(index / std::size(kGeometries)) + suffix;
    const std::string label = document.name + suffix;
    const fs::path pdf = out / (name + ".pdf");
    ASSERT_TRUE(fs::exists(pdf)) << document.name;
    auto read = read_document(document.name + ".pdf", testing::read_file(pdf));
    ASSERT_TRUE(read.ok()) << document.name << ": " << read.error().message;
    const std::string pdftotext =
        analyzers::decode_text(testing::read_file(out / (name + ".txt"))).text;
    const std::map<std::string, std::string> texts = {
        {"pdf_reader", read->text},
        {"pdftotext", pdftotext},
        {"pdftotext_nfd", analyzers::decode_text(decomposed(pdftotext)).text},
        {"pdftotext_split_syllables", split_syllables(pdftotext)}};
    if (dump)
      fs::copy_file(pdf, fs::path(dump) / (label + ".pdf"), fs::copy_options::overwrite_existing);
    for (const auto& [family, text] : texts) {
      if (dump) std::ofstream(fs::path(dump) / (label + "." + family + ".txt")) << text;
      const nlohmann::json got = analyzers::extract_metadata(text);
      const nlohmann::json& own = own_of[name];
      const std::string where = label + " " + family;
      testing::compare(got, testing::fields_of(own), testing::citation_keys(own), by_family[family],
                       where);
      testing::compare(got, document.fields, document.citation_keys, gold_by_family[family], where);
    }
  }
  testing::report_formats(
      "PDF text layers of offices' files printed by LibreOffice (two header geometries each)",
      documents.size(), by_family, gold_by_family);
}

}  // namespace
}  // namespace vanban::indexer
