// Xapian 1.4 can end the process from inside WritableDatabase::commit(): when a write fails
// (a full disk), one of its own destructors run while the error unwinds writes again, fails
// again and throws out of the destructor, so std::terminate is called and the process dies by
// SIGABRT with no word of why. Nothing can catch that exception. The index on disk is then its
// last committed revision, as after a SIGKILL (which index_kill_test proves safe), so while a
// commit is in progress a terminate caused by a Xapian error, or one Xapian calls with no
// exception in flight (seen when a write failed: `terminate called without an active
// exception`), ends the process with the clear error a failed commit gives and exit status 1;
// any other terminate goes on as before.
#pragma once

#include <filesystem>

namespace vanban::archive {

// Marks a commit in progress on this thread for the terminate handler, installed (once, keeping
// the previous one) by the first guard.
class CommitGuard {
 public:
  explicit CommitGuard(const std::filesystem::path& db_dir);
  ~CommitGuard();
  CommitGuard(const CommitGuard&) = delete;
  CommitGuard& operator=(const CommitGuard&) = delete;

 private:
  const std::filesystem::path* outer_;
};

}  // namespace vanban::archive
