// Snippets: the best passage around the matches, HTML-escaped, matches in <mark>, and accented
// words highlighted for an unaccented query.
#include <map>
#include <set>
#include <sstream>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "disk_layout.hpp"
#include "schema.hpp"
#include "search_fixtures.hpp"
#include "snippets.hpp"
#include "stored_text.hpp"

namespace vanban::testing {
namespace {

std::string first_snippet(SearchArchive& archive, const std::string& query) {
  const auto response = archive.search(query);
  EXPECT_FALSE(response.hits.empty()) << query;
  return response.hits.empty() ? std::string{} : response.hits.front().snippet;
}

std::string filler_words(int sentences) {
  std::string text;
  for (int i = 0; i < sentences; ++i)
    text += "Các cơ quan thực hiện nghiêm túc nhiệm vụ được giao. ";
  return text;
}

TEST(SearchSnippets, unaccented_query_marks_the_accented_words) {
  SearchArchive archive{
      {.name = "doc",
       .title = "Báo cáo",
       .body = filler_words(10) + "Phong trào Dân vận khéo được nhân rộng. " + filler_words(10)}};
  const std::string snippet = first_snippet(archive, "dan van kheo");
  EXPECT_NE(snippet.find("<mark>Dân vận khéo</mark>"), std::string::npos) << snippet;
}

TEST(SearchSnippets, passage_is_short_and_cut_with_ellipses) {
  SearchArchive archive{
      {.name = "doc",
       .title = "Báo cáo",
       .body = filler_words(20) + "Phong trào thi đua yêu nước. " + filler_words(20)}};
  const std::string snippet = first_snippet(archive, "thi đua");
  EXPECT_NE(snippet.find("<mark>thi đua</mark>"), std::string::npos) << snippet;
  EXPECT_LT(snippet.size(), 400u);
  EXPECT_EQ(snippet.rfind("…", 0), 0u) << snippet;
  EXPECT_NE(snippet.find("…", snippet.size() - 4), std::string::npos) << snippet;
}

TEST(SearchSnippets, text_is_html_escaped) {
  SearchArchive archive{{.name = "doc",
                         .title = "Báo cáo",
                         .body = "Mục <script>alert(1)</script> & \"dân vận\" <b>đẹp</b>."}};
  const std::string snippet = first_snippet(archive, "dân vận");
  EXPECT_EQ(snippet.find("<script>"), std::string::npos) << snippet;
  EXPECT_EQ(snippet.find("<b>"), std::string::npos) << snippet;
  EXPECT_NE(snippet.find("&lt;script&gt;"), std::string::npos) << snippet;
  EXPECT_NE(snippet.find("&amp;"), std::string::npos) << snippet;
  EXPECT_NE(snippet.find("<mark>dân vận</mark>"), std::string::npos) << snippet;
}

TEST(SearchSnippets, best_passage_holds_the_most_query_words) {
  SearchArchive archive{{.name = "doc",
                         .title = "Báo cáo",
                         .body = "Công tác dân vận. " + filler_words(15) +
                                 "Công tác dân vận chính quyền được tăng cường. " +
                                 filler_words(15)}};
  const std::string snippet = first_snippet(archive, "dân vận chính quyền");
  EXPECT_NE(snippet.find("<mark>dân vận chính quyền</mark>"), std::string::npos) << snippet;
}

// Short and long texts alike (a scan of the text, or the index's positions).
TEST(SearchSnippets, the_words_as_a_phrase_beat_more_scattered_matches) {
  for (const int padding : {8, 400}) {
    SearchArchive archive{{.name = "doc",
                           .title = "Báo cáo",
                           .body = filler_words(padding) +
                                   "Ý kiến của dân về văn hóa, văn nghệ, văn học. " +
                                   filler_words(padding) + "Công tác dân vận được tăng cường. " +
                                   filler_words(padding)}};
    const std::string snippet = first_snippet(archive, "dan van");
    EXPECT_NE(snippet.find("<mark>dân vận</mark>"), std::string::npos) << padding << snippet;
  }
}

// A box opening with a type name ("kế hoạch chuyển đổi số") asks for plans on a topic: the
// snippet shows where the topic stands, not the type's name every plan opens with. Short and
// long texts alike (a scan of the text, or the index's positions).
TEST(SearchSnippets, a_type_named_in_the_box_yields_the_passage_to_the_topic) {
  for (const int padding : {8, 400}) {
    SearchArchive archive{
        {.name = "plan",
         .title = "Thực hiện công tác dân vận năm 2026",
         .body = "KẾ HOẠCH Thực hiện công tác dân vận năm 2026. Thực hiện Kế hoạch số 10 của Tỉnh "
                 "ủy. " +
                 filler_words(padding) + "Gắn với cải cách hành chính, chuyển đổi số. " +
                 filler_words(padding)}};
    for (const std::string query : {"kế hoạch chuyển đổi số", "ke hoach chuyen doi so"}) {
      const std::string snippet = first_snippet(archive, query);
      EXPECT_NE(snippet.find("<mark>chuyển đổi số</mark>"), std::string::npos)
          << padding << " " << query << ": " << snippet;
    }
    // Where the type's words and the number are all the text shares with the box, they choose.
    const std::string plan_words = first_snippet(archive, "kế hoạch số");
    EXPECT_NE(plan_words.find("<mark>Kế hoạch số</mark>"), std::string::npos)
        << padding << ": " << plan_words;
  }
}

TEST(SearchSnippets, accented_query_marks_the_exact_spelling_only) {
  SearchArchive archive{
      {.name = "doc", .title = "Báo cáo", .body = "Ý kiến của dân về đàn gia súc."}};
  const std::string snippet = first_snippet(archive, "dân");
  EXPECT_NE(snippet.find("<mark>dân</mark>"), std::string::npos) << snippet;
  EXPECT_EQ(snippet.find("<mark>đàn</mark>"), std::string::npos) << snippet;
}

TEST(SearchSnippets, document_number_is_marked) {
  SearchArchive archive{{.name = "doc",
                         .number = "1/KH-UBND",
                         .title = "Kế hoạch",
                         .body = "Thực hiện Chỉ thị số 33/CT-TTg của Thủ tướng.",
                         .cites = {"33/CT-TTg"}}};
  const std::string snippet = first_snippet(archive, "33/ct-ttg");
  EXPECT_NE(snippet.find("<mark>33/CT-TTg</mark>"), std::string::npos) << snippet;
}

// The passage is found from the index's positions, wherever it is in a long text.
TEST(SearchSnippets, passage_deep_in_a_long_document_is_found) {
  for (const int before : {0, 3, 40, 700, 9000}) {  // up to ~500 KB of text before it
    SearchArchive archive{{.name = "doc",
                           .title = "Báo cáo",
                           .body = filler_words(before) +
                                   "Phong trào Dân vận khéo được nhân rộng. " + filler_words(200)}};
    const std::string snippet = first_snippet(archive, "dan van kheo");
    EXPECT_NE(snippet.find("<mark>Dân vận khéo</mark>"), std::string::npos)
        << before << ": " << snippet;
    EXPECT_LT(snippet.size(), 400u);
    EXPECT_EQ(snippet.starts_with("…"), before > 1) << before << ": " << snippet;
  }
}

TEST(SearchSnippets, long_document_shows_the_passage_with_the_most_query_words) {
  SearchArchive archive{
      {.name = "doc",
       .title = "Báo cáo",
       .body = "Công tác dân vận. " + filler_words(300) + "Đàn gia súc. " + filler_words(300) +
               "Công tác dân vận chính quyền được tăng cường. " + filler_words(300) + "Dân vận. "}};
  const std::string snippet = first_snippet(archive, "dân vận chính quyền");
  EXPECT_NE(snippet.find("<mark>dân vận chính quyền</mark>"), std::string::npos) << snippet;
  EXPECT_NE(first_snippet(archive, "đàn gia súc").find("<mark>Đàn gia súc</mark>"),
            std::string::npos);
  // An accented query marks its exact spelling only.
  const std::string people = first_snippet(archive, "dân");
  EXPECT_NE(people.find("<mark>dân</mark>"), std::string::npos) << people;
  EXPECT_EQ(people.find("<mark>Đàn</mark>"), std::string::npos) << people;
}

// Documents indexed before the passage map existed (data all JSON, no map) still get snippets.
TEST(SearchSnippets, documents_from_an_older_index_still_get_snippets) {
  SearchArchive archive{
      {.name = "doc",
       .title = "Báo cáo",
       .body = filler_words(30) + "Phong trào Dân vận khéo được nhân rộng. " + filler_words(30)}};
  {
    Xapian::WritableDatabase database(archive::xapian_dir(archive.path()).string());
    const Xapian::docid docid = *database.postlist_begin("");
    Xapian::Document document = database.get_document(docid);
    const auto stored = archive::read_document(archive.path(), document);
    ASSERT_TRUE(stored);
    document.set_data(archive::to_json(*stored, /*with_text=*/true).dump());
    document.remove_value(archive::schema::kPassageSlot);
    document.remove_value(archive::schema::kTextSlot);  // the text back in the data
    database.replace_document(docid, document);
    database.commit();
  }
  ASSERT_TRUE(archive.searcher().reopen().ok());
  const std::string snippet = first_snippet(archive, "dan van kheo");
  EXPECT_NE(snippet.find("<mark>Dân vận khéo</mark>"), std::string::npos) << snippet;
}

// Whether `text` is well-formed UTF-8 (no character cut in two).
bool is_whole_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    if (lead >= 0x80 && lead < 0xC0) return false;
    if (i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k)
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
    i += length;
  }
  return true;
}

