// The one owned file descriptor and the one write loop of the code base
// (common/include/vanban/common/file_descriptor.hpp): closed when its owner goes, handed over
// by a move, and a buffer written whole across short writes and writes a signal interrupted.
#include "vanban/common/file_descriptor.hpp"

#include <atomic>
#include <csignal>
#include <string>
#include <thread>

#include <fcntl.h>
#include <gtest/gtest.h>
#include <pthread.h>
#include <unistd.h>

namespace vanban {
namespace {

bool is_open(int fd) {
  return ::fcntl(fd, F_GETFD) != -1;
}

// Both ends of a new pipe, owned.
std::pair<FileDescriptor, FileDescriptor> owned_pipe() {
  int ends[2];
  EXPECT_EQ(::pipe2(ends, O_CLOEXEC), 0);
  return {FileDescriptor(ends[0]), FileDescriptor(ends[1])};
}

std::atomic<int> interruptions{0};
void count_interruption(int) {
  ++interruptions;
}

TEST(FileDescriptor, is_closed_when_its_owner_goes_and_moves_to_one_owner) {
  int raw = -1;
  {
    auto [read_end, write_end] = owned_pipe();
    raw = read_end.get();
    ASSERT_TRUE(is_open(raw));
    FileDescriptor moved(std::move(read_end));
    EXPECT_FALSE(read_end.valid());  // NOLINT(bugprone-use-after-move): what a move leaves
    EXPECT_EQ(moved.get(), raw);
    FileDescriptor assigned;
    assigned = std::move(moved);
    EXPECT_EQ(assigned.get(), raw);
    EXPECT_TRUE(is_open(raw));
  }
  EXPECT_FALSE(is_open(raw));
}

TEST(FileDescriptor, reset_closes_the_one_held_and_release_gives_it_up) {
  auto [read_end, write_end] = owned_pipe();
  const int first = read_end.get();
  auto [other_read, other_write] = owned_pipe();
  const int second = other_read.release();
  EXPECT_FALSE(other_read.valid());
  read_end.reset(second);
  EXPECT_FALSE(is_open(first));
  EXPECT_TRUE(is_open(second));
  EXPECT_EQ(read_end.close(), 0);
  EXPECT_FALSE(is_open(second));
  EXPECT_EQ(read_end.close(), 0);  // nothing held: nothing to close
}

// A megabyte into a pipe that holds 64 KB, its reader taking a little at a time while signals
// keep interrupting the writer (a handler without SA_RESTART): each write returns short or with
// EINTR, and every byte still arrives, once and in order.
TEST(WriteAll, writes_everything_across_short_and_interrupted_writes) {
  struct sigaction action {};
  action.sa_handler = count_interruption;  // no SA_RESTART: blocked writes return early
  struct sigaction previous {};
  ASSERT_EQ(::sigaction(SIGUSR1, &action, &previous), 0);
  interruptions = 0;

  std::string bytes(1 << 20, '\0');
  for (std::size_t i = 0; i < bytes.size(); ++i)
    bytes[i] = static_cast<char>('a' + i % 23);
  auto [read_end, write_end] = owned_pipe();
  std::atomic<int> result{-1};
  const int out = write_end.get();  // clang 14 captures no structured binding
  std::thread writer([&bytes, &result, out] { result = write_all(out, bytes); });

  std::string received;
  char chunk[4096];
  while (received.size() < bytes.size()) {
    ::pthread_kill(writer.native_handle(), SIGUSR1);
    const ssize_t got = ::read(read_end.get(), chunk, sizeof chunk);
    if (got < 0 && errno == EINTR) continue;
    ASSERT_GT(got, 0);
    received.append(chunk, static_cast<std::size_t>(got));
  }
  writer.join();
  ::sigaction(SIGUSR1, &previous, nullptr);
  EXPECT_EQ(result, 0);
  EXPECT_GT(interruptions, 0);
  EXPECT_TRUE(received == bytes);
}

TEST(WriteAll, reports_the_error_of_the_write_that_failed) {
  auto [read_end, write_end] = owned_pipe();
  read_end.reset();
  const auto previous = std::signal(SIGPIPE, SIG_IGN);
  EXPECT_EQ(write_all(write_end.get(), "no reader"), EPIPE);
  std::signal(SIGPIPE, previous);
  EXPECT_EQ(write_all(-1, "no descriptor"), EBADF);
  EXPECT_EQ(write_all(-1, ""), 0);  // nothing to write
}

}  // namespace
}  // namespace vanban
