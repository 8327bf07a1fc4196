#pragma once

#include <filesystem>
#include <functional>
#include <vector>

#include "vanban/common/result.hpp"

namespace CLI {
class App;
}

namespace vanban::server {

// Keeps the archive `db_dir` in step with `folders` until `stop_fd` becomes readable. The
// server does not index: the program that registers `serve` passes the indexer's watch in.
using FolderWatcher =
    std::function<Status(const std::filesystem::path& db_dir,
                         const std::vector<std::filesystem::path>& folders, int stop_fd)>;

// Adds this module's subcommands to `vanban`; with a watcher, `serve --watch FOLDER...` too.
void register_commands(CLI::App& app, FolderWatcher watcher = nullptr);

}  // namespace vanban::server
