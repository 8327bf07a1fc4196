#pragma once

#include <filesystem>

namespace CLI {
class App;
}

namespace vanban::archive {
// Adds this module's subcommands to `vanban`.
void register_commands(CLI::App& app);

// The `--db DIR` option of a subcommand; `db_dir` starts as Archive::default_dir().
void add_db_option(CLI::App& command, std::filesystem::path& db_dir);
}  // namespace vanban::archive
