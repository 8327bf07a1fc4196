// What the search benchmarks share: percentiles of timings, and the size of an archive kept by
// an earlier run (`--db`), so that a run can reuse it instead of indexing again.
#pragma once

#include <algorithm>
#include <filesystem>
#include <vector>

#include <xapian.h>

#include "disk_layout.hpp"

namespace vanban::bench {

inline double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
  return values[std::min(index, values.size() - 1)];
}

// The number of documents in the archive at `dir`, or 0 when there is none.
inline Xapian::doccount kept_documents(const std::filesystem::path& dir) {
  try {
    return Xapian::Database(archive::xapian_dir(dir).string()).get_doccount();
  } catch (const Xapian::Error&) {
    return 0;
  }
}

}  // namespace vanban::bench
