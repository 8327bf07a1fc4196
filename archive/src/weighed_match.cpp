#include "weighed_match.hpp"

#include <algorithm>
#include <limits>
#include <memory>
#include <string>
#include <unordered_map>

#include "phrase_weights.hpp"
#include "ranking_weight.hpp"

namespace vanban::archive {
namespace {

using Q = Xapian::Query;
constexpr Xapian::docid kEnd = std::numeric_limits<Xapian::docid>::max();

// A part of Xapian's postlist tree: the documents it matches, in docid order, and its weight in
// the one it stands on, summed as Xapian's part of the same kind sums it. A part that only adds
// weight (AND_MAYBE's optional one, a covered term under an OR) is not sought while matching,
// only when a document is weighed.
class Node {
 public:
  virtual ~Node() = default;
  // The first document from `docid` on that the part matches, kEnd if none; non-decreasing.
  virtual Xapian::docid seek(Xapian::docid docid) = 0;
  // Its weight in the document the last seek stood on (a match), of `length`.
  virtual double weight(Xapian::termcount length) = 0;
  // At least that weight (up to rounding), from the lists sought while matching alone: those
  // that only add weight count at their most. Not below weight(length) at a greater length.
  virtual double bound(Xapian::termcount length) = 0;
  // Xapian's estimate of how many documents it matches (get_termfreq_est), which orders an
  // AND's parts and builds an OR's tree.
  Xapian::doccount estimate = 0;
  // At least its weight in any document (up to rounding).
  double most = 0;
  // Whether it matches every document of the database (a fixed weight's source).
  bool matches_all = false;
};

// A term's postings (LeafPostList): its BM25 part where weighed (a factor, and a term).
class Leaf final : public Node {
 public:
  Leaf(const Xapian::Database& database, const std::string& name, double factor,
       double length_factor, Xapian::termcount shortest)
      : term(name),
        posting_(database.postlist_begin(name)),
        at_(posting_ == Xapian::PostingIterator() ? kEnd : *posting_),
        weighed_(factor != 0 && !name.empty()),
        length_factor_(length_factor) {
    estimate = name.empty() ? database.get_doccount() : database.get_termfreq(name);
    if (weighed_) {
      term_weight_ = term_weight(estimate, database.get_doccount(), factor);
      // BM25Weight::get_maxpart: the most wdf, in the shortest document.
      most = part_at_most(database.get_wdf_upper_bound(name), shortest);
    }
  }
  Xapian::docid seek(Xapian::docid docid) override {
    if (at_ >= docid) return at_;
    posting_.skip_to(docid);
    at_ = posting_ == Xapian::PostingIterator() ? kEnd : *posting_;
    return at_;
  }
  double weight(Xapian::termcount length) override { return part_at_most(wdf(), length); }
  double bound(Xapian::termcount length) override { return weight(length); }
  // Its part in a document of `length` where it stands `wdf` times (or fewer).
  double part_at_most(Xapian::termcount wdf, Xapian::termcount length) const {
    return weighed_ ? sum_part(term_weight_, length_factor_, wdf, length) : 0;
  }
  Xapian::termcount wdf() const { return posting_.get_wdf(); }
  // The first posting from the last docid sought on (kEnd past the last).
  Xapian::docid at() const { return at_; }

  const std::string term;

 private:
  Xapian::PostingIterator posting_;
  Xapian::docid at_;
  bool weighed_;
  double length_factor_;
  double term_weight_ = 0;
};

// A list of docids without weight (a DocidListSource under OP_FILTER: Xapian's ExternalPostList
// of factor 0, its estimate the list's size).
class Listed final : public Node {
 public:
  explicit Listed(const std::vector<Xapian::docid>& docids) : docids_(docids) {
    estimate = static_cast<Xapian::doccount>(docids.size());
  }
  Xapian::docid seek(Xapian::docid docid) override {
    next_ = static_cast<std::size_t>(
        std::lower_bound(docids_.begin() + static_cast<std::ptrdiff_t>(next_), docids_.end(),
                         docid) -
        docids_.begin());
    return next_ < docids_.size() ? docids_[next_] : kEnd;
  }
  double weight(Xapian::termcount) override { return 0; }
  double bound(Xapian::termcount) override { return 0; }

