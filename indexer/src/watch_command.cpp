// `vanban watch [--db DIR] [--prune] [--settle-ms N] FOLDER...`: one pass of `vanban index`
// over the folders at start (what changed while it was stopped), then another each time the
// folders have changed and stayed quiet for the settle time, so a file still being written is
// read whole. SIGINT/SIGTERM end it between passes; a pass in progress finishes and commits.
#include "watch_command.hpp"

#include <csignal>
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <pthread.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include "vanban/archive/cli.hpp"
#include "vanban/common/file_descriptor.hpp"
#include "vanban/indexer/watch.hpp"

namespace vanban::indexer {
namespace {

namespace fs = std::filesystem;

struct WatchArguments {
  fs::path db_dir;
  std::vector<std::string> folders;
  bool prune = false;
  unsigned settle_ms = 2000;
  std::uint64_t max_size_mb = 100;
};

const std::string& shown(const Error& error) {
  return error.user_message.empty() ? error.message : error.user_message;
}

int run_watch(const WatchArguments& arguments) {
  for (const std::string& folder : arguments.folders) {
    std::error_code error;
    if (!fs::is_directory(folder, error)) {
      std::cerr << "vanban watch: không có thư mục " << folder << '\n';
      return 2;
    }
  }
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);  // before the ingest threads start
  const FileDescriptor stop(::signalfd(-1, &signals, SFD_CLOEXEC));
  if (!stop.valid()) {
    std::cerr << "vanban watch: signalfd failed\n";
    return 1;
  }

  WatchOptions options;
  options.db_dir = arguments.db_dir;
  options.folders.assign(arguments.folders.begin(), arguments.folders.end());
  options.prune = arguments.prune;
  options.settle = std::chrono::milliseconds(arguments.settle_ms);
  options.max_bytes = arguments.max_size_mb * 1024 * 1024;
  if (const Status watched = watch_folders(options, stop.get()); !watched.ok()) {
    std::cerr << "vanban watch: " << shown(watched.error()) << '\n';
    return 1;
  }
  std::cerr << "vanban watch: dừng\n";
  return 0;
}

}  // namespace

void register_watch_command(CLI::App& app) {
  auto arguments = std::make_shared<WatchArguments>();
  CLI::App* command = app.add_subcommand(
      "watch", "Index folders now and again whenever files in them change (inotify)");
  archive::add_db_option(*command, arguments->db_dir);
  command->add_flag("--prune", arguments->prune,
                    "Forget archived files that are no longer under FOLDER...");
  command
      ->add_option("--settle-ms", arguments->settle_ms,
                   "Quiet time after a change before reading (a file being written)")
      ->capture_default_str()
      ->check(CLI::Range(10u, 600000u));
  command->add_option("--max-size", arguments->max_size_mb, "Largest file to read, in MB")
      ->default_val(100)
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1} << 20));
  command->add_option("folders", arguments->folders, "Folders to watch")->required();
  command->callback([arguments] {
    if (const int code = run_watch(*arguments); code != 0) throw CLI::RuntimeError(code);
  });
}

}  // namespace vanban::indexer
