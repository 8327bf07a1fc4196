#include "office_convert.hpp"

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace vanban::indexer::detail {
namespace {

namespace fs = std::filesystem;

// A private folder, removed with everything in it when it goes out of scope.
class TempFolder {
 public:
  static Result<TempFolder> make() {
    std::error_code error;
    const fs::path base = fs::temp_directory_path(error);
    if (error)
      return make_error(ErrorKind::io, "no temporary folder: " + error.message(),
                        "Không tạo được thư mục tạm");
    std::string pattern = (base / "vanban-convert-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr)
      return make_error(ErrorKind::io,
                        "cannot make a temporary folder: " + std::string(std::strerror(errno)),
                        "Không tạo được thư mục tạm");
    return TempFolder(fs::path(pattern));
  }
  TempFolder(TempFolder&& other) noexcept : path_(std::move(other.path_)) { other.path_.clear(); }
  TempFolder& operator=(TempFolder&&) = delete;
  TempFolder(const TempFolder&) = delete;
  ~TempFolder() {
    if (path_.empty()) return;
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  const fs::path& path() const { return path_; }

 private:
  explicit TempFolder(fs::path path) : path_(std::move(path)) {}
  fs::path path_;
};

struct SpawnActions {
  posix_spawn_file_actions_t actions;
  SpawnActions() { posix_spawn_file_actions_init(&actions); }
  ~SpawnActions() { posix_spawn_file_actions_destroy(&actions); }
  SpawnActions(const SpawnActions&) = delete;
  SpawnActions& operator=(const SpawnActions&) = delete;
};

struct SpawnAttributes {
  posix_spawnattr_t attributes;
  SpawnAttributes() { posix_spawnattr_init(&attributes); }
  ~SpawnAttributes() { posix_spawnattr_destroy(&attributes); }
  SpawnAttributes(const SpawnAttributes&) = delete;
  SpawnAttributes& operator=(const SpawnAttributes&) = delete;
};

// The parent's environment with HOME replaced: LibreOffice writes under HOME whatever its
// profile option says.
std::vector<std::string> child_environment(const fs::path& home) {
  std::vector<std::string> entries;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    if (std::strncmp(*entry, "HOME=", 5) != 0) entries.emplace_back(*entry);
  }
  entries.push_back("HOME=" + home.string());
  return entries;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
  std::vector<char*> result;
  result.reserve(strings.size() + 1);
  for (std::string& text : strings)
    result.push_back(text.data());
  result.push_back(nullptr);
  return result;
}

std::uint64_t folder_bytes(const fs::path& folder) {
  std::uint64_t total = 0;
  std::error_code error;
  for (fs::recursive_directory_iterator it(folder, error), end; !error && it != end;
       it.increment(error)) {
    if (it->is_regular_file(error)) total += it->file_size(error);
  }
  return total;
}

enum class Outcome { exited, timed_out, output_too_large };

// Waits for the child, killing its whole process group (LibreOffice's launcher starts the real
// program as a child of its own) when time runs out or the output folder grows past `cap`.
Outcome wait_for(pid_t child, int& status, std::chrono::milliseconds limit, const fs::path& output,
                 std::uint64_t cap) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  auto pause = std::chrono::milliseconds(5);
  while (true) {
    const pid_t done = ::waitpid(child, &status, WNOHANG);
    if (done == child || (done < 0 && errno != EINTR)) {
      ::kill(-child, SIGKILL);  // anything the program left running in its group
      return Outcome::exited;
    }
    Outcome outcome = Outcome::exited;
    if (std::chrono::steady_clock::now() >= deadline) {
      outcome = Outcome::timed_out;
    } else if (folder_bytes(output) > cap) {
      outcome = Outcome::output_too_large;
    }
    if (outcome != Outcome::exited) {
      ::kill(-child, SIGKILL);
      while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
      }
      return outcome;
    }
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(100));
  }
}

std::string file_url(const fs::path& path) {
  return "file://" + path.string();  // our own folder: no characters that need escaping
}

}  // namespace

