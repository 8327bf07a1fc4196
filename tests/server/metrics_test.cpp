// /metrics text and the access log line.
#include "vanban/server/metrics.hpp"

#include <chrono>
#include <string>

#include <gtest/gtest.h>

#include "vanban/server/access_log.hpp"

namespace vanban::server {
namespace {

using std::chrono::milliseconds;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(Metrics, requests_are_counted_by_route_and_status) {
  Metrics metrics;
  metrics.record_request("/api/search", 200, milliseconds(3));
  metrics.record_request("/api/search", 200, milliseconds(30));
  metrics.record_request("/api/search", 400, milliseconds(1));
  const std::string text = metrics.render({});
  EXPECT_TRUE(contains(text, "vanban_http_requests_total{route=\"/api/search\",status=\"200\"} 2"))
      << text;
  EXPECT_TRUE(contains(text, "vanban_http_requests_total{route=\"/api/search\",status=\"400\"} 1"));
}

TEST(Metrics, latency_histogram_is_cumulative_with_sum_and_count) {
  Metrics metrics;
  metrics.record_request("/healthz", 200, milliseconds(2));    // <= 0.0025
  metrics.record_request("/healthz", 200, milliseconds(200));  // <= 0.25
  metrics.record_request("/healthz", 200, std::chrono::seconds(10));
  const std::string text = metrics.render({});
  EXPECT_TRUE(contains(text, "_bucket{route=\"/healthz\",le=\"0.001\"} 0")) << text;
  EXPECT_TRUE(contains(text, "_bucket{route=\"/healthz\",le=\"0.0025\"} 1"));
  EXPECT_TRUE(contains(text, "_bucket{route=\"/healthz\",le=\"0.25\"} 2"));
  EXPECT_TRUE(contains(text, "_bucket{route=\"/healthz\",le=\"2.5\"} 2"));
  EXPECT_TRUE(contains(text, "_bucket{route=\"/healthz\",le=\"+Inf\"} 3"));
  EXPECT_TRUE(contains(text, "vanban_http_request_duration_seconds_count{route=\"/healthz\"} 3"));
  EXPECT_TRUE(contains(text, "vanban_http_request_duration_seconds_sum{route=\"/healthz\"} 10.2"));
}

TEST(Metrics, errors_documents_and_revision_are_reported) {
  Metrics metrics;
  metrics.record_error(ErrorKind::invalid_argument);
  metrics.record_error(ErrorKind::invalid_argument);
  metrics.record_error(ErrorKind::not_found);
  const std::string text = metrics.render({1234, "17", 5});
  EXPECT_TRUE(contains(text, "vanban_errors_total{kind=\"invalid_argument\"} 2")) << text;
  EXPECT_TRUE(contains(text, "vanban_errors_total{kind=\"not_found\"} 1"));
  EXPECT_TRUE(contains(text, "\nvanban_documents 1234\n"));
  EXPECT_TRUE(contains(text, "\nvanban_stale_documents 5\n"));
  EXPECT_TRUE(contains(text, "\nvanban_index_revision 17\n"));
  EXPECT_TRUE(
      contains(metrics.render({0, "a\"b"}), "vanban_index_revision{revision=\"a\\\"b\"} 0"));
}

TEST(Metrics, every_metric_has_help_and_type) {
  Metrics metrics;
  metrics.record_request("/api/search", 200, milliseconds(1));
  metrics.record_error(ErrorKind::io);
  const std::string text = metrics.render({});
  for (const char* name :
       {"vanban_http_requests_total", "vanban_http_request_duration_seconds", "vanban_errors_total",
        "vanban_documents", "vanban_stale_documents", "vanban_index_revision"}) {
    EXPECT_TRUE(contains(text, std::string("# HELP ") + name + " ")) << name;
    EXPECT_TRUE(contains(text, std::string("# TYPE ") + name + " ")) << name;
  }
}

TEST(Metrics, document_ids_do_not_multiply_route_labels) {
  EXPECT_EQ(route_label("/api/documents/abc123"), "/api/documents/{id}");
  EXPECT_EQ(route_label("/api/documents/abc123/original"), "/api/documents/{id}/original");
  EXPECT_EQ(route_label("/api/search"), "/api/search");
  EXPECT_EQ(route_label("/api/nothing/here"), "/api/other");
  EXPECT_EQ(route_label("/van-ban/abc"), "static");
  EXPECT_EQ(route_label("/app.js"), "static");
}

TEST(AccessLog, line_has_time_method_target_status_and_duration) {
  const auto when = std::chrono::sys_days{std::chrono::year{2026} / 11 / 21} +
                    std::chrono::hours(23) + std::chrono::minutes(30);
  EXPECT_EQ(access_log_line(when, "GET", "/api/search?q=dan", 200, milliseconds(3)),
            "2026-11-21T23:30:00Z GET /api/search?q=dan 200 3.0ms");
}

TEST(AccessLog, control_characters_cannot_forge_lines) {
  const std::string line =
      access_log_line(std::chrono::system_clock::now(), "GET", "/a\nGET /b", 404, milliseconds(0));
  EXPECT_EQ(line.find('\n'), std::string::npos);
  EXPECT_NE(line.find("/a\\x0AGET /b"), std::string::npos);
}

}  // namespace
}  // namespace vanban::server
