// The HTTP service over a real socket, on an archive with nothing indexed yet.
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "vanban/archive/analysis_version.hpp"
#include "vanban/archive/archive.hpp"
#include "vanban/archive/fields.hpp"
#include "vanban/server/server.hpp"

#include "raw_http.hpp"
#include "served_http.hpp"
#include "test_support.hpp"

namespace vanban::server {
namespace {

using vanban::testing::status_of;
using vanban::testing::TempDir;
using vanban::testing::write_file;

class HttpServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    write_file(temp_ / "web" / "index.html", "<!doctype html><title>Vanban UI</title>");
    write_file(temp_ / "web" / "app.js", "export {};");
    write_file(temp_ / "secret.txt", "TOP-SECRET");
    ServerOptions options;
    options.db_dir = temp_ / "empty-db";
    options.web_dir = temp_ / "web";
    options.port = 0;
    options.threads = 2;
    options.access_log = false;
    ASSERT_TRUE(http_.start(options).ok());
    port_ = http_.port();
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
  }

  void TearDown() override { EXPECT_TRUE(http_.stop().ok()); }

  nlohmann::json get_json(const std::string& path, int expected_status) {
    auto result = client_->Get(path);
    EXPECT_TRUE(result) << path;
    if (!result) return {};
    EXPECT_EQ(result->status, expected_status) << path << ": " << result->body;
    EXPECT_EQ(result->get_header_value("Content-Type"), "application/json; charset=utf-8");
    return nlohmann::json::parse(result->body, nullptr, false);
  }