// Every word of the snippet outside marks and ellipses is a whole word of the text.
TEST(SearchSnippets, snippets_are_cut_between_words_never_inside_a_character) {
  // Matches far apart, a long word before the first (pushing the start back), accented
  // letters everywhere: whatever the distances, both cuts fall between words.
  const std::string run = "Ủyban" + std::string(18, 'x') + "đồngthờiđẩymạnh";
  std::vector<Doc> docs;
  for (int gap = 0; gap < 40; ++gap) {
    std::string between;
    for (int i = 0; i < 20 + gap; ++i)
      between += i % 2 ? "việc " : "được ";
    docs.push_back({.name = "doc" + std::to_string(gap),
                    .title = "Báo cáo",
                    .body = filler_words(3) + run + " Banchỉđạocôngtác Dân " + between +
                            "vận động nhân dân. " + filler_words(3)});
  }
  SearchArchive archive{};
  archive.add(docs);
  archive::SearchRequest request;
  request.query = "dan van";
  request.size = archive::kMaxPageSize;
  const auto response = archive.search(request);
  ASSERT_EQ(response.hits.size(), docs.size());
  std::set<std::string> source_words;
  for (const Doc& doc : docs) {
    std::istringstream words(doc.title + " " + doc.body);
    for (std::string word; words >> word;)
      source_words.insert(word.ends_with('.') ? word.substr(0, word.size() - 1) : word);
  }
  for (const auto& hit : response.hits) {
    const std::string& snippet = hit.snippet;
    EXPECT_TRUE(is_whole_utf8(snippet)) << snippet;
    std::string plain = snippet;
    for (const std::string tag : {"<mark>", "</mark>", "…"})
      for (std::size_t at; (at = plain.find(tag)) != std::string::npos;)
        plain.replace(at, tag.size(), " ");
    // The first word may be the tail of an unspaced run (cut on a character boundary).
    std::istringstream words(plain);
    std::string word;
    if (snippet.starts_with("…")) words >> word;
    while (words >> word) {
      if (word.ends_with('.')) word.pop_back();
      EXPECT_TRUE(word.empty() || source_words.contains(word)) << word << " in " << snippet;
    }
  }
}

