// `vanban extract FILE...`: a JSON array with one object per readable file ("path" plus the
// metadata model); exit status 1 when a file cannot be read, the others still printed.
#include <array>
#include <cstdio>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>

#include "vanban/analyzers/symbol.hpp"

#include "test_support.hpp"

namespace vanban::indexer {
namespace {

struct RunResult {
  int status = -1;
  std::string out;
};

RunResult run(const std::string& arguments) {
  const std::string command =
      testing::vanban_binary().string() + " extract " + arguments + " 2>/dev/null";
  RunResult result;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return result;
  std::array<char, 4096> buffer{};
  for (std::size_t n; (n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0;)
    result.out.append(buffer.data(), n);
  const int status = pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

constexpr const char* kPlan =
    "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HUẾ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\nSố: 32/KH-UBND\nHuế, ngày 31 tháng 01 năm 2026\n\n"
    "KẾ HOẠCH\nThực hiện công tác dân vận, dân chủ năm 2026\n\n"
    "Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về công tác dân vận, "
    "Ủy ban nhân dân thành phố ban hành Kế hoạch như sau./.\n";

TEST(ExtractCommand, prints_metadata_and_citations_of_each_file_as_json) {
  testing::TempDir dir;
  testing::write_file(dir / "kh-32.txt", kPlan);
  const RunResult result = run((dir / "kh-32.txt").string());
  ASSERT_EQ(result.status, 0) << result.out;
  const auto json = nlohmann::json::parse(result.out);
  ASSERT_TRUE(json.is_array());
  ASSERT_EQ(json.size(), 1u);
  EXPECT_EQ(json[0]["path"], (dir / "kh-32.txt").string());
  EXPECT_EQ(json[0]["type"], "Kế hoạch");
  EXPECT_EQ(json[0]["number"], "32/KH-UBND");
  EXPECT_EQ(json[0]["issuer"], "Ủy ban nhân dân thành phố Huế");
  EXPECT_EQ(json[0]["date"], "2026-01-31");
  ASSERT_EQ(json[0]["citations"].size(), 1u);
  EXPECT_EQ(json[0]["citations"][0]["number"], "33/CT-TTg");
}

// A path that is not UTF-8 is printed with U+FFFD; the file's metadata is still printed.
TEST(ExtractCommand, a_path_that_is_not_utf8_is_printed_with_a_replacement_character) {
  testing::TempDir dir;
  testing::write_file(dir / "kh\xE0.txt", kPlan);
  const RunResult result = run("'" + (dir / "kh\xE0.txt").string() + "'");
  ASSERT_EQ(result.status, 0) << result.out;
  const auto json = nlohmann::json::parse(result.out, nullptr, false);
  ASSERT_TRUE(json.is_array()) << result.out;
  ASSERT_EQ(json.size(), 1u);
  EXPECT_EQ(json[0]["filename"], "kh\uFFFD.txt");
  EXPECT_EQ(json[0]["number"], "32/KH-UBND");
}

TEST(ExtractCommand, unreadable_file_exits_one_and_keeps_the_others) {
  testing::TempDir dir;
  testing::write_file(dir / "kh-32.txt", kPlan);
  const RunResult result = run((dir / "missing.txt").string() + " " + (dir / "kh-32.txt").string());
  EXPECT_EQ(result.status, 1);
  const auto json = nlohmann::json::parse(result.out);
  ASSERT_EQ(json.size(), 1u);
  EXPECT_EQ(json[0]["number"], "32/KH-UBND");
}

TEST(ExtractCommand, sidecar_fields_override_extraction_as_index_stores_them) {
  testing::TempDir dir;
  testing::write_file(dir / "kh-32.txt", kPlan);
  testing::write_file(
      dir / "kh-32.meta.json",
      R"({"number": "35/KH-UBND", "signer": "Nguyễn Văn An", "date": "2026-02-02"})");
  const RunResult result = run((dir / "kh-32.txt").string());
  ASSERT_EQ(result.status, 0) << result.out;
  const auto json = nlohmann::json::parse(result.out);
  ASSERT_EQ(json.size(), 1u);
  EXPECT_EQ(json[0]["number"], "35/KH-UBND");
  // the key searches go by follows the sidecar's number, as in the index
  EXPECT_EQ(json[0]["number_key"], *analyzers::symbol_key("35/KH-UBND"));
  EXPECT_EQ(json[0]["signer"], "Nguyễn Văn An");
  EXPECT_EQ(json[0]["date"], "2026-02-02");
  // what the sidecar does not name is still extracted
  EXPECT_EQ(json[0]["type"], "Kế hoạch");
  EXPECT_EQ(json[0]["issuer"], "Ủy ban nhân dân thành phố Huế");
}

}  // namespace
}  // namespace vanban::indexer
