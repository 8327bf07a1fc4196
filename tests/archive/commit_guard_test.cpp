// A Xapian error that ends the process inside a commit (Xapian 1.4 throwing out of its own
// destructor on a full disk: std::terminate) gives the clear error of a failed commit and exit
// status 1; outside a commit, or for any other exception, terminate aborts as it always did.
#include "commit_guard.hpp"

#include <cerrno>
#include <exception>
#include <stdexcept>

#include <gtest/gtest.h>
#include <signal.h>
#include <xapian.h>

namespace vanban::archive {
namespace {

[[noreturn]] void write_a_block() {
  throw Xapian::DatabaseError("Error writing block 42", ENOSPC);
}

// As Xapian's destructor does: a write that throws inside a function that may not throw.
void flush_while_unwinding() noexcept {
  write_a_block();
}

void commit_on_a_full_disk() {
  try {
    write_a_block();
  } catch (...) {
    flush_while_unwinding();
  }
}

class CommitGuardTest : public ::testing::Test {
 protected:
  void SetUp() override { GTEST_FLAG_SET(death_test_style, "threadsafe"); }
};

TEST_F(CommitGuardTest, a_xapian_error_ending_a_commit_exits_with_a_clear_error) {
  EXPECT_EXIT(
      {
        const CommitGuard guard("/srv/kho");
        commit_on_a_full_disk();
      },
      ::testing::ExitedWithCode(1),
      "Không ghi được vào kho /srv/kho \\(DatabaseError: Error writing block 42 \\(No space left "
      "on device\\)\\)\\. Kho giữ nguyên");
}

// Xapian may also call terminate itself once a write failed, with no exception in flight (seen
// at a file-size limit: "terminate called without an active exception"): the same failed
// commit, told by the write's error.
TEST_F(CommitGuardTest, a_terminate_without_an_exception_inside_a_commit_exits_with_a_clear_error) {
  EXPECT_EXIT(
      {
        const CommitGuard guard("/srv/kho");
        errno = EFBIG;
        std::terminate();
      },
      ::testing::ExitedWithCode(1),
      "Không ghi được vào kho /srv/kho \\(File too large\\)\\. Kho giữ nguyên");
}

TEST_F(CommitGuardTest, outside_a_commit_terminate_still_aborts) {
  EXPECT_EXIT(
      {
        { const CommitGuard earlier("/srv/kho"); }
        commit_on_a_full_disk();
      },
      ::testing::KilledBySignal(SIGABRT), "");
  EXPECT_EXIT(
      {
        { const CommitGuard earlier("/srv/kho"); }
        std::terminate();
      },
      ::testing::KilledBySignal(SIGABRT), "");
}

TEST_F(CommitGuardTest, other_exceptions_inside_a_commit_still_abort) {
  EXPECT_EXIT(
      {
        const CommitGuard guard("/srv/kho");
        try {
          throw std::logic_error("not an archive error");
        } catch (...) {
          std::terminate();
        }
      },
      ::testing::KilledBySignal(SIGABRT), "");
}

}  // namespace
}  // namespace vanban::archive
