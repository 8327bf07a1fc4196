#include "exact_phrase.hpp"

#include <algorithm>
#include <cstdint>

#include "schema.hpp"

namespace vanban::archive {

namespace {

using WordTerms = ExactPhraseSource::WordTerms;

// A position list read as far as the phrase's starts need (positions ascending).
class Positions {
 public:
  void open(const Xapian::Database& database, Xapian::docid did, const std::string& term) {
    it_ = database.positionlist_begin(did, term);
    opened_ = true;
  }
  bool opened() const { return opened_; }
  bool empty() const { return it_ == Xapian::PositionIterator(); }
  // Whether `position` is in the list; false at its end.
  bool holds(Xapian::termpos position) {
    it_.skip_to(position);
    return !empty() && *it_ == position;
  }
  // Whether no position from `position` on is in the list.
  bool over(Xapian::termpos position) {
    it_.skip_to(position);
    return empty();
  }

 private:
  Xapian::PositionIterator it_;
  bool opened_ = false;
};

// Whether document `did` holds the words side by side, each accented one spelled as typed,
// given the wdfs there of each word's exact term (0: the document lacks it) and folded term.
// The folded phrase's starts, from the word of least weight (each list read only as far as the
// starts need, as Xapian reads a phrase); at each start, each accented word the document also
// spells otherwise (its two wdfs differ) on its exact form's own positions (SCHEMA.md: they
// have them there, as in archives indexed before); the others are spelled as typed wherever
// the folded form stands.
bool phrase_at(const Xapian::Database& database, Xapian::docid did,
               const std::vector<WordTerms>& terms,
               const std::vector<Xapian::termcount>& exact_wdfs,
               const std::vector<Xapian::termcount>& folded_wdfs) {
  const std::size_t words = terms.size();
  for (std::size_t i = 0; i < words; ++i)
    if (!terms[i].exact.empty() && exact_wdfs[i] == 0) return false;
  std::vector<std::size_t> order(words);
  for (std::size_t i = 0; i < words; ++i)
    order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return folded_wdfs[a] < folded_wdfs[b]; });
  std::vector<Positions> folded(words);
  std::vector<Positions> spelling(words);  // the exact forms' own positions
  const std::size_t anchor = order[0];
  for (auto it = database.positionlist_begin(did, terms[anchor].folded);
       it != Xapian::PositionIterator(); ++it) {
    if (*it <= anchor) continue;
    const Xapian::termpos start = *it - static_cast<Xapian::termpos>(anchor);
    bool found = true;
    for (std::size_t k = 1; k < words && found; ++k) {
      const std::size_t i = order[k];
      const auto at = start + static_cast<Xapian::termpos>(i);
      if (!folded[i].opened()) folded[i].open(database, did, terms[i].folded);
      if (folded[i].over(at)) return false;
      found = folded[i].holds(at);
    }
    for (std::size_t i = 0; i < words && found; ++i) {
      if (terms[i].exact.empty() || exact_wdfs[i] == folded_wdfs[i]) continue;
      const auto at = start + static_cast<Xapian::termpos>(i);
      // Spelled otherwise too in this document: the exact form has its own positions.
      if (!spelling[i].opened()) spelling[i].open(database, did, terms[i].exact);
      if (spelling[i].over(at)) return false;
      found = spelling[i].holds(at);
    }
    if (found) return true;
  }
  return false;
}

WordTerms terms_of(const PhraseWord& word) {
  return {word.exact.empty() ? std::string() : schema::term("", word.exact),
          schema::term(schema::kFolded, word.folded)};
}

Xapian::termcount wdf_in(const Xapian::Database& database, Xapian::docid did,
                         const std::string& term) {
  Xapian::PostingIterator it = database.postlist_begin(term);
  if (it != database.postlist_end(term)) it.skip_to(did);
  return it != database.postlist_end(term) && *it == did ? it.get_wdf() : 0;
}

}  // namespace

ExactPhraseSource::ExactPhraseSource(std::vector<PhraseWord> words) : words_(std::move(words)) {}

ExactPhraseSource* ExactPhraseSource::clone() const {
  return new ExactPhraseSource(words_);  // Xapian owns the clones it asks for
}

