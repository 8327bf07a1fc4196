// The writer's behaviour, run with per-document commits and with batched commits: what users
// see must not depend on when the writer commits.
#include "vanban/archive/writer.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "vanban/archive/archive.hpp"

#include "archive_fixtures.hpp"
#include "blob_store.hpp"
#include "document_builder.hpp"
#include "schema.hpp"
#include "stored_text.hpp"
#include "test_support.hpp"
#include "unprivileged.hpp"

namespace vanban::archive {
namespace {

using testing::plan_bytes;
using testing::plan_document;
using testing::TempDir;

class Writer : public ::testing::TestWithParam<std::size_t> {
 protected:
  std::unique_ptr<ArchiveWriter> open_writer() {
    Result<std::unique_ptr<ArchiveWriter>> writer =
        Archive(dir_.path()).open_writer(WriterOptions{GetParam()});
    EXPECT_TRUE(writer.ok()) << writer.error().message;
    return std::move(writer).value();
  }

  PutOutcome put(ArchiveWriter& writer, const std::string& path, const std::string& number,
                 const std::string& title = "Triển khai công tác dân vận năm 2026") {
    const Result<PutOutcome> outcome =
        writer.put(path, plan_bytes(number, title), plan_document(number, title));
    EXPECT_TRUE(outcome.ok()) << outcome.error().message;
    return outcome.ok() ? *outcome : PutOutcome::unchanged;
  }

  Xapian::Database reader() const { return testing::open_reader(dir_.path()); }

  nlohmann::json stored_json(const std::string& id) const {
    const Xapian::Database database = reader();
    const std::string id_term = schema::term(schema::kId, id);
    const auto it = database.postlist_begin(id_term);
    if (it == database.postlist_end(id_term)) return nullptr;
    return archive::to_json(*archive::read_document(dir_.path(), database.get_document(*it)),
                            /*with_text=*/true);
  }

