// Decides, from the bytes a connection has sent so far, whether a whole request is at hand, is
// still arriving, or must be refused; the connection layer reads requests with it before any
// worker thread sees them, so a slow or oversized request never holds a worker.
#pragma once

#include <cstddef>
#include <string_view>

namespace vanban::server {

struct RequestLimits {
  std::size_t max_head_bytes = 16 * 1024;  // request line and headers together
  std::size_t max_header_count = 100;
  std::size_t max_body_bytes = 64 * 1024;
};

struct RequestScan {
  enum class State { incomplete, complete, refused };
  State state = State::incomplete;
  std::size_t request_bytes = 0;  // complete: head and body
  // complete: the body is framed in a way the buffer does not hold (chunked); the connection
  // closes after this request.
  bool close_after = false;
  int status = 0;  // refused: 400 (bad framing), 413, 414 or 431
  // complete: a GET or HEAD of /healthz or /metrics, which the connection layer answers on a
  // worker of its own so that monitoring sees the server even when every search worker is busy.
  bool monitoring = false;
};

RequestScan scan_request(std::string_view buffered, const RequestLimits& limits);

}  // namespace vanban::server
