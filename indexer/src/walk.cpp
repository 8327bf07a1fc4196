#include "walk.hpp"

#include <algorithm>
#include <map>

#include "formats.hpp"

namespace vanban::indexer::detail {
namespace {

namespace fs = std::filesystem;

bool is_hidden(const fs::path& path) {
  return path.filename().string().starts_with(".");
}

class Walker {
 public:
  explicit Walker(Walk& walk) : walk_(walk) {}

  void add_file(const fs::path& file, std::string path, std::vector<WalkedFile>& found) {
    if (is_sidecar(file)) return;
    if (!has_supported_extension(file)) {
      walk_.skipped.push_back(
          {std::move(path), "unsupported file type", "Định dạng tệp không được hỗ trợ"});
      return;
    }
    std::error_code error;
    const auto size = fs::file_size(file, error);
    if (error) {
      walk_.failed.push_back(
          {std::move(path), "cannot read: " + error.message(), "Không đọc được tệp"});
      return;
    }
    found.push_back({file, std::move(path), size});
  }

  void add_folder(const fs::path& root, std::vector<WalkedFile>& found) {
    std::error_code error;
    fs::recursive_directory_iterator it(root, fs::directory_options::none, error);
    if (error) {
      fail(root.string(), error);
      return;
    }
    for (const fs::recursive_directory_iterator end; it != end;) {
      const fs::directory_entry& entry = *it;
      const std::string path = entry.path().lexically_relative(root).generic_string();
      if (is_hidden(entry.path())) {
        if (entry.is_directory(error)) it.disable_recursion_pending();
      } else if (entry.is_symlink(error) && entry.is_directory(error)) {
        walk_.skipped.push_back(
            {path, "link to a folder (not followed)", "Liên kết tới thư mục (không đi theo)"});
      } else if (entry.is_regular_file(error)) {
        add_file(entry.path(), path, found);
      } else if (!entry.is_directory(error)) {
        walk_.skipped.push_back({path, "not a regular file", "Không phải tệp thường"});
      }
      it.increment(error);
      if (error) {
        fail(path, error);
        return;  // the iterator cannot go on after an error
      }
    }
  }

 private:
  void fail(const std::string& path, const std::error_code& error) {
    walk_.failed.push_back(
        {path, "cannot list folder: " + error.message(), "Không liệt kê được thư mục"});
    walk_.complete = false;
  }

  Walk& walk_;
};

}  // namespace

Result<Walk> walk_inputs(const std::vector<fs::path>& inputs) {
  Walk walk;
  Walker walker(walk);
  std::map<std::string, std::string> seen;  // archived path → the input it came from
  for (const fs::path& input : inputs) {
    std::error_code error;
    const fs::file_status status = fs::status(input, error);
    if (error || !fs::exists(status)) {
      return make_error(ErrorKind::invalid_argument, "no such file or folder: " + input.string(),
                        "Không có tệp hoặc thư mục: " + input.string());
    }
    std::vector<WalkedFile> found;
    if (fs::is_directory(status)) {
      walker.add_folder(input, found);
    } else {
      walker.add_file(input, input.filename().string(), found);
    }
    std::sort(found.begin(), found.end(),
              [](const WalkedFile& a, const WalkedFile& b) { return a.path < b.path; });
    for (WalkedFile& file : found) {
      const auto [it, inserted] = seen.emplace(file.path, input.string());
      if (!inserted) {
        if (it->second != input.string()) {
          walk.failed.push_back(
              {file.path, "the same path is also found under " + it->second + "; kept that one",
               "Trùng đường dẫn với tệp trong " + it->second + " (giữ tệp đó)"});
        }
        continue;  // the same input given twice: once is enough
      }
      walk.files.push_back(std::move(file));
    }
  }
  return walk;
}

}  // namespace vanban::indexer::detail
