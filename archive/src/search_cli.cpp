#include "search_cli.hpp"

#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "vanban/archive/archive.hpp"
#include "vanban/archive/cli.hpp"

namespace vanban::archive {
namespace {

struct SearchOptions {
  std::filesystem::path db_dir;
  bool json = false;
  std::vector<std::string> query_words;
  std::vector<std::string> issuers;
  std::vector<std::string> types;
  std::vector<std::string> years;
  std::vector<std::string> cites;
  std::string number;
  std::string from;
  std::string to;
  std::string sort = "relevance";
  int page = 1;
  int size = 20;
};

const std::string& shown(const Error& error) {
  return error.user_message.empty() ? error.message : error.user_message;
}

std::string or_dash(const std::optional<std::string>& value) {
  return value ? *value : "-";
}

void run_search(const SearchOptions& options) {
  SearchRequest request;
  for (const std::string& word : options.query_words)
    request.query += (request.query.empty() ? "" : " ") + word;
  request.issuers = options.issuers;
  request.types = options.types;
  request.years = options.years;
  request.cites = options.cites;
  if (!options.number.empty()) request.number = options.number;
  if (!options.from.empty()) request.from = options.from;
  if (!options.to.empty()) request.to = options.to;
  request.sort = options.sort == "newest"   ? SortOrder::newest
                 : options.sort == "oldest" ? SortOrder::oldest
                                            : SortOrder::relevance;
  request.page = options.page;
  request.size = options.size;

  // A searcher serves an archive not yet created as empty (the server waits for the first
  // index); on the command line a missing archive is a mistyped --db, said as `check` says it.
  const Archive archive(options.db_dir);
  if (!archive.indexed()) {
    std::cerr << "vanban search: Không có kho văn bản tại " << options.db_dir << '\n';
    throw CLI::RuntimeError(1);
  }
  auto searcher = archive.open_searcher();
  if (!searcher) {
    std::cerr << "vanban search: " << shown(searcher.error()) << '\n';
    throw CLI::RuntimeError(1);
  }
  auto response = (*searcher)->search(request);
  if (!response) {
    std::cerr << "vanban search: " << shown(response.error()) << '\n';
    throw CLI::RuntimeError(response.error().kind == ErrorKind::invalid_argument ? 2 : 1);
  }
  if (options.json) {
    // Stored text may hold invalid UTF-8 (old PDFs): replaced, never an exception.
    std::cout << to_json(*response).dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
              << '\n';
    return;
  }
  for (const SearchHit& hit : response->hits) {
    const auto& metadata = hit.document.metadata;
    std::cout << or_dash(metadata.number) << '\t' << or_dash(metadata.date) << '\t'
              << (metadata.title ? *metadata.title : hit.document.filename) << '\n';
  }
  std::cout << "Tổng số: " << response->total << " văn bản\n";
}

}  // namespace

void register_search_command(CLI::App& app) {
  auto options = std::make_shared<SearchOptions>();
  CLI::App* search = app.add_subcommand("search", "Search the archive");
  add_db_option(*search, options->db_dir);
  search->add_flag("--json", options->json, "Print the API's JSON");
  search->add_option("--issuer", options->issuers, "Issuer filter (repeatable)");
  search->add_option("--type", options->types, "Type name or code filter (repeatable)");
  search->add_option("--year", options->years, "Year filter (repeatable)");
  search->add_option("--cites", options->cites, "Cited number filter (repeatable)");
  search->add_option("--number", options->number, "The document's own number");
  search->add_option("--from", options->from, "Earliest date, YYYY-MM-DD");
  search->add_option("--to", options->to, "Latest date, YYYY-MM-DD");
  search->add_option("--sort", options->sort, "relevance, newest or oldest")
      ->check(CLI::IsMember({"relevance", "newest", "oldest"}));
  search->add_option("--page", options->page, "Page number, from 1");
  search->add_option("--size", options->size, "Hits per page");
  search->add_option("QUERY", options->query_words, "What to search for");
  search->callback([options] { run_search(*options); });
}

}  // namespace vanban::archive
