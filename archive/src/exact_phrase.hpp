// A strict phrase typed with diacritics ("Dân vận"), checked document by document: the words
// side by side, each typed with diacritics spelled as typed. The query builder asks Xapian's own
// phrase instead where every document is indexed with exact positions only for the words it
// spells several ways (SCHEMA.md); this source serves archives indexed before (or partly
// re-indexed) and phrases of more accented words than the builder branches on. The phrase is
// found on the folded forms' positions; an accented word the document spells otherwise too is
// checked on its exact form's positions. A filter (no weight of its own): the query builder
// weighs the words' terms beside it, as Xapian weighs a phrase.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

namespace vanban::archive {

struct PhraseWord {
  std::string folded;  // the folded form (without prefix)
  std::string exact;   // the exact form it must be spelled as; empty: any spelling
};

class ExactPhraseSource : public Xapian::PostingSource {
 public:
  explicit ExactPhraseSource(std::vector<PhraseWord> words);

  ExactPhraseSource* clone() const override;
  void init(const Xapian::Database& database) override;
  Xapian::doccount get_termfreq_min() const override;
  Xapian::doccount get_termfreq_est() const override;
  Xapian::doccount get_termfreq_max() const override;
  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  bool check(Xapian::docid did, double min_wt) override;
  bool at_end() const override;
  Xapian::docid get_docid() const override;
  std::string get_description() const override;

  // Whether document `did` of `database` holds the phrase.
  static bool holds(const Xapian::Database& database, Xapian::docid did,
                    const std::vector<PhraseWord>& words);

  // The terms the check reads for one word.
  struct WordTerms {
    std::string exact;   // its exact term; empty: any spelling
    std::string folded;  // its folded term
  };

 private:
  // The first document from `did` on holding every word's term (exact where typed so), or 0.
  Xapian::docid align(Xapian::docid did);
  bool holds_here(Xapian::docid did);
  void find_from(Xapian::docid did);

  std::vector<PhraseWord> words_;
  Xapian::Database database_;
  std::vector<WordTerms> word_terms_;
  std::vector<std::string> terms_;  // per word: its exact term where accented, else folded
  std::vector<Xapian::PostingIterator> postings_;  // over terms_
  std::vector<std::string> folded_terms_;          // per word: its folded term
  std::vector<Xapian::PostingIterator> folded_;    // over folded_terms_ (accented words only)
  Xapian::doccount frequency_ = 0;                 // the rarest of terms_
  Xapian::docid current_ = 0;
  bool started_ = false;
  bool matched_ = false;  // current_ holds the phrase (not a miss left by check())
  bool ended_ = false;
};

}  // namespace vanban::archive
