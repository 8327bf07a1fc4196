// A strict phrase alone is counted by choices of spellings (archive/src/phrase_count.hpp: its
// words' documents, grouped by which words each spells several ways, one phrase a group). Through
// the searcher, on archives written by the real writer: the page ranked by relevance (counted so)
// holds the same documents, total and facets as the same search sorted by date, which counts
// by the phrase's one query (the date order's run) — phrases in the body, in the heading, running
// on from the title's end into the body, typed with and without diacritics, with repeated words
// and function words, beside an excluded word or phrase and under a filter. (Ranked from its
// counted matches, a box with an excluded phrase had lost most of its page: the exclusion was
// filtered by the box's phrase's matches; it stays a strict phrase now, QueryBuilder::excluded.)
#include <algorithm>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "search_fixtures.hpp"

namespace vanban::testing {
namespace {

// Syllables as a text may spell them (the first is the one the phrases below type most).
const std::vector<std::vector<std::string>>& syllables() {
  static const std::vector<std::vector<std::string>> all = {{"phối", "phôi"},
                                                            {"hợp", "họp", "hộp"},
                                                            {"với", "vời"},
                                                            {"bộ", "bổ", "bố", "Bộ"},
                                                            {"của", "cửa", "cua"},
                                                            {"và"},
                                                            {"các"},
                                                            {"tại"},
                                                            {"tổ", "tờ"},
                                                            {"chức", "chúc"},
                                                            {"thực", "thức"},
                                                            {"hiện", "hiền"},
                                                            {"quy", "quý"},
                                                            {"định", "đính"}};
  return all;
}

// Runs the phrases below are made of, so that documents hold them (or nearly).
const std::vector<std::vector<std::size_t>>& runs() {
  static const std::vector<std::vector<std::size_t>> all = {
      {0, 1, 2, 3}, {8, 9, 10, 11}, {4, 3, 4, 3}, {12, 13, 7, 5}, {6, 3, 5, 8, 9}};
  return all;
}

std::string text(std::mt19937& random, int pieces, bool one_way) {
  std::vector<std::size_t> chosen;
  for (const auto& forms : syllables())
    chosen.push_back(random() % forms.size());
  auto spell = [&](std::size_t s) {
    const auto& forms = syllables()[s];
    return forms[one_way ? chosen[s] : random() % forms.size()];
  };
  std::string out;
  for (int i = 0; i < pieces; ++i) {
    if (random() % 3 == 0) {
      const auto& run = runs()[random() % runs().size()];
      const std::size_t length = 2 + random() % (run.size() - 1);
      for (std::size_t k = 0; k < length; ++k)
        out += spell(run[k]) + " ";
    } else {
      out += spell(random() % syllables().size()) + " ";
    }
    if (random() % 6 == 0) out += ". ";
  }
  return out;
}

std::vector<Doc> documents(unsigned seed) {
  std::mt19937 random(seed);
  const char* types[] = {"Kế hoạch", "Quyết định", "Công văn"};
  const char* issuers[] = {"Ủy ban nhân dân thành phố Huế", "Bộ Nội vụ", "Sở Tư pháp"};
  std::vector<Doc> out;
  for (int d = 0; d < 90; ++d) {
    Doc doc;
    doc.name = "d" + std::to_string(d) + ".txt";
    doc.type = types[random() % 3];
    doc.issuer = issuers[random() % 3];
    doc.date =
        std::to_string(2020 + random() % 6) + "-0" + std::to_string(1 + random() % 9) + "-15";
    const bool one_way = d % 3 != 0;
    doc.title = text(random, 2 + static_cast<int>(random() % 4), one_way);
    doc.body = text(random, 5 + static_cast<int>(random() % 40), one_way);
    if (d % 5 == 0) {  // a run cut by the end of the title: its rest opens the body
      doc.title += "phối hợp";
      doc.body = "với bộ " + doc.body;
    }
    out.push_back(std::move(doc));
  }
  return out;
}

// The facets as one line: each field's values and counts, in order.
std::string facets_of(const archive::SearchResponse& response) {
  std::string out;
  for (const auto& [name, values] : response.facets) {
    out += name + ":";
    for (const auto& value : values)
      out += " " + value.value + "=" + std::to_string(value.count);
    out += "; ";
  }
  return out;
}

std::set<std::string> ids(const archive::SearchResponse& response) {
  std::set<std::string> out;
  for (const auto& hit : response.hits)
    out.insert(hit.id);
  return out;
}

// The phrases: each run's words as typed first, every 2-4 word piece of them, without
// diacritics, and in another spelling.
std::vector<std::string> phrases(std::mt19937& random) {
  std::vector<std::string> out = {
      "\"phối hợp với bộ\"", "\"phoi hop voi bo\"", "\"phối hợp\"",          "\"hợp với bộ\"",
      "\"của bộ của bộ\"",   "\"bộ của bộ\"",       "\"tổ chức thực hiện\"", "\"quy định tại và\"",
      "\"các bộ và\"",       "\"với bộ\"",          "\"phối họp với bổ\"",   "\"phối hợp vời bộ\""};
  for (int i = 0; i < 60; ++i) {
    const auto& run = runs()[random() % runs().size()];
    const std::size_t length = 2 + random() % (run.size() - 1);
    const std::size_t start = random() % (run.size() - length + 1);
    std::string phrase = "\"";
    for (std::size_t k = 0; k < length; ++k) {
      const auto& forms = syllables()[run[start + k]];
      std::string word = forms[random() % 4 == 0 ? random() % forms.size() : 0];
      if (random() % 5 == 0) word = forms.size() > 2 ? forms[2] : forms[0];
      std::transform(word.begin(), word.end(), word.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      phrase += (k ? " " : "") + word;
    }
    out.push_back(phrase + "\"");
  }
  return out;
}

TEST(SearchPhraseCount, a_phrase_counted_by_choices_pages_as_its_one_query_counts) {
  for (const unsigned seed : {1U, 2U}) {
    SearchArchive archive{};
    archive.add(documents(seed));
    std::mt19937 random(seed + 100);
    std::size_t found = 0;
    for (const std::string& phrase : phrases(random)) {
      for (const std::string& box : {phrase, phrase + " -tại", phrase + " -\"các bộ\""}) {
        for (const bool filtered : {false, true}) {
          archive::SearchRequest request;
          request.query = box;
          request.size = archive::kMaxPageSize;  // every match on the page
          if (filtered) request.filters[archive::FieldId::type] = {"Quyết định"};
          const archive::SearchResponse ranked = archive.search(request);
          request.sort = archive::SortOrder::newest;
          const archive::SearchResponse dated = archive.search(request);
          EXPECT_EQ(ranked.total, dated.total) << box << filtered;
          EXPECT_EQ(facets_of(ranked), facets_of(dated)) << box << filtered;
          EXPECT_EQ(ids(ranked), ids(dated)) << box << filtered;
          EXPECT_EQ(ranked.hits.size(), ranked.total) << box;
          found += ranked.total > 0;
        }
      }
    }
    EXPECT_GE(found, 100U) << seed;  // most searches find something
  }
}

// The page's first ten by relevance are the same asked once (counted by choices) and again
// (ranked from the remembered matches); the phrase is found in the heading, in the body, and
// where the title's last words run on into the body's first (the text holds them side by side).
TEST(SearchPhraseCount, the_first_page_is_the_same_asked_twice) {
  SearchArchive archive{
      {.name = "across", .title = "Kế hoạch phối hợp", .body = "Với bộ Nội vụ, nội dung."},
      {.name = "title", .title = "Phối hợp với Bộ Nội vụ", .body = "Nội dung."},
      {.name = "body", .title = "Kế hoạch", .body = "Cơ quan phối hợp với bộ, bổ sung."},
      {.name = "other", .title = "Kế hoạch", .body = "Phối họp với bổ sung; hợp với bộ."},
  };
  std::vector<std::string> found = archive.found("\"phối hợp với bộ\"");
  std::sort(found.begin(), found.end());
  EXPECT_EQ(found, (std::vector<std::string>{"across", "body", "title"}));
  EXPECT_EQ(archive.found("\"phoi hop voi bo\"").size(), 4U);  // any spelling: "other" too
  const auto first = archive.search("\"phối hợp với bộ\"");
  const auto again = archive.search("\"phối hợp với bộ\"");
  EXPECT_EQ(archive.names(first), archive.names(again));
  EXPECT_EQ(first.total, again.total);
  EXPECT_EQ(facets_of(first), facets_of(again));
}

}  // namespace
}  // namespace vanban::testing
