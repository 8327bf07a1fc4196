#include "document_builder.hpp"

#include <string>
#include <string_view>
#include <utility>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "vanban/analyzers/fold.hpp"

#include "archive_fixtures.hpp"
#include "schema.hpp"

namespace vanban::archive {
namespace {

ArchivedDocument archived_plan() {
  ArchivedDocument document =
      testing::plan_document("32/KH-UBND", "Triển khai công tác dân vận khéo");
  document.id = "0123456789abcdef";
  document.sha256 = std::string(64, 'a');
  document.paths = {"a/kh-32.txt", "b/kh-32.txt"};
  document.format = "pdf";
  return document;
}

bool has_term(const Xapian::Document& document, const std::string& term) {
  auto it = document.termlist_begin();
  it.skip_to(term);
  return it != document.termlist_end() && *it == term;
}

Xapian::termcount wdf_of(const Xapian::Document& document, const std::string& term) {
  auto it = document.termlist_begin();
  it.skip_to(term);
  return it != document.termlist_end() && *it == term ? it.get_wdf() : 0;
}

std::vector<Xapian::termpos> positions_of(const Xapian::Document& document,
                                          const std::string& term) {
  auto it = document.termlist_begin();
  it.skip_to(term);
  if (it == document.termlist_end() || *it != term) return {};
  return {it.positionlist_begin(), it.positionlist_end()};
}

// Exact positions only for words spelled several ways (SCHEMA.md): the folded form carries them
// all; the exact form of a word a document spells one way only its frequency (the same as the
// folded form's), those of a word it spells several ways their positions, the word marked by a
// kOtherSpellings term; the heading's and the title's exact forms keep theirs.
TEST(DocumentBuilder, indexes_both_forms_with_positions_on_the_folded_one) {
  ArchivedDocument document = archived_plan();
  document.text = "Dân vận khéo, dần dần khéo";
  const Xapian::Document built = build_xapian_document(document);
  EXPECT_TRUE(has_term(built, "khéo"));
  EXPECT_TRUE(has_term(built, "Zkheo"));
  EXPECT_TRUE(positions_of(built, "khéo").empty());
  EXPECT_EQ(positions_of(built, "Zkheo").size(), 3U);  // the title's and the body's two
  EXPECT_EQ(wdf_of(built, "khéo"), wdf_of(built, "Zkheo"));
  EXPECT_LT(wdf_of(built, "dân"), wdf_of(built, "Zdan"));  // dần is another spelling
  EXPECT_EQ(wdf_of(built, "dân") + wdf_of(built, "dần"), wdf_of(built, "Zdan"));
  // dân and dần: both with their positions, the word marked as spelled several ways.
  EXPECT_EQ(positions_of(built, "dần").size(), 2U);
  EXPECT_EQ(positions_of(built, "dân").size(), 3U);  // title, issuer (Ủy ban nhân dân), body
  EXPECT_EQ(positions_of(built, "dân").size() + positions_of(built, "dần").size(),
            positions_of(built, "Zdan").size());
  EXPECT_TRUE(has_term(built, schema::term(schema::kOtherSpellings, "dan")));
  EXPECT_EQ(wdf_of(built, schema::term(schema::kOtherSpellings, "dan")), 0U);
  EXPECT_FALSE(has_term(built, schema::term(schema::kOtherSpellings, "kheo")));
  EXPECT_EQ(positions_of(built, schema::term(schema::kHeadingExact, "khéo")),
            positions_of(built, schema::term(schema::kHeading, "kheo")));
  EXPECT_EQ(positions_of(built, schema::term(schema::kTitleExact, "khéo")),
            positions_of(built, schema::term(schema::kTitleFolded, "kheo")));
  EXPECT_FALSE(positions_of(built, schema::term(schema::kHeadingExact, "khéo")).empty());
}

// A word's exact form stands only where its folded form does, and never more often, in every
// field that indexes both (exact_within_folded, which lets the first phase's walk seek an exact
// form's list only where its weight could count). Not so of a symbol: its folded form is its key.
TEST(DocumentBuilder, a_words_exact_form_stands_within_its_folded_form) {
  ArchivedDocument document = archived_plan();
  document.metadata.title = "Về công tác THUỶ lợi, hoà giải và Hòa bình năm 2026";
  document.text =
      "Hoà hòa HOÀ thuỷ thủy Đường đường duong Khéo khéo kheo 1975 covid-19 e-mail 1.000 "
      "Quyết định số 033/QĐ-UBND, Nghị định 12/2020/NĐ-CP và Chỉ thị 206-CP. Thủy lợi.";
  const Xapian::Document built = build_xapian_document(document);
  const std::pair<std::string_view, std::string_view> fields[] = {
      {"", schema::kFolded},
      {schema::kTitleExact, schema::kTitleFolded},
      {schema::kHeadingExact, schema::kHeading}};
  std::size_t covered = 0;
  for (auto it = built.termlist_begin(); it != built.termlist_end(); ++it) {
    const std::string term = *it;
    for (const auto& [exact, folded] : fields) {
      if (!term.starts_with(exact) || term.size() == exact.size()) continue;
      const std::string candidate =
          std::string(folded) + analyzers::fold(std::string_view(term).substr(exact.size()));
      if (!exact_within_folded(term, candidate)) continue;
      ++covered;
      EXPECT_GE(wdf_of(built, candidate), it.get_wdf()) << term << " " << candidate;
      EXPECT_TRUE(has_term(built, candidate)) << term << " " << candidate;
    }
  }
  EXPECT_GT(covered, 30U);
  // The rule on made-up terms: the fold of the form, in the same field.
  EXPECT_TRUE(exact_within_folded("hòa", "Zhoa"));
  EXPECT_TRUE(exact_within_folded("đường", "Zduong"));
  EXPECT_TRUE(exact_within_folded("2026", "Z2026"));
  EXPECT_TRUE(exact_within_folded("XJEthủy", "XJthuy"));
  EXPECT_TRUE(exact_within_folded("XSthủy", "Sthuy"));
  EXPECT_FALSE(exact_within_folded("hòa", "Zhoan"));
  EXPECT_FALSE(exact_within_folded("hòa", "XJhoa"));
  EXPECT_FALSE(exact_within_folded("XJEhòa", "Zhoa"));
  EXPECT_FALSE(exact_within_folded("Khòa", "Zkhoa"));
  EXPECT_FALSE(exact_within_folded("", "Z"));
  // A symbol's exact form beside a folded form that is not its fold (its key drops the zero).
  EXPECT_TRUE(has_term(built, "033/qđ-ubnd"));
  EXPECT_FALSE(has_term(built, "Z033/qd-ubnd"));
  EXPECT_FALSE(exact_within_folded("033/qđ-ubnd", "Z033/qd-ubnd"));
  EXPECT_FALSE(exact_within_folded("covid-19", "Zcovid-19"));
}

TEST(DocumentBuilder, adjacent_words_get_adjacent_positions) {
  const Xapian::Document built = build_xapian_document(archived_plan());
  for (const Xapian::termpos position : positions_of(built, "Zdan")) {
    const auto next = positions_of(built, "Zvan");
    if (std::find(next.begin(), next.end(), position + 1) != next.end()) return;
  }
  ADD_FAILURE() << "\"dân vận\" not found as a phrase";
}

TEST(DocumentBuilder, symbol_sits_where_its_parts_begin) {
  ArchivedDocument document = archived_plan();
  document.metadata = {};
  document.text = "Thực hiện Chỉ thị số 33/CT-TTg ngày 26 tháng 11";
  const Xapian::Document built = build_xapian_document(document);
  const auto symbol = positions_of(built, "Z33/ct-ttg");
  const auto first_part = positions_of(built, "Z33");
  ASSERT_EQ(symbol.size(), 1U);
  EXPECT_EQ(symbol, first_part);
  EXPECT_TRUE(has_term(built, "33/ct-ttg"));
  EXPECT_EQ(positions_of(built, "Zttg"), std::vector<Xapian::termpos>{symbol[0] + 2});
  EXPECT_EQ(positions_of(built, "Zngay"), std::vector<Xapian::termpos>{symbol[0] + 3});
}

TEST(DocumentBuilder, title_words_weigh_more_than_body_words) {
  ArchivedDocument document = archived_plan();
  document.metadata.title = "Dân vận";
  document.text = "công tác năm";
  const Xapian::Document built = build_xapian_document(document);
  EXPECT_GT(wdf_of(built, "Zvan"), wdf_of(built, "Zcong"));
}

TEST(DocumentBuilder, adds_boolean_terms_for_filters) {
  const Xapian::Document built = build_xapian_document(archived_plan());
  EXPECT_TRUE(has_term(built, "Q0123456789abcdef"));
  EXPECT_TRUE(has_term(built, "K32/kh-ubnd"));
  EXPECT_TRUE(has_term(built, "XC33/ct-ttg"));
  EXPECT_TRUE(has_term(
      built, schema::term(schema::kIssuer, schema::issuer_key("Ủy ban nhân dân thành phố Huế"))));
  EXPECT_TRUE(has_term(built, "XTke hoach"));
  EXPECT_TRUE(has_term(built, "Y2026"));
  EXPECT_TRUE(has_term(built, "XM202601"));
  EXPECT_TRUE(has_term(built, "XP" + schema::path_key("a/kh-32.txt")));
  EXPECT_TRUE(has_term(built, "XP" + schema::path_key("b/kh-32.txt")));
  EXPECT_TRUE(has_term(built, "XH" + std::string(64, 'a')));
  EXPECT_TRUE(has_term(built, "XFpdf"));
}

TEST(DocumentBuilder, fills_value_slots_for_sorting_and_facets) {
  const Xapian::Document built = build_xapian_document(archived_plan());
  EXPECT_EQ(built.get_value(schema::kDateSlot), "20260131");
  EXPECT_EQ(built.get_value(schema::kYearSlot), "2026");
  EXPECT_EQ(built.get_value(schema::kIssuerSlot), "Ủy ban nhân dân thành phố Huế");
  EXPECT_EQ(built.get_value(schema::kTypeSlot), "Kế hoạch");
  EXPECT_EQ(built.get_value(schema::kNumberSlot), "32/KH-UBND");
  EXPECT_EQ(schema::unserialise_list(built.get_value(schema::kCitesSlot)),
            std::vector<std::string>{"33/CT-TTg"});
  EXPECT_EQ(schema::unserialise_list(built.get_value(schema::kPathsSlot)),
            (std::vector<std::string>{"a/kh-32.txt", "b/kh-32.txt"}));
}

TEST(DocumentBuilder, stores_metadata_as_json_and_the_text_verbatim_after_it) {
  ArchivedDocument document = archived_plan();
  document.text += "\n\"quoted\" \\ and a NUL \0 inside";
  const std::string data = build_xapian_document(document).get_data();
  const std::size_t separator = data.find('\0');
  ASSERT_NE(separator, std::string::npos);
  const nlohmann::json head = nlohmann::json::parse(data.substr(0, separator));
  EXPECT_EQ(head["id"], document.id);
  EXPECT_EQ(head["citations"][0]["number"], "33/CT-TTg");
  EXPECT_FALSE(head.contains("text"));
  EXPECT_EQ(data.substr(separator + 1), document.text);

  const auto stored = parse_document(data, /*with_text=*/true);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->text, document.text);
  EXPECT_EQ(stored->metadata.title, document.metadata.title);
  const auto without_text = parse_document(data, /*with_text=*/false);
  ASSERT_TRUE(without_text);
  EXPECT_TRUE(without_text->text.empty());
  EXPECT_EQ(without_text->id, document.id);
}

// The passage map says where the body's sampled positions are in the text.
TEST(DocumentBuilder, passage_map_points_at_the_body_tokens_at_its_positions) {
  ArchivedDocument document = archived_plan();
  document.text.clear();
  const char* words[] = {"Một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"};
  for (int i = 0; i < 400; ++i)
    document.text += std::string(words[i % 9]) + (i % 7 == 0 ? ",  " : " ");
  const Xapian::Document built = build_xapian_document(document);
  const auto map = schema::unserialise_passage_map(built.get_value(schema::kPassageSlot));
  ASSERT_TRUE(map);
  EXPECT_EQ(map->stride, schema::kPassageStride);
  ASSERT_FALSE(map->offsets.empty());
  for (std::size_t i = 0; i < map->offsets.size(); ++i) {
    const Xapian::termpos position =
        map->first_position + static_cast<Xapian::termpos>(i) * map->stride;
    // The token at that position starts at that offset: its folded term is there.
    const std::size_t start = map->offsets[i];
    const std::string word =
        document.text.substr(start, document.text.find_first_of(" ,", start) - start);
    const std::string term = schema::term(schema::kFolded, analyzers::fold(word));
    auto positions = built.termlist_begin();
    positions.skip_to(term);
    ASSERT_EQ(*positions, term);
    bool at_position = false;
    for (auto p = positions.positionlist_begin(); p != positions.positionlist_end(); ++p)
      at_position = at_position || *p == position;
    EXPECT_TRUE(at_position) << word << " at " << position;
  }
}

TEST(DocumentBuilder, passage_map_round_trips_and_damage_is_refused) {
  const schema::PassageMap map{107, 32, {0, 5, 300, 70000, 4000000000u}};
  const auto back = schema::unserialise_passage_map(schema::serialise_passage_map(map));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->first_position, 107u);
  EXPECT_EQ(back->stride, 32u);
  EXPECT_EQ(back->offsets, map.offsets);
  EXPECT_FALSE(schema::unserialise_passage_map(""));
  EXPECT_FALSE(schema::unserialise_passage_map(std::string("\x05\x00", 2)));  // stride 0
  EXPECT_FALSE(schema::unserialise_passage_map("\x05\x20\xff"));              // cut inside a number
}

