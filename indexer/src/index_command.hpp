// `vanban index [--db DIR] [--json] [--prune] [--jobs N] [--max-size MB] PATH...`
#pragma once

namespace CLI {
class App;
}

namespace vanban::indexer {
void register_index_command(CLI::App& app);
}  // namespace vanban::indexer
