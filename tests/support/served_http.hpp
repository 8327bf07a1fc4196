// An HttpServer bound to a free loopback port and run on its own thread: the one way the HTTP
// tests start a server inside the test process.
#pragma once

#include <memory>
#include <thread>

#include "vanban/common/result.hpp"
#include "vanban/server/server.hpp"

namespace vanban::testing {

class ServedHttp {
 public:
  ServedHttp() = default;
  ServedHttp(const ServedHttp&) = delete;
  ServedHttp& operator=(const ServedHttp&) = delete;
  ~ServedHttp() { halt(); }

  // Binds (options.port 0: any free port) and serves on a thread; the bind error otherwise.
  // After stop() it may start again, with other options.
  Status start(server::ServerOptions options) {
    halt();
    server_ = std::make_unique<server::HttpServer>(std::move(options));
    auto port = server_->bind();
    if (!port.ok()) return port.error();
    port_ = *port;
    served_ = Status::success();
    thread_ = std::thread([this] { served_ = server_->run(); });
    return Status::success();
  }

  // Stops serving and joins the thread.
  void halt() {
    if (server_) server_->stop();
    if (thread_.joinable()) thread_.join();
  }
  // halt(), then what run() returned (success when it never ran).
  Status stop() {
    halt();
    return served_;
  }

  server::HttpServer& server() { return *server_; }
  int port() const { return port_; }

 private:
  std::unique_ptr<server::HttpServer> server_;
  std::thread thread_;
  Status served_;
  int port_ = 0;
};

}  // namespace vanban::testing
