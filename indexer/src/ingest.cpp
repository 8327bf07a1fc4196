// The ingest pipeline: readers and analysis on a pool of threads, writes in walk order on the
// calling thread (the archive has one writer). A bounded window keeps memory flat: workers do
// not run more than a number of files, nor more than a budget of bytes, ahead of the writer;
// enough that they go on while it commits.
#include "vanban/indexer/ingest.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <fstream>
#include <functional>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <unordered_map>

#include <nlohmann/json.hpp>
#include <time.h>

#include "vanban/analyzers/reading_text.hpp"
#include "vanban/archive/digest.hpp"
#include "vanban/indexer/metadata.hpp"

#include "formats.hpp"
#include "walk.hpp"
#include "zip_folder.hpp"

namespace vanban::indexer {
namespace {

using detail::WalkedFile;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// What the calling thread has had of the machine so far: its CPU time, and how long it was
// ready to run but queued behind other processes (Linux's schedstat; 0 where absent). Both
// hold whatever else the machine runs.
struct ThreadTimes {
  double cpu = 0;
  double queued = 0;
  static ThreadTimes now() {
    ThreadTimes times;
    timespec cpu{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu);
    times.cpu = static_cast<double>(cpu.tv_sec) + static_cast<double>(cpu.tv_nsec) * 1e-9;
    std::ifstream schedstat("/proc/thread-self/schedstat");
    std::uint64_t running_ns = 0, queued_ns = 0;
    if (schedstat >> running_ns >> queued_ns) times.queued = static_cast<double>(queued_ns) * 1e-9;
    return times;
  }
  ThreadTimes since(const ThreadTimes& start) const {
    return {cpu - start.cpu, queued - start.queued};
  }
};

struct PreparedMember;

// What a worker hands the writer for one file (or one member of a .zip folder).
struct Prepared {
  // `folder`: a .zip folder, whose members are documents of their own.
  enum class Kind { put, unchanged, failed, folder } kind = Kind::failed;
  std::optional<archive::Original> original;  // hashed once, where it was read
  archive::ArchivedDocument document;
  // The document's index entry, made here rather than by the writer.
  std::optional<archive::PreparedText> free_text;
  Error reason;
  std::vector<std::string> warnings;
  std::vector<PreparedMember> members;  // folder: in the zip's order
  std::vector<FileNote> member_notes_skipped;
  std::vector<FileNote> member_notes_failed;
};

struct PreparedMember {
  std::string path;  // archived: "ARCHIVE.zip!/folder/file.docx"
  Prepared prepared;
};

// What the archive holds for a path; callable from the worker threads.
using SourceLookup = std::function<std::optional<archive::SourceState>(const std::string&)>;

Prepared failed(Error reason) {
  Prepared prepared;
  prepared.kind = Prepared::Kind::failed;
  prepared.reason = std::move(reason);
  return prepared;
}

// Decodes, analyzes and applies the sidecar's fields: the document for `name`, and its index
// entry as stored under `path`.
Prepared analyze_source(const std::filesystem::path& name, const std::string& path,
                        SourceFile source, const ReadOptions& options) {
  auto read = decode_source(name, source, options);
  if (!read) return failed(read.error());

  Prepared prepared;
  prepared.kind = Prepared::Kind::put;
  prepared.warnings = std::move(read->warnings);
  prepared.document.filename = name.filename().string();
  prepared.document.format = read->format;
  prepared.document.ocr = read->ocr;
  prepared.document.sidecar_sha256 = std::move(source.sidecar_sha256);
  prepared.document.metadata = analyze(*read);
  // What is stored, indexed and shown is the text as it reads: page furniture (running
  // headers, page numbers, signature stamps) out, lines wrapped at a page's width joined. The
  // original file is kept as it came.
  prepared.document.text = analyzers::reading_text(read->text).text;
  prepared.free_text = archive::prepare_text(prepared.document, path, source.original);
  prepared.original = std::move(source.original);
  return prepared;
}

// A .zip folder: each member read and analyzed as a file of its own, skipped after hashing when
// the archive holds the same bytes for its path (members have no sidecars).
Prepared prepare_folder(const WalkedFile& file, std::string_view bytes, const SourceLookup& known,
                        const ReadOptions& options, bool reindex) {
  auto members = detail::zip_members(bytes, options);
  if (!members) return failed(members.error());
  Prepared folder;
  folder.kind = Prepared::Kind::folder;
  const std::string prefix = file.path + std::string(detail::kZipMemberSeparator);
  for (FileNote& note : members->skipped)
    folder.member_notes_skipped.push_back(
        {prefix + note.path, std::move(note.message), std::move(note.user_message)});
  for (FileNote& note : members->failed)
    folder.member_notes_failed.push_back(
        {prefix + note.path, std::move(note.message), std::move(note.user_message)});
  for (detail::ZipMember& member : members->members) {
    PreparedMember prepared{prefix + member.path, {}};
    SourceFile source{archive::Original(std::move(member.bytes)), std::nullopt, ""};
    const auto state = known(prepared.path);
    if (!reindex && state && state->sha256 == source.original.sha256() &&
        state->sidecar_sha256.empty()) {
      prepared.prepared.kind = Prepared::Kind::unchanged;
    } else {
      try {
        prepared.prepared = analyze_source(member.path, prepared.path, std::move(source), options);
      } catch (const std::exception& error) {
        prepared.prepared =
            failed(make_error(ErrorKind::internal, std::string("internal error: ") + error.what()));
      }
    }
    folder.members.push_back(std::move(prepared));
  }
  return folder;
}

// Read, hash original and sidecar, skip if both unchanged, else decode, analyze and apply the
// overrides: read_source and decode_source, as `vanban extract` reads.
Prepared prepare(const WalkedFile& file, const SourceLookup& known, const ReadOptions& options,
                 bool reindex) {
  auto source = read_source(file.file, options);
  if (!source) return failed(source.error());
  if (detail::detect_format(file.file, source->original.bytes()) == detail::Format::zip)
    return prepare_folder(file, source->original.bytes(), known, options, reindex);
  const auto state = known(file.path);
  if (!reindex && state && state->sha256 == source->original.sha256() &&
      state->sidecar_sha256 == source->sidecar_sha256) {
    Prepared unchanged;
    unchanged.kind = Prepared::Kind::unchanged;
    return unchanged;
  }
  return analyze_source(file.file, file.path, std::move(*source), options);
}

// Stores the originals and texts of a prepared file (and of a folder's members) in the
// archive's stores, here on a worker: the writer then only checks they are there.
void store_files(archive::ArchiveWriter& writer, Prepared& prepared) {
  if (prepared.kind == Prepared::Kind::put && prepared.original && prepared.free_text)
    writer.store_files(*prepared.original, *prepared.free_text);
  for (PreparedMember& member : prepared.members)
    store_files(writer, member.prepared);
}

// Hands prepared files to the writer in walk order, and takes them back once stored for the
// workers to free: freeing a document's entry (its Xapian document, text, original bytes) is
// work the one writing thread need not do.
class OrderedQueue {
 public:
  // `sizes`: of each file, in order. Memory grows with the bytes being read and analyzed, not
  // with the number of files, so both are bounded.
  OrderedQueue(std::vector<std::uint64_t> sizes, std::size_t window, std::uint64_t byte_budget)
      : slots_(sizes.size()), sizes_(std::move(sizes)), window_(window), budget_(byte_budget) {}

