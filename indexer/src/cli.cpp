#include "vanban/indexer/cli.hpp"

#include <CLI/CLI.hpp>

#include "extract_command.hpp"

namespace vanban::indexer {

void register_commands(CLI::App& app) {
  register_extract_command(app);
}

}  // namespace vanban::indexer
