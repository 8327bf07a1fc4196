// `vanban search`: one line per hit and the total, or the API's JSON; exit 2 on a bad query.
#include <array>
#include <cstdio>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "search_fixtures.hpp"

namespace vanban::testing {
namespace {

struct CliRun {
  int status = -1;
  std::string output;
};

CliRun vanban(const std::string& arguments) {
  CliRun run;
  const std::string command = vanban_binary().string() + " " + arguments + " 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  std::array<char, 4096> buffer{};
  std::size_t read = 0;
  while ((read = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    run.output.append(buffer.data(), read);
  const int status = ::pclose(pipe);
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

TEST(SearchCli, prints_one_line_per_hit_and_the_total) {
  SearchArchive archive{
      {.name = "plan", .number = "32/KH-UBND", .date = "2026-01-31", .title = "Công tác dân vận"},
      {.name = "other", .number = "5/KH-UBND", .title = "Phòng cháy"},
  };
  const CliRun run = vanban("search --db '" + archive.path().string() + "' +dan +van");
  EXPECT_EQ(run.status, 0) << run.output;
  EXPECT_NE(run.output.find("32/KH-UBND\t2026-01-31\tCông tác dân vận\n"), std::string::npos)
      << run.output;
  EXPECT_EQ(run.output.find("Phòng cháy"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("1 văn bản"), std::string::npos) << run.output;
}

TEST(SearchCli, json_is_the_api_answer_with_filters_applied) {
  SearchArchive archive{
      {.name = "a", .number = "1/KH-UBND", .date = "2025-01-02", .title = "Dân vận một"},
      {.name = "b", .number = "2/KH-UBND", .date = "2026-01-02", .title = "Dân vận hai"},
  };
  const CliRun run = vanban("search --db '" + archive.path().string() +
                            "' --json --year 2026 --sort newest 'dân vận'");
  ASSERT_EQ(run.status, 0) << run.output;
  const auto json = nlohmann::json::parse(run.output);
  EXPECT_EQ(json["total"], 1);
  EXPECT_EQ(json["hits"][0]["number"], "2/KH-UBND");
  EXPECT_NE(json["hits"][0]["snippet"].get<std::string>().find("<mark>"), std::string::npos);
  EXPECT_EQ(json["facets"]["year"].size(), 2u);  // the year facet ignores its own filter
}

TEST(SearchCli, json_survives_invalid_utf8_in_stored_text) {
  SearchArchive archive{{.name = "bad-bytes",
                         .number = "3/KH-UBND",
                         .title = "Dân vận \xC3\x28 lỗi mã",
                         .body = "Công tác dân vận \xFF\xFE năm 2026 \xE1\xBA."}};
  const CliRun run = vanban("search --db '" + archive.path().string() + "' --json 'dân vận'");
  ASSERT_EQ(run.status, 0) << run.output;
  const auto json = nlohmann::json::parse(run.output);
  ASSERT_EQ(json["total"], 1);
  EXPECT_NE(json["hits"][0]["snippet"].get<std::string>().find("<mark>"), std::string::npos);
}

TEST(SearchCli, bad_query_exits_2_with_a_vietnamese_message) {
  SearchArchive archive{{.name = "a", .title = "Dân vận"}};
  const CliRun run = vanban("search --db '" + archive.path().string() + "' 'ngay:2025-13-40'");
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.output.find("Khoảng ngày không hợp lệ"), std::string::npos) << run.output;
}

TEST(SearchCli, a_missing_archive_is_reported_not_searched) {
  TempDir temp;
  const CliRun run = vanban("search --db '" + (temp / "typo").string() + "' 'dân vận'");
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.output.find("Không có kho văn bản"), std::string::npos) << run.output;
}

}  // namespace
}  // namespace vanban::testing
