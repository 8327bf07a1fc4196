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

  void add_file(const fs::path& file, std::string path, const fs::path& folder,
                std::vector<WalkedFile>& found) {
    if (is_sidecar(file)) return;
    if (!has_supported_extension(file)) {
      walk_.skipped.push_back(
          {std::move(path), "unsupported file type", "Định dạng tệp không được hỗ trợ"});
      return;
    }
    std::error_code error;
    const auto size = fs::file_size(file, error);
    if (error) {
      const Error unreadable = unreadable_file(file, error);
      walk_.failed.push_back({std::move(path), unreadable.message, unreadable.user_message});
      return;
    }
    found.push_back({file, std::move(path), size, {}, false, folder});
  }

  // Folder by folder rather than with recursive_directory_iterator, which cannot go on past a
  // folder it fails to list: an unreadable folder is reported and the walk continues.
  void add_folder(const fs::path& root, std::vector<WalkedFile>& found) {
    std::error_code error;
    const fs::path real_root = fs::weakly_canonical(root, error);
    std::vector<fs::path> folders{root};
    while (!folders.empty()) {
      const fs::path folder = std::move(folders.back());
      folders.pop_back();
      add_entries(root, real_root, folder, found, folders);
    }
  }

 private:
  void add_entries(const fs::path& root, const fs::path& real_root, const fs::path& folder,
                   std::vector<WalkedFile>& found, std::vector<fs::path>& folders) {
    std::error_code error;
    const std::string folder_path = folder == root ? root.string() : relative(folder, root);
    fs::directory_iterator it(folder, error);
    if (error) {
      fail(folder_path, error);
      return;
    }
    for (const fs::directory_iterator end; it != end;) {
      const fs::directory_entry& entry = *it;
      const std::string path = relative(entry.path(), root);
      if (is_hidden(entry.path())) {
        // left out silently
      } else if (entry.is_symlink(error)) {
        add_link(entry.path(), path, real_root, found);
      } else if (entry.is_directory(error)) {
        folders.push_back(entry.path());
      } else if (entry.is_regular_file(error)) {
        add_file(entry.path(), path, real_root, found);
      } else {
        walk_.skipped.push_back({path, "not a regular file", "Không phải tệp thường"});
      }
      it.increment(error);
      if (error) {
        fail(folder_path, error);
        return;
      }
    }
  }

  // A link is followed only to a file inside the folder being indexed: a link to a folder could
  // loop, and a link out of the folder would archive (and serve) a file nobody asked for.
  void add_link(const fs::path& link, const std::string& path, const fs::path& real_root,
                std::vector<WalkedFile>& found) {
    std::error_code error;
    if (fs::is_directory(link, error)) {
      walk_.skipped.push_back(
          {path, "link to a folder (not followed)", "Liên kết tới thư mục (không đi theo)"});
      return;
    }
    const fs::path target = fs::weakly_canonical(link, error);
    if (error || !fs::is_regular_file(target, error)) {
      walk_.skipped.push_back({path, "broken link", "Liên kết hỏng"});
      return;
    }
    if (!lies_within(target, real_root)) {
      walk_.skipped.push_back({path, "link to a file outside the folder (not followed)",
                               "Liên kết tới tệp ngoài thư mục (không đi theo)"});
      return;
    }
    add_file(link, path, real_root, found);
  }

  static std::string relative(const fs::path& path, const fs::path& root) {
    return path.lexically_relative(root).generic_string();
  }

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
      walker.add_file(input, input.filename().string(), {}, found);
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
