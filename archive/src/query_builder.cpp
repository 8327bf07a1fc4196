// Ranking choices (docs/ARCHITECTURE.md "Search semantics users expect"):
// - a word typed with diacritics matches its exact term, weighted up, or its folded term, so
//   `dân` documents rank above `đàn` ones; a word typed without them matches the folded term,
//   and ranks as if typed with the spelling the archive's text gives it beside the query's
//   other words (Word::restored, accent_restoration.hpp), when the searcher found one;
// - the words of a group are all required but function words and words in most documents
//   (QueryBuilder::optional), which only add weight; adjacency (a phrase of the group, and each
//   adjacent pair, no more than the pair's own rarity: pair_bonus()) adds weight through
//   OP_AND_MAYBE, as does the phrase in the heading
//   fields (number, issuer, title), scored on their own terms (schema::kHeading);
// - when too few documents hold all the required words, the search asks again for documents
//   holding any of them (Matching::any_word): those holding all come first, then the others by
//   their BM25 weight, which is higher for more words and for rarer ones; `+words` stay required;
// - a document number gives its own document a fixed weight far above any text weight and the
//   documents citing it a smaller fixed one (boolean terms carry no weight of their own).
// - a question asking what a term means ("lợi tức là gì", "định nghĩa của …") adds, as a heading
//   phrase would, a fixed weight to the texts holding the term's defining clause "<term> là"
//   (definition_question.hpp), however long they are.
#include "query_builder.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "vanban/analyzers/structure.hpp"
#include "vanban/analyzers/symbol.hpp"

#include "accent_restoration.hpp"
#include "definition_question.hpp"
#include "exact_phrase.hpp"
#include "function_words.hpp"
#include "instrument_resolution.hpp"
#include "issuer_match.hpp"
#include "pair_frequency.hpp"
#include "schema.hpp"
#include "type_codes.hpp"
#include "typed_echo.hpp"
#include "validity_facts.hpp"

namespace vanban::archive {
namespace {

constexpr double kExactBoost = 3.0;
constexpr double kHeadingBoost = 2.0;
constexpr double kOwnNumberWeight = 1000.0;
constexpr double kCitingNumberWeight = 100.0;
// Under any_word matching, the documents holding all the required words: above any text weight.
constexpr double kAllWordsWeight = 100000.0;
constexpr std::size_t kMaxBoostedGroup = 16;
// A group of more than two words has its adjacent pairs weighed (pair_bonus()), in the text and
// in the heading phrase alike, however long it is: a question runs to 20-40 words (the asker's
// sentence), yet names its topic in compounds of two syllables ("thời hiệu", "khởi kiện") that the
// answering text holds side by side. The whole group's phrase is weighed up to kMaxBoostedGroup
// words only: a longer one is held by no text.
constexpr bool pairs_weighed(std::size_t words) {
  return words > 2;
}
// A box of at most this many words may be a document type and a topic (short_box_bonuses()).
constexpr std::size_t kMaxShortBox = kMaxBoostedGroup;
constexpr double kTypeHintBoost = 1.0;
constexpr std::size_t kMaxExpandedKeys = 1000;
// A strict phrase is Xapian's own phrase in 2^n branches (strict_phrase()), n its accented words
// spelled several ways in some document, up to this many; the documents spelling any further one
// several ways are checked by ExactPhraseSource.
constexpr std::size_t kMaxPhraseBranchWords = 4;

using query::Node;
using query::Word;

Xapian::Query folded_term(const TextTerms& terms, const Word& word) {
  return Xapian::Query(schema::term(terms.folded, word.folded));
}

// Counts under ten are written with a leading zero in legal texts ("02 năm", "06 giờ", "07
// ngày": nearly 3,000 times in the ALQAC laws against 3 without) and typed without one: a
// one-digit number is either spelling, as is a typed "06".
std::optional<std::string> other_count_form(const std::string& folded) {
  const auto digit = [](char c) { return c >= '1' && c <= '9'; };
  if (folded.size() == 1 && digit(folded[0])) return "0" + folded;
  if (folded.size() == 2 && folded[0] == '0' && digit(folded[1])) return folded.substr(1);
  return std::nullopt;
}

// The folded term of `word`, and of a count its other spelling (other_count_form()).
Xapian::Query folded_word(const TextTerms& terms, const Word& word) {
  const auto other = other_count_form(word.folded);
  if (!other) return folded_term(terms, word);
  return Xapian::Query(Xapian::Query::OP_OR, folded_term(terms, word),
                       Xapian::Query(schema::term(terms.folded, *other)));
}

Xapian::Query exact_term(const TextTerms& terms, const Word& word) {
  return Xapian::Query(schema::term(terms.exact, word.exact));
}

// What a word ranks by besides its folded form: its diacritics as typed, else the spelling
// restored from the archive (accent_restoration.hpp). Only ranking: the folded term matches.
bool ranks_exact(const Word& word) {
  return word.accented() || !word.restored.empty();
}
const std::string& ranking_form(const Word& word) {
  return word.accented() ? word.exact : word.restored;
}

Xapian::Query word_query(const TextTerms& terms, const Word& word, bool folded_only) {
  if (folded_only || !ranks_exact(word)) return folded_word(terms, word);
  const Xapian::Query exact(schema::term(terms.exact, ranking_form(word)));
  return Xapian::Query(Xapian::Query::OP_OR,
                       Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, exact, kExactBoost),
                       folded_term(terms, word));
}

Xapian::Query folded_phrase(const TextTerms& terms, std::vector<Word>::const_iterator begin,
                            std::vector<Word>::const_iterator end) {
  std::vector<Xapian::Query> phrase;
  for (auto it = begin; it != end; ++it)
    phrase.push_back(folded_term(terms, *it));
  return Xapian::Query(Xapian::Query::OP_PHRASE, phrase.begin(), phrase.end(), phrase.size());
}

// Xapian's BM25 term weight factor (idf) for a term in `n` of `total` documents, with its
// adjustment for terms in more than a third of them (BM25Weight::init).
double bm25_idf(double n, double total) {
  double ratio = (total - n + 0.5) / (n + 0.5);
  if (ratio <= 2.0) ratio = ratio * 0.5 + 1;
  return std::log(ratio);
}

Xapian::Query fixed_weight(double weight) {
  return Xapian::Query((new Xapian::FixedWeightPostingSource(weight))->release());
}

// `required`, with weight added by each of `bonuses` that matches. One OP_AND_MAYBE per bonus,
// not one over their OR: Xapian 1.4 gives wrong weights under top-k pruning to an OR of phrases
// below OP_AND_MAYBE (a third of random multi-word queries on the corpus, checked against the
// full ranking), where the chain agrees with it (tests/archive/search_ranking_test.cpp).
Xapian::Query with_bonuses(Xapian::Query required, const std::vector<Xapian::Query>& bonuses) {
  for (const Xapian::Query& bonus : bonuses)
    required = Xapian::Query(Xapian::Query::OP_AND_MAYBE, required, bonus);
  return required;
}

// Puts `bonuses`, which the full query adds to `matched`'s weight, into `proximity`: each
// weighs only where `matched` matches, as in the full query, so that a document's full weight
// is its weight without them plus each of them it matches (an adjacent pair of an OR's first
// group in a document matched by the second adds nothing).
void set_aside(const std::vector<Xapian::Query>& bonuses, const Xapian::Query& matched,
               std::vector<Xapian::Query>& proximity) {
  for (const Xapian::Query& bonus : bonuses)
    proximity.emplace_back(Xapian::Query::OP_FILTER, bonus, matched);
}

Xapian::Query any_of(const std::vector<Xapian::Query>& queries) {
  if (queries.empty()) return Xapian::Query::MatchNothing;
  return Xapian::Query(Xapian::Query::OP_OR, queries.begin(), queries.end());
}

Xapian::Query date_range(const query::DateRange& range) {
  if (!range.from.empty() && !range.to.empty())
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot, range.from, range.to);
  if (!range.from.empty())
    return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kDateSlot, range.from);
  if (!range.to.empty())
    return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kDateSlot, range.to);
  return all_documents();
}

}  // namespace