  // The next file index for a worker, or nullopt when all are taken. Waits while the worker
  // would be more than `window` files ahead of the writer, or while the files between the
  // writer and it, and those stored but not yet freed, would exceed the byte budget (one file
  // alone always goes, whatever its size). Frees what the writer gave back meanwhile.
  std::optional<std::size_t> claim(double* waited) {
    std::unique_lock lock(mutex_);
    const auto room = [&] {
      return next_ >= slots_.size() || (next_ < taken_ + window_ &&
                                        (in_flight_ == 0 || in_flight_ + sizes_[next_] <= budget_));
    };
    for (free_spent(lock); !room(); free_spent(lock)) {
      const auto start = Clock::now();
      space_.wait(lock, [&] { return room() || !spent_.empty(); });
      *waited += seconds_since(start);
    }
    if (next_ >= slots_.size()) return std::nullopt;
    in_flight_ += sizes_[next_];
    return next_++;
  }

  // A worker with nothing left to claim frees what the writer gives back until it is done.
  void free_until_done() {
    std::unique_lock lock(mutex_);
    for (;;) {
      space_.wait(lock, [&] { return done_ || !spent_.empty(); });
      if (spent_.empty()) return;
      free_spent(lock);
    }
  }

  // The writer has stored file `index`: what is left of it goes to a worker to free.
  void give_back(std::size_t index, Prepared spent) {
    {
      std::lock_guard lock(mutex_);
      spent_.emplace_back(sizes_[index], std::move(spent));
    }
    space_.notify_one();
  }

