#include "folder_watch.hpp"

#include <array>
#include <cerrno>
#include <cstring>
#include <iostream>

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

namespace vanban::indexer::detail {
namespace {

namespace fs = std::filesystem;

// A write in progress shows as IN_MODIFY; a finished one as IN_CLOSE_WRITE or a rename into
// the folder (how editors and copy tools publish a file).
constexpr std::uint32_t kEvents = IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM |
                                  IN_CREATE | IN_DELETE | IN_DELETE_SELF;

}  // namespace

Result<FolderWatch> FolderWatch::open(const std::vector<fs::path>& roots, int stop_fd) {
  FileDescriptor fd(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC));
  if (!fd.valid()) {
    return make_error(ErrorKind::io, std::string("inotify: ") + std::strerror(errno),
                      std::string("Không theo dõi được thư mục: ") + std::strerror(errno));
  }
  FolderWatch watch(std::move(fd), stop_fd);
  for (const fs::path& root : roots)
    watch.add_tree(root);
  return watch;
}

void FolderWatch::add_tree(const fs::path& folder) {
  std::error_code error;
  if (!fs::is_directory(folder, error)) return;
  const int wd = ::inotify_add_watch(fd_.get(), folder.c_str(), kEvents);
  if (wd < 0) {
    // Out of watches (fs.inotify.max_user_watches) or unreadable: that folder is read at the
    // next pass only; say so once.
    std::cerr << "vanban watch: không theo dõi được " << folder.string() << ": "
              << std::strerror(errno) << '\n';
    return;
  }
  folders_[wd] = folder;
  for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
    if (it->is_directory(error) && !it->is_symlink(error)) add_tree(it->path());
  }
}

bool FolderWatch::drain() {
  bool changed = false;
  alignas(inotify_event) std::array<char, 64 * 1024> buffer{};
  for (;;) {
    const ssize_t got = ::read(fd_.get(), buffer.data(), buffer.size());
    if (got <= 0) break;  // EAGAIN: nothing more for now
    for (ssize_t offset = 0; offset < got;) {
      const auto* event = reinterpret_cast<const inotify_event*>(buffer.data() + offset);
      offset += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
      if (event->mask & IN_Q_OVERFLOW) {
        changed = true;  // events were lost: the next pass reads the folders anyway
        continue;
      }
      if (event->mask & IN_IGNORED) {
        folders_.erase(event->wd);
        continue;
      }
      changed = true;
      if ((event->mask & IN_ISDIR) && (event->mask & (IN_CREATE | IN_MOVED_TO)) && event->len > 0) {
        const auto folder = folders_.find(event->wd);
        if (folder != folders_.end()) add_tree(folder->second / event->name);
      }
    }
  }
  return changed;
}

bool FolderWatch::wait_for_quiet(std::chrono::milliseconds quiet) {
  bool pending = false;
  for (;;) {
    std::array<pollfd, 2> fds{{{fd_.get(), POLLIN, 0}, {stop_fd_, POLLIN, 0}}};
    const int timeout = pending ? static_cast<int>(quiet.count()) : -1;
    const int ready = ::poll(fds.data(), fds.size(), timeout);
    if (ready < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    if (fds[1].revents & POLLIN) return false;
    if (ready == 0) return true;  // quiet for `quiet` after a change
    if (fds[0].revents & POLLIN) pending = drain() || pending;
  }
}

}  // namespace vanban::indexer::detail
