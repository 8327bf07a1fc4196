// The JSON API, /healthz and /metrics: thin handlers that parse parameters, call the Searcher
// and encode its answers; no search logic here.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "vanban/archive/analysis_version.hpp"
#include "vanban/server/metrics.hpp"
#include "vanban/server/params.hpp"
#include "vanban/server/searcher_pool.hpp"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace vanban::server {

// /healthz's "analysis": {version, state: current|stale|newer, stale_documents,
// newer_documents, message (Vietnamese, when not current)}.
nlohmann::json analysis_json(const archive::AnalysisState& state);

struct ApiContext {
  SearcherPool& pool;
  // One searcher for /healthz and /metrics alone, answered on the connection layer's monitoring
  // worker: a monitor never waits for the search workers' searchers.
  SearcherPool& monitoring_pool;
  Metrics& metrics;
  const SearchLimits& limits;
};

void register_api_routes(httplib::Server& http, ApiContext& api);

// Byte ranges are honoured for one range of an original's download only, by its handler (a
// range past the end gets 416 with the size and a message): anywhere else, or with several
// ranges (each of which httplib would copy whole into the answer), the Range header is ignored
// and the whole answer is sent.
void limit_ranges(httplib::Request& request);

// Sends the error (send_error) and counts it in /metrics.
void respond_error(ApiContext& api, httplib::Response& response, const Error& error);

}  // namespace vanban::server
