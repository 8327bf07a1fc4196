#include "connection_hub.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include "lock_free_queue.hpp"
#include "worker_pool.hpp"

namespace vanban::server {
namespace {

using Clock = std::chrono::steady_clock;

// How long a refused client may go on sending before the connection is closed (closing with
// unread data would reset the connection and could destroy the answer before it is read).
constexpr std::chrono::seconds kLinger{2};
constexpr int kAcceptsPerRound = 64;

struct Connection {
  explicit Connection(int socket) : fd(socket) {}
  ~Connection() { ::close(fd); }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  int fd;
  std::string peer_ip;
  int peer_port = 0;
  std::string local_ip;
  int local_port = 0;
  std::string buffer;  // received and not yet answered
  std::size_t served = 0;
  Clock::time_point deadline;
  bool draining = false;  // refused and answered: input is discarded until the client closes
  bool close = false;     // set by the worker: answered for the last time
  bool upload = false;    // reading an authorized upload: a larger buffer and deadline
};
using ConnectionPtr = std::shared_ptr<Connection>;

// A complete request handed to a worker: the connection holds its bytes.
struct Job {
  ConnectionPtr connection;
  std::size_t request_bytes = 0;
  bool close = false;
};

void address_of(const sockaddr_storage& address, std::string& ip, int& port) {
  char text[INET6_ADDRSTRLEN] = {};
  if (address.ss_family == AF_INET) {
    const auto& v4 = reinterpret_cast<const sockaddr_in&>(address);
    ::inet_ntop(AF_INET, &v4.sin_addr, text, sizeof text);
    port = ntohs(v4.sin_port);
  } else if (address.ss_family == AF_INET6) {
    const auto& v6 = reinterpret_cast<const sockaddr_in6&>(address);
    ::inet_ntop(AF_INET6, &v6.sin6_addr, text, sizeof text);
    port = ntohs(v6.sin6_port);
  }
  ip = text;
}

// Whether the client has closed its end of the connection (or reset it); never waits.
bool client_has_gone(int fd) {
  pollfd probe{fd, POLLRDHUP, 0};
  if (::poll(&probe, 1, 0) <= 0) return false;
  return (probe.revents & (POLLRDHUP | POLLHUP | POLLERR)) != 0;
}

// Sends everything or fails; `timeout` bounds each wait for the client to read.
bool send_all(int fd, const char* data, std::size_t size, std::chrono::milliseconds timeout) {
  while (size > 0) {
    const ssize_t sent = ::send(fd, data, size, MSG_NOSIGNAL);
    if (sent > 0) {
      data += sent;
      size -= static_cast<std::size_t>(sent);
      continue;
    }
    if (sent < 0 && errno == EINTR) continue;
    if (sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      pollfd writable{fd, POLLOUT, 0};
      const int ready = ::poll(&writable, 1, static_cast<int>(timeout.count()));
      if (ready > 0 && (writable.revents & POLLOUT) != 0) continue;
      if (ready < 0 && errno == EINTR) continue;
    }
    return false;
  }
  return true;
}

// One buffered request for httplib: reads come from the connection's buffer (never beyond this
// request, so a pipelined next request stays for later), writes go to the socket.
class ConnectionStream final : public httplib::Stream {
 public:
  ConnectionStream(const Connection& connection, std::size_t request_bytes,
                   std::chrono::milliseconds write_timeout)
      : connection_(connection), request_bytes_(request_bytes), write_timeout_(write_timeout) {}

  using httplib::Stream::write;

  bool is_readable() const override { return position_ < request_bytes_; }
  bool is_writable() const override { return true; }

  ssize_t read(char* ptr, size_t size) override {
    const std::size_t count = std::min(size, request_bytes_ - position_);
    std::memcpy(ptr, connection_.buffer.data() + position_, count);
    position_ += count;
    return static_cast<ssize_t>(count);
  }

  ssize_t write(const char* ptr, size_t size) override {
    if (!send_all(connection_.fd, ptr, size, write_timeout_)) return -1;
    return static_cast<ssize_t>(size);
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    ip = connection_.peer_ip;
    port = connection_.peer_port;
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    ip = connection_.local_ip;
    port = connection_.local_port;
  }
  // httplib refuses sockets past FD_SETSIZE because it would select() on them; nothing here
  // selects, so it is not given the descriptor.
  socket_t socket() const override { return 0; }

