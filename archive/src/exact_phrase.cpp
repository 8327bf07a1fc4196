#include "exact_phrase.hpp"

#include <algorithm>
#include <cstdint>

#include "schema.hpp"

namespace vanban::archive {

namespace {

using WordTerms = ExactPhraseSource::WordTerms;

void read_positions(const Xapian::Database& database, Xapian::docid did, const std::string& term,
                    std::vector<Xapian::termpos>& out) {
  out.clear();
  for (auto it = database.positionlist_begin(did, term); it != database.positionlist_end(did, term);
       ++it)
    out.push_back(*it);
}

// Keeps the starts `s` with `s + offset` in `sorted` (or, with `keep` false, not in it).
void filter_starts(std::vector<Xapian::termpos>& starts, const std::vector<Xapian::termpos>& sorted,
                   Xapian::termpos offset, bool keep) {
  std::erase_if(starts, [&](Xapian::termpos start) {
    return std::binary_search(sorted.begin(), sorted.end(), start + offset) != keep;
  });
}

// Whether document `did` holds the words side by side, each accented one spelled as typed,
// given the wdfs there of each word's exact term (0: the document lacks it) and folded term.
// First the folded phrase, on the folded positions (as many position lists as words); then, at
// its starts only, the spelling of each accented word the wdfs leave open (SCHEMA.md: positions
// for the minority spellings): more than half of the folded word's weight is the dominant
// spelling, which stands where the word's other spellings do not; else its own positions if it
// has any, else it is the dominant one all the same. A document indexed before (every exact
// form with positions, no other spellings' term) is read by its own positions.
bool phrase_at(const Xapian::Database& database, Xapian::docid did,
               const std::vector<WordTerms>& terms,
               const std::vector<Xapian::termcount>& exact_wdfs,
               const std::vector<Xapian::termcount>& folded_wdfs) {
  const std::size_t words = terms.size();
  for (std::size_t i = 0; i < words; ++i)
    if (!terms[i].exact.empty() && exact_wdfs[i] == 0) return false;
  thread_local std::vector<Xapian::termpos> starts;
  thread_local std::vector<Xapian::termpos> at;
  thread_local std::vector<std::size_t> order;
  // The folded phrase, from the word of least weight.
  order.resize(words);
  for (std::size_t i = 0; i < words; ++i)
    order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return folded_wdfs[a] < folded_wdfs[b]; });
  read_positions(database, did, terms[order[0]].folded, starts);
  const auto first = static_cast<Xapian::termpos>(order[0]);
  std::erase_if(starts, [&](Xapian::termpos position) { return position <= first; });
  for (Xapian::termpos& position : starts)
    position -= first;
  for (std::size_t k = 1; k < words && !starts.empty(); ++k) {
    read_positions(database, did, terms[order[k]].folded, at);
    filter_starts(starts, at, static_cast<Xapian::termpos>(order[k]), true);
  }
  // Each accented word's spelling at those starts.
  for (std::size_t i = 0; i < words && !starts.empty(); ++i) {
    if (terms[i].exact.empty() || exact_wdfs[i] == folded_wdfs[i]) continue;
    const auto offset = static_cast<Xapian::termpos>(i);
    const bool dominant = 2 * static_cast<std::uint64_t>(exact_wdfs[i]) > folded_wdfs[i];
    if (!dominant) {
      read_positions(database, did, terms[i].exact, at);
      if (!at.empty()) {  // a minority spelling (or a document indexed before)
        filter_starts(starts, at, offset, true);
        continue;
      }
    }
    read_positions(database, did, terms[i].others, at);
    if (!at.empty()) {
      filter_starts(starts, at, offset, false);
    } else if (dominant) {  // spelled otherwise too, without the other spellings' term
      read_positions(database, did, terms[i].exact, at);
      filter_starts(starts, at, offset, true);
    } else {
      return false;  // (never: the document holds it, so it has positions or is dominant)
    }
  }
  return !starts.empty();
}

WordTerms terms_of(const PhraseWord& word) {
  return {word.exact.empty() ? std::string() : schema::term("", word.exact),
          schema::term(schema::kFolded, word.folded),
          schema::term(schema::kOtherSpellings, word.folded)};
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