QueryBuilder::QueryBuilder(const Xapian::Database& database, bool rank_bonuses, Matching matching,
                           SearchScope scope, bool local)
    : database_(database),
      local_(local),
      rank_bonuses_(rank_bonuses),
      matching_(matching),
      terms_(scope == SearchScope::title ? TextTerms{schema::kTitleFolded, schema::kTitleExact}
                                         : TextTerms{schema::kFolded, ""}) {}

QueryBuilder QueryBuilder::matching_only() const {
  QueryBuilder copy = *this;
  copy.rank_bonuses_ = false;
  copy.folded_only_ = true;
  return copy;
}

QueryBuilder QueryBuilder::phrase_within(Xapian::Query matches) const {
  QueryBuilder copy = *this;
  copy.phrase_matches_ = std::move(matches);
  return copy;
}

QueryBuilder QueryBuilder::folded_phrases() const {
  QueryBuilder copy = *this;
  copy.folded_phrases_ = true;
  return copy;
}

bool QueryBuilder::spellings_branched() const {
  if (!terms_.exact.empty()) return false;  // the title's exact forms keep their positions
  const Xapian::doccount documents = database_.get_doccount();
  return documents > 0 && database_.get_termfreq(std::string(schema::kOtherSpellings)) == documents;
}

namespace {

// The box's one strict phrase of several words, when it holds nothing else but exclusions.
const Node* lone_phrase(const Node& root) {
  const Node* phrase = nullptr;
  for (const Node& child : root.children) {
    if (child.kind == Node::Kind::exclude) continue;
    if (child.kind != Node::Kind::phrase || phrase) return nullptr;
    phrase = &child;
  }
  return phrase && phrase->words.size() >= 2 ? phrase : nullptr;
}

}  // namespace

std::optional<std::vector<std::string>> QueryBuilder::phrase_spellings(const Node& root) const {
  const Node* phrase = lone_phrase(root);
  // (A remote shard's server could not run the second step's docid filter.)
  if (phrase_matches_ || !phrase || !local_ || !spellings_branched()) return std::nullopt;
  const std::vector<Word>& words = phrase->words;
  if (std::none_of(words.begin(), words.end(), [](const Word& word) { return word.accented(); }))
    return std::nullopt;
  std::vector<std::string> spelled;
  for (const Word& word : words) {
    if (word.accented() &&
        std::find(spelled.begin(), spelled.end(), word.folded) == spelled.end() &&
        database_.get_termfreq(schema::term(schema::kOtherSpellings, word.folded)) > 0)
      spelled.push_back(word.folded);
  }
  return spelled;
}

Xapian::Query QueryBuilder::phrase_spelled(const Node& root,
                                           const std::vector<std::string>& several_ways) const {
  std::vector<Xapian::Query> terms;
  const Node* phrase = lone_phrase(root);
  if (!phrase) return Xapian::Query::MatchNothing;
  for (const Word& word : phrase->words) {
    const bool exact = word.accented() && std::find(several_ways.begin(), several_ways.end(),
                                                    word.folded) != several_ways.end();
    terms.push_back(exact ? exact_term(terms_, word) : folded_term(terms_, word));
  }
  return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), terms.size());
}

bool QueryBuilder::one_phrase_known_by_matches(const Node& root) const {
  const Node* phrase = nullptr;
  for (const Node& child : root.children) {
    if (child.kind == Node::Kind::exclude) continue;
    if (child.kind != Node::Kind::phrase || phrase) return false;
    phrase = &child;
  }
  if (!phrase || phrase->words.size() < 2) return false;
  if (phrase->words.size() == 2) return true;
  std::vector<Xapian::doccount> frequencies;
  for (const Word& word : phrase->words) {
    const std::string term = word.accented() ? schema::term(terms_.exact, word.exact)
                                             : schema::term(terms_.folded, word.folded);
    frequencies.push_back(database_.get_termfreq(term));
  }
  std::sort(frequencies.begin(), frequencies.end());
  return std::adjacent_find(frequencies.begin(), frequencies.end()) == frequencies.end();
}