 private:
  const std::vector<Xapian::docid>& docids_;
  std::size_t next_ = 0;
};

// A FixedWeightPostingSource (Xapian's ExternalPostList over it): every document, the source's
// weight times the factor it stands under (none under a FILTER's condition), its estimate the
// documents' count. Under an AND of other parts it is not sought: those parts stand only on
// documents that exist, which it matches all (`matches_all`).
class Fixed final : public Node {
 public:
  Fixed(const Xapian::Database& database, double weight, double factor)
      : posting_(database.postlist_begin(std::string())),
        at_(posting_ == Xapian::PostingIterator() ? kEnd : *posting_),
        weight_(factor == 0.0 ? 0.0 : factor * weight) {
    estimate = database.get_doccount();
    most = weight_;
    matches_all = true;
  }
  Xapian::docid seek(Xapian::docid docid) override {
    if (at_ >= docid) return at_;
    posting_.skip_to(docid);
    at_ = posting_ == Xapian::PostingIterator() ? kEnd : *posting_;
    return at_;
  }
  double weight(Xapian::termcount) override { return weight_; }
  double bound(Xapian::termcount) override { return weight_; }

 private:
  Xapian::PostingIterator posting_;
  Xapian::docid at_;
  double weight_;
};

// OrPostList: l + r where both match (two terms add up to the same bits in either order). Of two
// terms one of which covers the other (Covers), the covering one's matches are the OR's: the
// other is sought only when weighed, and bounded meanwhile by the covering one's wdf.
class Or final : public Node {
 public:
  Or(Node* l, Node* r, Xapian::doccount size, Covers covers) : l_(l), r_(r) {
    const double lest = static_cast<double>(l->estimate);
    const double rest = static_cast<double>(r->estimate);
    const double est = lest + rest - (lest * rest / size);
    estimate = static_cast<Xapian::doccount>(est + 0.5);
    most = l->most + r->most;
    auto* l_leaf = dynamic_cast<Leaf*>(l);
    auto* r_leaf = dynamic_cast<Leaf*>(r);
    if (!covers || !l_leaf || !r_leaf || l_leaf->term.empty() || r_leaf->term.empty()) return;
    if (covers(r_leaf->term, l_leaf->term)) {
      covering_ = l_leaf;
      covered_ = r_leaf;
    } else if (covers(l_leaf->term, r_leaf->term)) {
      covering_ = r_leaf;
      covered_ = l_leaf;
    }
  }
  Xapian::docid seek(Xapian::docid docid) override {
    if (at_ >= docid) return at_;
    if (covering_) return at_ = covering_->seek(docid);
    l_at_ = l_->seek(docid);
    r_at_ = r_->seek(docid);
    at_ = std::min(l_at_, r_at_);
    return at_;
  }
  double weight(Xapian::termcount length) override {
    if (covering_) {
      if (covered_->seek(at_) != at_) return covering_->weight(length);
      return l_->weight(length) + r_->weight(length);
    }
    if (l_at_ < r_at_) return l_->weight(length);
    if (l_at_ > r_at_) return r_->weight(length);
    return l_->weight(length) + r_->weight(length);
  }
  double bound(Xapian::termcount length) override {
    if (covering_) {
      const Xapian::termcount wdf = covering_->wdf();
      return covering_->part_at_most(wdf, length) + covered_->part_at_most(wdf, length);
    }
    if (l_at_ < r_at_) return l_->bound(length);
    if (l_at_ > r_at_) return r_->bound(length);
    return l_->bound(length) + r_->bound(length);
  }