// "Số: 12/KH-UBND ... chuyển đổi số ... số liệu": the phrase is what the reader looks for; a
// common syllable of it standing alone is not marked beside it, but is where it is all there is.
TEST(SearchSnippets, common_syllables_alone_are_not_marked_beside_the_phrase) {
  SearchArchive archive{
      {.name = "phrase",
       .title = "Báo cáo",
       .body = "Số: 12/BC-UBND. Đẩy mạnh chuyển đổi số trong cơ quan, cập nhật số liệu."},
      {.name = "scattered", .title = "Thông báo", .body = "Cập nhật số liệu, đổi mới cách làm."}};
  for (const std::string query : {"chuyển đổi số", "chuyen doi so"}) {
    const auto response = archive.search(query);
    ASSERT_FALSE(response.hits.empty()) << query;
    ASSERT_EQ(archive.name_of(response.hits.front().id), "phrase") << query;
    const std::string& snippet = response.hits.front().snippet;
    EXPECT_NE(snippet.find("<mark>chuyển đổi số</mark>"), std::string::npos) << snippet;
    EXPECT_EQ(snippet.find("<mark>Số</mark>"), std::string::npos) << snippet;
    EXPECT_NE(snippet.find("cập nhật số liệu"), std::string::npos) << snippet;
  }
  // Without the phrase, the words found are what there is to show.
  const auto response = archive.search("số liệu đổi");
  ASSERT_FALSE(response.hits.empty());
  for (const auto& hit : response.hits)
    EXPECT_NE(hit.snippet.find("<mark>"), std::string::npos) << hit.snippet;
}