  TempDir dir_;
};

TEST_P(Writer, put_adds_document_with_identity_from_original) {
  auto writer = open_writer();
  EXPECT_EQ(put(*writer, "2026/kh-32.txt", "32/KH-UBND"), PutOutcome::added);
  ASSERT_TRUE(writer->commit().ok());

  const std::string sha =
      sha256_hex(plan_bytes("32/KH-UBND", "Triển khai công tác dân vận năm 2026"));
  const std::optional<SourceState> state = writer->source("2026/kh-32.txt");
  ASSERT_TRUE(state.has_value());
  EXPECT_EQ(state->sha256, sha);
  EXPECT_EQ(state->document_id, sha.substr(0, 16));

  const nlohmann::json stored = stored_json(state->document_id);
  ASSERT_TRUE(stored.is_object());
  EXPECT_EQ(stored["id"], state->document_id);
  EXPECT_EQ(stored["sha256"], sha);
  EXPECT_EQ(stored["paths"], nlohmann::json::array({"2026/kh-32.txt"}));
  EXPECT_EQ(stored["filename"], "kh-32.txt");
  EXPECT_EQ(stored["number"], "32/KH-UBND");
  EXPECT_NE(stored["text"].get<std::string>().find("Thủ tướng"), std::string::npos);
  const std::string indexed_at = stored["indexed_at"];
  EXPECT_EQ(indexed_at.size(), std::string("2026-11-21T10:00:00Z").size());
  EXPECT_EQ(indexed_at.back(), 'Z');
  EXPECT_TRUE(BlobStore(dir_ / "originals").verify(sha).ok());
}

TEST_P(Writer, reindex_of_unchanged_file_changes_nothing) {
  auto writer = open_writer();
  put(*writer, "a.txt", "32/KH-UBND");
  put(*writer, "b.txt", "33/KH-UBND");
  ASSERT_TRUE(writer->commit().ok());
  const Xapian::rev before = reader().get_revision();

  EXPECT_EQ(put(*writer, "a.txt", "32/KH-UBND"), PutOutcome::unchanged);
  EXPECT_EQ(put(*writer, "b.txt", "33/KH-UBND"), PutOutcome::unchanged);
  ASSERT_TRUE(writer->commit().ok());
  writer.reset();  // closing must not commit either
  EXPECT_EQ(reader().get_revision(), before);
  EXPECT_EQ(reader().get_doccount(), 2U);
}

TEST_P(Writer, same_bytes_under_two_paths_are_one_document_with_both_paths) {
  auto writer = open_writer();
  EXPECT_EQ(put(*writer, "inbox/kh-32.txt", "32/KH-UBND"), PutOutcome::added);
  EXPECT_EQ(put(*writer, "archive/2026/kh-32-copy.txt", "32/KH-UBND"), PutOutcome::updated);
  ASSERT_TRUE(writer->commit().ok());

  EXPECT_EQ(reader().get_doccount(), 1U);
  const auto first = writer->source("inbox/kh-32.txt");
  const auto second = writer->source("archive/2026/kh-32-copy.txt");
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->document_id, second->document_id);
  EXPECT_EQ(writer->source_paths(),
            (std::vector<std::string>{"archive/2026/kh-32-copy.txt", "inbox/kh-32.txt"}));
  EXPECT_EQ(stored_json(first->document_id)["paths"],
            nlohmann::json::array({"inbox/kh-32.txt", "archive/2026/kh-32-copy.txt"}));
  const Xapian::Database database = reader();
  EXPECT_EQ(database.get_termfreq(schema::term(schema::kPath, schema::path_key("inbox/kh-32.txt"))),
            1U);
  EXPECT_EQ(database.get_termfreq(
                schema::term(schema::kPath, schema::path_key("archive/2026/kh-32-copy.txt"))),
            1U);
}

TEST_P(Writer, changed_file_replaces_its_document) {
  auto writer = open_writer();
  put(*writer, "kh.txt", "32/KH-UBND", "Tiêu đề cũ");
  ASSERT_TRUE(writer->commit().ok());
  const std::string old_sha = writer->source("kh.txt")->sha256;

  EXPECT_EQ(put(*writer, "kh.txt", "32/KH-UBND", "Tiêu đề mới"), PutOutcome::updated);
  ASSERT_TRUE(writer->commit().ok());

  const Xapian::Database database = reader();
  EXPECT_EQ(database.get_doccount(), 1U);
  const auto state = writer->source("kh.txt");
  ASSERT_TRUE(state);
  EXPECT_NE(state->sha256, old_sha);
  EXPECT_EQ(stored_json(state->document_id)["title"], "Tiêu đề mới");
  EXPECT_FALSE(database.term_exists(schema::term(schema::kSha, old_sha)));
  // The old original is gone with the last document that referred to it.
  EXPECT_FALSE(BlobStore(dir_ / "originals").contains(old_sha));
  EXPECT_TRUE(BlobStore(dir_ / "originals").contains(state->sha256));
}

TEST_P(Writer, changed_file_keeps_old_document_when_another_path_still_holds_it) {
  auto writer = open_writer();
  put(*writer, "a.txt", "32/KH-UBND");
  put(*writer, "b.txt", "32/KH-UBND");
  const std::string old_id = writer->source("a.txt")->document_id;
  EXPECT_EQ(put(*writer, "a.txt", "99/KH-UBND"), PutOutcome::updated);
  ASSERT_TRUE(writer->commit().ok());

  EXPECT_EQ(reader().get_doccount(), 2U);
  EXPECT_EQ(writer->source("b.txt")->document_id, old_id);
  EXPECT_NE(writer->source("a.txt")->document_id, old_id);
  EXPECT_EQ(stored_json(old_id)["paths"], nlohmann::json::array({"b.txt"}));
  EXPECT_EQ(reader().get_termfreq(schema::term(schema::kPath, schema::path_key("a.txt"))), 1U);
}

TEST_P(Writer, remove_path_drops_document_when_its_last_path_goes) {
  auto writer = open_writer();
  put(*writer, "a.txt", "32/KH-UBND");
  put(*writer, "b.txt", "32/KH-UBND");
  ASSERT_TRUE(writer->commit().ok());
  const SourceState state = *writer->source("a.txt");

  ASSERT_TRUE(writer->remove_path("a.txt").ok());
  ASSERT_TRUE(writer->commit().ok());
  EXPECT_EQ(reader().get_doccount(), 1U);
  EXPECT_FALSE(writer->source("a.txt"));
  EXPECT_EQ(writer->source_paths(), std::vector<std::string>{"b.txt"});

  ASSERT_TRUE(writer->remove_path("b.txt").ok());
  ASSERT_TRUE(writer->commit().ok());
  EXPECT_EQ(reader().get_doccount(), 0U);
  EXPECT_TRUE(writer->source_paths().empty());
  EXPECT_FALSE(BlobStore(dir_ / "originals").contains(state.sha256));

  const Status again = writer->remove_path("b.txt");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind, ErrorKind::not_found);
}