TEST(DocumentBuilder, reads_the_older_all_json_data) {
  const ArchivedDocument document = archived_plan();
  const std::string older = to_json(document, /*with_text=*/true).dump();
  const auto stored = parse_document(older, /*with_text=*/true);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->text, document.text);
  EXPECT_EQ(stored->id, document.id);
  EXPECT_TRUE(parse_document(older, /*with_text=*/false)->text.empty());
}

TEST(DocumentBuilder, damaged_data_and_invalid_utf8_text_lose_nothing_else) {
  EXPECT_FALSE(parse_document("{\"id\": ", true));
  EXPECT_FALSE(parse_document(std::string("[1]\0text", 8), true));
  ArchivedDocument document = archived_plan();
  document.text = "ok \xC3 broken \xE1\xBB";
  const auto stored = parse_document(serialise_document(document), /*with_text=*/true);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->text, "ok \xEF\xBF\xBD broken \xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(stored->id, document.id);
}

TEST(DocumentBuilder, blank_day_sorts_as_day_zero_and_has_no_month_guess) {
  EXPECT_EQ(date_value("2026-01-31"), "20260131");
  EXPECT_EQ(date_value("2026-01"), "20260100");
  EXPECT_EQ(date_value("2026"), "20260000");
  EXPECT_EQ(date_value("31/01/2026"), "");
  EXPECT_EQ(date_value(""), "");
}