 private:
  Node* l_;
  Node* r_;
  Leaf* covering_ = nullptr;
  Leaf* covered_ = nullptr;
  Xapian::docid at_ = 0, l_at_ = 0, r_at_ = 0;
};

// MultiAndPostList: its parts (already in Xapian's order) summed from 0 in that order.
class And final : public Node {
 public:
  And(std::vector<Node*> parts, Xapian::doccount size) : parts_(std::move(parts)) {
    double result = parts_[0]->estimate;
    for (std::size_t i = 1; i < parts_.size(); ++i)
      result = (result * parts_[i]->estimate) / size;
    estimate = static_cast<Xapian::doccount>(result + 0.5);
    for (const Node* part : parts_)
      most += part->most;
  }
  Xapian::docid seek(Xapian::docid docid) override {
    if (at_ >= docid) return at_;
    for (;;) {
      bool agreed = true;
      for (Node* part : parts_) {
        if (part->matches_all && part != parts_.front()) continue;  // docid exists
        const Xapian::docid at = part->seek(docid);
        if (at == kEnd) return at_ = kEnd;
        if (at != docid) {
          docid = at;
          agreed = false;
          break;
        }
      }
      if (agreed) return at_ = docid;
    }
  }
  double weight(Xapian::termcount length) override {
    double result = 0;
    for (Node* part : parts_)
      result += part->weight(length);
    return result;
  }
  double bound(Xapian::termcount length) override {
    double result = 0;
    for (Node* part : parts_)
      result += part->bound(length);
    return result;
  }

 private:
  std::vector<Node*> parts_;
  Xapian::docid at_ = 0;
};

// AndNotPostList: l's matches without r's, l's weight.
class AndNot final : public Node {
 public:
  AndNot(Node* l, Node* r, Xapian::doccount size) : l_(l), r_(r) {
    const double est =
        l->estimate * (1.0 - static_cast<double>(r->estimate) / static_cast<double>(size));
    estimate = static_cast<Xapian::doccount>(est + 0.5);
    most = l->most;
  }
  Xapian::docid seek(Xapian::docid docid) override {
    if (at_ >= docid) return at_;
    for (Xapian::docid at = l_->seek(docid); at != kEnd; at = l_->seek(at + 1))
      if (r_->seek(at) != at) return at_ = at;
    return at_ = kEnd;
  }
  double weight(Xapian::termcount length) override { return l_->weight(length); }
  double bound(Xapian::termcount length) override { return l_->bound(length); }

 private:
  Node* l_;
  Node* r_;
  Xapian::docid at_ = 0;
};

// AndMaybePostList: l's matches, l + r where r matches too (r sought only when weighed).
class AndMaybe final : public Node {
 public:
  AndMaybe(Node* l, Node* r) : l_(l), r_(r) {
    estimate = l->estimate;
    most = l->most + r->most;
  }
  Xapian::docid seek(Xapian::docid docid) override { return at_ = l_->seek(docid); }
  double weight(Xapian::termcount length) override {
    if (r_->seek(at_) == at_) return l_->weight(length) + r_->weight(length);
    return l_->weight(length);
  }
  double bound(Xapian::termcount length) override { return l_->bound(length) + r_->most; }

 private:
  Node* l_;
  Node* r_;
  Xapian::docid at_ = 0;
};

// MultiAndPostList's order (ascending estimate), and queryinternal.cc's comparator of the same
// name for an OR's heap, which orders the other way (the rarest on top).
bool by_estimate(const Node* a, const Node* b) {
  return a->estimate < b->estimate;
}
bool rarest_on_top(const Node* a, const Node* b) {
  return a->estimate > b->estimate;
}

// Builds the tree as Xapian 1.4's Query::Internal::postlist and its contexts do
// (api/queryinternal.cc); `failed` where a part is not one this walk weighs as Xapian does.
class Builder {
 public:
  Builder(const Xapian::Database& database, std::vector<std::unique_ptr<Node>>& nodes,
          Covers covers)
      : database_(database),
        nodes_(nodes),
        size_(database.get_doccount()),
        shortest_(database.get_doclength_lower_bound()),
        covers_(covers) {
    const double average = database.get_avlength();
    length_factor_ = average != 0 ? 1 / average : 0;
  }
  bool failed = false;

