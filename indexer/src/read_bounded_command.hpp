#pragma once

namespace CLI {
class App;
}

namespace vanban::indexer {

void register_read_bounded_command(CLI::App& app);

}  // namespace vanban::indexer
