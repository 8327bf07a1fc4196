// Strict phrases ("phối hợp với bộ") match exactly the documents whose tokens hold them: every
// query shape the builder makes (Xapian's phrase in one branch per choice of the words spelled
// several ways, ExactPhraseSource past kMaxPhraseBranchWords such words, and ExactPhraseSource
// alone on archives indexed before every spelling kept its own positions) against a brute-force
// check of the documents' own tokens, in archives of syllables spelled several ways (bộ, bổ,
// bố, Bộ; của, cửa, cua; hợp, họp; ...), with words repeated, occurrences overlapping ("của bộ
// của bộ của bộ"), phrases whose words repeat, and words typed without diacritics (any
// spelling). Counted (the counting query, no weights) and ranked (the weighed query) alike.
#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "vanban/archive/query_parser.hpp"

#include "archive_fixtures.hpp"
#include "document_builder.hpp"
#include "exact_phrase.hpp"
#include "phrase_count.hpp"
#include "query_builder.hpp"
#include "schema.hpp"

namespace vanban::archive::strict_phrase_count {
namespace {

// Each folded syllable with the spellings a text may give it (in lower case; texts also write
// some in capitals, capitalised()).
struct Syllable {
  std::string folded;
  std::vector<std::string> forms;
};
const std::vector<Syllable>& spellings() {
  static const std::vector<Syllable> all = {
      {"bo", {"bộ", "bổ", "bố", "bỏ"}},
      {"cua", {"của", "cửa", "cua"}},
      {"hop", {"hợp", "họp", "hộp"}},
      {"voi", {"với", "vời"}},
      {"phoi", {"phối", "phôi"}},
      {"hoa", {"hòa", "hóa", "hoa"}},
      {"dan", {"dân", "dần", "dẫn"}},
      {"quy", {"quy", "quý"}},
      {"va", {"và"}},
      {"cac", {"các"}},
      {"tai", {"tại"}},
      {"thi", {"thi"}},
  };
  return all;
}

// How a text may write a form in capitals (read as the lower-case form).
std::string capitalised(const std::string& form) {
  if (form == "bộ") return "Bộ";
  if (form == "của") return "Của";
  if (form == "quy") return "QUY";
  if (form == "hòa") return "HÒA";
  return form;
}

// Runs of syllables the texts repeat, so that long phrases have documents holding them.
const std::vector<std::vector<std::size_t>>& runs() {
  static const std::vector<std::vector<std::size_t>> all = {
      {4, 2, 3, 0},           // phối hợp với bộ
      {1, 0, 1, 0, 1, 0},     // của bộ của bộ của bộ
      {5, 8, 6, 7, 0},        // hòa và dân quy bộ
      {0, 1, 4, 2, 3, 5, 6},  // bộ của phối hợp với hòa dân
      {1, 1, 0, 0},           // của của bộ bộ
  };
  return all;
}

struct Token {
  std::string folded;
  std::string lower;
};

struct Archive {
  Xapian::WritableDatabase database{std::string(), Xapian::DB_BACKEND_INMEMORY};
  // Per document: its tokens at each position, as the writer places them.
  std::map<Xapian::docid, std::multimap<Xapian::termpos, Token>> tokens;
};

// `spelled_one_way`: the document gives each syllable one spelling; otherwise any.
std::string random_text(std::mt19937& random, bool spelled_one_way) {
  const auto& all = spellings();
  std::vector<std::size_t> chosen(all.size());
  for (std::size_t i = 0; i < all.size(); ++i)
    chosen[i] = std::uniform_int_distribution<std::size_t>(0, all[i].forms.size() - 1)(random);
  auto spell = [&](std::size_t syllable) {
    const auto& forms = all[syllable].forms;
    const std::string& form =
        spelled_one_way
            ? forms[chosen[syllable]]
            : forms[std::uniform_int_distribution<std::size_t>(0, forms.size() - 1)(random)];
    return random() % 5 == 0 ? capitalised(form) : form;
  };
  std::string text;
  const int pieces = std::uniform_int_distribution<int>(5, 40)(random);
  for (int i = 0; i < pieces; ++i) {
    if (random() % 3 == 0) {
      const auto& run = runs()[random() % runs().size()];
      const std::size_t length = std::uniform_int_distribution<std::size_t>(2, run.size())(random);
      for (std::size_t k = 0; k < length; ++k)
        text += spell(run[k]) + " ";
    } else {
      text += spell(random() % all.size()) + " ";
    }
    if (random() % 7 == 0) text += ". ";
  }
  return text;
}

// `before`: as archives indexed before exact positions were kept only for the words spelled
// several ways (SCHEMA.md): every exact form with its positions, no kOtherSpellings terms.
Archive build_archive(unsigned seed, bool before) {
  std::mt19937 random(seed);
  Archive archive;
  for (int d = 0; d < 120; ++d) {
    ArchivedDocument document =
        testing::plan_document("32/KH-UBND", random_text(random, true).substr(0, 60));
    document.id = std::to_string(1000 + d);
    document.sha256 = std::string(64, 'a');
    document.paths = {document.id + ".txt"};
    document.text = random_text(random, d % 3 == 0);
    Xapian::Document built = build_xapian_document(document);
    std::multimap<Xapian::termpos, Token> at;
    place_free_text(
        document, [&](const analyzers::Token& token, Xapian::termpos position, FreeTextField) {
          if (token.folded.empty() || token.lower.empty()) return;
          at.emplace(position, Token{std::string(token.folded), std::string(token.lower)});
          if (before) built.add_posting(schema::term("", token.lower), position, 0);
        });
    if (before) {
      std::vector<std::string> marks;
      for (auto it = built.termlist_begin(); it != built.termlist_end(); ++it)
        if (std::string(*it).starts_with(schema::kOtherSpellings)) marks.push_back(*it);
      for (const std::string& mark : marks)
        built.remove_term(mark);
    }
    archive.tokens[archive.database.add_document(built)] = std::move(at);
  }
  return archive;
}

// A typed word: its exact form (lower case, as typed) and folded form; typed without
// diacritics, the two are the same and any spelling matches.
struct Typed {
  std::string exact;
  std::string folded;
};

// The documents whose tokens hold `phrase`: some start where each word stands at its offset,
// spelled as typed (any spelling where typed without diacritics).
std::set<Xapian::docid> brute_force(const Archive& archive, const std::vector<Typed>& phrase) {
  std::set<Xapian::docid> out;
  for (const auto& [docid, tokens] : archive.tokens) {
    const auto& at = tokens;  // clang 14 captures no structured binding in a lambda
    auto stands = [&](Xapian::termpos position, const Typed& word) {
      const auto [from, to] = at.equal_range(position);
      for (auto it = from; it != to; ++it)
        if (it->second.folded == word.folded &&
            (word.exact == word.folded || it->second.lower == word.exact))
          return true;
      return false;
    };
    for (const auto& [start, token] : at) {
      bool holds = true;
      for (std::size_t i = 0; i < phrase.size() && holds; ++i)
        holds = stands(start + static_cast<Xapian::termpos>(i), phrase[i]);
      if (holds) {
        out.insert(docid);
        break;
      }
    }
  }
  return out;
}

std::set<Xapian::docid> matches(const Xapian::Database& database, const Xapian::Query& query) {
  Xapian::Enquire enquire(database);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  std::set<Xapian::docid> out;
  const Xapian::MSet found = enquire.get_mset(0, database.get_doccount());
  for (auto it = found.begin(); it != found.end(); ++it)
    out.insert(*it);
  return out;
}

// A phrase of 2-7 words: copied from a document's tokens (each word as written, without
// diacritics, or in another spelling of its syllable) or drawn from the spellings.
std::vector<Typed> random_phrase(std::mt19937& random, const Archive& archive) {
  const auto& all = spellings();
  auto syllable_of = [&](const std::string& folded) -> const Syllable* {
    for (const Syllable& syllable : all)
      if (syllable.folded == folded) return &syllable;
    return nullptr;
  };
  const std::size_t length = std::uniform_int_distribution<std::size_t>(2, 7)(random);
  std::vector<Typed> phrase;
  if (random() % 4 == 0) {
    for (std::size_t i = 0; i < length; ++i) {
      const Syllable& syllable = all[random() % all.size()];
      phrase.push_back({syllable.forms[random() % syllable.forms.size()], syllable.folded});
    }
    return phrase;
  }
  auto doc = archive.tokens.begin();
  std::advance(doc, static_cast<std::ptrdiff_t>(random() % archive.tokens.size()));
  std::vector<std::pair<Xapian::termpos, Token>> text;  // the syllables of the tables
  for (const auto& [position, token] : doc->second)
    if (syllable_of(token.folded)) text.emplace_back(position, token);
  if (text.size() < length) return {};
  const std::size_t start = random() % (text.size() - length + 1);
  for (std::size_t i = 0; i < length; ++i) {
    const Token& token = text[start + i].second;
    std::string exact = token.lower;
    if (random() % 4 == 0) exact = token.folded;  // typed without diacritics
    if (random() % 4 == 1) {                      // another spelling
      const auto& forms = syllable_of(token.folded)->forms;
      exact = forms[random() % forms.size()];
    }
    phrase.push_back({exact, token.folded});
  }
  return phrase;
}

std::string typed_text(const std::vector<Typed>& phrase) {
  std::string out = "\"";
  for (const Typed& word : phrase)
    out += (out.size() > 1 ? " " : "") + word.exact;
  return out + "\"";
}

// Whether `query` reads positions through ExactPhraseSource anywhere.
bool checks_by_source(const Xapian::Query& query) {
  return query.get_description().find("ExactPhraseSource") != std::string::npos;
}

struct Tally {
  std::size_t phrases = 0;
  std::size_t held = 0;      // phrases some document holds
  std::size_t refused = 0;   // phrases some document holds every word of, and not the phrase
  std::size_t repeated = 0;  // phrases with a folded word twice
  std::size_t by_source = 0;
  std::size_t by_xapian = 0;
};

Tally expect_exact_counts(unsigned seed, bool before) {
  const Archive archive = build_archive(seed, before);
  std::mt19937 random(seed * 7 + 1);
  Tally tally;
  for (int attempt = 0; attempt < 400 && tally.phrases < 150; ++attempt) {
    const std::vector<Typed> phrase = random_phrase(random, archive);
    if (phrase.empty()) continue;
    const std::string typed = typed_text(phrase);
    auto parsed = query::parse_query(typed);
    EXPECT_TRUE(parsed.ok()) << typed;
    if (!parsed.ok()) continue;
    const std::set<Xapian::docid> expected = brute_force(archive, phrase);
    const QueryBuilder builder(archive.database);
    const Xapian::Query counting = builder.matching_only().text(parsed->root);
    const Xapian::Query ranking = builder.text(parsed->root);
    EXPECT_EQ(matches(archive.database, counting), expected) << typed << " counted";
    EXPECT_EQ(matches(archive.database, ranking), expected) << typed << " ranked";
    std::vector<PhraseWord> words;
    for (const Typed& word : phrase)
      words.push_back({word.folded, word.exact == word.folded ? std::string() : word.exact});
    for (const auto& [docid, at] : archive.tokens)
      EXPECT_EQ(ExactPhraseSource::holds(archive.database, docid, words), expected.count(docid) > 0)
          << typed << " in " << docid;
    ++tally.phrases;
    tally.held += !expected.empty();
    std::vector<Xapian::Query> every_word;
    std::set<std::string> folded;
    for (const Typed& word : phrase) {
      every_word.emplace_back(word.exact == word.folded ? schema::term(schema::kFolded, word.folded)
                                                        : word.exact);
      folded.insert(word.folded);
    }
    tally.refused += matches(archive.database, Xapian::Query(Xapian::Query::OP_AND,
                                                             every_word.begin(), every_word.end()))
                         .size() > expected.size();
    tally.repeated += folded.size() < phrase.size();
    (checks_by_source(counting) ? tally.by_source : tally.by_xapian) += 1;
  }
  return tally;
}

TEST(StrictPhraseCount, the_count_is_the_documents_whose_tokens_hold_the_phrase) {
  for (const unsigned seed : {1U, 2U, 3U}) {
    const Tally tally = expect_exact_counts(seed, false);
    EXPECT_EQ(tally.phrases, 150U) << seed;
    EXPECT_GE(tally.held, 50U) << seed;
    EXPECT_GE(tally.refused, 20U) << seed;
    EXPECT_GE(tally.repeated, 20U) << seed;
    // Both ways of checking ran: Xapian's phrase, and the source past the branches' words.
    EXPECT_GE(tally.by_xapian, 50U) << seed;
    EXPECT_GE(tally.by_source, 3U) << seed;
  }
}

TEST(StrictPhraseCount, the_count_is_the_same_on_an_archive_indexed_before) {
  for (const unsigned seed : {4U, 5U}) {
    const Tally tally = expect_exact_counts(seed, true);
    EXPECT_EQ(tally.phrases, 150U) << seed;
    EXPECT_GE(tally.held, 50U) << seed;
    EXPECT_GE(tally.refused, 20U) << seed;
  }
}

std::vector<Xapian::docid> docids(const Xapian::Database& database, const Xapian::Query& query) {
  const std::set<Xapian::docid> found = matches(database, query);
  return {found.begin(), found.end()};
}

// Counted by choices of spellings (phrase_count.hpp: the documents holding the words as typed,
// grouped by which words each spells several ways, one phrase per group), a strict phrase alone
// or beside an exclusion matches what its one counting query matches, which is what the
// documents' tokens hold; the candidates alone would be more (the control), and the groups'
// phrases run. On an archive indexed before, the counting query alone counts.
TEST(StrictPhraseCount, the_count_by_choices_is_the_counting_querys) {
  const char* exclusions[] = {"", " -dân", " -\"của bộ\"", " -hợp"};
  for (const unsigned seed : {1U, 2U, 3U, 4U}) {
    const bool before = seed == 4;
    const Archive archive = build_archive(seed, before);
    std::mt19937 random(seed * 11 + 3);
    std::size_t phrases = 0, two_steps = 0, admitted_more = 0, rechecked = 0, excluded = 0;
    for (int attempt = 0; attempt < 400 && phrases < 150; ++attempt) {
      const std::vector<Typed> phrase = random_phrase(random, archive);
      if (phrase.empty()) continue;
      const std::string exclusion = exclusions[random() % std::size(exclusions)];
      const std::string typed = typed_text(phrase) + exclusion;
      auto parsed = query::parse_query(typed);
      EXPECT_TRUE(parsed.ok()) << typed;
      if (!parsed.ok()) continue;
      const query::Node& root = parsed->root;
      const QueryBuilder counting = QueryBuilder(archive.database).matching_only();
      const std::vector<Xapian::docid> one_query = docids(archive.database, counting.text(root));
      std::size_t runs = 0;
      const std::vector<Xapian::docid> by_choices = strict_phrase_matches(
          archive.database, counting, root,
          [&](const QueryBuilder& builder) { return builder.text(root); },
          [&](const Xapian::Query& query) {
            ++runs;
            return docids(archive.database, query);
          });
      EXPECT_EQ(by_choices, one_query) << typed;
      if (exclusion.empty()) {
        const std::set<Xapian::docid> expected = brute_force(archive, phrase);
        EXPECT_EQ(by_choices, std::vector<Xapian::docid>(expected.begin(), expected.end()))
            << typed;
      }
      const auto spelled = counting.phrase_spellings(root);
      EXPECT_EQ(spelled.has_value(),
                !before && std::any_of(phrase.begin(), phrase.end(),
                                       [](const Typed& word) { return word.exact != word.folded; }))
          << typed;
      ++phrases;
      if (!spelled) continue;
      ++two_steps;
      excluded += !exclusion.empty();
      rechecked += runs > 1;
      admitted_more +=
          docids(archive.database, counting.folded_phrases().text(root)).size() > one_query.size();
    }
    EXPECT_EQ(phrases, 150U) << seed;
    if (before) {
      EXPECT_EQ(two_steps, 0U) << seed;
      continue;
    }
    EXPECT_GE(two_steps, 80U) << seed;
    EXPECT_GE(excluded, 40U) << seed;
    EXPECT_GE(rechecked, 40U) << seed;
    EXPECT_GE(admitted_more, 10U) << seed;  // the check is needed
  }
}

// A phrase of four accented words each spelled several ways somewhere ("phối hợp với bộ"), and
// one repeating its words ("của bộ của bộ"), are Xapian's own phrase, checked by no source of
// ours; past kMaxPhraseBranchWords such words, the documents spelling the rarest of them several
// ways are left to ExactPhraseSource.
TEST(StrictPhraseCount, four_accented_words_are_xapians_phrase) {
  const Archive archive = build_archive(9, false);
  auto counting = [&](const std::string& typed) {
    auto parsed = query::parse_query(typed);
    EXPECT_TRUE(parsed.ok()) << typed;
    return QueryBuilder(archive.database).matching_only().text(parsed->root);
  };
  for (const char* typed : {"\"phối hợp với bộ\"", "\"của bộ của bộ\"", "\"hòa và dân quy bộ\""}) {
    const Xapian::Query query = counting(typed);
    EXPECT_FALSE(checks_by_source(query)) << typed;
    EXPECT_NE(query.get_description().find("PHRASE"), std::string::npos) << typed;
  }
  EXPECT_TRUE(checks_by_source(counting("\"bộ của phối hợp với hòa dân\"")));
}

}  // namespace
}  // namespace vanban::archive::strict_phrase_count