  // The writer takes no more files: the workers free what it gave back, then return.
  void finish() {
    {
      std::lock_guard lock(mutex_);
      done_ = true;
    }
    space_.notify_all();
  }

  void deliver(std::size_t index, Prepared prepared) {
    {
      std::lock_guard lock(mutex_);
      slots_[index] = std::move(prepared);
    }
    ready_.notify_all();
  }

  // Stops handing out work (the writer gave up): waiting workers return.
  void cancel() {
    {
      std::lock_guard lock(mutex_);
      next_ = slots_.size();
      done_ = true;
    }
    space_.notify_all();
  }

  // The prepared file `index` (the writer takes them in order), waiting for it if needed;
  // `waiting` is called every half second of the wait.
  template <typename Waiting>
  Prepared take(std::size_t index, Waiting&& waiting, double* waited) {
    Prepared prepared;
    {
      std::unique_lock lock(mutex_);
      const auto start = Clock::now();
      const bool ready = slots_[index].has_value();
      while (!ready_.wait_for(lock, std::chrono::milliseconds(500),
                              [&] { return slots_[index].has_value(); })) {
        lock.unlock();
        waiting();
        lock.lock();
      }
      if (!ready) *waited += seconds_since(start);
      prepared = std::move(*slots_[index]);
      slots_[index].reset();
      taken_ = index + 1;
    }
    space_.notify_all();
    return prepared;
  }

 private:
  // Frees the entries given back, outside the lock; their bytes leave the budget after.
  void free_spent(std::unique_lock<std::mutex>& lock) {
    if (spent_.empty()) return;
    std::vector<std::pair<std::uint64_t, Prepared>> spent;
    spent.swap(spent_);
    lock.unlock();
    std::uint64_t bytes = 0;
    for (const auto& entry : spent)
      bytes += entry.first;
    spent.clear();
    lock.lock();
    in_flight_ -= bytes;
    space_.notify_all();
  }

