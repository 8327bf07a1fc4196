// What a client sends, before any handler: the connection layer's request framing (head limits,
// Content-Length, chunked), then the /api/search parameters of the request line. Framing gives
// a complete request inside the bytes, a refusal with a 4xx status, or a wait for more; the
// parameters give a request or a clear 400/413.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <httplib.h>

#include "vanban/server/params.hpp"

#include "fuzz_check.hpp"
#include "request_head.hpp"

namespace {

// httplib's own decoding of a query string into parameters.
vanban::server::QueryParams parameters_of(std::string_view target) {
  vanban::server::QueryParams params;
  const auto question = target.find('?');
  if (question == std::string_view::npos) return params;
  std::string query(target.substr(question + 1));
  std::string_view rest = query;
  while (!rest.empty()) {
    const auto amp = rest.find('&');
    const std::string_view pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
    const auto equals = pair.find('=');
    const std::string key(pair.substr(0, equals));
    const std::string value(equals == std::string_view::npos ? std::string_view{}
                                                             : pair.substr(equals + 1));
    params.emplace(httplib::detail::decode_url(key, true),
                   httplib::detail::decode_url(value, true));
  }
  return params;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace vanban;
  using server::RequestScan;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  server::RequestLimits limits;
  limits.max_head_bytes = 2048;
  limits.max_header_count = 16;
  limits.max_body_bytes = 1024;
  const RequestScan scan = server::scan_request(bytes, limits);
  switch (scan.state) {
    case RequestScan::State::complete:
      fuzz::check(scan.request_bytes > 0 && scan.request_bytes <= bytes.size(),
                  "a complete request lies inside the bytes");
      break;
    case RequestScan::State::refused:
      fuzz::check(
          scan.status == 400 || scan.status == 413 || scan.status == 414 || scan.status == 431,
          "a refusal is 400, 413, 414 or 431");
      break;
    case RequestScan::State::incomplete:
      fuzz::check(bytes.size() <= limits.max_head_bytes + limits.max_body_bytes + 4,
                  "more bytes than any request may hold are never waited for");
      break;
  }
  const std::string_view line = bytes.substr(0, bytes.find('\n'));
  const auto space = line.find(' ');
  const std::string_view target = space == std::string_view::npos ? line : line.substr(space + 1);
  auto request = server::parse_search_params(parameters_of(target.substr(0, target.find(' '))));
  if (!request) {
    fuzz::check(request.error().kind == ErrorKind::invalid_argument ||
                    request.error().kind == ErrorKind::too_large,
                "bad parameters are invalid_argument or too_large");
    fuzz::check(!request.error().user_message.empty() || !request.error().message.empty(),
                "bad parameters are explained");
  }
  return 0;
}
