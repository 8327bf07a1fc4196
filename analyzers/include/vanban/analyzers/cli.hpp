#pragma once

namespace CLI {
class App;
}

namespace vanban::analyzers {
// Adds `vanban analyze TEXT`.
void register_commands(CLI::App& app);
}  // namespace vanban::analyzers