TEST_P(Writer, remove_document_removes_it_and_its_original) {
  auto writer = open_writer();
  put(*writer, "a.txt", "32/KH-UBND");
  put(*writer, "b.txt", "33/KH-UBND");
  ASSERT_TRUE(writer->commit().ok());
  const SourceState removed = *writer->source("a.txt");

  ASSERT_TRUE(writer->remove_document(removed.document_id).ok());
  ASSERT_TRUE(writer->commit().ok());
  EXPECT_EQ(reader().get_doccount(), 1U);
  EXPECT_FALSE(writer->source("a.txt"));
  EXPECT_FALSE(BlobStore(dir_ / "originals").contains(removed.sha256));
  EXPECT_TRUE(writer->source("b.txt"));

  const Status unknown = writer->remove_document("0123456789abcdef");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().kind, ErrorKind::not_found);
}

TEST_P(Writer, original_is_kept_when_removed_content_comes_back_before_commit) {
  auto writer = open_writer();
  put(*writer, "a.txt", "32/KH-UBND");
  ASSERT_TRUE(writer->commit().ok());
  const SourceState state = *writer->source("a.txt");
  ASSERT_TRUE(writer->remove_path("a.txt").ok());
  EXPECT_EQ(put(*writer, "moved/a.txt", "32/KH-UBND"), PutOutcome::added);
  ASSERT_TRUE(writer->commit().ok());
  EXPECT_TRUE(BlobStore(dir_ / "originals").verify(state.sha256).ok());
  EXPECT_EQ(writer->source("moved/a.txt")->document_id, state.document_id);
}

TEST_P(Writer, long_keys_do_not_fail_the_batch) {
  auto writer = open_writer();
  std::string law_name = "Luật sửa đổi, bổ sung một số điều của Luật Đấu thầu";
  while (law_name.size() < 400)
    law_name += ", Luật Đầu tư theo phương thức đối tác công tư, Luật Hải quan";
  std::string issuer = "Ủy ban nhân dân";
  while (issuer.size() < 300)
    issuer += " xã Tân Thành huyện Đông Hải tỉnh Cà Mau";

  ArchivedDocument document = plan_document("12/KH-UBND", "Kế hoạch dài");
  document.metadata.issuer = issuer;
  analyzers::Citation law;
  law.type = "Luật";
  law.title = law_name;
  law.number_key = law_name;  // the extractor's key for a law cited by name is its name
  law.text = law_name;
  document.metadata.citations.push_back(law);
  document.text += "\n" + std::string(300, 'x') + "\n";  // one absurdly long token as well
  const Result<PutOutcome> outcome = writer->put("long.txt", "long bytes", document);
  ASSERT_TRUE(outcome.ok()) << outcome.error().message;
  put(*writer, "short.txt", "32/KH-UBND");
  ASSERT_TRUE(writer->commit().ok());

  const Xapian::Database database = reader();
  EXPECT_EQ(database.get_doccount(), 2U);
  EXPECT_EQ(database.get_termfreq(schema::term(schema::kIssuer, schema::issuer_key(issuer))), 1U);
  EXPECT_EQ(database.get_termfreq(schema::term(schema::kCites, law_name)), 1U);
}

TEST_P(Writer, second_writer_gets_clear_lock_error) {
  auto writer = open_writer();
  const Result<std::unique_ptr<ArchiveWriter>> second = Archive(dir_.path()).open_writer();
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().kind, ErrorKind::io);
  EXPECT_NE(second.error().message.find("locked"), std::string::npos) << second.error().message;
  EXPECT_FALSE(second.error().user_message.empty());
}

