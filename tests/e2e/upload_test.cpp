// Uploads from the browser through `vanban serve` as a user runs it: POST /api/upload is off
// without a write token, refuses a missing or wrong token and a body over the limit, answers
// each file's result, and an uploaded document is found by the next search.
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "serve_process.hpp"
#include "test_support.hpp"

namespace vanban {
namespace {

using testing::ServeProcess;
using testing::TempDir;

constexpr const char* kToken = "mat-khau-ghi-2026";

const std::string kNotice =
    "ỦY BAN NHÂN DÂN XÃ HÒA BÌNH\nSố: 27/TB-UBND\nTHÔNG BÁO\n"
    "Về lịch khánh thành cầu treo bản Nà Lừa\nNgày 30 tháng 4 năm 2026.\n";

httplib::MultipartFormDataItems one_file(const std::string& name, const std::string& bytes) {
  return {{"file", bytes, name, "application/octet-stream"}};
}

class Upload : public ::testing::Test {
 protected:
  void start(std::vector<std::string> extra) {
    std::vector<std::string> arguments = {testing::vanban_binary().string(),
                                          "serve",
                                          "--db",
                                          (temp_ / "db").string(),
                                          "--port",
                                          "0",
                                          "--threads",
                                          "2",
                                          "--no-access-log"};
    arguments.insert(arguments.end(), extra.begin(), extra.end());
    serve_ = std::make_unique<ServeProcess>(arguments);
    const auto port = serve_->wait_for_port();
    ASSERT_TRUE(port.has_value()) << serve_->output();
    client_ = std::make_unique<httplib::Client>("127.0.0.1", *port);
    client_->set_read_timeout(std::chrono::seconds(120));
  }

  httplib::Result post(const httplib::MultipartFormDataItems& items, const std::string& token) {
    httplib::Headers headers;
    if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
    return client_->Post("/api/upload", headers, items);
  }

  TempDir temp_;
  std::unique_ptr<ServeProcess> serve_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(Upload, without_a_write_token_uploads_are_off) {
  start({});
  const auto info = client_->Get("/api/upload");
  ASSERT_TRUE(info);
  EXPECT_EQ(nlohmann::json::parse(info->body)["enabled"], false);
  const auto answer = post(one_file("tb.txt", kNotice), kToken);
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->status, 403);
  EXPECT_NE(answer->body.find("--write-token"), std::string::npos) << answer->body;
}

TEST_F(Upload, token_is_required_and_checked) {
  start({"--write-token", kToken});
  const auto missing = post(one_file("tb.txt", kNotice), "");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 401);
  const auto wrong = post(one_file("tb.txt", kNotice), "mat-khau-ghi-2025");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 403);
  const auto prefix = post(one_file("tb.txt", kNotice), "mat-khau");
  ASSERT_TRUE(prefix);
  EXPECT_EQ(prefix->status, 403);
  // Nothing was stored by the refused requests.
  const auto search = client_->Get("/api/search?q=cau%20treo");
  ASSERT_TRUE(search);
  EXPECT_NE(search->body.find("\"total\":0"), std::string::npos) << search->body;
}

TEST_F(Upload, a_body_over_the_limit_is_refused_with_413) {
  start({"--write-token", kToken, "--max-upload-mb", "1"});
  const std::string big(std::size_t{2} * 1024 * 1024, 'a');
  const auto answer = post(one_file("lon.txt", big), kToken);
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->status, 413);
  // Without the token, any body past the ordinary request limit is refused before it is read.
  const auto anonymous = post(one_file("lon.txt", std::string(200 * 1024, 'a')), "");
  ASSERT_TRUE(anonymous);
  EXPECT_EQ(anonymous->status, 413);
}

