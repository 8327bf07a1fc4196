// Request counters and a latency histogram per route, rendered in the Prometheus text format.
// Thread-safe: every worker records into the same object (owned by the server, not global).
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "vanban/common/result.hpp"

namespace vanban::server {

// What /metrics reports about the archive besides the requests.
struct ArchiveGauges {
  std::uint64_t documents = 0;
  std::string revision;  // the index revision as the searcher reports it
  // Documents an older analysis version made (archive/analysis_version.hpp): filters and
  // "cited by" may miss them until `vanban index` runs.
  std::uint64_t stale_documents = 0;
};

class Metrics {
 public:
  // Upper bounds of the latency buckets, in seconds (+Inf is implied).
  static constexpr std::array<double, 11> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                      0.1,   0.25,   0.5,   1.0,  2.5};

  void record_request(std::string_view route, int status, std::chrono::duration<double> latency);
  void record_error(ErrorKind kind);
  // A request the connection layer refused before any route saw it (408, 413, 414, 431, 503...).
  void record_refusal(int status);
  // A complete request left unanswered because its client closed the connection before a worker
  // reached it.
  void record_abandoned();

  std::string render(const ArchiveGauges& archive) const;

 private:
  struct Latency {
    std::array<std::uint64_t, kBuckets.size()> buckets{};  // non-cumulative
    std::uint64_t count = 0;
    double sum_seconds = 0;
  };

  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, std::uint64_t> requests_;  // (route, status)
  std::map<std::string, Latency> latency_;                         // by route
  std::map<std::string, std::uint64_t> errors_;                    // by error kind
  std::map<int, std::uint64_t> refusals_;                          // by status
  std::uint64_t abandoned_ = 0;
};

// The route label of a request path: the API route pattern, "static" or "other".
std::string route_label(std::string_view path);

const char* error_kind_name(ErrorKind kind);

}  // namespace vanban::server
