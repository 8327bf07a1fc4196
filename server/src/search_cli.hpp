// `vanban search`: the searcher on the command line, text or the API's JSON.
#pragma once

namespace CLI {
class App;
}

namespace vanban::server {
void register_search_command(CLI::App& app);
}  // namespace vanban::server
