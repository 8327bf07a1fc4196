#include "vanban/archive/cli.hpp"

#include <CLI/CLI.hpp>

namespace vanban::archive {

void register_commands(CLI::App& /*app*/) {}

}  // namespace vanban::archive
