// The choice of a snippet's passage, shared by the scan of a text (snippets.cpp) and the index's
// positions (passages.cpp), so that both prefer the same passage.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace vanban::archive {

// Among the windows of consecutive `matches` [first, last] that `fits(first, last)`, the one
// with the most distinct query words (`key_of`) that are not `secondary(key)` (a type name read
// as a hint), then the most distinct words of any kind, then the most adjacent pairs of
// different words (`adjacent(previous, next)`: the words as a phrase), then the most matches.
// Returns the indexes of its first and last match; {0, 0} when there is none.
template <typename Match, typename KeyOf, typename Secondary, typename Fits, typename Adjacent>
std::pair<std::size_t, std::size_t> best_window(const std::vector<Match>& matches, KeyOf key_of,
                                                Secondary secondary, Fits fits, Adjacent adjacent) {
  std::pair<std::size_t, std::size_t> best{0, 0};
  std::tuple<std::size_t, std::size_t, std::size_t, std::size_t> best_score{0, 0, 0, 0};
  std::vector<std::string_view> keys;
  for (std::size_t first = 0; first < matches.size(); ++first) {
    keys.clear();
    std::size_t primary_keys = 0;
    std::size_t adjacent_pairs = 0;
    for (std::size_t last = first; last < matches.size() && fits(first, last); ++last) {
      const std::string_view key = key_of(matches[last]);
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
        keys.push_back(key);
        if (!secondary(key)) ++primary_keys;
      }
      if (last > first && key != key_of(matches[last - 1]) &&
          adjacent(matches[last - 1], matches[last]))
        ++adjacent_pairs;
      const std::tuple score{primary_keys, keys.size(), adjacent_pairs, last - first + 1};
      if (score > best_score) {
        best_score = score;
        best = {first, last};
      }
    }
  }
  return best;
}

}  // namespace vanban::archive
