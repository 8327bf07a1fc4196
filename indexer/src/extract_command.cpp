#include "extract_command.hpp"

#include <iostream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "vanban/indexer/metadata.hpp"
#include "vanban/indexer/reader.hpp"

namespace vanban::indexer {
namespace {

// One file's JSON: "path", then the metadata model of docs/ARCHITECTURE.md, exactly as `vanban
// index` stores it: the same reading, the sidecar NAME.meta.json merged the same way, and the
// fields the container or the sidecar states winning over extraction.
std::optional<nlohmann::json> extract_file(const std::filesystem::path& path) {
  auto document = read_file(path);
  if (!document.ok()) {
    std::cerr << "vanban extract: " << path.string() << ": " << document.error().message << '\n';
    return std::nullopt;
  }
  for (const std::string& warning : document->warnings)
    std::cerr << "vanban extract: " << path.string() << ": " << warning << '\n';
  const nlohmann::json metadata = analyze(*document);
  nlohmann::json out = nlohmann::json::object();
  out["path"] = path.string();
  out["filename"] = path.filename().string();
  out["format"] = document->format;
  for (const auto& [field, value] : metadata.items())
    out[field] = value;
  return out;
}

}  // namespace

void register_extract_command(CLI::App& app) {
  auto* command = app.add_subcommand(
      "extract", "Print the metadata and citations of each FILE as a JSON array");
  auto files = std::make_shared<std::vector<std::string>>();
  command->add_option("FILE", *files, "Documents to analyze")->required();
  command->callback([files] {
    nlohmann::json results = nlohmann::json::array();
    bool failed = false;
    for (const std::string& file : *files) {
      if (auto result = extract_file(file)) {
        results.push_back(std::move(*result));
      } else {
        failed = true;
      }
    }
    // A path that is not UTF-8 (file names are bytes) is printed with U+FFFD, not thrown on.
    std::cout << results.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    if (failed) throw CLI::RuntimeError(1);
  });
}

}  // namespace vanban::indexer
