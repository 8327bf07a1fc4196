// Search latency by query kind, two-phase ranking against the one-phase ranking, on a generated
// archive of real paragraphs. Three searches of the same query on the same database, in turn:
//   - Vanban as it ranks: word weights first, the proximity and heading bonuses on the best 300
//     (archive/src/two_phase_ranking.hpp);
//   - Vanban ranking in one phase: the bonuses checked on every candidate (what it did before);
//   - the peer: a plain Xapian top-10 page (the query's folded words ANDed, BM25, no count, no
//     facets, no snippets).
// Both Vanban searches return the whole page: 20 hits with snippets, the exact total and the
// facets, counted on every search (no remembered counts).
//
// Documents: runs of 4-20 consecutive passages (6 lines each) of one real document of
// ../shared/corpus (gazette and seeds), sometimes with a passage of another, under a generated
// type, issuer, number and date; so a topic is in the documents made from the texts about it,
// not in all of them. Indexed with the real ArchiveWriter.
//
//   bench_ranking                        3 000 documents, 3 rounds (about a minute of indexing)
//   bench_ranking --docs 20000 --db DIR  larger, kept under DIR (a later run reuses it)
//   bench_ranking --rounds 5 --verbose   whether each query's first page is the one-phase one
//   bench_ranking --window 1000          a wider window than the searcher's (300)
//   bench_ranking --kind "words, unaccented" --two-phase-only
//                                        one kind of query, Vanban as it ranks alone (to profile
//                                        with callgrind: instructions per kind; the measured
//                                        rounds start at vanban_bench_measured_rounds, so
//                                        `--zero-before=vanban_bench_measured_rounds` leaves the
//                                        warm-up round and the facet columns' build out)
//   bench_ranking --per-query            each measured search's total, wall ms and CPU ms (the
//                                        process's user + system time) on stderr
//   bench_ranking --json FILE            each query's page as the API's JSON (took_ms 0), one a
//                                        line: two builds must write the same bytes;
//                                        `--json-round R` writes round R's pages instead (with
//                                        --remember, those of searches asked before)
//   bench_ranking --archive DIR --queries FILE [--remember N]
//                                        an archive as it is (built elsewhere, e.g. `vanban index`
//                                        of bench/corpus.py's documents; opened read-only) and the
//                                        queries of bench/peers.py (its queries.tsv: kind, query,
//                                        type, year), 10 hits a page as the peers ask; `--remember
//                                        N` keeps the counts of N searches as the server does (256;
//                                        the warm-up round fills it), default 0 (every page counts)
//
// The page timed is the API's: the search, then its JSON serialised (server/search_json.hpp).
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <unistd.h>
#include <xapian.h>

#include "vanban/analyzers/fold.hpp"
#include "vanban/analyzers/symbol.hpp"
#include "vanban/archive/archive.hpp"
#include "vanban/archive/searcher.hpp"
#include "vanban/archive/writer.hpp"
#include "vanban/server/search_json.hpp"

#include "backends.hpp"
#include "corpus_sample.hpp"
#include "disk_layout.hpp"
#include "latency.hpp"
#include "schema.hpp"

