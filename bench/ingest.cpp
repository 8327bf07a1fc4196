// Ingest throughput on the sample corpus scaled up to 10 000 documents (VANBAN_BENCH_DOCS to
// change): variants of the shared corpus (gazette texts, local plans, gazette PDFs) and of the
// indexer's DOCX/HTML/edXML fixtures, each with a small change so that every file has its own
// hash, generated in a temporary folder and removed afterwards.
//
// Peers in the same run, on the same files: a read+decode-only pass (the readers alone) and a
// read+decode+analyze pass, both on one thread; then `ingest` (read, hash, decode, analyze,
// Xapian + originals, commit) with the default threads, and a re-run over the unchanged folder
// into the archive it made. Each reports wall-clock rates and "cpu_s", the process CPU time
// (all threads), which a busy machine does not inflate. docs/BENCHMARKS.md ("Ingest") reports
// the figures as ratios to the read+decode pass.
#include "vanban/indexer/ingest.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include "vanban/archive/archive.hpp"
#include "vanban/archive/writer.hpp"
#include "vanban/indexer/metadata.hpp"
#include "vanban/indexer/reader.hpp"

namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

fs::path unique_temp_dir(const std::string& stem) {
  std::random_device device;
  fs::path dir = fs::temp_directory_path() / (stem + "-" + std::to_string(device()));
  fs::create_directories(dir);
  return dir;
}

// A folder of scaled-up corpus files; removed when the program ends.
class ScaledCorpus {
 public:
  ScaledCorpus() {
    const fs::path corpus = fs::path(VANBAN_SHARED_DIR) / "corpus";
    const fs::path fixtures = fs::path(VANBAN_SOURCE_DIR) / "tests" / "indexer" / "fixtures";
    std::vector<fs::path> sources;
    for (const fs::path& folder : {corpus / "seeds", corpus / "real" / "congbao-8chude" / "docs",
                                   corpus / "real" / "congbao-8chude" / "pdf_samples"}) {
      if (!fs::exists(folder)) continue;
      for (const auto& entry : fs::recursive_directory_iterator(folder)) {
        const std::string extension = entry.path().extension().string();
        if (entry.is_regular_file() && (extension == ".txt" || extension == ".pdf"))
          sources.push_back(entry.path());
      }
    }
    if (sources.empty()) return;  // no corpus: the benchmarks skip
    for (const char* name : {"ke-hoach.docx", "cong-van.docx", "ke-hoach.html", "cong-van.edxml",
                             "ke-hoach-soap.edxml"})
      sources.push_back(fixtures / name);
    std::sort(sources.begin(), sources.end());

    const char* wanted = std::getenv("VANBAN_BENCH_DOCS");
    const std::size_t count = wanted != nullptr ? std::stoul(wanted) : 10000;
    dir_ = unique_temp_dir("vanban-bench-ingest");
    std::vector<std::string> contents;
    contents.reserve(sources.size());
    for (const fs::path& source : sources)
      contents.push_back(slurp(source));
    for (std::size_t i = 0; i < count; ++i) {
      const fs::path& source = sources[i % sources.size()];
      const std::string extension = source.extension().string();
      std::string bytes = contents[i % sources.size()];
      // A change each format tolerates: a text line, an HTML/XML comment, bytes after %%EOF or
      // after the zip's central directory.
      if (extension == ".txt") {
        bytes += "\nBản sao lưu số " + std::to_string(i) + "\n";
      } else if (extension == ".html" || extension == ".edxml") {
        bytes += "<!-- bản sao " + std::to_string(i) + " -->\n";
      } else {
        bytes += "\n% ban sao " + std::to_string(i) + "\n";
      }
      const fs::path file = dir_ / std::to_string(i / 500) /
                            (source.stem().string() + "-" + std::to_string(i) + extension);
      fs::create_directories(file.parent_path());
      std::ofstream(file, std::ios::binary)
          .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      files_.push_back(file);
      bytes_ += bytes.size();
    }
  }
  ~ScaledCorpus() {
    std::error_code ignored;
    if (!dir_.empty()) fs::remove_all(dir_, ignored);
  }
  ScaledCorpus(const ScaledCorpus&) = delete;
  ScaledCorpus& operator=(const ScaledCorpus&) = delete;

  bool empty() const { return files_.empty(); }
  const fs::path& dir() const { return dir_; }
  const std::vector<fs::path>& files() const { return files_; }
  std::uint64_t bytes() const { return bytes_; }

 private:
  fs::path dir_;
  std::vector<fs::path> files_;
  std::uint64_t bytes_ = 0;
};

const ScaledCorpus& corpus() {
  static const ScaledCorpus scaled;
  return scaled;
}

