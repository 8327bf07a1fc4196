#pragma once

namespace CLI {
class App;
}

namespace vanban::server {
// Adds this module's subcommands to `vanban`.
void register_commands(CLI::App& app);
}  // namespace vanban::server