namespace {

std::size_t numbers_in(const Node& node) {
  return static_cast<std::size_t>(
      std::count_if(node.children.begin(), node.children.end(),
                    [](const Node& child) { return child.kind == Node::Kind::number; }));
}

}  // namespace

bool can_relax(const Node& root) {
  const std::size_t numbers = numbers_in(root);
  if (numbers == 1) return false;
  std::size_t loose = numbers;
  std::size_t parts = 0;
  for (const Node& child : root.children) {
    if (child.kind == Node::Kind::exclude) continue;
    if (child.kind != Node::Kind::words) {
      ++parts;
      continue;
    }
    parts += child.words.size();
    loose += static_cast<std::size_t>(std::count_if(child.words.begin(), child.words.end(),
                                                    [](const Word& w) { return !w.required; }));
  }
  return loose > 0 && parts > 1;
}

bool QueryBuilder::optional(const Word& word) const {
  if (word.required) return false;
  if (is_function_word(word.exact, word.folded)) return true;
  return database_.get_termfreq(folded_key(word)) * 2 > database_.get_doccount();
}

std::string QueryBuilder::folded_key(const Word& word) const {
  return schema::term(terms_.folded, word.folded);
}

std::vector<std::string> QueryBuilder::folded_keys(const Word& word) const {
  std::vector<std::string> keys{folded_key(word)};
  if (auto other = other_count_form(word.folded))
    keys.push_back(schema::term(terms_.folded, *other));
  return keys;
}

std::vector<std::string> QueryBuilder::unrequired_words(const Node& root) const {
  std::vector<std::string> out;
  const bool any = any_word();
  const bool any_number = any && numbers_in(root) > 1;
  for (const Node& child : root.children) {
    if (any_number && child.kind == Node::Kind::number &&
        std::find(out.begin(), out.end(), child.value) == out.end())
      out.push_back(child.value);
    if (child.kind != Node::Kind::words) continue;
    const bool all_optional = std::all_of(child.words.begin(), child.words.end(),
                                          [&](const Word& w) { return optional(w); });
    for (const Word& word : child.words) {
      const bool left_out = any ? !word.required : (optional(word) && !all_optional);
      if (left_out && std::find(out.begin(), out.end(), word.exact) == out.end())
        out.push_back(word.exact);
    }
  }
  return out;
}

// The words as a phrase in the number, issuer or title: extra weight from the heading terms
// (see schema::kHeading). A word typed with diacritics earns it only as typed (one typed
// without them, as restored). A phrase, not
// just all the words: long titles hold common syllables ("số", "đổi") anywhere.
//
// Its weight is kHeadingBoost times what the words weigh in the whole text, as BM25F weighs a
// field: by the collection's idf, not the field's own. Few documents of an archive may have a
// heading at all (articles of a law, letters without a title): there a heading term's own
// statistics make every syllable rare, and a document whose heading merely shares a folded
// syllable with the query ("Chủ tịch" for "chu the", "tich thu") would outrank the answer.
std::optional<Xapian::Query> QueryBuilder::heading_bonus(const std::vector<Word>& words,
                                                         bool pairs) const {
  if (terms_.folded != schema::kFolded) return std::nullopt;  // searching the title alone
  const auto total = static_cast<double>(database_.get_doccount());
  std::vector<Xapian::Query> terms;
  double heading_idf = 0;
  double text_idf = 0;
  for (const Word& word : words) {
    const std::string heading = ranks_exact(word)
                                    ? schema::term(schema::kHeadingExact, ranking_form(word))
                                    : schema::term(schema::kHeading, word.folded);
    const Xapian::doccount in_headings = database_.get_termfreq(heading);
    if (in_headings == 0) return std::nullopt;  // no heading holds the word: no phrase to check
    const std::string text = ranks_exact(word) ? schema::term("", ranking_form(word))
                                               : schema::term(schema::kFolded, word.folded);
    heading_idf += bm25_idf(in_headings, total);
    text_idf += bm25_idf(std::max(database_.get_termfreq(text), in_headings), total);
    terms.emplace_back(heading);
  }
  const Xapian::Query phrase =
      terms.size() == 1
          ? terms.front()
          : Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), terms.size());
  // Where the text weighs the words' adjacent pairs (pair_bonus()), the heading phrase holds
  // each of them too and weighs it as the text does, times the field's boost: the title and the
  // text tell the same rarity of a pair, and the title stays the stronger field.
  if (pairs && words.size() >= 2) {
    for (auto it = words.begin(); it + 1 != words.end(); ++it)
      text_idf += pair_idf(it);
  }
  const double scale = heading_idf > 0 ? kHeadingBoost * text_idf / heading_idf : kHeadingBoost;
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, phrase, scale);
}

namespace {

// The number of words of a document type's name ("kế hoạch", "thong tu lien tich") that open
// `words`, followed by at least one more word; 0 for none. Folded: typed either way.
std::size_t leading_type_words(const std::vector<Word>& words) {
  std::size_t longest = 0;
  for (const std::string_view name : type_names()) {
    const std::string key = schema::type_key(name);
    std::size_t count = 0;
    std::string prefix;
    for (const Word& word : words) {
      if (prefix.size() >= key.size()) break;
      prefix += (prefix.empty() ? "" : " ") + word.folded;
      ++count;
    }
    if (prefix == key && count < words.size()) longest = std::max(longest, count);
  }
  return longest;
}

// The type term (schema::kType) of the type name the first `type_words` words spell.
std::string type_term(const std::vector<Word>& words, std::size_t type_words) {
  std::string name;
  for (std::size_t i = 0; i < type_words; ++i)
    name += (name.empty() ? "" : " ") + words[i].folded;
  return schema::term(schema::kType, name);
}

}  // namespace

