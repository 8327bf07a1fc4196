// Search relevance, against a BM25 baseline run in the same program on the same texts.
//
// 1. Questions typed in words (../shared/corpus/real/alqac-law, ALQAC 2022): every article of
//    alqac2022_law.json is written as one .txt file and indexed by the real ingest, then every
//    question of alqac2022_questions.json is asked as typed and without diacritics (đ → d).
//    Scored against its gold article(s): recall@1/5/10, MRR@10, zero-result rate. Also as two
//    halves fixed by a hash of the question's id (alqac_half): the study half, which --dump
//    writes, and the unread half, measured only. Then the same questions without their question
//    mark, as office staff type them (a question known by its words alone).
// 2. The gazette documents (../shared/corpus/real/congbao-8chude, 401 documents):
//    - number: each document's own number as extracted ("158/2025/NĐ-CP"), as typed and in
//      lower case without diacritics; relevant: the documents holding that number;
//    - known-item: each document's title as extracted, as typed and without diacritics;
//      relevant: the documents with that title;
//    - topic: the 8 topic names of metadata.jsonl; relevant: the documents of the topic
//      (precision@10 is the figure that matters there; recall@k counts any relevant one).
// 5. Short topic boxes (a document type and a topic, as office staff type them: "kế hoạch dân
//    vận"), on an archive of the gazette documents and the repository's samples (--only topics):
//    for each document with a type and a title, its type name and the rarest run of 3 (else 2)
//    consecutive content words of its title (no function word, no digit; rarest: held by the
//    fewest titles of the archive, at least 2, so that it names a topic, not one document);
//    relevant: the documents of that type whose title holds those words as a phrase. One query
//    per distinct box; as typed and without diacritics.
//
// The baseline: Okapi BM25 (k1 1.2, b 0.75, idf ln(1 + (N - n + 0.5) / (n + 0.5))) over an OR of
// the query's words, on the stored texts folded (lower case, no diacritics, đ → d) and split at
// every non-letter, as SQLite FTS5's `unicode61 remove_diacritics 2` does: so it answers a query
// with and without diacritics alike.
//
//   bench_relevance                    both parts (indexing the gazette takes about a minute)
//   bench_relevance --only alqac       one part (alqac or congbao)
//   bench_relevance --db DIR           keep the archives under DIR; a later run reuses them
//   bench_relevance --dump FILE        each query's rank of its first relevant hit (TSV: set, form,
//                                      system, rank, first hit, query, suggestion, total, relaxed)
//   bench_relevance --or 1             questions asked with OR between their words (as the
//                                      search allowed before it relaxed by itself)
//   bench_relevance --window 0         the proximity bonuses ranking every candidate (one phase),
//                                      not only the first phase's best 300 (two_phase_ranking.hpp)
//   bench_relevance --heldout FILE     the held-out questions (bench/heldout/SOURCE.md; default
//                                      ~/.cache/vanban/zalo2021-heldout.tsv, skipped if absent)
//   bench_relevance --study FILE       the Zalo study questions (the same file's other part;
//   default
//                                      ~/.cache/vanban/zalo2021-study.tsv, skipped if absent)
//
// 3. Held-out questions (Zalo AI 2021 legal text retrieval, a set nobody here tuned on): the
//    questions of bench/heldout/zalo2021_sample.py's sample, whose gold articles are all in the
//    laws of the ALQAC 2022 archive, asked of that archive as typed and without diacritics. A
//    measure only: never tune a ranking rule on these questions; --dump leaves them out.
// 4. Study questions of the same file (bench/heldout/zalo2021_study.py: the items after the
//    held-out part, the same rule), asked the same way; these may be studied (--dump writes them).
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>
#include <unistd.h>
#include <xapian.h>

#include "vanban/analyzers/fold.hpp"
#include "vanban/analyzers/symbol.hpp"
#include "vanban/analyzers/tokenizer.hpp"
#include "vanban/archive/archive.hpp"
#include "vanban/archive/document.hpp"
#include "vanban/archive/searcher.hpp"
#include "vanban/archive/writer.hpp"
#include "vanban/indexer/ingest.hpp"

