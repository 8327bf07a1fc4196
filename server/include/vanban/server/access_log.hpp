// One line per request on stderr: time, method, target, status, duration.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace vanban::server {

// "2026-11-21T23:30:00Z GET /api/search?q=dan 200 3.2ms"; control characters in the target
// are escaped so a request cannot forge log lines.
std::string access_log_line(std::chrono::system_clock::time_point when, std::string_view method,
                            std::string_view target, int status,
                            std::chrono::duration<double> duration);

}  // namespace vanban::server