// A short box is a document type and a topic ("kế hoạch dân vận"), as office staff type them
// (a document's name is its type and its summary, Decree 30/2020 Phụ lục I). A type name
// opening the box, of a type the archive holds, is read so, beside the whole box's heading
// phrase: a hint for the documents of that type (type_hint()), and the rest, the topic, earns
// the heading bonus as a phrase (a title holds the summary, not the type's name).
std::vector<Xapian::Query> QueryBuilder::short_box_bonuses(const std::vector<Word>& words) const {
  std::vector<Xapian::Query> out;
  const std::size_t type_words = hinted_type_words(words);
  if (type_words == 0) return out;
  out.push_back(type_hint(words, type_words));
  const std::vector<Word> topic(words.begin() + static_cast<std::ptrdiff_t>(type_words),
                                words.end());
  if (auto heading = heading_bonus(topic, pairs_weighed(words.size())))
    out.push_back(std::move(*heading));
  return out;
}

std::size_t QueryBuilder::hinted_type_words(const std::vector<Word>& words) const {
  if (words.size() > kMaxShortBox) return 0;
  const std::size_t type_words = leading_type_words(words);
  // A type no archived document has is no hint: its words are the topic ("hợp đồng lao động"
  // in an archive without contracts).
  if (type_words == 0 || database_.get_termfreq(type_term(words, type_words)) == 0) return 0;
  return type_words;
}

std::vector<std::string> QueryBuilder::type_hint_words(const Node& root) const {
  std::vector<std::string> out;
  if (!rank_bonuses_) return out;
  const auto visit = [&](const auto& self, const Node& node) -> void {
    if (node.kind == Node::Kind::all_of || node.kind == Node::Kind::any_of) {
      for (const Node& child : node.children)
        self(self, child);
      return;
    }
    if (node.kind != Node::Kind::words) return;
    const auto type_words = static_cast<std::ptrdiff_t>(hinted_type_words(node.words));
    for (auto word = node.words.begin(); word != node.words.begin() + type_words; ++word) {
      const bool in_topic =
          std::any_of(node.words.begin() + type_words, node.words.end(),
                      [&](const Word& other) { return other.folded == word->folded; });
      if (!in_topic) out.push_back(word->folded);
    }
  };
  visit(visit, root);
  return out;
}

// The documents of the type the box opens with, holding its topic, weigh what the type term
// would as a BM25 term held once (its idf: a rare type, a strong hint). A hint, not a filter: the
// words still match the text, and documents of other types still match.
Xapian::Query QueryBuilder::type_hint(const std::vector<Word>& words,
                                      std::size_t type_words) const {
  const std::string term = type_term(words, type_words);
  const double idf = bm25_idf(database_.get_termfreq(term), database_.get_doccount());
  // A consolidated text (VBHN) is the document of that type as amended, titled by its type
  // ("Nghị định về tổ hợp tác"): one whose title holds the type name is of the type asked for.
  std::vector<std::string> title_words;
  for (std::size_t i = 0; i < type_words; ++i)
    title_words.push_back(schema::term(schema::kTitleFolded, words[i].folded));
  const Xapian::Query titled = title_words.size() == 1
                                   ? Xapian::Query(title_words.front())
                                   : Xapian::Query(Xapian::Query::OP_PHRASE, title_words.begin(),
                                                   title_words.end(), title_words.size());
  const Xapian::Query consolidated(
      Xapian::Query::OP_FILTER,
      Xapian::Query(schema::term(schema::kType, schema::type_key("Văn bản hợp nhất"))), titled);
  Xapian::Query of_type(Xapian::Query::OP_OR, Xapian::Query(term), consolidated);
  // A document of the type is about the topic where its text holds the topic's words side by
  // side, as a summary names it; one holding them only apart ("chuyển giao", "đổi mới", "số
  // lượng" for "chuyển đổi số") is of the type but not on the topic, and gets no hint: it ranks
  // by its words as any other document does.
  if (words.size() - type_words >= 2)
    of_type =
        Xapian::Query(Xapian::Query::OP_FILTER, of_type,
                      folded_phrase(terms_, words.begin() + static_cast<std::ptrdiff_t>(type_words),
                                    words.end()));
  return Xapian::Query(Xapian::Query::OP_FILTER, fixed_weight(kTypeHintBoost * idf), of_type);
}

// An adjacent pair of a group's words weighs by its words' weights (Xapian's phrase: their idf
// and their wdf in the document), but never more than the pair would as a term of its own: by
// how few documents hold the two side by side (BM25's idf of the pair, pair_frequency.hpp). A
// common expression ("kế hoạch", "công tác": wherever its rarer word stands, the other stands
// beside it) is as rare as its rarer word, not as both together; its adjacency adds nothing its
// words have not told, and it no longer counts them twice against the pairs that tell more.
// The pair's weight is scaled by its idf over the sum of its words', at most 1: a pair rarer
// than its words (a compound of common syllables, "dân vận") keeps the weight it had, since
// weighed up it outranked the titles of the topic (docs/BENCHMARKS.md, session 21).
double QueryBuilder::pair_documents(std::vector<Word>::const_iterator first) const {
  const std::string a = folded_key(*first);
  const std::string b = folded_key(*(first + 1));
  const std::string key = a + '\0' + b;
  auto found = pair_frequencies_->find(key);
  if (found == pair_frequencies_->end())
    found = pair_frequencies_->emplace(key, pair_frequency(database_, a, b)).first;
  return found->second;
}

// The pair's idf and its words' summed idf; {0, 0} when no document holds the pair.
std::pair<double, double> QueryBuilder::pair_idfs(std::vector<Word>::const_iterator first) const {
  const double together = pair_documents(first);
  if (!(together > 0)) return {0, 0};
  const auto total = static_cast<double>(database_.get_doccount());
  const double apart = bm25_idf(database_.get_termfreq(folded_key(*first)), total) +
                       bm25_idf(database_.get_termfreq(folded_key(*(first + 1))), total);
  return {bm25_idf(together, total), apart};
}

double QueryBuilder::pair_idf(std::vector<Word>::const_iterator first) const {
  const auto [together, apart] = pair_idfs(first);
  return std::min(together, apart);
}

Xapian::Query QueryBuilder::pair_bonus(std::vector<Word>::const_iterator first) const {
  const Xapian::Query phrase = folded_phrase(terms_, first, first + 2);
  const auto [together, apart] = pair_idfs(first);
  if (!(together > 0)) return phrase;  // no document holds it: the bonus never matches
  const double scale = together / apart;
  if (!(scale < 1)) return phrase;
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, phrase, scale);
}

