// POST /api/upload at the server's edge, with a recording handler in place of the indexer: the
// token decides before any file reaches the handler, an upload may be larger than any other
// request only with the token, and the larger limit ends with that request.
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "vanban/server/server.hpp"

#include "raw_http.hpp"
#include "served_http.hpp"
#include "test_support.hpp"

namespace vanban::server {
namespace {

using vanban::testing::status_of;
using vanban::testing::TempDir;

constexpr const char* kToken = "dung-roi";

class UploadRoute : public ::testing::Test {
 protected:
  void start(std::string token, bool fail = false) {
    ServerOptions options;
    options.db_dir = temp_ / "db";
    options.web_dir = temp_ / "web";
    options.port = 0;
    options.threads = 2;
    options.access_log = false;
    options.write_token = std::move(token);
    options.max_upload_bytes = 1024 * 1024;
    options.upload_handler =
        [this, fail](std::vector<UploadFile> files) -> Result<std::vector<UploadResult>> {
      std::lock_guard lock(mutex_);
      if (fail)
        return make_error(ErrorKind::io, "archive locked", "Kho đang bị khóa bởi tiến trình khác");
      std::vector<UploadResult> results;
      for (UploadFile& file : files) {
        results.push_back({file.name, "tai-len/" + file.name, "indexed", "", "id-1", {}});
        received_.push_back(std::move(file));
      }
      return results;
    };
    ASSERT_TRUE(http_.start(options).ok());
    port_ = http_.port();
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
  }

  void TearDown() override { http_.halt(); }

  httplib::Result post(const std::string& content, httplib::Headers headers) {
    return client_->Post("/api/upload", headers,
                         httplib::MultipartFormDataItems{{"file", content, "tb.txt", "text/plain"},
                                                         {"meta", R"({"number":"1/TB"})", "", ""}});
  }

  std::size_t received() {
    std::lock_guard lock(mutex_);
    return received_.size();
  }

  TempDir temp_;
  testing::ServedHttp http_;
  int port_ = 0;
  std::unique_ptr<httplib::Client> client_;
  std::mutex mutex_;
  std::vector<UploadFile> received_;
};

TEST_F(UploadRoute, no_file_reaches_the_handler_without_the_exact_token) {
  start(kToken);
  for (const auto& [header, value] :
       std::vector<std::pair<std::string, std::string>>{{"X-Other", "x"},
                                                        {"Authorization", "Bearer dung-ro"},
                                                        {"Authorization", "Bearer dung-roi!"},
                                                        {"Authorization", "Basic ZHVuZy1yb2k="},
                                                        {"X-Vanban-Token", "DUNG-ROI"}}) {
    SCOPED_TRACE(header + ": " + value);
    const auto answer = post("Thông báo", {{header, value}});
    ASSERT_TRUE(answer);
    EXPECT_TRUE(answer->status == 401 || answer->status == 403) << answer->status;
  }
  EXPECT_EQ(received(), 0u);
}

TEST_F(UploadRoute, the_files_and_their_fields_reach_the_handler_with_the_token) {
  start(kToken);
  const auto answer = post("Thông báo số 1", {{"X-Vanban-Token", kToken}});
  ASSERT_TRUE(answer);
  ASSERT_EQ(answer->status, 200) << answer->body;
  const auto body = nlohmann::json::parse(answer->body);
  EXPECT_EQ(body["files"][0]["status"], "indexed");
  EXPECT_EQ(body["files"][0]["document_id"], "id-1");
  std::lock_guard lock(mutex_);
  ASSERT_EQ(received_.size(), 1u);
  EXPECT_EQ(received_[0].name, "tb.txt");
  EXPECT_EQ(received_[0].bytes, "Thông báo số 1");
  EXPECT_EQ(received_[0].sidecar, R"({"number":"1/TB"})");
}

TEST_F(UploadRoute, a_large_upload_passes_with_the_token_and_the_next_request_has_the_usual_limit) {
  start(kToken);
  const std::string large(600 * 1024, 'x');  // over the 64 KB of other requests
  const auto answer = post(large, {{"Authorization", std::string("Bearer ") + kToken}});
  ASSERT_TRUE(answer);
  ASSERT_EQ(answer->status, 200) << answer->body;
  {
    std::lock_guard lock(mutex_);
    ASSERT_EQ(received_.size(), 1u);
    EXPECT_EQ(received_[0].bytes, large);
  }
  // On the same keep-alive connection, a large body without the token is refused.
  const auto after = client_->Post("/api/search", large, "text/plain");
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 413);
  // Past the upload limit even with the token, refused before the body is read.
  const std::string head = std::string("POST /api/upload HTTP/1.1\r\nHost: x\r\nAuthorization: ") +
                           "Bearer " + kToken +
                           "\r\nContent-Type: multipart/form-data; boundary=b\r\n"
                           "Content-Length: 5000000\r\nConnection: close\r\n\r\n";
  EXPECT_EQ(status_of(testing::raw_exchange(port_, head)), 413);
}

TEST_F(UploadRoute, without_a_token_uploads_are_off_and_a_failing_archive_is_an_error) {
  start("");
  const auto off = post("x", {{"Authorization", "Bearer "}});
  ASSERT_TRUE(off);
  EXPECT_EQ(off->status, 403);
  TearDown();
  start(kToken, /*fail=*/true);
  const auto failing = post("x", {{"Authorization", std::string("Bearer ") + kToken}});
  ASSERT_TRUE(failing);
  EXPECT_EQ(failing->status, 500);
  EXPECT_NE(failing->body.find("Kho đang bị khóa"), std::string::npos) << failing->body;
}

}  // namespace
}  // namespace vanban::server
