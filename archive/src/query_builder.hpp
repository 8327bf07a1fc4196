// From the parsed box and the URL filters to Xapian queries.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <xapian.h>

#include "vanban/archive/query_parser.hpp"
#include "vanban/archive/search_request.hpp"
#include "vanban/common/result.hpp"

namespace vanban::archive {

// The query matching every document, made anew for each use. Never Xapian::Query::MatchAll: a
// static Query whose reference count (a plain unsigned, not atomic) every copy changes; shared by
// the server's search threads, lost updates freed it while they still used it, and a search then
// crashed inside Xapian (docs/RELIABILITY.md, "the crash under load"). Xapian's header says so
// too. MatchNothing holds no internals and is safe to share.
inline Xapian::Query all_documents() {
  return Xapian::Query(std::string());
}

// How the plain words of the box (not the `+words`, phrases, OR groups) must match.
enum class Matching {
  all_words,  // every word but the function words and those in most documents
  any_word,   // documents holding any of them, those holding all first, then by weight: what a
              // search falls back to when too few documents hold all the words; likewise for
              // several document numbers typed together (any of them, all of them first)
  by_weight,  // documents holding any of them, by weight alone (no place kept for those holding
              // all): a question (asks_question()); typed with diacritics, its function words
              // and those in most documents only weigh
};

// The terms the box's words match: the whole text's, or the title's alone (SearchScope).
struct TextTerms {
  std::string_view folded;
  std::string_view exact;
};

// Fewer documents holding all the words than this: the search falls back to any_word.
inline constexpr std::uint64_t kFewDocuments = 3;

// Whether any_word matching could find more than all_words: the box holds plain words at its
// top level besides the `+words`, or several document numbers, and not exactly one number
// (beside one number the words only rank anyway, and the number is what was asked for).
bool can_relax(const query::Node& root);

class QueryBuilder {
 public:
  // Without `rank_bonuses` the words carry no adjacency or heading bonus: for results sorted by
  // date, where relevance only orders documents of the same date, those phrase checks on every
  // match would cost more than they tell.
  // `local`: every database is local (no remote shard), so a strict phrase typed with
  // diacritics checks each spelling at its place (ExactPhraseSource, which a remote server
  // cannot run).
  explicit QueryBuilder(const Xapian::Database& database, bool rank_bonuses = true,
                        Matching matching = Matching::all_words,
                        SearchScope scope = SearchScope::all, bool local = true);

  // The same matching without any weight (to count a result set): no bonuses, and each word by
  // its folded term alone, not also by its exact or restored spelling (ranking only: a document
  // holding a word's exact form holds its folded form too, document_builder.cpp, so the matches
  // are the same); a strict phrase by the check of its positions alone, which requires its words.
  QueryBuilder matching_only() const;

  // Whether the box is one strict phrase of several words (besides exclusions) whose weight
  // comes out the same when its matches are known and its positions not checked again
  // (phrase_within()): Xapian adds up the words' weights in the order of their frequencies, so
  // the words must add up in one order only (two words, or no two of the same frequency).
  bool one_phrase_known_by_matches(const query::Node& root) const;
  // The same queries where a strict phrase every match must hold (one_phrase_known_by_matches)
  // is known to match exactly `matches` (a boolean query: the counting run's documents): its
  // words weigh as before, filtered by `matches` instead of their positions, so that ranking
  // does not read the positions counting has read.
  QueryBuilder phrase_within(Xapian::Query matches) const;

  // Counting a strict phrase typed with diacritics by choices of spellings (phrase_count.hpp):
  // - folded_phrases(): the same matching, but a strict phrase of accented words by its words
  //   alone, as typed (an excluded phrase stays strict): a superset, its candidates.
  // - phrase_spellings(): the folded forms of those words that some document spells several
  //   ways (schema::kOtherSpellings), for a box of one strict phrase of several words (and
  //   exclusions); nullopt where the two steps do not apply (another box, no accented word, the
  //   title's own exact positions, an archive whose documents are not all marked).
  // - phrase_spelled(): that phrase as a document spelling `several_ways` (folded forms) several
  //   ways and its other accented words one way holds it: the exact forms' positions for the
  //   former (the only ones indexed with positions there), the folded forms' for the others.
  QueryBuilder folded_phrases() const;
  std::optional<std::vector<std::string>> phrase_spellings(const query::Node& root) const;
  Xapian::Query phrase_spelled(const query::Node& root,
                               const std::vector<std::string>& several_ways) const;

  // Whether all_words matching leaves `word` out of the required ones: `+word` never; a
  // function word, or a word in more than half of the documents (its BM25 idf is not
  // positive: it tells nothing), always.
  bool optional(const query::Word& word) const;
  // The term of `word`'s folded form in the text searched (the whole text, or the title).
  std::string folded_key(const query::Word& word) const;
  // The terms a document holding `word` holds one of: its folded key, and for a count under ten
  // the other spelling ("6" and "06": legal texts write counts under ten with a leading zero).
  std::vector<std::string> folded_keys(const query::Word& word) const;
  // The words of the box (top-level groups) that the result set does not require, and under
  // any_word the document numbers, as typed, when there are several (any one of them matches).
  std::vector<std::string> unrequired_words(const query::Node& root) const;
  // The folded words of the box that name a document type read as a hint (short_box_bonuses():
  // "kế hoạch" of "kế hoạch chuyển đổi số"), not also words of its topic. They say what kind of
  // document is wanted, not where in it the topic stands (a snippet looks for the topic first).
  std::vector<std::string> type_hint_words(const query::Node& root) const;

