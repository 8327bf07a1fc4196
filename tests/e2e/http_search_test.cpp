// End to end over HTTP: an archive built with the real writer from fixture documents, the server
// started in-process on a free port, and every answer checked through httplib::Client.
#include <algorithm>
#include <chrono>
#include <map>
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
#include "vanban/server/params.hpp"
#include "vanban/server/responses.hpp"
#include "vanban/server/search_json.hpp"
#include "vanban/server/server.hpp"

#include "raw_http.hpp"
#include "served_http.hpp"
#include "test_support.hpp"

namespace vanban {
namespace {

using nlohmann::json;
using testing::TempDir;

constexpr const char* kHoaBinh = "Ủy ban nhân dân tỉnh Hòa Bình";
constexpr const char* kQuangTri = "Ủy ban nhân dân tỉnh Quảng Trị";
constexpr const char* kCultureDepartment = "Sở Văn hóa và Thể thao tỉnh Quảng Trị";

struct Fixture {
  std::string key;   // the test's name for it
  std::string path;  // source path
  std::string filename;
  archive::ArchivedDocument document;
};

Fixture fixture(std::string key, std::string type, std::string number, std::string issuer,
                std::string date, std::string title, std::string body,
                std::vector<std::string> cited_numbers = {}) {
  Fixture result;
  result.key = std::move(key);
  result.filename = type + " " + result.key + ".txt";
  result.path = "van-ban/" + result.filename;
  auto& metadata = result.document.metadata;
  metadata.type = type;
  metadata.number = number;
  metadata.number_key = analyzers::symbol_key(number);  // as the extractor gives it
  metadata.issuer = issuer;
  metadata.date = date;
  metadata.title = title;
  for (auto& cited : cited_numbers) {
    analyzers::Citation citation;
    citation.type = "Chỉ thị";
    citation.number = cited;
    citation.number_key = analyzers::symbol_key(cited);
    citation.text = "Chỉ thị số " + cited;
    metadata.citations.push_back(std::move(citation));
  }
  result.document.filename = result.filename;
  result.document.format = "txt";
  result.document.text = issuer + "\n" + "Số: " + number + "\n" + type + "\n" + title + "\n" + body;
  return result;
}

std::vector<Fixture> fixtures() {
  return {
      fixture("ct33", "Chỉ thị", "33/CT-TTg", "Thủ tướng Chính phủ", "2021-11-26",
              "Về tăng cường công tác vận động quần chúng",
              "Các cấp chính quyền thực hiện phong trào Dân vận khéo ở cơ sở."),
      fixture("kh32", "Kế hoạch", "32/KH-UBND", kHoaBinh, "2026-01-31",
              "Triển khai công tác chính quyền năm 2026",
              "Tăng cường công tác dân vận chính quyền theo Chỉ thị số 33/CT-TTg. "
              "Điều 1 <b>quan trọng</b> & rõ ràng.",
              {"33/CT-TTg"}),
      fixture("kh15", "Kế hoạch", "15/KH-UBND", kHoaBinh, "2025-03-10", "Tổ chức hội nghị tổng kết",
              "Nhân dân trong tỉnh tham gia đông đủ; các sở ngành bảo đảm vận hành hệ thống. "
              "Thực hiện Chỉ thị số 33/CT-TTg.",
              {"33/CT-TTg"}),
      // The one document without the syllable "dân" (in "nhân dân" elsewhere), but with "đàn".
      fixture("qd40", "Quyết định", "40/2025/QĐ-SVHTT", kCultureDepartment, "2025-07-01",
              "Ban hành quy chế quản lý nhà văn hóa",
              "Quy định về sử dụng đàn, trống, âm thanh tại nhà văn hóa; đàn bầu và đàn tranh."),
      fixture("cv120", "Công văn", "120/UBND-VX", kQuangTri, "2025-05-20",
              "Về phong trào thi đua yêu nước",
              "Đề nghị các xã quán triệt Chỉ thị số 33/CT-TTg của Thủ tướng.", {"33/CT-TTg"}),
      fixture("kh7", "Kế hoạch", "7/KH-UBND", kQuangTri, "2024-12-01", "Phòng chống thiên tai",
              "Chuẩn bị lực lượng, phương tiện ứng phó bão lũ."),
  };
}

class HttpSearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    {
      auto writer = archive::Archive(db_dir()).open_writer();
      ASSERT_TRUE(writer.ok()) << writer.error().message;
      for (const Fixture& item : fixtures())
        add(**writer, item);
      ASSERT_TRUE((*writer)->commit().ok());
    }
    server::ServerOptions options;
    options.db_dir = db_dir();
    options.web_dir = temp_ / "web";
    options.port = 0;
    options.threads = 2;
    options.access_log = false;
    options.refresh_interval = std::chrono::milliseconds(100);
    ASSERT_TRUE(http_.start(options).ok());
    port_ = http_.port();
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
    client_->set_read_timeout(30, 0);
  }

