// The connection layer in front of the worker threads. One thread accepts and polls every open
// connection and reads each request whole (head and body) into the connection's buffer; only a
// complete request is handed to a worker, and the connection comes back to be parked once it is
// answered. Slow, idle or hostile clients therefore hold a file descriptor and a few kilobytes,
// never a worker: hundreds of them leave /healthz answering at once. /healthz and /metrics go
// to a worker of their own, so a monitor sees the server even while every search worker is busy.
// The search workers run niced (`worker_nice`): on a saturated CPU the kernel then runs this
// thread and the monitoring worker first, and they hand work over through lock-free queues, so
// a preempted search worker can never hold them up (docs/RELIABILITY.md, "Load").
//
// Limits: a deadline for the whole request from its first byte (408), an idle keep-alive
// timeout, a cap on head size and header count (431), on body size (413), on open connections in
// all and per client address (503).
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include <httplib.h>

#include "vanban/common/result.hpp"

#include "request_head.hpp"

namespace vanban::server {

struct ConnectionLimits {
  RequestLimits request;
  std::size_t max_connections = 2000;
  std::size_t max_connections_per_client = 512;
  std::chrono::milliseconds request_timeout{10'000};  // from a request's first byte to its last
  std::chrono::milliseconds idle_timeout{5'000};      // keep-alive, between requests
  std::chrono::milliseconds write_timeout{30'000};    // without progress while answering
  std::chrono::milliseconds upload_timeout{300'000};  // a whole authorized upload (RequestScan)
  std::size_t max_requests_per_connection = 100;
};

// Answers one complete request read from `stream`; returns whether the connection may stay open.
using RequestHandler = std::function<bool(httplib::Stream& stream, bool close_connection)>;
// The whole HTTP answer (status line, headers, body) to a request refused with `status`.
using RefusalWriter = std::function<std::string(int status)>;
// Told of each complete request dropped because its client had gone before a worker reached it.
using AbandonedHook = std::function<void()>;

class ConnectionHub {
 public:
  // `worker_nice`: how much nicer than the thread that makes the hub the `workers` run (0: as
  // nice); the loop and the monitoring worker keep that thread's priority.
  ConnectionHub(ConnectionLimits limits, std::size_t workers, int worker_nice,
                RequestHandler handler, RefusalWriter refusal, AbandonedHook abandoned = {});
  ~ConnectionHub();
  ConnectionHub(const ConnectionHub&) = delete;
  ConnectionHub& operator=(const ConnectionHub&) = delete;

  // Listens on host:port (0: any free port) without SO_REUSEPORT, so a port already served by
  // another process is an error; returns the port.
  Result<int> bind(const std::string& host, int port);
  // Serves until stop(); answers in flight are finished before it returns.
  Status run();
  // Thread-safe.
  void stop();
  bool is_running() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vanban::server
