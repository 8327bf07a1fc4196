// The HTTP layer against a peer: the same searches through archive::Searcher directly. The ratio
// HTTP/direct is what the server adds (parameter parsing, searcher lease, JSON encoding, the
// socket round trip on loopback). /healthz shows the bare HTTP round trip.
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <benchmark/benchmark.h>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "vanban/archive/archive.hpp"
#include "vanban/archive/searcher.hpp"
#include "vanban/archive/writer.hpp"
#include "vanban/server/search_json.hpp"
#include "vanban/server/server.hpp"

namespace {

namespace fs = std::filesystem;
using vanban::archive::ArchivedDocument;

constexpr int kDocuments = 2000;

const std::vector<std::string> kQueries = {
    "dân vận",   "dan van kheo", "kế hoạch triển khai", "\"phòng chống thiên tai\"",
    "33/CT-TTg", "công tác năm"};

// An archive of deterministic Vietnamese-like documents (about 3 KB each), built once.
class Archive {
 public:
  Archive()
      : dir_(fs::temp_directory_path() / ("vanban-bench-http-" + std::to_string(::getpid()))) {
    fs::remove_all(dir_);
    const std::vector<std::string> words = {
        "Ủy",    "ban",  "nhân", "dân",  "tỉnh",  "kế",    "hoạch", "triển", "khai", "công",
        "tác",   "vận",  "khéo", "năm",  "thực",  "hiện",  "chỉ",   "thị",   "số",   "đường",
        "quyết", "định", "về",   "việc", "phòng", "chống", "thiên", "tai"};
    const std::vector<std::string> issuers = {"Ủy ban nhân dân tỉnh A", "Ủy ban nhân dân tỉnh B",
                                              "Bộ Nội vụ", "Thủ tướng Chính phủ"};
    std::mt19937 random(7);
    auto writer = vanban::archive::Archive(dir_).open_writer();
    for (int index = 0; index < kDocuments; ++index) {
      ArchivedDocument document;
      document.format = "txt";
      document.metadata.type = index % 3 == 0 ? "Kế hoạch" : "Công văn";
      document.metadata.number = std::to_string(index + 1) + "/KH-UBND";
      document.metadata.issuer = issuers[random() % issuers.size()];
      document.metadata.date =
          std::to_string(2020 + index % 7) + "-0" + std::to_string(1 + index % 9) + "-15";
      document.metadata.title = "Kế hoạch số " + std::to_string(index);
      if (index % 5 == 0) {
        vanban::analyzers::Citation citation;
        citation.number = "33/CT-TTg";
        citation.number_key = "33/ct-ttg";
        document.metadata.citations.push_back(citation);
      }
      while (document.text.size() < 3000) {
        document.text += words[random() % words.size()];
        document.text += random() % 12 == 0 ? ".\n" : " ";
      }
      const std::string original = document.text;
      (void)(*writer)->put("doc-" + std::to_string(index) + ".txt", original, document);
    }
    (void)(*writer)->commit();
  }
  ~Archive() { fs::remove_all(dir_); }
  const fs::path& dir() const { return dir_; }

 private:
  fs::path dir_;
};

const Archive& archive() {
  static const Archive built;
  return built;
}

// The server, started once on a free port over the archive.
class Server {
 public:
  Server() {
    vanban::server::ServerOptions options;
    options.db_dir = archive().dir();
    options.web_dir = archive().dir() / "no-web";
    options.port = 0;
    options.threads = 2;
    options.access_log = false;
    server_ = std::make_unique<vanban::server::HttpServer>(options);
    port_ = *server_->bind();
    thread_ = std::thread([this] { (void)server_->run(); });
  }
  ~Server() {
    server_->stop();
    thread_.join();
  }
  int port() const { return port_; }

 private:
  std::unique_ptr<vanban::server::HttpServer> server_;
  int port_ = 0;
  std::thread thread_;
};

Server& server() {
  static Server started;
  return started;
}

void BM_SearcherDirect(benchmark::State& state) {
  auto searcher = vanban::archive::Archive(archive().dir()).open_searcher();
  std::size_t index = 0;
  for (auto _ : state) {
    vanban::archive::SearchRequest request;
    request.query = kQueries[index++ % kQueries.size()];
    auto response = (*searcher)->search(request);
    // The JSON the API would send, so both sides encode the same answer.
    benchmark::DoNotOptimize(vanban::server::to_json(*response).dump(
        -1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
}
BENCHMARK(BM_SearcherDirect)->Unit(benchmark::kMicrosecond)->UseRealTime();

void BM_HttpSearch(benchmark::State& state) {
  httplib::Client client("127.0.0.1", server().port());
  client.set_keep_alive(true);
  std::size_t index = 0;
  for (auto _ : state) {
    const std::string path =
        "/api/search?q=" + httplib::detail::encode_query_param(kQueries[index++ % kQueries.size()]);
    auto result = client.Get(path);
    if (!result || result->status != 200) state.SkipWithError("search failed");
    benchmark::DoNotOptimize(result->body.size());
  }
}
BENCHMARK(BM_HttpSearch)->Unit(benchmark::kMicrosecond)->UseRealTime();

void BM_HttpHealthz(benchmark::State& state) {
  httplib::Client client("127.0.0.1", server().port());
  client.set_keep_alive(true);
  for (auto _ : state) {
    auto result = client.Get("/healthz");
    if (!result || result->status != 200) state.SkipWithError("healthz failed");
  }
}
BENCHMARK(BM_HttpHealthz)->Unit(benchmark::kMicrosecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
