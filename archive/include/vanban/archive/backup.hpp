// `vanban backup` and `vanban restore`: a consistent copy of an archive taken while it is in
// use (searched, indexed), and the way back from one.
#pragma once

#include <cstdint>

namespace vanban::archive {

struct BackupReport {
  std::uint64_t documents = 0;   // documents in the copied index revision
  std::uint64_t originals = 0;   // originals copied (exactly those the documents refer to)
  std::uint64_t bytes = 0;       // bytes of those originals
  std::uint64_t texts = 0;       // stored texts copied (those the documents refer to)
  std::uint64_t text_bytes = 0;  // their bytes (compressed)
  std::uint64_t revision = 0;    // the source's index revision the copy holds
  int attempts = 0;              // snapshots taken: more than one when a commit raced the copy
};

}  // namespace vanban::archive