#include "backends.hpp"
#include "disk_layout.hpp"
#include "function_words.hpp"
#include "stored_text.hpp"

namespace {

namespace fs = std::filesystem;

constexpr int kDepth = 10;
bool g_or_words = false;                                       // --or
std::size_t g_rerank_window = vanban::archive::kRerankWindow;  // --window
std::string g_show;     // --show PATH: the metadata of that document
std::string g_heldout;  // --heldout FILE: question_id TAB law:article[;law:article] TAB question
std::string g_study;    // --study FILE: the same format

// "a b, c?" → "a OR b OR c"
std::string or_of_words(const std::string& text) {
  std::string out;
  std::istringstream words(text);
  for (std::string word; words >> word;) {
    while (!word.empty() && std::ispunct(static_cast<unsigned char>(word.back())) != 0)
      word.pop_back();
    if (word.empty()) continue;
    out += (out.empty() ? "" : " OR ") + word;
  }
  return out;
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// The folded words of a text, split as FTS5's unicode61 tokenizer splits (symbols in parts).
std::vector<std::string> folded_words(std::string_view nfc_text) {
  std::vector<std::string> words;
  for (const auto& token : vanban::analyzers::thread_analyzer().analyze(nfc_text)) {
    if (token.kind == vanban::analyzers::TokenKind::symbol) continue;  // its parts follow
    std::string folded(token.folded);
    std::string part;
    for (const char c : folded + ' ') {
      if (std::isalnum(static_cast<unsigned char>(c)) != 0 || (c & 0x80) != 0) {
        part += c;
      } else if (!part.empty()) {
        words.push_back(std::move(part));
        part.clear();
      }
    }
  }
  return words;
}

// Okapi BM25 over an OR of the query's words.
class Bm25 {
 public:
  void add(const std::string& key, std::string_view nfc_text) {
    std::unordered_map<std::string, int> counts;
    const auto words = folded_words(nfc_text);
    for (const std::string& word : words)
      ++counts[word];
    const auto doc = static_cast<int>(keys_.size());
    keys_.push_back(key);
    lengths_.push_back(static_cast<double>(words.size()));
    for (const auto& [word, count] : counts)
      postings_[word].emplace_back(doc, count);
  }

  std::vector<std::string> top(std::string_view query, int depth) const {
    double average = 0;
    for (const double length : lengths_)
      average += length;
    average /= std::max<double>(1, static_cast<double>(lengths_.size()));
    std::vector<double> scores(keys_.size(), 0.0);
    std::vector<bool> matched(keys_.size(), false);
    const double n_docs = static_cast<double>(keys_.size());
    for (const std::string& word : folded_words(query)) {
      const auto it = postings_.find(word);
      if (it == postings_.end()) continue;
      const double n = static_cast<double>(it->second.size());
      const double idf = std::log(1.0 + (n_docs - n + 0.5) / (n + 0.5));
      for (const auto& [doc, count] : it->second) {
        const double tf = count;
        const double norm = 1.2 * (0.25 + 0.75 * lengths_[static_cast<std::size_t>(doc)] / average);
        scores[static_cast<std::size_t>(doc)] += idf * tf * 2.2 / (tf + norm);
        matched[static_cast<std::size_t>(doc)] = true;
      }
    }
    std::vector<int> order;
    for (std::size_t i = 0; i < keys_.size(); ++i)
      if (matched[i]) order.push_back(static_cast<int>(i));
    const auto keep = std::min<std::size_t>(order.size(), static_cast<std::size_t>(depth));
    std::partial_sort(
        order.begin(), order.begin() + static_cast<std::ptrdiff_t>(keep), order.end(),
        [&](int a, int b) {
          return scores[static_cast<std::size_t>(a)] != scores[static_cast<std::size_t>(b)]
                     ? scores[static_cast<std::size_t>(a)] > scores[static_cast<std::size_t>(b)]
                     : a < b;
        });
    std::vector<std::string> out;
    for (std::size_t i = 0; i < keep; ++i)
      out.push_back(keys_[static_cast<std::size_t>(order[i])]);
    return out;
  }

 private:
  std::vector<std::string> keys_;
  std::vector<double> lengths_;
  std::unordered_map<std::string, std::vector<std::pair<int, int>>> postings_;
};

struct Query {
  std::string text;
  std::set<std::string> relevant;  // document keys
  int half = -1;                   // ALQAC: 0 the study half, 1 the unread half (alqac_half)
};

// The ALQAC questions in two halves, fixed by a hash of the question's id before any miss of
// session 30 was read (docs/BENCHMARKS.md, "Session 30"): half 0 may be studied (--dump writes
// it), half 1 is only measured, as rows of its own; --dump leaves it out.
int alqac_half(const std::string& id) {
  std::uint32_t hash = 2166136261u;  // FNV-1a
  for (const char c : id) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 16777619u;
  }
  return static_cast<int>(hash & 1u);
}

struct Scores {
  int queries = 0;
  int zero = 0;
  int at1 = 0, at5 = 0, at10 = 0;
  double reciprocal = 0;
  double precision10 = 0;