// The snippet made from the text's first bytes (as far as the passage's range ends, and the
// byte after it) is the one made from the whole text, for every range: the range's first
// and last bytes inside characters or on spaces, ranges with no match (then the whole text is
// scanned instead), ranges ending at the text's end.
TEST(SearchSnippets, a_snippet_from_the_text_up_to_its_range_is_the_one_from_the_whole_text) {
  const std::string text = "  Số: 12/KH-UBND. " + filler_words(4) +
                           "Phong trào Dân vận khéo được nhân rộng; dân vận chính quyền. " +
                           filler_words(3) + "Dân   vận & <khéo> đồng thời. " + filler_words(2) +
                           "Chỉ thị số 33/CT-TTg về dân vận.";
  archive::HighlightTerms terms;
  terms.plain = {"dan", "van"};
  terms.exact = {{"khéo", "kheo"}};
  terms.accented_folded = {"kheo"};
  terms.numbers = {"33/ct-ttg"};
  terms.common = {"dan"};
  std::size_t compared = 0;
  std::size_t in_range = 0;
  for (std::size_t begin = 0; begin < text.size(); begin += 5) {
    for (std::size_t end = begin + 1; end <= text.size(); end += 11) {
      const archive::TextRange range{begin, end};
      const std::string whole = archive::make_snippet(text, terms, 120, range);
      const std::string_view head =
          std::string_view(text).substr(0, std::min(text.size(), end + 1));
      const auto from_head = archive::snippet_in_range(head, text.size(), terms, 120, range);
      if (from_head) {
        ++in_range;
        EXPECT_EQ(*from_head, whole) << begin << "-" << end;
      } else {
        EXPECT_EQ(whole, archive::make_snippet(text, terms, 120)) << begin << "-" << end;
      }
      ++compared;
    }
  }
  EXPECT_GT(in_range, compared / 4);
  EXPECT_LT(in_range, compared);
  // A head too short for its range is not read.
  EXPECT_FALSE(archive::snippet_in_range(std::string_view(text).substr(0, 100), text.size(), terms,
                                         120, {10, 100}));
}

// A document records its stored text's length: a page's snippets inflate each text only as far
// as its passage; they are those of the whole text, which documents indexed before the length
// was recorded read (the length taken out of each document here).
TEST(SearchSnippets, snippets_read_up_to_the_passage_are_those_read_from_the_whole_text) {
  std::vector<Doc> docs;
  for (const int before : {0, 2, 40, 300})
    for (const int after : {0, 1, 6, 300})
      docs.push_back({.name = "doc" + std::to_string(before) + "-" + std::to_string(after),
                      .title = "Báo cáo",
                      .body = filler_words(before) + "Phong trào Dân vận khéo được nhân rộng. " +
                              filler_words(after) + (after % 2 ? "Dân vận." : "")});
  docs.push_back({.name = "title", .title = "Dân vận khéo", .body = filler_words(50)});
  SearchArchive archive{};
  archive.add(docs);
  const std::vector<std::string> queries = {"dan van kheo", "dân vận khéo",  "nhân rộng",
                                            "\"dân vận\"",  "khéo nhiệm vụ", "dan"};
  const auto snippets = [&] {
    std::map<std::string, std::string> out;
    for (const std::string& query : queries) {
      archive::SearchRequest request;
      request.query = query;
      request.size = archive::kMaxPageSize;
      for (const auto& hit : archive.search(request).hits)
        out[query + " " + archive.name_of(hit.id)] = hit.snippet;
    }
    return out;
  };
  const auto read_to_passage = snippets();
  std::size_t marked = 0;
  for (const auto& [hit, snippet] : read_to_passage)
    marked += snippet.find("<mark>") != std::string::npos ? 1 : 0;
  EXPECT_GT(read_to_passage.size(), 60u);
  EXPECT_GT(marked, read_to_passage.size() * 3 / 4);
  {
    Xapian::WritableDatabase database(archive::xapian_dir(archive.path()).string());
    for (auto it = database.postlist_begin(""); it != database.postlist_end(""); ++it) {
      Xapian::Document document = database.get_document(*it);
      const auto text = archive::document_text(archive.path(), document);
      ASSERT_TRUE(text.ok());
      EXPECT_EQ(archive::stored_text_size(document), text->size());
      document.remove_value(archive::schema::kTextSizeSlot);
      database.replace_document(*it, document);
    }
    database.commit();
  }
  ASSERT_TRUE(archive.searcher().reopen().ok());
  EXPECT_EQ(snippets(), read_to_passage);
}

}  // namespace
}  // namespace vanban::testing