  void TearDown() override { EXPECT_TRUE(http_.stop().ok()); }

  std::filesystem::path db_dir() const { return temp_ / "db"; }

  void add(archive::ArchiveWriter& writer, const Fixture& item) {
    const std::string original = item.document.text;
    auto outcome = writer.put(item.path, original, item.document);
    ASSERT_TRUE(outcome.ok()) << outcome.error().message;
    const auto source = writer.source(item.path);
    ASSERT_TRUE(source.has_value());
    ids_[item.key] = source->document_id;
    keys_[source->document_id] = item.key;
  }

  json get_json(const std::string& path, int expected_status = 200) {
    auto result = client_->Get(path);
    EXPECT_TRUE(result) << path;
    if (!result) return {};
    EXPECT_EQ(result->status, expected_status) << path << ": " << result->body;
    EXPECT_EQ(result->get_header_value("Content-Type"), "application/json; charset=utf-8");
    auto body = json::parse(result->body, nullptr, false);
    EXPECT_FALSE(body.is_discarded()) << result->body;
    return body;
  }

  json search(const std::string& query_string) { return get_json("/api/search?" + query_string); }

  // The fixture keys of the hits, in order.
  std::vector<std::string> hit_keys(const json& response) {
    std::vector<std::string> keys;
    for (const auto& hit : response["hits"])
      keys.push_back(keys_[hit["id"].get<std::string>()]);
    return keys;
  }

  static std::map<std::string, std::uint64_t> facet(const json& response, const std::string& name) {
    std::map<std::string, std::uint64_t> counts;
    for (const auto& entry : response["facets"][name]) {
      counts[entry["value"].get<std::string>()] = entry["count"].get<std::uint64_t>();
    }
    return counts;
  }

  // An object's keys, in order (nlohmann's objects keep them sorted).
  static std::vector<std::string> keys_of(const json& object) {
    std::vector<std::string> keys;
    for (const auto& [key, value] : object.items())
      keys.push_back(key);
    return keys;
  }

  // Ids of a list holding either ids or objects with an "id".
  static std::vector<std::string> ids_in(const json& list) {
    std::vector<std::string> ids;
    for (const auto& item : list) {
      if (item.is_string()) ids.push_back(item.get<std::string>());
      if (item.is_object() && item.contains("id") && item["id"].is_string()) {
        ids.push_back(item["id"].get<std::string>());
      }
    }
    std::sort(ids.begin(), ids.end());
    return ids;
  }

  std::vector<std::string> sorted_ids(std::vector<std::string> keys) {
    std::vector<std::string> ids;
    for (const auto& key : keys)
      ids.push_back(ids_[key]);
    std::sort(ids.begin(), ids.end());
    return ids;
  }

  static std::string encode(const std::string& text) {
    return httplib::detail::encode_query_param(text);
  }

  TempDir temp_;
  std::map<std::string, std::string> ids_;   // fixture key → document id
  std::map<std::string, std::string> keys_;  // document id → fixture key
  testing::ServedHttp http_;
  int port_ = 0;
  std::unique_ptr<httplib::Client> client_;
};

