// Layout invariance (issue 11): every annotated document (the structure fixtures, the gold
// annotations of ../shared/corpus, realdocs' annotated documents) is rendered in each layout
// family of tests/support/layout_renderer.hpp; extraction must give the fields and citations the
// document's own text gives. Prints per family the agreement with the document's own text and
// the accuracy against the annotations (docs/EXTRACTION.md reports these figures).
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "vanban/analyzers/normalize.hpp"
#include "vanban/analyzers/structure.hpp"
#include "vanban/analyzers/symbol.hpp"

#include "annotated_documents.hpp"
#include "layout_renderer.hpp"
#include "test_support.hpp"

namespace vanban::analyzers {
namespace {

using testing::citation_keys;
using testing::compare;
using testing::fields_of;
using testing::Figures;
using testing::Layout;
using testing::page_title;

void print_row(const char* family, const Figures& against_text, const Figures& against_gold) {
  std::printf(
      "  %-20s fields %.3f (%d/%d)  citations P %.3f R %.3f  | annotations: fields %.3f "
      "(%d/%d) citations P %.3f R %.3f\n",
      family, against_text.fields(), against_text.fields_right, against_text.fields_total,
      against_text.precision(), against_text.recall(), against_gold.fields(),
      against_gold.fields_right, against_gold.fields_total, against_gold.precision(),
      against_gold.recall());
}

TEST(LayoutInvariance, every_layout_family_gives_the_fields_and_citations_of_the_text) {
  const std::vector<testing::AnnotatedDocument> documents = testing::annotated_documents();
  ASSERT_GE(documents.size(), 30u);  // the fixtures at least; more with the corpus

  std::map<std::string, Figures> by_family;       // against the document's own text
  std::map<std::string, Figures> gold_by_family;  // against the annotations
  std::map<std::string, Figures> gold_by_source;  // the document's own text, per source
  for (const testing::AnnotatedDocument& document : documents) {
    const nlohmann::json own = extract_metadata(document.text);
    const nlohmann::json own_fields = fields_of(own);
    compare(own, document.fields, document.citation_keys, gold_by_source[document.source],
            document.name + " as written");
    compare(own, document.fields, document.citation_keys, gold_by_family["as_written"],
            document.name + " as written");
    const std::string signer = testing::own_signer(own);
    const testing::DocumentParts parts = testing::read_parts(document.text, signer);
    for (const Layout layout : testing::kTextLayouts) {
      const std::string family(testing::layout_name(layout));
      const std::string rendered = testing::render(parts, layout, page_title(own));
      const nlohmann::json got = extract_metadata(rendered);
      const std::string label = document.name + " " + family;
      compare(got, own_fields, citation_keys(own), by_family[family], label);
      compare(got, document.fields, document.citation_keys, gold_by_family[family], label);
    }
  }

  std::printf("Layout invariance over %zu annotated documents\n", documents.size());
  std::printf("  per source, the document's own text against the annotations:\n");
  for (const auto& [source, figures] : gold_by_source)
    std::printf("    %-12s fields %.3f (%d/%d)  citations P %.3f R %.3f\n", source.c_str(),
                figures.fields(), figures.fields_right, figures.fields_total, figures.precision(),
                figures.recall());
  std::printf("  per layout family, against the document's own text | against the annotations:\n");
  print_row("as_written", Figures{}, gold_by_family["as_written"]);
  for (const Layout layout : testing::kTextLayouts) {
    const std::string family(testing::layout_name(layout));
    print_row(family.c_str(), by_family[family], gold_by_family[family]);
  }
  for (const Layout layout : testing::kTextLayouts) {
    const std::string family(testing::layout_name(layout));
    const Figures& figures = by_family[family];
    EXPECT_GE(figures.fields(), 0.95) << family;
    EXPECT_GE(figures.precision(), 0.97) << family;
    EXPECT_GE(figures.recall(), 0.97) << family;
  }
}

}  // namespace
}  // namespace vanban::analyzers