  void add(const std::vector<std::string>& ranked, const std::set<std::string>& relevant,
           std::size_t total) {
    ++queries;
    if (total == 0) ++zero;
    int first = 0;
    int hits = 0;
    for (std::size_t i = 0; i < ranked.size() && i < kDepth; ++i) {
      if (relevant.count(ranked[i]) == 0) continue;
      ++hits;
      if (first == 0) first = static_cast<int>(i) + 1;
    }
    precision10 += hits / static_cast<double>(kDepth);
    if (first == 0) return;
    at1 += first <= 1;
    at5 += first <= 5;
    at10 += first <= 10;
    reciprocal += 1.0 / first;
  }
};

void print_header() {
  std::printf(
      "| set | typed | system | queries | R@1 | R@5 | R@10 | MRR@10 | P@10 | zero results |\n"
      "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
}

void print_row(const std::string& set, const std::string& form, const std::string& system,
               const Scores& s) {
  const double q = std::max(1, s.queries);
  std::printf("| %s | %s | %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |\n", set.c_str(),
              form.c_str(), system.c_str(), s.queries, s.at1 / q, s.at5 / q, s.at10 / q,
              s.reciprocal / q, s.precision10 / q, s.zero / q);
  std::fflush(stdout);
}

// An archive built by the real ingest from a folder of files, reused under --db when it holds
// the expected number of documents.
class IndexedSet {
 public:
  IndexedSet(const std::string& keep_root, const std::string& name) {
    dir_ = keep_root.empty() ? fs::temp_directory_path() / ("vanban-bench-relevance-" +
                                                            std::to_string(::getpid()) + "-" + name)
                             : fs::path(keep_root) / name;
    keep_ = !keep_root.empty();
  }
  ~IndexedSet() {
    if (!keep_) fs::remove_all(dir_);
  }

  bool build(const fs::path& sources, std::size_t expected) {
    try {
      if (Xapian::Database(vanban::archive::xapian_dir(dir_).string()).get_doccount() == expected) {
        std::cerr << "reusing " << dir_ << '\n';
        return open();
      }
    } catch (const Xapian::Error&) {
    }
    fs::remove_all(dir_);
    auto writer = vanban::archive::Archive(dir_).open_writer();
    if (!writer) {
      std::cerr << writer.error().message << '\n';
      return false;
    }
    vanban::indexer::IngestOptions options;
    options.inputs = {sources};
    options.jobs = 2;
    auto summary = vanban::indexer::ingest(**writer, options);
    if (!summary) {
      std::cerr << summary.error().message << '\n';
      return false;
    }
    std::cerr << "indexed " << summary->added << " documents from " << sources << " in "
              << summary->seconds << " s\n";
    return open();
  }

  // Every document, with its text.
  std::vector<vanban::archive::ArchivedDocument> documents() const {
    std::vector<vanban::archive::ArchivedDocument> out;
    Xapian::Database database(vanban::archive::xapian_dir(dir_).string());
    for (auto it = database.postlist_begin(""); it != database.postlist_end(""); ++it) {
      if (auto document = vanban::archive::read_document(dir_, database.get_document(*it)))
        out.push_back(std::move(*document));
    }
    return out;
  }

  struct Answer {
    std::vector<std::string> paths;  // the first path of each of the top hits
    std::size_t total = 0;
    std::string suggestion;
    bool relaxed = false;   // too few documents held all the words: any of them
    bool question = false;  // read as a question: any of its words, by weight
  };

  Answer search(const std::string& query) {
    vanban::archive::SearchRequest request;
    request.query = query;
    request.size = kDepth;
    auto response = searcher_->search(request);
    if (!response) {
      std::cerr << "query failed: " << query << ": " << response.error().message << '\n';
      return {};
    }
    Answer answer;
    for (const auto& hit : response->hits)
      answer.paths.push_back(hit.document.paths.empty() ? hit.id : hit.document.paths.front());
    answer.total = response->total;
    answer.suggestion = response->suggestion;
    answer.relaxed = response->relaxed;
    answer.question = response->question;
    return answer;
  }

 private:
  bool open() {
    auto searcher = vanban::archive::open_xapian_searcher(dir_, nullptr, g_rerank_window);
    if (!searcher) return false;
    searcher_ = std::move(*searcher);
    return true;
  }

  fs::path dir_;
  bool keep_ = false;
  std::unique_ptr<vanban::archive::Searcher> searcher_;
};

class Dump {
 public:
  explicit Dump(const std::string& path) {
    if (!path.empty()) out_.open(path);
  }
  void add(const std::string& set, const std::string& form, const std::string& system,
           const Query& query, const std::vector<std::string>& ranked,
           const std::string& suggestion = {}, std::size_t total = 0, bool relaxed = false) {
    if (!out_) return;
    int rank = 0;
    for (std::size_t i = 0; i < ranked.size() && rank == 0; ++i)
      if (query.relevant.count(ranked[i]) != 0) rank = static_cast<int>(i) + 1;
    out_ << set << '\t' << form << '\t' << system << '\t' << rank << '\t'
         << (ranked.empty() ? "" : ranked.front()) << '\t' << query.text << '\t' << suggestion
         << '\t' << total << '\t' << (relaxed ? "relaxed" : "") << '\n';
  }

 private:
  std::ofstream out_;
};

// The exact forms of a text's word tokens.
std::vector<std::string> exact_words(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& token : vanban::analyzers::thread_analyzer().analyze(text))
    if (token.kind == vanban::analyzers::TokenKind::word && !token.in_symbol)
      out.emplace_back(token.lower);
  return out;
}

// How many words of a box typed without diacritics the search spelled as the user would have
// typed them (its suggestion, else the box as typed), of the words that carry a mark.
struct Restoration {
  int marked = 0;    // words of the original holding a diacritic
  int right = 0;     // of those, spelled as in the original
  int spurious = 0;  // words without a mark given one
  void add(const std::string& original, const std::string& typed, const std::string& suggestion) {
    const auto want = exact_words(original);
    const auto got = exact_words(suggestion.empty() ? typed : suggestion);
    if (want.size() != got.size()) return;
    for (std::size_t i = 0; i < want.size(); ++i) {
      const bool has_mark = vanban::analyzers::fold(want[i]) != want[i];
      marked += has_mark;
      right += has_mark && want[i] == got[i];
      spurious += !has_mark && want[i] != got[i];
    }
  }
};

// Asks every query of a set, as typed and folded, of Vanban and of BM25.
// A held-out set (dump_too false) is never written to the dump: its misses are not studied.
void run_set(const std::string& name, const std::vector<Query>& queries, IndexedSet& archive,
             const Bm25& bm25, Dump& dump, bool fold_too = true, bool dump_too = true) {
  static const char* const kHalves[] = {", study half", ", unread half"};
  const bool halved = std::any_of(queries.begin(), queries.end(),
                                  [](const Query& query) { return query.half >= 0; });
  for (const bool folded : {false, true}) {
    if (folded && !fold_too) continue;
    const std::string form = folded ? "no diacritics" : "as typed";
    Scores vanban_scores;
    Scores bm25_scores;
    Scores vanban_half[2];
    Scores bm25_half[2];
    Restoration restoration;
    int asked = 0;  // read as questions (a question by its words or its mark)
    for (const Query& query : queries) {
      const std::string text = folded ? vanban::analyzers::fold(query.text) : query.text;
      const auto answer = archive.search(g_or_words ? or_of_words(text) : text);
      vanban_scores.add(answer.paths, query.relevant, answer.total);
      asked += answer.question;
      if (folded) restoration.add(query.text, text, answer.suggestion);
      const bool write = dump_too && query.half != 1;
      if (write)
        dump.add(name, form, "vanban", {text, query.relevant}, answer.paths, answer.suggestion,
                 answer.total, answer.relaxed);
      const auto baseline = bm25.top(text, kDepth);
      bm25_scores.add(baseline, query.relevant, baseline.size());
      if (write) dump.add(name, form, "bm25", {text, query.relevant}, baseline);
      if (query.half >= 0) {
        vanban_half[query.half].add(answer.paths, query.relevant, answer.total);
        bm25_half[query.half].add(baseline, query.relevant, baseline.size());
      }
    }
    print_row(name, form, "Vanban", vanban_scores);
    print_row(name, form, "BM25", bm25_scores);
    for (int half = 0; halved && half < 2; ++half) {
      print_row(name + kHalves[half], form, "Vanban", vanban_half[half]);
      print_row(name + kHalves[half], form, "BM25", bm25_half[half]);
    }
    // What the search reads as a question: every question of a question set, no title, topic
    // or number (those are matched by all their words).
    std::fprintf(stderr, "%s, %s: read as a question %d of %zu\n", name.c_str(), form.c_str(),
                 asked, queries.size());
    if (folded && restoration.marked > 0)
      std::fprintf(stderr,
                   "%s: accents restored right on %d of %d marked words (%.3f), %d unmarked "
                   "words given a mark\n",
                   name.c_str(), restoration.right, restoration.marked,
                   restoration.right / static_cast<double>(restoration.marked),
                   restoration.spurious);
  }
}

// The question as typed without its question mark (ASCII or full-width), as office staff often
// type it: "thu tuc dang ky ket hon can giay to gi". What is left must still be read as a
// question (asks_question()) by its words alone.
std::string without_question_mark(std::string text) {
  static const std::string kFullWidth = "\xEF\xBC\x9F";  // ？
  for (bool more = true; more;) {
    more = false;
    while (!text.empty() &&
           (text.back() == '?' || std::isspace(static_cast<unsigned char>(text.back())) != 0)) {
      text.pop_back();
      more = true;
    }
    if (text.size() >= kFullWidth.size() &&
        text.compare(text.size() - kFullWidth.size(), kFullWidth.size(), kFullWidth) == 0) {
      text.resize(text.size() - kFullWidth.size());
      more = true;
    }
  }
  return text;
}

// The same questions without their question marks (the halves and the gold kept).
std::vector<Query> without_question_marks(std::vector<Query> queries) {
  for (Query& query : queries)
    query.text = without_question_mark(query.text);
  return queries;
}

std::string path_safe(std::string text) {
  std::replace(text.begin(), text.end(), '/', '_');
  return text;
}

void run_alqac(const std::string& keep_root, Dump& dump) {
  const fs::path folder = fs::path(VANBAN_SHARED_DIR) / "corpus" / "real" / "alqac-law";
  if (!fs::exists(folder / "alqac2022_questions.json")) {
    std::cerr << "no " << folder << ": ALQAC part skipped\n";
    return;
  }
  const auto laws = nlohmann::json::parse(slurp(folder / "alqac2022_law.json"));
  const auto questions = nlohmann::json::parse(slurp(folder / "alqac2022_questions.json"));

  // One file per article: <law>/<article>.txt; its archived path is its key.
  const fs::path sources = fs::temp_directory_path() /
                           ("vanban-bench-relevance-src-" + std::to_string(::getpid())) / "alqac";
  std::size_t articles = 0;
  for (const auto& law : laws) {
    const fs::path dir = sources / path_safe(law.at("id").get<std::string>());
    fs::create_directories(dir);
    for (const auto& article : law.at("articles")) {
      std::ofstream(dir / (path_safe(article.at("id").get<std::string>()) + ".txt"))
          << article.at("text").get<std::string>();
      ++articles;
    }
  }
  auto key = [](const std::string& law, const std::string& article) {
    return path_safe(law) + "/" + path_safe(article) + ".txt";
  };
  IndexedSet archive(keep_root, "alqac2022");
  const bool built = archive.build(sources, articles);
  fs::remove_all(sources.parent_path());
  if (!built) return;

  Bm25 bm25;
  for (const auto& document : archive.documents()) {
    bm25.add(document.paths.front(), document.text);
    if (document.paths.front() == g_show)
      std::cerr << vanban::archive::to_json(document, false).dump(1) << '\n';
  }

  std::vector<Query> set;
  for (const auto& question : questions) {
    Query query{question.at("text").get<std::string>(),
                {},
                alqac_half(question.at("id").get<std::string>())};
    for (const auto& gold : question.at("relevant_articles"))
      query.relevant.insert(
          key(gold.at("law_id").get<std::string>(), gold.at("article_id").get<std::string>()));
    set.push_back(std::move(query));
  }
  run_set("ALQAC 2022 questions", set, archive, bm25, dump);
  run_set("ALQAC 2022 questions without ?", without_question_marks(set), archive, bm25, dump);

  // The Zalo questions (bench/heldout/SOURCE.md), asked of the same archive: the held-out
  // sample, then the study sample (the same file's other part).
  std::map<std::string, std::string> law_ids;  // lower case → as in the archive
  for (const auto& law : laws) {
    std::string id = law.at("id").get<std::string>();
    std::string lower = id;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    law_ids.emplace(lower, id);
  }
  std::set<std::string> seen;  // folded questions already asked: a copy is asked once
  for (const auto& question : questions)
    seen.insert(vanban::analyzers::fold(question.at("text").get<std::string>()));
  auto load = [&](const std::string& flag_value, const std::string& file_name,
                  const std::string& what) {
    std::vector<Query> out;
    fs::path path = flag_value;
    if (path.empty()) {
      const char* home = std::getenv("HOME");
      path = fs::path(home != nullptr ? home : ".") / ".cache" / "vanban" / file_name;
    }
    if (!fs::exists(path)) {
      std::cerr << "no " << path << ": " << what
                << " questions skipped (bench/heldout/SOURCE.md)\n";
      return out;
    }
    int outside = 0;
    int copies = 0;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) {
      const auto tab1 = line.find('\t');
      const auto tab2 = line.find('\t', tab1 == std::string::npos ? tab1 : tab1 + 1);
      if (tab1 == std::string::npos || tab2 == std::string::npos) continue;
      Query query{line.substr(tab2 + 1), {}};
      bool inside = true;
      std::istringstream golds(line.substr(tab1 + 1, tab2 - tab1 - 1));
      for (std::string gold; std::getline(golds, gold, ';');) {
        const auto colon = gold.rfind(':');
        std::string law = gold.substr(0, colon);
        std::transform(law.begin(), law.end(), law.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        const auto it = law_ids.find(law);
        if (colon == std::string::npos || it == law_ids.end()) {
          inside = false;
          break;
        }
        query.relevant.insert(key(it->second, gold.substr(colon + 1)));
      }
      if (!inside) {
        ++outside;
      } else if (!seen.insert(vanban::analyzers::fold(query.text)).second) {
        ++copies;
      } else {
        out.push_back(std::move(query));
      }
    }
    std::cerr << path << ": " << out.size() << " questions, " << outside
              << " with a gold article outside the archive and " << copies
              << " copies of a question already asked left out\n";
    return out;
  };
  const auto held = load(g_heldout, "zalo2021-heldout.tsv", "held-out");
  const auto study = load(g_study, "zalo2021-study.tsv", "study");
  if (!held.empty()) {
    run_set("Zalo 2021 questions (held out)", held, archive, bm25, dump, true, false);
    run_set("Zalo 2021 questions (held out) without ?", without_question_marks(held), archive, bm25,
            dump, true, false);
  }
  if (!study.empty()) {
    run_set("Zalo 2021 questions (study)", study, archive, bm25, dump);
    run_set("Zalo 2021 questions (study) without ?", without_question_marks(study), archive, bm25,
            dump);
  }
}

void run_congbao(const std::string& keep_root, Dump& dump) {
  const fs::path folder = fs::path(VANBAN_SHARED_DIR) / "corpus" / "real" / "congbao-8chude";
  if (!fs::exists(folder / "metadata.jsonl")) {
    std::cerr << "no " << folder << ": gazette part skipped\n";
    return;
  }
  std::size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(folder / "docs"))
    files += entry.is_regular_file() && entry.path().extension() == ".txt";
  IndexedSet archive(keep_root, "congbao");
  if (!archive.build(folder / "docs", files)) return;

