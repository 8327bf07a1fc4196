// `vanban extract FILE...`: the metadata and citations the analyzers find, as JSON.
#pragma once

namespace CLI {
class App;
}

namespace vanban::indexer {
void register_extract_command(CLI::App& app);
}  // namespace vanban::indexer
