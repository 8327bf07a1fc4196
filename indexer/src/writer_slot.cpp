#include "vanban/indexer/writer_slot.hpp"

#include "vanban/archive/archive.hpp"

namespace vanban::indexer {

Status WriterSlot::with_writer(const std::function<Status(archive::ArchiveWriter&)>& work,
                               bool keep_open) {
  std::lock_guard lock(mutex_);
  const bool opened_here = !writer_;
  if (opened_here) {
    auto opened = archive::Archive(db_dir_).open_writer();
    if (!opened) return opened.error();
    writer_ = std::move(*opened);
  }
  Status done = work(*writer_);
  if (opened_here && !keep_open) {
    // Commits what is pending, then unlocks; a failure there is this call's failure too.
    Status closed = writer_->close();
    writer_.reset();
    if (done.ok() && !closed.ok()) return closed;
  }
  return done;
}

std::shared_ptr<WriterSlot> WriterSlots::for_archive(const std::filesystem::path& db_dir) {
  std::lock_guard lock(mutex_);
  auto& slot = slots_[std::filesystem::absolute(db_dir).lexically_normal()];
  if (!slot) slot = std::make_shared<WriterSlot>(db_dir);
  return slot;
}

}  // namespace vanban::indexer
