// `vanban export [--db DIR] [--format csv|jsonl|edxml] [--output PATH]`: the archive's
// metadata under the field names of Decree 30/2020 Phụ lục VI.
#pragma once

namespace CLI {
class App;
}

namespace vanban::indexer {
void register_export_command(CLI::App& app);
}  // namespace vanban::indexer
