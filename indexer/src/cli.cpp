#include "vanban/indexer/cli.hpp"

#include <CLI/CLI.hpp>

#include "export_command.hpp"
#include "extract_command.hpp"
#include "index_command.hpp"
#include "read_bounded_command.hpp"
#include "watch_command.hpp"

namespace vanban::indexer {

// One line per command (each command lives in its own <name>_command.cpp).
void register_commands(CLI::App& app) {
  register_extract_command(app);
  register_index_command(app);
  register_export_command(app);
  register_watch_command(app);
  register_read_bounded_command(app);
}

}  // namespace vanban::indexer