  // The ranking query of the box; every document (all_documents()) when the box holds no
  // positive term. With `proximity`, the bonuses of a group of words that need positions (a phrase
  // of its words, each adjacent pair, the phrase in the heading) are left out of it and put there:
  // each adds to a document's weight through an OP_AND_MAYBE of the full query, so the full weight
  // is the weight of the query without them plus theirs (two_phase_ranking.hpp).
  Xapian::Query text(const query::Node& root,
                     std::vector<Xapian::Query>* proximity = nullptr) const;
  // Boolean filter (no weight) of all the filters but `without`'s (a facet's field is left
  // out to count the facet: its counts reflect the other filters only); nullopt when none.
  std::optional<Xapian::Query> filter(const Filters& filters,
                                      std::optional<FieldId> without = std::nullopt) const;

 private:
  // Whether the words need not all match (any_word, by_weight).
  bool any_word() const { return matching_ != Matching::all_words; }
  Xapian::Query node(const query::Node& node, bool top_level = false,
                     std::vector<Xapian::Query>* proximity = nullptr) const;
  Xapian::Query words(const query::Node& node, bool top_level,
                      std::vector<Xapian::Query>* proximity) const;
  Xapian::Query excluded(const query::Node& node) const;
  Xapian::Query strict_phrase(const std::vector<query::Word>& words) const;
  // Whether a strict phrase of accented words is Xapian's phrase in branches by spellings
  // (strict_phrase()): the text's exact forms have positions only where a document spells the
  // word several ways, and every document is marked so (schema::kOtherSpellings alone).
  bool spellings_branched() const;
  Xapian::Query exact_phrase_check(const std::vector<query::Word>& words,
                                   const Xapian::Query& weighed) const;
  // `pairs`: whether the text weighs the words' adjacent pairs by their rarity (pair_bonus()), so
  // that the heading weighs them too.
  std::optional<Xapian::Query> heading_bonus(const std::vector<query::Word>& words,
                                             bool pairs = false) const;
  // The documents holding the adjacent pair of words starting at `first` side by side
  // (pair_frequency.hpp), counted once per search.
  double pair_documents(std::vector<query::Word>::const_iterator first) const;
  // The idf of the pair starting at `first` (by pair_documents()) and its words' summed idf.
  std::pair<double, double> pair_idfs(std::vector<query::Word>::const_iterator first) const;
  // The idf the text's bonus of that pair weighs in all: the pair's, at most its words' summed.
  double pair_idf(std::vector<query::Word>::const_iterator first) const;
  // The adjacent pair of words starting at `first`.
  Xapian::Query pair_bonus(std::vector<query::Word>::const_iterator first) const;
  std::vector<Xapian::Query> short_box_bonuses(const std::vector<query::Word>& words) const;
  // The defining clause of the term a definition question asks about (definition_question.hpp):
  // the phrase of the longest ending of the term's words that some text holds followed by "là",
  // weighing what the heading phrase of those words weighs (kHeadingBoost × their text idf);
  // nullopt when the box asks no definition or no text defines the term.
  std::optional<Xapian::Query> definition_bonus(const query::Node& root) const;
  // The number of words opening a short box that name a type the archive holds (0: no hint).
  std::size_t hinted_type_words(const std::vector<query::Word>& words) const;
  Xapian::Query type_hint(const std::vector<query::Word>& words, std::size_t type_words) const;
  Xapian::Query field(const query::Node& node) const;
  // The documents whose `field` matches `value` (not for the date).
  Xapian::Query field_value(FieldId field, const std::string& value) const;
  Xapian::Query issuer(const std::string& value) const;
  Xapian::Query type(const std::string& value) const;
  Xapian::Query signer(const std::string& value) const;
  Xapian::Query cited(std::string_view term_prefix, const std::string& value) const;

  const Xapian::Database& database_;
  bool local_ = true;
  bool rank_bonuses_ = true;
  bool folded_only_ = false;                     // matching_only()
  bool folded_phrases_ = false;                  // folded_phrases()
  std::optional<Xapian::Query> phrase_matches_;  // phrase_within()
  Matching matching_ = Matching::all_words;
  TextTerms terms_;
  // Each adjacent pair's document frequency (pair_frequency.hpp), by its two terms: counted
  // once per search, shared by the builder's copies.
  std::shared_ptr<std::unordered_map<std::string, double>> pair_frequencies_ =
      std::make_shared<std::unordered_map<std::string, double>>();
};

}  // namespace vanban::archive