  Bm25 bm25;
  std::vector<Query> numbers;
  std::vector<Query> titles;
  std::map<std::string, std::set<std::string>> by_number;
  std::map<std::string, std::set<std::string>> by_title;
  std::map<std::string, std::string> number_typed;
  std::map<std::string, std::string> title_typed;
  for (const auto& document : archive.documents()) {
    const std::string& key = document.paths.front();
    bm25.add(key, document.text);
    const auto& metadata = document.metadata;
    if (metadata.number && metadata.number_key) {
      by_number[*metadata.number_key].insert(key);
      number_typed.emplace(*metadata.number_key, *metadata.number);
    }
    if (metadata.title && !metadata.title->empty()) {
      const std::string folded = vanban::analyzers::fold(*metadata.title);
      by_title[folded].insert(key);
      title_typed.emplace(folded, *metadata.title);
    }
  }
  for (const auto& [number_key, keys] : by_number)
    numbers.push_back({number_typed[number_key], keys});
  for (const auto& [folded, keys] : by_title)
    titles.push_back({title_typed[folded], keys});

  std::map<std::string, Query> topics;
  std::ifstream metadata(folder / "metadata.jsonl");
  for (std::string line; std::getline(metadata, line);) {
    if (line.empty()) continue;
    const auto record = nlohmann::json::parse(line);
    const std::string path = record.at("txt_path").get<std::string>();  // docs/<topic>/<file>
    Query& topic = topics[record.at("topic_key").get<std::string>()];
    topic.text = record.at("topic_name").get<std::string>();
    topic.relevant.insert(path.substr(path.find('/') + 1));
  }
  std::vector<Query> topic_set;
  for (auto& [key, topic] : topics)
    topic_set.push_back(std::move(topic));

