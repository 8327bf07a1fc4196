// The writer on real documents (../shared/corpus): NUL bytes, long laws, odd headers.
#include <algorithm>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "vanban/analyzers/normalize.hpp"
#include "vanban/analyzers/structure.hpp"
#include "vanban/archive/archive.hpp"
#include "vanban/archive/check.hpp"
#include "vanban/archive/writer.hpp"

#include "archive_fixtures.hpp"
#include "blob_store.hpp"
#include "schema.hpp"
#include "stored_text.hpp"
#include "test_support.hpp"

namespace vanban::archive {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

// The seeds and every 10th gazette text: a spread of issuers, years and sizes.
std::vector<fs::path> corpus_sample() {
  std::vector<fs::path> files;
  for (const char* folder : {"seeds", "real/congbao-8chude/docs"}) {
    const fs::path root = testing::corpus_dir() / folder;
    if (!fs::is_directory(root)) continue;
    std::vector<fs::path> found;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      if (entry.is_regular_file() && entry.path().extension() == ".txt")
        found.push_back(entry.path());
    }
    std::sort(found.begin(), found.end());
    for (std::size_t index = 0; index < found.size(); index += folder[0] == 's' ? 1 : 10) {
      files.push_back(found[index]);
    }
  }
  return files;
}

ArchivedDocument analyzed(const std::string& bytes, const fs::path& file) {
  ArchivedDocument document;
  document.format = "txt";
  document.filename = file.filename().string();
  document.text = analyzers::decode_text(bytes).text;
  document.metadata = analyzers::extract_metadata(document.text);
  return document;
}

TEST(ArchiveCorpus, real_documents_index_check_and_reindex_without_change) {
  const std::vector<fs::path> files = corpus_sample();
  if (files.empty()) GTEST_SKIP() << "no corpus at " << testing::corpus_dir();
  TempDir dir;
  std::vector<std::string> distinct;
  {
    auto writer = Archive(dir.path()).open_writer(WriterOptions{16});
    ASSERT_TRUE(writer.ok()) << writer.error().message;
    for (const fs::path& file : files) {
      const std::string bytes = testing::read_file(file);
      const Result<PutOutcome> outcome = (*writer)->put(
          file.lexically_relative(testing::corpus_dir()).string(), bytes, analyzed(bytes, file));
      ASSERT_TRUE(outcome.ok()) << file << ": " << outcome.error().message;
      distinct.push_back(sha256_hex(bytes));
    }
    ASSERT_TRUE((*writer)->commit().ok());
  }
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());

  const Result<CheckReport> report = Archive(dir.path()).check();
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->documents, distinct.size());
  EXPECT_TRUE(report->problems.empty());

  // The stored text is the analyzed text, byte for byte (NUL bytes included).
  const Xapian::Database database = testing::open_reader(dir.path());
  for (const fs::path& file : files) {
    const std::string bytes = testing::read_file(file);
    const std::string id_term = schema::term(schema::kId, sha256_hex(bytes).substr(0, 16));
    ASSERT_NE(database.postlist_begin(id_term), database.postlist_end(id_term)) << file;
    const nlohmann::json data =
        archive::to_json(*archive::read_document(
                             dir.path(), database.get_document(*database.postlist_begin(id_term))),
                         /*with_text=*/true);
    EXPECT_EQ(data["text"], analyzed(bytes, file).text) << file;
  }

  const Xapian::rev revision = database.get_revision();
  {
    auto writer = Archive(dir.path()).open_writer();
    ASSERT_TRUE(writer.ok());
    for (const fs::path& file : files) {
      const std::string bytes = testing::read_file(file);
      const Result<PutOutcome> outcome = (*writer)->put(
          file.lexically_relative(testing::corpus_dir()).string(), bytes, analyzed(bytes, file));
      ASSERT_TRUE(outcome.ok());
      EXPECT_EQ(*outcome, PutOutcome::unchanged) << file;
    }
    ASSERT_TRUE((*writer)->commit().ok());
  }
  EXPECT_EQ(testing::open_reader(dir.path()).get_revision(), revision);
}

}  // namespace
}  // namespace vanban::archive
