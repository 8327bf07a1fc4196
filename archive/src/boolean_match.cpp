#include "boolean_match.hpp"

#include <algorithm>
#include <limits>
#include <memory>
#include <string>

namespace vanban::archive {
namespace {

constexpr Xapian::docid kEnd = std::numeric_limits<Xapian::docid>::max();

// A walk over the documents a part of the query matches, in docid order.
class Cursor {
 public:
  virtual ~Cursor() = default;
  // The first document from `docid` on that the part matches, kEnd if none. Called with
  // non-decreasing docids.
  virtual Xapian::docid seek(Xapian::docid docid) = 0;
  // How many documents it may match at most (to walk the rarest part of an AND first).
  virtual Xapian::doccount bound() const = 0;
};

using Cursors = std::vector<std::unique_ptr<Cursor>>;

class TermCursor final : public Cursor {
 public:
  TermCursor(const Xapian::Database& database, const std::string& term)
      : posting_(database.postlist_begin(term)),
        at_(posting_ == Xapian::PostingIterator() ? kEnd : *posting_),
        bound_(term.empty() ? database.get_doccount() : database.get_termfreq(term)) {}
  Xapian::docid seek(Xapian::docid docid) override {
    if (at_ >= docid) return at_;  // where it stands (kEnd at the end)
    posting_.skip_to(docid);
    at_ = posting_ == Xapian::PostingIterator() ? kEnd : *posting_;
    return at_;
  }
  Xapian::doccount bound() const override { return bound_; }

 private:
  Xapian::PostingIterator posting_;
  Xapian::docid at_;
  Xapian::doccount bound_;
};

class NothingCursor final : public Cursor {
 public:
  Xapian::docid seek(Xapian::docid) override { return kEnd; }
  Xapian::doccount bound() const override { return 0; }
};

class AndCursor final : public Cursor {
 public:
  explicit AndCursor(Cursors parts) : parts_(std::move(parts)) {
    std::stable_sort(parts_.begin(), parts_.end(),
                     [](const auto& a, const auto& b) { return a->bound() < b->bound(); });
  }
  Xapian::docid seek(Xapian::docid docid) override {
    for (;;) {
      bool agreed = true;
      for (const auto& part : parts_) {
        const Xapian::docid at = part->seek(docid);
        if (at == kEnd) return kEnd;
        if (at != docid) {
          docid = at;
          agreed = false;
          break;
        }
      }
      if (agreed) return docid;
    }
  }
  Xapian::doccount bound() const override { return parts_.front()->bound(); }
  // Its parts, for an AND around it: one leapfrog over all of them, led by the rarest of all
  // (a nested AND would look for its own next match where the outer one has none).
  Cursors take_parts() { return std::move(parts_); }

 private:
  Cursors parts_;
};

class OrCursor final : public Cursor {
 public:
  explicit OrCursor(Cursors parts) : parts_(std::move(parts)) {}
  Xapian::docid seek(Xapian::docid docid) override {
    Xapian::docid first = kEnd;
    for (const auto& part : parts_)
      first = std::min(first, part->seek(docid));
    return first;
  }
  Xapian::doccount bound() const override {
    Xapian::doccount sum = 0;
    for (const auto& part : parts_)
      sum = std::max(sum, sum + part->bound());  // saturates rather than wraps
    return sum;
  }

 private:
  Cursors parts_;
};

class AndNotCursor final : public Cursor {
 public:
  AndNotCursor(std::unique_ptr<Cursor> kept, std::unique_ptr<Cursor> removed)
      : kept_(std::move(kept)), removed_(std::move(removed)) {}
  Xapian::docid seek(Xapian::docid docid) override {
    for (Xapian::docid at = kept_->seek(docid); at != kEnd; at = kept_->seek(at + 1))
      if (removed_->seek(at) != at) return at;
    return kEnd;
  }
  Xapian::doccount bound() const override { return kept_->bound(); }

 private:
  std::unique_ptr<Cursor> kept_;
  std::unique_ptr<Cursor> removed_;
};

// The cursor of `query`, or nullptr for what the walk does not read.
std::unique_ptr<Cursor> cursor(const Xapian::Database& database, const Xapian::Query& query) {
  using Q = Xapian::Query;
  const auto type = query.get_type();
  if (type == Q::LEAF_MATCH_NOTHING) return std::make_unique<NothingCursor>();
  if (type == Q::LEAF_TERM || type == Q::LEAF_MATCH_ALL) {
    // An empty term (every document) lists no term.
    const auto term = query.get_terms_begin();
    return std::make_unique<TermCursor>(database,
                                        term == query.get_terms_end() ? std::string() : *term);
  }
  const std::size_t count = query.get_num_subqueries();
  if (count == 0) return nullptr;
  auto part = [&](std::size_t i) { return cursor(database, query.get_subquery(i)); };
  auto parts = [&](std::size_t from, std::size_t to) -> std::optional<Cursors> {
    Cursors out;
    for (std::size_t i = from; i < to; ++i) {
      auto made = part(i);
      if (!made) return std::nullopt;
      out.push_back(std::move(made));
    }
    return out;
  };
  switch (type) {
    case Q::OP_AND:
    case Q::OP_FILTER: {
      auto all = parts(0, count);
      if (!all) return nullptr;
      Cursors flat;
      for (auto& one : *all) {
        if (auto* nested = dynamic_cast<AndCursor*>(one.get())) {
          for (auto& inner : nested->take_parts())
            flat.push_back(std::move(inner));
        } else {
          flat.push_back(std::move(one));
        }
      }
      return std::make_unique<AndCursor>(std::move(flat));
    }
    case Q::OP_OR:
    case Q::OP_SYNONYM: {
      auto any = parts(0, count);
      if (!any) return nullptr;
      return std::make_unique<OrCursor>(std::move(*any));
    }
    case Q::OP_AND_NOT: {
      auto kept = part(0);
      auto removed = parts(1, count);
      if (!kept || !removed) return nullptr;
      return std::make_unique<AndNotCursor>(std::move(kept),
                                            std::make_unique<OrCursor>(std::move(*removed)));
    }
    case Q::OP_AND_MAYBE:  // matches what its first part matches; the others only weigh
    case Q::OP_SCALE_WEIGHT:
      return part(0);
    default:
      return nullptr;
  }
}

}  // namespace

std::optional<std::vector<Xapian::docid>> boolean_matches(const Xapian::Database& database,
                                                          const Xapian::Query& query) {
  const std::unique_ptr<Cursor> root = cursor(database, query);
  if (!root) return std::nullopt;
  std::vector<Xapian::docid> out;
  for (Xapian::docid at = root->seek(1); at != kEnd; at = root->seek(at + 1))
    out.push_back(at);
  return out;
}

}  // namespace vanban::archive
