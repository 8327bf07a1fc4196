// A sharded archive on disk: <db>/shards.json names how many shards there are, and each
// <db>/shard-NN is a complete archive (index and originals). Which shard a document lives in
// follows from its id alone (docs/SCALING.md).
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

#include "vanban/common/result.hpp"

namespace vanban::archive {

inline constexpr std::size_t kMaxShards = 256;

// <db>/shards.json.
std::filesystem::path shard_config_file(const std::filesystem::path& db_dir);

// <db>/shard-NN (two digits, three past 99), NN from 0.
std::filesystem::path shard_dir(const std::filesystem::path& db_dir, std::size_t shard);

// How many shards the archive at `db_dir` has; nullopt when it is not sharded; an error when
// its shards.json cannot be read or makes no sense.
Result<std::optional<std::size_t>> read_shard_count(const std::filesystem::path& db_dir);

// The shard folders of a sharded archive, in order.
std::vector<std::filesystem::path> shard_dirs(const std::filesystem::path& db_dir,
                                              std::size_t count);

// Makes `db_dir` a sharded archive of `count` shards, or checks that it is one already.
// An archive indexed without shards, or with another count, is an error (re-index instead).
Status make_sharded(const std::filesystem::path& db_dir, std::size_t count);

// The shard of a document: its id's first 8 hex digits (32 bits of the original's sha256)
// modulo the count. Stable across runs, machines and the order of indexing.
std::size_t shard_of(std::string_view id, std::size_t count);

}  // namespace vanban::archive
