// Clients that try to exhaust the server: many byte ranges, huge or countless headers, slow and
// idle connections, too many connections from one address, a second server on the same port.
// Each builds its hostile input itself.
#include <cerrno>
#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <httplib.h>
#include <sys/resource.h>
#include <unistd.h>

#include "vanban/analyzers/symbol.hpp"
#include "vanban/archive/archive.hpp"
#include "vanban/archive/writer.hpp"
#include "vanban/server/server.hpp"

#include "raw_http.hpp"
#include "served_http.hpp"
#include "test_support.hpp"

namespace vanban::server {
namespace {

using vanban::testing::raw_exchange;
using vanban::testing::RawConnection;
using vanban::testing::status_of;

const std::string kOriginal(64 * 1024, 'x');

class HostileClients : public ::testing::Test {
 protected:
  void SetUp() override {
    auto writer = archive::Archive(temp_ / "db").open_writer();
    ASSERT_TRUE(writer.ok()) << writer.error().message;
    archive::ArchivedDocument document;
    document.format = "txt";
    document.filename = "kh-32.txt";
    document.metadata.number = "32/KH-UBND";
    document.metadata.number_key = analyzers::symbol_key("32/KH-UBND");
    document.metadata.title = "Triển khai công tác dân vận";
    document.text = "Triển khai công tác dân vận";
    ASSERT_TRUE((*writer)->put("kh-32.txt", kOriginal, document).ok());
    ASSERT_TRUE((*writer)->commit().ok());
    const auto source = (*writer)->source("kh-32.txt");
    ASSERT_TRUE(source.has_value());
    document_id_ = source->document_id;
    options_.db_dir = temp_ / "db";
    options_.web_dir = temp_ / "web";
    options_.port = 0;
    options_.threads = 2;
    options_.access_log = false;
  }

  void start() {
    ASSERT_TRUE(http_.start(options_).ok());
    port_ = http_.port();
  }

  void TearDown() override { EXPECT_TRUE(http_.stop().ok()); }

  std::string get(const std::string& target, const std::string& headers = {}) {
    return raw_exchange(port_, "GET " + target + " HTTP/1.1\r\nHost: x\r\n" + headers +
                                   "Connection: close\r\n\r\n");
  }

  // Indexes one more plain-text document in its own commit; its id, empty on failure.
  std::string add_text_document(const std::string& filename, const std::string& original,
                                const std::string& text) {
    auto writer = archive::Archive(temp_ / "db").open_writer();
    if (!writer.ok()) return {};
    archive::ArchivedDocument document;
    document.format = "txt";
    document.filename = filename;
    document.text = text;
    if (!(*writer)->put(filename, original, document).ok() || !(*writer)->commit().ok()) return {};
    const auto source = (*writer)->source(filename);
    return source ? source->document_id : std::string{};
  }

  bool healthz_answers() {
    httplib::Client client("127.0.0.1", port_);
    client.set_connection_timeout(20);
    client.set_read_timeout(20);
    const auto result = client.Get("/healthz");
    return result && result->status == 200;
  }

  static std::string many_ranges(int count) {
    std::string value = "Range: bytes=0-";
    for (int i = 1; i < count; ++i)
      value += ",0-";
    return value + "\r\n";
  }