// The search's behaviour is tested once, on the library (tests/archive/search_*_test.cpp); here
// one body asks the same requests both ways, as xapian-core runs one test against every
// backend: through HTTP, and straight through the library (the URL's parameters parsed as the
// route parses them, the archive's Searcher, the API's JSON). The answers must be identical,
// errors included, for every parameter the API takes.
TEST_F(HttpSearchTest, http_answers_exactly_what_the_library_answers) {
  auto searcher = archive::Archive(db_dir()).open_searcher();
  ASSERT_TRUE(searcher.ok()) << searcher.error().message;
  const auto library = [&](const std::string& query_string) -> std::pair<int, json> {
    server::QueryParams params;
    httplib::detail::parse_query_text(query_string, params);
    auto parsed = server::parse_search_params(params);
    if (!parsed.ok())
      return {server::http_status(parsed.error().kind),
              {{"error", server::user_message(parsed.error())}}};
    auto found = (*searcher)->search(*parsed);
    if (!found.ok())
      return {server::http_status(found.error().kind),
              {{"error", server::user_message(found.error())}}};
    return {200, server::to_json(*found)};
  };
  const auto through_http = [&](const std::string& query_string) -> std::pair<int, json> {
    auto result = client_->Get("/api/search?" + query_string);
    if (!result) return {0, {}};
    return {result->status, json::parse(result->body, nullptr, false)};
  };
  const std::vector<std::string> requests = {
      "q=dan+van+kheo",
      "q=" + encode("dân"),
      "q=" + encode("dân vận") + "&size=2&page=2",
      "q=" + encode("33/ct-ttg"),
      "q=" + encode("\"công tác\" -phòng"),
      "q=" + encode("quan trọng"),
      "q=" + encode("cq:\"Hòa Bình\" loai:kh"),
      "q=" + encode("trich:33/CT-TTg nam:2025"),
      "q=" + encode("thi đua") + "&in=title",
      "type=" + encode("Kế hoạch") + "&issuer=" + encode(kHoaBinh),
      "type=" + encode("Quyết định") + "&type=" + encode("Công văn"),
      "cites=" + encode("33/CT-TTg") + "&year=2025",
      "number=" + encode("33/CT-TTg"),
      "from=2025-01-01&to=2025-12-31&sort=oldest",
      "from=01/01/2025&sort=newest",
      "sort=newest&size=4&page=1",
      "sort=newest&size=4&page=3",
      "size=100000",
      "q=" + encode("dân vận khéo hội nghị tổng kết thiên tai"),
      "q=" + encode("phonng trào"),  // a typo: `corrections` and `suggestion`
      // Refused alike: bad syntax, bad parameters.
      "q=" + encode("\"dân vận"),
      "page=abc",
      "size=0",
      "to=2025-02-30",
      "sort=hot",
      "year=hai",
  };
  for (const std::string& request : requests) {
    SCOPED_TRACE(request);
    auto [library_status, library_body] = library(request);
    auto [http_status, http_body] = through_http(request);
    ASSERT_EQ(http_status, library_status) << http_body.dump();
    if (http_body.is_object() && http_body.contains("took_ms")) http_body["took_ms"] = 0;
    if (library_body.contains("took_ms")) library_body["took_ms"] = 0;
    EXPECT_EQ(http_body, library_body);
    if (http_status == 200) {
      EXPECT_FALSE(http_body["facets"].empty());
    }
  }
  // The shape of a typo's correction (its behaviour: tests/archive/search_spelling_test.cpp).
  const json typo = through_http("q=" + encode("phonng trào")).second;
  ASSERT_EQ(typo["corrections"].size(), 1U) << typo.dump();
  EXPECT_EQ(typo["corrections"][0], (json{{"typed", "phonng"}, {"suggested", "phong"}}));
  EXPECT_EQ(typo["suggestion"], "phong trào");
}

