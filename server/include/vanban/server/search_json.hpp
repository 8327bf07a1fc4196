// The API's JSON of a search: the HTTP edge's shape (docs/ARCHITECTURE.md "HTTP API"), also
// what `vanban search --json` prints.
#pragma once

#include <nlohmann/json.hpp>

#include "vanban/archive/searcher.hpp"

namespace vanban::server {

nlohmann::json to_json(const archive::SearchResponse& response);

}  // namespace vanban::server