 private:
  const Connection& connection_;
  std::size_t request_bytes_;
  std::size_t position_ = 0;
  std::chrono::milliseconds write_timeout_;
};

}  // namespace

struct ConnectionHub::Impl {
  Impl(ConnectionLimits connection_limits, std::size_t threads, int worker_nice,
       RequestHandler request_handler, RefusalWriter refusal_writer, AbandonedHook abandoned_hook)
      : limits(connection_limits),
        handler(std::move(request_handler)),
        refusal(std::move(refusal_writer)),
        abandoned(std::move(abandoned_hook)),
        // Each open connection is in at most one queue at a time, so none of them fills up (and
        // twice the room makes a worker preempted inside pop() unable to hold up the loop).
        returned(queue_capacity()),
        workers(threads, queue_capacity(), worker_nice, [this](Job& job) { answer(job); }),
        monitoring_worker(1, queue_capacity(), 0, [this](Job& job) { answer(job); }),
        wake_fd(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) {}

  std::size_t queue_capacity() const { return 2 * (limits.max_connections + 1); }

  ~Impl() {
    workers.shutdown();
    monitoring_worker.shutdown();
    if (listen_fd >= 0) ::close(listen_fd);
    if (wake_fd >= 0) ::close(wake_fd);
  }

  void wake() {
    const std::uint64_t one = 1;
    [[maybe_unused]] const auto written = ::write(wake_fd, &one, sizeof one);
  }

  std::size_t buffer_cap(const Connection& connection) const {
    return limits.request.max_head_bytes +
           (connection.upload ? limits.request.max_upload_bytes : limits.request.max_body_bytes) +
           1;
  }

  void open_connection(ConnectionPtr connection) {
    ++open;
    ++per_client[connection->peer_ip];
    parked.push_back(std::move(connection));
  }

  void close_connection(ConnectionPtr& connection) {
    --open;
    accept_paused = false;
    const auto client = per_client.find(connection->peer_ip);
    if (client != per_client.end() && --client->second == 0) per_client.erase(client);
    connection.reset();
  }