TEST_P(Writer, close_commits_releases_the_archive_and_refuses_later_writes) {
  auto writer = open_writer();
  EXPECT_EQ(put(*writer, "2026/kh-32.txt", "32/KH-UBND"), PutOutcome::added);
  ASSERT_TRUE(writer->close().ok());
  EXPECT_EQ(reader().get_doccount(), 1u);  // committed by close()
  {
    // Released: another writer opens while the closed one still exists.
    auto second = open_writer();
    EXPECT_EQ(second->document_count(), 1u);
    ASSERT_TRUE(second->close().ok());
  }
  EXPECT_TRUE(writer->close().ok());  // a second close does nothing
  const Result<PutOutcome> late = writer->put(
      "2026/kh-33.txt", plan_bytes("33/KH-UBND", "Kế hoạch"), plan_document("33/KH-UBND", "x"));
  EXPECT_FALSE(late.ok());  // an error, never a crash
}

TEST_P(Writer, a_read_only_archive_folder_is_said_to_be_read_only_not_locked) {
  { open_writer(); }
  const std::filesystem::path xapian = dir_.path() / "xapian";
  ASSERT_TRUE(std::filesystem::is_directory(xapian));
  std::filesystem::permissions(xapian,
                               std::filesystem::perms::owner_write |
                                   std::filesystem::perms::group_write |
                                   std::filesystem::perms::others_write,
                               std::filesystem::perm_options::remove);
  const int result = testing::in_unprivileged_child([&] {
    const Result<std::unique_ptr<ArchiveWriter>> writer = Archive(dir_.path()).open_writer();
    if (writer.ok()) return 1;
    if (writer.error().message.find("cannot be written") == std::string::npos) return 2;
    if (writer.error().message.find("locked") != std::string::npos) return 3;
    return 0;
  });
  EXPECT_EQ(result, 0) << "1: opened, 2: not said to be unwritable, 3: said to be locked, "
                          "100: cannot drop root";
}

TEST_P(Writer, uncommitted_changes_are_seen_by_the_writer_itself) {
  auto writer = open_writer();
  put(*writer, "a.txt", "32/KH-UBND");
  EXPECT_TRUE(writer->source("a.txt"));
  EXPECT_EQ(writer->document_count(), 1U);
  EXPECT_EQ(put(*writer, "a.txt", "32/KH-UBND"), PutOutcome::unchanged);
}

TEST_P(Writer, original_lost_from_store_is_restored_by_reindex) {
  auto writer = open_writer();
  put(*writer, "a.txt", "32/KH-UBND");
  ASSERT_TRUE(writer->commit().ok());
  const SourceState state = *writer->source("a.txt");
  std::filesystem::remove(BlobStore(dir_ / "originals").path_of(state.sha256));
  EXPECT_EQ(put(*writer, "a.txt", "32/KH-UBND"), PutOutcome::unchanged);
  EXPECT_TRUE(BlobStore(dir_ / "originals").verify(state.sha256).ok());
}

TEST_P(Writer, edited_sidecar_reindexes_document_in_place) {
  auto writer = open_writer();
  const std::string bytes = plan_bytes("32/KH-UBND", "Tiêu đề");
  ArchivedDocument document = plan_document("32/KH-UBND", "Tiêu đề");
  document.sidecar_sha256 = sha256_hex(R"({"title": "Tiêu đề trong sổ"})");
  ASSERT_TRUE(writer->put("a.txt", bytes, document).ok());
  ASSERT_TRUE(writer->put("copy/a.txt", bytes, document).ok());
  ASSERT_TRUE(writer->commit().ok());
  EXPECT_EQ(*writer->put("a.txt", bytes, document), PutOutcome::unchanged);

  document.metadata.title = "Tiêu đề đã sửa trong sổ";
  document.sidecar_sha256 = sha256_hex(R"({"title": "Tiêu đề đã sửa trong sổ"})");
  const Result<PutOutcome> outcome = writer->put("a.txt", bytes, document);
  ASSERT_TRUE(outcome.ok()) << outcome.error().message;
  EXPECT_EQ(*outcome, PutOutcome::updated);
  ASSERT_TRUE(writer->commit().ok());

  EXPECT_EQ(reader().get_doccount(), 1U);
  const SourceState state = *writer->source("a.txt");
  EXPECT_EQ(state.sidecar_sha256, document.sidecar_sha256);
  const nlohmann::json stored = stored_json(state.document_id);
  EXPECT_EQ(stored["title"], "Tiêu đề đã sửa trong sổ");
  EXPECT_EQ(stored["paths"], nlohmann::json::array({"a.txt", "copy/a.txt"}));
  EXPECT_EQ(writer->source("copy/a.txt")->document_id, state.document_id);
  EXPECT_TRUE(BlobStore(dir_ / "originals").verify(state.sha256).ok());
}