TEST(DocumentBuilder, law_cited_by_name_shows_its_name_in_the_facet) {
  analyzers::Citation law;
  law.type = "Luật";
  law.title = "Thực hiện dân chủ ở cơ sở";
  law.text = "Luật Thực hiện dân chủ ở cơ sở năm 2022";
  EXPECT_EQ(citation_display(law), "Luật Thực hiện dân chủ ở cơ sở");
  law.title = "Luật Đất đai";
  EXPECT_EQ(citation_display(law), "Luật Đất đai");
}

TEST(DocumentBuilder, a_cited_number_is_shown_with_its_codes_as_the_tables_write_them) {
  // Made-up citations: the facet lists one spelling per instrument, whatever the writer typed.
  analyzers::Citation cited;
  cited.number = "5/2017/QD-UBND";
  EXPECT_EQ(citation_display(cited), "5/2017/QĐ-UBND");
  cited.number = "1999/QĐ-TTG";
  EXPECT_EQ(citation_display(cited), "1999/QĐ-TTg");
  cited.number = "142/2025/ND-Cp";
  EXPECT_EQ(citation_display(cited), "142/2025/NĐ-CP");
  cited.number = "294-QD/TW";
  EXPECT_EQ(citation_display(cited), "294-QĐ/TW");
  // Controls: codes the tables do not make one (the Party's HD, the State's HĐ), a ministry's
  // code, the number and the year stay as written.
  cited.number = "12-HD/BTCTW";
  EXPECT_EQ(citation_display(cited), "12-HD/BTCTW");
  cited.number = "27/2016/TT-BLĐTBXH";
  EXPECT_EQ(citation_display(cited), "27/2016/TT-BLĐTBXH");
  cited.number = "05/KH-UBND";
  EXPECT_EQ(citation_display(cited), "05/KH-UBND");
}

TEST(DocumentBuilder, invalid_utf8_in_metadata_does_not_fail) {
  ArchivedDocument document = archived_plan();
  document.metadata.signer = std::string("Tr\xe1\xba", 4);  // truncated sequence
  EXPECT_NO_THROW(build_xapian_document(document));
}

}  // namespace
}  // namespace vanban::archive