  // AndContext: the parts of an AND, the OR of what it excludes, the OR of what may add weight.
  struct AndContext {
    std::vector<Node*> parts;
    std::vector<Node*> excluded;
    std::vector<Node*> maybe;
  };

  Node* postlist(const Q& query, double factor) {
    if (failed) return nullptr;
    switch (query.get_type()) {
      case Q::LEAF_TERM: {
        const std::optional<std::string> term = plain_term(query);
        if (!term) return fail();
        return make<Leaf>(database_, *term, factor, length_factor_, shortest_);
      }
      case Q::LEAF_MATCH_ALL:
        if (query.get_description() != Q(std::string()).get_description()) return fail();
        return make<Leaf>(database_, std::string(), factor, length_factor_, shortest_);
      case Q::LEAF_POSTING_SOURCE: {
        const std::optional<double> weight = fixed_weight_of(query);
        if (!weight) return fail();
        return make<Fixed>(database_, *weight, factor);
      }
      case Q::OP_SCALE_WEIGHT: {
        const std::optional<double> scale = scale_factor(query);
        if (!scale) return fail();
        return postlist(query.get_subquery(0), factor * *scale);
      }
      case Q::OP_AND:
      case Q::OP_FILTER: {
        AndContext context;
        sub_and_like(context, query, factor);
        return and_postlist(context);
      }
      case Q::OP_AND_NOT: {
        Node* l = postlist(query.get_subquery(0), factor);
        std::vector<Node*> excluded;
        for (std::size_t i = 1; i < query.get_num_subqueries(); ++i)
          sub_or_like(excluded, query.get_subquery(i), 0.0);
        if (failed) return nullptr;
        return make<AndNot>(l, or_postlist(excluded), size_);
      }
      case Q::OP_AND_MAYBE: {
        Node* l = postlist(query.get_subquery(0), factor);
        if (factor == 0.0) return l;
        std::vector<Node*> maybe;
        for (std::size_t i = 1; i < query.get_num_subqueries(); ++i)
          sub_or_like(maybe, query.get_subquery(i), factor);
        if (failed) return nullptr;
        return make<AndMaybe>(l, or_postlist(maybe));
      }
      case Q::OP_OR: {
        std::vector<Node*> parts;
        sub_or_like(parts, query, factor);
        if (failed) return nullptr;
        return or_postlist(parts);
      }
      case Q::OP_SYNONYM: {
        // Weighed as one term of the summed wdfs; unweighed, an OR.
        if (factor != 0.0) return fail();
        std::vector<Node*> parts;
        for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
          sub_or_like(parts, query.get_subquery(i), 0.0);
        if (failed) return nullptr;
        return or_postlist(parts);
      }
      default:
        return fail();
    }
  }

  // Query::Internal::postlist_sub_and_like and its overrides.
  void sub_and_like(AndContext& context, const Q& query, double factor) {
    if (failed) return;
    const std::size_t count = query.get_num_subqueries();
    switch (query.get_type()) {
      case Q::OP_AND:
        for (std::size_t i = 0; i < count; ++i)
          sub_and_like(context, query.get_subquery(i), factor);
        return;
      case Q::OP_FILTER:
        for (std::size_t i = 0; i < count; ++i)
          sub_and_like(context, query.get_subquery(i), i == 0 ? factor : 0.0);
        return;
      case Q::OP_AND_NOT:
        sub_and_like(context, query.get_subquery(0), factor);
        for (std::size_t i = 1; i < count; ++i)
          sub_or_like(context.excluded, query.get_subquery(i), 0.0);
        return;
      case Q::OP_AND_MAYBE:
        sub_and_like(context, query.get_subquery(0), factor);
        for (std::size_t i = 1; i < count; ++i)
          sub_or_like(context.maybe, query.get_subquery(i), factor);
        return;
      case Q::OP_PHRASE:
      case Q::OP_NEAR:
        fail();
        return;
      default:
        if (Node* made = postlist(query, factor)) context.parts.push_back(made);
    }
  }

