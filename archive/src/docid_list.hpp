// A fixed set of documents as a boolean posting list (no weight): what restricts a run to
// documents already known (the second phase's window, a strict phrase's counted matches).
#pragma once

#include <algorithm>
#include <cstddef>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

namespace vanban::archive {

class DocidListSource final : public Xapian::PostingSource {
 public:
  // `sorted`: ascending docids. Clones share them.
  explicit DocidListSource(std::vector<Xapian::docid> sorted)
      : docids_(std::make_shared<const std::vector<Xapian::docid>>(std::move(sorted))) {}
  // Shared, not copied (a strict phrase's matches remembered by FacetCache).
  explicit DocidListSource(std::shared_ptr<const std::vector<Xapian::docid>> sorted)
      : docids_(std::move(sorted)) {}

  Xapian::doccount get_termfreq_min() const override { return count(); }
  Xapian::doccount get_termfreq_est() const override { return count(); }
  Xapian::doccount get_termfreq_max() const override { return count(); }

  void init(const Xapian::Database&) override { position_ = kBeforeStart; }
  void next(double) override { position_ = position_ == kBeforeStart ? 0 : position_ + 1; }
  void skip_to(Xapian::docid docid, double) override {
    const std::size_t from = position_ == kBeforeStart ? 0 : position_;
    position_ = static_cast<std::size_t>(
        std::lower_bound(docids_->begin() + static_cast<std::ptrdiff_t>(from), docids_->end(),
                         docid) -
        docids_->begin());
  }
  bool at_end() const override { return position_ != kBeforeStart && position_ >= docids_->size(); }
  Xapian::docid get_docid() const override { return (*docids_)[position_]; }
  // Xapian owns what clone() returns (its PostingSource contract).
  DocidListSource* clone() const override { return new DocidListSource(docids_); }
  std::string name() const override { return "vanban::DocidListSource"; }

 private:
  static constexpr std::size_t kBeforeStart = std::numeric_limits<std::size_t>::max();
  Xapian::doccount count() const { return static_cast<Xapian::doccount>(docids_->size()); }

  std::shared_ptr<const std::vector<Xapian::docid>> docids_;
  std::size_t position_ = kBeforeStart;
};

// The documents `sorted` (ascending docids) as a boolean query that owns its posting source.
inline Xapian::Query docid_query(std::vector<Xapian::docid> sorted) {
  return Xapian::Query((new DocidListSource(std::move(sorted)))->release());
}
inline Xapian::Query docid_query(std::shared_ptr<const std::vector<Xapian::docid>> sorted) {
  return Xapian::Query((new DocidListSource(std::move(sorted)))->release());
}

}  // namespace vanban::archive
