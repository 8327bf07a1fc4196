#include "vanban/server/server.hpp"

#include <atomic>
#include <iostream>
#include <optional>
#include <utility>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "vanban/archive/archive.hpp"
#include "vanban/server/access_log.hpp"
#include "vanban/server/metrics.hpp"
#include "vanban/server/responses.hpp"
#include "vanban/server/static_files.hpp"

#include "routes_api.hpp"
#include "task_queue.hpp"

namespace vanban::server {
namespace {

// httplib answers each connection's requests one after another on one worker thread, and its
// logger sees a const Request; the start of the current request is therefore kept per thread.
thread_local std::optional<std::chrono::steady_clock::time_point> request_started;

// Since the request was routed; zero for requests httplib refused before routing.
std::chrono::steady_clock::duration elapsed() {
  return request_started ? std::chrono::steady_clock::now() - *request_started
                         : std::chrono::steady_clock::duration::zero();
}

// Before the first `vanban index` there is no database: the pool then holds no searcher and the
// API answers with empty results, trying again at each refresh.
// The pool's searchers share one facet cache, so facet columns are read once per commit.
SearcherFactory default_factory(const std::filesystem::path& db_dir) {
  return [archive = archive::Archive(db_dir), facet_cache = archive::Searcher::make_facet_cache()]()
             -> Result<std::unique_ptr<archive::Searcher>> {
    if (!archive.indexed()) {
      return make_error(ErrorKind::not_found, "no archive yet in " + archive.dir().string());
    }
    return archive.open_searcher(facet_cache);
  };
}

// A message for answers that httplib produced itself (no route, bad request line, limits).
std::string message_for_status(int status) {
  switch (status) {
    case 400:
      return "Yêu cầu không hợp lệ.";
    case 404:
      return "Không tìm thấy.";
    case 405:
      return "Phương thức không được hỗ trợ.";
    case 413:
      return "Nội dung yêu cầu quá lớn.";
    case 414:
      return "Địa chỉ yêu cầu quá dài.";
    default:
      return status >= 500 ? "Lỗi máy chủ, vui lòng thử lại sau." : "Yêu cầu không thành công.";
  }
}

}  // namespace

struct HttpServer::State {
  explicit State(ServerOptions server_options)
      : options(std::move(server_options)),
        pool(options.searcher_factory ? options.searcher_factory : default_factory(options.db_dir),
             options.threads, options.refresh_interval),
        static_files(options.web_dir),
        api{pool, metrics, options.limits} {}

  ServerOptions options;
  Metrics metrics;
  SearcherPool pool;
  StaticFiles static_files;
  ApiContext api;
  httplib::Server http;
  std::atomic<bool> stop_requested{false};
};

HttpServer::HttpServer(ServerOptions server_options)
    : state_(std::make_unique<State>(std::move(server_options))) {
  State& state = *state_;
  httplib::Server& http = state.http;
  const ServerOptions& options = state.options;

  const std::size_t threads = options.threads == 0 ? 1 : options.threads;
  const std::size_t queued = options.queued_connections;
  http.new_task_queue = [threads, queued] { return new BoundedThreadPool(threads, queued); };
  // Headers and body leave in separate writes: without TCP_NODELAY, Nagle's algorithm and the
  // client's delayed ACK hold the body back ~40 ms on every keep-alive request.
  http.set_tcp_nodelay(true);
  http.set_payload_max_length(options.max_payload_bytes);
  http.set_read_timeout(options.read_timeout);
  http.set_write_timeout(options.write_timeout);
  http.set_keep_alive_timeout(options.keep_alive_timeout.count());
  http.set_keep_alive_max_count(options.keep_alive_max_requests);

  http.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    request_started = std::chrono::steady_clock::now();
    return httplib::Server::HandlerResponse::Unhandled;
  });
  // Metrics are recorded before the answer is written (httplib calls the post-routing handler
  // just before sending), so a client that reads /metrics next always sees its own request.
  http.set_post_routing_handler(
      [&state](const httplib::Request& request, httplib::Response& response) {
        state.metrics.record_request(route_label(request.path), response.status, elapsed());
      });
  const bool access_log = options.access_log;
  http.set_logger([access_log](const httplib::Request& request, const httplib::Response& response) {
    const auto duration = elapsed();
    request_started.reset();
    if (access_log) {
      std::cerr << access_log_line(std::chrono::system_clock::now(), request.method, request.target,
                                   response.status, duration) +
                       '\n'
                << std::flush;
    }
  });
  // Answers httplib makes itself (no route, limits) get the same JSON error shape.
  http.set_error_handler(httplib::Server::HandlerWithResponse(
      [](const httplib::Request&, httplib::Response& response) {
        if (!response.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        const nlohmann::json body = {{"error", message_for_status(response.status)}};
        response.set_content(body.dump(), "application/json; charset=utf-8");
        return httplib::Server::HandlerResponse::Handled;
      }));
  http.set_exception_handler([&state](const httplib::Request& request, httplib::Response& response,
                                      std::exception_ptr exception) {
    std::string what = "unknown exception";
    try {
      if (exception) std::rethrow_exception(exception);
    } catch (const std::exception& error) {
      what = error.what();
    } catch (...) {
    }
    std::cerr << "vanban serve: " << request.method << ' ' << request.path << " failed: " << what
              << '\n';
    respond_error(state.api, response, make_error(ErrorKind::internal, what));
  });

  register_api_routes(http, state.api);
  // Everything here is read-only.
  const auto method_not_allowed = [](const httplib::Request&, httplib::Response& response) {
    response.status = 405;
    response.set_header("Allow", "GET, HEAD");
  };
  http.Post(".*", method_not_allowed);
  http.Put(".*", method_not_allowed);
  http.Patch(".*", method_not_allowed);
  http.Delete(".*", method_not_allowed);
  http.Get(".*", [&state](const httplib::Request& request, httplib::Response& response) {
    state.static_files.serve(request, response);
  });
}

HttpServer::~HttpServer() {
  stop();
}

Result<int> HttpServer::bind() {
  const ServerOptions& options = state_->options;
  int port = options.port;
  if (port == 0) {
    port = state_->http.bind_to_any_port(options.bind);
    if (port < 0) port = 0;
  } else if (!state_->http.bind_to_port(options.bind, port)) {
    port = 0;
  }
  if (port == 0) {
    return make_error(ErrorKind::io,
                      "cannot listen on " + options.bind + ":" + std::to_string(options.port));
  }
  return port;
}

Status HttpServer::run() {
  if (state_->stop_requested) return Status::success();
  const bool clean = state_->http.listen_after_bind();
  if (!clean && !state_->stop_requested) {
    return make_error(ErrorKind::io, "the HTTP server stopped unexpectedly");
  }
  return Status::success();
}

void HttpServer::stop() {
  state_->stop_requested = true;
  state_->http.stop();
}

bool HttpServer::is_running() const {
  return state_->http.is_running();
}

}  // namespace vanban::server
