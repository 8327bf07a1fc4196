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
#include "vanban/server/search_json.hpp"

#include "search_text.hpp"

namespace vanban::server {
namespace {

using namespace archive;  // NOLINT(google-build-using-namespace): the searcher's vocabulary

struct SearchOptions {
  std::filesystem::path db_dir;
  bool json = false;
  bool as_words = false;
  std::vector<std::string> query_words;
  FieldValues filters;  // --issuer, --type, ... (one option per field of kSearchFields)
  std::string from;
  std::string to;
  std::string sort = "relevance";
  std::string in = "all";
  int page = 1;
  int size = 20;
};

const std::string& shown(const Error& error) {
  return error.user_message.empty() ? error.message : error.user_message;
}

void run_search(const SearchOptions& options) {
  SearchRequest request;
  for (const std::string& word : options.query_words)
    request.query += (request.query.empty() ? "" : " ") + word;
  request.filters = options.filters;
  if (!options.from.empty()) request.from = options.from;
  if (!options.to.empty()) request.to = options.to;
  request.sort = options.sort == "newest"   ? SortOrder::newest
                 : options.sort == "oldest" ? SortOrder::oldest
                                            : SortOrder::relevance;
  request.scope = options.in == "title" ? SearchScope::title : SearchScope::all;
  request.as_words = options.as_words;
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
    const bool bad_request = response.error().kind == ErrorKind::invalid_argument ||
                             response.error().kind == ErrorKind::too_large;
    throw CLI::RuntimeError(bad_request ? 2 : 1);
  }
  if (options.json) {
    // Stored text may hold invalid UTF-8 (old PDFs): replaced, never an exception.
    std::cout << to_json(*response).dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
              << '\n';
    return;
  }
  bool filtered = !options.from.empty() || !options.to.empty();
  for (const auto& [field, values] : options.filters)
    filtered = filtered || !values.empty();
  std::cout << search_text(*response, filtered);
}

}  // namespace

void register_search_command(CLI::App& app) {
  auto options = std::make_shared<SearchOptions>();
  CLI::App* search = app.add_subcommand("search", "Search the archive");
  add_db_option(*search, options->db_dir);
  search->add_flag("--json", options->json, "Print the API's JSON");
  search->add_flag("--as-words", options->as_words,
                   "Search a relation question's words instead of answering it");
  for (const FieldSpec& field : kSearchFields) {
    if (field.id == FieldId::date) continue;  // --from, --to
    const std::string name(field.name);
    search->add_option(
        "--" + name, options->filters[field.id],
        field.repeated
            ? name + " filter (repeatable; the box's " + std::string(field.box_prefix) + ": too)"
            : name + " filter (the box's " + std::string(field.box_prefix) + ": too)");
  }
  search->add_option("--from", options->from, "Earliest date, YYYY-MM-DD");
  search->add_option("--to", options->to, "Latest date, YYYY-MM-DD");
  search->add_option("--sort", options->sort, "relevance, newest or oldest")
      ->check(CLI::IsMember({"relevance", "newest", "oldest"}));
  search
      ->add_option("--in", options->in,
                   "Where the words are looked for: all (the whole text) or title")
      ->check(CLI::IsMember({"all", "title"}));
  search->add_option("--page", options->page, "Page number, from 1");
  search->add_option("--size", options->size, "Hits per page");
  search->add_option("QUERY", options->query_words, "What to search for");
  search->callback([options] { run_search(*options); });
}

}  // namespace vanban::server