Xapian::Query QueryBuilder::text(const Node& root, std::vector<Xapian::Query>* proximity) const {
  Xapian::Query query = node(root, /*top_level=*/true, proximity);
  if (!rank_bonuses_) return query;
  if (auto bonus = definition_bonus(root)) {
    if (proximity) {
      set_aside({*bonus}, query, *proximity);
    } else {
      query = with_bonuses(query, {*bonus});
    }
  }
  return query;
}

std::optional<Xapian::Query> QueryBuilder::definition_bonus(const Node& root) const {
  const std::vector<Word> term = defined_term(root);
  if (term.empty()) return std::nullopt;
  const auto total = static_cast<double>(database_.get_doccount());
  const Xapian::Query copula(schema::term(terms_.folded, "la"));
  // The longest ending of the term that some text defines: the words further back are the
  // asker's ("Bộ luật quy định <term> là gì").
  const std::size_t shortest = std::min<std::size_t>(2, term.size());
  for (std::size_t from = 0; term.size() - from >= shortest; ++from) {
    std::vector<Xapian::Query> phrase;
    double idf = 0;
    for (std::size_t i = from; i < term.size(); ++i) {
      phrase.push_back(folded_term(terms_, term[i]));
      idf += std::max(
          0.0,
          bm25_idf(database_.get_termfreq(schema::term(terms_.folded, term[i].folded)), total));
    }
    phrase.push_back(copula);
    const Xapian::Query defining(Xapian::Query::OP_PHRASE, phrase.begin(), phrase.end(),
                                 phrase.size());
    Xapian::Enquire enquire(database_);
    enquire.set_query(defining);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    if (enquire.get_mset(0, 1).empty()) continue;
    // A text defines the term or does not, however long it is (the article "Giải thích từ
    // ngữ" defines a score of terms): a fixed weight, what the heading phrase of the words
    // weighs, not the phrase's BM25, which a long article's length would lower.
    if (!(idf > 0)) return std::nullopt;
    return Xapian::Query(Xapian::Query::OP_FILTER, fixed_weight(kHeadingBoost * idf), defining);
  }
  return std::nullopt;
}

// A group of words typed without quotes (see the ranking choices above).
Xapian::Query QueryBuilder::words(const Node& node, bool top_level,
                                  std::vector<Xapian::Query>* proximity) const {
  std::vector<Xapian::Query> required;
  std::vector<Xapian::Query> optional;
  for (const Word& word : node.words)
    (this->optional(word) ? optional : required).push_back(word_query(terms_, word, folded_only_));
  if (required.empty()) required.swap(optional);  // only function words: they are the query
  const Xapian::Query all(Xapian::Query::OP_AND, required.begin(), required.end());

  Xapian::Query matched = all;
  // A question's interrogative words stand where its answer will ("đơn vị nào", "là gì"): the
  // answering text states something else there, and the texts holding them use them otherwise
  // ("không có gì", "thế chấp"). They weigh nothing, alone or in a pair; a group of nothing else
  // is its own query.
  std::vector<bool> asked(node.words.size(), false);
  if (top_level && matching_ == Matching::by_weight) {
    asked = interrogative_words(node.words);
    if (std::all_of(asked.begin(), asked.end(), [](bool a) { return a; }))
      asked.assign(asked.size(), false);
  }
  if (top_level && any_word()) {
    // A question's group typed with diacritics says which of its words are function words
    // ("có", "là", "của"): they weigh, but a document holding none of its other words is no
    // answer, and counting it would make the total every document. Typed without diacritics,
    // which of its words are function words is not known ("co" may be cơ, "vay" vậy or vay):
    // every word matches.
    const bool typed = matching_ == Matching::by_weight &&
                       std::any_of(node.words.begin(), node.words.end(),
                                   [](const Word& word) { return word.accented(); });
    std::vector<Xapian::Query> forced;
    std::vector<Xapian::Query> loose;
    std::vector<Xapian::Query> weighing;
    for (std::size_t i = 0; i < node.words.size(); ++i) {
      const Word& word = node.words[i];
      if (asked[i] && !word.required) continue;
      auto& into = word.required ? forced : typed && this->optional(word) ? weighing : loose;
      into.push_back(word_query(terms_, word, folded_only_));
    }
    if (forced.empty() && loose.empty()) loose.swap(weighing);  // only function words
    matched = forced.empty()
                  ? any_of(loose)
                  : with_bonuses(Xapian::Query(Xapian::Query::OP_AND, forced.begin(), forced.end()),
                                 loose);
    if (rank_bonuses_) matched = with_bonuses(matched, weighing);
    // Those holding all first, but for a question (by_weight), whose words are as likely to be
    // the asker's as the law's: by weight alone, as BM25 ranks.
    if (rank_bonuses_ && matching_ == Matching::any_word) {
      matched = Xapian::Query(
          Xapian::Query::OP_AND_MAYBE, matched,
          Xapian::Query(Xapian::Query::OP_FILTER, fixed_weight(kAllWordsWeight), all));
    }
  } else if (rank_bonuses_) {
    matched = with_bonuses(all, optional);
  }
  if (!rank_bonuses_) return matched;
  std::vector<Xapian::Query> bonus;
  if (auto heading = heading_bonus(node.words, pairs_weighed(node.words.size())))
    bonus.push_back(std::move(*heading));
  for (Xapian::Query& extra : short_box_bonuses(node.words))
    bonus.push_back(std::move(extra));
  if (node.words.size() >= 2 && node.words.size() <= kMaxBoostedGroup)
    bonus.push_back(folded_phrase(terms_, node.words.begin(), node.words.end()));
  if (pairs_weighed(node.words.size())) {
    for (auto it = node.words.begin(); it + 1 != node.words.end(); ++it) {
      const auto at = static_cast<std::size_t>(it - node.words.begin());
      if (!asked[at] && !asked[at + 1]) bonus.push_back(pair_bonus(it));
    }
  }
  if (proximity && node.words.size() >= 2) {
    set_aside(bonus, matched, *proximity);
    return matched;
  }
  return with_bonuses(matched, bonus);
}

