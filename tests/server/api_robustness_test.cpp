// No query ever crashes the server: random and hostile parameters, paths and raw request lines
// against a real HttpServer over an archive with documents. Every answer is 200 or a 4xx with a
// JSON error body, and the server still answers afterwards.
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "vanban/analyzers/symbol.hpp"
#include "vanban/archive/archive.hpp"
#include "vanban/archive/writer.hpp"
#include "vanban/server/server.hpp"

#include "fuzz_inputs.hpp"
#include "raw_http.hpp"
#include "served_http.hpp"
#include "test_support.hpp"

namespace vanban::server {
namespace {

using vanban::testing::FuzzInputs;

std::string percent_encoded(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    out += '%';
    out += kHex[byte >> 4];
    out += kHex[byte & 0xF];
  }
  return out;
}

class ApiRobustness : public ::testing::Test {
 protected:
  void SetUp() override {
    {
      auto writer = archive::Archive(temp_ / "db").open_writer();
      ASSERT_TRUE(writer.ok()) << writer.error().message;
      archive::ArchivedDocument document;
      document.format = "txt";
      document.filename = "kh-32.txt";
      document.metadata.type = "Kế hoạch";
      document.metadata.number = "32/KH-UBND";
      document.metadata.number_key = analyzers::symbol_key("32/KH-UBND");
      document.metadata.issuer = "Ủy ban nhân dân thành phố Huế";
      document.metadata.date = "2026-01-31";
      document.metadata.title = "Triển khai công tác dân vận chính quyền";
      document.text = "Triển khai công tác dân vận chính quyền\nCăn cứ Chỉ thị số 33/CT-TTg.";
      ASSERT_TRUE((*writer)->put("kh-32.txt", "bản gốc", document).ok());
      ASSERT_TRUE((*writer)->commit().ok());
    }
    vanban::testing::write_file(temp_ / "web" / "index.html", "<!doctype html><title>UI</title>");
    ServerOptions options;
    options.db_dir = temp_ / "db";
    options.web_dir = temp_ / "web";
    options.port = 0;
    options.threads = 2;
    options.access_log = false;
    options.request_timeout = std::chrono::seconds(1);  // half-sent garbage waits this long
    options.keep_alive_timeout = std::chrono::seconds(1);
    ASSERT_TRUE(http_.start(options).ok());
    port_ = http_.port();
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
  }

  void TearDown() override { EXPECT_TRUE(http_.stop().ok()); }

  // 200, or a client error with {"error": "..."}; never a 5xx, never a dropped connection.
  void expect_answer_or_clear_error(const std::string& path) {
    SCOPED_TRACE(path.substr(0, 300));
    auto result = client_->Get(path);
    ASSERT_TRUE(result) << "no answer";
    EXPECT_LT(result->status, 500) << result->body;
    if (result->get_header_value("Content-Type").starts_with("application/json")) {
      const auto body = nlohmann::json::parse(result->body, nullptr, false);
      ASSERT_FALSE(body.is_discarded()) << result->body;
      if (result->status >= 400) {
        ASSERT_TRUE(body.contains("error")) << result->body;
        EXPECT_FALSE(body["error"].get<std::string>().empty());
      }
    }
  }

  vanban::testing::TempDir temp_;
  testing::ServedHttp http_;
  int port_ = 0;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(ApiRobustness, random_search_parameters_give_results_or_a_clear_error) {
  FuzzInputs inputs(0x5e7e'0001);
  static const std::vector<std::string> kNames = {"q",      "issuer", "type", "year", "from", "to",
                                                  "number", "cites",  "sort", "page", "size", "x"};
  static const std::vector<std::string> kValues = {"dân vận",
                                                   "\"dân",
                                                   "ngay:2025-13-99",
                                                   "so:",
                                                   "((((",
                                                   "-",
                                                   "OR",
                                                   "0",
                                                   "-1",
                                                   "999999999999",
                                                   "2147483648",
                                                   "newest",
                                                   "oldest",
                                                   "2026",
                                                   "33/CT-TTg",
                                                   "",
                                                   "%",
                                                   "%zz",
                                                   "%00"};
  for (int round = 0; round < 300; ++round) {
    std::string path = "/api/search?";
    for (std::size_t i = 1 + inputs.below(5); i > 0; --i) {
      path += kNames[inputs.below(kNames.size())] + "=";
      switch (inputs.below(4)) {
        case 0:
          path += percent_encoded(inputs.random_bytes(40));
          break;
        case 1:
          path += percent_encoded(inputs.random_text(20));
          break;
        case 2:
          path += percent_encoded(std::string(400 + inputs.below(1200), "a/9\""[inputs.below(4)]));
          break;
        default: {
          const std::string& value = kValues[inputs.below(kValues.size())];
          path += value.find('%') == std::string::npos ? percent_encoded(value) : value;
        }
      }
      path += '&';
    }
    expect_answer_or_clear_error(path);
  }
  expect_answer_or_clear_error("/healthz");
}

TEST_F(ApiRobustness, random_document_ids_and_numbers_give_a_clear_error) {
  FuzzInputs inputs(0x5e7e'0002);
  for (int round = 0; round < 150; ++round) {
    const std::string id = percent_encoded(inputs.random_bytes(60));
    expect_answer_or_clear_error("/api/documents/" + id);
    expect_answer_or_clear_error("/api/documents/" + id + "/original");
    expect_answer_or_clear_error("/api/instruments?number=" +
                                 percent_encoded(inputs.random_text(15)));
  }
}

TEST_F(ApiRobustness, malformed_requests_do_not_take_the_server_down) {
  FuzzInputs inputs(0x5e7e'0003);
  const std::string seed =
      "GET /api/search?q=d%C3%A2n HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  for (int round = 0; round < 8; ++round) {
    std::string request = round % 2 == 0 ? inputs.mutate(seed) : inputs.random_bytes(200);
    request += "\r\nConnection: close\r\n\r\n";
    (void)vanban::testing::raw_exchange(port_, request);  // any answer or none, but no crash
  }
  auto health = client_->Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
}

}  // namespace
}  // namespace vanban::server
