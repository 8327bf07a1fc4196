// `vanban serve` as a user runs it: a child process that says where it listens, answers, and
// exits cleanly on SIGTERM or SIGINT.
#include <chrono>
#include <optional>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "serve_process.hpp"
#include "shard_servers.hpp"
#include "test_support.hpp"
#include "vanban_run.hpp"

namespace vanban {
namespace {

using testing::ServeProcess;
using testing::TempDir;

void serve_then_stop_with(int signal) {
  TempDir temp;
  testing::write_file(temp / "web" / "index.html", "<title>Vanban</title>");
  ServeProcess serve({testing::vanban_binary().string(), "serve", "--db", (temp / "db").string(),
                      "--web", (temp / "web").string(), "--port", "0", "--threads", "2"});
  const auto port = serve.wait_for_port();
  ASSERT_TRUE(port.has_value()) << serve.output();

  httplib::Client client("127.0.0.1", *port);
  const auto health = client.Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  const auto page = client.Get("/");
  ASSERT_TRUE(page);
  EXPECT_NE(page->body.find("<title>Vanban</title>"), std::string::npos);

  const int status = serve.stop_with(signal);
  EXPECT_TRUE(WIFEXITED(status)) << serve.output();
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

TEST(ServeCommand, serves_on_a_free_port_and_stops_cleanly_on_sigterm) {
  serve_then_stop_with(SIGTERM);
}

TEST(ServeCommand, stops_cleanly_on_sigint) {
  serve_then_stop_with(SIGINT);
}

// `serve --watch`: a file dropped into the watched folder is found by the running server.
TEST(ServeCommand, serve_watch_makes_a_new_file_searchable) {
  TempDir temp;
  testing::write_file(temp / "web" / "index.html", "<title>Vanban</title>");
  std::filesystem::create_directories(temp / "den");
  ServeProcess serve({testing::vanban_binary().string(), "serve", "--db", (temp / "db").string(),
                      "--web", (temp / "web").string(), "--port", "0", "--threads", "2", "--watch",
                      (temp / "den").string()});
  const auto port = serve.wait_for_port();
  ASSERT_TRUE(port.has_value()) << serve.output();
  testing::write_file(temp / "den" / "tb.txt",
                      "THÔNG BÁO\nVề lịch khánh thành nhà văn hóa thôn Đông\n");

  httplib::Client client("127.0.0.1", *port);
  bool found = false;
  // The deadline only keeps a broken watch from hanging the suite.
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::minutes(2);
  while (!found && std::chrono::steady_clock::now() < give_up) {
    const auto answer = client.Get("/api/search?q=%22nh%C3%A0%20v%C4%83n%20h%C3%B3a%22");
    found =
        answer && answer->status == 200 && answer->body.find("\"total\":1") != std::string::npos;
    if (!found) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_TRUE(found);
  const int status = serve.stop_with(SIGTERM);
  EXPECT_TRUE(WIFEXITED(status)) << serve.output();
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

}  // namespace
}  // namespace vanban

namespace vanban {
namespace {

using testing::ServeProcess;

// `index --shards`, `check` over the shards, and `serve --shards` over xapian-tcpsrv: the same
// answers as the archive indexed as one database; a shard killed makes the answers say they are
// partial, every shard killed gives a 503 in Vietnamese.
TEST(ServeCommand, serves_tcp_shards_as_one_archive_and_says_when_a_shard_is_down) {
  const auto tcpsrv = testing::tcpsrv_binary();
  if (!tcpsrv) GTEST_SKIP() << "xapian-tcpsrv not installed (Debian xapian-tools)";
  TempDir temp;
  const auto samples = testing::source_dir() / "samples";
  const auto sharded = temp / "sharded";
  ASSERT_EQ(testing::run_vanban("index --shards 2 --db " + testing::quoted(sharded) + " " +
                                testing::quoted(samples))
                .exit_code,
            0);
  ASSERT_EQ(testing::run_vanban("index --db " + testing::quoted(temp / "one") + " " +
                                testing::quoted(samples))
                .exit_code,
            0);
  const auto check = testing::run_vanban("check --json --db " + testing::quoted(sharded));
  EXPECT_EQ(check.exit_code, 0);
  const auto checked = nlohmann::json::parse(check.out, nullptr, false);
  EXPECT_EQ(checked.value("documents", 0), 12);

  testing::ShardServer first(*tcpsrv, sharded / "shard-00" / "xapian");
  testing::ShardServer second(*tcpsrv, sharded / "shard-01" / "xapian");
  ServeProcess one({testing::vanban_binary().string(), "serve", "--db", (temp / "one").string(),
                    "--port", "0", "--threads", "2", "--no-access-log"});
  ServeProcess shards({testing::vanban_binary().string(), "serve", "--shards",
                       first.spec() + "," + second.spec(), "--originals", sharded.string(),
                       "--shard-timeout-ms", "500", "--port", "0", "--threads", "2",
                       "--no-access-log"});
  const auto one_port = one.wait_for_port();
  const auto shards_port = shards.wait_for_port();
  ASSERT_TRUE(one_port && shards_port) << one.output() << shards.output();
  httplib::Client one_client("127.0.0.1", *one_port);
  httplib::Client shards_client("127.0.0.1", *shards_port);

  const std::string search = "/api/search?q=d%C3%A2n%20v%E1%BA%ADn&size=50";
  const auto expected = one_client.Get(search);
  const auto actual = shards_client.Get(search);
  ASSERT_TRUE(expected && actual);
  ASSERT_EQ(actual->status, 200) << actual->body;
  const auto want = nlohmann::json::parse(expected->body);
  const auto got = nlohmann::json::parse(actual->body);
  EXPECT_EQ(got["total"], want["total"]);
  EXPECT_EQ(got["facets"], want["facets"]);
  EXPECT_EQ(got["partial"], false);
  ASSERT_FALSE(got["hits"].empty());
  const std::string id = got["hits"][0]["id"];
  const auto original = shards_client.Get("/api/documents/" + id + "/original");
  ASSERT_TRUE(original);
  EXPECT_EQ(original->status, 200);

  second.kill();
  const auto partial = shards_client.Get(search);
  ASSERT_TRUE(partial);
  ASSERT_EQ(partial->status, 200) << partial->body;
  const auto partial_json = nlohmann::json::parse(partial->body);
  EXPECT_EQ(partial_json["partial"], true);
  EXPECT_EQ(partial_json["missing_shards"], nlohmann::json::array({second.spec()}));
  EXPECT_LT(partial_json["total"].get<int>(), want["total"].get<int>());

  first.kill();
  const auto down = shards_client.Get(search);
  ASSERT_TRUE(down);
  EXPECT_EQ(down->status, 503);
  EXPECT_NE(down->body.find("ph\xC3\xA2n \xC4\x91o\xE1\xBA\xA1n"), std::string::npos)  // phân đoạn
      << down->body;
}

}  // namespace
}  // namespace vanban
