#include "vanban/server/cli.hpp"

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <memory>
#include <thread>

#include <CLI/CLI.hpp>
#include <fcntl.h>
#include <pthread.h>
#include <sys/resource.h>
#include <unistd.h>

#include "vanban/archive/archive.hpp"
#include "vanban/archive/cli.hpp"
#include "vanban/server/server.hpp"

#include "search_cli.hpp"
#include "worker_pool.hpp"

namespace vanban::server {
namespace {

// An archive that older (or newer) analysis rules made is served as it is, told once at the
// start; /healthz says it on every call ("analysis"). Shards are left to /healthz: a remote one
// may be slow to answer.
void warn_if_stale(const ServerOptions& options) {
  if (!options.shards.empty() || !archive::Archive(options.db_dir).indexed()) return;
  auto searcher = archive::Archive(options.db_dir).open_searcher();
  if (!searcher.ok()) return;  // said when it is opened to serve
  const auto state = (*searcher)->analysis();
  if (!state.ok()) return;
  if (state->newer > 0) {
    std::cerr << "vanban serve: warning: " << state->newer << " of " << state->documents
              << " documents were analysed by a newer Vanban (analysis version " << state->newest
              << ", this one " << state->version
              << "): searches may read their keys by older rules; run that version\n";
  } else if (state->stale > 0) {
    std::cerr << "vanban serve: warning: " << state->stale << " of " << state->documents
              << " documents were analysed by an older version of the rules (this one is "
              << state->version
              << "): filters and \"cited by\" may miss them until `vanban index` analyses them "
                 "again (serving meanwhile)\n";
  }
}

// SIGINT/SIGTERM are blocked in every thread and taken by one waiting thread, which stops the
// server; in-flight requests are then answered before run() returns.
int serve(ServerOptions options, const std::vector<std::filesystem::path>& watched,
          const FolderWatcher& watcher) {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);  // before any thread starts: they inherit it

  // Every open connection is a descriptor: the soft limit (often 1024) is raised towards the
  // hard one so that the connection cap, not the kernel, decides when clients are refused.
  if (rlimit files{}; ::getrlimit(RLIMIT_NOFILE, &files) == 0) {
    const rlim_t wanted = static_cast<rlim_t>(options.max_connections) + 256;
    if (files.rlim_cur < wanted) {
      files.rlim_cur = std::min(wanted, files.rlim_max);
      ::setrlimit(RLIMIT_NOFILE, &files);
    }
  }
  if (options.shards.empty() && !archive::Archive(options.db_dir).indexed()) {
    std::cerr << "vanban serve: no archive in " << options.db_dir
              << " yet; serving empty results until documents are indexed\n";
  }
  warn_if_stale(options);
  if (!std::filesystem::is_regular_file(options.web_dir / "index.html")) {
    std::cerr << "vanban serve: no web UI in " << options.web_dir << "; serving the API only\n";
  }
  if (!options.shards.empty()) {  // a mistyped spec is said now, not as empty results
    auto opened =
        archive::Archive::open_shards(options.shards, options.originals, options.shard_options);
    if (!opened.ok()) {
      const Error& error = opened.error();
      std::cerr << "vanban serve: "
                << (error.user_message.empty() ? error.message : error.user_message) << '\n';
      return error.kind == ErrorKind::invalid_argument ? 2 : 1;
    }
  }
  HttpServer server(options);
  const auto port = server.bind();
  if (!port.ok()) {
    std::cerr << "vanban serve: " << port.error().message << '\n';
    return 1;
  }
  std::thread signal_waiter([&server, signals] {
    int received = 0;
    sigwait(&signals, &received);
    std::cerr << "vanban serve: stopping\n";
    server.stop();
  });
  std::string archive_shown = options.db_dir.string();
  if (!options.shards.empty()) {
    archive_shown = "shards";
    for (const std::string& spec : options.shards)
      archive_shown += " " + spec;
  }
  std::cerr << "vanban serve: http://" << options.bind << ':' << *port << "/ (archive "
            << archive_shown << ", web " << options.web_dir << ")\n";
  // The watcher indexes on its own thread; a pipe tells it to stop once the server has.
  int stop_pipe[2] = {-1, -1};
  std::thread watching;
  if (!watched.empty()) {
    if (::pipe2(stop_pipe, O_CLOEXEC) != 0) {
      std::cerr << "vanban serve: cannot create a pipe for --watch\n";
      return 1;
    }
    watching = std::thread([&] {
      // Indexing is batch work: no more urgent than a search.
      lower_thread_priority(options.worker_nice);
      if (const Status status = watcher(options.db_dir, watched, stop_pipe[0]); !status.ok()) {
        const Error& error = status.error();
        std::cerr << "vanban serve --watch: "
                  << (error.user_message.empty() ? error.message : error.user_message) << '\n';
      }
    });
  }
  const Status served = server.run();
  if (watching.joinable()) {
    const char stop_byte = 1;
    if (::write(stop_pipe[1], &stop_byte, 1) != 1)
      std::cerr << "vanban serve: cannot stop --watch\n";
    watching.join();
    ::close(stop_pipe[0]);
    ::close(stop_pipe[1]);
  }
  // Wake the waiter if the server stopped on its own.
  pthread_kill(signal_waiter.native_handle(), SIGTERM);
  signal_waiter.join();
  if (!served.ok()) {
    std::cerr << "vanban serve: " << served.error().message << '\n';
    return 1;
  }
  return 0;
}

}  // namespace

