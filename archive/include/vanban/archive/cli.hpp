#pragma once

namespace CLI {
class App;
}

namespace vanban::archive {
// Adds this module's subcommands to `vanban`.
void register_commands(CLI::App& app);
}  // namespace vanban::archive
