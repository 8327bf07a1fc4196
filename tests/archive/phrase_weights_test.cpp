// The bonus phrases weighed in one pass (archive/src/phrase_weights.hpp) against Xapian's own
// run of each phrase on the same documents: the same documents match, with the same weights to
// the bit, for random phrases (scaled or not, and single terms) over random texts; and what the
// pass does not weigh as Xapian does is left to Xapian.
#include "phrase_weights.hpp"

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>

#include "docid_list.hpp"
#include "length_column.hpp"
#include "ranking_weight.hpp"
#include "test_support.hpp"
#include "weighed_match.hpp"

namespace vanban::testing {
namespace {

using Q = Xapian::Query;
using archive::phrase_weights;
using archive::plain_phrase;
using archive::PlainPhrase;

// Words of Zipf-like frequencies: the first in most documents, the last in few; "twin-a" and
// "twin-b" always together (one frequency), "ghost" in none.
const std::vector<std::string> kWords = {"số",   "chuyển", "đổi",    "cải",    "cách",
                                         "hành", "chính",  "tiếp",   "công",   "dân",
                                         "xã",   "hội",    "twin-a", "twin-b", "ghost"};

// Texts of 1-300 positions drawn from the words (an on-disk database, as the archive's).
Xapian::WritableDatabase random_database(const std::string& path, std::mt19937& random,
                                         int documents) {
  Xapian::WritableDatabase database(path, Xapian::DB_CREATE_OR_OVERWRITE);
  std::discrete_distribution<std::size_t> pick({40, 25, 20, 10, 10, 8, 8, 5, 5, 5, 3, 3, 0, 0, 0});
  for (int i = 0; i < documents; ++i) {
    Xapian::Document document;
    const auto length = 1 + random() % 300;
    Xapian::termpos at = 1;
    for (std::size_t n = 0; n < length; ++n) {
      if (random() % 50 == 0) {  // a run of the phrase-like pairs
        document.add_posting("twin-a", at++);
        document.add_posting("twin-b", at++);
      }
      document.add_posting(kWords[pick(random)], at++);
    }
    document.add_boolean_term("id" + std::to_string(i));  // weightless: not in the length
    database.add_document(document);
  }
  for (Xapian::docid gone = 5; gone <= database.get_lastdocid(); gone += 23)
    database.delete_document(gone);
  database.commit();
  return database;
}

Q phrase_query(const std::vector<std::string>& terms) {
  std::vector<Q> parts(terms.begin(), terms.end());
  return Q(Q::OP_PHRASE, parts.begin(), parts.end(), parts.size());
}

// Xapian's weight of `query` in each of `docids` (ascending): absent where it does not match.
std::map<Xapian::docid, double> xapian_weights(const Xapian::Database& database, const Q& query,
                                               const std::vector<Xapian::docid>& docids) {
  Xapian::Enquire enquire = archive::ranking_enquire(database);
  enquire.set_query(Q(Q::OP_FILTER, query, archive::docid_query(docids)));
  std::map<Xapian::docid, double> out;
  const Xapian::MSet matches = enquire.get_mset(0, static_cast<Xapian::doccount>(docids.size()));
  for (auto it = matches.begin(); it != matches.end(); ++it)
    out[*it] = it.get_weight();
  return out;
}

TEST(PhraseWeights, random_phrases_weigh_as_xapian_runs_them_to_the_bit) {
  TempDir dir;
  std::mt19937 random(20261205);
  const Xapian::WritableDatabase database = random_database((dir / "db").string(), random, 1500);
  std::size_t weighed = 0, matched = 0, left_to_xapian = 0;
  for (int round = 0; round < 60; ++round) {
    // A window: a random few hundred live documents.
    std::vector<Xapian::docid> docids;
    for (Xapian::docid id = 1; id <= database.get_lastdocid(); ++id)
      if (random() % 5 == 0 && id % 23 != 5) docids.push_back(id);
    std::vector<Q> asked;
    std::vector<PlainPhrase> phrases;
    for (int p = 0; p < 6; ++p) {
      std::vector<std::string> terms;
      for (std::size_t n = 0, size = 2 + random() % 3; n < size; ++n)
        terms.push_back(kWords[random() % kWords.size()]);
      if (random() % 4 == 0) terms = {"twin-a", "twin-b"};
      if (random() % 6 == 0) terms.resize(1);  // a term alone
      Q query = terms.size() == 1 ? Q(terms.front()) : phrase_query(terms);
      // Scaled as the heading bonus is, by a factor of many digits.
      if (random() % 3 == 0) query = Q(Q::OP_SCALE_WEIGHT, query, 0.5 + random() / 1e9);
      const std::optional<PlainPhrase> phrase = plain_phrase(database, query);
      if (!phrase) {
        ++left_to_xapian;
        continue;
      }
      EXPECT_EQ(phrase->terms, terms);
      asked.push_back(query);
      phrases.push_back(*phrase);
    }
    const std::vector<std::vector<double>> weights = phrase_weights(database, phrases, docids);
    ASSERT_EQ(weights.size(), phrases.size());
    // The lengths read from a column (as the searcher's FacetColumns::lengths) weigh the same.
    EXPECT_EQ(phrase_weights(database, phrases, docids, length_column(database)), weights);
    for (std::size_t p = 0; p < phrases.size(); ++p) {
      const std::map<Xapian::docid, double> want = xapian_weights(database, asked[p], docids);
      for (std::size_t d = 0; d < docids.size(); ++d) {
        const auto found = want.find(docids[d]);
        const double expected = found == want.end() ? 0.0 : found->second;
        // Bit for bit: EXPECT_EQ on doubles compares exactly.
        EXPECT_EQ(weights[p][d], expected) << "phrase " << p << " docid " << docids[d];
        if (found != want.end()) {
          EXPECT_GT(weights[p][d], 0.0);
          ++matched;
        }
      }
      ++weighed;
    }
  }
  // The comparison saw real matches, and the pass weighed most phrases itself.
  EXPECT_GT(matched, 1000u);
  EXPECT_GT(weighed, 4 * left_to_xapian);
}

// A phrase's potential (from the postings alone) is its weight where its terms stand side by
// side, and where they do not, more than its weight of 0 only if the document holds them all;
// documents not weighed keep 0, and weighing them in any order gives the weights of one pass.
TEST(PhraseWeights, a_potential_is_the_weight_where_the_phrase_stands) {
  TempDir dir;
  std::mt19937 random(2212);
  const Xapian::WritableDatabase database = random_database((dir / "db").string(), random, 600);
  std::vector<Xapian::docid> docids;
  for (auto it = database.postlist_begin(""); it != database.postlist_end(""); ++it)
    if (random() % 3 == 0) docids.push_back(*it);
  std::vector<PlainPhrase> phrases;
  for (const std::vector<std::string>& terms : {std::vector<std::string>{"số", "chuyển"},
                                                {"chuyển", "đổi", "số"},
                                                {"twin-a", "twin-b"},
                                                {"cải", "ghost"},
                                                {"hành"}}) {
    const auto phrase =
        plain_phrase(database, terms.size() == 1 ? Q(terms.front()) : phrase_query(terms));
    ASSERT_TRUE(phrase);
    phrases.push_back(*phrase);
  }
  const auto whole = phrase_weights(database, phrases, docids);
  archive::PhraseWeigher weigher(database, phrases, docids);
  std::size_t standing = 0, apart = 0;
  for (std::size_t d = 0; d < docids.size(); d += 2)  // every other document, from the end too
    weigher.weigh(docids.size() - 1 - d);
  for (std::size_t d = 0; d < docids.size(); ++d) {
    const bool weighed = (docids.size() - 1 - d) % 2 == 0;
    EXPECT_EQ(weigher.weighed(d), weighed);
    for (std::size_t p = 0; p < phrases.size(); ++p) {
      const double potential = weigher.potential(p, d);
      EXPECT_EQ(weigher.weights()[p][d], weighed ? whole[p][d] : 0.0) << p << " " << docids[d];
      if (whole[p][d] > 0) {
        EXPECT_EQ(potential, whole[p][d]);  // to the bit
        ++standing;
      } else if (potential > 0) {
        ++apart;  // all its terms, not side by side
      }
    }
  }
  // Both cases were met: phrases standing, and terms all present but apart.
  EXPECT_GT(standing, 50u);
  EXPECT_GT(apart, 50u);
}

// The wdfs taken from the first phase's walk (its best documents, a topic's words required:
// each word's term read in every one of them) give every potential and weight to the bit as the
// terms' own postings do; a window holding a document the walk did not keep reads the postings.
TEST(PhraseWeights, the_walks_wdfs_weigh_as_the_postings_do) {
  TempDir dir;
  std::mt19937 random(2412);
  const Xapian::WritableDatabase database = random_database((dir / "db").string(), random, 700);
  std::size_t compared = 0, positive = 0;
  for (int round = 0; round < 40; ++round) {
    // A topic of 2-4 of the first words (common enough to match hundreds of documents).
    std::vector<std::string> words;
    for (std::size_t n = 0, size = 2 + random() % 3; n < size; ++n)
      words.push_back(kWords[random() % 8]);
    std::vector<Q> parts(words.begin(), words.end());
    const Q topic(Q::OP_AND, parts.begin(), parts.end());
    const auto walked = archive::weighed_matches(database, topic, 1 + random() % 120, nullptr,
                                                 false, nullptr, {}, /*read_wdfs=*/true);
    ASSERT_TRUE(walked);
    std::vector<Xapian::docid> window;
    for (const auto& [docid, weight] : walked->best)
      window.push_back(docid);
    std::sort(window.begin(), window.end());
    std::vector<Xapian::docid> wider = window;  // with a document the walk did not keep
    for (auto it = database.postlist_begin(""); it != database.postlist_end(""); ++it)
      if (!std::binary_search(window.begin(), window.end(), *it)) {
        wider.insert(std::upper_bound(wider.begin(), wider.end(), *it), *it);
        break;
      }
    std::vector<PlainPhrase> phrases;
    for (std::size_t i = 0; i + 1 < words.size(); ++i)
      if (const auto pair = plain_phrase(database, phrase_query({words[i], words[i + 1]})))
        phrases.push_back(*pair);
    if (const auto whole = plain_phrase(database, phrase_query(words))) phrases.push_back(*whole);
    if (phrases.empty()) continue;
    for (const std::vector<Xapian::docid>* docids : {&window, &wider}) {
      archive::PhraseWeigher taken(database, phrases, *docids, {}, &*walked);
      archive::PhraseWeigher sought(database, phrases, *docids);
      for (std::size_t d = 0; d < docids->size(); ++d) {
        taken.weigh(d);
        sought.weigh(d);
        for (std::size_t p = 0; p < phrases.size(); ++p) {
          EXPECT_EQ(taken.potential(p, d), sought.potential(p, d));  // to the bit
          EXPECT_EQ(taken.weights()[p][d], sought.weights()[p][d]);
          positive += taken.potential(p, d) > 0 ? 1 : 0;
          ++compared;
        }
      }
    }
  }
  EXPECT_GT(compared, 3000u);
  EXPECT_GT(positive, 1000u);
}

// The lengths come from the column where one is given: other lengths, other weights (so the
// test above compares weights read from the column, not from the database).
TEST(PhraseWeights, weighs_by_the_lengths_of_the_column_given) {
  TempDir dir;
  std::mt19937 random(1406);
  const Xapian::WritableDatabase database = random_database((dir / "db").string(), random, 300);
  std::vector<Xapian::docid> docids;
  for (auto it = database.postlist_begin(""); it != database.postlist_end(""); ++it)
    docids.push_back(*it);
  const auto phrase = plain_phrase(database, phrase_query({"số", "chuyển"}));
  ASSERT_TRUE(phrase);
  const auto read = phrase_weights(database, {*phrase}, docids);
  const auto same = phrase_weights(database, {*phrase}, docids, length_column(database));
  // Far longer than the average, so past BM25's least normalised length in every document.
  const auto longer = phrase_weights(database, {*phrase}, docids, length_column(database, 1000));
  std::size_t matched = 0;
  for (std::size_t d = 0; d < docids.size(); ++d) {
    EXPECT_EQ(same[0][d], read[0][d]);
    if (read[0][d] == 0) continue;
    ++matched;
    EXPECT_LT(longer[0][d], read[0][d]) << "docid " << docids[d];  // BM25: longer weighs less
  }
  EXPECT_GT(matched, 20u);
  // A column too short for a document: its length read from the database.
  std::vector<Xapian::termcount> cut = length_column(database);
  cut.resize(100);
  EXPECT_EQ(phrase_weights(database, {*phrase}, docids, cut), read);
}

TEST(PhraseWeights, leaves_to_xapian_what_it_does_not_weigh_as_xapian_does) {
  TempDir dir;
  std::mt19937 random(7);
  const Xapian::WritableDatabase database = random_database((dir / "db").string(), random, 200);
  const Q a("chuyển"), b("đổi");
  std::vector<Q> pair{a, b};
  EXPECT_TRUE(plain_phrase(database, Q(Q::OP_PHRASE, pair.begin(), pair.end(), 2)));
  // A scale, read back exactly; a term alone.
  const double scale = 2.0 / 3.0;
  const auto scaled =
      plain_phrase(database, Q(Q::OP_SCALE_WEIGHT, phrase_query({"chuyển", "đổi"}), scale));
  ASSERT_TRUE(scaled);
  EXPECT_EQ(scaled->factor, scale);
  EXPECT_TRUE(plain_phrase(database, a));
  // A wider window, a NEAR, a wdf of its own, an AND, a scaled AND.
  EXPECT_FALSE(plain_phrase(database, Q(Q::OP_PHRASE, pair.begin(), pair.end(), 3)));
  EXPECT_FALSE(plain_phrase(database, Q(Q::OP_NEAR, pair.begin(), pair.end(), 2)));
  std::vector<Q> heavy{Q("chuyển", 2), b};
  EXPECT_FALSE(plain_phrase(database, Q(Q::OP_PHRASE, heavy.begin(), heavy.end(), 2)));
  EXPECT_FALSE(plain_phrase(database, Q("chuyển", 2)));
  EXPECT_FALSE(plain_phrase(database, Q(Q::OP_AND, pair.begin(), pair.end())));
  EXPECT_FALSE(
      plain_phrase(database, Q(Q::OP_SCALE_WEIGHT, Q(Q::OP_AND, pair.begin(), pair.end()), 2)));
  // The twins have one frequency: first two in the sum they may swap, after a rarer word not.
  ASSERT_EQ(database.get_termfreq("twin-a"), database.get_termfreq("twin-b"));
  ASSERT_LT(database.get_termfreq("twin-a"), database.get_termfreq("số"));
  EXPECT_TRUE(plain_phrase(database, phrase_query({"twin-a", "twin-b", "số"})));
  ASSERT_EQ(database.get_termfreq("ghost"), 0u);
  EXPECT_FALSE(plain_phrase(database, phrase_query({"ghost", "twin-a", "twin-b"})));
  // One term twice weighs the same in either place.
  EXPECT_TRUE(plain_phrase(database, phrase_query({"ghost", "số", "số"})));
  // The order of summation: ascending frequency.
  const auto order = plain_phrase(database, phrase_query({"số", "chuyển"}));
  ASSERT_TRUE(order);
  EXPECT_EQ(order->summed, (std::vector<std::size_t>{1, 0}));
}

}  // namespace
}  // namespace vanban::testing
