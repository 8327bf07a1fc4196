#include "vanban/server/cli.hpp"

#include <CLI/CLI.hpp>

namespace vanban::server {

void register_commands(CLI::App& /*app*/) {}

}  // namespace vanban::server