void ExactPhraseSource::init(const Xapian::Database& database) {
  database_ = database;
  terms_.clear();
  postings_.clear();
  folded_terms_.clear();
  folded_.clear();
  frequency_ = words_.empty() ? 0 : database_.get_doccount();
  word_terms_.clear();
  for (const PhraseWord& word : words_) {
    word_terms_.push_back(terms_of(word));
    folded_terms_.push_back(schema::term(schema::kFolded, word.folded));
    terms_.push_back(word.exact.empty() ? folded_terms_.back() : schema::term("", word.exact));
    postings_.push_back(database_.postlist_begin(terms_.back()));
    folded_.push_back(word.exact.empty() ? Xapian::PostingIterator()
                                         : database_.postlist_begin(folded_terms_.back()));
    frequency_ = std::min(frequency_, database_.get_termfreq(terms_.back()));
  }
  current_ = 0;
  started_ = false;
  matched_ = false;
  ended_ = words_.empty();
}

Xapian::doccount ExactPhraseSource::get_termfreq_min() const {
  return 0;
}
Xapian::doccount ExactPhraseSource::get_termfreq_est() const {
  return frequency_;
}
Xapian::doccount ExactPhraseSource::get_termfreq_max() const {
  return frequency_;
}

bool ExactPhraseSource::holds(const Xapian::Database& database, Xapian::docid did,
                              const std::vector<PhraseWord>& words) {
  if (words.empty()) return false;
  std::vector<WordTerms> terms;
  std::vector<Xapian::termcount> exact_wdfs;
  std::vector<Xapian::termcount> folded_wdfs;
  for (const PhraseWord& word : words) {
    terms.push_back(terms_of(word));
    folded_wdfs.push_back(wdf_in(database, did, terms.back().folded));
    exact_wdfs.push_back(terms.back().exact.empty() ? folded_wdfs.back()
                                                    : wdf_in(database, did, terms.back().exact));
  }
  return phrase_at(database, did, terms, exact_wdfs, folded_wdfs);
}

Xapian::docid ExactPhraseSource::align(Xapian::docid did) {
  for (;;) {
    bool moved = false;
    for (std::size_t i = 0; i < postings_.size(); ++i) {
      Xapian::PostingIterator& it = postings_[i];
      if (it == database_.postlist_end(terms_[i])) return 0;
      if (*it < did) it.skip_to(did);
      if (it == database_.postlist_end(terms_[i])) return 0;
      if (*it > did) {
        did = *it;
        moved = true;
      }
    }
    if (!moved) return did;
  }
}

// At a document holding every term (align() returned it).
bool ExactPhraseSource::holds_here(Xapian::docid did) {
  thread_local std::vector<Xapian::termcount> exact_wdfs;
  thread_local std::vector<Xapian::termcount> folded_wdfs;
  exact_wdfs.assign(words_.size(), 0);
  folded_wdfs.assign(words_.size(), 0);
  for (std::size_t i = 0; i < words_.size(); ++i) {
    exact_wdfs[i] = postings_[i].get_wdf();
    if (words_[i].exact.empty()) {
      folded_wdfs[i] = exact_wdfs[i];
      continue;
    }
    Xapian::PostingIterator& folded = folded_[i];
    if (folded != database_.postlist_end(folded_terms_[i]) && *folded < did) folded.skip_to(did);
    if (folded != database_.postlist_end(folded_terms_[i]) && *folded == did)
      folded_wdfs[i] = folded.get_wdf();
  }
  return phrase_at(database_, did, word_terms_, exact_wdfs, folded_wdfs);
}

void ExactPhraseSource::find_from(Xapian::docid did) {
  started_ = true;
  matched_ = false;
  for (;;) {
    const Xapian::docid at = align(did);
    if (at == 0) {
      ended_ = true;
      return;
    }
    if (holds_here(at)) {
      current_ = at;
      matched_ = true;
      return;
    }
    did = at + 1;
  }
}

void ExactPhraseSource::next(double) {
  find_from(started_ ? current_ + 1 : 1);
}

void ExactPhraseSource::skip_to(Xapian::docid did, double) {
  if (matched_ && did <= current_) return;
  find_from(did);
}

bool ExactPhraseSource::check(Xapian::docid did, double) {
  // After a miss the position is indeterminate: the next next() or skip_to() starts past `did`.
  started_ = true;
  current_ = did;
  const Xapian::docid at = align(did);
  if (at == 0) {
    ended_ = true;
    return true;  // at the end: what skip_to() would do
  }
  matched_ = at == did && holds_here(did);
  return matched_;
}

bool ExactPhraseSource::at_end() const {
  return ended_;
}

Xapian::docid ExactPhraseSource::get_docid() const {
  return current_;
}

std::string ExactPhraseSource::get_description() const {
  std::string out = "ExactPhraseSource(";
  for (const PhraseWord& word : words_)
    out += (word.exact.empty() ? word.folded : word.exact) + ' ';
  return out + ')';
}

}  // namespace vanban::archive
