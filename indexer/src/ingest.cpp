// The ingest pipeline: readers and analysis on a pool of threads, writes in walk order by one
// thread per part of the archive (one database: the calling thread; a sharded archive: one per
// shard, each shard being a database of its own). A bounded window keeps memory flat: workers
// do not run more than a number of files, nor more than a budget of bytes, ahead of the slowest
// writer; enough that they go on while it commits.
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

// The parts of the archive (ArchiveWriter::part) holding a path, with what each holds: one
// part at most, two only after a run was killed while moving the path between shards.
struct Held {
  std::vector<std::pair<std::size_t, archive::SourceState>> parts;
  // What decides "unchanged": the one part holding the path. Held twice, it is written again,
  // which takes it off the part its content does not belong to.
  const archive::SourceState* only() const {
    return parts.size() == 1 ? &parts.front().second : nullptr;
  }
};

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
  Held held;  // put: the parts holding the path before this run
  // put: the archive held this very original and sidecar, analysed by an older version.
  bool reanalysis = false;
  // put: set by the writing thread of the part the content goes to (none: the run stopped
  // before it); `moved`: the path was taken off another part.
  std::optional<Result<archive::PutOutcome>> outcome;
};

struct PreparedMember {
  std::string path;  // archived: "ARCHIVE.zip!/folder/file.docx"
  Prepared prepared;
};

// What the archive holds for a path; callable from the worker threads.
using SourceLookup = std::function<Held(const std::string&)>;

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

