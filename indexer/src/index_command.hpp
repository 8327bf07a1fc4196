// `vanban index [--db DIR] [--json] [--prune] [--jobs N] [--max-size MB] PATH...`
#pragma once

namespace CLI {
class App;
}

namespace vanban::indexer {
struct IngestSummary;

void register_index_command(CLI::App& app);

// The summary `vanban index` prints: counts, then a line per failed and skipped file (stdout)
// and per warning (stderr). `vanban watch` prints the same after each pass.
void print_summary(const IngestSummary& summary);
}  // namespace vanban::indexer
