#include "worker_pool.hpp"

#include <cerrno>

#include <sys/resource.h>
#include <unistd.h>

namespace vanban::server {

int thread_priority() {
  // On Linux, PRIO_PROCESS with a thread id names that thread alone.
  errno = 0;
  const int nice = ::getpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()));
  return errno == 0 ? nice : 0;
}

int lower_thread_priority(int increment) {
  const int current = thread_priority();
  if (increment <= 0) return current;
  // Raising one's own nice value needs no privilege; the kernel caps it at 19.
  (void)::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), current + increment);
  return thread_priority();
}

}  // namespace vanban::server
