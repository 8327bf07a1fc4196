#include "commit_guard.hpp"

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <mutex>
#include <string>

#include <xapian.h>

namespace vanban::archive {
namespace {

thread_local const std::filesystem::path* committing = nullptr;
std::terminate_handler previous_handler = nullptr;

[[noreturn]] void on_terminate() {
  if (committing != nullptr) {
    if (const std::exception_ptr current = std::current_exception()) {
      try {
        std::rethrow_exception(current);
      } catch (const Xapian::Error& error) {
        const std::string message =
            "vanban: Không ghi được vào kho " + committing->string() + " (" +
            error.get_description() +
            "). Kho giữ nguyên các văn bản đã lưu trước đó; hãy giải phóng chỗ trên đĩa rồi "
            "chạy lại lệnh để lưu nốt phần còn lại.\n";
        std::fputs(message.c_str(), stderr);
        std::fflush(stderr);
        // No destructors: they would write to the failing index again.
        std::_Exit(1);
      } catch (...) {
      }
    }
  }
  if (previous_handler != nullptr) previous_handler();
  std::abort();
}

}  // namespace

CommitGuard::CommitGuard(const std::filesystem::path& db_dir) : outer_(committing) {
  static std::once_flag installed;
  std::call_once(installed, [] { previous_handler = std::set_terminate(on_terminate); });
  committing = &db_dir;
}

CommitGuard::~CommitGuard() {
  committing = outer_;
}

}  // namespace vanban::archive
