#include "vanban/server/static_files.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <optional>
#include <sstream>
#include <utility>
#include <vector>

#include <httplib.h>
#include <sys/stat.h>

#include "vanban/server/responses.hpp"

namespace vanban::server {
namespace {

constexpr std::string_view kIndex = "index.html";

std::optional<int> hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return std::nullopt;
}

// Strict percent-decoding of one path segment; nullopt on a malformed escape.
std::optional<std::string> decode_segment(std::string_view raw) {
  std::string decoded;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '%') {
      decoded += raw[i];
      continue;
    }
    if (i + 2 >= raw.size()) return std::nullopt;
    const auto high = hex_value(raw[i + 1]);
    const auto low = hex_value(raw[i + 2]);
    if (!high || !low) return std::nullopt;
    decoded += static_cast<char>(*high * 16 + *low);
    i += 2;
  }
  return decoded;
}

bool is_inside(const std::filesystem::path& root, const std::filesystem::path& file) {
  const auto [root_end, file_at] =
      std::mismatch(root.begin(), root.end(), file.begin(), file.end());
  return root_end == root.end();
}

std::string http_date(std::time_t seconds) {
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[64];
  std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &utc);
  return text;
}

bool etag_matches(std::string_view if_none_match, std::string_view etag) {
  if (if_none_match == "*") return true;
  std::size_t start = 0;
  while (start < if_none_match.size()) {
    auto end = if_none_match.find(',', start);
    if (end == std::string_view::npos) end = if_none_match.size();
    auto candidate = if_none_match.substr(start, end - start);
    while (!candidate.empty() && candidate.front() == ' ')
      candidate.remove_prefix(1);
    while (!candidate.empty() && candidate.back() == ' ')
      candidate.remove_suffix(1);
    if (candidate.substr(0, 2) == "W/") candidate.remove_prefix(2);
    if (candidate == etag) return true;
    start = end + 1;
  }
  return false;
}

}  // namespace

std::string_view content_type_for(const std::filesystem::path& file) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 16> kTypes = {{
      {".html", "text/html; charset=utf-8"},
      {".htm", "text/html; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".json", "application/json; charset=utf-8"},
      {".map", "application/json; charset=utf-8"},
      {".webmanifest", "application/manifest+json; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".txt", "text/plain; charset=utf-8"},
  }};
  std::string extension = file.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const auto& [known, type] : kTypes) {
    if (extension == known) return type;
  }
  return "application/octet-stream";
}

StaticFiles::StaticFiles(const std::filesystem::path& root) {
  std::error_code error;
  auto canonical = std::filesystem::canonical(root, error);
  if (!error && std::filesystem::is_directory(canonical, error)) root_ = std::move(canonical);
}

StaticFiles::Resolution StaticFiles::resolve(std::string_view target) const {
  const auto query = target.find_first_of("?#");
  const std::string_view raw_path = target.substr(0, query);
  if (raw_path.empty() || raw_path.front() != '/') return {Outcome::bad_request, {}};

  std::vector<std::string> segments;
  std::size_t start = 1;
  while (start <= raw_path.size()) {
    auto end = raw_path.find('/', start);
    if (end == std::string_view::npos) end = raw_path.size();
    const auto raw = raw_path.substr(start, end - start);
    start = end + 1;
    if (raw.empty()) continue;
    auto segment = decode_segment(raw);
    if (!segment) return {Outcome::bad_request, {}};
    // Encoded separators, NUL and dot segments have no business in a file path.
    if (segment->find_first_of(std::string_view("/\\\0", 3)) != std::string::npos ||
        *segment == "." || *segment == "..") {
      return {Outcome::bad_request, {}};
    }
    if (segment->front() == '.') return {Outcome::not_found, {}};  // hidden files stay hidden
    segments.push_back(std::move(*segment));
  }
  if (root_.empty()) return {Outcome::not_found, {}};

  std::filesystem::path candidate = root_;
  for (const auto& segment : segments)
    candidate /= segment;

  std::error_code error;
  if (std::filesystem::is_directory(candidate, error)) candidate /= kIndex;
  auto file = std::filesystem::canonical(candidate, error);
  if (error) {
    // A client-side route of the UI (no extension, not the API) gets the UI's page.
    const bool client_route = !segments.empty() && segments.front() != "api" &&
                              segments.back().find('.') == std::string::npos;
    if (!client_route) return {Outcome::not_found, {}};
    file = std::filesystem::canonical(root_ / kIndex, error);
    if (error) return {Outcome::not_found, {}};
  }
  if (!is_inside(root_, file) || !std::filesystem::is_regular_file(file, error)) {
    return {Outcome::not_found, {}};
  }
  return {Outcome::file, std::move(file)};
}

void StaticFiles::serve(const httplib::Request& request, httplib::Response& response) const {
  const Resolution resolution = resolve(request.target);
  if (resolution.outcome == Outcome::bad_request) {
    send_error(response, make_error(ErrorKind::invalid_argument, "bad static path",
                                    "Đường dẫn không hợp lệ."));
    return;
  }
  struct stat info {};
  if (resolution.outcome == Outcome::not_found || ::stat(resolution.file.c_str(), &info) != 0) {
    send_error(response,
               make_error(ErrorKind::not_found, "no such static file", "Không tìm thấy trang."));
    return;
  }

  char etag[64];
  std::snprintf(etag, sizeof etag, "\"%llx-%llx\"", static_cast<unsigned long long>(info.st_size),
                static_cast<unsigned long long>(info.st_mtim.tv_sec) * 1000000000ULL +
                    static_cast<unsigned long long>(info.st_mtim.tv_nsec));
  const bool is_page = resolution.file.filename() == kIndex;
  // The UI's page is always revalidated so a new release shows at once; assets briefly cached.
  response.set_header("Cache-Control", is_page ? "no-cache" : "public, max-age=300");
  response.set_header("ETag", etag);
  response.set_header("Last-Modified", http_date(info.st_mtim.tv_sec));
  response.set_header("X-Content-Type-Options", "nosniff");

  if (request.has_header("If-None-Match") &&
      etag_matches(request.get_header_value("If-None-Match"), etag)) {
    response.status = 304;
    return;
  }
  std::ifstream in(resolution.file, std::ios::binary);
  std::ostringstream content;
  if (in.is_open()) content << in.rdbuf();
  if (!in.is_open() || in.bad()) {
    send_error(response, make_error(ErrorKind::io, "cannot read " + resolution.file.string()));
    return;
  }
  response.status = 200;
  response.set_content(content.str(), std::string(content_type_for(resolution.file)));
}

}  // namespace vanban::server
