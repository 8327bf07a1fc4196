// `vanban`: a thin dispatcher; each subcommand lives in its module.
#include <exception>
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>

#include "vanban/analyzers/cli.hpp"
#include "vanban/archive/cli.hpp"
#include "vanban/indexer/cli.hpp"
#include "vanban/indexer/reader.hpp"
#include "vanban/indexer/upload.hpp"
#include "vanban/indexer/watch.hpp"
#include "vanban/server/cli.hpp"

int main(int argc, char** argv) {
  // PDFs and images are read in a child process, this same program (`__read-bounded`), within
  // limits of time and memory (indexer/src/bounded_reader.hpp).
  vanban::indexer::set_bounded_reader_program("/proc/self/exe");
  CLI::App app{"Vanban: full-text search and archive of Vietnamese official documents"};
  app.require_subcommand(1);
  vanban::analyzers::register_commands(app);
  vanban::indexer::register_commands(app);
  vanban::archive::register_commands(app);
  // `serve --watch` runs the indexer's watch beside the server, and uploads go through the
  // indexer's ingest (the server does not index); the two take turns on one writer.
  auto writers = std::make_shared<vanban::indexer::WriterSlots>();
  vanban::server::register_commands(
      app,
      [writers](const std::filesystem::path& db_dir,
                const std::vector<std::filesystem::path>& folders, int stop_fd) {
        vanban::indexer::WatchOptions options;
        options.db_dir = db_dir;
        options.folders = folders;
        options.writer = writers->for_archive(db_dir);
        return vanban::indexer::watch_folders(options, stop_fd);
      },
      [writers](const std::filesystem::path& db_dir, std::vector<vanban::server::UploadFile> files)
          -> vanban::Result<std::vector<vanban::server::UploadResult>> {
        std::vector<vanban::indexer::UploadedFile> uploaded;
        for (auto& file : files)
          uploaded.push_back(
              {std::move(file.name), std::move(file.bytes), std::move(file.sidecar)});
        auto outcomes =
            vanban::indexer::ingest_uploads(*writers->for_archive(db_dir), std::move(uploaded));
        if (!outcomes) return outcomes.error();
        std::vector<vanban::server::UploadResult> results;
        for (auto& outcome : *outcomes) {
          results.push_back({std::move(outcome.name), std::move(outcome.path),
                             std::move(outcome.status), std::move(outcome.message),
                             std::move(outcome.document_id), std::move(outcome.notes)});
        }
        return results;
      });
  try {
    app.parse(argc, argv);
  } catch (const CLI::RuntimeError& error) {
    return error.get_exit_code();  // a subcommand's own exit status
  } catch (const CLI::ParseError& error) {
    // Usage errors exit 2 (docs/ARCHITECTURE.md); --help exits 0.
    const int code = app.exit(error);
    return code == 0 ? 0 : 2;
  } catch (const std::exception& error) {
    std::cerr << "vanban: " << error.what() << '\n';
    return 1;
  }
  return 0;
}