// CPU seconds of the whole process (every thread) so far.
double process_cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& time) {
    return static_cast<double>(time.tv_sec) + static_cast<double>(time.tv_usec) / 1e6;
  };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// The archive made by BM_Ingest, which BM_Reingest runs over again.
fs::path& ingested_archive() {
  static fs::path path;
  return path;
}

void set_rates(benchmark::State& state, std::uint64_t documents, std::uint64_t bytes) {
  state.counters["docs/s"] =
      benchmark::Counter(static_cast<double>(documents), benchmark::Counter::kIsRate);
  state.counters["MB/s"] =
      benchmark::Counter(static_cast<double>(bytes) / 1e6, benchmark::Counter::kIsRate);
  state.counters["docs"] = static_cast<double>(documents);
}

// Peer: the readers alone (read the file, detect, decode to NFC text), one thread.
void BM_ReadDecode(benchmark::State& state) {
  if (corpus().empty()) return state.SkipWithError("no shared corpus");
  std::uint64_t documents = 0;
  const double cpu_start = process_cpu_seconds();
  for (auto _ : state) {
    for (const fs::path& file : corpus().files()) {
      auto read = vanban::indexer::read_file(file);
      benchmark::DoNotOptimize(read);
      documents += read.ok() ? 1 : 0;
    }
  }
  state.counters["cpu_s"] = process_cpu_seconds() - cpu_start;
  set_rates(state, documents, corpus().bytes() * state.iterations());
}

// Peer: readers + structure analysis (metadata, citations), one thread.
void BM_ReadDecodeAnalyze(benchmark::State& state) {
  if (corpus().empty()) return state.SkipWithError("no shared corpus");
  std::uint64_t documents = 0;
  const double cpu_start = process_cpu_seconds();
  for (auto _ : state) {
    for (const fs::path& file : corpus().files()) {
      auto read = vanban::indexer::read_file(file);
      if (!read) continue;
      auto metadata = vanban::indexer::analyze(*read);
      benchmark::DoNotOptimize(metadata);
      ++documents;
    }
  }
  state.counters["cpu_s"] = process_cpu_seconds() - cpu_start;
  set_rates(state, documents, corpus().bytes() * state.iterations());
}

// The whole of `vanban index` into a fresh archive, with the default reading threads.
void BM_Ingest(benchmark::State& state) {
  if (corpus().empty()) return state.SkipWithError("no shared corpus");
  std::uint64_t documents = 0;
  double cpu = 0;
  for (auto _ : state) {
    state.PauseTiming();
    if (!ingested_archive().empty()) fs::remove_all(ingested_archive());
    ingested_archive() = unique_temp_dir("vanban-bench-db");
    state.ResumeTiming();
    const double cpu_start = process_cpu_seconds();
    {
      auto writer = vanban::archive::Archive(ingested_archive()).open_writer();
      if (!writer) return state.SkipWithError(writer.error().message.c_str());
      vanban::indexer::IngestOptions options;
      options.inputs = {corpus().dir()};
      auto summary = vanban::indexer::ingest(**writer, options);
      if (!summary) return state.SkipWithError(summary.error().message.c_str());
      documents += summary->added + summary->updated;
      state.counters["failed"] = static_cast<double>(summary->failed.size());
    }  // the writer's final commit is part of the run
    cpu += process_cpu_seconds() - cpu_start;
  }
  state.counters["cpu_s"] = cpu;
  state.counters["threads"] = std::thread::hardware_concurrency();
  set_rates(state, documents, corpus().bytes() * state.iterations());
}

// `vanban index` again over the unchanged folder, into the archive BM_Ingest made: read, hash,
// skip.
void BM_Reingest(benchmark::State& state) {
  if (ingested_archive().empty()) return state.SkipWithError("BM_Ingest did not run");
  vanban::indexer::IngestOptions options;
  options.inputs = {corpus().dir()};
  std::uint64_t documents = 0;
  const double cpu_start = process_cpu_seconds();
  for (auto _ : state) {
    auto writer = vanban::archive::Archive(ingested_archive()).open_writer();
    if (!writer) return state.SkipWithError(writer.error().message.c_str());
    auto summary = vanban::indexer::ingest(**writer, options);
    if (!summary) return state.SkipWithError(summary.error().message.c_str());
    documents += summary->unchanged;
  }
  state.counters["cpu_s"] = process_cpu_seconds() - cpu_start;
  fs::remove_all(ingested_archive());
  ingested_archive().clear();
  set_rates(state, documents, corpus().bytes() * state.iterations());
}

BENCHMARK(BM_ReadDecode)->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();
BENCHMARK(BM_ReadDecodeAnalyze)->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();
BENCHMARK(BM_Ingest)->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();
BENCHMARK(BM_Reingest)->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