Result<std::string> convert_with_office(std::string_view bytes, const OfficeConversion& conversion,
                                        const ReadOptions& options) {
  const std::string kind(conversion.kind);
  const std::string program = options.office_program;
  auto folder = TempFolder::make();
  if (!folder) return folder.error();
  const fs::path input = folder->path() / ("input" + std::string(conversion.extension));
  const fs::path output = folder->path() / "out";
  {
    std::ofstream out(input, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out)
      return make_error(ErrorKind::io, "cannot write the temporary copy of the " + kind + " file",
                        "Không ghi được bản sao tạm của tệp");
  }

  std::vector<std::string> arguments = {
      program,        "-env:UserInstallation=" + file_url(folder->path() / "profile"),
      "--headless",   "--norestore",
      "--nologo",     "--nolockcheck",
      "--convert-to", std::string(conversion.filter),
      "--outdir",     output.string(),
      input.string()};
  std::vector<std::string> environment = child_environment(folder->path());
  auto argv = pointers(arguments);
  auto envp = pointers(environment);

  SpawnActions actions;
  posix_spawn_file_actions_addopen(&actions.actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions.actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions.actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  SpawnAttributes attributes;
  posix_spawnattr_setflags(&attributes.attributes, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attributes.attributes, 0);  // its own group, killed as a whole

  pid_t child = 0;
  const int spawned = ::posix_spawnp(&child, program.c_str(), &actions.actions,
                                     &attributes.attributes, argv.data(), envp.data());
  if (spawned == ENOENT) {
    return make_error(ErrorKind::unsupported,
                      "cannot read " + kind + ": LibreOffice (" + program + ") is not installed",
                      "Không đọc được tệp " + kind + ": máy chủ chưa cài LibreOffice");
  }
  if (spawned != 0) {
    return make_error(
        ErrorKind::io,
        "cannot read " + kind + ": cannot start " + program + " (" + std::strerror(spawned) + ")",
        "Không đọc được tệp " + kind + ": không chạy được LibreOffice");
  }
  int status = 0;
  const Outcome outcome =
      wait_for(child, status, options.converter_timeout, output, options.max_bytes);
  if (outcome == Outcome::timed_out) {
    return make_error(ErrorKind::io,
                      "cannot read " + kind + ": LibreOffice did not finish within " +
                          std::to_string(options.converter_timeout.count() / 1000) + " s (stopped)",
                      "Không đọc được tệp " + kind + ": chuyển đổi quá lâu, đã dừng");
  }
  if (outcome == Outcome::output_too_large) {
    return make_error(ErrorKind::too_large,
                      "cannot read " + kind + ": the converted file grew past the size limit",
                      "Không đọc được tệp " + kind + ": tệp chuyển đổi quá lớn");
  }
  const fs::path converted = output / ("input." + std::string(conversion.output_ext));
  std::error_code error;
  const auto size = fs::file_size(converted, error);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || error) {
    // LibreOffice exits 0 without output for files it cannot load.
    return make_error(ErrorKind::invalid_argument,
                      "cannot read " + kind + ": LibreOffice could not convert it (corrupt file?)",
                      "Không đọc được tệp " + kind + " (tệp hỏng?)");
  }
  if (size > options.max_bytes) {
    return make_error(ErrorKind::too_large,
                      "cannot read " + kind + ": the converted file is over the size limit",
                      "Không đọc được tệp " + kind + ": tệp chuyển đổi quá lớn");
  }
  std::ifstream in(converted, std::ios::binary);
  std::string content(static_cast<std::size_t>(size), '\0');
  in.read(content.data(), static_cast<std::streamsize>(content.size()));
  if (in.gcount() != static_cast<std::streamsize>(content.size()))
    return make_error(ErrorKind::io, "cannot read " + kind + ": the converted file is unreadable",
                      "Không đọc được tệp " + kind);
  return content;
}

}  // namespace vanban::indexer::detail
