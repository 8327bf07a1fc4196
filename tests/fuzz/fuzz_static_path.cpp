// Request targets for the web UI's files: whatever the target (encoded dots and separators,
// backslashes, NUL, over-long segments), a file is served only from inside the web folder.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include <unistd.h>

#include "vanban/server/static_files.hpp"

#include "fuzz_check.hpp"

namespace {

namespace fs = std::filesystem;

// A web folder with a file and a subfolder, and a secret beside it (made once per process).
const fs::path& web_root() {
  static const fs::path root = [] {
    const fs::path base =
        fs::temp_directory_path() / ("vanban-fuzz-web-" + std::to_string(::getpid()));
    fs::create_directories(base / "web" / "assets");
    std::ofstream(base / "web" / "index.html") << "<!doctype html>";
    std::ofstream(base / "web" / "assets" / "app.js") << "export {};";
    std::ofstream(base / "secret.txt") << "TOP-SECRET";
    return fs::canonical(base / "web");
  }();
  return root;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace vanban;
  static const server::StaticFiles files(web_root());
  const std::string_view target(reinterpret_cast<const char*>(data), size);
  const auto resolution = files.resolve(target);
  if (resolution.outcome == server::StaticFiles::Outcome::file) {
    const auto [root_end, ignored] = std::mismatch(web_root().begin(), web_root().end(),
                                                   resolution.file.begin(), resolution.file.end());
    fuzz::check(root_end == web_root().end(), "a served file lies inside the web folder");
    fuzz::check(fs::is_regular_file(resolution.file), "a served file is a file");
  }
  return 0;
}