TEST_F(HttpSearchTest, document_lists_its_resolved_citations_and_cited_by) {
  const auto cited = get_json("/api/documents/" + ids_["ct33"]);
  EXPECT_EQ(cited["id"], ids_["ct33"]);
  EXPECT_EQ(cited["number"], "33/CT-TTg");
  EXPECT_FALSE(cited["text"].get<std::string>().empty());
  EXPECT_EQ(ids_in(cited["cited_by"]), sorted_ids({"kh32", "kh15", "cv120"}));

  // text=0: the same page without its text (what the relation drawing fetches per neighbour).
  const auto without_text = get_json("/api/documents/" + ids_["ct33"] + "?text=0");
  EXPECT_FALSE(without_text.contains("text"));
  EXPECT_EQ(ids_in(without_text["cited_by"]), sorted_ids({"kh32", "kh15", "cv120"}));

  const auto citing = get_json("/api/documents/" + ids_["kh32"]);
  ASSERT_EQ(citing["citations"].size(), 1u);
  EXPECT_EQ(citing["citations"][0]["id"], ids_["ct33"]);
  // The shapes the UI reads: a citation's own fields plus its resolved id (no "candidates"
  // when it resolved); a listed document as a summary.
  EXPECT_EQ(keys_of(citing["citations"][0]),
            (std::vector<std::string>{"date", "id", "issuer", "number", "number_key", "relations",
                                      "text", "title", "type"}));
  ASSERT_FALSE(cited["cited_by"].empty());
  EXPECT_EQ(keys_of(cited["cited_by"][0]),
            (std::vector<std::string>{"date", "id", "issuer", "number", "title", "type"}));
}

TEST_F(HttpSearchTest, instruments_lists_the_document_and_who_cites_it) {
  const auto response = get_json("/api/instruments?number=" + encode("33/ct-ttg"));
  EXPECT_EQ(response["number_key"], "33/ct-ttg");
  EXPECT_EQ(ids_in(response["documents"]), sorted_ids({"ct33"}));
  EXPECT_EQ(ids_in(response["cited_by"]), sorted_ids({"kh32", "kh15", "cv120"}));
}

TEST_F(HttpSearchTest, bad_syntax_and_bad_parameters_are_400_in_vietnamese) {
  for (const std::string& path :
       {"/api/search?q=" + encode("\"dân vận"), std::string("/api/search?page=abc"),
        std::string("/api/search?size=0"), std::string("/api/search?to=2025-02-30"),
        std::string("/api/search?sort=hot")}) {
    const auto body = get_json(path, 400);
    ASSERT_TRUE(body.contains("error")) << path;
    EXPECT_FALSE(body["error"].get<std::string>().empty());
  }
}

TEST_F(HttpSearchTest, unknown_ids_are_404) {
  EXPECT_TRUE(get_json("/api/documents/0000000000000000", 404).contains("error"));
  EXPECT_TRUE(get_json("/api/documents/0000000000000000/original", 404).contains("error"));
}

TEST_F(HttpSearchTest, original_download_keeps_bytes_type_and_vietnamese_name) {
  const auto item = fixtures()[1];  // "Kế hoạch kh32.txt"
  auto result = client_->Get("/api/documents/" + ids_["kh32"] + "/original");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  EXPECT_EQ(result->body, item.document.text);
  EXPECT_EQ(result->get_header_value("Content-Type"), "text/plain; charset=utf-8");
  // httplib's client decodes header values, so the header is read off the wire.
  const std::string raw = testing::raw_exchange(
      port_, "GET /api/documents/" + ids_["kh32"] +
                 "/original HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_NE(raw.find("Content-Disposition: inline; filename=\"K_ ho_ch kh32.txt\"; "
                     "filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%20kh32.txt\r\n"),
            std::string::npos)
      << raw.substr(0, raw.find("\r\n\r\n"));
}

