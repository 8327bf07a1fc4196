// The web UI's files: types, caching, client routes, and no way out of the folder.
#include "vanban/server/static_files.hpp"

#include <filesystem>
#include <string>

#include <gtest/gtest.h>
#include <httplib.h>

#include "test_support.hpp"

namespace vanban::server {
namespace {

using Outcome = StaticFiles::Outcome;
using vanban::testing::TempDir;
using vanban::testing::write_file;

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    write_file(web_ / "index.html", "<!doctype html><title>Văn bản</title>");
    write_file(web_ / "app.js", "console.log('x');");
    write_file(web_ / "css" / "style.css", "body{}");
    write_file(web_ / "fonts" / "a.woff2", "wOF2");
    write_file(web_ / ".env", "SECRET=1");
    write_file(outside_ / "secret.txt", "secret");
  }

  httplib::Response get(const std::string& target, const std::string& if_none_match = {}) {
    httplib::Request request;
    request.method = "GET";
    request.target = target;
    if (!if_none_match.empty()) request.set_header("If-None-Match", if_none_match);
    httplib::Response response;
    StaticFiles(web_).serve(request, response);
    return response;
  }

  TempDir temp_;
  std::filesystem::path web_ = temp_ / "web";
  std::filesystem::path outside_ = temp_ / "outside";
};

TEST_F(StaticFilesTest, root_serves_index_html_uncached) {
  const auto response = get("/");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(response.get_header_value("Cache-Control"), "no-cache");
  EXPECT_NE(response.body.find("Văn bản"), std::string::npos);
}

TEST_F(StaticFilesTest, assets_get_their_content_type_and_validators) {
  const auto script = get("/app.js?v=2");
  EXPECT_EQ(script.status, 200);
  EXPECT_EQ(script.get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_NE(script.get_header_value("Cache-Control").find("max-age="), std::string::npos);
  EXPECT_FALSE(script.get_header_value("ETag").empty());
  EXPECT_NE(script.get_header_value("Last-Modified").find("GMT"), std::string::npos);
  EXPECT_EQ(get("/css/style.css").get_header_value("Content-Type"), "text/css; charset=utf-8");
  EXPECT_EQ(get("/fonts/a.woff2").get_header_value("Content-Type"), "font/woff2");
}

TEST_F(StaticFilesTest, known_types_by_extension) {
  EXPECT_EQ(content_type_for("a.svg"), "image/svg+xml");
  EXPECT_EQ(content_type_for("a.PNG"), "image/png");
  EXPECT_EQ(content_type_for("favicon.ico"), "image/x-icon");
  EXPECT_EQ(content_type_for("data.json"), "application/json; charset=utf-8");
  EXPECT_EQ(content_type_for("blob.bin"), "application/octet-stream");
}

TEST_F(StaticFilesTest, current_etag_gives_not_modified) {
  const auto first = get("/app.js");
  const auto again = get("/app.js", first.get_header_value("ETag"));
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(get("/app.js", "\"stale\"").status, 200);
}

TEST_F(StaticFilesTest, client_routes_without_extension_get_the_page) {
  const auto response = get("/van-ban/abc123");
  EXPECT_EQ(response.status, 200);
  EXPECT_NE(response.body.find("<title>"), std::string::npos);
  EXPECT_EQ(get("/missing.js").status, 404);
}

TEST_F(StaticFilesTest, dot_dot_segments_are_refused_raw_or_encoded) {
  for (const char* target :
       {"/../outside/secret.txt", "/%2e%2e/outside/secret.txt", "/%2E%2E/outside/secret.txt",
        "/css/../../outside/secret.txt", "/.%2e/outside/secret.txt", "/./app.js"}) {
    EXPECT_EQ(StaticFiles(web_).resolve(target).outcome, Outcome::bad_request) << target;
    const auto response = get(target);
    EXPECT_EQ(response.status, 400) << target;
    EXPECT_EQ(response.body.find("secret"), std::string::npos);
  }
}

TEST_F(StaticFilesTest, encoded_separators_and_nul_are_refused) {
  for (const char* target : {"/..%2foutside%2fsecret.txt", "/..%5coutside%5csecret.txt",
                             "/css%2Fstyle.css", "/app.js%00.html", "/%zz", "/%4"}) {
    EXPECT_EQ(StaticFiles(web_).resolve(target).outcome, Outcome::bad_request) << target;
  }
}

TEST_F(StaticFilesTest, symlink_pointing_outside_is_not_served) {
  std::filesystem::create_symlink(outside_ / "secret.txt", web_ / "link.txt");
  std::filesystem::create_directory_symlink(outside_, web_ / "escape");
  EXPECT_EQ(get("/link.txt").status, 404);
  EXPECT_EQ(get("/escape/secret.txt").status, 404);
  // A client route under the linked folder still only ever gets the page.
  EXPECT_EQ(get("/escape").body.find("secret"), std::string::npos);
}

TEST_F(StaticFilesTest, hidden_files_stay_hidden) {
  EXPECT_EQ(get("/.env").status, 404);
}

TEST_F(StaticFilesTest, errors_are_json_in_vietnamese) {
  const auto response = get("/missing.css");
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.get_header_value("Content-Type"), "application/json; charset=utf-8");
  EXPECT_NE(response.body.find("Không tìm thấy"), std::string::npos);
}

TEST_F(StaticFilesTest, missing_web_folder_serves_nothing_without_failing) {
  httplib::Request request;
  request.method = "GET";
  request.target = "/";
  httplib::Response response;
  StaticFiles(temp_ / "no-such-folder").serve(request, response);
  EXPECT_EQ(response.status, 404);
}

}  // namespace
}  // namespace vanban::server
