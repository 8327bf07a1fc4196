// `vanban watch [--db DIR] FOLDER...`: keeps an archive in step with folders (inotify).
#pragma once

namespace CLI {
class App;
}

namespace vanban::indexer {
void register_watch_command(CLI::App& app);
}  // namespace vanban::indexer
