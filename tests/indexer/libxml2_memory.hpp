// libxml2's memory, counted through its allocator hooks while one reading runs: the peak of its
// live bytes over what it held before (a tree held whole shows; one freed as it is read does not).
#pragma once

#include <atomic>
#include <cstdlib>
#include <string>

#include <libxml/xmlmemory.h>
#include <malloc.h>

#include "xml_support.hpp"

namespace vanban::testing {

namespace libxml2_memory_detail {

inline std::atomic<long> live_bytes{0};
inline std::atomic<long> peak_bytes{0};

inline void count(long delta) {
  const long now = live_bytes.fetch_add(delta) + delta;
  long peak = peak_bytes.load();
  while (now > peak && !peak_bytes.compare_exchange_weak(peak, now)) {
  }
}
inline void* counted_malloc(size_t size) {
  void* block = std::malloc(size);
  if (block != nullptr) count(static_cast<long>(malloc_usable_size(block)));
  return block;
}
inline void counted_free(void* block) {
  if (block != nullptr) count(-static_cast<long>(malloc_usable_size(block)));
  std::free(block);
}
inline void* counted_realloc(void* block, size_t size) {
  const long before = block != nullptr ? static_cast<long>(malloc_usable_size(block)) : 0;
  void* moved = std::realloc(block, size);
  if (moved != nullptr) count(static_cast<long>(malloc_usable_size(moved)) - before);
  return moved;
}
inline char* counted_strdup(const char* text) {
  const std::size_t size = std::char_traits<char>::length(text) + 1;
  auto* copy = static_cast<char*>(counted_malloc(size));
  if (copy != nullptr) std::char_traits<char>::copy(copy, text, size);
  return copy;
}

}  // namespace libxml2_memory_detail

// The peak of libxml2's live bytes while `read` runs (single-threaded: the hooks are global).
template <typename Read>
long libxml2_peak_bytes(Read read) {
  namespace d = libxml2_memory_detail;
  indexer::detail::init_xml();
  xmlFreeFunc free_function = nullptr;
  xmlMallocFunc malloc_function = nullptr;
  xmlReallocFunc realloc_function = nullptr;
  xmlStrdupFunc strdup_function = nullptr;
  xmlMemGet(&free_function, &malloc_function, &realloc_function, &strdup_function);
  d::live_bytes = 0;
  d::peak_bytes = 0;
  xmlMemSetup(d::counted_free, d::counted_malloc, d::counted_realloc, d::counted_strdup);
  read();
  xmlMemSetup(free_function, malloc_function, realloc_function, strdup_function);
  return d::peak_bytes.load();
}

}  // namespace vanban::testing
