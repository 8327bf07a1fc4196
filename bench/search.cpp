// Query latency of the Searcher (parse, Xapian match with facets over the whole result set,
// disjunctive facet runs, snippets of a page of 20) on generated archives, against a peer run
// in the same process on the same database: a bare single-term Xapian query (first 20 hits).
//
// Documents are synthetic but shaped like the real ones: their words follow the syllable
// bigrams of the corpus (../shared/corpus; a built-in text when absent), with types, issuers,
// numbers, dates and citations drawn from realistic pools. They are indexed with the real
// ArchiveWriter.
//
//   bench_search                  10 000 documents (the default; what CI could afford)
//   bench_search --docs 100000    by hand only: several minutes of indexing
//   bench_search --docs 10000 --docs 100000 --rounds 5
//   bench_search --docs 100000 --db /var/tmp/vb100k   keep the archive; a later run with the
//                                 same --db and --docs reuses it (no indexing), for profiling
//   bench_search ... --verbose      also each query's median time and hit count (stderr)
//   bench_search --docs 2000 --body-kb 50   documents of ~50 KB, the corpus's median length
//                                 (snippets and stored texts cost by length, facets by count)
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include <unistd.h>
#include <xapian.h>

#include "vanban/analyzers/fold.hpp"
#include "vanban/analyzers/normalize.hpp"
#include "vanban/analyzers/symbol.hpp"
#include "vanban/analyzers/tokenizer.hpp"
#include "vanban/archive/archive.hpp"
#include "vanban/archive/searcher.hpp"
#include "vanban/archive/writer.hpp"

#include "disk_layout.hpp"
#include "latency.hpp"
#include "schema.hpp"

namespace {

namespace fs = std::filesystem;
using vanban::bench::kept_documents;
using vanban::bench::percentile;
using Clock = std::chrono::steady_clock;

constexpr const char* kBuiltInText =
    "Ủy ban nhân dân thành phố ban hành kế hoạch triển khai thực hiện công tác dân vận chính "
    "quyền năm 2026 như sau. Mục đích yêu cầu: nâng cao nhận thức, trách nhiệm của cán bộ, công "
    "chức, viên chức về vị trí, vai trò của công tác dân vận trong tình hình mới. Thực hiện tốt "
    "quy chế dân chủ ở cơ sở, phát huy quyền làm chủ của nhân dân. Các sở, ban, ngành, địa "
    "phương xây dựng kế hoạch cụ thể, báo cáo kết quả thực hiện về Sở Nội vụ trước ngày 15 tháng "
    "12 để tổng hợp, báo cáo Ủy ban nhân dân thành phố. Phong trào thi đua Dân vận khéo được "
    "nhân rộng; tiếp tục cải cách hành chính, chuyển đổi số, phòng chống thiên tai, bảo vệ môi "
    "trường, bảo đảm an sinh xã hội, giải quyết khiếu nại, tố cáo của công dân.";

// Syllable bigrams of real text: generating from them keeps common words adjacent, so phrase
// queries behave as on real documents.
class Vocabulary {
 public:
  void learn(std::string_view nfc_text) {
    int previous = -1;
    for (const auto& token : vanban::analyzers::thread_analyzer().analyze(nfc_text)) {
      if (token.in_symbol || token.kind == vanban::analyzers::TokenKind::symbol) continue;
      const int id = intern(std::string(token.text));
      if (previous >= 0) next_[static_cast<std::size_t>(previous)].push_back(id);
      previous = id;
    }
  }

  std::size_t size() const { return words_.size(); }

  // `count` syllables, with sentence punctuation.
  std::string sentence_run(std::mt19937& random, int count) const {
    std::string out;
    int current = static_cast<int>(random() % words_.size());
    for (int i = 0; i < count; ++i) {
      out += words_[static_cast<std::size_t>(current)];
      const auto& successors = next_[static_cast<std::size_t>(current)];
      if (successors.empty() || random() % 40 == 0) {
        current = static_cast<int>(random() % words_.size());
        out += random() % 2 == 0 ? ". " : ", ";
      } else {
        current = successors[random() % successors.size()];
        out += ' ';
      }
    }
    return out;
  }

