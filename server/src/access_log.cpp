#include "vanban/server/access_log.hpp"

#include <cstdio>
#include <ctime>

namespace vanban::server {
namespace {

std::string escape_controls(std::string_view text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\x%02X", byte);
      escaped += buffer;
    } else {
      escaped += c;
    }
  }
  return escaped;
}

}  // namespace

std::string access_log_line(std::chrono::system_clock::time_point when, std::string_view method,
                            std::string_view target, int status,
                            std::chrono::duration<double> duration) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(when);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char time_text[32];
  std::strftime(time_text, sizeof time_text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  char duration_text[32];
  std::snprintf(duration_text, sizeof duration_text, "%.1fms", duration.count() * 1000.0);
  return std::string(time_text) + ' ' + escape_controls(method) + ' ' + escape_controls(target) +
         ' ' + std::to_string(status) + ' ' + duration_text;
}

}  // namespace vanban::server
