// Replays the checked-in corpus through the harnesses in every build, without libFuzzer:
// `fuzz_replay NAME PATH...` runs harness NAME once on each file (folders: every file in them,
// in name order). Each harness's entry point is compiled under its own name (see CMakeLists).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#define VANBAN_FUZZ_ENTRY(name) \
  extern "C" int vanban_fuzz_##name(const std::uint8_t* data, std::size_t size);
#include "fuzz_entries.inc"
#undef VANBAN_FUZZ_ENTRY

namespace {

using Entry = int (*)(const std::uint8_t*, std::size_t);

struct Harness {
  std::string_view name;
  Entry entry;
};

#define VANBAN_FUZZ_ENTRY(name) Harness{#name, &vanban_fuzz_##name},
constexpr Harness kHarnesses[] = {
#include "fuzz_entries.inc"
};
#undef VANBAN_FUZZ_ENTRY

std::vector<std::filesystem::path> inputs_under(const std::filesystem::path& path) {
  std::vector<std::filesystem::path> files;
  if (std::filesystem::is_directory(path)) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(path))
      if (entry.is_regular_file()) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
  } else {
    files.push_back(path);
  }
  return files;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: fuzz_replay NAME PATH...\n");
    return 2;
  }
  const std::string_view name = argv[1];
  const auto harness = std::find_if(std::begin(kHarnesses), std::end(kHarnesses),
                                    [&](const Harness& h) { return h.name == name; });
  if (harness == std::end(kHarnesses)) {
    std::fprintf(stderr, "fuzz_replay: no harness %s\n", argv[1]);
    return 2;
  }
  std::size_t replayed = 0;
  for (int i = 2; i < argc; ++i) {
    for (const auto& file : inputs_under(argv[i])) {
      std::ifstream in(file, std::ios::binary);
      const std::string bytes((std::istreambuf_iterator<char>(in)),
                              std::istreambuf_iterator<char>());
      std::fprintf(stderr, "%s\n", file.string().c_str());
      harness->entry(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
      ++replayed;
    }
  }
  std::printf("fuzz_replay %s: %zu inputs, no invariant broken\n", argv[1], replayed);
  return replayed > 0 ? 0 : 1;
}