// A scan's image is shown by the browser beside its OCR text: its own type, inline.
TEST_F(HttpSearchTest, scanned_image_original_is_served_inline_as_an_image) {
  Fixture item = fixture("png7", "Thông báo", "7/TB-UBND", kHoaBinh, "2026-03-07", "Lịch họp",
                         "Nội dung thông báo.");
  item.document.format = "png";
  item.document.filename = "quet.png";
  const std::string bytes = std::string("\x89PNG\r\n\x1a\n", 8) + std::string(4096, '\0');
  {
    auto writer = archive::Archive(db_dir()).open_writer();
    ASSERT_TRUE(writer.ok()) << writer.error().message;
    ASSERT_TRUE((*writer)->put(item.path, bytes, item.document).ok());
    ASSERT_TRUE((*writer)->commit().ok());
    ids_["png7"] = (*writer)->source(item.path)->document_id;
  }
  const std::string raw = testing::raw_exchange(
      port_, "GET /api/documents/" + ids_["png7"] +
                 "/original HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  const std::string head = raw.substr(0, raw.find("\r\n\r\n"));
  EXPECT_NE(head.find("Content-Type: image/png\r\n"), std::string::npos) << head;
  EXPECT_NE(head.find("Content-Disposition: inline; filename=\"quet.png\""), std::string::npos)
      << head;
}

TEST_F(HttpSearchTest, binary_original_streams_whole_and_by_range) {
  Fixture item = fixture("pdf5", "Báo cáo", "5/BC-UBND", kHoaBinh, "2026-03-03", "Tổng kết",
                         "Nội dung báo cáo.");
  item.document.format = "pdf";
  item.document.filename = "Báo cáo 5.pdf";
  std::string bytes = "%PDF-1.4\n";
  for (int i = 0; i < 200000; ++i)
    bytes += static_cast<char>(i % 256);  // NULs and high bytes
  {
    auto writer = archive::Archive(db_dir()).open_writer();
    ASSERT_TRUE(writer.ok()) << writer.error().message;
    ASSERT_TRUE((*writer)->put(item.path, bytes, item.document).ok());
    ASSERT_TRUE((*writer)->commit().ok());
    ids_["pdf5"] = (*writer)->source(item.path)->document_id;
  }
  const std::string path = "/api/documents/" + ids_["pdf5"] + "/original";
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  auto result = client_->Get(path);
  while (!(result && result->status == 200) && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    result = client_->Get(path);
  }
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200);
  EXPECT_EQ(result->get_header_value("Content-Type"), "application/pdf");
  EXPECT_EQ(result->body.size(), bytes.size());
  EXPECT_TRUE(result->body == bytes);

  auto range = client_->Get(path, {{"Range", "bytes=0-7"}});
  ASSERT_TRUE(range);
  EXPECT_EQ(range->status, 206);
  EXPECT_EQ(range->body, "%PDF-1.4");

  auto again = client_->Get(path, {{"If-None-Match", result->get_header_value("ETag")}});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
}

TEST_F(HttpSearchTest, healthz_and_metrics_report_the_archive) {
  const auto health = get_json("/healthz");
  EXPECT_EQ(health["status"], "ok");
  EXPECT_EQ(health["documents"], 6);
  search("q=dan");
  auto metrics = client_->Get("/metrics");
  ASSERT_TRUE(metrics);
  EXPECT_NE(metrics->body.find("\nvanban_documents 6\n"), std::string::npos) << metrics->body;
  EXPECT_NE(metrics->body.find("vanban_http_requests_total{route=\"/api/search\",status=\"200\"}"),
            std::string::npos);
  EXPECT_NE(metrics->body.find("vanban_index_revision"), std::string::npos);
}