TEST_P(Writer, reindex_option_rebuilds_unchanged_documents) {
  put(*open_writer(), "a.txt", "32/KH-UBND");
  WriterOptions options{GetParam()};
  options.reindex_unchanged = true;
  auto writer = std::move(Archive(dir_.path()).open_writer(options)).value();
  EXPECT_EQ(put(*writer, "a.txt", "32/KH-UBND"), PutOutcome::updated);
  ASSERT_TRUE(writer->commit().ok());
  EXPECT_EQ(reader().get_doccount(), 1U);
  EXPECT_EQ(writer->source_paths(), std::vector<std::string>{"a.txt"});
}

TEST_P(Writer, prepared_free_text_indexes_like_put) {
  auto writer = open_writer();
  const std::string title = "Triển khai công tác dân vận năm 2026";
  put(*writer, "plain.txt", "32/KH-UBND", title);
  ArchivedDocument prepared = plan_document("33/KH-UBND", title);
  PreparedText entry = prepare_text(prepared);
  const Result<PutOutcome> outcome = writer->put_prepared(
      "prepared.txt", Original(plan_bytes("33/KH-UBND", title)), prepared, entry);
  ASSERT_TRUE(outcome.ok()) << outcome.error().message;
  EXPECT_EQ(*outcome, PutOutcome::added);
  ASSERT_TRUE(writer->commit().ok());

  const Xapian::Database database = reader();
  const auto terms_of = [&](const std::string& path) {
    const std::string path_term = schema::term(schema::kPath, schema::path_key(path));
    const Xapian::Document document = database.get_document(*database.postlist_begin(path_term));
    std::vector<std::string> terms;
    for (auto it = document.termlist_begin(); it != document.termlist_end(); ++it) {
      if (!(*it).starts_with("XP") && !(*it).starts_with("XH") && !(*it).starts_with("Q") &&
          (*it).find("32") == std::string::npos && (*it).find("33") == std::string::npos) {
        terms.push_back(*it + ":" + std::to_string(it.get_wdf()));
      }
    }
    return terms;
  };
  EXPECT_EQ(terms_of("plain.txt"), terms_of("prepared.txt"));
  EXPECT_FALSE(terms_of("prepared.txt").empty());
}

// An entry made whole on a worker thread (prepare_text for a path) is stored as put() stores
// the same document: same terms with their positions, values, data (but the time of indexing)
// and spelling table.
TEST_P(Writer, whole_prepared_entry_stores_what_put_stores) {
  const std::string title = "Triển khai công tác dân vận năm 2026";
  ArchivedDocument document = plan_document("33/KH-UBND", title);
  const Original original(plan_bytes("33/KH-UBND", title));
  put(*open_writer(), "2026/kh-33.txt", "33/KH-UBND", title);
  const TempDir other;
  {
    auto writer = std::move(Archive(other.path()).open_writer(WriterOptions{GetParam()})).value();
    PreparedText terms = prepare_text(document, "2026/kh-33.txt", original);
    const Result<PutOutcome> outcome =
        writer->put_prepared("2026/kh-33.txt", original, document, terms);
    ASSERT_TRUE(outcome.ok()) << outcome.error().message;
    EXPECT_EQ(*outcome, PutOutcome::added);
    ASSERT_TRUE(writer->close().ok());
  }
  const auto entry = [](const Xapian::Database& database) {
    const Xapian::Document stored = database.get_document(1);
    std::vector<std::string> parts;
    for (auto term = stored.termlist_begin(); term != stored.termlist_end(); ++term) {
      std::string positions;
      for (auto at = term.positionlist_begin(); at != term.positionlist_end(); ++at)
        positions += " " + std::to_string(*at);
      parts.push_back(*term + ":" + std::to_string(term.get_wdf()) + positions);
    }
    for (auto value = stored.values_begin(); value != stored.values_end(); ++value)
      parts.push_back("value " + std::to_string(value.get_valueno()) + ": " + *value);
    nlohmann::json data =
        to_json(*parse_document(stored.get_data(), /*with_text=*/true), /*with_text=*/true);
    data.erase("indexed_at");
    parts.push_back(data.dump());
    for (auto word = database.spellings_begin(); word != database.spellings_end(); ++word)
      parts.push_back("spelling " + *word + ":" + std::to_string(word.get_termfreq()));
    return parts;
  };
  const std::vector<std::string> put_entry = entry(reader());
  EXPECT_GT(put_entry.size(), 20u);
  EXPECT_EQ(entry(testing::open_reader(other.path())), put_entry);
}

