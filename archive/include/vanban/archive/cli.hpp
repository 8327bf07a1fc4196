#pragma once

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "vanban/archive/writer.hpp"

namespace CLI {
class App;
}

namespace vanban::archive {
// Adds this module's subcommands to `vanban`.
void register_commands(CLI::App& app);

// The `--db DIR` option of a subcommand; `db_dir` starts as Archive::default_dir().
void add_db_option(CLI::App& command, std::filesystem::path& db_dir);

// A compaction's report, for `vanban compact` and `vanban index`: as JSON, and as the line
// printed.
nlohmann::json compact_json(const CompactReport& report);
std::string compact_line(const CompactReport& report);
}  // namespace vanban::archive
