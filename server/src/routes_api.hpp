// The JSON API, /healthz and /metrics: thin handlers that parse parameters, call the Searcher
// and encode its answers; no search logic here.
#pragma once

#include "vanban/server/metrics.hpp"
#include "vanban/server/params.hpp"
#include "vanban/server/searcher_pool.hpp"

namespace httplib {
class Server;
struct Response;
}  // namespace httplib

namespace vanban::server {

struct ApiContext {
  SearcherPool& pool;
  Metrics& metrics;
  const SearchLimits& limits;
};

void register_api_routes(httplib::Server& http, ApiContext& api);

// Sends the error (send_error) and counts it in /metrics.
void respond_error(ApiContext& api, httplib::Response& response, const Error& error);

}  // namespace vanban::server