  run_set("gazette numbers", numbers, archive, bm25, dump);
  run_set("gazette titles (known item)", titles, archive, bm25, dump);
  run_set("gazette topics", topic_set, archive, bm25, dump);
}

// The lower-case words of a title (word tokens outside symbols), as typed.
std::vector<std::string> title_words(const std::string& title) {
  return exact_words(title);
}

bool holds_run(const std::vector<std::string>& words, const std::vector<std::string>& run) {
  if (run.empty() || words.size() < run.size()) return false;
  for (std::size_t i = 0; i + run.size() <= words.size(); ++i)
    if (std::equal(run.begin(), run.end(), words.begin() + static_cast<std::ptrdiff_t>(i)))
      return true;
  return false;
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& word : words)
    out += (out.empty() ? "" : " ") + word;
  return out;
}

void run_topics(const std::string& keep_root, Dump& dump) {
  const fs::path gazette = fs::path(VANBAN_SHARED_DIR) / "corpus" / "real" / "congbao-8chude";
  const fs::path samples = fs::path(VANBAN_SOURCE_DIR) / "samples";
  if (!fs::exists(gazette / "docs") || !fs::exists(samples)) {
    std::cerr << "no " << gazette << " or " << samples << ": topic part skipped\n";
    return;
  }
  const fs::path sources = fs::temp_directory_path() /
                           ("vanban-bench-relevance-src-" + std::to_string(::getpid())) / "topics";
  std::size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(gazette / "docs")) {
    if (!entry.is_regular_file() || entry.path().extension() != ".txt") continue;
    const fs::path to = sources / "congbao" / fs::relative(entry.path(), gazette / "docs");
    fs::create_directories(to.parent_path());
    fs::copy_file(entry.path(), to, fs::copy_options::overwrite_existing);
    ++files;
  }
  fs::create_directories(sources / "samples");
  for (const auto& entry : fs::directory_iterator(samples)) {
    if (!entry.is_regular_file() || entry.path().filename().string().front() == '.') continue;
    fs::copy_file(entry.path(), sources / "samples" / entry.path().filename(),
                  fs::copy_options::overwrite_existing);
    ++files;
  }
  IndexedSet archive(keep_root, "topics");
  const bool built = archive.build(sources, files);
  fs::remove_all(sources.parent_path());
  if (!built) return;

  struct Titled {
    std::string key;
    std::string type;      // as displayed
    std::string type_key;  // folded
    std::vector<std::string> words;
  };
  Bm25 bm25;
  std::vector<Titled> titled;
  for (const auto& document : archive.documents()) {
    const std::string& key = document.paths.front();
    bm25.add(key, document.text);
    const auto& metadata = document.metadata;
    if (!metadata.type || !metadata.title || metadata.title->empty()) continue;
    titled.push_back({key, *metadata.type, vanban::analyzers::fold(*metadata.type),
                      title_words(*metadata.title)});
  }
  auto content = [](const std::string& word) {
    if (vanban::archive::is_function_word(word, vanban::analyzers::fold(word))) return false;
    return std::none_of(word.begin(), word.end(),
                        [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
  };
  std::map<std::string, Query> boxes;  // folded box → query
  for (const Titled& document : titled) {
    std::vector<std::string> best;
    std::size_t best_count = 0;
    for (const std::size_t n : {std::size_t{3}, std::size_t{2}}) {
      for (std::size_t i = 0; i + n <= document.words.size(); ++i) {
        const std::vector<std::string> run(
            document.words.begin() + static_cast<std::ptrdiff_t>(i),
            document.words.begin() + static_cast<std::ptrdiff_t>(i + n));
        if (!std::all_of(run.begin(), run.end(), content)) continue;
        const auto count = static_cast<std::size_t>(
            std::count_if(titled.begin(), titled.end(),
                          [&](const Titled& t) { return holds_run(t.words, run); }));
        if (count < 2 || (!best.empty() && count >= best_count)) continue;
        best = run;
        best_count = count;
      }
      if (!best.empty()) break;
    }
    if (best.empty()) continue;
    const std::string text = joined(title_words(document.type)) + " " + joined(best);
    const std::string folded = vanban::analyzers::fold(text);
    if (boxes.count(folded) != 0) continue;
    Query query{text, {}};
    for (const Titled& other : titled)
      if (other.type_key == document.type_key && holds_run(other.words, best))
        query.relevant.insert(other.key);
    boxes.emplace(folded, std::move(query));
  }
  std::vector<Query> set;
  for (auto& [folded, query] : boxes)
    set.push_back(std::move(query));
  run_set("short topic boxes (type + title words)", set, archive, bm25, dump);
}

}  // namespace

int main(int argc, char** argv) {
  std::string only;
  std::string keep_root;
  std::string dump_path;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--only") only = argv[i + 1];
    if (flag == "--db") keep_root = argv[i + 1];
    if (flag == "--dump") dump_path = argv[i + 1];
    if (flag == "--show") g_show = argv[i + 1];
    if (flag == "--or") g_or_words = std::string(argv[i + 1]) == "1";
    if (flag == "--window") g_rerank_window = std::stoul(argv[i + 1]);
    if (flag == "--heldout") g_heldout = argv[i + 1];
    if (flag == "--study") g_study = argv[i + 1];
  }
  Dump dump(dump_path);
  print_header();
  if (only.empty() || only == "alqac") run_alqac(keep_root, dump);
  if (only.empty() || only == "congbao") run_congbao(keep_root, dump);
  if (only.empty() || only == "topics") run_topics(keep_root, dump);
  return 0;
}
