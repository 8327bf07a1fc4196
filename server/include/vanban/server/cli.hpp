#pragma once

#include <filesystem>
#include <functional>
#include <vector>

#include "vanban/common/result.hpp"
#include "vanban/server/server.hpp"

namespace CLI {
class App;
}

namespace vanban::server {

// Keeps the archive `db_dir` in step with `folders` until `stop_fd` becomes readable. The
// server does not index: the program that registers `serve` passes the indexer's watch in.
using FolderWatcher =
    std::function<Status(const std::filesystem::path& db_dir,
                         const std::vector<std::filesystem::path>& folders, int stop_fd)>;

// Ingests files sent to `POST /api/upload` into the archive `db_dir`. The server does not
// index: the program that registers `serve` passes the indexer's upload ingest in.
using Uploader = std::function<Result<std::vector<UploadResult>>(
    const std::filesystem::path& db_dir, std::vector<UploadFile> files)>;

// Adds this module's subcommands to `vanban`; with a watcher, `serve --watch FOLDER...` too;
// with an uploader, uploads behind `--write-token` (or $VANBAN_WRITE_TOKEN).
void register_commands(CLI::App& app, FolderWatcher watcher = nullptr, Uploader uploader = nullptr);

}  // namespace vanban::server
