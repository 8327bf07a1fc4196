#include "vanban/indexer/cli.hpp"

#include <CLI/CLI.hpp>

namespace vanban::indexer {

// One line per command (each command lives in its own <name>_command.cpp).
void register_index_command(CLI::App& app);

void register_commands(CLI::App& app) {
  register_index_command(app);
}

}  // namespace vanban::indexer