  // Query::Internal::postlist_sub_or_like: an OR's parts join the OR around it.
  void sub_or_like(std::vector<Node*>& parts, const Q& query, double factor) {
    if (failed) return;
    if (query.get_type() == Q::OP_OR) {
      for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
        sub_or_like(parts, query.get_subquery(i), factor);
      return;
    }
    if (query.get_type() == Q::OP_ELITE_SET) {
      fail();
      return;
    }
    if (Node* made = postlist(query, factor)) parts.push_back(made);
  }

  // AndContext::postlist: MultiAndPostList of the parts in ascending estimate (Xapian's own
  // partial_sort_copy on the same sequence, so that ties fall the same way), then AND_NOT the
  // excluded, then AND_MAYBE the optional.
  Node* and_postlist(AndContext& context) {
    if (failed || context.parts.empty()) return fail();
    std::vector<Node*> sorted(context.parts.size());
    std::partial_sort_copy(context.parts.begin(), context.parts.end(), sorted.begin(), sorted.end(),
                           by_estimate);
    Node* made = make<And>(std::move(sorted), size_);
    if (!context.excluded.empty()) made = make<AndNot>(made, or_postlist(context.excluded), size_);
    if (!context.maybe.empty()) made = make<AndMaybe>(made, or_postlist(context.maybe));
    return made;
  }

  // OrContext::postlist: a tree of two-way ORs, the two rarest joined first (as a Huffman tree).
  Node* or_postlist(std::vector<Node*> parts) {
    if (failed || parts.empty()) return fail();
    if (parts.size() == 1) return parts.front();
    std::make_heap(parts.begin(), parts.end(), rarest_on_top);
    for (;;) {
      Node* r = parts.front();
      std::pop_heap(parts.begin(), parts.end(), rarest_on_top);
      parts.pop_back();
      Node* joined = make<Or>(parts.front(), r, size_, covers_);
      if (parts.size() == 1) return joined;
      std::pop_heap(parts.begin(), parts.end(), rarest_on_top);
      parts.back() = joined;
      std::push_heap(parts.begin(), parts.end(), rarest_on_top);
    }
  }

  template <class Made, class... Args>
  Node* make(Args&&... args) {
    nodes_.push_back(std::make_unique<Made>(std::forward<Args>(args)...));
    return nodes_.back().get();
  }

 private:
  Node* fail() {
    failed = true;
    return nullptr;
  }