  // A frequent bigram or trigram, as a user would type a multi-syllable word.
  std::string common_phrase(std::mt19937& random, int length) const {
    for (int attempt = 0; attempt < 1000; ++attempt) {
      int current = static_cast<int>(random() % words_.size());
      if (next_[static_cast<std::size_t>(current)].size() < 20) continue;
      std::string phrase = words_[static_cast<std::size_t>(current)];
      for (int i = 1; i < length; ++i) {
        const auto& successors = next_[static_cast<std::size_t>(current)];
        if (successors.empty()) break;
        current = successors[random() % successors.size()];
        phrase += " " + words_[static_cast<std::size_t>(current)];
      }
      return phrase;
    }
    return words_.front();
  }

 private:
  int intern(std::string word) {
    auto [it, added] = ids_.emplace(word, static_cast<int>(words_.size()));
    if (added) {
      words_.push_back(std::move(word));
      next_.emplace_back();
    }
    return it->second;
  }

  std::unordered_map<std::string, int> ids_;
  std::vector<std::string> words_;
  std::vector<std::vector<int>> next_;
};

Vocabulary load_vocabulary() {
  Vocabulary vocabulary;
  const fs::path corpus = fs::path(VANBAN_SHARED_DIR) / "corpus";
  std::size_t bytes = 0;
  std::error_code error;
  for (const fs::path& root : {corpus / "seeds", corpus / "real" / "congbao-8chude" / "docs"}) {
    if (!fs::exists(root, error)) continue;
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(root, error))
      if (entry.is_regular_file() && entry.path().extension() == ".txt")
        files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
      if (bytes > 3'000'000) break;
      std::ifstream in(file, std::ios::binary);
      std::stringstream buffer;
      buffer << in.rdbuf();
      const std::string text = vanban::analyzers::normalize_nfc(buffer.str());
      bytes += text.size();
      vocabulary.learn(text);
    }
  }
  if (vocabulary.size() < 100) vocabulary.learn(vanban::analyzers::normalize_nfc(kBuiltInText));
  std::cerr << "vocabulary: " << vocabulary.size() << " syllables from " << bytes
            << " bytes of corpus text\n";
  return vocabulary;
}

struct TypeEntry {
  const char* name;
  const char* code;
};
constexpr TypeEntry kTypes[] = {{"Kế hoạch", "KH"},  {"Quyết định", "QĐ"}, {"Báo cáo", "BC"},
                                {"Thông báo", "TB"}, {"Công văn", ""},     {"Chỉ thị", "CT"},
                                {"Hướng dẫn", "HD"}, {"Tờ trình", "TTr"},  {"Nghị quyết", "NQ"}};
constexpr const char* kProvinces[] = {"Thừa Thiên Huế", "Quảng Trị", "Hải Phòng", "Đà Nẵng",
                                      "Nghệ An",        "Hà Tĩnh",   "Cần Thơ",   "Lào Cai",
                                      "Bình Định",      "Đắk Lắk",   "Sơn La",    "Nam Định"};
constexpr const char* kMinistries[] = {"Bộ Nội vụ", "Bộ Tài chính", "Bộ Y tế",
                                       "Bộ Giáo dục và Đào tạo", "Bộ Công an"};
// Instruments cited everywhere, as real offices do.
constexpr const char* kPopular[] = {"33/CT-TTg", "59/2023/NĐ-CP",  "30/2020/NĐ-CP",  "23-QĐ/TW",
                                    "76/NQ-CP",  "04/2023/TT-BNV", "18/2020/QĐ-TTg", "120-KL/TW"};

struct Generated {
  vanban::archive::ArchivedDocument document;
  std::string path;
};

// Paragraphs average ~600 bytes; 0 keeps the default 2-7 paragraphs (~3 KB).
struct Shape {
  int body_kb = 0;
};

