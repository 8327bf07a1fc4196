// The progress line of `vanban index` on a terminal: files, MB, rate, time left.
#pragma once

#include <chrono>
#include <cstdio>

#include "vanban/indexer/ingest.hpp"

namespace vanban::indexer::detail {

class ProgressBar {
 public:
  // Draws on `stream` only when it is a terminal; otherwise every call does nothing.
  explicit ProgressBar(std::FILE* stream);
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;
  ~ProgressBar() { finish(); }

  void update(const IngestProgress& progress);  // redraws at most ten times a second
  void finish();                                // clears the line

 private:
  void draw(const IngestProgress& progress);

  std::FILE* stream_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace vanban::indexer::detail
