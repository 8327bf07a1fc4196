// Facet counting over whole result sets, from columns: for every document, the ordinal of its
// issuer, type and year and the ordinals of the instruments it cites, read once per database
// revision from the value slots (what Lucene calls doc values). Counting a result set of any
// size is then one array increment per match and facet, where reading the values of each match
// through Xapian::Document costs a B-tree lookup per value.
#pragma once

#include <cstdint>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "vanban/archive/searcher.hpp"

#include "query_builder.hpp"
#include "weighed_match.hpp"

namespace vanban::archive {

class FacetColumns {
 public:
  // Reads the facet slots of every document of `database`, and works out every document's
  // validity status as of `day` ("YYYYMMDD", validity_facts.hpp). Throws Xapian errors (the
  // caller retries on DatabaseModifiedError).
  static std::shared_ptr<const FacetColumns> build(const Xapian::Database& database,
                                                   const std::string& day);

  // Which database state the columns were read from: a database (its UUID, new when an archive
  // is created again) at a revision.
  const std::string& uuid() const { return uuid_; }
  Xapian::rev revision() const { return revision_; }
  const std::string& day() const { return day_; }  // of the validity statuses

  // A single-valued facet's value of one document (empty: none).
  std::string_view value_of(FieldId facet, Xapian::docid docid) const;

  // The values of `facet` over the documents `docids` (each counted once per value), most
  // frequent first (ties by value), at most `limit`. A cited instrument written two ways
  // ("33/CT-TTg", "33/CT-TTG") is one value, shown as the spelling seen most often.
  std::vector<FacetValue> count(FieldId facet, std::span<const Xapian::docid> docids,
                                std::size_t limit) const;

  // Every document's length (the sum of its wdfs, BM25's), indexed by docid: the first phase's
  // walk weighs by these (weighed_match.hpp) without seeking the database's list of lengths.
  std::span<const Xapian::termcount> lengths() const { return lengths_; }

 private:
  // One value per document: ordinal_of_document[docid] indexes `values`; 0 is "none". A value
  // counts for its spellings: itself, but a value naming several bodies (a joint document's
  // issuer, analyzers::issuing_bodies) for each body's name; those of value v are
  // spelling_of_value[first_spelling[v] .. first_spelling[v + 1]). Spellings that name one body
  // ("Uỷ ban nhân dân tỉnh X", "Ủy ban nhân dân tỉnh X": the filter's key) share a group; group
  // 0 is "none".
  struct Column {
    std::vector<std::uint32_t> ordinal_of_document;
    std::vector<std::string> values{std::string()};
    std::vector<std::uint32_t> first_spelling{0, 1};
    std::vector<std::uint32_t> spelling_of_value{0};
    std::vector<std::string> spellings{std::string()};
    std::vector<std::uint32_t> group_of_spelling{0};
    std::uint32_t groups = 1;
  };
  // Several values per document: those of docid are ordinals[begin[docid] .. begin[docid+1]).
  struct ListColumn {
    std::vector<std::uint32_t> begin;
    std::vector<std::uint32_t> ordinals;  // spellings, one per cited instrument and document
    std::vector<std::string> spellings;
    std::vector<std::uint32_t> instrument_of_spelling;  // spellings of one instrument share it
    std::uint32_t instruments = 0;
  };

  static Column read_column(const Xapian::Database& database, FieldId facet, Xapian::valueno slot,
                            Xapian::docid last);
  static ListColumn read_cites(const Xapian::Database& database, Xapian::docid last);
  std::vector<FacetValue> count_column(const Column& column, std::span<const Xapian::docid> docids,
                                       std::size_t limit) const;
  std::vector<FacetValue> count_cites(std::span<const Xapian::docid> docids,
                                      std::size_t limit) const;

