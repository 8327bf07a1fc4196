// Runs a check in a child process that has given up root: root reads and writes any folder
// whatever its mode, so tests of unreadable or read-only folders need an ordinary user.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

namespace vanban::testing {

// The child's exit code: body()'s result, 100 when root cannot be given up, 200 on a signal.
template <typename Body>
int in_unprivileged_child(Body body) {
  const pid_t child = ::fork();
  if (child == 0) {
    constexpr unsigned kNobody = 65534;
    if (::geteuid() == 0 && (::setgid(kNobody) != 0 || ::setuid(kNobody) != 0)) ::_exit(100);
    ::_exit(body());
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 200;
}

}  // namespace vanban::testing
