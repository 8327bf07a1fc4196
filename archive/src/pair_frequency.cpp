#include "pair_frequency.hpp"

namespace vanban::archive {
namespace {

// Whether `first` stands somewhere right before `second` in the document the iterators read.
bool side_by_side(Xapian::PositionIterator first, Xapian::PositionIterator second) {
  const Xapian::PositionIterator end;
  while (first != end && second != end) {
    const Xapian::termpos next = *first + 1;
    second.skip_to(next);
    if (second == end) return false;
    if (*second == next) return true;
    first.skip_to(*second - 1);
  }
  return false;
}

}  // namespace

double pair_frequency(const Xapian::Database& database, const std::string& first,
                      const std::string& second) {
  Xapian::PostingIterator a = database.postlist_begin(first);
  Xapian::PostingIterator b = database.postlist_begin(second);
  const Xapian::PostingIterator a_end = database.postlist_end(first);
  const Xapian::PostingIterator b_end = database.postlist_end(second);
  std::size_t checked = 0;
  std::size_t adjacent = 0;
  Xapian::docid last = 0;
  while (a != a_end && b != b_end) {
    if (*a < *b) {
      a.skip_to(*b);
      continue;
    }
    if (*b < *a) {
      b.skip_to(*a);
      continue;
    }
    if (checked == kPairSample) {
      // The sample is full: the rest of the docids hold both terms as densely as the part
      // walked, and the pair as often among them.
      const double walked = static_cast<double>(last);
      const double all = static_cast<double>(database.get_lastdocid());
      return static_cast<double>(adjacent) * all / walked;
    }
    ++checked;
    last = *a;
    if (side_by_side(a.positionlist_begin(), b.positionlist_begin())) ++adjacent;
    ++a;
    ++b;
  }
  return static_cast<double>(adjacent);
}

}  // namespace vanban::archive
