// The HTTP service: JSON API over the archive's Searcher, the web UI's static files, /healthz
// and /metrics, with fixed worker threads and explicit limits.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "vanban/archive/archive.hpp"
#include "vanban/common/result.hpp"
#include "vanban/server/params.hpp"
#include "vanban/server/searcher_pool.hpp"

namespace vanban::server {

// A file of `POST /api/upload`, and what became of it. The server only carries them: ingesting
// is the indexer's, handed in by the program that registers `serve` (app/main.cpp).
struct UploadFile {
  std::string name;
  std::string bytes;
  std::string sidecar;  // the request's "meta" field: a sidecar's JSON object, or empty
};
struct UploadResult {
  std::string name;
  std::string path;
  std::string status;  // "indexed", "unchanged", "error"
  std::string message;
  std::string document_id;
  std::vector<std::string> notes;
};
// Called for one request's files, one request at a time; an error fails the whole request
// (the archive cannot be written), a bad file is a result with status "error".
using UploadHandler = std::function<Result<std::vector<UploadResult>>(std::vector<UploadFile>)>;

struct ServerOptions {
  std::filesystem::path db_dir;
  std::filesystem::path web_dir;
  std::string bind = "127.0.0.1";
  int port = 8080;                                  // 0 picks a free port
  std::size_t threads = 8;                          // worker threads, and Searchers in the pool
  std::chrono::milliseconds refresh_interval{500};  // how often a searcher looks for commits
  SearchLimits limits;
  // How much nicer than the serving thread the worker threads (and --watch's indexing) run, so
  // that on a busy CPU the thread that accepts and reads connections and the worker answering
  // /healthz and /metrics are run first (0: the same priority).
  int worker_nice = 10;
  // Connections: one thread reads every request whole before a worker sees it (see
  // server/src/connection_hub.hpp), so slow and idle clients never hold a worker.
  std::size_t max_connections = 2000;                   // open at once; beyond: 503
  std::size_t max_connections_per_client = 512;         // from one address; beyond: 503
  std::size_t max_payload_bytes = 64 * 1024;            // request body; beyond: 413
  std::size_t max_header_bytes = 16 * 1024;             // request line and headers; beyond: 431
  std::size_t max_header_count = 100;                   // beyond: 431
  std::chrono::milliseconds request_timeout{10'000};    // whole request, first byte to last: 408
  std::chrono::milliseconds keep_alive_timeout{5'000};  // idle between requests
  std::chrono::milliseconds write_timeout{30'000};      // without progress while answering
  std::size_t keep_alive_max_requests = 100;
  bool access_log = true;  // one line per request on stderr
  // Serve these shards as one archive instead of db_dir (archive::Archive::open_shards):
  // local archive folders or tcp://HOST:PORT of xapian-tcpsrv; `originals`: archive folders
  // holding the remote shards' originals.
  std::vector<std::string> shards;
  std::vector<std::filesystem::path> originals;
  archive::ShardOptions shard_options;
  // How to open a searcher; empty: archive::Archive(db_dir).open_searcher() or the shards.
  SearcherFactory searcher_factory;
  // Uploads (POST /api/upload, multipart): on only with a write token and a handler; the
  // request must carry "Authorization: Bearer TOKEN" (or "X-Vanban-Token: TOKEN"). Without a
  // token the route answers 403. Its body may be up to max_upload_bytes (beyond: 413), all
  // other requests keep max_payload_bytes.
  std::string write_token;
  UploadHandler upload_handler;
  std::size_t max_upload_bytes = std::size_t{64} * 1024 * 1024;
  std::chrono::milliseconds upload_timeout{300'000};  // to receive a whole upload
  std::size_t max_upload_files = 50;                  // files in one request
};

class HttpServer {
 public:
  explicit HttpServer(ServerOptions options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds the listening socket; returns the port (useful with port 0).
  Result<int> bind();
  // Serves until stop(); returns once in-flight requests are answered.
  Status run();
  // Thread-safe; makes run() return.
  void stop();
  bool is_running() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace vanban::server
