#include "vanban/server/server.hpp"

#include <algorithm>
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

#include "connection_hub.hpp"
#include "routes_api.hpp"
#include "routes_upload.hpp"

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
    case 408:
      return "Yêu cầu gửi đến quá chậm.";
    case 413:
      return "Nội dung yêu cầu quá lớn.";
    case 414:
      return "Địa chỉ yêu cầu quá dài.";
    case 431:
      return "Phần đầu của yêu cầu quá lớn.";
    case 503:
      return "Máy chủ đang bận, vui lòng thử lại sau.";
    default:
      return status >= 500 ? "Lỗi máy chủ, vui lòng thử lại sau." : "Yêu cầu không thành công.";
  }
}

const char* reason_phrase(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 408:
      return "Request Timeout";
    case 413:
      return "Payload Too Large";
    case 414:
      return "URI Too Long";
    case 431:
      return "Request Header Fields Too Large";
    case 503:
      return "Service Unavailable";
    default:
      return "Error";
  }
}

// The answer to a request the connection layer refuses before any handler runs.
std::string refusal(int status) {
  const std::string body = nlohmann::json{{"error", message_for_status(status)}}.dump();
  return "HTTP/1.1 " + std::to_string(status) + " " + reason_phrase(status) +
         "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " +
         std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

// httplib's routing and answering, fed one buffered request at a time by the ConnectionHub.
class Router final : public httplib::Server {
 public:
  // httplib takes an invalid listening socket for "shutting down" and then stops streamed
  // answers (content providers) at once; its own listening socket is never used here.
  Router() { svr_sock_ = 0; }

  // Returns whether the connection may stay open: not after a request httplib could not read
  // (a malformed request line or header, a line over its 8 KB: 400 or 414, answered before the
  // request is set up). Where such a request ends is unknown, so what follows it on the
  // connection is not taken for the next request, and the client is not kept waiting for the
  // keep-alive timeout either.
  bool answer(httplib::Stream& stream, bool close_connection) {
    bool connection_closed = false;
    bool understood = false;
    const bool written = process_request(stream, close_connection, connection_closed,
                                         [&understood](httplib::Request& request) {
                                           understood = true;
                                           limit_ranges(request);
                                         });
    return written && !connection_closed && understood;
  }
};

bool uploads_enabled(const ServerOptions& options) {
  return !options.write_token.empty() && options.upload_handler != nullptr;
}

ConnectionLimits connection_limits(const ServerOptions& options) {
  ConnectionLimits limits;
  limits.request.max_head_bytes = options.max_header_bytes;
  limits.request.max_header_count = options.max_header_count;
  limits.request.max_body_bytes = options.max_payload_bytes;
  if (uploads_enabled(options)) {
    limits.request.max_upload_bytes = options.max_upload_bytes;
    limits.request.upload_token = options.write_token;
  }
  limits.upload_timeout = options.upload_timeout;
  limits.max_connections = options.max_connections;
  limits.max_connections_per_client = options.max_connections_per_client;
  limits.request_timeout = options.request_timeout;
  limits.idle_timeout = options.keep_alive_timeout;
  limits.write_timeout = options.write_timeout;
  limits.max_requests_per_connection = options.keep_alive_max_requests;
  return limits;
}

}  // namespace

struct HttpServer::State {
  explicit State(ServerOptions server_options)
      : options(std::move(server_options)),
        pool(searcher_factory(options), options.threads, options.refresh_interval),
        monitoring_pool(searcher_factory(options), 1, options.refresh_interval),
        static_files(options.web_dir),
        api{pool, monitoring_pool, metrics, options.limits},
        hub(
            connection_limits(options), options.threads, options.worker_nice,
            [this](httplib::Stream& stream, bool close) { return http.answer(stream, close); },
            [this](int status) {
              metrics.record_refusal(status);
              return refusal(status);
            },
            [this] { metrics.record_abandoned(); }) {}

  static SearcherFactory searcher_factory(const ServerOptions& options) {
    if (options.searcher_factory) return options.searcher_factory;
    if (!options.shards.empty()) {
      return [options] {
        return archive::Archive::open_shards(options.shards, options.originals,
                                             options.shard_options);
      };
    }
    return default_factory(options.db_dir);
  }

  ServerOptions options;
  Metrics metrics;
  SearcherPool pool;
  SearcherPool monitoring_pool;
  StaticFiles static_files;
  ApiContext api;
  Router http;
  ConnectionHub hub;
  std::atomic<bool> stop_requested{false};
};

HttpServer::HttpServer(ServerOptions server_options)
    : state_(std::make_unique<State>(std::move(server_options))) {
  State& state = *state_;
  httplib::Server& http = state.http;
  const ServerOptions& options = state.options;

  // Only for the Keep-Alive header of answers: the ConnectionHub enforces both.
  http.set_keep_alive_timeout(
      std::chrono::duration_cast<std::chrono::seconds>(options.keep_alive_timeout).count());
  http.set_keep_alive_max_count(options.keep_alive_max_requests);
  // The hub has read the body whole and checked its size (an upload's against its own limit).
  http.set_payload_max_length(uploads_enabled(options)
                                  ? std::max(options.max_payload_bytes, options.max_upload_bytes)
                                  : options.max_payload_bytes);

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

  // Before the API's routes, whose last one answers 404 to any other /api path.
  register_upload_route(http, state.api,
                        {options.write_token, options.upload_handler, options.max_upload_files,
                         options.max_upload_bytes});
  register_api_routes(http, state.api);
  // Everything else is read-only.
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
  return state_->hub.bind(state_->options.bind, state_->options.port);
}

Status HttpServer::run() {
  if (state_->stop_requested) return Status::success();
  return state_->hub.run();
}

void HttpServer::stop() {
  state_->stop_requested = true;
  state_->hub.stop();
}

bool HttpServer::is_running() const {
  return state_->hub.is_running();
}

}  // namespace vanban::server
