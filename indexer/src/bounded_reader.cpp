#include "bounded_reader.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <mutex>
#include <new>

#include <fcntl.h>
#include <poll.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "vanban/common/file_descriptor.hpp"

#include "ocr.hpp"

extern char** environ;

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define VANBAN_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(memory_sanitizer)
#define VANBAN_SANITIZED 1
#endif
#endif

namespace vanban::indexer {

namespace {
std::mutex& program_mutex() {
  static std::mutex mutex;
  return mutex;
}
std::filesystem::path& program_path() {
  static std::filesystem::path path;
  return path;
}
}  // namespace

void set_bounded_reader_program(std::filesystem::path program) {
  const std::lock_guard lock(program_mutex());
  program_path() = std::move(program);
}

std::filesystem::path bounded_reader_program() {
  const std::lock_guard lock(program_mutex());
  return program_path();
}

namespace detail {
namespace {

// Frames of the child's stdout: a page recognised; out of memory; the answer (a 64-bit
// length, then encode_read_result's payload).
constexpr char kPageFrame = 'P';
constexpr char kMemoryFrame = 'M';
constexpr char kAnswerFrame = 'R';
constexpr int kExitOutOfMemory = 3;
constexpr std::size_t kStderrKept = 4096;

// ---- the answer's encoding ----

void put_u64(std::string& out, std::uint64_t value) {
  for (int i = 0; i < 8; ++i)
    out.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}

void put_string(std::string& out, std::string_view text) {
  put_u64(out, text.size());
  out.append(text);
}

class Decoder {
 public:
  explicit Decoder(std::string_view bytes) : bytes_(bytes) {}
  bool u64(std::uint64_t& value) {
    if (bytes_.size() < 8) return false;
    value = 0;
    for (int i = 0; i < 8; ++i)
      value |= std::uint64_t{static_cast<unsigned char>(bytes_[static_cast<std::size_t>(i)])}
               << (8 * i);
    bytes_.remove_prefix(8);
    return true;
  }
  bool text(std::string& value) {
    std::uint64_t size = 0;
    if (!u64(size) || size > bytes_.size()) return false;
    value.assign(bytes_.substr(0, static_cast<std::size_t>(size)));
    bytes_.remove_prefix(static_cast<std::size_t>(size));
    return true;
  }
  bool at_end() const { return bytes_.empty(); }

