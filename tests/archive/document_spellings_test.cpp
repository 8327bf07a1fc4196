// The positions of each spelling of a word, as the index keeps them (SCHEMA.md: positions for
// the minority spellings): against the positions the document's own tokens give each spelling,
// in documents spelling words several ways (hòa/hóa/hoa, quy/quý/qùy, dân/dần/dẫn, upper and
// lower case, the tone placed either way: "Hoà" is "hòa"), and strict phrases typed in every
// spelling against the same tokens.
#include "document_spellings.hpp"

#include <map>
#include <set>

#include <gtest/gtest.h>

#include "vanban/archive/query_parser.hpp"

#include "accent_restoration.hpp"
#include "archive_fixtures.hpp"
#include "document_builder.hpp"
#include "exact_phrase.hpp"
#include "passages.hpp"
#include "query_builder.hpp"
#include "schema.hpp"

namespace vanban::archive {
namespace {

ArchivedDocument document_with(const std::string& title, const std::string& text) {
  ArchivedDocument document = testing::plan_document("32/KH-UBND", title);
  document.id = "0123456789abcdef";
  document.sha256 = std::string(64, 'a');
  document.paths = {"a.txt"};
  document.text = text;
  return document;
}

std::string mixed_body() {
  const char* words[] = {"một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám"};
  std::string text;
  for (int i = 0; i < 200; ++i) {
    text += std::string(words[i % 8]) + " ";
    if (i % 23 == 0) text += "Hòa bình, hóa chất ";
    if (i % 31 == 5) text += "HOÀ GIẢI hòa nhập ";
    if (i % 47 == 7) text += "hoa quả quy định quý hòa ";
    if (i == 60) text += "Quý Hoà dần dà dân vận 33/CT-TTg ";
    if (i == 150) text += "dẫn dân vận hoa Hóa QUY ĐỊNH ";
  }
  return text;
}

using Truth = std::map<std::string, std::map<std::string, std::vector<Xapian::termpos>>>;

// Per folded word, per exact form: its positions, as the document's tokens give them.
Truth truth(const ArchivedDocument& document) {
  Truth out;
  place_free_text(document,
                  [&](const analyzers::Token& token, Xapian::termpos position, FreeTextField) {
                    if (!token.folded.empty() && !token.lower.empty())
                      out[std::string(token.folded)][std::string(token.lower)].push_back(position);
                  });
  return out;
}

struct Indexed {
  Xapian::WritableDatabase database{std::string(), Xapian::DB_BACKEND_INMEMORY};
  Xapian::docid docid = 0;
  ArchivedDocument document;
  Truth spellings;
};

// `before`: as archives indexed before positions for the minority spellings hold it, every
// exact form with its positions and no other spellings' terms.
void index(Indexed& indexed, const ArchivedDocument& document, bool before = false) {
  indexed.document = document;
  Xapian::Document built = build_xapian_document(document);
  if (before) {
    for (auto it = built.termlist_begin(); it != built.termlist_end(); ++it) {
      const std::string term = *it;
      if (term.starts_with(schema::kOtherSpellings)) built.remove_term(term);
    }
    place_free_text(document,
                    [&](const analyzers::Token& token, Xapian::termpos position, FreeTextField) {
                      if (!token.folded.empty() && !token.lower.empty())
                        built.add_posting(schema::term("", token.lower), position, 0);
                    });
  }
  indexed.docid = indexed.database.add_document(built);
  indexed.spellings = truth(document);
}

void expect_every_spelling_where_the_text_writes_it(bool before) {
  Indexed indexed;
  index(indexed, document_with("Kế hoạch hòa giải, hoá giải và Hóa chất", mixed_body()), before);
  const DocumentSpellings spellings(indexed.database, indexed.docid);
  std::size_t mixed = 0;
  for (const auto& [folded, forms] : indexed.spellings) {
    std::vector<std::string> names;
    for (const auto& [form, positions] : forms) {
      EXPECT_EQ(spellings.spelled(form, folded), positions) << form;
      names.push_back(form);
    }
    mixed += forms.size() > 1;
    // All the forms at once, with some the document lacks among them.
    names.insert(names.begin(), "hỏa");
    names.push_back("quỳ");
    const auto all = spellings.folded_positions(folded);
    const auto each = spellings.spelled(names, all);
    for (std::size_t i = 0; i < names.size(); ++i) {
      const auto known = forms.find(names[i]);
      EXPECT_EQ(each[i], known == forms.end() ? std::vector<Xapian::termpos>{} : known->second)
          << names[i];
    }
  }
  EXPECT_GE(mixed, 3U);  // hoa, quy, dan
  EXPECT_TRUE(spellings.spelled("hỏa", "hoa").empty());
}

TEST(DocumentSpellings, every_spelling_stands_where_the_text_writes_it) {
  expect_every_spelling_where_the_text_writes_it(false);
}

TEST(DocumentSpellings, every_spelling_stands_where_an_archive_indexed_before_says) {
  expect_every_spelling_where_the_text_writes_it(true);
}

TEST(DocumentSpellings, only_words_spelled_several_ways_keep_exact_positions) {
  Indexed indexed;
  index(indexed, document_with("Kế hoạch hòa giải", mixed_body()));
  const Xapian::Document built = indexed.database.get_document(indexed.docid);
  const auto positions = [&](const std::string& term) {
    return std::vector<Xapian::termpos>(indexed.database.positionlist_begin(indexed.docid, term),
                                        indexed.database.positionlist_end(indexed.docid, term));
  };
  const auto has = [&](const std::string& term) {
    auto it = built.termlist_begin();
    it.skip_to(term);
    return it != built.termlist_end() && *it == term;
  };
  // A word spelled several ways here: every spelling at its positions, the word marked so.
  const auto& hoa = indexed.spellings.at("hoa");
  ASSERT_GE(hoa.size(), 3U);
  for (const auto& [form, at] : hoa)
    EXPECT_EQ(positions(form), at) << form;
  EXPECT_TRUE(has(schema::term(schema::kOtherSpellings, "hoa")));
  EXPECT_TRUE(positions(schema::term(schema::kOtherSpellings, "hoa")).empty());
  // A word spelled one way has no positions but the folded form's, and is not marked.
  ASSERT_EQ(indexed.spellings.at("tam").size(), 1U);
  EXPECT_TRUE(has("tám"));
  EXPECT_TRUE(positions("tám").empty());
  EXPECT_FALSE(has(schema::term(schema::kOtherSpellings, "tam")));
  EXPECT_TRUE(has(std::string(schema::kOtherSpellings)));  // the document is indexed so
  // The document's length is the same as with every form's positions: the marker weighs 0.
  Xapian::termcount wdfs = 0;
  for (auto it = built.termlist_begin(); it != built.termlist_end(); ++it) {
    const std::string term = *it;
    if (term.starts_with(schema::kOtherSpellings)) {
      EXPECT_EQ(it.get_wdf(), 0U) << term;
    }
    if (!term.empty() && (term[0] < 'A' || term[0] > 'Z')) wdfs += it.get_wdf();  // exact forms
  }
  Xapian::termcount folded = 0;
  for (auto it = built.termlist_begin(); it != built.termlist_end(); ++it) {
    const std::string term = *it;
    if (term.starts_with(schema::kFolded)) folded += it.get_wdf();
  }
  EXPECT_EQ(wdfs, folded);
}

// Every two neighbouring words of the document, typed in each spelling the document has of
// them (and one it lacks), without diacritics too: the phrase holds exactly where the tokens say.
void expect_phrases_where_the_tokens_say(bool before) {
  Indexed indexed;
  index(indexed, document_with("Kế hoạch hòa giải, hoá giải và Hóa chất", mixed_body()), before);
  std::map<Xapian::termpos, std::pair<std::string, std::string>> at;  // position: folded, exact
  for (const auto& [folded, forms] : indexed.spellings)
    for (const auto& [form, positions] : forms)
      for (const Xapian::termpos position : positions)
        if (form.find('/') == std::string::npos && form.find('-') == std::string::npos)
          at[position] = {folded, form};
  std::set<std::pair<std::string, std::string>> pairs;  // folded words side by side
  for (const auto& [position, word] : at)
    if (const auto next = at.find(position + 1); next != at.end())
      pairs.emplace(word.first, next->second.first);
  ASSERT_GT(pairs.size(), 30U);
  const auto spellings_of = [&](const std::string& folded) {
    std::vector<std::string> out{""};  // typed without diacritics
    for (const auto& [form, positions] : indexed.spellings.at(folded))
      out.push_back(form);
    out.push_back(folded == "hoa" ? "hỏa" : "quỳ");  // a spelling the document lacks
    return out;
  };
  std::size_t held = 0;
  std::size_t refused = 0;
  for (const auto& [first, second] : pairs) {
    for (const std::string& a : spellings_of(first)) {
      for (const std::string& b : spellings_of(second)) {
        bool expected = false;
        for (const auto& [position, word] : at) {
          const auto next = at.find(position + 1);
          expected = expected ||
                     (word.first == first && (a.empty() || word.second == a) && next != at.end() &&
                      next->second.first == second && (b.empty() || next->second.second == b));
        }
        EXPECT_EQ(
            ExactPhraseSource::holds(indexed.database, indexed.docid, {{first, a}, {second, b}}),
            expected)
            << (a.empty() ? first : a) << " " << (b.empty() ? second : b);
        // The same phrase typed in the box (a form without marks is typed without them: any
        // spelling), as the query builder asks Xapian.
        if ((a.empty() || a != first) && (b.empty() || b != second)) {
          const std::string typed =
              "\"" + (a.empty() ? first : a) + " " + (b.empty() ? second : b) + "\"";
          auto parsed = query::parse_query(typed);
          ASSERT_TRUE(parsed.ok()) << typed;
          Xapian::Enquire enquire(indexed.database);
          enquire.set_query(QueryBuilder(indexed.database).text(parsed->root));
          EXPECT_EQ(enquire.get_mset(0, 10).size() == 1, expected) << typed;
        }
        (expected ? held : refused) += 1;
      }
    }
  }
  EXPECT_GT(held, 30U);
  EXPECT_GT(refused, 30U);
}

TEST(DocumentSpellings, strict_phrases_hold_where_the_tokens_say) {
  expect_phrases_where_the_tokens_say(false);
}

TEST(DocumentSpellings, strict_phrases_hold_where_an_archive_indexed_before_says) {
  expect_phrases_where_the_tokens_say(true);
}

// SpellingsAcross reads the same positions as DocumentSpellings, document by document, in an
// archive of documents spelling the same words one way or several ways (and, indexed before,
// every form with its positions): every folded word of the texts, with the archive's forms of
// it and one it lacks, over every document in ascending order.
void expect_the_same_spellings_across_documents(bool before) {
  const std::string bodies[] = {
      mixed_body(),
      "Hòa bình và hòa nhập, quy định về dân vận. Hòa giải cơ sở theo quy định.",
      "Hóa chất độc hại; hóa học ứng dụng. Dân vận khéo, dẫn đầu phong trào.",
      "hoa quả, hoa màu; quý I năm nay, quý II. Dần dần hoàn thành dân vận.",
      "Hoà giải, HOÁ CHẤT, hoa quả. Quý vị đại biểu, QUY ĐỊNH chung, quỳ xuống.",
      "Một hai ba bốn năm sáu bảy tám."};
  Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
  std::vector<Xapian::docid> docids;
  std::set<std::string> words;
  for (const std::string& body : bodies) {
    Indexed indexed;
    index(indexed, document_with("Kế hoạch hòa giải", body), before);
    docids.push_back(database.add_document(indexed.database.get_document(indexed.docid)));
    for (const auto& [folded, forms] : indexed.spellings)
      if (folded.find_first_not_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos)
        words.insert(folded);
  }
  std::size_t compared = 0;
  std::size_t one_way =
      0;  // documents holding one spelling of a word spelled several ways elsewhere
  for (const std::string& folded : words) {
    std::vector<std::string> forms = accented_forms(database, folded);
    if (forms.empty()) continue;
    if (folded == "hoa") forms.insert(forms.begin() + 1, "hỏa");  // a form the archive lacks
    SpellingsAcross across(database, folded, forms);
    // A page's hits, in rank order (not docid order): spelled_in() reads each accented word of
    // the query in all of them as DocumentSpellings reads it in each.
    const std::vector<Xapian::docid> hits(docids.rbegin(), docids.rend());
    for (const std::string& form : forms) {
      HighlightTerms terms;
      terms.exact = {{form, folded}};
      const auto spelled = spelled_in(database, hits, terms);
      for (const Xapian::docid docid : docids) {
        const auto found = spelled.find(docid);
        ASSERT_NE(found, spelled.end()) << form << " in " << docid;
        EXPECT_EQ(found->second.at(form), DocumentSpellings(database, docid).spelled(form, folded))
            << form << " in " << docid;
      }
    }
    for (const Xapian::docid docid : docids) {
      const DocumentSpellings spellings(database, docid);
      const auto all = spellings.folded_positions(folded);
      const auto expected = spellings.spelled(forms, all);
      EXPECT_EQ(across.spelled(docid, all), expected) << folded << " in " << docid;
      const auto held = std::count_if(expected.begin(), expected.end(),
                                      [](const auto& positions) { return !positions.empty(); });
      one_way += forms.size() > 1 && held == 1;
      ++compared;
    }
  }
  EXPECT_GE(compared, 100U);
  EXPECT_GE(one_way, 10U);
  // A word whose folded form is not its exact form's fold is left to passage_range().
  HighlightTerms other;
  other.exact = {{"hòa", "hoa"}, {"dân", "dan van"}};
  const auto spelled = spelled_in(database, docids, other);
  ASSERT_EQ(spelled.size(), docids.size());
  for (const auto& [docid, read] : spelled)
    EXPECT_EQ(read.size(), 1U) << docid;
}

TEST(DocumentSpellings, the_same_spellings_read_across_documents) {
  expect_the_same_spellings_across_documents(false);
}

TEST(DocumentSpellings, the_same_spellings_read_across_documents_indexed_before) {
  expect_the_same_spellings_across_documents(true);
}

}  // namespace
}  // namespace vanban::archive
