// `vanban serve` run as a child process, as a user runs it: its stderr read for the port it
// listens on, stopped with a signal.
#pragma once

#include <chrono>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

namespace vanban::testing {

class ServeProcess {
 public:
  explicit ServeProcess(const std::vector<std::string>& arguments) {
    int pipe_fds[2];
    if (::pipe(pipe_fds) != 0) return;
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(pipe_fds[1], STDERR_FILENO);
      ::close(pipe_fds[0]);
      ::close(pipe_fds[1]);
      std::vector<char*> argv;
      for (const auto& argument : arguments)
        argv.push_back(const_cast<char*>(argument.c_str()));
      argv.push_back(nullptr);
      ::execv(argv[0], argv.data());
      ::_exit(127);
    }
    ::close(pipe_fds[1]);
    stderr_fd_ = pipe_fds[0];
  }
  ~ServeProcess() {
    if (pid_ > 0 && !exit_status_) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    if (stderr_fd_ >= 0) ::close(stderr_fd_);
  }
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  // The port from "http://127.0.0.1:<port>/" on stderr; nullopt if it never comes.
  std::optional<int> wait_for_port() {
    const std::regex listening(R"(http://127\.0\.0\.1:(\d+)/)");
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline) {
      std::smatch match;
      if (std::regex_search(output_, match, listening)) return std::stoi(match[1].str());
      pollfd ready{stderr_fd_, POLLIN, 0};
      if (::poll(&ready, 1, 1000) <= 0) continue;
      char buffer[1024];
      const auto n = ::read(stderr_fd_, buffer, sizeof buffer);
      if (n <= 0) return std::nullopt;
      output_.append(buffer, static_cast<std::size_t>(n));
    }
    return std::nullopt;
  }

  // Sends `signal` and waits for the exit status.
  int stop_with(int signal) {
    ::kill(pid_, signal);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    exit_status_ = status;
    return status;
  }

  const std::string& output() const { return output_; }

 private:
  pid_t pid_ = -1;
  int stderr_fd_ = -1;
  std::string output_;
  std::optional<int> exit_status_;
};

}  // namespace vanban::testing
