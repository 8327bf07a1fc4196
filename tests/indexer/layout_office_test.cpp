// Layout invariance through files another program wrote (issue 11): every annotated document
// written as a DOCX with its header and signature block in tables, then printed to PDF by
// LibreOffice (the way most offices make the PDFs they publish: two header columns side by
// side, the signature at the right) and saved as ODT by it, and read back by the PDF and ODT
// readers, must give the fields and citations of its own text. One LibreOffice run per format
// converts every document; skipped where LibreOffice is not installed.
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
#include "test_support.hpp"

namespace vanban::indexer {
namespace {

namespace fs = std::filesystem;

TEST(LayoutOffice,
     a_docx_printed_to_pdf_or_saved_as_odt_gives_the_fields_and_citations_of_the_text) {
  if (std::system("command -v soffice >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "LibreOffice (soffice) is not installed";
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
    const std::string name = "d" + std::to_string(i);
    std::ofstream(in / (name + ".docx"), std::ios::binary)
        << testing::render_docx(testing::read_parts(document.text, signer));
    own_of[name] = own;
  }
  std::map<std::string, testing::Figures> by_format;       // against the document's own text
  std::map<std::string, testing::Figures> gold_by_format;  // against the annotations
  for (const std::string format : {"pdf", "odt"}) {
    // Its own profile in the work folder: a user's LibreOffice running at the same time is not
    // disturbed, and nothing is left behind.
    const std::string command = "cd '" + work.path().string() + "' && HOME='" +
                                work.path().string() +
                                "' soffice --headless --norestore -env:UserInstallation=file://" +
                                (work.path() / "profile").string() + " --convert-to " + format +
                                " --outdir out in/*.docx >/dev/null 2>&1";
    ASSERT_EQ(std::system(command.c_str()), 0) << format;
    for (std::size_t i = 0; i < documents.size(); ++i) {
      const testing::AnnotatedDocument& document = documents[i];
      const std::string name = "d" + std::to_string(i);
      const fs::path file = out / (name + "." + format);
      ASSERT_TRUE(fs::exists(file)) << document.name << " " << format;
      auto read = read_document(document.name + "." + format, testing::read_file(file));
      ASSERT_TRUE(read.ok()) << document.name << " " << format << ": " << read.error().message;
      // VANBAN_LAYOUT_DUMP=DIR keeps what the reader read, to look at a difference.
      if (const char* dump = std::getenv("VANBAN_LAYOUT_DUMP"))
        std::ofstream(fs::path(dump) / (document.name + "." + format + ".txt")) << read->text;
      const nlohmann::json got = analyzers::extract_metadata(read->text);
      const nlohmann::json& own = own_of[name];
      const std::string label = document.name + " " + format;
      testing::compare(got, testing::fields_of(own), testing::citation_keys(own), by_format[format],
                       label);
      testing::compare(got, document.fields, document.citation_keys, gold_by_format[format], label);
    }
  }
  testing::report_formats("Layout invariance through LibreOffice's files", documents.size(),
                          by_format, gold_by_format);
}

}  // namespace
}  // namespace vanban::indexer
