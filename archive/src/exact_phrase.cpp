#include "exact_phrase.hpp"

#include <algorithm>

#include "document_spellings.hpp"
#include "schema.hpp"

namespace vanban::archive {

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
  for (const PhraseWord& word : words_) {
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

bool ExactPhraseSource::holds(DocumentSpellings& spellings, const std::vector<PhraseWord>& words) {
  if (words.empty()) return false;
  // Every start of the folded phrase.
  std::vector<Xapian::termpos> starts = spellings.folded_positions(words.front().folded);
  for (std::size_t i = 1; i < words.size() && !starts.empty(); ++i) {
    const std::vector<Xapian::termpos> at = spellings.folded_positions(words[i].folded);
    std::erase_if(starts, [&](Xapian::termpos start) {
      return !std::binary_search(at.begin(), at.end(), start + static_cast<Xapian::termpos>(i));
    });
  }
  // Of those, the starts where each accented word is spelled as typed: where every occurrence
  // of its folded word is (the two wdfs equal), all of them; else at its spelling's positions.
  for (std::size_t i = 0; i < words.size() && !starts.empty(); ++i) {
    const PhraseWord& word = words[i];
    if (word.exact.empty()) continue;
    const Xapian::termcount exact = spellings.wdf(schema::term("", word.exact));
    if (exact == 0) return false;
    if (exact == spellings.wdf(schema::term(schema::kFolded, word.folded))) continue;
    const std::vector<Xapian::termpos> at = spellings.spelled(word.exact, word.folded);
    std::erase_if(starts, [&](Xapian::termpos start) {
      return !std::binary_search(at.begin(), at.end(), start + static_cast<Xapian::termpos>(i));
    });
  }
  return !starts.empty();
}

bool ExactPhraseSource::holds(const Xapian::Database& database, Xapian::docid did,
                              const std::vector<PhraseWord>& words) {
  DocumentSpellings spellings(database, did);
  return holds(spellings, words);
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
  DocumentSpellings spellings(database_, did);
  for (std::size_t i = 0; i < words_.size(); ++i) {
    spellings.know_wdf(terms_[i], postings_[i].get_wdf());
    if (words_[i].exact.empty()) continue;
    Xapian::PostingIterator& folded = folded_[i];
    if (folded != database_.postlist_end(folded_terms_[i]) && *folded < did) folded.skip_to(did);
    if (folded != database_.postlist_end(folded_terms_[i]) && *folded == did)
      spellings.know_wdf(folded_terms_[i], folded.get_wdf());
  }
  return holds(spellings, words_);
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