  void refuse(Connection& connection, int status, Clock::time_point now) {
    const std::string answer = refusal(status);
    [[maybe_unused]] const auto sent =
        ::send(connection.fd, answer.data(), answer.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    linger(connection, now);
  }

  // Answered for the last time with input left unread: the client is told (end of stream) and
  // what it still sends is read and dropped for a moment before closing.
  void linger(Connection& connection, Clock::time_point now) {
    ::shutdown(connection.fd, SHUT_WR);
    connection.draining = true;
    std::string().swap(connection.buffer);
    connection.deadline = now + kLinger;
  }

  void accept_new(Clock::time_point now) {
    for (int round = 0; round < kAcceptsPerRound; ++round) {
      sockaddr_storage address{};
      socklen_t length = sizeof address;
      const int fd = ::accept4(listen_fd, reinterpret_cast<sockaddr*>(&address), &length,
                               SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd < 0) {
        if (errno == EINTR || errno == ECONNABORTED) continue;
        // Out of descriptors: the listening socket stays readable, so it is left out of poll()
        // until a connection closes (the backlog keeps the waiting clients meanwhile).
        if (errno == EMFILE || errno == ENFILE) accept_paused = true;
        return;  // EAGAIN, or out of descriptors
      }
      auto connection = std::make_shared<Connection>(fd);
      address_of(address, connection->peer_ip, connection->peer_port);
      sockaddr_storage local{};
      socklen_t local_length = sizeof local;
      if (::getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_length) == 0) {
        address_of(local, connection->local_ip, connection->local_port);
      }
      // Headers and body leave in separate writes: without TCP_NODELAY, Nagle's algorithm and
      // the client's delayed ACK would hold the body back ~40 ms on every keep-alive request.
      const int on = 1;
      ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
      const auto client = per_client.find(connection->peer_ip);
      const std::size_t from_client = client == per_client.end() ? 0 : client->second;
      if (open >= limits.max_connections || from_client >= limits.max_connections_per_client) {
        const std::string answer = refusal(503);
        [[maybe_unused]] const auto sent =
            ::send(fd, answer.data(), answer.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
        continue;  // closed by the connection's destructor
      }
      connection->deadline = now + limits.request_timeout;
      open_connection(std::move(connection));
    }
  }

  // Reads what the client sent; false when it closed or failed.
  bool receive(Connection& connection, Clock::time_point now) {
    const bool was_empty = connection.buffer.empty();
    char chunk[16 * 1024];
    while (connection.draining || connection.buffer.size() < buffer_cap(connection)) {
      const ssize_t received = ::recv(connection.fd, chunk, sizeof chunk, 0);
      if (received > 0) {
        if (!connection.draining)
          connection.buffer.append(chunk, static_cast<std::size_t>(received));
        continue;
      }
      if (received < 0 && errno == EINTR) continue;
      if (received < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
      return false;
    }
    if (was_empty && !connection.buffer.empty()) {
      connection.deadline = now + limits.request_timeout;
    }
    return true;
  }

  // Hands a complete request to a worker (the connection leaves `connection`), refuses a bad
  // one, or leaves an incomplete one parked.
  void dispatch_if_complete(ConnectionPtr& connection, Clock::time_point now) {
    if (connection->draining || connection->buffer.empty()) return;
    const RequestScan scan = scan_request(connection->buffer, limits.request);
    if (scan.state == RequestScan::State::refused) {
      refuse(*connection, scan.status, now);
      return;
    }
    if (scan.state == RequestScan::State::incomplete) {
      if (scan.upload && !connection->upload) {
        connection->upload = true;
        connection->deadline = now + limits.upload_timeout;
      }
      return;
    }
    const bool close = scan.close_after ||
                       connection->served + 1 >= limits.max_requests_per_connection ||
                       stopping.load();
    auto& pool = scan.monitoring ? monitoring_worker : workers;
    pool.submit(Job{std::move(connection), scan.request_bytes, close});
  }

  // On a worker thread.
  void answer(Job& job) {
    ConnectionPtr connection = std::move(job.connection);
    // A client that closed its end while its request waited in the queue (a browser that moved
    // on, a load generator's timeout) gets no answer, as Go's net/http cancels such a request:
    // running it would spend a worker on nobody and keep the connection counted against the
    // caps, so that the client's next connection could be refused.
    if (client_has_gone(connection->fd)) {
      if (abandoned) abandoned();
      connection->close = true;
      while (!returned.push(connection))
        std::this_thread::yield();
      wake();
      return;
    }
    bool keep_open = false;
    try {
      ConnectionStream stream(*connection, job.request_bytes, limits.write_timeout);
      keep_open = handler(stream, job.close) && !job.close;
    } catch (...) {
      keep_open = false;
    }
    connection->buffer.erase(0, job.request_bytes);
    connection->upload = false;
    ++connection->served;
    connection->close = !keep_open;
    while (!returned.push(connection))
      std::this_thread::yield();  // never full: see queue_capacity()
    wake();
  }

  void take_returned(Clock::time_point now) {
    std::uint64_t count = 0;
    [[maybe_unused]] const auto read = ::read(wake_fd, &count, sizeof count);
    // A worker that has claimed a cell but not filled it yet is found at its own wake().
    while (auto back = returned.pop()) {
      ConnectionPtr& connection = *back;
      if (connection->close && !stopping && !connection->draining && !connection->buffer.empty()) {
        linger(*connection, now);  // requests sent after the last one answered
        parked.push_back(std::move(connection));
        continue;
      }
      if (connection->close || stopping) {
        close_connection(connection);
        continue;
      }
      connection->deadline =
          now + (connection->buffer.empty() ? limits.idle_timeout : limits.request_timeout);
      dispatch_if_complete(connection, now);
      if (connection) parked.push_back(std::move(connection));
    }
  }

  // A request not complete in time gets 408; an idle or refused connection just closes.
  void expire(ConnectionPtr& connection) {
    if (!connection->draining && !connection->buffer.empty()) {
      const std::string answer = refusal(408);
      [[maybe_unused]] const auto sent =
          ::send(connection->fd, answer.data(), answer.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    }
    close_connection(connection);
  }

  int poll_timeout_ms(Clock::time_point now) const {
    if (parked.empty()) return -1;
    Clock::time_point nearest = Clock::time_point::max();
    for (const auto& connection : parked)
      nearest = std::min(nearest, connection->deadline);
    if (nearest <= now) return 0;
    const auto wait = std::chrono::ceil<std::chrono::milliseconds>(nearest - now);
    return static_cast<int>(std::min<std::chrono::milliseconds::rep>(wait.count(), 60'000));
  }

  Status loop() {
    std::vector<pollfd> watched;
    while (!stopping) {
      watched.clear();
      watched.push_back({wake_fd, POLLIN, 0});
      watched.push_back({listen_fd, static_cast<short>(accept_paused ? 0 : POLLIN), 0});
      for (const auto& connection : parked)
        watched.push_back({connection->fd, POLLIN, 0});
      const int ready = ::poll(watched.data(), watched.size(), poll_timeout_ms(Clock::now()));
      if (ready < 0 && errno != EINTR) {
        return make_error(ErrorKind::io, std::string("poll failed: ") + std::strerror(errno));
      }
      const auto now = Clock::now();
      std::vector<ConnectionPtr> still_parked;
      still_parked.reserve(parked.size());
      for (std::size_t i = 0; i < parked.size(); ++i) {
        ConnectionPtr& connection = parked[i];
        if ((watched[i + 2].revents & (POLLIN | POLLHUP | POLLERR)) != 0) {
          if (!receive(*connection, now)) {
            close_connection(connection);
            continue;
          }
          dispatch_if_complete(connection, now);
          if (!connection) continue;
        }
        if (now >= connection->deadline) {
          expire(connection);
          continue;
        }
        still_parked.push_back(std::move(connection));
      }
      parked.swap(still_parked);
      if (ready > 0 && (watched[0].revents & POLLIN) != 0) take_returned(now);
      if (ready > 0 && (watched[1].revents & POLLIN) != 0) accept_new(now);
    }
    return Status::success();
  }

  ConnectionLimits limits;
  RequestHandler handler;
  RefusalWriter refusal;
  AbandonedHook abandoned;
  LockFreeQueue<ConnectionPtr> returned;  // answered by a worker, back to the loop
  // Search workers, niced (ConnectionHub's constructor).
  WorkerPool<Job> workers;
  // /healthz and /metrics only: never queued behind searches, and at the loop's priority.
  WorkerPool<Job> monitoring_worker;
  int listen_fd = -1;
  int wake_fd = -1;
  std::atomic<bool> stopping{false};
  std::atomic<bool> running{false};
  // Owned by the loop thread.
  std::vector<ConnectionPtr> parked;
  std::unordered_map<std::string, std::size_t> per_client;
  std::size_t open = 0;
  bool accept_paused = false;
};

ConnectionHub::ConnectionHub(ConnectionLimits limits, std::size_t workers, int worker_nice,
                             RequestHandler handler, RefusalWriter refusal, AbandonedHook abandoned)
    : impl_(std::make_unique<Impl>(limits, workers == 0 ? 1 : workers, worker_nice,
                                   std::move(handler), std::move(refusal), std::move(abandoned))) {}

ConnectionHub::~ConnectionHub() {
  stop();
}

Result<int> ConnectionHub::bind(const std::string& host, int port) {
  const std::string where = host + ":" + std::to_string(port);
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  const std::string service = std::to_string(port);
  if (const int error = ::getaddrinfo(host.c_str(), service.c_str(), &hints, &found); error != 0) {
    return make_error(ErrorKind::io, "cannot listen on " + where + ": " + ::gai_strerror(error));
  }
  std::unique_ptr<addrinfo, decltype(&::freeaddrinfo)> addresses(found, &::freeaddrinfo);
  std::string failure = "no address";
  for (const addrinfo* address = found; address != nullptr; address = address->ai_next) {
    const int fd = ::socket(address->ai_family, address->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC,
                            address->ai_protocol);
    if (fd < 0) continue;
    // SO_REUSEADDR lets a restarted server take its port back from connections in TIME_WAIT;
    // unlike SO_REUSEPORT it never lets two servers listen on one port.
    const int on = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    if (::bind(fd, address->ai_addr, address->ai_addrlen) == 0 && ::listen(fd, 1024) == 0) {
      sockaddr_storage bound{};
      socklen_t length = sizeof bound;
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&bound), &length);
      std::string ip;
      int bound_port = 0;
      address_of(bound, ip, bound_port);
      if (impl_->listen_fd >= 0) ::close(impl_->listen_fd);
      impl_->listen_fd = fd;
      return bound_port;
    }
    failure = errno == EADDRINUSE ? "the port is already in use (is another vanban serve running?)"
                                  : std::strerror(errno);
    ::close(fd);
  }
  return make_error(ErrorKind::io, "cannot listen on " + where + ": " + failure);
}

Status ConnectionHub::run() {
  Impl& impl = *impl_;
  if (impl.listen_fd < 0) return make_error(ErrorKind::io, "not listening (bind first)");
  if (impl.wake_fd < 0) return make_error(ErrorKind::io, "cannot create an eventfd");
  impl.running = true;
  Status status = impl.loop();
  // Answers in flight finish; then every connection closes.
  impl.workers.shutdown();
  impl.monitoring_worker.shutdown();
  impl.parked.clear();
  while (impl.returned.pop()) {
  }
  ::close(impl.listen_fd);
  impl.listen_fd = -1;
  impl.running = false;
  return status;
}

void ConnectionHub::stop() {
  impl_->stopping = true;
  impl_->wake();
}

bool ConnectionHub::is_running() const {
  return impl_->running;
}

}  // namespace vanban::server