namespace {

namespace fs = std::filesystem;
using vanban::bench::kept_documents;
using vanban::bench::percentile;
using Clock = std::chrono::steady_clock;

// Passages of real documents: six lines each, as a PDF's text layer breaks them.
std::vector<std::vector<std::string>> load_passages() {
  const fs::path corpus = fs::path(VANBAN_SHARED_DIR) / "corpus";
  std::vector<fs::path> files = vanban::bench::sorted_text_files(corpus / "seeds");
  std::error_code error;
  const fs::path gazette = corpus / "real" / "congbao-8chude" / "docs";
  if (fs::is_directory(gazette, error)) {
    for (const auto& entry : fs::recursive_directory_iterator(gazette, error))
      if (entry.is_regular_file() && entry.path().extension() == ".txt")
        files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<std::vector<std::string>> documents;
  for (const fs::path& file : files) {
    const std::string text = vanban::analyzers::decode_text(vanban::bench::read_bytes(file)).text;
    std::vector<std::string> passages;
    std::string passage;
    int lines = 0;
    std::size_t start = 0;
    while (start < text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      const std::string_view line(text.data() + start, end - start);
      start = end + 1;
      if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
      passage.append(line).push_back('\n');
      if (++lines == 6) {
        passages.push_back(std::move(passage));
        passage.clear();
        lines = 0;
      }
    }
    if (passages.size() >= 4) documents.push_back(std::move(passages));
  }
  return documents;
}

constexpr std::pair<const char*, const char*> kTypes[] = {
    {"Kế hoạch", "KH"}, {"Quyết định", "QĐ"}, {"Báo cáo", "BC"},   {"Thông báo", "TB"},
    {"Công văn", ""},   {"Chỉ thị", "CT"},    {"Hướng dẫn", "HD"}, {"Nghị quyết", "NQ"}};
constexpr const char* kIssuers[] = {"Ủy ban nhân dân tỉnh Thừa Thiên Huế",
                                    "Ủy ban nhân dân tỉnh Quảng Trị",
                                    "Ủy ban nhân dân thành phố Hải Phòng",
                                    "Hội đồng nhân dân tỉnh Nghệ An",
                                    "Ủy ban nhân dân tỉnh Sơn La",
                                    "Bộ Nội vụ",
                                    "Bộ Tài chính",
                                    "Bộ Lao động - Thương binh và Xã hội"};

// Unique per document, of the form offices use.
std::string number_of(int index) {
  return std::to_string(index % 997 + 1) + "/" + std::to_string(2015 + index / 997) + "/KH-UBND";
}

vanban::archive::ArchivedDocument generate(const std::vector<std::vector<std::string>>& sources,
                                           std::mt19937& random, int index) {
  vanban::archive::ArchivedDocument document;
  auto& metadata = document.metadata;
  const auto& [type, code] = kTypes[random() % std::size(kTypes)];
  metadata.type = type;
  if (*code) metadata.type_code = code;
  metadata.issuer = kIssuers[random() % std::size(kIssuers)];
  const int year = 2015 + static_cast<int>(random() % 12);
  char date[16];
  std::snprintf(date, sizeof date, "%04d-%02d-%02d", year, static_cast<int>(random() % 12 + 1),
                static_cast<int>(random() % 28 + 1));
  metadata.date = date;
  metadata.number = number_of(index);
  metadata.number_key = vanban::analyzers::symbol_key(*metadata.number);

  const auto& source = sources[random() % sources.size()];
  const std::size_t length = std::min<std::size_t>(4 + random() % 17, source.size());
  const std::size_t from = random() % (source.size() - length + 1);
  std::string body;
  for (std::size_t p = from; p < from + length; ++p)
    body += source[p];
  if (random() % 3 == 0) {
    const auto& other = sources[random() % sources.size()];
    body += other[random() % other.size()];
  }
  // The title: the first line of the run long enough to be one.
  std::string title = source[from].substr(0, source[from].find('\n'));
  metadata.title = title;
  document.text = std::string(type) + " số " + *metadata.number + "\n" + title + "\n" + body;
  document.format = "txt";
  document.filename = std::to_string(index) + ".txt";
  return document;
}

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// The process's CPU time (user + system: a page's preads count) in ms: under a loaded machine's
// waits for a core, steadier than the wall time.
double cpu_ms() {
  timespec now{};
  ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

struct Case {
  std::string kind;
  vanban::archive::SearchRequest request;
  std::vector<std::string> peer_terms;  // folded words, ANDed
};

std::vector<std::string> folded_terms(const std::string& words) {
  std::vector<std::string> terms;
  std::string folded = vanban::analyzers::fold(words);
  std::size_t start = 0;
  while (start < folded.size()) {
    std::size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    std::string word = folded.substr(start, end - start);
    word.erase(std::remove_if(word.begin(), word.end(), [](char c) { return c == '"'; }),
               word.end());
    if (!word.empty()) terms.push_back(vanban::archive::schema::term("Z", word));
    start = end + 1;
  }
  return terms;
}

// Adjacent syllables of a random passage: what a user might type about that text.
std::string words_from(const std::vector<std::vector<std::string>>& sources, std::mt19937& random,
                       int count) {
  for (int attempt = 0; attempt < 100; ++attempt) {
    const auto& source = sources[random() % sources.size()];
    const std::string& passage = source[random() % source.size()];
    std::vector<std::string> syllables;
    std::string word;
    for (const char c : passage + " ") {
      if (c == ' ' || c == '\n') {
        if (!word.empty()) syllables.push_back(word);
        word.clear();
      } else {
        word += c;
      }
    }
    if (syllables.size() < static_cast<std::size_t>(count) + 2) continue;
    const std::size_t at = random() % (syllables.size() - static_cast<std::size_t>(count));
    std::string out;
    bool letters_only = true;
    for (int i = 0; i < count; ++i) {
      const std::string& s = syllables[at + static_cast<std::size_t>(i)];
      for (const char c : s)
        if (std::ispunct(static_cast<unsigned char>(c)) ||
            std::isdigit(static_cast<unsigned char>(c)))
          letters_only = false;
      out += (i ? " " : "") + s;
    }
    if (letters_only) return vanban::analyzers::exact_form(out);
  }
  return "dân";
}

std::vector<Case> query_set(const std::vector<std::vector<std::string>>& sources, int documents) {
  std::vector<Case> cases;
  auto add = [&](std::string kind, std::string query, auto&& adjust) {
    Case c{std::move(kind), {}, folded_terms(query)};
    c.request.query = std::move(query);
    adjust(c.request);
    cases.push_back(std::move(c));
  };
  auto none = [](vanban::archive::SearchRequest&) {};
  // The broad topics of issue 14, and others of the gazette's subjects.
  const char* topics[] = {"chuyển đổi số",     "tiếp công dân",   "cải cách hành chính",
                          "bảo hiểm xã hội",   "người lao động",  "ngân sách nhà nước",
                          "đồng thuận xã hội", "an toàn lao động"};
  for (const char* topic : topics) {
    add("topic, accented", topic, none);
    add("topic, unaccented", vanban::analyzers::fold(topic), none);
  }
  std::mt19937 random(1414);
  for (int i = 0; i < 8; ++i) {
    const std::string words = words_from(sources, random, 2 + i % 3);
    add("words, accented", words, none);
    add("words, unaccented", vanban::analyzers::fold(words), none);
  }
  for (int i = 0; i < 4; ++i)
    add("strict phrase", "\"" + words_from(sources, random, 2) + "\"", none);
  for (int i = 0; i < 4; ++i) {
    add("topic + filters", topics[i], [&](vanban::archive::SearchRequest& r) {
      r.filters[vanban::archive::FieldId::year] = {"2020", "2021", "2022"};
      r.filters[vanban::archive::FieldId::issuer] = {kIssuers[i]};
    });
  }
  for (int i = 0; i < 4; ++i) {
    const int index = static_cast<int>(random() % static_cast<unsigned>(documents));
    add("number", number_of(index), none);
  }
  for (int i = 0; i < 4; ++i) {
    add("topic, by date", topics[i],
        [](vanban::archive::SearchRequest& r) { r.sort = vanban::archive::SortOrder::newest; });
  }
  return cases;
}

// bench/peers.py's queries (corpus.py's queries.tsv: kind, query, type, year), asked as its
// Vanban client asks them: 10 hits, the type and year as filters where given.
std::vector<Case> peers_queries(const std::string& file) {
  std::vector<Case> cases;
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::vector<std::string> fields;
    std::size_t start = 0;
    for (;;) {
      const std::size_t tab = line.find('\t', start);
      fields.push_back(line.substr(start, tab == std::string::npos ? tab : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    fields.resize(4);
    Case c{fields[0], {}, folded_terms(fields[1])};
    c.request.query = fields[1];
    c.request.size = 10;
    if (!fields[2].empty()) {
      c.request.filters[vanban::archive::FieldId::type] = {fields[2]};
      c.request.filters[vanban::archive::FieldId::year] = {fields[3]};
    }
    cases.push_back(std::move(c));
  }
  return cases;
}

bool build_archive(const fs::path& dir, int documents,
                   const std::vector<std::vector<std::string>>& sources) {
  vanban::archive::WriterOptions options;
  options.batch_size = 2000;
  auto writer = vanban::archive::Archive(dir).open_writer(options);
  if (!writer) {
    std::cerr << writer.error().message << '\n';
    return false;
  }
  std::mt19937 random(20261203);
  const auto start = Clock::now();
  for (int i = 0; i < documents; ++i) {
    auto document = generate(sources, random, i);
    const std::string original = document.text;
    if (auto put =
            (*writer)->put("gen/" + std::to_string(i) + ".txt", original, std::move(document));
        !put) {
      std::cerr << put.error().message << '\n';
      return false;
    }
  }
  if (!(*writer)->commit()) return false;
  std::cerr << "indexed " << documents << " documents in " << ms_since(start) / 1000 << " s\n";
  return true;
}

struct Times {
  std::vector<double> two_phase, one_phase, peer;
};

// The page as the API sends it.
std::string page_json(const vanban::archive::SearchResponse& response) {
  return vanban::server::to_json(response).dump();
}

}  // namespace

// Called once, before the first measured round: a mark for profilers (callgrind's
// --zero-before), never inlined.
extern "C" __attribute__((noinline)) void vanban_bench_measured_rounds() {
  asm volatile("");
}

int main(int argc, char** argv) {
  int documents = 3000;
  int rounds = 3;
  std::string keep_root;
  bool verbose = false;
  bool two_phase_only = false;
  bool per_query = false;  // each measured search's total, wall and CPU ms on stderr
  std::string only_kind;
  std::string json_file;
  std::string archive_dir;
  std::string queries_file;
  std::size_t remembered = 0;
  int json_round = 0;  // whose pages --json writes (0: the warm-up round's)
  std::size_t window = vanban::archive::kRerankWindow;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (flag == "--verbose") {
      verbose = true;
    } else if (flag == "--two-phase-only") {
      two_phase_only = true;
    } else if (flag == "--per-query") {
      per_query = true;
    } else if (i + 1 < argc) {
      const char* value = argv[++i];
      if (flag == "--docs") documents = std::stoi(value);
      if (flag == "--rounds") rounds = std::stoi(value);
      if (flag == "--db") keep_root = value;
      if (flag == "--window") window = std::stoul(value);
      if (flag == "--kind") only_kind = value;
      if (flag == "--json") json_file = value;
      if (flag == "--json-round") json_round = std::stoi(value);
      if (flag == "--archive") archive_dir = value;
      if (flag == "--queries") queries_file = value;
      if (flag == "--remember") remembered = std::stoul(value);
    }
  }
  // The generated archive and its queries are made of the corpus's passages.
  const bool own_queries = queries_file.empty() || archive_dir.empty();
  const auto sources = own_queries ? load_passages() : decltype(load_passages()){};
  if (sources.empty() && own_queries) {
    std::cerr << "no corpus under " << VANBAN_SHARED_DIR << ": nothing to generate from\n";
    return 0;
  }
  const fs::path dir =
      !archive_dir.empty() ? fs::path(archive_dir)
      : keep_root.empty()
          ? fs::temp_directory_path() / ("vanban-bench-ranking-" + std::to_string(::getpid()))
          : fs::path(keep_root) / ("ranking-" + std::to_string(documents));
  const bool reuse =
      !archive_dir.empty() ||
      (!keep_root.empty() && kept_documents(dir) == static_cast<Xapian::doccount>(documents));
  if (!reuse) {
    fs::remove_all(dir);
    if (!build_archive(dir, documents, sources)) return 1;
  }

  auto two_phase = vanban::archive::open_xapian_searcher(
      dir, vanban::archive::Searcher::make_facet_cache(remembered), window);
  auto one_phase =
      vanban::archive::open_xapian_searcher(dir, vanban::archive::Searcher::make_facet_cache(0), 0);
  if (!two_phase || !one_phase) return 1;
  Xapian::Database peer(vanban::archive::xapian_dir(dir).string());
  std::vector<Case> cases =
      queries_file.empty() ? query_set(sources, documents) : peers_queries(queries_file);
  if (!only_kind.empty()) std::erase_if(cases, [&](const Case& c) { return c.kind != only_kind; });

  std::ofstream json_out;
  if (!json_file.empty()) json_out.open(json_file, std::ios::binary);
  std::map<std::string, Times> by_kind;
  std::vector<std::string> kinds;
  int same_first_page = 0;
  int ranked_queries = 0;
  for (int round = 0; round <= rounds; ++round) {  // round 0 warms the caches
    if (round == 1) vanban_bench_measured_rounds();
    for (const Case& c : cases) {
      auto start = Clock::now();
      const double cpu_start = cpu_ms();
      auto two = (*two_phase)->search(c.request);
      std::size_t json_bytes = two ? page_json(*two).size() : 0;
      const double two_ms = ms_since(start);
      const double two_cpu_ms = cpu_ms() - cpu_start;
      if (per_query && round > 0 && two)
        std::fprintf(stderr, "round %d\t%s\t%llu\t%.3f wall ms\t%.3f CPU ms\t%s\n", round,
                     c.kind.c_str(), static_cast<unsigned long long>(two->total), two_ms,
                     two_cpu_ms, c.request.query.c_str());
      start = Clock::now();
      auto one = two;
      if (!two_phase_only) {
        one = (*one_phase)->search(c.request);
        json_bytes += one ? page_json(*one).size() : 0;
      }
      const double one_ms = ms_since(start) + 0 * static_cast<double>(json_bytes);
      start = Clock::now();
      Xapian::Enquire enquire(peer);
      enquire.set_query(
          Xapian::Query(Xapian::Query::OP_AND, c.peer_terms.begin(), c.peer_terms.end()));
      const Xapian::MSet page = enquire.get_mset(0, 10);
      const double peer_ms = ms_since(start) + 0 * page.size();
      if (!two || !one) {
        std::cerr << "query failed: " << c.request.query << '\n';
        return 1;
      }
      if (round == json_round && json_out.is_open()) {
        auto shown = *two;
        shown.took_ms = 0;
        json_out << c.kind << '\t' << c.request.query << '\t' << page_json(shown) << '\n';
      }
      if (round == 0) {
        if (std::find(kinds.begin(), kinds.end(), c.kind) == kinds.end()) kinds.push_back(c.kind);
        if (c.request.sort == vanban::archive::SortOrder::relevance) {
          ++ranked_queries;
          // The same page: rank by rank the same document, or one of the same weight (many
          // generated documents share passages, so ties are common).
          bool same = two->hits.size() == one->hits.size();
          for (std::size_t i = 0; same && i < two->hits.size(); ++i) {
            const double a = two->hits[i].score;
            const double b = one->hits[i].score;
            same = two->hits[i].id == one->hits[i].id ||
                   std::abs(a - b) <= 1e-6 * std::max(std::abs(a), std::abs(b));
          }
          same_first_page += same ? 1 : 0;
          if (verbose)
            std::fprintf(stderr, "%-18s %7llu hits  %s  %s\n", c.kind.c_str(),
                         static_cast<unsigned long long>(two->total), same ? "same" : "DIFF",
                         c.request.query.c_str());
        }
        continue;
      }
      Times& times = by_kind[c.kind];
      times.two_phase.push_back(two_ms);
      times.one_phase.push_back(one_ms);
      times.peer.push_back(peer_ms);
    }
  }
  std::printf(
      "| query kind | two-phase p50 / p95 ms | one-phase p50 / p95 ms | plain Xapian top 10 p50 / "
      "p95 ms | two/one p50 | two/one p95 | two/peer p50 | two/peer p95 |\n"
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
  Times all;
  for (const std::string& kind : kinds) {
    const Times& t = by_kind[kind];
    all.two_phase.insert(all.two_phase.end(), t.two_phase.begin(), t.two_phase.end());
    all.one_phase.insert(all.one_phase.end(), t.one_phase.begin(), t.one_phase.end());
    all.peer.insert(all.peer.end(), t.peer.begin(), t.peer.end());
  }
  kinds.push_back("all");
  by_kind["all"] = all;
  for (const std::string& kind : kinds) {
    const Times& t = by_kind[kind];
    const double two50 = percentile(t.two_phase, 0.5), two95 = percentile(t.two_phase, 0.95);
    const double one50 = percentile(t.one_phase, 0.5), one95 = percentile(t.one_phase, 0.95);
    const double peer50 = percentile(t.peer, 0.5), peer95 = percentile(t.peer, 0.95);
    std::printf("| %s | %.2f / %.2f | %.2f / %.2f | %.3f / %.3f | %.2f | %.2f | %.0fx | %.0fx |\n",
                kind.c_str(), two50, two95, one50, one95, peer50, peer95, two50 / one50,
                two95 / one95, two50 / peer50, two95 / peer95);
  }
  std::printf(
      "\n%d documents, window %zu; %d of %d relevance-ranked queries have the same first page "
      "(20 hits) in both rankings.\n",
      documents, window, same_first_page, ranked_queries);
  if (keep_root.empty() && archive_dir.empty()) fs::remove_all(dir);
  return 0;
}