  std::mutex mutex_;
  std::condition_variable ready_;
  std::condition_variable space_;
  std::vector<std::optional<Prepared>> slots_;
  std::vector<std::uint64_t> sizes_;
  std::size_t window_;
  std::uint64_t budget_;
  // Bytes of the files claimed and not yet freed (being read, waiting for the writer, stored).
  std::uint64_t in_flight_ = 0;
  std::vector<std::pair<std::uint64_t, Prepared>> spent_;  // stored, with their files' sizes
  bool done_ = false;                                      // the writer takes no more
  std::size_t next_ = 0;
  std::size_t taken_ = 0;
};

Error archive_write_failed(const Error& cause) {
  return make_error(ErrorKind::io,
                    "cannot write the archive: " + cause.message +
                        "; the archive keeps what its last commit held; run the same command "
                        "again once the disk has room to store the rest",
                    "Không ghi được vào kho (" + cause.message +
                        "). Kho giữ nguyên các văn bản đã lưu trước đó; hãy giải phóng chỗ trên "
                        "đĩa rồi chạy lại lệnh để lưu nốt phần còn lại.");
}

unsigned thread_count(unsigned requested) {
  if (requested > 0) return requested;
  return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace

Result<IngestSummary> ingest(archive::ArchiveWriter& writer, const IngestOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  auto walked = detail::walk_inputs(options.inputs);
  if (!walked) return walked.error();
  detail::Walk& walk = *walked;

  IngestSummary summary;
  summary.skipped = std::move(walk.skipped);
  summary.failed = std::move(walk.failed);
  summary.files = walk.files.size();
  IngestProgress progress;
  progress.files_total = walk.files.size();
  for (const WalkedFile& file : walk.files)
    progress.bytes_total += file.size;

  // What the archive holds for each path, looked up before the workers start: the writer is
  // not thread-safe, and this lets a worker skip an unchanged file right after hashing it.
  std::vector<std::optional<archive::SourceState>> known;
  known.reserve(walk.files.size());
  try {
    for (const WalkedFile& file : walk.files)
      known.push_back(writer.source(file.path));
  } catch (...) {  // the writer throws only when the database is damaged
    return make_error(ErrorKind::io, "cannot read the archive's sources (damaged database?)",
                      "Không đọc được kho (cơ sở dữ liệu hỏng?)");
  }

  // Pages recognised by OCR, counted by the workers as they go.
  std::atomic<std::uint64_t> ocr_pages{0};
  ReadOptions read_options = options.read;
  read_options.ocr.on_page = [&ocr_pages, chained = options.read.ocr.on_page] {
    ocr_pages.fetch_add(1, std::memory_order_relaxed);
    if (chained) chained();
  };
  const auto report = [&] {
    if (!options.on_progress) return;
    progress.ocr_pages = ocr_pages.load(std::memory_order_relaxed);
    progress.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    options.on_progress(progress);
  };

  const unsigned jobs = thread_count(options.jobs);
  std::vector<std::uint64_t> sizes;
  sizes.reserve(walk.files.size());
  for (const WalkedFile& file : walk.files)
    sizes.push_back(file.size);
  OrderedQueue queue(std::move(sizes), std::max<std::size_t>(options.files_in_flight, jobs),
                     options.bytes_in_flight);
  // The writer is not thread-safe: the workers ask it about the members of .zip folders (whose
  // paths are known only once unpacked) under this lock, which the writing thread holds too.
  std::mutex writer_mutex;
  std::vector<std::jthread> workers;
  // Each worker's figures, added up under the lock as it ends.
  std::mutex figures_mutex;
  PipelineFigures& figures = summary.pipeline;
  figures.workers = static_cast<unsigned>(std::min<std::size_t>(jobs, walk.files.size()));
  for (unsigned i = 0; i < figures.workers; ++i) {
    workers.emplace_back([&] {
      const ThreadTimes start = ThreadTimes::now();
      double waited = 0;
      while (const auto index = queue.claim(&waited)) {
        const SourceLookup lookup =
            [&,
             file_index = *index](const std::string& path) -> std::optional<archive::SourceState> {
          if (path == walk.files[file_index].path) return known[file_index];
          std::lock_guard lock(writer_mutex);
          try {
            return writer.source(path);
          } catch (...) {
            return std::nullopt;  // read and stored again; the put tells unchanged apart
          }
        };
        Prepared prepared;
        try {
          prepared = prepare(walk.files[*index], lookup, read_options, options.reindex);
          store_files(writer, prepared);
        } catch (const std::exception& error) {
          prepared = failed(
              make_error(ErrorKind::internal, std::string("internal error: ") + error.what()));
        }
        queue.deliver(*index, std::move(prepared));
      }
      queue.free_until_done();
      const ThreadTimes used = ThreadTimes::now().since(start);
      std::lock_guard lock(figures_mutex);
      figures.worker_cpu += used.cpu;
      figures.worker_queued += used.queued;
      figures.worker_wait += waited;
    });
  }

  // If writing throws, the workers must still finish before they are joined.
  struct CancelOnExit {
    OrderedQueue& queue;
    ~CancelOnExit() { queue.cancel(); }
  } cancel_on_exit{queue};
  std::set<std::string> member_paths;  // of .zip folders, for --prune
  // Stores one prepared file or member under `path`; false when the archive's disk failed.
  const auto store = [&](const std::string& path, Prepared& prepared) -> Status {
    switch (prepared.kind) {
      case Prepared::Kind::unchanged:
        ++summary.unchanged;
        break;
      case Prepared::Kind::failed:
        summary.failed.push_back(
            {path, std::move(prepared.reason.message), std::move(prepared.reason.user_message)});
        break;
      case Prepared::Kind::folder:
        break;
      case Prepared::Kind::put: {
        Result<archive::PutOutcome> outcome = archive::PutOutcome::unchanged;
        {
          const auto start = Clock::now();
          std::lock_guard lock(writer_mutex);
          outcome =
              writer.put_prepared(path, *prepared.original, prepared.document, *prepared.free_text);
          figures.writer_store += seconds_since(start);
        }
        if (!outcome && outcome.error().kind == ErrorKind::io) {
          // The archive's own disk failed (full, read-only, I/O error): no later file can be
          // stored either, and counts would claim what was never committed. Stop; the archive
          // keeps its last commit, and the next run stores the rest.
          return archive_write_failed(outcome.error());
        }
        if (!outcome) {
          summary.failed.push_back({path, outcome.error().message, outcome.error().user_message});
          break;
        }
        switch (*outcome) {
          case archive::PutOutcome::added:
            ++summary.added;
            break;
          case archive::PutOutcome::updated:
            ++summary.updated;
            break;
          case archive::PutOutcome::unchanged:
            ++summary.unchanged;
            break;
        }
        for (auto& warning : prepared.warnings)
          summary.warnings.push_back({path, std::move(warning), {}});
        break;
      }
    }
    return Status::success();
  };
  const ThreadTimes writer_start = ThreadTimes::now();
  const auto writer_started = Clock::now();
  for (std::size_t index = 0; index < walk.files.size(); ++index) {
    Prepared prepared = queue.take(index, report, &figures.writer_wait);
    const WalkedFile& file = walk.files[index];
    if (const Status stored = store(file.path, prepared); !stored) return stored.error();
    for (PreparedMember& member : prepared.members) {
      member_paths.insert(member.path);
      if (const Status stored = store(member.path, member.prepared); !stored) return stored.error();
    }
    summary.files += prepared.members.size();
    for (FileNote& note : prepared.member_notes_skipped)
      summary.skipped.push_back(std::move(note));
    for (FileNote& note : prepared.member_notes_failed) {
      member_paths.insert(note.path);
      summary.failed.push_back(std::move(note));
    }
    queue.give_back(index, std::move(prepared));
    ++progress.files_done;
    progress.bytes_done += file.size;
    summary.bytes += file.size;
    report();
  }
  queue.finish();
  const ThreadTimes writer_used = ThreadTimes::now().since(writer_start);
  figures.writer_wall = seconds_since(writer_started);
  figures.writer_cpu = writer_used.cpu;
  figures.writer_queued = writer_used.queued;
  workers.clear();  // joins
  summary.ocr_pages = ocr_pages.load();

  if (options.prune) {
    if (!walk.complete) {
      summary.warnings.push_back(
          {"",
           "--prune not applied: some folders could not be listed, their files would be taken "
           "for gone",
           "Không dọn (--prune): có thư mục không đọc được, tệp trong đó sẽ bị coi là đã xóa"});
    } else {
      std::set<std::string> seen;
      for (const WalkedFile& file : walk.files)
        seen.insert(file.path);
      for (const FileNote& note : summary.failed)
        seen.insert(note.path);
      seen.insert(member_paths.begin(), member_paths.end());
      // A .zip folder that could not be read keeps its members' documents, as a file that
      // could not be read keeps its own.
      std::vector<std::string> unread_folders;
      for (const FileNote& note : summary.failed)
        unread_folders.push_back(note.path + std::string(detail::kZipMemberSeparator));
      std::vector<std::string> archived;
      try {
        archived = writer.source_paths();
      } catch (...) {
        return make_error(ErrorKind::io, "cannot list the archive's sources (damaged database?)",
                          "Không đọc được kho (cơ sở dữ liệu hỏng?)");
      }
      for (const std::string& path : archived) {
        if (seen.contains(path)) continue;
        if (std::any_of(unread_folders.begin(), unread_folders.end(),
                        [&](const std::string& folder) { return path.starts_with(folder); }))
          continue;
        if (const Status removed = writer.remove_path(path); !removed) {
          summary.failed.push_back(
              {path, "cannot remove: " + removed.error().message, "Không xóa được khỏi kho"});
          continue;
        }
        ++summary.removed;
      }
    }
  }

  if (const Status committed = writer.commit(); !committed) {
    return archive_write_failed(committed.error());
  }
  summary.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return summary;
}

nlohmann::json to_json(const IngestSummary& summary) {
  auto notes = [](const std::vector<FileNote>& list, const char* key) {
    nlohmann::json array = nlohmann::json::array();
    for (const FileNote& note : list)
      array.push_back({{"path", note.path}, {key, note.message}});
    return array;
  };
  return {{"added", summary.added},
          {"updated", summary.updated},
          {"unchanged", summary.unchanged},
          {"removed", summary.removed},
          {"failed", notes(summary.failed, "reason")},
          {"skipped", notes(summary.skipped, "reason")},
          {"warnings", notes(summary.warnings, "message")},
          {"files", summary.files},
          {"bytes", summary.bytes},
          {"ocr_pages", summary.ocr_pages},
          {"seconds", summary.seconds},
          {"pipeline",
           {{"workers", summary.pipeline.workers},
            {"worker_cpu_s", summary.pipeline.worker_cpu},
            {"worker_queued_s", summary.pipeline.worker_queued},
            {"worker_wait_s", summary.pipeline.worker_wait},
            {"writer_wall_s", summary.pipeline.writer_wall},
            {"writer_cpu_s", summary.pipeline.writer_cpu},
            {"writer_queued_s", summary.pipeline.writer_queued},
            {"writer_store_s", summary.pipeline.writer_store},
            {"writer_wait_s", summary.pipeline.writer_wait}}}};
}

}  // namespace vanban::indexer