  const Xapian::Database& database_;
  std::vector<std::unique_ptr<Node>>& nodes_;
  Xapian::doccount size_;
  Xapian::termcount shortest_;
  Covers covers_;
  double length_factor_ = 0;
};

}  // namespace

std::optional<WeighedMatches> weighed_matches(const Xapian::Database& database,
                                              const Xapian::Query& query, Xapian::doccount wanted,
                                              const std::vector<Xapian::docid>* within,
                                              bool keep_all, Covers covers,
                                              std::span<const Xapian::termcount> lengths,
                                              bool read_wdfs) {
  // Several databases are matched one by one, each with its own tree.
  if (database.size() != 1) return std::nullopt;
  WeighedMatches out;
  if (query.empty() || database.get_doccount() == 0) return out;
  std::vector<std::unique_ptr<Node>> nodes;
  Builder builder(database, nodes, covers);
  Node* root = nullptr;
  if (within) {
    // QueryFilter::postlist of (query, the list): one AND context, the list weightless.
    Builder::AndContext context;
    builder.sub_and_like(context, query, 1.0);
    if (!builder.failed) context.parts.push_back(builder.make<Listed>(*within));
    root = builder.and_postlist(context);
  } else {
    root = builder.postlist(query, 1.0);
  }
  if (builder.failed || !root) return std::nullopt;

  // The best so far, the worst of them at the front (MSet order: weight, then ascending docid).
  using Entry = std::pair<double, Xapian::docid>;
  const auto better = [](const Entry& a, const Entry& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  };
  std::vector<Entry> best;
  best.reserve(wanted);
  // A bound is the same sums of parts each at least the weighed one, in another order, and a
  // term's most is the same expression at a greater wdf; each can round the other way by a few
  // units in the last place. Weights are never negative. Far above that rounding:
  constexpr double kRoundingMargin = 1 + 1e-9;
  const Xapian::termcount shortest = database.get_doclength_lower_bound();
  Xapian::PostingIterator listed_lengths;
  if (lengths.empty()) listed_lengths = database.postlist_begin(std::string());
  const auto length_of = [&](Xapian::docid docid) -> Xapian::termcount {
    if (!lengths.empty()) return docid < lengths.size() ? lengths[docid] : 0;
    listed_lengths.skip_to(docid);
    return listed_lengths.get_doclength();
  };
  // The wdfs of each distinct term in the documents entering the best, read where the walk
  // stands: a term's leaf on the match holds its wdf there. A leaf elsewhere proves nothing (an
  // AND under an OR may have sought its leaves past documents they hold): unread.
  std::vector<std::vector<const Leaf*>> leaves_of;  // per distinct term
  if (read_wdfs) {
    for (const std::unique_ptr<Node>& node : nodes) {
      const auto* leaf = dynamic_cast<const Leaf*>(node.get());
      if (!leaf || leaf->term.empty()) continue;
      const auto t = static_cast<std::size_t>(
          std::find(out.terms.begin(), out.terms.end(), leaf->term) - out.terms.begin());
      if (t == out.terms.size()) {
        out.terms.push_back(leaf->term);
        leaves_of.emplace_back();
      }
      leaves_of[t].push_back(leaf);
    }
  }
  std::vector<Xapian::termcount> read;                     // per recorded document, per term
  std::unordered_map<Xapian::docid, std::size_t> read_at;  // where in `read`
  const auto read_here = [&](Xapian::docid at) {
    if (leaves_of.empty()) return;
    read_at[at] = read.size();
    for (const std::vector<const Leaf*>& leaves : leaves_of) {
      Xapian::termcount wdf = WeighedMatches::kUnread;
      for (const Leaf* leaf : leaves) {
        if (leaf->at() != at) continue;
        wdf = leaf->wdf();
        break;
      }
      read.push_back(wdf);
    }
  };
  for (Xapian::docid at = root->seek(1); at != kEnd; at = root->seek(at + 1)) {
    ++out.total;
    if (keep_all) out.all.push_back(at);
    if (wanted == 0) continue;
    Xapian::termcount length = 0;
    if (best.size() == wanted) {
      // A later document enters only above the worst of the best (a tie loses by its docid).
      const double least = best.front().first;
      if (root->most * kRoundingMargin < least) continue;
      // Its length read only where a bound at the shortest length does not settle it.
      if (lengths.empty() && root->bound(shortest) * kRoundingMargin < least) continue;
      length = length_of(at);
      if (root->bound(length) * kRoundingMargin < least) continue;
    } else {
      length = length_of(at);
    }
    ++out.weighed;
    const Entry entry{root->weight(length), at};
    if (best.size() < wanted) {
      best.push_back(entry);
      std::push_heap(best.begin(), best.end(), better);
      read_here(at);
    } else if (better(entry, best.front())) {
      std::pop_heap(best.begin(), best.end(), better);
      best.back() = entry;
      std::push_heap(best.begin(), best.end(), better);
      read_here(at);
    }
  }
  std::sort(best.begin(), best.end(), better);
  out.best.reserve(best.size());
  for (const Entry& entry : best) {
    out.best.emplace_back(entry.second, entry.first);
    if (leaves_of.empty()) continue;
    const auto from = read.begin() + static_cast<std::ptrdiff_t>(read_at.at(entry.second));
    out.wdfs.emplace_back(from, from + static_cast<std::ptrdiff_t>(leaves_of.size()));
  }
  return out;
}

}  // namespace vanban::archive