// When the content is held under other paths too, or the entry was made for another path, the
// writer makes the entry itself: no path is lost, none made up.
TEST_P(Writer, whole_prepared_entry_for_another_case_is_made_again) {
  const std::string title = "Triển khai công tác dân vận năm 2026";
  put(*open_writer(), "a.txt", "32/KH-UBND", title);
  {
    auto writer = open_writer();
    EXPECT_EQ(put(*writer, "copy/a.txt", "32/KH-UBND", title), PutOutcome::updated);
    ASSERT_TRUE(writer->close().ok());
  }
  WriterOptions options{GetParam()};
  options.reindex_unchanged = true;
  auto writer = std::move(Archive(dir_.path()).open_writer(options)).value();
  ArchivedDocument document = plan_document("32/KH-UBND", title);
  const Original original(plan_bytes("32/KH-UBND", title));
  PreparedText terms = prepare_text(document, "a.txt", original);
  Result<PutOutcome> outcome = writer->put_prepared("a.txt", original, document, terms);
  ASSERT_TRUE(outcome.ok()) << outcome.error().message;
  EXPECT_EQ(*outcome, PutOutcome::updated);
  ArchivedDocument other = plan_document("34/KH-UBND", title);
  const Original other_original(plan_bytes("34/KH-UBND", title));
  PreparedText other_terms = prepare_text(other, "not-b.txt", other_original);
  outcome = writer->put_prepared("b.txt", other_original, other, other_terms);
  ASSERT_TRUE(outcome.ok()) << outcome.error().message;
  EXPECT_EQ(*outcome, PutOutcome::added);
  ASSERT_TRUE(writer->commit().ok());

  EXPECT_EQ(reader().get_doccount(), 2U);
  EXPECT_EQ(writer->source_paths(), (std::vector<std::string>{"a.txt", "b.txt", "copy/a.txt"}));
  const std::string shared_id = writer->source("a.txt")->document_id;
  EXPECT_EQ(writer->source("copy/a.txt")->document_id, shared_id);
  EXPECT_EQ(stored_json(shared_id)["paths"], nlohmann::json::array({"a.txt", "copy/a.txt"}));
  EXPECT_EQ(stored_json(writer->source("b.txt")->document_id)["paths"],
            nlohmann::json::array({"b.txt"}));
  EXPECT_EQ(stored_json(writer->source("b.txt")->document_id)["filename"], "b.txt");
  EXPECT_FALSE(reader().term_exists(schema::term(schema::kPath, schema::path_key("not-b.txt"))));
}

// The stored text a document names, as the writer recorded it.
std::string text_of(const Xapian::Database& database, const std::string& path) {
  const std::string path_term = schema::term(schema::kPath, schema::path_key(path));
  return text_reference(database.get_document(*database.postlist_begin(path_term)));
}

// store_files() on a worker, then the put: the writer finds both files there and names them;
// the archive holds what put() would have stored, and nothing more.
TEST_P(Writer, files_stored_before_the_put_are_named_by_it) {
  const std::string title = "Triển khai công tác dân vận năm 2026";
  ArchivedDocument document = plan_document("33/KH-UBND", title);
  const Original original(plan_bytes("33/KH-UBND", title));
  auto writer = open_writer();
  PreparedText terms = prepare_text(document, "kh-33.txt", original);
  writer->store_files(original, terms);
  // Stored now, before the writer has seen the document.
  EXPECT_TRUE(BlobStore(dir_ / "originals").verify(original.sha256()).ok());
  ASSERT_EQ(BlobStore(dir_ / "texts").list()->size(), 1u);
  const Result<PutOutcome> outcome = writer->put_prepared("kh-33.txt", original, document, terms);
  ASSERT_TRUE(outcome.ok()) << outcome.error().message;
  EXPECT_EQ(*outcome, PutOutcome::added);
  ASSERT_TRUE(writer->close().ok());
  const Result<CheckReport> report = Archive(dir_.path()).check();
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_TRUE(report->problems.empty());
  EXPECT_EQ(report->orphans, 0u);
  EXPECT_EQ(report->text_orphans, 0u);
  EXPECT_EQ(*BlobStore(dir_ / "texts").list(),
            std::vector<std::string>{text_of(reader(), "kh-33.txt")});
}