Xapian::Query QueryBuilder::node(const Node& node, bool top_level,
                                 std::vector<Xapian::Query>* proximity) const {
  switch (node.kind) {
    case Node::Kind::words:
      return words(node, top_level, proximity);
    case Node::Kind::phrase: {
      const Xapian::Query strict = strict_phrase(node.words);
      if (!rank_bonuses_) return strict;
      // The heading bonus stays: checked on the short heading lists of documents that hold
      // the phrase anyway, it costs less than a second phase.
      const auto heading = heading_bonus(node.words);
      return heading ? Xapian::Query(Xapian::Query::OP_AND_MAYBE, strict, *heading) : strict;
    }
    case Node::Kind::number: {
      const Xapian::Query own(Xapian::Query::OP_FILTER, fixed_weight(kOwnNumberWeight),
                              Xapian::Query(schema::term(schema::kNumber, node.number_key)));
      const Xapian::Query citing(Xapian::Query::OP_FILTER, fixed_weight(kCitingNumberWeight),
                                 Xapian::Query(schema::term(schema::kCites, node.number_key)));
      // The text's own mentions match too, weighed as words: a citation the extractor missed
      // (a form it does not read, a mangled layout) still finds its document, below those it
      // read; among the citing documents, those that mention the number more often come first.
      const Xapian::Query mentions(schema::term(schema::kFolded, node.number_key));
      const Xapian::Query each[] = {own, citing, mentions};
      return Xapian::Query(Xapian::Query::OP_OR, std::begin(each), std::end(each));
    }
    case Node::Kind::field:
      return field(node);
    case Node::Kind::any_of: {
      std::vector<Xapian::Query> children;
      for (const Node& child : node.children)
        children.push_back(this->node(child, false, proximity));
      return any_of(children);
    }
    case Node::Kind::exclude:
      // Only meaningful inside all_of; alone it excludes from everything.
      return Xapian::Query(
          Xapian::Query::OP_AND_NOT, all_documents(),
          node.children.empty() ? Xapian::Query::MatchNothing : excluded(node.children.front()));
    case Node::Kind::all_of: {
      // Beside a document number, plain words only rank ("Chỉ thị 33/CT-TTg" must find the
      // directive even where its text never says "chỉ thị").
      const bool has_number =
          std::any_of(node.children.begin(), node.children.end(),
                      [](const Node& child) { return child.kind == Node::Kind::number; });
      // Under any_word matching, plain words beside a phrase only rank too: the phrase is what
      // the documents must hold.
      const bool has_other =
          std::any_of(node.children.begin(), node.children.end(), [](const Node& child) {
            return child.kind != Node::Kind::words && child.kind != Node::Kind::exclude;
          });
      const bool words_rank_only = has_number || (top_level && any_word() && has_other);
      // Under any_word matching, several numbers match any one of them: a number query's
      // weight is fixed, so a document holding more of them weighs more and comes first.
      const bool any_number = top_level && any_word() && numbers_in(node) > 1;
      std::vector<Xapian::Query> required;
      std::vector<Xapian::Query> optional;
      std::vector<Xapian::Query> exclusions;
      std::vector<Xapian::Query> numbers;
      for (const Node& child : node.children) {
        if (child.kind == Node::Kind::exclude) {
          if (!child.children.empty()) exclusions.push_back(excluded(child.children.front()));
        } else if (any_number && child.kind == Node::Kind::number) {
          numbers.push_back(this->node(child, false, proximity));
        } else if (words_rank_only && child.kind == Node::Kind::words &&
                   std::none_of(child.words.begin(), child.words.end(),
                                [](const Word& w) { return w.required; })) {
          optional.push_back(this->node(child, false, proximity));
        } else {
          required.push_back(
              this->node(child, top_level && child.kind == Node::Kind::words, proximity));
        }
      }
      if (!numbers.empty()) required.push_back(any_of(numbers));
      Xapian::Query all =
          required.empty() ? all_documents()
                           : Xapian::Query(Xapian::Query::OP_AND, required.begin(), required.end());
      all = with_bonuses(all, optional);
      if (exclusions.empty()) return all;
      return Xapian::Query(Xapian::Query::OP_AND_NOT, all, any_of(exclusions));
    }
  }
  return Xapian::Query::MatchNothing;
}

