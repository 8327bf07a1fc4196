#include "vanban/indexer/watch.hpp"

#include <iostream>

#include "vanban/archive/archive.hpp"
#include "vanban/indexer/ingest.hpp"

#include "folder_watch.hpp"
#include "index_command.hpp"

namespace vanban::indexer {
namespace {

bool has_news(const IngestSummary& summary) {
  return summary.added + summary.updated + summary.reanalysed + summary.removed > 0 ||
         !summary.failed.empty() || !summary.skipped.empty();
}

}  // namespace

Status watch_folders(const WatchOptions& options, int stop_fd) {
  const std::shared_ptr<WriterSlot> slot =
      options.writer ? options.writer : std::make_shared<WriterSlot>(options.db_dir);
  // The writer is held from the start (a second `vanban index` is refused at once) and taken in
  // turns with the other writing tasks of this process.
  if (const Status opened = slot->with_writer([](archive::ArchiveWriter&) { return Status{}; });
      !opened)
    return opened;
  // Watching starts before the first pass, so nothing written during it is missed.
  auto watch = detail::FolderWatch::open(options.folders, stop_fd);
  if (!watch) return watch.error();
  std::cerr << "vanban watch: theo dõi " << options.folders.size() << " thư mục (kho "
            << options.db_dir.string() << ")\n";
  do {
    IngestOptions ingest_options;
    ingest_options.inputs = options.folders;
    ingest_options.prune = options.prune;
    ingest_options.read.max_bytes = options.max_bytes;
    const Status pass = slot->with_writer([&](archive::ArchiveWriter& writer) -> Status {
      const Result<IngestSummary> summary = ingest(writer, ingest_options);
      if (!summary) return summary.error();
      if (has_news(*summary)) {
        print_summary(*summary);
        std::cout.flush();
      }
      return Status{};
    });
    // The archive cannot be written (full disk, ...): stop, as `vanban index` does.
    if (!pass) return pass;
  } while (watch->wait_for_quiet(options.settle));
  return Status::success();
}

}  // namespace vanban::indexer