Generated generate(const Vocabulary& vocabulary, const Shape& shape, std::mt19937& random,
                   int index, const std::vector<std::string>& earlier_numbers) {
  Generated generated;
  auto& document = generated.document;
  auto& metadata = document.metadata;
  const TypeEntry& type = kTypes[random() % std::size(kTypes)];
  metadata.type = type.name;
  if (*type.code) metadata.type_code = type.code;
  std::string issuer_code;
  if (random() % 5 == 0) {
    metadata.issuer = kMinistries[random() % std::size(kMinistries)];
    issuer_code = "BNV";
  } else {
    metadata.issuer =
        std::string(random() % 3 == 0 ? "Hội đồng nhân dân tỉnh " : "Ủy ban nhân dân tỉnh ") +
        kProvinces[random() % std::size(kProvinces)];
    issuer_code = "UBND";
  }
  const int year = 2015 + static_cast<int>(random() % 12);
  char date[16];
  std::snprintf(date, sizeof date, "%04d-%02d-%02d", year, static_cast<int>(random() % 12 + 1),
                static_cast<int>(random() % 28 + 1));
  metadata.date = date;
  metadata.number = std::to_string(random() % 400 + 1) + "/" +
                    (*type.code ? std::string(type.code) + "-" : std::string()) + issuer_code +
                    (*type.code ? "" : "-VP");
  metadata.number_key = vanban::analyzers::symbol_key(*metadata.number);
  metadata.title = vocabulary.sentence_run(random, 8 + static_cast<int>(random() % 10));
  std::string text =
      std::string(type.name) + " số " + *metadata.number + "\n" + *metadata.title + "\n";
  const int citations = static_cast<int>(random() % 5);
  for (int c = 0; c < citations; ++c) {
    vanban::analyzers::Citation citation;
    const bool popular = earlier_numbers.empty() || random() % 3 != 0;
    citation.number =
        popular
            ? kPopular[std::min<std::size_t>(random() % 4 + random() % 5, std::size(kPopular) - 1)]
            : earlier_numbers[random() % earlier_numbers.size()];
    citation.number_key = vanban::analyzers::symbol_key(*citation.number);
    citation.text = "Căn cứ văn bản số " + *citation.number;
    text += citation.text + ";\n";
    metadata.citations.push_back(std::move(citation));
  }
  const int paragraphs =
      shape.body_kb == 0
          ? 2 + static_cast<int>(random() % 6)
          : shape.body_kb * 1024 / 600 / 2 +
                static_cast<int>(random() % static_cast<unsigned>(shape.body_kb * 1024 / 600 + 1));
  for (int p = 0; p < paragraphs; ++p)
    text += vocabulary.sentence_run(random, 40 + static_cast<int>(random() % 120)) + "\n";
  document.text = std::move(text);
  document.format = "txt";
  generated.path = "gen/" + std::to_string(index) + ".txt";
  document.filename = std::to_string(index) + ".txt";
  return generated;
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

struct QueryCase {
  vanban::archive::SearchRequest request;
  std::string peer_term;  // the bare single-term peer query
};

std::vector<QueryCase> query_set(const Vocabulary& vocabulary, std::mt19937& random) {
  std::vector<QueryCase> cases;
  auto add = [&](std::string query, auto&& adjust) {
    QueryCase c;
    c.request.query = std::move(query);
    adjust(c.request);
    // The peer: the first syllable of the query, folded, as one Xapian term.
    std::string first = c.request.query.substr(0, c.request.query.find(' '));
    if (first.empty() || first.find(':') != std::string::npos || first[0] == '"') first = "dân";
    c.peer_term = vanban::archive::schema::term(vanban::archive::schema::kFolded,
                                                vanban::analyzers::fold(first));
    cases.push_back(std::move(c));
  };
  auto none = [](vanban::archive::SearchRequest&) {};
  for (int i = 0; i < 6; ++i)
    add(vocabulary.common_phrase(random, 2), none);  // accented words
  for (int i = 0; i < 4; ++i)
    add(vocabulary.common_phrase(random, 3), none);
  for (int i = 0; i < 4; ++i) {  // typed without diacritics
    add(vanban::analyzers::fold(vocabulary.common_phrase(random, 2)), none);
  }
  add("\"" + vocabulary.common_phrase(random, 2) + "\"", none);
  add(vocabulary.common_phrase(random, 2) + " -" + vocabulary.common_phrase(random, 1), none);
  add(vocabulary.common_phrase(random, 2) + " OR " + vocabulary.common_phrase(random, 2), none);
  add("33/CT-TTg", none);
  add("59/2023/nd-cp thực hiện", none);
  add(vocabulary.common_phrase(random, 2) + " loai:KH nam:2024", none);
  add(vocabulary.common_phrase(random, 2) + " cq:\"Bộ Nội vụ\"", none);
  add(vocabulary.common_phrase(random, 2) + " ngay:2020-01-01..2022-12-31", none);
  add(vocabulary.common_phrase(random, 2), [](auto& r) {
    r.filters[vanban::archive::FieldId::issuer] = {"Ủy ban nhân dân tỉnh Quảng Trị"};
    r.filters[vanban::archive::FieldId::year] = {"2025", "2026"};
  });
  add(vocabulary.common_phrase(random, 2),
      [](auto& r) { r.sort = vanban::archive::SortOrder::newest; });
  add("", [](auto& r) { r.filters[vanban::archive::FieldId::type] = {"Kế hoạch"}; });
  return cases;
}

std::string label(const Shape& shape) {
  return shape.body_kb == 0 ? std::string() : "-" + std::to_string(shape.body_kb) + "kb";
}

void run(int documents, int rounds, const Shape& shape, const std::string& keep_root,
         bool verbose) {
  const bool keep = !keep_root.empty();
  const fs::path dir =
      keep ? fs::path(keep_root) / (std::to_string(documents) + label(shape))
           : fs::temp_directory_path() / ("vanban-bench-search-" + std::to_string(::getpid()) +
                                          "-" + std::to_string(documents));
  std::mt19937 random(20261122);
  static const Vocabulary vocabulary = load_vocabulary();
  const bool reuse = keep && kept_documents(dir) == static_cast<Xapian::doccount>(documents);
  if (!reuse) fs::remove_all(dir);

  const auto index_start = Clock::now();
  if (!reuse) {
    vanban::archive::WriterOptions options;
    options.batch_size = 4000;
    auto writer = vanban::archive::Archive(dir).open_writer(options);
    if (!writer) {
      std::cerr << writer.error().message << '\n';
      return;
    }
    std::vector<std::string> numbers;
    for (int i = 0; i < documents; ++i) {
      Generated generated = generate(vocabulary, shape, random, i, numbers);
      numbers.push_back(*generated.document.metadata.number);
      const std::string original = generated.document.text;
      if (auto put = (*writer)->put(generated.path, original, std::move(generated.document));
          !put) {
        std::cerr << put.error().message << '\n';
        return;
      }
      if ((i + 1) % 4000 == 0 && !(*writer)->commit()) return;
    }
    if (!(*writer)->commit()) return;
  }
  const double index_seconds = seconds_since(index_start);
  std::mt19937 query_random(20261123);  // independent of indexing, so a kept archive agrees

  // Every search counts its result set: remembered counts would make the rounds after the
  // first measure a cache (measured separately below, as the next page of each query).
  auto searcher =
      vanban::archive::Archive(dir).open_searcher(vanban::archive::Searcher::make_facet_cache(0));
  if (!searcher) return;
  Xapian::Database peer_database(vanban::archive::xapian_dir(dir).string());
  const std::vector<QueryCase> cases = query_set(vocabulary, query_random);

  std::vector<double> search_ms;
  std::vector<double> peer_ms;
  std::vector<std::vector<double>> per_query(cases.size());
  std::vector<std::uint64_t> per_query_hits(cases.size());
  std::uint64_t total_hits = 0;
  double first_search_ms = 0;
  for (int round = 0; round < rounds + 1; ++round) {  // round 0 warms the caches
    for (std::size_t q = 0; q < cases.size(); ++q) {
      const QueryCase& c = cases[q];
      auto start = Clock::now();
      auto response = (*searcher)->search(c.request);
      const double searched = seconds_since(start) * 1000;
      if (!response) {
        std::cerr << "query failed: " << c.request.query << ": " << response.error().message
                  << '\n';
        continue;
      }
      start = Clock::now();
      Xapian::Enquire enquire(peer_database);
      enquire.set_query(Xapian::Query(c.peer_term));
      const Xapian::MSet peer = enquire.get_mset(0, 20);
      const double peered = seconds_since(start) * 1000;
      if (round == 0) {
        if (q == 0) first_search_ms = searched;  // includes reading the facet columns
        total_hits += response->total;
        per_query_hits[q] = response->total;
        continue;
      }
      per_query[q].push_back(searched);
      search_ms.push_back(searched);
      peer_ms.push_back(peered + 0 * peer.size());
    }
  }
  const double p50 = percentile(search_ms, 0.50);
  const double p95 = percentile(search_ms, 0.95);
  const double peer_p50 = percentile(peer_ms, 0.50);
  const double peer_p95 = percentile(peer_ms, 0.95);
  const std::string rate = reuse ? "kept" : std::to_string(std::lround(documents / index_seconds));
  std::printf("| %d%s | %s | %zu | %.2f | %.2f | %.3f | %.3f | %.0fx | %.0fx |\n", documents,
              shape.body_kb ? (" × ~" + std::to_string(shape.body_kb) + " KB").c_str() : "",
              rate.c_str(), cases.size(), p50, p95, peer_p50, peer_p95, p50 / peer_p50,
              p95 / peer_p95);
  std::fflush(stdout);
  std::fprintf(stderr, "  (%llu hits over the query set; database %s)\n",
               static_cast<unsigned long long>(total_hits), dir.c_str());
  std::fprintf(stderr, "  first search after opening (reads the facet columns): %.1f ms\n",
               first_search_ms);
  // The next page of each query, with counts remembered as the server does: page 1 counts,
  // page 2 reuses the counts.
  {
    auto remembering = vanban::archive::Archive(dir).open_searcher();
    std::vector<double> next_page_ms;
    for (int round = 0; round < rounds; ++round) {
      for (const QueryCase& c : cases) {
        vanban::archive::SearchRequest request = c.request;
        (void)(*remembering)->search(request);
        request.page = 2;
        const auto start = Clock::now();
        (void)(*remembering)->search(request);
        next_page_ms.push_back(seconds_since(start) * 1000);
      }
      (void)(*remembering)->reopen();
    }
    std::fprintf(stderr, "  next page, counts remembered: p50 %.2f ms, p95 %.2f ms\n",
                 percentile(next_page_ms, 0.5), percentile(next_page_ms, 0.95));
  }
  if (verbose) {
    for (std::size_t q = 0; q < cases.size(); ++q)
      std::fprintf(stderr, "  %8.2f ms  %7llu hits  %s\n", percentile(per_query[q], 0.5),
                   static_cast<unsigned long long>(per_query_hits[q]),
                   cases[q].request.query.c_str());
  }
  if (!keep) fs::remove_all(dir);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<int> sizes;
  int rounds = 5;
  std::string keep_root;
  Shape shape;
  bool verbose = false;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (flag == "--verbose") {
      verbose = true;
    } else if (i + 1 < argc) {  // the other flags take a value
      const char* value = argv[++i];
      if (flag == "--docs") sizes.push_back(std::stoi(value));
      if (flag == "--rounds") rounds = std::stoi(value);
      if (flag == "--db") keep_root = value;
      if (flag == "--body-kb") shape.body_kb = std::stoi(value);
    }
  }
  if (sizes.empty()) sizes.push_back(10000);
  std::printf(
      "| documents | indexed docs/s | queries | search p50 ms | search p95 ms | peer p50 ms | "
      "peer p95 ms | p50 ratio | p95 ratio |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: "
      "| ---: | ---: |\n");
  std::fflush(stdout);
  for (const int size : sizes)
    run(size, rounds, shape, keep_root, verbose);
  return 0;
}