  vanban::testing::TempDir temp_;
  ServerOptions options_;
  std::string document_id_;
  testing::ServedHttp http_;
  int port_ = 0;
};

TEST_F(HostileClients, ranges_on_api_answers_are_ignored) {
  start();
  const std::string answer = get("/api/search?q=d%C3%A2n", many_ranges(2700));
  EXPECT_EQ(status_of(answer), 200) << answer.substr(0, 200);
  EXPECT_LT(answer.size(), 64u * 1024) << "the answer was multiplied by its ranges";
  EXPECT_EQ(answer.find("multipart/byteranges"), std::string::npos);
}

TEST_F(HostileClients, one_range_of_an_original_is_served_and_several_are_ignored) {
  start();
  const std::string original = "/api/documents/" + document_id_ + "/original";
  const std::string one = get(original, "Range: bytes=10-19\r\n");
  EXPECT_EQ(status_of(one), 206);
  EXPECT_TRUE(one.ends_with("\r\n\r\nxxxxxxxxxx")) << one;

  const std::string several = get(original, many_ranges(100));
  EXPECT_EQ(status_of(several), 200);
  EXPECT_LT(several.size(), kOriginal.size() + 4096) << "the original was copied per range";
}

// A range the original cannot satisfy (its first byte past the end, a suffix of no bytes) is
// 416 naming the size, with a message; httplib's own answer named bytes the file does not have
// ("bytes 100000-65535/65536") with no body, and a streamed original got 206 with no bytes.
TEST_F(HostileClients, a_range_past_the_end_of_an_original_is_416_with_its_size_and_a_message) {
  start();
  const std::string original = "/api/documents/" + document_id_ + "/original";
  for (const char* range : {"bytes=100000-", "bytes=65536-70000", "bytes=-0"}) {
    const std::string answer = get(original, std::string("Range: ") + range + "\r\n");
    EXPECT_EQ(status_of(answer), 416) << range << "\n" << answer;
    EXPECT_NE(answer.find("Content-Range: bytes */65536\r\n"), std::string::npos) << answer;
    EXPECT_NE(answer.find("Khoảng byte yêu cầu nằm ngoài tệp"), std::string::npos) << answer;
  }
  const std::string tail = get(original, "Range: bytes=65530-99999\r\n");
  EXPECT_EQ(status_of(tail), 206) << tail;
  EXPECT_NE(tail.find("Content-Range: bytes 65530-65535/65536\r\n"), std::string::npos) << tail;
  EXPECT_TRUE(tail.ends_with("\r\n\r\nxxxxxx")) << tail;
  const std::string suffix = get(original, "Range: bytes=-3\r\n");
  EXPECT_EQ(status_of(suffix), 206) << suffix;
  EXPECT_TRUE(suffix.ends_with("\r\n\r\nxxx")) << suffix;
}

TEST_F(HostileClients, too_many_headers_are_refused_with_431) {
  start();
  std::string headers;
  for (int i = 0; i < 10'000; ++i)
    headers += "X-Filler-" + std::to_string(i) + ": a\r\n";
  EXPECT_EQ(status_of(get("/healthz", headers)), 431);
  EXPECT_EQ(status_of(get("/healthz", "X-Big: " + std::string(64 * 1024, 'a') + "\r\n")), 431);
  EXPECT_EQ(status_of(get("/healthz", "X-Fine: a\r\n")), 200);
}

TEST_F(HostileClients, an_endless_header_stream_is_cut_off_and_the_server_stays_up) {
  start();
  RawConnection flood(port_);
  ASSERT_TRUE(flood.connected());
  flood.send("GET /healthz HTTP/1.1\r\nHost: x\r\n");
  const std::string lines = [] {
    std::string block;
    for (int i = 0; i < 1000; ++i)
      block += "X-A: b\r\n";
    return block;
  }();
  // The server refuses and stops reading long before the client stops sending.
  for (int i = 0; i < 8000 && flood.send(lines); ++i) {
  }
  EXPECT_EQ(status_of(flood.receive_all()), 431);
  EXPECT_TRUE(healthz_answers());
}

TEST_F(HostileClients, slow_and_idle_connections_do_not_hold_the_workers) {
  // Long enough that, if slow clients held the two workers, /healthz would wait past the
  // client's own timeout.
  options_.request_timeout = std::chrono::seconds(120);
  options_.keep_alive_timeout = std::chrono::seconds(120);
  start();
  std::vector<std::unique_ptr<RawConnection>> idle;
  for (int i = 0; i < 200; ++i)
    idle.push_back(std::make_unique<RawConnection>(port_));
  std::vector<std::unique_ptr<RawConnection>> slow;
  for (int i = 0; i < 8; ++i) {
    slow.push_back(std::make_unique<RawConnection>(port_));
    slow.back()->send("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: 1\r\n");
  }
  for (int round = 0; round < 3; ++round) {
    for (auto& connection : slow)
      connection->send("X-More: 1\r\n");
    EXPECT_TRUE(healthz_answers()) << "round " << round;
  }
}

TEST_F(HostileClients, monitoring_answers_while_every_worker_is_stuck_answering_a_slow_reader) {
  // Clients that ask for large originals and never read them hold each search worker in a
  // blocked write (until the write timeout); /healthz and /metrics have a worker of their own.
  const std::string large(4 * 1024 * 1024, 'y');
  const std::string large_id = add_text_document("large.txt", large, "Văn bản lớn");
  ASSERT_FALSE(large_id.empty());
  options_.write_timeout = std::chrono::minutes(10);
  start();
  std::string requests;
  for (int i = 0; i < 8; ++i) {
    requests += "GET /api/documents/" + large_id + "/original HTTP/1.1\r\nHost: x\r\n\r\n";
  }
  std::vector<std::unique_ptr<RawConnection>> readers_that_never_read;
  for (int i = 0; i < static_cast<int>(options_.threads); ++i) {
    readers_that_never_read.push_back(std::make_unique<RawConnection>(port_));
    ASSERT_TRUE(readers_that_never_read.back()->send(requests));
  }
  // The search workers are now stuck (a search would wait for minutes); monitoring is not.
  EXPECT_TRUE(healthz_answers());
  httplib::Client client("127.0.0.1", port_);
  client.set_read_timeout(20);
  const auto metrics = client.Get("/metrics");
  ASSERT_TRUE(metrics);
  EXPECT_EQ(metrics->status, 200);
  EXPECT_NE(metrics->body.find("vanban_documents 2"), std::string::npos) << metrics->body;
  readers_that_never_read.clear();  // the blocked writes fail and the workers come back
}

TEST_F(HostileClients, searches_run_niced_and_monitoring_keeps_the_serving_priority) {
  // A searcher is opened on the thread that first leases it, so the factory sees the priority
  // of the thread answering: /healthz's own worker, then a search worker.
  errno = 0;
  const int base = ::getpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()));
  ASSERT_EQ(errno, 0);
  if (base > 19 - 5) GTEST_SKIP() << "the tests already run at nice " << base;
  std::mutex mutex;
  std::vector<int> priorities;
  const std::filesystem::path db = options_.db_dir;
  options_.worker_nice = 5;
  options_.searcher_factory = [&mutex, &priorities, db] {
    errno = 0;
    const int nice = ::getpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()));
    {
      std::lock_guard lock(mutex);
      priorities.push_back(errno == 0 ? nice : -100);
    }
    return archive::Archive(db).open_searcher();
  };
  start();
  ASSERT_TRUE(healthz_answers());
  ASSERT_EQ(status_of(get("/api/search?q=d%C3%A2n")), 200);
  std::lock_guard lock(mutex);
  ASSERT_EQ(priorities.size(), 2u);
  EXPECT_EQ(priorities[0], base) << "the monitoring worker must not be niced";
  EXPECT_EQ(priorities[1], base + 5) << "a search worker must run niced";
}

