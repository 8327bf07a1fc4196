// The document frequency of an adjacent pair (archive/src/pair_frequency.hpp): the documents
// holding the first term right before the second, which the index records for no term. Exact
// against Xapian's own two-word phrase while few documents hold both terms; beyond the sample,
// an estimate from the share found side by side.
#include "pair_frequency.hpp"

#include <cmath>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>

#include "test_support.hpp"

namespace vanban::testing {
namespace {

using archive::kPairSample;
using archive::pair_frequency;

// The documents Xapian's phrase of the two terms matches: every one counted.
double phrase_documents(const Xapian::Database& database, const std::string& first,
                        const std::string& second) {
  const std::vector<Xapian::Query> parts{Xapian::Query(first), Xapian::Query(second)};
  Xapian::Enquire enquire(database);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_PHRASE, parts.begin(), parts.end(), 2));
  const Xapian::MSet all = enquire.get_mset(0, database.get_doccount(), database.get_doccount());
  return all.size();
}

// Texts of 1-80 positions over a few words: "kế" is usually followed by "hoạch" (a common
// expression), "dân" and "vận" are common but rarely side by side (a compound few hold).
Xapian::WritableDatabase pair_database(const std::string& path, int documents) {
  Xapian::WritableDatabase database(path, Xapian::DB_CREATE_OR_OVERWRITE);
  std::mt19937 random(11);
  const std::vector<std::string> words = {"kế", "hoạch", "dân", "vận", "nhân", "hành", "công"};
  for (int i = 0; i < documents; ++i) {
    Xapian::Document document;
    Xapian::termpos at = 1;
    const auto length = 1 + random() % 80;
    for (std::size_t n = 0; n < length; ++n) {
      const std::string& word = words[random() % words.size()];
      document.add_posting(word, at++);
      if (word == "kế" && random() % 4 != 0) document.add_posting("hoạch", at++);
    }
    database.add_document(document);
  }
  database.commit();
  return database;
}

TEST(PairFrequency, counts_the_documents_holding_the_pair_side_by_side_in_its_order) {
  TempDir dir;
  // At most kPairSample documents hold both terms of any pair: every one is checked.
  Xapian::WritableDatabase database =
      pair_database((dir / "db").string(), static_cast<int>(kPairSample));
  for (const auto& [first, second] :
       std::vector<std::pair<std::string, std::string>>{{"kế", "hoạch"},
                                                        {"hoạch", "kế"},
                                                        {"dân", "vận"},
                                                        {"vận", "dân"},
                                                        {"nhân", "nhân"},
                                                        {"công", "absent"},
                                                        {"absent", "công"}}) {
    EXPECT_EQ(pair_frequency(database, first, second), phrase_documents(database, first, second))
        << first << " " << second;
  }
  // The compound of common words is held by fewer documents than the common expression.
  EXPECT_LT(pair_frequency(database, "dân", "vận"), pair_frequency(database, "kế", "hoạch"));
}

TEST(PairFrequency, beyond_its_sample_estimates_from_the_density_of_the_part_walked) {
  TempDir dir;
  const int documents = static_cast<int>(kPairSample) * 16;
  Xapian::WritableDatabase database = pair_database((dir / "db").string(), documents);
  for (const auto& [first, second] : std::vector<std::pair<std::string, std::string>>{
           {"kế", "hoạch"}, {"dân", "vận"}, {"hoạch", "kế"}}) {
    const double exact = phrase_documents(database, first, second);
    const double estimate = pair_frequency(database, first, second);
    // kPairSample documents drawn without ranking, their density taken for the rest: within a
    // quarter of the count.
    EXPECT_NEAR(estimate, exact, 0.25 * exact + 1) << first << " " << second;
  }
}

}  // namespace
}  // namespace vanban::testing
