// `vanban search` without --json: the page as a terminal shows it, in the order and with the
// words of the web UI (web/js/search.js): how a question was understood, a validity answer,
// numbers not archived, the suggested spelling, relaxed matching, the hits and the total.
#pragma once

#include <string>

#include "vanban/archive/searcher.hpp"

namespace vanban::server {

// `filtered`: the request named filters, so an empty answer to a question may be the filters'
// doing, not the archive's lack.
std::string search_text(const archive::SearchResponse& response, bool filtered);

}  // namespace vanban::server
