// `vanban export`: the archive's metadata under the Decree 30/2020 Phụ lục VI names, as CSV,
// JSON Lines and edXML envelopes that `vanban index` reads back to the same fields.
#include <map>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "indexer_fixtures.hpp"
#include "vanban_run.hpp"

namespace vanban::indexer {
namespace {

namespace fs = std::filesystem;
using testing::quoted;
using testing::run_vanban;
using testing::TempDir;

std::vector<nlohmann::json> json_lines(const std::string& text) {
  std::vector<nlohmann::json> records;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);)
    records.push_back(nlohmann::json::parse(line));
  return records;
}

// The archive of the samples (12 documents of five formats) in `db`.
void index_samples(const fs::path& db) {
  ASSERT_EQ(run_vanban("index --db " + quoted(db) + " " + quoted(testing::source_dir() / "samples"))
                .exit_code,
            0);
}

std::vector<nlohmann::json> exported_records(const fs::path& db) {
  const testing::VanbanRun run = run_vanban("export --format jsonl --db " + quoted(db));
  EXPECT_EQ(run.exit_code, 0);
  return json_lines(run.out);
}

TEST(Export, json_lines_carry_the_annex_vi_names_with_the_number_split) {
  TempDir dir;
  index_samples(dir / "db");
  const std::vector<nlohmann::json> records = exported_records(dir / "db");
  ASSERT_EQ(records.size(), 12U);
  bool found = false;
  for (const nlohmann::json& record : records) {
    for (const char* key : {"DocumentId", "CodeNumber", "CodeNotation", "OrganName",
                            "PromulgationDate", "TypeName", "Subject", "SignerInfo", "ToPlaces"})
      EXPECT_TRUE(record.contains(key)) << key;
    if (record["CodeNotation"] == "KH-UBND" && record["CodeNumber"] == "32") {
      found = true;
      EXPECT_EQ(record["TypeName"], "Kế hoạch");
      EXPECT_EQ(record["PromulgationDate"], "2026-01-31");
      EXPECT_TRUE(record["SignerInfo"].contains("FullName"));
    }
  }
  EXPECT_TRUE(found) << "Kế hoạch 32/KH-UBND of the samples";
}

TEST(Export, csv_has_a_header_a_row_per_document_and_quotes_commas_and_quotes) {
  TempDir dir;
  testing::write_file(dir / "in" / "tb.txt", testing::fixture("thong-bao.txt"));
  testing::write_file(dir / "in" / "tb.txt.meta.json",
                      R"({"title": "Lịch tiếp dân, \"tháng 4\"", "number": "7/TB-UBND"})");
  ASSERT_EQ(run_vanban("index --db " + quoted(dir / "db") + " " + quoted(dir / "in")).exit_code, 0);
  const testing::VanbanRun run = run_vanban("export --db " + quoted(dir / "db"));
  ASSERT_EQ(run.exit_code, 0);
  ASSERT_TRUE(
      run.out.starts_with("\xEF\xBB\xBF"
                          "DocumentId,"));
  const auto header_end = run.out.find("\r\n");
  const std::string header = run.out.substr(3, header_end - 3);
  EXPECT_NE(header.find(",CodeNumber,CodeNotation,"), std::string::npos) << header;
  EXPECT_NE(header.find(",SignerInfo.FullName,"), std::string::npos) << header;
  const std::string row = run.out.substr(header_end + 2);
  EXPECT_NE(row.find(",7,TB-UBND,"), std::string::npos) << row;
  EXPECT_NE(row.find(R"("Lịch tiếp dân, ""tháng 4""")"), std::string::npos) << row;
  EXPECT_EQ(row.find("\r\n"), row.size() - 2) << "one record";
}

TEST(Export, edxml_envelopes_index_back_to_the_same_fields) {
  TempDir dir;
  index_samples(dir / "db");
  const testing::VanbanRun run = run_vanban("export --format edxml --db " + quoted(dir / "db") +
                                            " -o " + quoted(dir / "edxml"));
  ASSERT_EQ(run.exit_code, 0);

  std::map<std::string, nlohmann::json> by_id;
  for (nlohmann::json& record : exported_records(dir / "db")) {
    const std::string id = record["DocumentId"];
    by_id[id] = std::move(record);
  }
  std::size_t envelopes = 0;
  for (const auto& entry : fs::directory_iterator(dir / "edxml")) {
    ASSERT_EQ(entry.path().extension(), ".edxml") << entry.path();
    ++envelopes;
  }
  // Each document is either an envelope or a line saying which fields it lacks.
  std::size_t lacking = 0;
  std::istringstream lines(run.out);
  for (std::string line; std::getline(lines, line);)
    if (line.starts_with("THIẾU ")) ++lacking;
  EXPECT_EQ(envelopes + lacking, by_id.size());
  ASSERT_GE(envelopes, 8U);

  ASSERT_EQ(
      run_vanban("index --db " + quoted(dir / "back") + " " + quoted(dir / "edxml")).exit_code, 0);
  const std::vector<nlohmann::json> back = exported_records(dir / "back");
  ASSERT_EQ(back.size(), envelopes);
  for (const nlohmann::json& record : back) {
    const std::string source_id = fs::path(record["FileName"].get<std::string>()).stem();
    ASSERT_TRUE(by_id.contains(source_id)) << record["FileName"];
    const nlohmann::json& source = by_id[source_id];
    for (const char* key : {"OrganName", "CodeNumber", "CodeNotation", "Place", "PromulgationDate",
                            "TypeName", "Subject", "SignerInfo", "ToPlaces"})
      EXPECT_EQ(record[key], source[key]) << key << " of " << source_id;
  }
}

TEST(Export, a_document_without_a_number_is_listed_not_given_an_envelope) {
  TempDir dir;
  testing::write_file(dir / "in" / "ghi-chu.txt", "Ghi chú cuộc họp về công tác dân vận.\n");
  ASSERT_EQ(run_vanban("index --db " + quoted(dir / "db") + " " + quoted(dir / "in")).exit_code, 0);
  const testing::VanbanRun run = run_vanban("export --format edxml --db " + quoted(dir / "db") +
                                            " -o " + quoted(dir / "edxml"));
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_NE(run.out.find("THIẾU"), std::string::npos);
  EXPECT_NE(run.out.find("CodeNumber"), std::string::npos);
  EXPECT_TRUE(fs::is_empty(dir / "edxml"));
}

TEST(Export, a_missing_archive_fails_clearly) {
  TempDir dir;
  EXPECT_EQ(run_vanban("export --db " + quoted(dir / "typo")).exit_code, 1);
  EXPECT_EQ(run_vanban("export --format edxml --db " + quoted(dir / "typo")).exit_code, 2);
}

}  // namespace
}  // namespace vanban::indexer
