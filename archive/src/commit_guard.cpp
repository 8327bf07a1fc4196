#include "commit_guard.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <mutex>
#include <string>

#include <xapian.h>

namespace vanban::archive {
namespace {

thread_local const std::filesystem::path* committing = nullptr;
std::terminate_handler previous_handler = nullptr;

[[noreturn]] void fail_commit(const std::string& why) {
  const std::string message =
      "vanban: Không ghi được vào kho " + committing->string() + " (" + why +
      "). Kho giữ nguyên các văn bản đã lưu trước đó; hãy giải phóng chỗ trên đĩa rồi "
      "chạy lại lệnh để lưu nốt phần còn lại.\n";
  std::fputs(message.c_str(), stderr);
  std::fflush(stderr);
  // No destructors: they would write to the failing index again.
  std::_Exit(1);
}

[[noreturn]] void on_terminate() {
  const int write_error = errno;  // the failed write's, before anything here can change it
  if (committing != nullptr) {
    const std::exception_ptr current = std::current_exception();
    if (!current) {
      // Xapian ended the commit with no exception in flight (its own failure path gives up
      // once the write behind it failed): the same failed commit, told by the write's error.
      fail_commit(write_error != 0 ? std::strerror(write_error) : "Xapian dừng giữa lúc ghi");
    }
    try {
      std::rethrow_exception(current);
    } catch (const Xapian::Error& error) {
      fail_commit(error.get_description());
    } catch (...) {
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
