#include "vanban/indexer/cli.hpp"

#include <CLI/CLI.hpp>

namespace vanban::indexer {

void register_commands(CLI::App& /*app*/) {}

}  // namespace vanban::indexer