TEST_F(HttpSearchTest, document_indexed_while_serving_becomes_visible) {
  const std::string query = "q=" + encode("thuyền rồng");
  EXPECT_EQ(search(query)["total"], 0);
  {
    auto writer = archive::Archive(db_dir()).open_writer();
    ASSERT_TRUE(writer.ok()) << writer.error().message;
    add(**writer, fixture("tb9", "Thông báo", "9/TB-UBND", kHoaBinh, "2026-02-02",
                          "Lễ hội đua thuyền rồng", "Tổ chức đua thuyền rồng trên sông."));
    ASSERT_TRUE((*writer)->commit().ok());
  }
  // Poll; the only bound is a generous timeout, not a speed requirement.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  json response;
  do {
    response = search(query);
    if (response["total"] == 1) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  } while (std::chrono::steady_clock::now() < deadline);
  ASSERT_EQ(response["total"], 1);
  EXPECT_EQ(hit_keys(response).front(), "tb9");
  EXPECT_EQ(get_json("/healthz")["documents"], 7);
}

TEST_F(HttpSearchTest, validity_and_relations_filter_and_show_on_every_hit) {
  {
    auto writer = archive::Archive(db_dir()).open_writer();
    ASSERT_TRUE(writer.ok()) << writer.error().message;
    Fixture old = fixture("qd5", "Quyết định", "5/2024/QĐ-UBND", kHoaBinh, "2024-01-10",
                          "Quy chế quản lý chợ", "Quy chế quản lý chợ trên địa bàn tỉnh.");
    old.document.metadata.effective = analyzers::StatedDate{"2024-01-20", "có hiệu lực từ ..."};
    Fixture repealing = fixture("qd12", "Quyết định", "12/2025/QĐ-UBND", kHoaBinh, "2025-02-14",
                                "Bãi bỏ quy chế quản lý chợ",
                                "Bãi bỏ Quyết định số 5/2024/QĐ-UBND.", {"5/2024/QĐ-UBND"});
    repealing.document.metadata.effective = analyzers::StatedDate{"2025-03-01", "có hiệu lực ..."};
    repealing.document.metadata.citations[0].relations.push_back(
        {analyzers::kRelationRepeals, std::nullopt, std::nullopt, "Bãi bỏ Quyết định số ..."});
    add(**writer, old);
    add(**writer, repealing);
    ASSERT_TRUE((*writer)->commit().ok());
  }
  const std::string query = "q=" + encode("chợ");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  json response;
  do {
    response = search(query);
    if (response["total"] == 2) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  } while (std::chrono::steady_clock::now() < deadline);
  ASSERT_EQ(response["total"], 2);
  std::map<std::string, std::string> status;
  for (const auto& hit : response["hits"])
    status[keys_[hit["id"].get<std::string>()]] = hit["validity"].get<std::string>();
  EXPECT_EQ(status["qd5"], "Hết hiệu lực toàn bộ");
  EXPECT_EQ(status["qd12"], "Còn hiệu lực");
  EXPECT_EQ(facet(response, "validity"), (std::map<std::string, std::uint64_t>{
                                             {"Còn hiệu lực", 1}, {"Hết hiệu lực toàn bộ", 1}}));
  // Every hit of any search carries a status; the fixtures without dates have none known.
  const auto all = search("size=100");  // the loop below must not outlive its json
  for (const auto& hit : all["hits"])
    EXPECT_FALSE(hit["validity"].get<std::string>().empty());

  EXPECT_EQ(hit_keys(search("validity=" + encode("Hết hiệu lực toàn bộ"))),
            std::vector<std::string>{"qd5"});
  EXPECT_EQ(hit_keys(search("q=" + encode("hieu luc:con cho"))), std::vector<std::string>{"qd12"});
  EXPECT_EQ(hit_keys(search("repeals=" + encode("5/2024/QĐ-UBND"))),
            std::vector<std::string>{"qd12"});
  EXPECT_EQ(hit_keys(search("q=" + encode("baibo:5/2024/QD-UBND"))),
            std::vector<std::string>{"qd12"});
  EXPECT_TRUE(search("amends=" + encode("5/2024/QĐ-UBND"))["hits"].empty());
  const auto bad = get_json("/api/search?validity=" + encode("tạm ngưng"), 400);
  EXPECT_NE(bad["error"].get<std::string>().find("Tình trạng hiệu lực"), std::string::npos);

  // A document's status as of another day, typed either way; a bad day is a 400.
  std::string old_id;
  for (const auto& [id, key] : keys_)
    if (key == "qd5") old_id = id;
  const std::string page = "/api/documents/" + old_id;
  const auto before = get_json(page + "?as_of=" + encode("28/02/2025"));
  EXPECT_EQ(before["validity"]["status"], "Còn hiệu lực");
  EXPECT_EQ(before["validity"]["as_of"], "2025-02-28");
  EXPECT_EQ(get_json(page + "?as_of=2025-03-01")["validity"]["status"], "Hết hiệu lực toàn bộ");
  EXPECT_EQ(get_json(page + "?as_of=2024-01-19")["validity"]["status"], "Chưa có hiệu lực");
  const auto bad_day = get_json(page + "?as_of=2025-02-30", 400);
  EXPECT_NE(bad_day["error"].get<std::string>().find("as_of"), std::string::npos);
}

