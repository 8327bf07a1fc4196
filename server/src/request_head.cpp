#include "request_head.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>

#include "write_token.hpp"

namespace vanban::server {
namespace {

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

RequestScan refused(int status) {
  RequestScan scan;
  scan.state = RequestScan::State::refused;
  scan.status = status;
  return scan;
}

// The end of the head (past its empty line), if it has arrived.
std::optional<std::size_t> head_end(std::string_view buffered) {
  const std::size_t crlf = buffered.find("\r\n\r\n");
  // Only before the first CRLF CRLF: a large body must not be searched on every read.
  const std::string_view head =
      crlf == std::string_view::npos ? buffered : buffered.substr(0, crlf + 4);
  const std::size_t lf = head.find("\n\n");  // bare LF lines: httplib answers 400
  const std::size_t end = std::min(crlf == std::string_view::npos ? crlf : crlf + 4,
                                   lf == std::string_view::npos ? lf : lf + 2);
  if (end == std::string_view::npos) return std::nullopt;
  return end;
}

// The request line names one of the monitoring routes (query string allowed).
bool is_monitoring_request(std::string_view request_line) {
  const std::size_t method_end = request_line.find(' ');
  if (method_end == std::string_view::npos) return false;
  const std::string_view method = request_line.substr(0, method_end);
  if (method != "GET" && method != "HEAD") return false;
  std::string_view target = request_line.substr(method_end + 1);
  target = target.substr(0, target.find(' '));
  target = target.substr(0, target.find('?'));
  return target == "/healthz" || target == "/metrics";
}

bool is_upload_request(std::string_view request_line) {
  if (!request_line.starts_with("POST ")) return false;
  std::string_view target = request_line.substr(5);
  target = target.substr(0, target.find(' '));
  target = target.substr(0, target.find('?'));
  return target == "/api/upload";
}

}  // namespace

RequestScan scan_request(std::string_view buffered, const RequestLimits& limits) {
  const auto end = head_end(buffered);
  const std::string_view head = buffered.substr(0, end.value_or(buffered.size()));
  const std::size_t first_line_end = head.find('\n');
  if (first_line_end == std::string_view::npos) {
    // httplib itself answers 414 to a request line over its own limit.
    return head.size() > limits.max_head_bytes ? refused(414) : RequestScan{};
  }
  const auto lines = static_cast<std::size_t>(std::count(head.begin(), head.end(), '\n'));
  // The request line and the empty line closing the head are not headers.
  if (lines > limits.max_header_count + 2) return refused(431);
  if (head.size() > limits.max_head_bytes) return refused(431);
  if (!end) return {};

  RequestScan scan;
  std::optional<std::size_t> content_length;
  std::string_view authorization;
  std::string_view token_header;
  std::string_view rest = head.substr(first_line_end + 1);
  while (!rest.empty()) {
    const std::size_t line_end = rest.find('\n');
    const std::string_view line = rest.substr(0, line_end);
    rest = line_end == std::string_view::npos ? std::string_view{} : rest.substr(line_end + 1);
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string_view name = line.substr(0, colon);
    const std::string_view value = trimmed(line.substr(colon + 1));
    if (equals_ignoring_case(name, "Transfer-Encoding")) {
      scan.close_after = true;
    } else if (equals_ignoring_case(name, "Content-Length")) {
      std::size_t length = 0;
      const auto [ptr, error] = std::from_chars(value.data(), value.data() + value.size(), length);
      if (error != std::errc{} || ptr != value.data() + value.size() || value.empty()) {
        return refused(400);
      }
      if (content_length && *content_length != length) return refused(400);
      content_length = length;
    } else if (equals_ignoring_case(name, "Authorization")) {
      authorization = value;
    } else if (equals_ignoring_case(name, "X-Vanban-Token")) {
      token_header = value;
    }
  }
  const std::size_t body = scan.close_after ? 0 : content_length.value_or(0);
  if (limits.max_upload_bytes > 0 && !scan.close_after &&
      is_upload_request(head.substr(0, first_line_end))) {
    const std::string_view token = token_of([&](std::string_view name) {
      return name == "Authorization" ? authorization : token_header;
    });
    scan.upload = token_matches(token, limits.upload_token);
  }
  if (body > (scan.upload ? limits.max_upload_bytes : limits.max_body_bytes)) return refused(413);
  if (buffered.size() - *end < body) return scan;  // incomplete, with `upload` said
  scan.state = RequestScan::State::complete;
  scan.monitoring = is_monitoring_request(head.substr(0, first_line_end));
  // A chunked body is handed over as far as it has arrived; the connection closes after it.
  scan.request_bytes = scan.close_after ? buffered.size() : *end + body;
  return scan;
}

}  // namespace vanban::server
