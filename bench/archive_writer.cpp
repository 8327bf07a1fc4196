// The archive writer against a peer: bare Xapian indexing of the same documents. The ratio
// writer/peer is the cost of the archive's bookkeeping (sha256, originals stored and synced,
// path and identity lookups). Also: the unchanged re-run, and analysis on the writer thread.
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <unistd.h>

#include "vanban/archive/archive.hpp"
#include "vanban/archive/writer.hpp"

#include "disk_layout.hpp"
#include "document_builder.hpp"

namespace {

namespace fs = std::filesystem;
using vanban::archive::ArchivedDocument;

constexpr int kDocuments = 200;

// Deterministic Vietnamese-like documents of about 20 KB each.
std::vector<ArchivedDocument> make_documents() {
  const std::vector<std::string> words = {
      "Ủy",    "ban",  "nhân", "dân",  "tỉnh",  "kế",    "hoạch", "triển", "khai", "công",
      "tác",   "vận",  "khéo", "năm",  "thực",  "hiện",  "chỉ",   "thị",   "số",   "đường",
      "quyết", "định", "về",   "việc", "phòng", "chống", "thiên", "tai"};
  std::mt19937 random(42);
  std::vector<ArchivedDocument> documents(kDocuments);
  for (int index = 0; index < kDocuments; ++index) {
    ArchivedDocument& document = documents[static_cast<std::size_t>(index)];
    document.format = "txt";
    document.metadata.title = "Kế hoạch số " + std::to_string(index);
    document.metadata.number = std::to_string(index + 1) + "/KH-UBND";
    document.metadata.date = "2026-01-31";
    while (document.text.size() < 20000) {
      document.text += words[random() % words.size()];
      document.text += random() % 12 == 0 ? ".\n" : " ";
    }
  }
  return documents;
}

const std::vector<ArchivedDocument>& documents() {
  static const std::vector<ArchivedDocument> made = make_documents();
  return made;
}

fs::path fresh_dir(const benchmark::State& state) {
  const fs::path dir = fs::temp_directory_path() / ("vanban-bench-" + std::to_string(::getpid()) +
                                                    "-" + std::to_string(state.iterations()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::vector<Xapian::Document> free_text_of_all() {
  std::vector<Xapian::Document> built;
  for (const ArchivedDocument& document : documents())
    built.push_back(vanban::archive::index_free_text(document));
  return built;
}

void finish(benchmark::State& state) {
  state.SetItemsProcessed(state.iterations() * kDocuments);
}

// Peer: the same Xapian documents (free text prebuilt, archive terms added) into a bare
// WritableDatabase, one commit per batch.
void BM_XapianOnly(benchmark::State& state) {
  for (auto _ : state) {
    state.PauseTiming();
    const fs::path dir = fresh_dir(state);
    std::vector<Xapian::Document> built = free_text_of_all();
    state.ResumeTiming();
    Xapian::WritableDatabase database(vanban::archive::xapian_dir(dir).string(),
                                      Xapian::DB_CREATE_OR_OPEN);
    for (std::size_t index = 0; index < built.size(); ++index) {
      ArchivedDocument document = documents()[index];
      document.id = std::to_string(index);
      document.paths = {std::to_string(index) + ".txt"};
      vanban::archive::add_archive_terms(built[index], document);
      database.replace_document("Q" + document.id, built[index]);
    }
    database.commit();
    state.PauseTiming();
    fs::remove_all(dir);
    state.ResumeTiming();
  }
  finish(state);
}

void BM_WriterPutPrepared(benchmark::State& state) {
  for (auto _ : state) {
    state.PauseTiming();
    const fs::path dir = fresh_dir(state);
    std::vector<vanban::archive::PreparedText> built;
    for (const ArchivedDocument& document : documents())
      built.push_back(vanban::archive::prepare_text(document));
    state.ResumeTiming();
    auto writer = vanban::archive::Archive(dir).open_writer();
    for (std::size_t index = 0; index < built.size(); ++index) {
      ArchivedDocument document = documents()[index];
      benchmark::DoNotOptimize((*writer)->put_prepared(std::to_string(index) + ".txt",
                                                       vanban::archive::Original(document.text),
                                                       document, built[index]));
    }
    benchmark::DoNotOptimize((*writer)->commit());
    writer = vanban::make_error(vanban::ErrorKind::internal, "closed");
    state.PauseTiming();
    fs::remove_all(dir);
    state.ResumeTiming();
  }
  finish(state);
}

void BM_WriterPutWithAnalysis(benchmark::State& state) {
  for (auto _ : state) {
    state.PauseTiming();
    const fs::path dir = fresh_dir(state);
    state.ResumeTiming();
    auto writer = vanban::archive::Archive(dir).open_writer();
    for (std::size_t index = 0; index < documents().size(); ++index) {
      const ArchivedDocument& document = documents()[index];
      benchmark::DoNotOptimize(
          (*writer)->put(std::to_string(index) + ".txt", document.text, document));
    }
    benchmark::DoNotOptimize((*writer)->commit());
    writer = vanban::make_error(vanban::ErrorKind::internal, "closed");
    state.PauseTiming();
    fs::remove_all(dir);
    state.ResumeTiming();
  }
  finish(state);
}

void BM_WriterUnchangedRerun(benchmark::State& state) {
  const fs::path dir = fresh_dir(state);
  {
    auto writer = vanban::archive::Archive(dir).open_writer();
    for (std::size_t index = 0; index < documents().size(); ++index) {
      const ArchivedDocument& document = documents()[index];
      benchmark::DoNotOptimize(
          (*writer)->put(std::to_string(index) + ".txt", document.text, document));
    }
  }
  auto writer = vanban::archive::Archive(dir).open_writer();
  for (auto _ : state) {
    for (std::size_t index = 0; index < documents().size(); ++index) {
      const ArchivedDocument& document = documents()[index];
      benchmark::DoNotOptimize(
          (*writer)->put(std::to_string(index) + ".txt", document.text, document));
    }
    benchmark::DoNotOptimize((*writer)->commit());
  }
  writer = vanban::make_error(vanban::ErrorKind::internal, "closed");
  fs::remove_all(dir);
  finish(state);
}

BENCHMARK(BM_XapianOnly)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_WriterPutPrepared)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_WriterPutWithAnalysis)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_WriterUnchangedRerun)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
