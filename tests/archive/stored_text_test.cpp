// Texts stored apart (stored_text.hpp, archive/SCHEMA.md "Stored text"): a new document's text
// is compressed into <db>/texts and its Xapian data holds the metadata alone; the read side
// gives the same text, snippets and document page; archives indexed before (text in the data)
// read as they did, alone or mixed with new documents, and --reindex moves their texts out; a
// text goes only after the commit that dropped its last document; a searcher on an older
// revision reads the newer one; check and backup cover the texts.
#include "stored_text.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include "vanban/archive/analysis_version.hpp"
#include "vanban/archive/archive.hpp"
#include "vanban/archive/writer.hpp"

#include "archive_fixtures.hpp"
#include "blob_store.hpp"
#include "disk_layout.hpp"
#include "document_builder.hpp"
#include "schema.hpp"
#include "test_support.hpp"

namespace vanban::archive {
namespace {

namespace fs = std::filesystem;
using testing::plan_bytes;
using testing::plan_document;
using testing::TempDir;

constexpr std::string_view kPhrase = "Phong trào Dân vận khéo được nhân rộng";

ArchivedDocument long_plan(const std::string& number, const std::string& body) {
  ArchivedDocument document = plan_document(number, "Kế hoạch dân vận");
  for (int i = 0; i < 40; ++i)
    document.text += "\nCác cơ quan, đơn vị triển khai nhiệm vụ số " + std::to_string(i) + ".";
  document.text += "\n" + body + ".\n";
  return document;
}

Status put(ArchiveWriter& writer, const std::string& path, const std::string& bytes,
           const ArchivedDocument& document) {
  const Result<PutOutcome> outcome = writer.put(path, bytes, document);
  return outcome.ok() ? Status::success() : Status(outcome.error());
}

Xapian::Document stored(const fs::path& db, const std::string& id) {
  const Xapian::Database database = testing::open_reader(db);
  const std::string term = schema::term(schema::kId, id);
  const auto it = database.postlist_begin(term);
  EXPECT_NE(it, database.postlist_end(term)) << id;
  return database.get_document(*it);
}

std::string first_snippet(Searcher& searcher, const std::string& query) {
  SearchRequest request;
  request.query = query;
  const auto response = searcher.search(request);
  EXPECT_TRUE(response.ok()) << response.error().message;
  if (!response.ok() || response->hits.empty()) return {};
  return response->hits.front().snippet;
}

std::uint64_t stored_texts(const fs::path& db) {
  return BlobStore(texts_dir(db)).list()->size();
}

TEST(StoredText, compresses_and_inflates_back_byte_for_byte) {
  const std::string text = "Điều 1. Phê duyệt Kế hoạch.\n" + std::string(5000, 'a') + "\nHết.";
  const std::optional<CompressedText> compressed = compress_text(text);
  ASSERT_TRUE(compressed);
  EXPECT_EQ(compressed->text_size, text.size());
  const Original* blob = &compressed->blob;
  EXPECT_LT(blob->size(), text.size() / 10);
  EXPECT_EQ(blob->sha256(), sha256_hex(blob->bytes()));
  EXPECT_EQ(*inflate_text(blob->bytes()), text);
  // Larger than five times its compressed form: the buffer grows.
  const std::string repetitive(1 << 20, 'x');
  EXPECT_EQ(*inflate_text(compress_text(repetitive)->blob.bytes()), repetitive);
  // Nothing to store for an empty text; invalid UTF-8 replaced, as the data replaces it.
  EXPECT_FALSE(compress_text(""));
  EXPECT_EQ(*inflate_text(compress_text("a\xff"
                                        "b")
                              ->blob.bytes()),
            "a\xEF\xBF\xBD"
            "b");
  // A stream cut short or not zlib at all is an error, never a partial text.
  const std::string& bytes = blob->bytes();
  EXPECT_FALSE(inflate_text(bytes.substr(0, bytes.size() / 2)).ok());
  EXPECT_FALSE(inflate_text("không phải zlib").ok());
  EXPECT_FALSE(inflate_text(bytes + "thừa").ok());
}

// A prefix inflates as far as asked and no further; asked for the whole or more, it is the
// whole text, its stream checked to the end.
TEST(StoredText, a_prefix_is_the_texts_first_bytes) {
  std::string text;
  for (int i = 0; i < 4000; ++i)
    text += "Điều " + std::to_string(i) + ". Các cơ quan triển khai nhiệm vụ được giao.\n";
  const std::string blob = compress_text(text)->blob.bytes();
  for (const std::size_t bytes : {std::size_t{0}, std::size_t{1}, std::size_t{7},
                                  std::size_t{65536}, blob.size() * 5 + 65, text.size() - 1}) {
    const Result<TextPrefix> prefix = inflate_text_prefix(blob, bytes);
    ASSERT_TRUE(prefix.ok()) << bytes;
    EXPECT_EQ(prefix->text, text.substr(0, bytes)) << bytes;
    EXPECT_FALSE(prefix->whole) << bytes;
  }
  for (const std::size_t bytes : {text.size(), text.size() + 1, std::size_t{1} << 40}) {
    const Result<TextPrefix> prefix = inflate_text_prefix(blob, bytes);
    ASSERT_TRUE(prefix.ok()) << bytes;
    EXPECT_EQ(prefix->text, text) << bytes;
    EXPECT_TRUE(prefix->whole) << bytes;
  }
  // Damage before the prefix's end is an error; after it, unseen until the text is read whole.
  const std::string cut = blob.substr(0, blob.size() / 2);
  EXPECT_FALSE(inflate_text_prefix(cut, text.size()).ok());
  EXPECT_EQ(inflate_text_prefix(cut, 100)->text, text.substr(0, 100));
  EXPECT_FALSE(inflate_text_prefix("không phải zlib", 10).ok());
}

TEST(StoredText, a_new_document_keeps_its_text_out_of_the_index_and_reads_the_same) {
  TempDir dir;
  const ArchivedDocument document = long_plan("5/KH-UBND", std::string(kPhrase));
  {
    auto writer = std::move(Archive(dir.path()).open_writer()).value();
    ASSERT_TRUE(put(*writer, "kh-5.txt", plan_bytes("5/KH-UBND", "x"), document).ok());
    ASSERT_TRUE(writer->close().ok());
  }
  const std::string id = sha256_hex(plan_bytes("5/KH-UBND", "x")).substr(0, 16);
  const Xapian::Document entry = stored(dir.path(), id);
  // The data is the JSON and its NUL, nothing after; the slot and term name the stored text.
  EXPECT_EQ(entry.get_data().back(), '\0');
  EXPECT_EQ(entry.get_data().find('\0'), entry.get_data().size() - 1);
  const std::string reference = entry.get_value(schema::kTextSlot);
  ASSERT_EQ(reference.size(), 64U);
  EXPECT_TRUE(
      testing::open_reader(dir.path()).term_exists(schema::term(schema::kTextBlob, reference)));
  const std::string blob = testing::read_file(BlobStore(texts_dir(dir.path())).path_of(reference));
  EXPECT_EQ(sha256_hex(blob), reference);
  EXPECT_EQ(*inflate_text(blob), document.text);
  EXPECT_EQ(*document_text(dir.path(), entry), document.text);
  EXPECT_EQ(stored_text_size(entry), document.text.size());

  auto searcher = std::move(Archive(dir.path()).open_searcher()).value();
  const auto detail = searcher->document(id);
  ASSERT_TRUE(detail.ok()) << detail.error().message;
  EXPECT_EQ(detail->document.text, document.text);
  EXPECT_EQ(detail->document.metadata.title, document.metadata.title);
  const std::string snippet = first_snippet(*searcher, "dan van kheo");
  EXPECT_NE(snippet.find("<mark>Dân vận khéo</mark>"), std::string::npos) << snippet;
  // The original is served without reading the text.
  EXPECT_TRUE(searcher->original(id).ok());
  EXPECT_TRUE(Archive(dir.path()).check()->problems.empty());
}

// An archive indexed before texts were stored apart: its documents' data holds the text (as
// build_xapian_document() still makes it). It reads the same, takes new documents beside the
// old ones, and a forced re-index moves each text out.
TEST(StoredText, an_archive_indexed_before_reads_alone_mixed_and_after_reindex) {
  TempDir dir;
  const ArchivedDocument old_document = long_plan("6/KH-UBND", std::string(kPhrase));
  const std::string old_bytes = plan_bytes("6/KH-UBND", "x");
  {
    auto writer = std::move(Archive(dir.path()).open_writer()).value();
    ASSERT_TRUE(put(*writer, "kh-6.txt", old_bytes, old_document).ok());
    ASSERT_TRUE(writer->close().ok());
  }
  const std::string old_id = sha256_hex(old_bytes).substr(0, 16);
  {  // back to the older form: the text in the data, no slot, no term, no stored text
    Xapian::WritableDatabase database(xapian_dir(dir.path()).string());
    const Xapian::Document current = stored(dir.path(), old_id);
    ArchivedDocument whole = *read_document(dir.path(), current);
    Xapian::Document older = build_xapian_document(whole);
    ASSERT_TRUE(older.get_value(schema::kTextSlot).empty());
    // Analysed by this version all the same (the writer adds the term): the older form of the
    // stored text is what this test is about, not an older analysis (analysis_version_test.cpp).
    older.add_boolean_term(schema::analysis_term(kAnalysisVersion));
    database.replace_document(schema::term(schema::kId, old_id), older);
    database.commit();
    fs::remove_all(texts_dir(dir.path()));
  }
  const auto expect_reads = [&](const std::string& when) {
    auto searcher = std::move(Archive(dir.path()).open_searcher()).value();
    const auto detail = searcher->document(old_id);
    ASSERT_TRUE(detail.ok()) << when;
    EXPECT_EQ(detail->document.text, old_document.text) << when;
    const std::string snippet = first_snippet(*searcher, "dan van kheo");
    EXPECT_NE(snippet.find("<mark>Dân vận khéo</mark>"), std::string::npos) << when << snippet;
    const Result<CheckReport> checked = Archive(dir.path()).check();
    ASSERT_TRUE(checked.ok());
    EXPECT_TRUE(checked->problems.empty()) << when;
    EXPECT_EQ(checked->text_orphans, 0U) << when;
  };
  expect_reads("indexed before");
  EXPECT_EQ(stored_texts(dir.path()), 0U);

  const ArchivedDocument new_document = long_plan("7/KH-UBND", "Công tác tiếp công dân");
  {
    auto writer = std::move(Archive(dir.path()).open_writer()).value();
    ASSERT_TRUE(put(*writer, "kh-7.txt", plan_bytes("7/KH-UBND", "x"), new_document).ok());
    // Unchanged: left as it is.
    EXPECT_EQ(*writer->put("kh-6.txt", old_bytes, old_document), PutOutcome::unchanged);
    ASSERT_TRUE(writer->close().ok());
  }
  expect_reads("mixed");
  EXPECT_EQ(stored_texts(dir.path()), 1U);
  EXPECT_TRUE(stored(dir.path(), old_id).get_value(schema::kTextSlot).empty());
  {
    auto searcher = std::move(Archive(dir.path()).open_searcher()).value();
    const std::string snippet = first_snippet(*searcher, "tiep cong dan");
    EXPECT_NE(snippet.find("<mark>tiếp công dân</mark>"), std::string::npos) << snippet;
  }

  {  // vanban index --reindex
    WriterOptions options;
    options.reindex_unchanged = true;
    auto writer = std::move(Archive(dir.path()).open_writer(options)).value();
    EXPECT_EQ(*writer->put("kh-6.txt", old_bytes, old_document), PutOutcome::updated);
    ASSERT_TRUE(writer->close().ok());
  }
  const Xapian::Document moved = stored(dir.path(), old_id);
  EXPECT_FALSE(moved.get_value(schema::kTextSlot).empty());
  EXPECT_EQ(moved.get_data().find('\0'), moved.get_data().size() - 1);
  EXPECT_EQ(stored_texts(dir.path()), 2U);
  expect_reads("re-indexed");
}

// A text is dropped only after the commit that removed its last document: two originals read
// to the same text share it; a re-index that changes the text drops the old one at its commit.
TEST(StoredText, a_text_goes_after_the_commit_that_dropped_its_last_document) {
  TempDir dir;
  const ArchivedDocument document = long_plan("8/KH-UBND", std::string(kPhrase));
  auto writer = std::move(Archive(dir.path()).open_writer()).value();
  ASSERT_TRUE(put(*writer, "a.txt", "bản gốc A", document).ok());
  ASSERT_TRUE(put(*writer, "b.docx", "bản gốc B", document).ok());
  ASSERT_TRUE(writer->commit().ok());
  EXPECT_EQ(stored_texts(dir.path()), 1U);  // one text for the two documents
  const std::string shared =
      stored(dir.path(), sha256_hex("bản gốc A").substr(0, 16)).get_value(schema::kTextSlot);
  const fs::path shared_file = BlobStore(texts_dir(dir.path())).path_of(shared);

  ASSERT_TRUE(writer->remove_path("a.txt").ok());
  ASSERT_TRUE(writer->commit().ok());
  EXPECT_TRUE(fs::exists(shared_file));  // b.docx still names it

  // b.docx's text changes (a better reading of the same original): the old text stays until
  // the commit, then goes.
  ArchivedDocument better = document;
  better.text += "Bổ sung.\n";
  WriterOptions options;
  options.reindex_unchanged = true;
  ASSERT_TRUE(writer->close().ok());
  writer = std::move(Archive(dir.path()).open_writer(options)).value();
  ASSERT_TRUE(put(*writer, "b.docx", "bản gốc B", better).ok());
  EXPECT_TRUE(fs::exists(shared_file));
  EXPECT_EQ(stored_texts(dir.path()), 2U);
  ASSERT_TRUE(writer->commit().ok());
  EXPECT_FALSE(fs::exists(shared_file));
  EXPECT_EQ(stored_texts(dir.path()), 1U);
  EXPECT_EQ(*document_text(dir.path(), stored(dir.path(), sha256_hex("bản gốc B").substr(0, 16))),
            better.text);

  ASSERT_TRUE(writer->remove_document(sha256_hex("bản gốc B").substr(0, 16)).ok());
  ASSERT_TRUE(writer->close().ok());
  EXPECT_EQ(stored_texts(dir.path()), 0U);
  const Result<CheckReport> checked = Archive(dir.path()).check();
  ASSERT_TRUE(checked.ok());
  EXPECT_EQ(checked->documents, 0U);
  EXPECT_EQ(checked->text_orphans, 0U);
}

// A searcher still on the revision before a commit that replaced a document and dropped its
// text finds the text gone: it reads the newer revision instead of failing or showing nothing.
TEST(StoredText, a_searcher_on_an_older_revision_reads_the_newer_one) {
  TempDir dir;
  auto writer = std::move(Archive(dir.path()).open_writer()).value();
  ASSERT_TRUE(
      put(*writer, "kh.txt", "bản cũ", long_plan("9/KH-UBND", "Dân vận khéo ở phường")).ok());
  ASSERT_TRUE(writer->commit().ok());
  auto searcher = std::move(Archive(dir.path()).open_searcher()).value();
  EXPECT_NE(first_snippet(*searcher, "dan van kheo").find("phường"), std::string::npos);

  // New content at the same path: the old document and its text go at this commit.
  ASSERT_TRUE(put(*writer, "kh.txt", "bản mới", long_plan("9/KH-UBND", "Dân vận khéo ở xã")).ok());
  ASSERT_TRUE(writer->close().ok());
  EXPECT_EQ(stored_texts(dir.path()), 1U);
  const std::string snippet = first_snippet(*searcher, "dan van kheo");  // not reopened
  EXPECT_NE(snippet.find("<mark>Dân vận khéo</mark> ở xã"), std::string::npos) << snippet;
}

TEST(StoredText, check_reports_a_missing_or_damaged_text_and_counts_orphans) {
  TempDir dir;
  {
    auto writer = std::move(Archive(dir.path()).open_writer()).value();
    ASSERT_TRUE(put(*writer, "a.txt", "bản A", long_plan("1/KH-UBND", "một")).ok());
    ASSERT_TRUE(put(*writer, "b.txt", "bản B", long_plan("2/KH-UBND", "hai")).ok());
    ASSERT_TRUE(writer->close().ok());
  }
  const BlobStore texts(texts_dir(dir.path()));
  const std::string a =
      stored(dir.path(), sha256_hex("bản A").substr(0, 16)).get_value(schema::kTextSlot);
  const std::string b =
      stored(dir.path(), sha256_hex("bản B").substr(0, 16)).get_value(schema::kTextSlot);
  fs::remove(texts.path_of(a));
  testing::write_file(texts.path_of(b), "hỏng");
  ASSERT_TRUE(
      BlobStore(texts_dir(dir.path())).put(compress_text("không ai dùng")->blob.bytes()).ok());
  const Result<CheckReport> checked = Archive(dir.path()).check();
  ASSERT_TRUE(checked.ok());
  ASSERT_EQ(checked->problems.size(), 2U);
  for (const CheckProblem& problem : checked->problems)
    EXPECT_NE(problem.message.find("stored text"), std::string::npos) << problem.message;
  EXPECT_EQ(checked->text_orphans, 1U);
  EXPECT_EQ(checked->orphans, 0U);

  // A text that is a whole file with the right name but not zlib is damaged too.
  const std::string garbage = "không phải zlib";
  const std::string name = sha256_hex(garbage);
  fs::create_directories(texts.path_of(name).parent_path());
  testing::write_file(texts.path_of(name), garbage);
  {
    const std::string id = sha256_hex("bản B").substr(0, 16);
    Xapian::Document entry = stored(dir.path(), id);
    Xapian::WritableDatabase database(xapian_dir(dir.path()).string());
    entry.add_value(schema::kTextSlot, name);
    database.replace_document(schema::term(schema::kId, id), entry);
    database.commit();
  }
  const Result<CheckReport> again = Archive(dir.path()).check();
  ASSERT_TRUE(again.ok());
  bool damaged = false;
  for (const CheckProblem& problem : again->problems)
    damaged = damaged || problem.message.find("zlib") != std::string::npos;
  EXPECT_TRUE(damaged);
}

}  // namespace
}  // namespace vanban::archive
