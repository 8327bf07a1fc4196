// Runs the built `vanban` as a user does, capturing stdout.
#pragma once

#include <array>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include <sys/wait.h>

#include "test_support.hpp"

namespace vanban::testing {

struct VanbanRun {
  int exit_code = -1;
  std::string out;
};

// `arguments` are already shell-quoted (quoted() below); stderr is dropped.
inline VanbanRun run_vanban(const std::string& arguments) {
  const std::string command = vanban_binary().string() + " " + arguments + " 2>/dev/null";
  VanbanRun run;
  struct PipeClose {
    int* status;
    void operator()(std::FILE* pipe) const { *status = ::pclose(pipe); }
  };
  int status = -1;
  {
    std::unique_ptr<std::FILE, PipeClose> pipe(::popen(command.c_str(), "r"), PipeClose{&status});
    if (!pipe) return run;
    std::array<char, 4096> buffer{};
    while (const std::size_t got = std::fread(buffer.data(), 1, buffer.size(), pipe.get()))
      run.out.append(buffer.data(), got);
  }
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

inline std::string quoted(const std::filesystem::path& path) {
  return "'" + path.string() + "'";
}

}  // namespace vanban::testing
