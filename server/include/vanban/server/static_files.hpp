// The files of web/ over HTTP, with no way out of the folder: the raw request target is decoded
// here (not httplib's decoded path), `.`/`..` segments and encoded separators are refused, and
// the final file, symlinks resolved, must lie inside the folder. Paths without an extension that
// name no file get index.html (client-side routes of the UI).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace vanban::server {

std::string_view content_type_for(const std::filesystem::path& file);

class StaticFiles {
 public:
  explicit StaticFiles(const std::filesystem::path& root);

  enum class Outcome { file, not_found, bad_request };
  struct Resolution {
    Outcome outcome = Outcome::not_found;
    std::filesystem::path file;  // canonical, inside the root, when outcome is file
  };

  // `target` as sent on the request line ("/van-ban/abc?x=1").
  Resolution resolve(std::string_view target) const;

  // Answers a GET or HEAD: the file with its type and caching headers, 304 when the client's
  // ETag is current, 400/404 as JSON errors otherwise.
  void serve(const httplib::Request& request, httplib::Response& response) const;

  const std::filesystem::path& root() const { return root_; }

 private:
  std::filesystem::path root_;  // canonical; empty when the folder does not exist
};

}  // namespace vanban::server