void register_commands(CLI::App& app, FolderWatcher watcher, Uploader uploader) {
  register_search_command(app);
  auto options = std::make_shared<ServerOptions>();
  auto watched = std::make_shared<std::vector<std::filesystem::path>>();
  options->web_dir = VANBAN_DEFAULT_WEB_DIR;

  CLI::App* command = app.add_subcommand("serve", "Serve the search API and the web UI over HTTP");
  archive::add_db_option(*command, options->db_dir);
  command->add_option("--bind", options->bind, "Address to listen on")->capture_default_str();
  command->add_option("--port", options->port, "Port to listen on (0: any free port)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  command->add_option("--web", options->web_dir, "Folder of the web UI")->capture_default_str();
  command->add_option("--threads", options->threads, "Worker threads (and index readers)")
      ->capture_default_str()
      ->check(CLI::Range(1, 256));
  command->add_flag("!--no-access-log", options->access_log, "No access log on stderr");
  command
      ->add_option("--max-connections-per-client", options->max_connections_per_client,
                   "Open connections from one address; beyond: 503 (raise it for clients "
                   "behind one proxy or NAT)")
      ->capture_default_str()
      ->check(CLI::Range(1, 1'000'000));
  command
      ->add_option("--shards", options->shards,
                   "Serve these shards as one archive: archive folders or tcp://HOST:PORT of "
                   "xapian-tcpsrv (docs/SCALING.md)")
      ->delimiter(',');
  command
      ->add_option("--originals", options->originals,
                   "Archive folders holding the originals of remote shards")
      ->delimiter(',');
  auto timeout_ms = std::make_shared<int>(2000);
  command
      ->add_option("--shard-timeout-ms", *timeout_ms,
                   "Wait for a remote shard at most this long; then answer without it")
      ->capture_default_str()
      ->check(CLI::Range(50, 600000));
  if (watcher) {
    command
        ->add_option("--watch", *watched,
                     "Folders to index now and whenever they change (like vanban watch)")
        ->check(CLI::ExistingDirectory);
  }
  auto upload_mb = std::make_shared<std::size_t>(64);
  if (uploader) {
    command
        ->add_option("--write-token", options->write_token,
                     "Turn on uploads (POST /api/upload, the page /tai-len.html) for requests "
                     "carrying this token; default $VANBAN_WRITE_TOKEN (safer: not seen by ps)")
        ->envname("VANBAN_WRITE_TOKEN");
    command->add_option("--max-upload-mb", *upload_mb, "Largest upload request, in MB")
        ->capture_default_str()
        ->check(CLI::Range(1, 1024));
  }
  command->callback([options, watched, watcher, timeout_ms, uploader, upload_mb] {
    options->shard_options.timeout = std::chrono::milliseconds(*timeout_ms);
    options->max_upload_bytes = *upload_mb * 1024 * 1024;
    if (!options->write_token.empty() && !options->shards.empty()) {
      std::cerr << "vanban serve: uploads are off when serving shards (which shard would "
                   "take them?)\n";
      options->write_token.clear();
    }
    if (!options->write_token.empty() && uploader) {
      options->upload_handler = [uploader, db = options->db_dir](std::vector<UploadFile> files) {
        return uploader(db, std::move(files));
      };
      std::cerr << "vanban serve: uploads on (POST /api/upload, up to " << *upload_mb
                << " MB per request)\n";
    }
    const int code = serve(*options, *watched, watcher);
    if (code != 0) throw CLI::RuntimeError(code);
  });
}

}  // namespace vanban::server