TEST_F(HostileClients, refusals_by_the_connection_layer_are_counted_in_metrics) {
  options_.max_header_count = 10;
  start();
  std::string headers;
  for (int i = 0; i < 20; ++i)
    headers += "X-Many-" + std::to_string(i) + ": 1\r\n";
  ASSERT_EQ(status_of(get("/healthz", headers)), 431);
  httplib::Client client("127.0.0.1", port_);
  const auto metrics = client.Get("/metrics");
  ASSERT_TRUE(metrics);
  EXPECT_NE(metrics->body.find("vanban_connection_refusals_total{status=\"431\"} 1"),
            std::string::npos)
      << metrics->body;
}

TEST_F(HostileClients, a_request_not_finished_in_time_gets_408) {
  options_.request_timeout = std::chrono::milliseconds(300);
  start();
  RawConnection slow(port_);
  slow.send("GET /healthz HTTP/1.1\r\nHost: x\r\n");
  EXPECT_EQ(status_of(slow.receive_all()), 408);
}

TEST_F(HostileClients, connections_beyond_the_cap_per_client_are_refused_with_503) {
  options_.max_connections_per_client = 4;
  start();
  std::vector<std::unique_ptr<RawConnection>> held;
  for (int i = 0; i < 4; ++i) {
    held.push_back(std::make_unique<RawConnection>(port_));
    // Answered, so the server has accepted it before the next one comes.
    held.back()->send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    ASSERT_EQ(status_of(held.back()->receive_some()), 200);
  }
  EXPECT_EQ(status_of(get("/healthz")), 503);
  held.clear();
  bool answered = false;
  for (int attempt = 0; attempt < 50 && !answered; ++attempt) {
    answered = status_of(get("/healthz")) == 200;
    if (!answered) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_TRUE(answered) << "closed connections were not released";
}

TEST_F(HostileClients, requests_whose_client_has_gone_are_not_run) {
  // The only search worker is held in a blocked write (a client that never reads the large
  // originals it asked for); meanwhile clients send a search each and leave. When the worker
  // comes free, their searches must not run: nobody would read them, and each would hold its
  // connection against the per-client cap (the load test's refusals between its stages).
  const std::string large(4 * 1024 * 1024, 'y');
  const std::string large_id = add_text_document("large.txt", large, "Văn bản lớn");
  ASSERT_FALSE(large_id.empty());
  options_.threads = 1;
  options_.write_timeout = std::chrono::minutes(10);
  start();
  auto blocker = std::make_unique<RawConnection>(port_);
  std::string requests;
  for (int i = 0; i < 8; ++i)
    requests += "GET /api/documents/" + large_id + "/original HTTP/1.1\r\nHost: x\r\n\r\n";
  ASSERT_TRUE(blocker->send(requests));
  ASSERT_TRUE(healthz_answers());  // the blocker's requests are in by now
  constexpr int kLeaving = 10;
  {
    std::vector<std::unique_ptr<RawConnection>> leaving;
    for (int i = 0; i < kLeaving; ++i) {
      leaving.push_back(std::make_unique<RawConnection>(port_));
      ASSERT_TRUE(leaving.back()->send("GET /api/search?q=d%C3%A2n HTTP/1.1\r\nHost: x\r\n\r\n"));
    }
    // Read whole and queued for the worker before they close (a request still being read when
    // its client leaves is dropped by the reading thread and never queued). The loop reads every
    // parked connection that is ready in the pass that reads a later one's request, so once a
    // later client is answered these are queued: a sync point, not a guess at the load.
    ASSERT_TRUE(healthz_answers());
  }
  blocker.reset();  // the blocked write fails and the worker comes back
  ASSERT_EQ(status_of(get("/api/search?q=d%C3%A2n")), 200);
  httplib::Client client("127.0.0.1", port_);
  const auto metrics = client.Get("/metrics");
  ASSERT_TRUE(metrics);
  EXPECT_NE(
      metrics->body.find("vanban_http_requests_total{route=\"/api/search\",status=\"200\"} 1\n"),
      std::string::npos)
      << "searches of clients that had gone were run:\n"
      << metrics->body;
  EXPECT_EQ(metrics->body.find("vanban_abandoned_requests_total 0\n"), std::string::npos)
      << metrics->body;
}

TEST_F(HostileClients, pipelined_requests_are_answered_in_order) {
  start();
  RawConnection client(port_);
  client.send(
      "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
      "GET /api/nothing HTTP/1.1\r\nHost: x\r\n\r\n"
      "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  const std::string answers = client.receive_all();
  const auto first = answers.find("HTTP/1.1 200");
  const auto second = answers.find("HTTP/1.1 404");
  const auto third = answers.find("HTTP/1.1 200", first + 1);
  ASSERT_NE(first, std::string::npos) << answers;
  ASSERT_NE(second, std::string::npos) << answers;
  ASSERT_NE(third, std::string::npos) << answers;
  EXPECT_LT(first, second);
  EXPECT_LT(second, third);
}

// A request httplib cannot read (an unknown method, a space in the target, bare LF lines, a
// version it does not speak, a request line over its 8 KB) gets its 400 or 414 and the
// connection closes: where that request ends is unknown, so nothing after it on the connection
// is run as a request (it would be if its framing were guessed), and the client is not left
// waiting for the keep-alive timeout.
TEST_F(HostileClients, a_request_that_cannot_be_read_is_answered_and_its_connection_closed) {
  start();
  const std::string next = "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  const std::vector<std::pair<std::string, int>> unreadable = {
      {"FOO /healthz HTTP/1.1\r\nHost: x\r\n\r\n", 400},
      {"GET /api/search?q=a b HTTP/1.1\r\nHost: x\r\n\r\n", 400},
      {"GET /healthz HTTP/1.1\nHost: x\n\n", 400},
      {"GET /healthz HTTP/9.9\r\nHost: x\r\n\r\n", 400},
      {"GET /api/search?q=" + std::string(9000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n", 414}};
  for (const auto& [request, status] : unreadable) {
    RawConnection client(port_);
    client.send(request + next);
    const std::string answers = client.receive_all();  // until the server closes
    EXPECT_EQ(status_of(answers), status) << request.substr(0, 40);
    EXPECT_EQ(answers.find("HTTP/1.1", 1), std::string::npos)
        << "the request after it was run: " << answers;
    EXPECT_NE(answers.find("\"error\""), std::string::npos) << answers;
  }
  EXPECT_EQ(status_of(get("/healthz")), 200);
}

TEST_F(HostileClients, healthz_reports_the_newest_commit_whichever_searcher_answers) {
  options_.threads = 4;
  options_.refresh_interval = std::chrono::hours(1);  // pooled searchers never refresh alone
  start();
  {
    std::vector<std::thread> clients;
    for (int i = 0; i < 8; ++i)
      clients.emplace_back([this] { healthz_answers(); });
    for (auto& client : clients)
      client.join();
  }
  ASSERT_FALSE(add_text_document("tb-2.txt", "thông báo thứ hai", "Thông báo thứ hai").empty());
  httplib::Client client("127.0.0.1", port_);
  for (int i = 0; i < 12; ++i) {
    const auto result = client.Get("/healthz");
    ASSERT_TRUE(result);
    EXPECT_NE(result->body.find("\"documents\":2"), std::string::npos) << result->body;
  }
}

TEST_F(HostileClients, a_second_server_on_a_busy_port_fails_clearly) {
  start();
  ServerOptions second = options_;
  second.port = port_;
  HttpServer other(second);
  const auto bound = other.bind();
  ASSERT_FALSE(bound.ok()) << "two servers listen on port " << port_;
  EXPECT_NE(bound.error().message.find("already in use"), std::string::npos)
      << bound.error().message;
}

}  // namespace
}  // namespace vanban::server
