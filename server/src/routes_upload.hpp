// POST /api/upload: files from the browser, behind the write token, handed to the ingest
// callback the program gave (the server does no indexing); GET /api/upload says whether
// uploads are on and their size limit, for the upload page.
#pragma once

#include <cstddef>
#include <string>

#include "vanban/server/server.hpp"

#include "routes_api.hpp"

namespace vanban::server {

struct UploadRoute {
  std::string token;  // empty: uploads off (403)
  UploadHandler handler;
  std::size_t max_files = 50;
  std::size_t max_bytes = 0;  // for GET /api/upload
};

void register_upload_route(httplib::Server& http, ApiContext& api, UploadRoute route);

}  // namespace vanban::server
