// Layout invariance through the readers (issue 11): every annotated document written as an HTML
// page and as a DOCX file with the header and signature block in tables, read back as a user's
// file is, must give the fields and citations its own text gives.
#include "layout_formats.hpp"

#include <cstdio>
#include <map>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "vanban/analyzers/structure.hpp"
#include "vanban/indexer/reader.hpp"

#include "annotated_documents.hpp"
#include "test_support.hpp"

namespace vanban::indexer {
namespace {

TEST(LayoutFormats, html_and_docx_with_header_tables_give_the_fields_and_citations_of_the_text) {
  const auto documents = testing::annotated_documents();
  ASSERT_GE(documents.size(), 30u);
  std::map<std::string, testing::Figures> by_format;       // against the document's own text
  std::map<std::string, testing::Figures> gold_by_format;  // against the annotations
  for (const testing::AnnotatedDocument& document : documents) {
    const nlohmann::json own = analyzers::extract_metadata(document.text);
    const std::string signer = testing::own_signer(own);
    const testing::DocumentParts parts = testing::read_parts(document.text, signer);
    for (const std::string format : {"html", "docx"}) {
      const std::string bytes =
          format == "html" ? testing::render_html(parts) : testing::render_docx(parts);
      auto read = read_document(document.name + "." + format, bytes);
      ASSERT_TRUE(read.ok()) << document.name << " " << format;
      const nlohmann::json got = analyzers::extract_metadata(read->text);
      const std::string label = document.name + " " + format;
      testing::compare(got, testing::fields_of(own), testing::citation_keys(own), by_format[format],
                       label);
      testing::compare(got, document.fields, document.citation_keys, gold_by_format[format], label);
    }
  }
  testing::report_formats("Layout invariance through the readers", documents.size(), by_format,
                          gold_by_format);
}

}  // namespace
}  // namespace vanban::indexer