 private:
  std::string_view bytes_;
};

Error malformed_answer() {
  return make_error(ErrorKind::internal, "the reading process sent a malformed answer");
}

}  // namespace

std::string encode_read_result(const Result<ReadDocument>& result) {
  std::string out;
  if (!result) {
    put_u64(out, 0);
    put_u64(out, static_cast<std::uint64_t>(result.error().kind));
    put_string(out, result.error().message);
    put_string(out, result.error().user_message);
    return out;
  }
  put_u64(out, 1);
  put_string(out, result->text);
  put_u64(out, result->warnings.size());
  for (const std::string& warning : result->warnings)
    put_string(out, warning);
  put_u64(out, result->ocr ? 1 : 0);
  if (result->ocr) {
    put_string(out, result->ocr->engine);
    put_u64(out, result->ocr->pages);
    put_u64(out, result->ocr->confidence);
  }
  return out;
}

Result<ReadDocument> decode_read_result(std::string_view payload) {
  Decoder in(payload);
  std::uint64_t ok = 0;
  if (!in.u64(ok) || ok > 1) return malformed_answer();
  if (ok == 0) {
    std::uint64_t kind = 0;
    Error error;
    if (!in.u64(kind) || kind > static_cast<std::uint64_t>(ErrorKind::internal) ||
        !in.text(error.message) || !in.text(error.user_message) || !in.at_end())
      return malformed_answer();
    error.kind = static_cast<ErrorKind>(kind);
    return error;
  }
  ReadDocument document;
  std::uint64_t warnings = 0;
  if (!in.text(document.text) || !in.u64(warnings)) return malformed_answer();
  for (std::uint64_t i = 0; i < warnings; ++i) {
    std::string warning;
    if (!in.text(warning)) return malformed_answer();
    document.warnings.push_back(std::move(warning));
  }
  std::uint64_t has_ocr = 0;
  if (!in.u64(has_ocr) || has_ocr > 1) return malformed_answer();
  if (has_ocr == 1) {
    archive::OcrNote note;
    std::uint64_t pages = 0;
    std::uint64_t confidence = 0;
    if (!in.text(note.engine) || !in.u64(pages) || !in.u64(confidence) || pages > UINT32_MAX ||
        confidence > 100)
      return malformed_answer();
    note.pages = static_cast<std::uint32_t>(pages);
    note.confidence = static_cast<std::uint32_t>(confidence);
    document.ocr = std::move(note);
  }
  if (!in.at_end()) return malformed_answer();
  return document;
}

namespace {

// ---- the command line between the two sides ----

const char* preprocess_name(OcrPreprocess preprocess) {
  switch (preprocess) {
    case OcrPreprocess::deskew:
      return "deskew";
    case OcrPreprocess::sauvola:
      return "sauvola";
    case OcrPreprocess::none:
      break;
  }
  return "none";
}

// ---- the child's side ----

void out_of_memory() {
  const char frame = kMemoryFrame;
  (void)!::write(STDOUT_FILENO, &frame, 1);
  ::_exit(kExitOutOfMemory);
}

// Each page recognised brings its own allowance of CPU time (its OCR has a deadline of its own).
void allow_another_page(int page_timeout_ms) {
  rlimit limit{};
  if (::getrlimit(RLIMIT_CPU, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return;
  const rlim_t more = static_cast<rlim_t>((page_timeout_ms + 999) / 1000);
  limit.rlim_cur = limit.rlim_max == RLIM_INFINITY
                       ? limit.rlim_cur + more
                       : std::min(limit.rlim_max, limit.rlim_cur + more);
  ::setrlimit(RLIMIT_CPU, &limit);
}

// ---- the parent's side ----

std::string seconds(std::chrono::milliseconds duration) {
  return std::to_string((duration.count() + 999) / 1000) + " s";
}

std::string mebibytes(std::uint64_t bytes) {
  return std::to_string((bytes + 512 * 1024) / (1024 * 1024)) + " MB";
}

Error system_error(const std::string& what) {
  return make_error(ErrorKind::io, what + ": " + std::strerror(errno));
}

// What the child gave, and how it ended.
struct ChildRun {
  std::string answer;  // the answer frame's payload, when complete
  bool answered = false;
  bool out_of_memory = false;
  bool silent_too_long = false;
  bool answer_too_large = false;
  std::string stderr_head;
  int status = 0;
  double cpu_seconds = 0;
};

// Reads the child's frames until it closes stdout or a bound is passed (then kills it), then
// reaps it.
void watch_child(pid_t child, int out, int err, const ReadOptions& options,
                 std::uint64_t max_answer, ChildRun& run) {
  using Clock = std::chrono::steady_clock;
  auto deadline = Clock::now() + options.bounded.silence_limit;
  std::string pending;  // bytes of stdout not yet taken as frames
  std::uint64_t received = 0;
  bool out_open = true;
  bool err_open = true;
  bool killed = false;
  char buffer[65536];
  // Until the answer is in: a child that lingers after it is killed, not waited for.
  while ((out_open || err_open) && !killed && !run.answered) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) {
      run.silent_too_long = true;
      break;
    }
    pollfd fds[2] = {{out_open ? out : -1, POLLIN, 0}, {err_open ? err : -1, POLLIN, 0}};
    const int ready = ::poll(fds, 2, static_cast<int>(std::min<long long>(left, 60'000)));
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0) break;
    if (err_open && (fds[1].revents & (POLLIN | POLLHUP | POLLERR))) {
      const ssize_t got = ::read(err, buffer, sizeof buffer);
      if (got <= 0) {
        err_open = false;
      } else if (run.stderr_head.size() < kStderrKept) {
        run.stderr_head.append(buffer, std::min<std::size_t>(static_cast<std::size_t>(got),
                                                             kStderrKept - run.stderr_head.size()));
      }
    }
    if (!out_open || !(fds[0].revents & (POLLIN | POLLHUP | POLLERR))) continue;
    const ssize_t got = ::read(out, buffer, sizeof buffer);
    if (got <= 0) {
      out_open = false;
      continue;
    }
    deadline = Clock::now() + options.bounded.silence_limit;
    received += static_cast<std::uint64_t>(got);
    pending.append(buffer, static_cast<std::size_t>(got));
    // Frames: pages and the memory mark are one byte; the answer is its length and payload.
    std::size_t at = 0;
    while (at < pending.size() && !run.answered) {
      if (pending[at] == kPageFrame) {
        ++at;
        if (options.ocr.on_page) options.ocr.on_page();
      } else if (pending[at] == kMemoryFrame) {
        ++at;
        run.out_of_memory = true;
      } else if (pending[at] == kAnswerFrame) {
        if (pending.size() - at < 9) break;
        std::uint64_t size = 0;
        for (int i = 0; i < 8; ++i)
          size |= std::uint64_t{static_cast<unsigned char>(
                      pending[at + 1 + static_cast<std::size_t>(i)])}
                  << (8 * i);
        if (size > max_answer) {
          run.answer_too_large = true;
          break;
        }
        if (pending.size() - at - 9 < size) break;
        run.answer = pending.substr(at + 9, static_cast<std::size_t>(size));
        run.answered = true;
        at += 9 + static_cast<std::size_t>(size);
      } else {
        at = pending.size();  // not a frame: garbage, counted below
        break;
      }
    }
    pending.erase(0, at);
    // Pages are one byte each, and bounded: a child sending more than an answer's worth floods.
    if (run.answer_too_large || received > max_answer + 9 + options.ocr.max_pages + 1) {
      run.answer_too_large = true;
      killed = true;
    }
  }
  if (run.silent_too_long || killed || run.answered) ::kill(child, SIGKILL);
  rusage usage{};
  while (::wait4(child, &run.status, 0, &usage) < 0 && errno == EINTR) {
  }
  run.cpu_seconds = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                    static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

}  // namespace

std::vector<std::string> bounded_arguments(const BoundedRequest& request) {
  const OcrOptions& ocr = request.ocr;
  return {"__read-bounded",
          "--format",
          request.format == Format::pdf ? "pdf" : "image",
          "--max-text-bytes",
          std::to_string(request.max_text_bytes),
          "--ocr",
          ocr.enabled ? "1" : "0",
          "--language",
          ocr.language,
          "--tessdata",
          ocr.tessdata.string(),
          "--dpi",
          std::to_string(ocr.pdf_dpi),
          "--preprocess",
          preprocess_name(ocr.preprocess),
          "--max-pages",
          std::to_string(ocr.max_pages),
          "--max-pixels",
          std::to_string(ocr.max_pixels),
          "--page-timeout-ms",
          std::to_string(ocr.page_timeout_ms)};
}

int run_bounded_child(const BoundedRequest& request) {
  std::set_new_handler(out_of_memory);
  std::string bytes;
  struct stat info {};
  if (::fstat(STDIN_FILENO, &info) == 0 && info.st_size > 0)
    bytes.reserve(static_cast<std::size_t>(info.st_size));
  char buffer[65536];
  while (true) {
    const ssize_t got = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return 1;
    if (got == 0) break;
    bytes.append(buffer, static_cast<std::size_t>(got));
  }
  OcrOptions ocr = request.ocr;
  const int page_timeout_ms = ocr.page_timeout_ms;
  ocr.on_page = [page_timeout_ms] {
    allow_another_page(page_timeout_ms);
    const char frame = kPageFrame;
    (void)write_all(STDOUT_FILENO, std::string_view(&frame, 1));
  };
  const Result<ReadDocument> read = request.format == Format::pdf
                                        ? read_pdf(bytes, ocr, request.max_text_bytes)
                                        : read_image(bytes, ocr);
  const std::string payload = encode_read_result(read);
  std::string frame(1, kAnswerFrame);
  put_u64(frame, payload.size());
  if (write_all(STDOUT_FILENO, frame) != 0 || write_all(STDOUT_FILENO, payload) != 0) return 1;
  return 0;
}

Result<ReadDocument> read_bounded(Format format, std::string_view bytes,
                                  const ReadOptions& options) {
  const BoundedReading& bounds = options.bounded;
  const bool pdf = format == Format::pdf;
  const std::string what = pdf ? "PDF" : "image";
  const std::string shown = pdf ? "tệp PDF" : "tệp ảnh";

  // Everything the child needs is made before the fork: it then only calls the system.
  BoundedRequest request;
  request.format = format;
  request.max_text_bytes = options.max_text_bytes;
  request.ocr = options.ocr;
  request.ocr.on_page = nullptr;
  std::vector<std::string> arguments = bounded_arguments(request);
  arguments.insert(arguments.begin(), bounds.program.string());
  std::vector<char*> argv;
  for (std::string& argument : arguments)
    argv.push_back(argument.data());
  argv.push_back(nullptr);

  const auto page_seconds = static_cast<rlim_t>((options.ocr.page_timeout_ms + 999) / 1000);
  const auto cpu_seconds = static_cast<rlim_t>(std::max<long long>(1, bounds.cpu_limit.count()));
  // The soft limit grows by a page's allowance as the child recognises pages (it raises it
  // itself), up to the hard limit: every page the OCR bound lets it read.
  const rlimit cpu{cpu_seconds + page_seconds,
                   cpu_seconds + page_seconds * static_cast<rlim_t>(options.ocr.max_pages + 1) + 1};
  const rlimit memory{static_cast<rlim_t>(bounds.memory_limit),
                      static_cast<rlim_t>(bounds.memory_limit)};
  const rlimit no_core{0, 0};
#ifdef VANBAN_SANITIZED
  constexpr bool limit_memory = false;
#else
  constexpr bool limit_memory = true;
#endif
  sigset_t no_signals;
  sigemptyset(&no_signals);

  FileDescriptor input(::memfd_create("vanban-read", MFD_CLOEXEC));
  if (!input.valid()) return system_error("cannot make the " + what + " reader's input");
  if (write_all(input.get(), bytes) != 0 || ::lseek(input.get(), 0, SEEK_SET) != 0)
    return system_error("cannot write the " + what + " reader's input");
  int out_pipe[2];
  int err_pipe[2];
  if (::pipe2(out_pipe, O_CLOEXEC) != 0)
    return system_error("cannot make a pipe to the " + what + " reader");
  FileDescriptor out_read(out_pipe[0]);
  FileDescriptor out_write(out_pipe[1]);
  if (::pipe2(err_pipe, O_CLOEXEC) != 0)
    return system_error("cannot make a pipe to the " + what + " reader");
  FileDescriptor err_read(err_pipe[0]);
  FileDescriptor err_write(err_pipe[1]);

  const pid_t child = ::fork();
  if (child < 0) return system_error("cannot start the " + what + " reader");
  if (child == 0) {
    // Async-signal-safe calls only, until exec.
    if (::dup2(input.get(), STDIN_FILENO) < 0 || ::dup2(out_write.get(), STDOUT_FILENO) < 0 ||
        ::dup2(err_write.get(), STDERR_FILENO) < 0)
      ::_exit(127);
    ::setrlimit(RLIMIT_CORE, &no_core);
    if (::setrlimit(RLIMIT_CPU, &cpu) != 0) ::_exit(127);
    if (limit_memory && ::setrlimit(RLIMIT_AS, &memory) != 0) ::_exit(127);
    ::signal(SIGXCPU, SIG_DFL);
    ::sigprocmask(SIG_SETMASK, &no_signals, nullptr);
    ::execve(argv[0], argv.data(), environ);
    ::_exit(127);
  }
  input.reset();
  out_write.reset();
  err_write.reset();

  // The answer: the text (read_pdf stops past twice the text limit), the warnings and the note.
  // Past this (a last page as large again), the child is taken to be flooding.
  const std::uint64_t max_answer = 4 * options.max_text_bytes + std::uint64_t{4} * 1024 * 1024;
  ChildRun run;
  watch_child(child, out_read.get(), err_read.get(), options, max_answer, run);

  if (run.answered && WIFEXITED(run.status) && WEXITSTATUS(run.status) == 0)
    return decode_read_result(run.answer);
  if (run.answered && WIFSIGNALED(run.status) && WTERMSIG(run.status) == SIGKILL)
    return decode_read_result(run.answer);  // killed after answering: it was done
  if (run.answer_too_large) {
    return make_error(ErrorKind::too_large,
                      what + " reading gave more than " + mebibytes(max_answer) + " of text",
                      "Nội dung đọc từ " + shown + " quá lớn (quá " + mebibytes(max_answer) + ")");
  }
  if (run.silent_too_long) {
    return make_error(ErrorKind::too_large,
                      what + " reading stopped: nothing read for " + seconds(bounds.silence_limit),
                      "Đọc " + shown + " quá lâu (quá " + seconds(bounds.silence_limit) +
                          " không tiến triển), đã dừng");
  }
  const bool cpu_spent =
      WIFSIGNALED(run.status) && (WTERMSIG(run.status) == SIGXCPU ||
                                  (WTERMSIG(run.status) == SIGKILL &&
                                   run.cpu_seconds + 0.5 >= static_cast<double>(cpu.rlim_cur)));
  if (cpu_spent) {
    return make_error(ErrorKind::too_large,
                      what + " reading exceeded its CPU time limit (" +
                          std::to_string(bounds.cpu_limit.count()) + " s)",
                      "Đọc " + shown + " quá lâu (quá " + std::to_string(bounds.cpu_limit.count()) +
                          " giây CPU), đã dừng");
  }
  // Out of memory: our new-handler's mark, or poppler's and libstdc++'s own last words.
  const bool memory_spent =
      run.out_of_memory || (WIFEXITED(run.status) && WEXITSTATUS(run.status) == kExitOutOfMemory) ||
      run.stderr_head.find("Out of memory") != std::string::npos ||
      run.stderr_head.find("bad_alloc") != std::string::npos;
  if (memory_spent) {
    return make_error(
        ErrorKind::too_large,
        what + " reading exceeded its memory limit (" + mebibytes(bounds.memory_limit) + ")",
        "Đọc " + shown + " vượt giới hạn bộ nhớ (" + mebibytes(bounds.memory_limit) + "), đã dừng");
  }
  if (WIFEXITED(run.status) && WEXITSTATUS(run.status) == 127 && run.stderr_head.empty()) {
    return make_error(ErrorKind::internal,
                      "cannot start the " + what + " reader (" + bounds.program.string() + ")",
                      "Không chạy được trình đọc " + shown);
  }
  std::string how =
      WIFSIGNALED(run.status)
          ? "was killed by signal " + std::to_string(WTERMSIG(run.status))
          : "ended without an answer (exit status " + std::to_string(WEXITSTATUS(run.status)) + ")";
  // Its last words, for the log: the first line it wrote on stderr.
  if (const std::string_view said =
          std::string_view(run.stderr_head).substr(0, run.stderr_head.find('\n'));
      !said.empty())
    how += ": " + std::string(said);
  return make_error(ErrorKind::invalid_argument, what + " reader " + how,
                    "Tệp " + std::string(pdf ? "PDF" : "ảnh") +
                        " bị hỏng: trình đọc gặp lỗi khi đọc, đã bỏ qua tệp");
}

}  // namespace detail
}  // namespace vanban::indexer
