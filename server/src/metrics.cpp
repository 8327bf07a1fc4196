#include "vanban/server/metrics.hpp"

#include <charconv>
#include <cstdio>
#include <sstream>

namespace vanban::server {
namespace {

std::string escape_label(std::string_view value) {
  std::string escaped;
  for (const char c : value) {
    if (c == '\\' || c == '"') {
      escaped += '\\';
      escaped += c;
    } else if (c == '\n') {
      escaped += "\\n";
    } else {
      escaped += c;
    }
  }
  return escaped;
}

std::string format_double(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6g", value);
  return buffer;
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

}  // namespace

const char* error_kind_name(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::invalid_argument:
      return "invalid_argument";
    case ErrorKind::not_found:
      return "not_found";
    case ErrorKind::too_large:
      return "too_large";
    case ErrorKind::unsupported:
      return "unsupported";
    case ErrorKind::io:
      return "io";
    case ErrorKind::unavailable:
      return "unavailable";
    case ErrorKind::internal:
      return "internal";
  }
  return "internal";
}

std::string route_label(std::string_view path) {
  if (path == "/api/search") return "/api/search";
  if (path == "/api/instruments") return "/api/instruments";
  if (path == "/api/upload") return "/api/upload";
  if (path == "/healthz") return "/healthz";
  if (path == "/metrics") return "/metrics";
  constexpr std::string_view kDocuments = "/api/documents/";
  if (starts_with(path, kDocuments)) {
    const auto rest = path.substr(kDocuments.size());
    const auto slash = rest.find('/');
    if (slash == std::string_view::npos) return "/api/documents/{id}";
    if (rest.substr(slash) == "/original") return "/api/documents/{id}/original";
  }
  if (starts_with(path, "/api/") || path == "/api") return "/api/other";
  return "static";
}

void Metrics::record_request(std::string_view route, int status,
                             std::chrono::duration<double> latency) {
  const double seconds = latency.count();
  std::lock_guard lock(mutex_);
  ++requests_[{std::string(route), status}];
  Latency& histogram = latency_[std::string(route)];
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) {
      ++histogram.buckets[i];
      break;
    }
  }
  ++histogram.count;
  histogram.sum_seconds += seconds;
}

void Metrics::record_error(ErrorKind kind) {
  std::lock_guard lock(mutex_);
  ++errors_[error_kind_name(kind)];
}

void Metrics::record_refusal(int status) {
  std::lock_guard lock(mutex_);
  ++refusals_[status];
}

void Metrics::record_abandoned() {
  std::lock_guard lock(mutex_);
  ++abandoned_;
}

std::string Metrics::render(const ArchiveGauges& archive) const {
  std::ostringstream out;
  {
    std::lock_guard lock(mutex_);
    out << "# HELP vanban_http_requests_total HTTP requests by route and status.\n"
        << "# TYPE vanban_http_requests_total counter\n";
    for (const auto& [key, count] : requests_) {
      out << "vanban_http_requests_total{route=\"" << escape_label(key.first) << "\",status=\""
          << key.second << "\"} " << count << '\n';
    }
    out << "# HELP vanban_http_request_duration_seconds Time to answer a request.\n"
        << "# TYPE vanban_http_request_duration_seconds histogram\n";
    for (const auto& [route, histogram] : latency_) {
      const std::string label = "route=\"" + escape_label(route) + "\"";
      std::uint64_t cumulative = 0;
      for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        cumulative += histogram.buckets[i];
        out << "vanban_http_request_duration_seconds_bucket{" << label << ",le=\""
            << format_double(kBuckets[i]) << "\"} " << cumulative << '\n';
      }
      out << "vanban_http_request_duration_seconds_bucket{" << label << ",le=\"+Inf\"} "
          << histogram.count << '\n'
          << "vanban_http_request_duration_seconds_sum{" << label << "} "
          << format_double(histogram.sum_seconds) << '\n'
          << "vanban_http_request_duration_seconds_count{" << label << "} " << histogram.count
          << '\n';
    }
    out << "# HELP vanban_errors_total Error responses by error kind.\n"
        << "# TYPE vanban_errors_total counter\n";
    for (const auto& [kind, count] : errors_) {
      out << "vanban_errors_total{kind=\"" << kind << "\"} " << count << '\n';
    }
    out << "# HELP vanban_connection_refusals_total Requests refused by the connection layer "
           "(too slow, too large, too many connections) by status.\n"
        << "# TYPE vanban_connection_refusals_total counter\n";
    for (const auto& [status, count] : refusals_) {
      out << "vanban_connection_refusals_total{status=\"" << status << "\"} " << count << '\n';
    }
    out << "# HELP vanban_abandoned_requests_total Requests not answered because the client had "
           "closed the connection before a worker reached them.\n"
        << "# TYPE vanban_abandoned_requests_total counter\n"
        << "vanban_abandoned_requests_total " << abandoned_ << '\n';
  }
  out << "# HELP vanban_documents Documents in the archive.\n"
      << "# TYPE vanban_documents gauge\n"
      << "vanban_documents " << archive.documents << '\n';
  out << "# HELP vanban_stale_documents Documents an older version of the analysis rules made "
         "(run vanban index).\n"
      << "# TYPE vanban_stale_documents gauge\n"
      << "vanban_stale_documents " << archive.stale_documents << '\n';
  // A numeric revision is a gauge; any other form is reported as a label.
  std::uint64_t revision = 0;
  const char* end = archive.revision.data() + archive.revision.size();
  const auto parsed = std::from_chars(archive.revision.data(), end, revision);
  out << "# HELP vanban_index_revision Revision of the index the server reads.\n"
      << "# TYPE vanban_index_revision gauge\n";
  if (!archive.revision.empty() && parsed.ec == std::errc{} && parsed.ptr == end) {
    out << "vanban_index_revision " << revision << '\n';
  } else {
    out << "vanban_index_revision{revision=\"" << escape_label(archive.revision) << "\"} 0\n";
  }
  return out.str();
}

}  // namespace vanban::server