TEST_F(Upload, each_file_gets_its_result_and_a_good_one_is_then_found) {
  // The token from the environment, as a service would be started.
  ::setenv("VANBAN_WRITE_TOKEN", kToken, 1);
  start({});
  ::unsetenv("VANBAN_WRITE_TOKEN");
  httplib::MultipartFormDataItems items = {
      {"file", kNotice, "thong-bao-cau-treo.txt", "text/plain"},
      {"file", "AC1015 a drawing", "ban-ve.dwg", "application/acad"},
      {"file", "%PDF-1.4\n cut off", "hong.pdf", "application/pdf"},
      {"meta", R"({"signer": "Lò Văn Pọm"})", "", ""}};
  const auto answer = post(items, kToken);
  ASSERT_TRUE(answer);
  ASSERT_EQ(answer->status, 200) << answer->body;
  const auto files = nlohmann::json::parse(answer->body)["files"];
  ASSERT_EQ(files.size(), 3u) << answer->body;
  EXPECT_EQ(files[0]["status"], "indexed") << files[0];
  EXPECT_EQ(files[0]["path"], "tai-len/thong-bao-cau-treo.txt");
  EXPECT_TRUE(files[0]["document_id"].is_string());
  EXPECT_EQ(files[1]["status"], "error");
  EXPECT_EQ(files[2]["status"], "error");
  EXPECT_FALSE(files[2]["message"].get<std::string>().empty());

  // Searchable at the searchers' next reopen.
  bool found = false;
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (!found && std::chrono::steady_clock::now() < give_up) {
    const auto search = client_->Get("/api/search?q=cau%20treo%20na%20lua");
    found = search && search->body.find("\"total\":1") != std::string::npos;
    if (!found) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_TRUE(found);
  const auto document =
      client_->Get("/api/documents/" + files[0]["document_id"].get<std::string>());
  ASSERT_TRUE(document);
  const auto detail = nlohmann::json::parse(document->body);
  EXPECT_EQ(detail["number"], "27/TB-UBND") << document->body;
  EXPECT_EQ(detail["signer"], "Lò Văn Pọm") << "the sidecar fields typed in the form apply";

  // The same file with the same fields again: unchanged.
  const auto again = post({{"file", kNotice, "thong-bao-cau-treo.txt", "text/plain"},
                           {"meta", R"({"signer": "Lò Văn Pọm"})", "", ""}},
                          kToken);
  ASSERT_TRUE(again);
  EXPECT_EQ(nlohmann::json::parse(again->body)["files"][0]["status"], "unchanged") << again->body;
}

TEST_F(Upload, uploads_and_serve_watch_take_turns_on_the_one_writer) {
  std::filesystem::create_directories(temp_ / "den");
  testing::write_file(temp_ / "den" / "tb.txt",
                      "THÔNG BÁO\nVề lịch khánh thành nhà văn hóa thôn Đông\n");
  start({"--write-token", kToken, "--watch", (temp_ / "den").string()});
  const auto answer = post(one_file("thong-bao-cau-treo.txt", kNotice), kToken);
  ASSERT_TRUE(answer);
  ASSERT_EQ(answer->status, 200) << answer->body;
  EXPECT_EQ(nlohmann::json::parse(answer->body)["files"][0]["status"], "indexed") << answer->body;
  // Both the uploaded and the watched document are found.
  bool found = false;
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (!found && std::chrono::steady_clock::now() < give_up) {
    const auto uploaded = client_->Get("/api/search?q=cau%20treo%20na%20lua");
    const auto watched = client_->Get("/api/search?q=%22nh%C3%A0%20v%C4%83n%20h%C3%B3a%22");
    found = uploaded && watched && uploaded->body.find("\"total\":1") != std::string::npos &&
            watched->body.find("\"total\":1") != std::string::npos;
    if (!found) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_TRUE(found);
}

TEST_F(Upload, names_that_climb_out_are_refused_and_a_request_without_files_is_bad) {
  start({"--write-token", kToken});
  const auto answer = post(one_file("../../etc/.bashrc", kNotice), kToken);
  ASSERT_TRUE(answer);
  ASSERT_EQ(answer->status, 200);
  EXPECT_EQ(nlohmann::json::parse(answer->body)["files"][0]["status"], "error") << answer->body;
  const auto empty = post({{"meta", "{}", "", ""}}, kToken);
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->status, 400);
}

}  // namespace
}  // namespace vanban
