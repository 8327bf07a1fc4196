#include "extract_command.hpp"

#include <fstream>
#include <iostream>
#include <iterator>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "vanban/analyzers/structure.hpp"
#include "vanban/indexer/reader.hpp"

namespace vanban::indexer {
namespace {

std::optional<std::string> read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return std::nullopt;
  return bytes;
}

// One file's JSON: "path", then the metadata model of architecture.md. Fields the container
// states (edXML envelope, sidecar) win over extraction.
std::optional<nlohmann::json> extract_file(const std::filesystem::path& path) {
  const auto bytes = read_bytes(path);
  if (!bytes || std::filesystem::is_directory(path)) {
    std::cerr << "vanban extract: " << path.string() << ": cannot read the file\n";
    return std::nullopt;
  }
  auto document = read_document(path, *bytes);
  if (!document.ok()) {
    std::cerr << "vanban extract: " << path.string() << ": " << document.error().message << '\n';
    return std::nullopt;
  }
  nlohmann::json metadata = analyzers::extract_metadata(document->text);
  if (document->overrides.is_object())
    for (const auto& [field, value] : document->overrides.items())
      if (!value.is_null()) metadata[field] = value;
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
  command->add_option("FILE", *files, "Documents to analyse")->required();
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
    std::cout << results.dump(2) << '\n';
    if (failed) throw CLI::RuntimeError(1);
  });
}

}  // namespace vanban::indexer
