// The spelling at a folded word's position, read without the exact forms' positions (the index
// has none): from the heading's exact terms, the stored text through the passage map, and the
// whole document where the map is missing or does not fit the text.
#include "document_spellings.hpp"

#include <gtest/gtest.h>

#include "archive_fixtures.hpp"
#include "document_builder.hpp"
#include "exact_phrase.hpp"
#include "schema.hpp"

namespace vanban::archive {
namespace {

std::string long_body() {
  const char* words[] = {"một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám"};
  std::string text;
  for (int i = 0; i < 300; ++i) {
    text += std::string(words[i % 8]) + " ";
    if (i == 40) text += "dần vận ";
    if (i == 150) text += "Dân vận, 33/CT-TTg dẫn ";
    if (i == 260) text += "dân dã ";
  }
  return text;
}

ArchivedDocument document_with(const std::string& title, const std::string& text) {
  ArchivedDocument document = testing::plan_document("32/KH-UBND", title);
  document.id = "0123456789abcdef";
  document.sha256 = std::string(64, 'a');
  document.paths = {"a.txt"};
  document.text = text;
  return document;
}

// The exact form at every position of `folded`, as the whole document's tokens give it.
std::vector<std::string> truth(const ArchivedDocument& document, const std::string& folded) {
  std::vector<std::pair<Xapian::termpos, std::string>> at;
  place_free_text(document,
                  [&](const analyzers::Token& token, Xapian::termpos position, FreeTextField) {
                    if (token.folded == folded && token.kind != analyzers::TokenKind::symbol)
                      at.emplace_back(position, std::string(token.lower));
                  });
  std::vector<std::string> out;
  for (const auto& [position, form] : at)
    out.push_back(form);
  return out;
}

void expect_spellings_read_right(Xapian::Document built, const ArchivedDocument& document) {
  Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const Xapian::docid docid = database.add_document(built);
  DocumentSpellings spellings(database, docid);
  const std::vector<Xapian::termpos> positions = spellings.folded_positions("dan");
  ASSERT_EQ(positions.size(), truth(document, "dan").size());
  EXPECT_EQ(spellings.forms_at({"dân", "dần", "dẫn"}, "dan", positions), truth(document, "dan"));
  const std::vector<std::string> expected = truth(document, "dan");
  std::vector<Xapian::termpos> dan;
  for (std::size_t i = 0; i < positions.size(); ++i)
    if (expected[i] == "dân") dan.push_back(positions[i]);
  EXPECT_EQ(spellings.spelled("dân", "dan", positions), dan);
  EXPECT_EQ(dan.size(), 4U);  // the title's, the issuer's (Ủy ban nhân dân), two in the body

  EXPECT_TRUE(ExactPhraseSource::holds(database, docid, {{"dan", "dân"}, {"van", "vận"}}));
  EXPECT_TRUE(ExactPhraseSource::holds(database, docid, {{"dan", "dần"}, {"van", "vận"}}));
  EXPECT_TRUE(ExactPhraseSource::holds(database, docid, {{"dan", "dân"}, {"da", ""}}));
  EXPECT_FALSE(ExactPhraseSource::holds(database, docid, {{"dan", "dẫn"}, {"van", "vận"}}));
  EXPECT_FALSE(ExactPhraseSource::holds(database, docid, {{"dan", "dần"}, {"da", ""}}));
  EXPECT_FALSE(ExactPhraseSource::holds(database, docid, {{"dan", "dân"}, {"van", "văn"}}));
}

TEST(DocumentSpellings, reads_the_spelling_at_each_position_through_the_passage_map) {
  const ArchivedDocument document = document_with("Công tác dân vận khéo", long_body());
  expect_spellings_read_right(build_xapian_document(document), document);
}

TEST(DocumentSpellings, reads_the_whole_document_without_a_passage_map) {
  const ArchivedDocument document = document_with("Công tác dân vận khéo", long_body());
  Xapian::Document built = build_xapian_document(document);
  built.remove_value(schema::kPassageSlot);
  expect_spellings_read_right(built, document);
}

TEST(DocumentSpellings, reads_the_whole_document_where_the_map_does_not_fit_the_text) {
  const ArchivedDocument document = document_with("Công tác dân vận khéo", long_body());
  Xapian::Document built = build_xapian_document(document);
  auto map = schema::unserialise_passage_map(built.get_value(schema::kPassageSlot));
  ASSERT_TRUE(map);
  ASSERT_GT(map->offsets.size(), 3U);
  map->offsets[2] += 4;  // a sample pointing inside a stretch of other length
  built.add_value(schema::kPassageSlot, schema::serialise_passage_map(*map));
  expect_spellings_read_right(built, document);
}

}  // namespace
}  // namespace vanban::archive