// Strict: a word typed with diacritics must match them; one typed without matches any. Weighed
// as Xapian weighs a phrase (its terms' weights). The text's exact forms have positions only
// where a document spells the word several ways (SCHEMA.md): Xapian's phrase over the folded
// or exact forms accordingly, or ExactPhraseSource for archives indexed before; the title's
// exact forms (schema::kTitleExact) keep theirs.
Xapian::Query QueryBuilder::strict_phrase(const std::vector<Word>& words) const {
  std::vector<Xapian::Query> terms;
  for (const Word& word : words)
    terms.push_back(word.accented() ? exact_term(terms_, word) : folded_term(terms_, word));
  if (terms.size() == 1) return terms.front();
  if (phrase_matches_) {
    // Its matches known (phrase_within()): its words weighed, as Xapian weighs a phrase.
    return Xapian::Query(Xapian::Query::OP_FILTER,
                         Xapian::Query(Xapian::Query::OP_AND, terms.begin(), terms.end()),
                         *phrase_matches_);
  }
  const bool accented =
      std::any_of(words.begin(), words.end(), [](const Word& word) { return word.accented(); });
  if (!accented || !terms_.exact.empty())
    return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), terms.size());
  const Xapian::Query weighed(Xapian::Query::OP_AND, terms.begin(), terms.end());
  if (spellings_branched()) {
    if (folded_phrases_) return weighed;  // its words alone (folded_phrases())
    // Every document indexed with exact positions only for the words it spells several ways
    // (SCHEMA.md): Xapian's own phrase (its positions read by its own lists, term by term
    // through the docids, where a check of ours opens a fresh list and B-tree descent per
    // document and word), one branch per choice of which of the accented words the document
    // spells several ways (their kOtherSpellings term), where the phrase runs on their exact
    // forms' positions; on the folded form's for the others (the document spells them one way:
    // as typed, since it holds the exact term the branch's filter requires). A folded word no
    // document spells several ways needs no choice. The branches are disjoint: each document
    // is checked once, where its positions are.
    struct Choice {
      std::string folded;
      Xapian::doccount documents;  // those spelling it several ways
    };
    std::vector<Choice> choices;
    for (const Word& word : words) {
      if (!word.accented()) continue;
      if (std::any_of(choices.begin(), choices.end(),
                      [&](const Choice& choice) { return choice.folded == word.folded; }))
        continue;
      const Xapian::doccount several =
          database_.get_termfreq(schema::term(schema::kOtherSpellings, word.folded));
      if (several > 0) choices.push_back({word.folded, several});
    }
    // Past kMaxPhraseBranchWords choices, those of the fewest documents are left to
    // ExactPhraseSource, over the documents spelling any of them several ways alone.
    std::stable_sort(choices.begin(), choices.end(),
                     [](const Choice& a, const Choice& b) { return a.documents > b.documents; });
    std::vector<Xapian::Query> left_to_source;
    while (choices.size() > kMaxPhraseBranchWords) {
      left_to_source.emplace_back(schema::term(schema::kOtherSpellings, choices.back().folded));
      choices.pop_back();
    }
    const Xapian::Query left(Xapian::Query::OP_OR, left_to_source.begin(), left_to_source.end());
    std::vector<Xapian::Query> branches;
    for (std::size_t mask = 0; mask < (std::size_t{1} << choices.size()); ++mask) {
      std::vector<Xapian::Query> phrase;
      std::vector<Xapian::Query> several;  // what the branch's documents hold
      std::vector<Xapian::Query> one_way = left_to_source;
      for (std::size_t j = 0; j < choices.size(); ++j) {
        const Xapian::Query marked(schema::term(schema::kOtherSpellings, choices[j].folded));
        ((mask & (std::size_t{1} << j)) ? several : one_way).push_back(marked);
      }
      for (const Word& word : words) {
        const auto chosen = std::find_if(choices.begin(), choices.end(), [&](const Choice& choice) {
          return choice.folded == word.folded;
        });
        const bool spelled_several_ways =
            word.accented() && chosen != choices.end() &&
            (mask & (std::size_t{1} << static_cast<std::size_t>(chosen - choices.begin())));
        if (spelled_several_ways) {
          phrase.push_back(exact_term(terms_, word));
        } else {
          phrase.push_back(folded_term(terms_, word));
          // Its candidates: the typed spelling's.
          if (word.accented()) several.push_back(exact_term(terms_, word));
        }
      }
      // The filter beside the phrase (not around it): Xapian checks positions last.
      // (Never empty: each accented word adds its exact term or its kOtherSpellings term.)
      Xapian::Query filter(Xapian::Query::OP_AND, several.begin(), several.end());
      if (!one_way.empty())
        filter = Xapian::Query(Xapian::Query::OP_AND_NOT, filter,
                               Xapian::Query(Xapian::Query::OP_OR, one_way.begin(), one_way.end()));
      branches.emplace_back(
          Xapian::Query::OP_FILTER,
          Xapian::Query(Xapian::Query::OP_PHRASE, phrase.begin(), phrase.end(), phrase.size()),
          filter);
    }
    if (!left_to_source.empty())
      branches.emplace_back(Xapian::Query::OP_FILTER, exact_phrase_check(words, weighed), left);
    const Xapian::Query any_branch(Xapian::Query::OP_OR, branches.begin(), branches.end());
    // Each branch holds every word's weighed term (in its phrase, in its filter, or in its
    // check): to count, where nothing weighs, the branches alone match the same documents.
    if (folded_only_) return any_branch;
    return Xapian::Query(Xapian::Query::OP_FILTER, weighed, any_branch);
  }
  // Documents indexed before (every exact form with positions, no kOtherSpellings terms): each
  // document checked by ExactPhraseSource.
  const Xapian::Query checked = exact_phrase_check(words, weighed);
  if (folded_only_ || !local_) return checked;
  return Xapian::Query(Xapian::Query::OP_FILTER, weighed, checked);
}

// The documents holding `words` as a strict phrase, checked by ExactPhraseSource, which holds
// every word's weighed term (`weighed`, ExactPhraseSource::align) too.
Xapian::Query QueryBuilder::exact_phrase_check(const std::vector<Word>& words,
                                               const Xapian::Query& weighed) const {
  if (!local_) {
    // A remote shard's server knows no source of ours: the folded phrase of documents holding
    // each accented word as typed (somewhere), the nearest it can check (docs/SCALING.md).
    return Xapian::Query(Xapian::Query::OP_FILTER, weighed,
                         folded_phrase(terms_, words.begin(), words.end()));
  }
  std::vector<PhraseWord> phrase;
  for (const Word& word : words)
    phrase.push_back({word.folded, word.accented() ? word.exact : std::string()});
  return Xapian::Query((new ExactPhraseSource(std::move(phrase)))->release());
}

// What `-x` removes: words exactly as typed (`-đàn` keeps the dân documents), all required.
Xapian::Query QueryBuilder::excluded(const Node& node) const {
  if (folded_phrases_ || phrase_matches_) {
    // An excluded phrase stays strict: its words alone would remove more than it does, and the
    // matches phrase_within() knows are the box's phrase's, not its.
    QueryBuilder strict = *this;
    strict.folded_phrases_ = false;
    strict.phrase_matches_.reset();
    return strict.excluded(node);
  }
  if (node.kind != Node::Kind::words) return this->node(node);
  std::vector<Xapian::Query> terms;
  for (const Word& word : node.words)
    terms.push_back(word.accented() ? exact_term(terms_, word) : folded_term(terms_, word));
  return Xapian::Query(Xapian::Query::OP_AND, terms.begin(), terms.end());
}

Xapian::Query QueryBuilder::field(const Node& node) const {
  if (node.field == FieldId::date) return date_range(node.range);
  return field_value(node.field, node.value);
}

