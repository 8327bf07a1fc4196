// Ingest: walk files and folders, read and analyze them on a pool of threads, write them in
// order through the ArchiveWriter (one thread per part of it: each shard of a sharded archive
// on its own). Safe to re-run: a path whose bytes and sidecar
// (NAME.meta.json) did not change is skipped after hashing, before any reading or analysis.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "vanban/archive/writer.hpp"
#include "vanban/common/result.hpp"
#include "vanban/indexer/reader.hpp"

namespace vanban::indexer {

struct IngestProgress {
  std::uint64_t files_done = 0;
  std::uint64_t files_total = 0;
  std::uint64_t bytes_done = 0;
  std::uint64_t bytes_total = 0;
  // Scanned pages recognised so far (OCR takes seconds a page: a run of scans moves few bytes).
  std::uint64_t ocr_pages = 0;
  double seconds = 0;
};

struct IngestOptions {
  // Files and folders. Archived paths are relative to the argument they were found under (a
  // file given directly is archived under its own name), with '/' separators.
  std::vector<std::filesystem::path> inputs;
  unsigned jobs = 0;   // reading and analysis threads; 0: one per core
  bool prune = false;  // forget archived paths not found under `inputs` in this run
  // Read and analyze unchanged files too, and rebuild their documents (after an upgrade of
  // the analyzers or the schema). The writer must be opened with reindex_unchanged as well.
  bool reindex = false;
  // After the inputs (and --prune), analyse again the archive's documents an older analysis
  // version made (archive/analysis_version.hpp) that the inputs did not hold, from their
  // stored originals: `vanban index` does, so that a rule changed reaches every document.
  // (Files of the inputs analysed by an older version are analysed again in any case.)
  bool reanalyse_stale = false;
  ReadOptions read;
  // File bytes being read and analyzed at once (a single larger file still goes, alone):
  // extraction and analysis take several times a file's size, so this bounds the run's memory.
  std::uint64_t bytes_in_flight = std::uint64_t{64} * 1024 * 1024;
  // Files read and analyzed ahead of the writer, at most: more than a commit batch
  // (WriterOptions::batch_size), so the workers go on while the writer commits instead of
  // stopping a few files ahead of it.
  std::size_t files_in_flight = 256;
  // Called after each file, and every half second while a writing thread waits for a slow one
  // (a scan being recognised); keep it cheap. One call at a time; on one database from the
  // calling thread, on a sharded archive from any of the shards' writing threads.
  std::function<void(const IngestProgress&)> on_progress;
};

struct FileNote {
  std::string path;
  std::string message;       // English, stable: for scripts and logs (the JSON's "reason")
  std::string user_message;  // Vietnamese for people, when there is one
};

// Where the pipeline's threads spent the run (seconds; the workers' summed). Each thread's CPU
// time, its time queued for a core (ready, but the machine was busy), and its waits on the
// other side of the queue: these hold on a busy machine, unlike wall time.
// The writers' figures are summed over the writing threads (one per part of the archive:
// ArchiveWriter::part_count) like the workers'.
struct PipelineFigures {
  unsigned workers = 0;
  double worker_cpu = 0;     // reading, decoding, analysis, terms
  double worker_queued = 0;  // ready to run, waiting for a core
  double worker_wait = 0;    // blocked for room: too far ahead of the slowest writer
  unsigned writers = 0;
  double writer_wall = 0;  // each writing thread, from the first document to its last commit
  double writer_cpu = 0;
  double writer_queued = 0;
  double writer_store = 0;  // wall time in the archive writer (puts, its commits)
  double writer_wait = 0;   // blocked for the next document in walk order
};

struct IngestSummary {
  std::uint64_t added = 0;
  std::uint64_t updated = 0;  // changed content, or known content under one more path
  std::uint64_t unchanged = 0;
  std::uint64_t removed = 0;  // paths forgotten by --prune
  // Documents whose original and sidecar were unchanged but whose entry an older analysis
  // version made: analysed again (from the file, or from the stored original).
  std::uint64_t reanalysed = 0;
  std::uint64_t stale_left = 0;        // documents of an older version still in the archive after
  std::uint32_t analysis_version = 0;  // this binary's (archive::kAnalysisVersion)
  std::vector<FileNote> failed;        // the file is not (or no longer) indexed as it is now
  std::vector<FileNote> skipped;       // not a format Vanban reads
  std::vector<FileNote> warnings;      // indexed, with a remark (replaced bytes, lost footnotes)
  std::uint64_t files = 0;             // files offered to the readers
  std::uint64_t bytes = 0;
  std::uint64_t ocr_pages = 0;  // scanned pages recognised (never again for unchanged files)
  double seconds = 0;
  PipelineFigures pipeline;
};

// Ingests `options.inputs` into the archive `writer` and commits. An input that does not
// exist is an invalid_argument error (nothing is written); a file that cannot be read, is
// corrupt, too large or a scan without text is listed in `failed` and the rest goes on.
Result<IngestSummary> ingest(archive::ArchiveWriter& writer, const IngestOptions& options);

// {"added", "updated", "unchanged", "removed", "reanalysed", "stale_left", "analysis_version",
//  "failed": [{"path", "reason"}],
//  "skipped": [{"path", "reason"}], "warnings": [{"path", "message"}], "files", "bytes",
//  "ocr_pages", "seconds", "pipeline": {"workers", "worker_cpu_s", "worker_queued_s",
//  "worker_wait_s", "writers", "writer_wall_s", "writer_cpu_s", "writer_queued_s",
//  "writer_store_s", "writer_wait_s"}}
nlohmann::json to_json(const IngestSummary& summary);

}  // namespace vanban::indexer