// A worker stored a file whose identical blob was there already, and a commit then removed that
// blob (its last document went) before the writer took the worker's document: the writer must
// store it again, not trust what the worker found.
TEST_P(Writer, a_blob_removed_after_a_worker_stored_it_is_stored_again) {
  const std::string title = "Triển khai công tác dân vận năm 2026";
  auto writer = open_writer();
  put(*writer, "a.txt", "32/KH-UBND", title);
  ASSERT_TRUE(writer->commit().ok());
  ArchivedDocument document = plan_document("32/KH-UBND", title);
  const Original original(plan_bytes("32/KH-UBND", title));
  PreparedText terms = prepare_text(document, "moved/a.txt", original);
  writer->store_files(original, terms);
  ASSERT_TRUE(writer->remove_path("a.txt").ok());
  ASSERT_TRUE(writer->commit().ok());
  // The commit dropped the original and the text: no document named them any more.
  ASSERT_FALSE(BlobStore(dir_ / "originals").contains(original.sha256()));
  ASSERT_TRUE(BlobStore(dir_ / "texts").list()->empty());

  const Result<PutOutcome> outcome = writer->put_prepared("moved/a.txt", original, document, terms);
  ASSERT_TRUE(outcome.ok()) << outcome.error().message;
  ASSERT_TRUE(writer->close().ok());
  EXPECT_TRUE(BlobStore(dir_ / "originals").verify(original.sha256()).ok());
  const Result<CheckReport> report = Archive(dir_.path()).check();
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_TRUE(report->problems.empty());
  EXPECT_EQ(stored_json(original.sha256().substr(0, 16))["text"], document.text);
}

// What a worker stored that the put does not name (the same original found under one more path,
// whose document keeps its own text) goes after the next commit; what a document names stays.
TEST_P(Writer, a_stored_text_no_document_names_goes_after_the_next_commit) {
  const std::string title = "Triển khai công tác dân vận năm 2026";
  auto writer = open_writer();
  put(*writer, "a.txt", "32/KH-UBND", title);
  ASSERT_TRUE(writer->commit().ok());
  const std::string held_text = text_of(reader(), "a.txt");
  ASSERT_FALSE(held_text.empty());
  // The same bytes under another path, read to another text (another reader, say).
  ArchivedDocument document = plan_document("32/KH-UBND", title);
  document.text += "\nMột đoạn chỉ bản đọc này có.";
  const Original original(plan_bytes("32/KH-UBND", title));
  PreparedText terms = prepare_text(document, "copy/a.txt", original);
  writer->store_files(original, terms);
  ASSERT_EQ(BlobStore(dir_ / "texts").list()->size(), 2u);
  const Result<PutOutcome> outcome = writer->put_prepared("copy/a.txt", original, document, terms);
  ASSERT_TRUE(outcome.ok()) << outcome.error().message;
  EXPECT_EQ(*outcome, PutOutcome::updated);
  ASSERT_TRUE(writer->commit().ok());
  EXPECT_EQ(*BlobStore(dir_ / "texts").list(), std::vector<std::string>{held_text});
  EXPECT_TRUE(BlobStore(dir_ / "originals").verify(original.sha256()).ok());
  EXPECT_EQ(writer->source("copy/a.txt")->document_id, writer->source("a.txt")->document_id);
  const Result<CheckReport> report = Archive(dir_.path()).check();
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_TRUE(report->problems.empty());
  EXPECT_EQ(report->orphans + report->text_orphans, 0u);
}

INSTANTIATE_TEST_SUITE_P(CommitEachChange, Writer, ::testing::Values(std::size_t{1}));
INSTANTIATE_TEST_SUITE_P(CommitInBatches, Writer, ::testing::Values(std::size_t{200}));

}  // namespace
}  // namespace vanban::archive