Xapian::Query QueryBuilder::field_value(FieldId field, const std::string& value) const {
  // The documents lacking the field: without a value in its slot.
  if (has_unknown_bucket(field_spec(field)) && query::names_unknown(value)) {
    return Xapian::Query(
        Xapian::Query::OP_AND_NOT, all_documents(),
        Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::slot_of(field), std::string(1, '\0')));
  }
  switch (field) {
    case FieldId::issuer:
      return issuer(value);
    case FieldId::type:
      return type(value);
    case FieldId::year:
      return Xapian::Query(schema::term(schema::kYear, value));
    case FieldId::number: {
      const auto key = analyzers::symbol_key(value);
      return key ? Xapian::Query(schema::term(schema::kNumber, *key)) : Xapian::Query::MatchNothing;
    }
    case FieldId::cites:
    case FieldId::amends:
    case FieldId::based_on:
    case FieldId::replaces:
    case FieldId::repeals:
    case FieldId::implements:
    case FieldId::guides:
      return cited(field_spec(field).term_prefix, value);
    case FieldId::signer:
      return signer(value);
    case FieldId::validity: {
      std::vector<Xapian::Query> statuses;
      for (const std::string& status : statuses_matching(value))
        statuses.push_back(status_query(database_, status, today_value()));
      return any_of(statuses);
    }
    case FieldId::date:
      break;
  }
  return Xapian::Query::MatchNothing;
}

// An issuer as displayed (a facet value) matches its own key; anything else typed matches every
// archived issuer whose name contains its words, abbreviations spelled out ("ubnd tinh hue").
Xapian::Query QueryBuilder::issuer(const std::string& value) const {
  const std::string exact = schema::term(schema::kIssuer, schema::issuer_key(value));
  if (database_.get_termfreq(exact) > 0) return Xapian::Query(exact);
  const std::string wanted = expanded_issuer_key(value);
  std::vector<Xapian::Query> matches;
  const std::string prefix(schema::kIssuer);
  for (auto it = database_.allterms_begin(prefix);
       it != database_.allterms_end(prefix) && matches.size() < kMaxExpandedKeys; ++it) {
    const std::string term = *it;
    if (key_contains(expand_abbreviations(std::string_view(term).substr(prefix.size())), wanted))
      matches.emplace_back(term);
  }
  return any_of(matches);
}

// A signer by name: the facet value's key, else every signer whose name holds the words typed.
Xapian::Query QueryBuilder::signer(const std::string& value) const {
  const std::string wanted = schema::issuer_key(value);
  const std::string exact = schema::term(schema::kSigner, wanted);
  if (database_.get_termfreq(exact) > 0) return Xapian::Query(exact);
  std::vector<Xapian::Query> matches;
  const std::string prefix(schema::kSigner);
  for (auto it = database_.allterms_begin(prefix);
       it != database_.allterms_end(prefix) && matches.size() < kMaxExpandedKeys; ++it) {
    const std::string term = *it;
    if (key_contains(std::string_view(term).substr(prefix.size()), wanted))
      matches.emplace_back(term);
  }
  return any_of(matches);
}

Xapian::Query QueryBuilder::type(const std::string& value) const {
  std::vector<Xapian::Query> names;
  for (const std::string_view name : type_names_for_code(value))
    names.emplace_back(schema::term(schema::kType, schema::type_key(name)));
  names.emplace_back(schema::term(schema::kType, schema::type_key(value)));
  return any_of(names);
}

// A cited number or law by the key the extractor gives it (a facet value finds exactly the
// documents it counts); a part of a law's name by the words of its name. `prefix`: the cited
// instruments' (XC) or those of one relation type ("XRsua_doi:").
Xapian::Query QueryBuilder::cited(std::string_view term_prefix, const std::string& value) const {
  // A type and a number without its code ("nghị định 62/2022"): every instrument the archive
  // knows by that type and number (instrument_resolution.hpp).
  if (const auto ref = read_instrument(value); ref && !ref->key) {
    std::vector<Xapian::Query> terms;
    for (const std::string& key : resolve_instrument(database_, *ref))
      terms.emplace_back(schema::term(term_prefix, key));
    return any_of(terms);
  }
  if (const auto key = analyzers::citation_key(value)) {
    const std::string term = schema::term(term_prefix, *key);
    if (analyzers::symbol_key(value) || database_.get_termfreq(term) > 0)
      return Xapian::Query(term);
  }
  const std::string wanted = schema::issuer_key(value);
  const std::string exact = schema::term(term_prefix, wanted);
  if (database_.get_termfreq(exact) > 0) return Xapian::Query(exact);
  std::vector<Xapian::Query> matches;
  const std::string prefix(term_prefix);
  for (auto it = database_.allterms_begin(prefix);
       it != database_.allterms_end(prefix) && matches.size() < kMaxExpandedKeys; ++it) {
    const std::string term = *it;
    if (key_contains(std::string_view(term).substr(prefix.size()), wanted))
      matches.emplace_back(term);
  }
  return any_of(matches);
}

std::optional<Xapian::Query> QueryBuilder::filter(const Filters& filters,
                                                  std::optional<FieldId> without) const {
  std::vector<Xapian::Query> parts;
  for (const FieldSpec& spec : kSearchFields) {
    if (spec.id == FieldId::date || spec.id == without) continue;
    const auto values = filters.values.find(spec.id);
    if (values == filters.values.end() || values->second.empty()) continue;
    std::vector<Xapian::Query> alternatives;
    for (const std::string& value : values->second)
      alternatives.push_back(field_value(spec.id, value));
    parts.push_back(any_of(alternatives));
  }
  for (const query::DateRange& range : filters.dates)
    parts.push_back(date_range(range));
  for (const auto& [field, keys] : filters.keys) {
    std::vector<Xapian::Query> terms;
    for (const std::string& key : keys)
      terms.emplace_back(schema::term(field_spec(field).term_prefix, key));
    parts.push_back(any_of(terms));
  }
  if (parts.empty()) return std::nullopt;
  return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

}  // namespace vanban::archive
