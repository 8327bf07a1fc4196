#include "progress.hpp"

#include <array>
#include <string>

#include <unistd.h>

namespace vanban::indexer::detail {
namespace {

std::string clock_time(double seconds) {
  const auto total = static_cast<long>(seconds + 0.5);
  std::array<char, 32> text{};
  if (total >= 3600) {
    std::snprintf(text.data(), text.size(), "%ld:%02ld:%02ld", total / 3600, total / 60 % 60,
                  total % 60);
  } else {
    std::snprintf(text.data(), text.size(), "%ld:%02ld", total / 60, total % 60);
  }
  return text.data();
}

}  // namespace

ProgressBar::ProgressBar(std::FILE* stream)
    : stream_(stream), enabled_(isatty(fileno(stream)) != 0) {}

void ProgressBar::update(const IngestProgress& progress) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  const bool last = progress.files_done == progress.files_total;
  if (!last && drawn_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  draw(progress);
}

void ProgressBar::draw(const IngestProgress& progress) {
  constexpr int kWidth = 24;
  const double fraction = progress.bytes_total > 0 ? static_cast<double>(progress.bytes_done) /
                                                         static_cast<double>(progress.bytes_total)
                                                   : 1.0;
  std::string bar(kWidth, '-');
  for (int i = 0; i < static_cast<int>(fraction * kWidth); ++i)
    bar[static_cast<std::size_t>(i)] = '#';
  const double seconds = progress.seconds > 0 ? progress.seconds : 1e-9;
  const double files_per_second = static_cast<double>(progress.files_done) / seconds;
  const double megabytes = 1024.0 * 1024.0;
  const double rate = static_cast<double>(progress.bytes_done) / seconds;
  const double left =
      rate > 0 ? static_cast<double>(progress.bytes_total - progress.bytes_done) / rate : 0;
  std::fprintf(stream_, "\r\033[K[%s] %llu/%llu tệp  %.1f/%.1f MB  %.0f tệp/s  %.1f MB/s  còn %s",
               bar.c_str(), static_cast<unsigned long long>(progress.files_done),
               static_cast<unsigned long long>(progress.files_total),
               static_cast<double>(progress.bytes_done) / megabytes,
               static_cast<double>(progress.bytes_total) / megabytes, files_per_second,
               rate / megabytes, clock_time(left).c_str());
  if (progress.ocr_pages > 0)
    std::fprintf(stream_, "  OCR %llu trang", static_cast<unsigned long long>(progress.ocr_pages));
  std::fflush(stream_);
  drawn_ = true;
}

void ProgressBar::finish() {
  if (!enabled_ || !drawn_) return;
  std::fputs("\r\033[K", stream_);
  std::fflush(stream_);
  drawn_ = false;
}

}  // namespace vanban::indexer::detail
