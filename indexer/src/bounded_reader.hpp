// PDFs and images are read by libraries with no bounds of their own against hostile bytes
// (poppler: deep object recursion, endless xref repair, content streams that inflate to
// gigabytes of glyphs; Leptonica's decoders; Tesseract). read_bounded reads them in a child
// process instead: `PROGRAM __read-bounded ...` (the vanban binary itself, BoundedReading in
// reader.hpp) under a CPU-time and an address-space limit (setrlimit), the bytes given as a
// memfd on its stdin, the answer sent back through a pipe whose size is capped, the child
// killed when it says nothing for too long. A child that is stopped or dies fails that file
// alone with a clear error; the run goes on.
//
// Why fork + exec and not fork alone: the indexer forks from a process whose other threads
// may hold any lock (poppler's globals, libgomp's pool, malloc's arenas in other libraries),
// so the child does only async-signal-safe system calls between fork and exec (dup2,
// setrlimit, sigprocmask, execve), everything they need prepared before the fork; the exec'd
// program starts clean. fork and not posix_spawn: the limits are set by the parent before the
// program runs, so they hold for any program, not only one that would set them on itself.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/common/result.hpp"
#include "vanban/indexer/reader.hpp"

#include "formats.hpp"

namespace vanban::indexer::detail {

// Reads a PDF or an image in a child process within options.bounded's limits (its program
// must not be empty).
Result<ReadDocument> read_bounded(Format format, std::string_view bytes,
                                  const ReadOptions& options);

// What the child is asked (its command line, built and parsed by the two sides).
struct BoundedRequest {
  Format format = Format::pdf;  // pdf or image
  std::uint64_t max_text_bytes = 0;
  OcrOptions ocr;  // without on_page: the child reports pages through its answer's stream
};
std::vector<std::string> bounded_arguments(const BoundedRequest& request);

// The child's side: reads stdin, writes the answer's frames to stdout; its exit status.
int run_bounded_child(const BoundedRequest& request);

// The answer's encoding (a frame's payload), each side of the pipe. decode is strict: any
// inconsistency is an internal error, never a crash.
std::string encode_read_result(const Result<ReadDocument>& result);
Result<ReadDocument> decode_read_result(std::string_view payload);

}  // namespace vanban::indexer::detail
