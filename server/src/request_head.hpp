// Decides, from the bytes a connection has sent so far, whether a whole request is at hand, is
// still arriving, or must be refused; the connection layer reads requests with it before any
// worker thread sees them, so a slow or oversized request never holds a worker.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace vanban::server {

struct RequestLimits {
  std::size_t max_head_bytes = 16 * 1024;  // request line and headers together
  std::size_t max_header_count = 100;
  std::size_t max_body_bytes = 64 * 1024;
  // POST /api/upload carrying the write token (write_token.hpp) may send a body up to this
  // size; any other request, that one without the token included, has the limit above. No
  // token set: no request gets more.
  std::size_t max_upload_bytes = 0;
  std::string upload_token;
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
  // The head is complete and is an upload with the right token: the body may be as large as
  // max_upload_bytes (and the connection layer gives it more time to arrive).
  bool upload = false;
};

RequestScan scan_request(std::string_view buffered, const RequestLimits& limits);

}  // namespace vanban::server