  TempDir temp_;
  testing::ServedHttp http_;
  int port_ = 0;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(HttpServerTest, healthz_is_ok_with_nothing_indexed) {
  const auto body = get_json("/healthz", 200);
  EXPECT_EQ(body["status"], "ok");
  EXPECT_EQ(body["documents"], 0);
}

// Two documents written by `version` into the served archive.
void write_two(const std::filesystem::path& db, std::uint32_t version) {
  archive::WriterOptions options;
  options.analysis_version = version;
  auto writer = archive::Archive(db).open_writer(options);
  ASSERT_TRUE(writer.ok()) << writer.error().message;
  for (const char* name : {"a.txt", "b.txt"}) {
    archive::ArchivedDocument document;
    document.format = "txt";
    document.text = std::string("Văn bản ") + name;
    ASSERT_TRUE((*writer)->put(name, document.text, document).ok());
  }
  ASSERT_TRUE((*writer)->close().ok());
}

// A stale archive is served (healthz ok), and said: how many documents, what to run.
TEST_F(HttpServerTest, healthz_says_when_the_archive_was_analysed_by_older_rules) {
  write_two(temp_ / "empty-db", archive::kAnalysisVersion - 1);
  auto body = get_json("/healthz", 200);
  EXPECT_EQ(body["status"], "ok");
  EXPECT_EQ(body["documents"], 2);
  ASSERT_TRUE(body.contains("analysis")) << body.dump();
  EXPECT_EQ(body["analysis"]["state"], "stale");
  EXPECT_EQ(body["analysis"]["stale_documents"], 2);
  EXPECT_EQ(body["analysis"]["version"], archive::kAnalysisVersion);
  EXPECT_NE(body["analysis"]["message"].get<std::string>().find("vanban index"), std::string::npos);
  EXPECT_EQ(get_json("/api/search?q=v%C4%83n%20b%E1%BA%A3n", 200)["total"], 2);

  // Analysed again by this version: current, no message.
  write_two(temp_ / "empty-db", archive::kAnalysisVersion);
  body = get_json("/healthz", 200);
  EXPECT_EQ(body["analysis"]["state"], "current");
  EXPECT_EQ(body["analysis"]["stale_documents"], 0);
  EXPECT_FALSE(body["analysis"].contains("message"));
}

TEST_F(HttpServerTest, search_on_an_empty_archive_finds_nothing) {
  const auto body = get_json("/api/search?q=d%C3%A2n%20v%E1%BA%ADn", 200);
  EXPECT_EQ(body["total"], 0);
  EXPECT_TRUE(body["hits"].empty());
}

TEST_F(HttpServerTest, bad_parameters_are_400_with_a_vietnamese_message) {
  // Each message is Vietnamese and names the parameter at fault.
  for (const auto& [path, name] :
       std::vector<std::pair<std::string, std::string>>{{"/api/search?page=abc", "page"},
                                                        {"/api/search?size=0", "size"},
                                                        {"/api/search?from=2025-02-30", "from"},
                                                        {"/api/search?sort=popular", "sort"},
                                                        {"/api/search?in=body", "in"}}) {
    const auto body = get_json(path, 400);
    ASSERT_TRUE(body.contains("error")) << path;
    const auto message = body["error"].get<std::string>();
    EXPECT_NE(message.find("ham số " + name), std::string::npos) << path << ": " << message;
  }
  const auto too_long = get_json("/api/search?q=" + std::string(1001, 'a'), 413);
  EXPECT_NE(too_long["error"].get<std::string>().find("quá dài"), std::string::npos);
}

TEST_F(HttpServerTest, instruments_need_a_number) {
  EXPECT_TRUE(get_json("/api/instruments", 400).contains("error"));
}

TEST_F(HttpServerTest, unknown_documents_and_api_paths_are_404_json) {
  EXPECT_TRUE(get_json("/api/documents/no-such-id", 404).contains("error"));
  EXPECT_TRUE(get_json("/api/documents/no-such-id/original", 404).contains("error"));
  EXPECT_TRUE(get_json("/api/nothing", 404).contains("error"));
  EXPECT_TRUE(get_json("/api/search/extra", 404).contains("error"));
}

TEST_F(HttpServerTest, the_ui_is_served_with_client_route_fallback) {
  auto page = client_->Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("Vanban UI"), std::string::npos);
  auto document_page = client_->Get("/van-ban/abc");
  ASSERT_TRUE(document_page);
  EXPECT_EQ(document_page->status, 200);
  EXPECT_NE(document_page->body.find("Vanban UI"), std::string::npos);
  auto script = client_->Get("/app.js");
  ASSERT_TRUE(script);
  EXPECT_EQ(script->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
}

TEST_F(HttpServerTest, traversal_attempts_never_leave_the_web_folder) {
  for (const char* target :
       {"/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/..%2fsecret.txt",
        "/app.js/../../secret.txt", "/.%2e/.%2e/secret.txt", "/..\\secret.txt"}) {
    const std::string answer = vanban::testing::raw_exchange(
        port_, std::string("GET ") + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    const int status = status_of(answer);
    EXPECT_TRUE(status == 400 || status == 404) << target << " -> " << answer;
    EXPECT_EQ(answer.find("TOP-SECRET"), std::string::npos) << target;
  }
}

TEST_F(HttpServerTest, metrics_count_requests_by_route_and_status) {
  ASSERT_TRUE(client_->Get("/healthz"));
  ASSERT_TRUE(client_->Get("/api/search?page=abc"));
  auto metrics = client_->Get("/metrics");
  ASSERT_TRUE(metrics);
  EXPECT_EQ(metrics->status, 200);
  EXPECT_NE(metrics->get_header_value("Content-Type").find("text/plain"), std::string::npos);
  const std::string& text = metrics->body;
  EXPECT_NE(text.find("vanban_http_requests_total{route=\"/healthz\",status=\"200\"} 1"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("vanban_http_requests_total{route=\"/api/search\",status=\"400\"} 1"),
            std::string::npos);
  EXPECT_NE(text.find("vanban_errors_total{kind=\"invalid_argument\"} 1"), std::string::npos);
  EXPECT_NE(text.find("vanban_documents 0"), std::string::npos);
}

TEST_F(HttpServerTest, writes_are_not_allowed) {
  auto result = client_->Delete("/api/documents/abc");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 405);
  EXPECT_EQ(result->get_header_value("Allow"), "GET, HEAD");
  EXPECT_NE(result->body.find("error"), std::string::npos);
}

TEST_F(HttpServerTest, oversized_request_body_is_refused) {
  const std::string body(200 * 1024, 'x');
  auto result = client_->Post("/api/search", body, "text/plain");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 413);
}

TEST_F(HttpServerTest, concurrent_clients_all_get_answers) {
  constexpr int kClients = 6;
  constexpr int kRequests = 15;
  std::vector<int> answered(kClients, 0);
  std::vector<std::thread> clients;
  for (int i = 0; i < kClients; ++i) {
    clients.emplace_back([this, i, &answered] {
      httplib::Client client("127.0.0.1", port_);
      for (int k = 0; k < kRequests; ++k) {
        const auto result = client.Get(k % 2 == 0 ? "/healthz" : "/api/search?q=x");
        if (result && result->status == 200) ++answered[static_cast<std::size_t>(i)];
      }
    });
  }
  for (auto& client : clients)
    client.join();
  for (const int count : answered)
    EXPECT_EQ(count, kRequests);
}

// The UI's parameters, facets and chip labels come from the archive's table of search fields:
// the page loads them as /js/fields.js, which is no file of web/.
TEST_F(HttpServerTest, the_ui_gets_the_search_fields_from_the_archive_table) {
  auto result = client_->Get("/js/fields.js");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  EXPECT_EQ(result->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  const std::string prefix = "export const FIELDS = ";
  const auto start = result->body.find(prefix);
  ASSERT_NE(start, std::string::npos) << result->body;
  const auto end = result->body.rfind(';');
  const auto fields = nlohmann::json::parse(
      result->body.substr(start + prefix.size(), end - start - prefix.size()), nullptr, false);
  ASSERT_TRUE(fields.is_array()) << result->body;
  ASSERT_EQ(fields.size(), archive::kSearchFields.size());
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const archive::FieldSpec& spec = archive::kSearchFields[i];
    EXPECT_EQ(fields[i]["name"], std::string(spec.name));
    EXPECT_EQ(fields[i]["prefix"], std::string(spec.box_prefix));
    EXPECT_EQ(fields[i]["repeated"], spec.repeated);
    EXPECT_EQ(fields[i]["facet"], spec.facet);
    EXPECT_EQ(fields[i]["label"], std::string(spec.label));
    EXPECT_EQ(fields[i]["shortLabel"], std::string(spec.short_label));
  }
}

TEST_F(HttpServerTest, stop_ends_run_cleanly) {
  EXPECT_TRUE(http_.stop().ok());
  EXPECT_FALSE(http_.server().is_running());
}

}  // namespace
}  // namespace vanban::server