// A stored original read back from the archive (a stale document's): its bytes alone, checked
// against the digest it is stored under.
Result<SourceFile> stored_source(const std::filesystem::path& file, const ReadOptions& options) {
  auto bytes = detail::read_bytes(file, options.max_bytes);
  if (!bytes && bytes.error().kind == ErrorKind::io) {
    return make_error(
        ErrorKind::io,
        "its stored original cannot be read (run `vanban check`): " + bytes.error().message,
        "Không đọc được bản gốc lưu trong kho (hãy chạy `vanban check`)");
  }
  if (!bytes) return bytes.error();
  archive::Original original(std::move(*bytes));
  if (original.sha256() != file.filename().string()) {
    return make_error(ErrorKind::io, "its stored original is damaged (run `vanban check`)",
                      "Bản gốc lưu trong kho bị hỏng (hãy chạy `vanban check`)");
  }
  return SourceFile{std::move(original), std::nullopt, ""};
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
    Held held = known(prepared.path);
    const archive::SourceState* state = held.only();
    const bool same =
        state && state->sha256 == source.original.sha256() && state->sidecar_sha256.empty();
    if (!reindex && same && state->analysis_current) {
      prepared.prepared.kind = Prepared::Kind::unchanged;
    } else {
      try {
        prepared.prepared = analyze_source(member.path, prepared.path, std::move(source), options);
        prepared.prepared.held = std::move(held);
        prepared.prepared.reanalysis = same && !state->analysis_current;
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
  auto source = file.stored ? stored_source(file.file, options)
                            : read_source(file.file, options, file.folder);
  if (!source) return failed(source.error());
  const std::filesystem::path& name = file.stored ? std::filesystem::path(file.name) : file.file;
  if (detail::detect_format(name, source->original.bytes()) == detail::Format::zip)
    return prepare_folder(file, source->original.bytes(), known, options, reindex);
  Held held = known(file.path);
  const archive::SourceState* state = held.only();
  const bool same = state && state->sha256 == source->original.sha256() &&
                    state->sidecar_sha256 == source->sidecar_sha256;
  // Unchanged only when the archive's entry was made by this analysis: one an older version
  // made is analysed again (analysis_version.hpp), as --reindex does for every file.
  if (!reindex && same && state->analysis_current) {
    Prepared unchanged;
    unchanged.kind = Prepared::Kind::unchanged;
    return unchanged;
  }
  Prepared prepared = analyze_source(name, file.path, std::move(*source), options);
  prepared.held = std::move(held);
  prepared.reanalysis = same && !state->analysis_current;
  return prepared;
}

// Stores the originals and texts of a prepared file (and of a folder's members) in the
// archive's stores, here on a worker: the writer then only checks they are there.
void store_files(archive::ArchiveWriter& writer, Prepared& prepared) {
  if (prepared.kind == Prepared::Kind::put && prepared.original && prepared.free_text)
    writer.store_files(*prepared.original, *prepared.free_text);
  for (PreparedMember& member : prepared.members)
    store_files(writer, member.prepared);
}

// Hands prepared files to the writers in walk order, each writer seeing every file (and
// writing those whose content goes to its part), and takes them back once every writer is
// done with them, for the workers to free: freeing a document's entry (its Xapian document,
// text, original bytes) is work the writing threads need not do.
class OrderedQueue {
 public:
  // `sizes`: of each file, in order. Memory grows with the bytes being read and analyzed, not
  // with the number of files, so both are bounded.
  OrderedQueue(std::vector<std::uint64_t> sizes, std::size_t window, std::uint64_t byte_budget,
               std::size_t writers)
      : slots_(sizes.size()),
        settled_(sizes.size(), 0),
        sizes_(std::move(sizes)),
        window_(window),
        budget_(byte_budget),
        writers_(writers) {}

  // The next file index for a worker, or nullopt when all are taken. Waits while the worker
  // would be more than `window` files ahead of the slowest writer, or while the files between
  // that writer and it, and those stored but not yet freed, would exceed the byte budget (one file
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

  // The writers are done with file `index`: what is left of it goes to a worker to free.
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

  // Stops handing out work (a writer gave up): waiting workers and writers return.
  void cancel() {
    {
      std::lock_guard lock(mutex_);
      next_ = slots_.size();
      done_ = true;
      cancelled_ = true;
    }
    space_.notify_all();
    ready_.notify_all();
  }

  // The prepared file `index` (each writer takes them in order), waiting for it if needed;
  // `waiting` is called every half second of the wait. Stays in its slot, and where it is,
  // until settle() of the last writer; null when the run was cancelled. The writers read it
  // at once: each writes only the paths whose content goes to its part, and what it writes
  // of them (their outcome, their entry taken in put_prepared) no other writer touches.
  template <typename Waiting>
  Prepared* peek(std::size_t index, Waiting&& waiting, double* waited) {
    std::unique_lock lock(mutex_);
    const auto start = Clock::now();
    const auto here = [&] { return slots_[index].has_value() || cancelled_; };
    const bool ready = here();
    while (!ready_.wait_for(lock, std::chrono::milliseconds(500), here)) {
      lock.unlock();
      waiting();
      lock.lock();
    }
    if (!ready) *waited += seconds_since(start);
    return slots_[index].has_value() ? &*slots_[index] : nullptr;
  }

  // One writer is done with file `index`: the last one takes it out, to account for it and
  // give it back.
  std::optional<Prepared> settle(std::size_t index) {
    std::optional<Prepared> prepared;
    {
      std::lock_guard lock(mutex_);
      if (++settled_[index] < writers_) return std::nullopt;
      prepared = std::move(slots_[index]);
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
  std::vector<std::size_t> settled_;  // writers done with each file
  std::vector<std::uint64_t> sizes_;
  std::size_t window_;
  std::uint64_t budget_;
  std::size_t writers_;
  bool cancelled_ = false;
  // Bytes of the files claimed and not yet freed (being read, waiting for the writer, stored).
  std::uint64_t in_flight_ = 0;
  std::vector<std::pair<std::uint64_t, Prepared>> spent_;  // stored, with their files' sizes
  bool done_ = false;                                      // the writers take no more
  std::size_t next_ = 0;
  std::size_t taken_ = 0;  // files every writer is done with
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

// Reads, analyzes and writes `files` in order through the pipeline: the workers prepare them,
// one thread per part of the archive writes them. Adds what happened to `summary` and
// `progress`; the paths of .zip folders' members to `member_paths`. An error of the archive's
// disk stops it (what was committed stays).
Status write_files(archive::ArchiveWriter& writer, const std::vector<WalkedFile>& files,
                   const IngestOptions& options, IngestSummary& summary, IngestProgress& progress,
                   Clock::time_point started, std::set<std::string>& member_paths) {
  // The parts of the archive, each written by its own thread under its own lock; the workers
  // ask them about the members of .zip folders (whose paths are known only once unpacked)
  // under the same locks. A part's lock is held for one put or removal at a time.
  const std::size_t part_count = std::max<std::size_t>(1, writer.part_count());
  std::vector<std::mutex> part_locks(part_count);
  // What the archive holds for `path`, part by part.
  const auto held_by = [&](const std::string& path, bool lock) {
    Held held;
    for (std::size_t part = 0; part < part_count; ++part) {
      std::unique_lock guard(part_locks[part], std::defer_lock);
      if (lock) guard.lock();
      if (auto state = writer.part(part).source(path))
        held.parts.emplace_back(part, std::move(*state));
    }
    return held;
  };

  // What the archive holds for each path, looked up before the workers start: the writer is
  // not thread-safe, and this lets a worker skip an unchanged file right after hashing it.
  std::vector<Held> known;
  known.reserve(files.size());
  try {
    for (const WalkedFile& file : files)
      known.push_back(held_by(file.path, false));
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
  // Under `settle_mutex` (below): the progress is counted, and reported, one file at a time.
  const auto report = [&] {
    if (!options.on_progress) return;
    progress.ocr_pages = ocr_pages.load(std::memory_order_relaxed);
    progress.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    options.on_progress(progress);
  };

  const unsigned jobs = thread_count(options.jobs);
  std::vector<std::uint64_t> sizes;
  sizes.reserve(files.size());
  for (const WalkedFile& file : files)
    sizes.push_back(file.size);
  OrderedQueue queue(std::move(sizes), std::max<std::size_t>(options.files_in_flight, jobs),
                     options.bytes_in_flight, part_count);
  std::vector<std::jthread> workers;
  // Each thread's figures, added up under the lock as it ends.
  std::mutex figures_mutex;
  PipelineFigures& figures = summary.pipeline;
  const auto workers_here = static_cast<unsigned>(std::min<std::size_t>(jobs, files.size()));
  figures.workers = std::max(figures.workers, workers_here);
  for (unsigned i = 0; i < workers_here; ++i) {
    workers.emplace_back([&] {
      const ThreadTimes start = ThreadTimes::now();
      double waited = 0;
      while (const auto index = queue.claim(&waited)) {
        const SourceLookup lookup = [&, file_index = *index](const std::string& path) -> Held {
          if (path == files[file_index].path) return known[file_index];
          try {
            return held_by(path, true);
          } catch (...) {
            return {};  // read and stored again; the put tells unchanged apart
          }
        };
        Prepared prepared;
        try {
          prepared = prepare(files[*index], lookup, read_options, options.reindex);
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

  // The first writer that cannot write (the archive's disk failed: full, read-only, I/O
  // error) stops the run: no later file can be stored either, and counts would claim what was
  // never committed. The archive keeps its last commits, and the next run stores the rest.
  std::mutex stop_mutex;
  std::optional<Error> stopped;  // the first error, read once the writers are joined
  std::atomic<bool> stopping{false};
  const auto stop = [&](Error error) {
    {
      std::lock_guard lock(stop_mutex);
      if (!stopped) stopped = std::move(error);
    }
    stopping = true;
    queue.cancel();
  };

  // Writes `path` if its content goes to `part`: takes it off any other part holding it first
  // (a changed content that moved shards), then puts it. Its outcome stays in `prepared`.
  // An error of the archive's disk is returned, for the run to stop.
  const auto write = [&](std::size_t part, const std::string& path, Prepared& prepared,
                         double& store_s) -> Status {
    if (prepared.kind != Prepared::Kind::put) return Status::success();
    if (writer.part_of(*prepared.original) != part) return Status::success();
    const auto start = Clock::now();
    bool moved = false;
    for (const auto& holder : prepared.held.parts) {
      if (holder.first == part) continue;
      // Another part's lock, while its own thread waits: paths move between shards rarely.
      std::lock_guard lock(part_locks[holder.first]);
      if (Status removed = writer.part(holder.first).remove_path(path); !removed) {
        if (removed.error().kind == ErrorKind::io) return archive_write_failed(removed.error());
        if (removed.error().kind == ErrorKind::not_found) continue;
        prepared.outcome = Result<archive::PutOutcome>(removed.error());
        store_s += seconds_since(start);
        return Status::success();
      }
      moved = true;
    }
    Result<archive::PutOutcome> outcome = archive::PutOutcome::unchanged;
    {
      std::lock_guard lock(part_locks[part]);
      outcome = writer.part(part).put_prepared(path, *prepared.original, prepared.document,
                                               *prepared.free_text);
    }
    store_s += seconds_since(start);
    if (!outcome && outcome.error().kind == ErrorKind::io)
      return archive_write_failed(outcome.error());
    // Taken off one part and stored in another: the path's document changed.
    if (outcome && moved) outcome = archive::PutOutcome::updated;
    prepared.outcome = std::move(outcome);
    return Status::success();
  };

  // Counts one file or member as its writer left it. Under `settle_mutex`, in walk order.
  const auto account = [&](const std::string& path, Prepared& prepared) {
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
        if (!prepared.outcome) break;  // not written: the run stopped first
        const Result<archive::PutOutcome>& outcome = *prepared.outcome;
        if (!outcome) {
          summary.failed.push_back({path, outcome.error().message, outcome.error().user_message});
          break;
        }
        switch (*outcome) {
          case archive::PutOutcome::added:
            ++summary.added;
            break;
          case archive::PutOutcome::updated:
            ++(prepared.reanalysis ? summary.reanalysed : summary.updated);
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
  };
  // The last writer done with a file accounts for it: the files are settled in walk order,
  // since each writer goes through them in that order and settles them under this lock.
  std::mutex settle_mutex;
  const auto settle = [&](std::size_t index) {
    std::lock_guard lock(settle_mutex);
    std::optional<Prepared> prepared = queue.settle(index);
    if (!prepared) return;
    const WalkedFile& file = files[index];
    account(file.path, *prepared);
    for (PreparedMember& member : prepared->members) {
      member_paths.insert(member.path);
      account(member.path, member.prepared);
    }
    summary.files += prepared->members.size();
    for (FileNote& note : prepared->member_notes_skipped)
      summary.skipped.push_back(std::move(note));
    for (FileNote& note : prepared->member_notes_failed) {
      member_paths.insert(note.path);
      summary.failed.push_back(std::move(note));
    }
    queue.give_back(index, std::move(*prepared));
    ++progress.files_done;
    progress.bytes_done += file.size;
    summary.bytes += file.size;
    report();
  };

  // One part's writing thread: every file in walk order, writing those whose content goes to
  // it; then its commit, so that the parts' last commits run side by side too.
  const auto write_part = [&](std::size_t part) {
    const ThreadTimes start = ThreadTimes::now();
    const auto started_writing = Clock::now();
    double waited = 0, store_s = 0;
    const auto waiting = [&] {
      std::lock_guard lock(settle_mutex);
      report();
    };
    try {
      for (std::size_t index = 0; index < files.size(); ++index) {
        Prepared* prepared = queue.peek(index, waiting, &waited);
        if (!prepared) break;  // cancelled: another writer stopped the run
        Status written = write(part, files[index].path, *prepared, store_s);
        for (PreparedMember& member : prepared->members) {
          if (!written) break;
          written = write(part, member.path, member.prepared, store_s);
        }
        if (!written) {
          stop(written.error());
          break;
        }
        settle(index);
      }
      if (!stopping) {
        const auto start_commit = Clock::now();
        std::lock_guard lock(part_locks[part]);
        if (Status committed = writer.part(part).commit(); !committed)
          stop(archive_write_failed(committed.error()));
        store_s += seconds_since(start_commit);
      }
    } catch (const std::exception& error) {
      stop(make_error(ErrorKind::internal, std::string("internal error: ") + error.what()));
    }
    const ThreadTimes used = ThreadTimes::now().since(start);
    std::lock_guard lock(figures_mutex);
    figures.writer_wall += seconds_since(started_writing);
    figures.writer_cpu += used.cpu;
    figures.writer_queued += used.queued;
    figures.writer_store += store_s;
    figures.writer_wait += waited;
  };
  figures.writers = static_cast<unsigned>(part_count);
  {
    // Part 0 on this thread (one database: the only one), the others on threads of their own.
    std::vector<std::jthread> part_writers;
    for (std::size_t part = 1; part < part_count; ++part)
      part_writers.emplace_back(write_part, part);
    write_part(0);
  }  // joins
  queue.finish();
  workers.clear();  // joins
  summary.ocr_pages += ocr_pages.load();
  if (stopped) return *stopped;
  return Status::success();
}

// Stale documents read back per round: what a round holds in memory, whatever the archive's
// size (each round then goes through the pipeline's own bounded window).
constexpr std::size_t kStaleRound = 256;

// The documents an older analysis version made that the walked files did not replace, analysed
// again from their stored originals, a round at a time, in the index's order. Each is rebuilt
// in place (its id and paths kept) and committed in the writer's batches: a run
// killed midway leaves each document analysed by one version or the other, and the next run
// goes on with those still stale. A document whose sidecar stated some of its fields is left
// as it is (the sidecar is not stored: analysing it without would lose them) and said.
Status reanalyse_stale(archive::ArchiveWriter& writer, const IngestOptions& options,
                       IngestSummary& summary, IngestProgress& progress,
                       Clock::time_point started) {
  std::uint64_t cursor = 0;
  std::uint64_t with_sidecar = 0;
  std::string first_with_sidecar;
  std::set<std::string> member_paths;  // unused: pruning is done
  for (;;) {
    std::vector<archive::StaleDocument> round;
    try {
      round = writer.stale_documents(cursor, kStaleRound);
    } catch (...) {
      return make_error(ErrorKind::io, "cannot list the archive's documents (damaged database?)",
                        "Không đọc được kho (cơ sở dữ liệu hỏng?)");
    }
    if (round.empty()) break;
    std::vector<WalkedFile> files;
    for (archive::StaleDocument& document : round) {
      if (document.paths.empty()) continue;
      if (!document.sidecar_sha256.empty()) {
        if (with_sidecar++ == 0) first_with_sidecar = document.paths.front();
        continue;
      }
      WalkedFile file;
      file.file = std::move(document.original);
      file.path = document.paths.front();
      file.size = document.size;
      file.name = std::move(document.filename);
      file.stored = true;
      progress.files_total += 1;
      progress.bytes_total += file.size;
      files.push_back(std::move(file));
    }
    const std::size_t failed_before = summary.failed.size();
    summary.files += files.size();
    if (Status written =
            write_files(writer, files, options, summary, progress, started, member_paths);
        !written)
      return written;
    for (std::size_t i = failed_before; i < summary.failed.size(); ++i) {
      FileNote& note = summary.failed[i];
      note.message = "not analysed again from its stored original, kept as it was: " + note.message;
      note.user_message = "Không phân tích lại được từ bản gốc trong kho, giữ nguyên như cũ: " +
                          (note.user_message.empty() ? note.message : note.user_message);
    }
  }
  if (with_sidecar > 0) {
    summary.warnings.push_back(
        {first_with_sidecar,
         std::to_string(with_sidecar) +
             " documents analysed by an older version have a sidecar (NAME.meta.json) and were "
             "not among this run's files: kept as they were; index their folders again",
         std::to_string(with_sidecar) +
             " văn bản do phiên bản phân tích cũ lập có tệp siêu dữ liệu kèm (NAME.meta.json) "
             "nhưng không nằm trong các tệp của lần chạy này: giữ nguyên; hãy chạy lại `vanban "
             "index` cho thư mục chứa chúng"});
  }
  if (Status committed = writer.commit(); !committed)
    return archive_write_failed(committed.error());
  return Status::success();
}

}  // namespace

Result<IngestSummary> ingest(archive::ArchiveWriter& writer, const IngestOptions& options) {
  const auto started = Clock::now();
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

  std::set<std::string> member_paths;  // of .zip folders, for --prune
  if (Status written =
          write_files(writer, walk.files, options, summary, progress, started, member_paths);
      !written)
    return written.error();
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
  if (options.reanalyse_stale) {
    if (Status reanalysed = reanalyse_stale(writer, options, summary, progress, started);
        !reanalysed)
      return reanalysed.error();
  }
  try {
    const archive::AnalysisState state = writer.analysis();
    summary.analysis_version = state.version;
    summary.stale_left = state.stale;
  } catch (...) {
    return make_error(ErrorKind::io, "cannot read the archive's analysis versions (damaged?)",
                      "Không đọc được kho (cơ sở dữ liệu hỏng?)");
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
          {"reanalysed", summary.reanalysed},
          {"stale_left", summary.stale_left},
          {"analysis_version", summary.analysis_version},
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
            {"writers", summary.pipeline.writers},
            {"writer_wall_s", summary.pipeline.writer_wall},
            {"writer_cpu_s", summary.pipeline.writer_cpu},
            {"writer_queued_s", summary.pipeline.writer_queued},
            {"writer_store_s", summary.pipeline.writer_store},
            {"writer_wait_s", summary.pipeline.writer_wait}}}};
}

}  // namespace vanban::indexer