  std::string uuid_;
  Xapian::rev revision_ = 0;
  std::string day_;
  std::map<FieldId, Column> columns_;  // the single-valued facets
  ListColumn cites_;
  std::vector<Xapian::termcount> lengths_;
};

// What the counting runs found for one query and its filters: the exact total and the facets;
// for a strict phrase alone (QueryBuilder::one_phrase_known_by_matches), its matches too, so that
// the same search again (the next page, a reload) ranks them without reading positions again.
struct Counted {
  std::uint64_t total = 0;
  std::vector<std::pair<std::string, std::vector<FacetValue>>> facets;
  std::shared_ptr<const std::vector<Xapian::docid>> phrase_matches;  // ascending; may be null
};

// The columns of the latest revision, shared by the Searchers of one archive (the server's
// pool) so they are built once per commit, not once per thread; and the counts of the latest
// queries at that revision, so that the next page of a result, or the same search again, skips
// the counting runs. Both are dropped when a newer revision is read. Thread-safe.
class FacetCache {
 public:
  // `remembered` queries' counts at most; 0 remembers none (every search counts). Of the
  // phrases' matches, `matches_budget` docids at most in all (memory stays bounded whatever the
  // phrases match): the least recently used entries go first.
  explicit FacetCache(std::size_t remembered = 256, std::size_t matches_budget = kMatchesBudget)
      : remembered_(remembered), matches_budget_(matches_budget) {}
  static constexpr std::size_t kMatchesBudget = std::size_t{4} << 20;  // 16 MB of docids

  std::shared_ptr<const FacetColumns> columns(const Xapian::Database& database);
  // Whether columns(database) has them already (same database, revision and day): no build.
  bool holds(const Xapian::Database& database);

  // `key` identifies the counting queries; `columns` the database state they ran on.
  std::optional<Counted> counted(const FacetColumns& columns, const std::string& key);
  void remember(const FacetColumns& columns, const std::string& key, Counted counted);
  // How many docids of phrases' matches are remembered (at most the budget).
  std::size_t matches_held();

  // The first phase of a ranking (walk_first_phase(): the best documents by the words' weights
  // and their wdfs, without the list of every match) under `key` (its query and how many it
  // keeps), remembered for `remembered` searches like the counts: the same search again walks
  // no posting list to find its window. Null when not remembered.
  std::shared_ptr<const WeighedMatches> walked(const FacetColumns& columns, const std::string& key);
  void remember_walk(const FacetColumns& columns, const std::string& key,
                     std::shared_ptr<const WeighedMatches> walk);
  // How many walks are remembered.
  std::size_t walks_held();

 private:
  const std::size_t remembered_;
  const std::size_t matches_budget_;
  std::size_t matches_held_ = 0;  // docids of the phrases' matches remembered
  std::mutex mutex_;
  std::shared_ptr<const FacetColumns> latest_;
  // Most recently used first; only for latest_'s state.
  std::list<std::pair<std::string, Counted>> counted_;
  std::unordered_map<std::string, std::list<std::pair<std::string, Counted>>::iterator> by_key_;
  using Walk = std::pair<std::string, std::shared_ptr<const WeighedMatches>>;
  std::list<Walk> walks_;  // most recently used first
  std::unordered_map<std::string, std::list<Walk>::iterator> walk_by_key_;
};

// Facet counting where value streams do not reach: a database combining shards, some of them
// remote (docs/SCALING.md). One Xapian::ValueCountMatchSpy per facet slot rides on the counting
// run; a remote shard runs it itself (stock xapian-tcpsrv knows that class) and Xapian merges
// what the shards counted. The cited instruments' slot holds a list per document, so its spy
// counts distinct lists, which values() spreads over the instruments in them, with the same
// spelling merge as FacetColumns: the same numbers as on one local database.
class FacetSpies {
 public:
  explicit FacetSpies(std::span<const FieldId> facets);
  // Adds the spies to a counting run (get_mset(0, 0, all documents), so that every match is
  // seen). The spies must outlive it.
  void attach(Xapian::Enquire& enquire);
  // How many documents the run matched.
  std::uint64_t total() const;
  std::vector<FacetValue> values(FieldId facet, std::size_t limit) const;

 private:
  std::vector<std::pair<FieldId, std::unique_ptr<Xapian::ValueCountMatchSpy>>> spies_;
};

// Records the docids of a result set (in a counting run, with BoolWeight).
class DocidCollector : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& document, double weight) override;
  std::vector<Xapian::docid> take() { return std::move(docids_); }
  std::size_t size() const { return docids_.size(); }

 private:
  std::vector<Xapian::docid> docids_;
};

}  // namespace vanban::archive