TEST_F(HttpSearchTest, a_bad_date_names_the_forms_accepted_and_day_first_is_one) {
  const auto bad = get_json("/api/search?from=2025-13-01", 400);
  EXPECT_NE(bad["error"].get<std::string>().find("dd/mm/yyyy"), std::string::npos);
  EXPECT_EQ(hit_keys(search("from=01/01/2025&to=31/12/2025&sort=oldest")),
            hit_keys(search("from=2025-01-01&to=2025-12-31&sort=oldest")));
}

TEST_F(HttpSearchTest, a_number_the_archive_lacks_is_said_and_facets_count_what_is_unknown) {
  const auto missing = search("q=" + encode("99/CT-TTg"));
  ASSERT_EQ(missing["missing_numbers"].size(), 1u);
  EXPECT_EQ(missing["missing_numbers"][0]["number"], "99/CT-TTg");
  EXPECT_EQ(missing["missing_numbers"][0]["cited_by"], 0);
  EXPECT_TRUE(search("q=" + encode("33/CT-TTg"))["missing_numbers"].empty());  // archived
  // No fixture names its signer: all six are in the signer facet's "Không rõ" bucket.
  const auto all = search("size=100");
  EXPECT_EQ(facet(all, "signer"), (std::map<std::string, std::uint64_t>{{"Không rõ", 6}}));
  EXPECT_EQ(search("signer=" + encode("Không rõ"))["total"], 6);
  EXPECT_EQ(search("signer=" + encode("Nguyễn Văn An"))["total"], 0);
}

TEST(HttpSearchOnEmptyArchive, first_index_after_start_is_served_without_restart) {
  TempDir temp;
  server::ServerOptions options;
  options.db_dir = temp / "db";  // does not exist yet
  options.web_dir = temp / "web";
  options.port = 0;
  options.threads = 2;
  options.access_log = false;
  options.refresh_interval = std::chrono::milliseconds(100);
  server::HttpServer http_server(options);
  auto port = http_server.bind();
  ASSERT_TRUE(port.ok());
  Status served;
  std::thread thread([&] { served = http_server.run(); });
  httplib::Client client("127.0.0.1", *port);

  auto empty = client.Get("/api/search?q=bao");
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->status, 200);
  EXPECT_EQ(json::parse(empty->body)["total"], 0);
  {
    auto writer = archive::Archive(options.db_dir).open_writer();
    ASSERT_TRUE(writer.ok()) << writer.error().message;
    const Fixture item = fixtures().back();
    ASSERT_TRUE((*writer)->put(item.path, item.document.text, item.document).ok());
    ASSERT_TRUE((*writer)->commit().ok());
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  int total = 0;
  while (total == 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    auto result = client.Get("/api/search?q=bao");
    if (result && result->status == 200) total = json::parse(result->body)["total"].get<int>();
  }
  EXPECT_EQ(total, 1);
  http_server.stop();
  thread.join();
  EXPECT_TRUE(served.ok());
}

}  // namespace
}  // namespace vanban
