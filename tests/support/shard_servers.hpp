// xapian-tcpsrv processes on loopback for the sharding tests: one per shard, each on a free
// port, in its own process group (the server forks a child per connection; killing the group
// takes them all down, as a machine going away would).
#pragma once

#include <chrono>
#include <csignal>
#include <filesystem>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

namespace vanban::testing {

inline std::optional<std::filesystem::path> tcpsrv_binary() {
  for (const char* dir : {"/usr/bin", "/usr/local/bin"}) {
    const std::filesystem::path candidate = std::filesystem::path(dir) / "xapian-tcpsrv";
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return std::nullopt;
}

inline bool loopback_connect(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool connected =
      ::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
  ::close(fd);
  return connected;
}

// A port nothing listens on now (the kernel's pick for port 0).
inline int free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(fd);
  return ntohs(address.sin_port);
}

// One xapian-tcpsrv serving one Xapian database folder.
class ShardServer {
 public:
  ShardServer(std::filesystem::path binary, std::filesystem::path database)
      : binary_(std::move(binary)), database_(std::move(database)), port_(free_port()) {
    start();
  }
  ~ShardServer() { kill(); }
  ShardServer(const ShardServer&) = delete;
  ShardServer& operator=(const ShardServer&) = delete;

  std::string spec() const { return "tcp://127.0.0.1:" + std::to_string(port_); }
  bool running() const { return pid_ > 0; }

  // Starts it (again, on the same port); true once it accepts connections.
  bool start() {
    pid_ = ::fork();
    if (pid_ == 0) {
      ::setpgid(0, 0);
      const std::string port = std::to_string(port_);
      ::execl(binary_.c_str(), "xapian-tcpsrv", "--quiet", "--interface", "127.0.0.1", "--port",
              port.c_str(), database_.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::setpgid(pid_, pid_);
    for (int attempt = 0; attempt < 200; ++attempt) {
      if (loopback_connect(port_)) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    return false;
  }

  // The server and every connection it serves, gone at once.
  void kill() {
    if (pid_ <= 0) return;
    ::kill(-pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }

  // Stopped, not gone: it holds its connections and answers nothing (a slow machine).
  void pause() { ::kill(-pid_, SIGSTOP); }
  void resume() { ::kill(-pid_, SIGCONT); }

 private:
  std::filesystem::path binary_;
  std::filesystem::path database_;
  int port_;
  pid_t pid_ = -1;
};

}  // namespace vanban::testing
