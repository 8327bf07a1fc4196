#include "utc_clock.hpp"

#include <chrono>
#include <ctime>

namespace vanban::archive {

std::string utc_now_iso() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm parts{};
  gmtime_r(&now, &parts);
  char buffer[sizeof "2026-11-21T10:00:00Z"];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return buffer;
}

}  // namespace vanban::archive
