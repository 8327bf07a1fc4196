// The first phase's own walk (archive/src/weighed_match.hpp) against Xapian's matcher: for random
// query trees of the shapes the search page ranks by (each word's exact form scaled OR its folded
// form, ANDed, with filters, optional words under AND_MAYBE, exclusions) over random archives on
// disk, the best documents are Xapian's MSet, the same docids in the same order with the same
// weights to the bit, and the count is Xapian's exact count; restricted to a list of docids, the
// weights are those of Xapian's run under OP_FILTER of the same list. What the walk does not weigh
// as Xapian does is left to Xapian. Once the best are as many as wanted, the walk weighs only the
// documents that could still enter them (the exact forms' lists and the optional words' sought
// only for those): the same documents and weights, most matches of a broad query not weighed.
#include "weighed_match.hpp"

#include <algorithm>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>

#include "docid_list.hpp"
#include "ranking_weight.hpp"
#include "test_support.hpp"

namespace vanban::testing {
namespace {

using Q = Xapian::Query;
using archive::weighed_matches;

// Folded words of Zipf-like frequencies, each also indexed under an exact spelling ("X" + word)
// in some of the documents holding it, as the archive indexes a word's written form beside its
// folded one (so "X" + word covers word: within it, never more often). "pair-a" and "pair-b" always
// stand in the same documents (one frequency) with different wdfs, so an AND's order among equal
// estimates changes the sum's last bits; "ghost" is in none; "tag:N" are boolean filter terms.
const std::vector<std::string> kWords = {"so",    "chuyen", "doi",    "cai",    "cach", "hanh",
                                         "chinh", "tiep",   "cong",   "dan",    "xa",   "hoi",
                                         "thu",   "tuc",    "pair-a", "pair-b", "ghost"};

// `exact_mostly`: a word's exact spelling at 4 of 5 of its places (as a word typed with its
// diacritics is mostly written so), else at 1 of 3.
Xapian::WritableDatabase random_database(const std::string& path, std::mt19937& random,
                                         int documents, bool exact_mostly = false) {
  Xapian::WritableDatabase database(path, Xapian::DB_CREATE_OR_OVERWRITE);
  std::discrete_distribution<std::size_t> pick(
      {40, 25, 20, 12, 10, 8, 8, 6, 5, 5, 3, 3, 2, 2, 0, 0, 0});
  for (int i = 0; i < documents; ++i) {
    Xapian::Document document;
    // Some documents repeat an earlier one's text: weights that tie, ordered by docid.
    const unsigned seed = random() % 8 == 0 ? static_cast<unsigned>(i % 17) : random();
    std::mt19937 text(seed);
    const auto length = 1 + text() % 200;
    Xapian::termpos at = 1;
    for (std::size_t n = 0; n < length; ++n) {
      const std::string& word = kWords[pick(text)];
      document.add_posting(word, at);
      if (exact_mostly ? text() % 5 != 0 : text() % 3 == 0) document.add_posting("X" + word, at);
      ++at;
    }
    if (text() % 6 == 0) {
      document.add_term("pair-a", 1);
      document.add_term("pair-b", 1 + text() % 4);
    }
    document.add_boolean_term("tag:" + std::to_string(random() % 3));
    database.add_document(document);
  }
  for (Xapian::docid gone = 7; gone <= database.get_lastdocid(); gone += 31)
    database.delete_document(gone);
  database.commit();
  return database;
}

// What the archives below hold: "X" + word only where word is, never more often.
bool exact_within(std::string_view sub, std::string_view super) {
  return sub.size() == super.size() + 1 && sub.front() == 'X' && sub.substr(1) == super;
}

// Every document's length by docid (as FacetColumns::lengths gives them).
std::vector<Xapian::termcount> lengths_of(const Xapian::Database& database) {
  std::vector<Xapian::termcount> lengths(database.get_lastdocid() + 1, 0);
  for (auto it = database.postlist_begin(""); it != database.postlist_end(""); ++it)
    lengths[*it] = it.get_doclength();
  return lengths;
}

// A word as the query builder writes it: its exact form boosted OR its folded form, or the
// folded form alone.
Q word(std::mt19937& random) {
  const std::string& folded = kWords[random() % kWords.size()];
  if (random() % 3 == 0) return Q(folded);
  return Q(Q::OP_OR, Q(Q::OP_SCALE_WEIGHT, Q("X" + folded), 3.0), Q(folded));
}

// A random tree of the shapes the builder makes, and a few it does not.
Q random_query(std::mt19937& random, int depth) {
  const int kind = depth > 2 ? 0 : static_cast<int>(random() % 9);
  auto some = [&](std::size_t least) {
    std::vector<Q> parts;
    for (std::size_t n = 0, size = least + random() % 3; n < size; ++n)
      parts.push_back(random_query(random, depth + 1));
    return parts;
  };
  switch (kind) {
    case 1:
    case 2: {
      const std::vector<Q> parts = some(2);
      return Q(Q::OP_AND, parts.begin(), parts.end());
    }
    case 3: {
      const std::vector<Q> parts = some(2);
      return Q(Q::OP_OR, parts.begin(), parts.end());
    }
    case 4:
      return Q(Q::OP_FILTER, random_query(random, depth + 1),
               Q("tag:" + std::to_string(random() % 3)));
    case 5: {
      Q required = random_query(random, depth + 1);
      for (std::size_t n = 0, size = 1 + random() % 2; n < size; ++n)
        required = Q(Q::OP_AND_MAYBE, required, random_query(random, depth + 1));
      return required;
    }
    case 6:
      return Q(Q::OP_AND_NOT, random_query(random, depth + 1), word(random));
    case 7:
      return Q(Q::OP_SCALE_WEIGHT, random_query(random, depth + 1), 0.5 + random() / 1e9);
    case 8: {
      std::vector<Q> pair{Q("pair-a"), Q("pair-b"), word(random)};
      std::shuffle(pair.begin(), pair.end(), random);
      return Q(Q::OP_AND, pair.begin(), pair.end());
    }
    default:
      return word(random);
  }
}

struct Expected {
  std::vector<std::pair<Xapian::docid, double>> best;
  Xapian::doccount total = 0;
};

Expected xapian_ranking(const Xapian::Database& database, const Q& query, Xapian::doccount wanted) {
  Xapian::Enquire enquire = archive::ranking_enquire(database);
  enquire.set_query(query);
  const Xapian::MSet matches = enquire.get_mset(0, wanted, database.get_doccount());
  Expected out;
  for (auto it = matches.begin(); it != matches.end(); ++it)
    out.best.emplace_back(*it, it.get_weight());
  out.total = matches.get_matches_estimated();
  EXPECT_EQ(matches.get_matches_lower_bound(), matches.get_matches_upper_bound());
  return out;
}

// The walk's best, count and matches are Xapian's MSet's, to the bit.
void expect_as_xapian(const archive::WeighedMatches& walked, const Expected& expected,
                      const Q& query, std::size_t& tied) {
  ASSERT_EQ(walked.best.size(), expected.best.size()) << query.get_description();
  for (std::size_t i = 0; i < expected.best.size(); ++i) {
    // Bit for bit: EXPECT_EQ on doubles compares exactly.
    EXPECT_EQ(walked.best[i].first, expected.best[i].first)
        << query.get_description() << " rank " << i;
    EXPECT_EQ(walked.best[i].second, expected.best[i].second)
        << query.get_description() << " rank " << i;
    if (i > 0 && expected.best[i].second == expected.best[i - 1].second) ++tied;
  }
  EXPECT_EQ(walked.total, expected.total) << query.get_description();
}

TEST(WeighedMatch, random_queries_rank_as_xapian_ranks_them_to_the_bit) {
  TempDir dir;
  std::size_t compared = 0, ranked = 0, left_to_xapian = 0, tied = 0;
  std::size_t matched = 0, weighed = 0, weighed_covered = 0;
  for (int archive = 0; archive < 3; ++archive) {
    std::mt19937 random(20261205 + archive);
    const Xapian::WritableDatabase database =
        random_database((dir / ("db" + std::to_string(archive))).string(), random, 1200);
    const std::vector<Xapian::termcount> lengths = lengths_of(database);
    for (int round = 0; round < 150; ++round) {
      const Q query = random_query(random, 0);
      const Xapian::doccount wanted = 1 + random() % 400;
      const std::optional<archive::WeighedMatches> walked =
          weighed_matches(database, query, wanted, nullptr, /*keep_all=*/true);
      // The same with the exact forms' lists sought only where their weight could count, and
      // the lengths from a column.
      const std::optional<archive::WeighedMatches> covered = weighed_matches(
          database, query, wanted, nullptr, /*keep_all=*/true, exact_within, lengths);
      if (!walked || !covered) {
        ++left_to_xapian;
        continue;
      }
      const Expected expected = xapian_ranking(database, query, wanted);
      expect_as_xapian(*walked, expected, query, tied);
      expect_as_xapian(*covered, expected, query, tied);
      EXPECT_EQ(walked->all.size(), walked->total);
      EXPECT_EQ(covered->all, walked->all) << query.get_description();
      ranked += expected.best.size();
      matched += walked->total;
      weighed += walked->weighed;
      weighed_covered += covered->weighed;
      ++compared;
    }
  }
  // Real rankings were compared, ties among them, and the walk took nearly every query.
  EXPECT_GT(ranked, 20000u);
  EXPECT_GT(tied, 200u);
  EXPECT_GT(compared, 400u);
  EXPECT_EQ(left_to_xapian, 0u);
  // Documents that could not enter the best were left unweighed (fewer with the exact forms'
  // lists not sought, their parts bounded by the folded forms' wdfs).
  EXPECT_LT(weighed, matched * 9 / 10) << matched;
  EXPECT_LT(weighed_covered, matched * 9 / 10) << matched;
}

// The wdfs the walk reads of its terms in its best documents (for the second phase, which takes
// them rather than seeking each term's postings again) are the database's: each one read equals
// the wdf a fresh posting list gives there, for random trees of every shape (an AND under an OR
// seeks its lists past documents they hold: those are not read); and the words' folded forms,
// which every match of a topic holds, are read in every best document.
TEST(WeighedMatch, the_wdfs_read_in_the_best_documents_are_the_databases) {
  TempDir dir;
  std::size_t checked = 0, unread = 0, folded_unread = 0;
  for (int archive = 0; archive < 2; ++archive) {
    std::mt19937 random(20261206 + archive);
    const Xapian::WritableDatabase database =
        random_database((dir / ("db" + std::to_string(archive))).string(), random, 900);
    const std::vector<Xapian::termcount> lengths = lengths_of(database);
    for (int round = 0; round < 120; ++round) {
      // Half the rounds a topic's shape: every word required, each its exact form OR its folded.
      Q query = random_query(random, 0);
      std::vector<std::string> required;
      if (round % 2 == 0) {
        std::vector<Q> words;
        for (std::size_t n = 0, size = 2 + random() % 3; n < size; ++n) {
          const std::string& folded = kWords[random() % 14];
          required.push_back(folded);
          words.push_back(Q(Q::OP_OR, Q(Q::OP_SCALE_WEIGHT, Q("X" + folded), 3.0), Q(folded)));
        }
        query = Q(Q::OP_AND, words.begin(), words.end());
      }
      const Xapian::doccount wanted = 1 + random() % 300;
      for (const bool covers : {false, true}) {
        const auto walked =
            weighed_matches(database, query, wanted, nullptr, /*keep_all=*/false,
                            covers ? exact_within : nullptr, lengths, /*read_wdfs=*/true);
        if (!walked) continue;
        // The same best as without reading them.
        const auto plain = weighed_matches(database, query, wanted, nullptr, false,
                                           covers ? exact_within : nullptr, lengths);
        ASSERT_TRUE(plain);
        EXPECT_EQ(walked->best, plain->best) << query.get_description();
        ASSERT_EQ(walked->wdfs.size(), walked->best.size());
        for (std::size_t i = 0; i < walked->best.size(); ++i) {
          const Xapian::docid docid = walked->best[i].first;
          ASSERT_EQ(walked->wdfs[i].size(), walked->terms.size());
          for (std::size_t t = 0; t < walked->terms.size(); ++t) {
            const std::string& term = walked->terms[t];
            const Xapian::termcount read = walked->wdfs[i][t];
            if (read == archive::WeighedMatches::kUnread) {
              ++unread;
              if (std::find(required.begin(), required.end(), term) != required.end())
                ++folded_unread;
              continue;
            }
            Xapian::PostingIterator posting = database.postlist_begin(term);
            posting.skip_to(docid);
            ASSERT_TRUE(posting != database.postlist_end(term) && *posting == docid)
                << term << " in " << docid;
            EXPECT_EQ(read, posting.get_wdf()) << term << " in " << docid;
            ++checked;
          }
        }
      }
    }
  }
  EXPECT_GT(checked, 20000u);
  EXPECT_GT(unread, 1000u);  // terms a best document lacks, lists not standing on it
  EXPECT_EQ(folded_unread, 0u);
}

// The shapes of a broad topic (every word required, each its exact form OR its folded form, the
// commonest optional), a page's window of the best among thousands of matches: most matches are
// never weighed, and the best are Xapian's to the bit.
TEST(WeighedMatch, a_broad_topic_weighs_few_of_its_matches) {
  TempDir dir;
  std::mt19937 random(16);
  const Xapian::WritableDatabase database =
      random_database((dir / "db").string(), random, 4000, /*exact_mostly=*/true);
  const std::vector<Xapian::termcount> lengths = lengths_of(database);
  auto both = [](const std::string& folded) {
    return Q(Q::OP_OR, Q(Q::OP_SCALE_WEIGHT, Q("X" + folded), 3.0), Q(folded));
  };
  std::size_t matched = 0, weighed = 0, tied = 0;
  for (int round = 0; round < 40; ++round) {
    std::vector<Q> words;
    for (std::size_t n = 0, size = 2 + random() % 3; n < size; ++n)
      words.push_back(both(kWords[1 + random() % 13]));
    Q query(Q::OP_AND, words.begin(), words.end());
    for (std::size_t n = 0, size = random() % 3; n < size; ++n)
      query = Q(Q::OP_AND_MAYBE, query, random() % 2 ? both("so") : Q(kWords[random() % 14]));
    const Xapian::doccount wanted = 1 + random() % 300;
    // The lengths from the database's list (a bound at the shortest length first), or a column.
    const auto walked =
        weighed_matches(database, query, wanted, nullptr, /*keep_all=*/true, exact_within,
                        round % 2 ? std::span<const Xapian::termcount>(lengths)
                                  : std::span<const Xapian::termcount>());
    ASSERT_TRUE(walked) << query.get_description();
    expect_as_xapian(*walked, xapian_ranking(database, query, wanted), query, tied);
    matched += walked->total;
    weighed += walked->weighed;
  }
  EXPECT_GT(matched, 20000u);
  EXPECT_LT(weighed, matched / 2) << matched;
}

// A fixed weight (Xapian's FixedWeightPostingSource), as the query builder gives a document
// number's own documents and those citing it (OP_FILTER of the weight by a term), or a relaxed
// search the documents holding every word.
Q fixed(double weight) {
  return Q((new Xapian::FixedWeightPostingSource(weight))->release());
}

// random_query()'s trees with fixed weights among them: a number's shape (its own documents and
// those citing it at fixed weights, OR its mentions weighed as a word), a fixed weight under a
// filter, on the weightless side of one, scaled, alone, or beside the words.
Q random_fixed_query(std::mt19937& random, int depth) {
  const auto term = [&] { return Q(kWords[random() % kWords.size()]); };
  switch (depth > 2 ? 0 : random() % 7) {
    case 1: {
      const Q each[] = {Q(Q::OP_FILTER, fixed(1000), term()), Q(Q::OP_FILTER, fixed(100), term()),
                        word(random)};
      return Q(Q::OP_OR, std::begin(each), std::end(each));
    }
    case 2:
      return Q(Q::OP_FILTER, fixed(0.25 + random() % 1000 / 7.0),
               random_fixed_query(random, depth + 1));
    case 3:
      return Q(Q::OP_FILTER, random_fixed_query(random, depth + 1), fixed(50));
    case 4:
      return Q(Q::OP_OR, random_fixed_query(random, depth + 1),
               random() % 4 == 0 ? fixed(3.5) : random_fixed_query(random, depth + 1));
    case 5:
      return Q(Q::OP_SCALE_WEIGHT, random_fixed_query(random, depth + 1), 0.5 + random() / 1e9);
    case 6:
      return Q(Q::OP_AND_MAYBE, random_fixed_query(random, depth + 1),
               Q(Q::OP_FILTER, fixed(100000), random_fixed_query(random, depth + 1)));
    default:
      return random_query(random, depth);
  }
}

TEST(WeighedMatch, fixed_weights_rank_as_xapian_ranks_them_to_the_bit) {
  TempDir dir;
  std::size_t compared = 0, ranked = 0, tied = 0, with_fixed = 0;
  for (int archive = 0; archive < 2; ++archive) {
    std::mt19937 random(20261207 + archive);
    const Xapian::WritableDatabase database =
        random_database((dir / ("db" + std::to_string(archive))).string(), random, 1200);
    const std::vector<Xapian::termcount> lengths = lengths_of(database);
    for (int round = 0; round < 150; ++round) {
      const Q query = random_fixed_query(random, 0);
      const Xapian::doccount wanted = 1 + random() % 400;
      for (const bool column : {false, true}) {
        const auto walked = weighed_matches(database, query, wanted, nullptr, /*keep_all=*/true,
                                            column ? exact_within : nullptr,
                                            column ? std::span<const Xapian::termcount>(lengths)
                                                   : std::span<const Xapian::termcount>());
        ASSERT_TRUE(walked) << query.get_description();
        const Expected expected = xapian_ranking(database, query, wanted);
        expect_as_xapian(*walked, expected, query, tied);
        EXPECT_EQ(walked->all.size(), walked->total);
        ranked += expected.best.size();
      }
      if (query.get_description().find("FixedWeight") != std::string::npos) ++with_fixed;
      ++compared;
    }
  }
  EXPECT_GT(with_fixed, 150u);
  EXPECT_GT(ranked, 20000u);
  EXPECT_GT(tied, 200u);
}

// A document number's page at a fixed weight: its own documents first, then those citing it
// (each by its mentions' weight), then those mentioning it only, as Xapian ranks them; and every
// match listed once.
TEST(WeighedMatch, a_numbers_own_and_citing_documents_rank_as_xapian_ranks_them) {
  TempDir dir;
  Xapian::WritableDatabase database((dir / "db").string(), Xapian::DB_CREATE_OR_OVERWRITE);
  std::mt19937 random(14);
  for (int i = 0; i < 600; ++i) {
    Xapian::Document document;
    for (Xapian::termpos at = 1, length = 5 + random() % 300; at <= length; ++at)
      document.add_posting(kWords[random() % 14], at);
    if (i % 97 == 5) document.add_boolean_term("N12/2020/nd-cp");
    if (random() % 4 == 0) document.add_boolean_term("C12/2020/nd-cp");
    if (random() % 3 == 0) document.add_term("12/2020/nd-cp", 1 + random() % 5);
    database.add_document(document);
  }
  database.commit();
  const Q each[] = {Q(Q::OP_FILTER, fixed(1000), Q("N12/2020/nd-cp")),
                    Q(Q::OP_FILTER, fixed(100), Q("C12/2020/nd-cp")), Q("12/2020/nd-cp")};
  const Q number(Q::OP_OR, std::begin(each), std::end(each));
  std::size_t tied = 0;
  for (const Xapian::doccount wanted : {1u, 10u, 20u, 300u, 600u}) {
    const auto walked = weighed_matches(database, number, wanted, nullptr, /*keep_all=*/true,
                                        nullptr, lengths_of(database));
    ASSERT_TRUE(walked);
    const Expected expected = xapian_ranking(database, number, wanted);
    expect_as_xapian(*walked, expected, number, tied);
    EXPECT_GT(walked->total, 300u);
    EXPECT_EQ(walked->all.size(), walked->total);
    EXPECT_TRUE(std::is_sorted(walked->all.begin(), walked->all.end()));
    // Its own documents (weight 1000 and more) lead the page.
    if (wanted >= 10) {
      EXPECT_GE(walked->best.front().second, 1000.0);
      EXPECT_LT(walked->best.back().second, 1000.0);
    }
  }
}

TEST(WeighedMatch, restricted_to_docids_weighs_as_xapian_under_a_filter) {
  TempDir dir;
  std::mt19937 random(31);
  const Xapian::WritableDatabase database = random_database((dir / "db").string(), random, 1500);
  std::size_t weighed = 0;
  for (int round = 0; round < 80; ++round) {
    const Q query = random_query(random, 0);
    std::vector<Xapian::docid> within;
    for (Xapian::docid id = 1; id <= database.get_lastdocid(); ++id)
      if (random() % 5 == 0) within.push_back(id);
    const auto size = static_cast<Xapian::doccount>(within.size());
    const auto walked = weighed_matches(database, query, size, &within);
    ASSERT_TRUE(walked) << query.get_description();
    const Expected expected =
        xapian_ranking(database, Q(Q::OP_FILTER, query, archive::docid_query(within)), size);
    ASSERT_EQ(walked->best.size(), expected.best.size()) << query.get_description();
    for (std::size_t i = 0; i < expected.best.size(); ++i) {
      EXPECT_EQ(walked->best[i].first, expected.best[i].first) << query.get_description();
      EXPECT_EQ(walked->best[i].second, expected.best[i].second) << query.get_description();
    }
    weighed += expected.best.size();
  }
  EXPECT_GT(weighed, 5000u);
}

TEST(WeighedMatch, leaves_to_xapian_what_it_does_not_weigh_as_xapian_does) {
  TempDir dir;
  std::mt19937 random(5);
  const Xapian::WritableDatabase database = random_database((dir / "db").string(), random, 100);
  std::vector<Q> pair{Q("so"), Q("doi")};
  EXPECT_TRUE(weighed_matches(database, Q(Q::OP_AND, pair.begin(), pair.end()), 10));
  // Positions, a wdf of its own, a weighed synonym, a value range, a posting source.
  EXPECT_FALSE(weighed_matches(database, Q(Q::OP_PHRASE, pair.begin(), pair.end(), 2), 10));
  const Q and_phrase(Q::OP_AND, Q("cai"), Q(Q::OP_PHRASE, pair.begin(), pair.end(), 2));
  EXPECT_FALSE(weighed_matches(database, and_phrase, 10));
  EXPECT_FALSE(weighed_matches(database, Q("so", 2), 10));
  EXPECT_FALSE(weighed_matches(database, Q(Q::OP_SYNONYM, pair.begin(), pair.end()), 10));
  EXPECT_FALSE(weighed_matches(database, Q(Q::OP_VALUE_GE, 0, "a"), 10));
  EXPECT_FALSE(
      weighed_matches(database, Q(Q::OP_FILTER, Q("so"), archive::docid_query({1, 2})), 10));
  // A source of weights that vary by document; a fixed weight is weighed.
  EXPECT_FALSE(weighed_matches(
      database, Q(Q::OP_OR, Q("so"), Q((new Xapian::ValueWeightPostingSource(0))->release())), 10));
  EXPECT_TRUE(weighed_matches(database, Q(Q::OP_OR, Q("so"), fixed(2.0)), 10));
  // Weightless, a synonym is an OR.
  EXPECT_TRUE(weighed_matches(
      database, Q(Q::OP_FILTER, Q("so"), Q(Q::OP_SYNONYM, pair.begin(), pair.end())), 10));
  // Nothing, and a word in no document: no match, no failure.
  const auto nothing = weighed_matches(database, Q(), 10);
  ASSERT_TRUE(nothing);
  EXPECT_EQ(nothing->total, 0u);
  const auto ghost = weighed_matches(database, Q(Q::OP_AND, Q("so"), Q("ghost")), 10);
  ASSERT_TRUE(ghost);
  EXPECT_EQ(ghost->total, 0u);
}

}  // namespace
}  // namespace vanban::testing
