#include "shard_layout.hpp"

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "disk_layout.hpp"
#include "durable_files.hpp"
#include "index_generation.hpp"

namespace vanban::archive {
namespace fs = std::filesystem;

namespace {

// Temp file beside it, synced, renamed, folder synced: never half a configuration.
Status write_durably(const fs::path& file, std::string_view bytes) {
  const fs::path temp = file.string() + ".tmp-" + random_suffix();
  {
    FileDescriptor fd(::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
    if (fd.get() < 0) return io_error("cannot create", temp, errno);
    if (const int failed = write_all(fd.get(), bytes))
      return io_error("cannot write", temp, failed);
    if (::fsync(fd.get()) != 0) return io_error("cannot sync", temp, errno);
    if (const int failed = fd.close()) return io_error("cannot close", temp, failed);
  }
  std::error_code error;
  fs::rename(temp, file, error);
  if (error) return io_error("cannot rename", temp, error.value());
  return sync_directory(file.parent_path());
}

}  // namespace

fs::path shard_config_file(const fs::path& db_dir) {
  return db_dir / "shards.json";
}

fs::path shard_dir(const fs::path& db_dir, std::size_t shard) {
  char name[16];
  std::snprintf(name, sizeof name, "shard-%02zu", shard);
  return db_dir / name;
}

std::vector<fs::path> shard_dirs(const fs::path& db_dir, std::size_t count) {
  std::vector<fs::path> dirs;
  for (std::size_t shard = 0; shard < count; ++shard)
    dirs.push_back(shard_dir(db_dir, shard));
  return dirs;
}

Result<std::optional<std::size_t>> read_shard_count(const fs::path& db_dir) {
  const fs::path file = shard_config_file(db_dir);
  std::error_code error;
  if (!fs::exists(file, error)) return std::optional<std::size_t>{};
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  const auto config = nlohmann::json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
  if (!in || !config.is_object() || !config.contains("shards") ||
      !config["shards"].is_number_unsigned() || config["shards"].get<std::size_t>() < 1 ||
      config["shards"].get<std::size_t>() > kMaxShards || config.value("rule", "") != "id") {
    return make_error(ErrorKind::io, "unreadable shard configuration " + file.string(),
                      "Tệp cấu hình phân đoạn kho không đọc được: " + file.string());
  }
  return std::optional<std::size_t>{config["shards"].get<std::size_t>()};
}

Status make_sharded(const fs::path& db_dir, std::size_t count) {
  if (count < 1 || count > kMaxShards) {
    return make_error(ErrorKind::invalid_argument, "shard count out of range",
                      "Số phân đoạn phải từ 1 đến " + std::to_string(kMaxShards) + ".");
  }
  auto existing = read_shard_count(db_dir);
  if (!existing) return existing.error();
  if (*existing) {
    if (**existing == count) return Status::success();
    return make_error(ErrorKind::invalid_argument,
                      "archive " + db_dir.string() + " has " + std::to_string(**existing) +
                          " shards, not " + std::to_string(count),
                      "Kho " + db_dir.string() + " đã có " + std::to_string(**existing) +
                          " phân đoạn; muốn đổi số phân đoạn, hãy lập chỉ mục lại vào kho mới.");
  }
  std::error_code error;
  if (index_exists(db_dir)) {
    return make_error(ErrorKind::invalid_argument,
                      "archive " + db_dir.string() + " was indexed without shards",
                      "Kho " + db_dir.string() +
                          " đã được lập chỉ mục không phân đoạn; hãy lập chỉ mục lại vào kho mới.");
  }
  fs::create_directories(db_dir, error);
  if (error)
    return make_error(ErrorKind::io, "cannot create " + db_dir.string() + ": " + error.message());
  const nlohmann::json config = {{"shards", count}, {"rule", "id"}};
  return write_durably(shard_config_file(db_dir), config.dump(2) + "\n");
}

std::size_t shard_of(std::string_view id, std::size_t count) {
  std::uint32_t prefix = 0;
  const std::string_view digits = id.substr(0, 8);
  std::from_chars(digits.data(), digits.data() + digits.size(), prefix, 16);
  return count == 0 ? 0 : prefix % count;
}

}  // namespace vanban::archive
