#include "facets.hpp"

#include <algorithm>
#include <functional>
#include <limits>
#include <numeric>
#include <unordered_map>

#include "vanban/analyzers/issuing_bodies.hpp"
#include "vanban/analyzers/structure.hpp"

#include "schema.hpp"
#include "validity_facts.hpp"

namespace vanban::archive {
namespace {

// The first `limit` values, most frequent first (ties by value). The order is total on what a
// value holds (two values it cannot tell apart are equal), so the first `limit` of a partial
// sort are those of a whole sort, in the same order: a facet of thousands of values (the cited
// instruments, the issuers) orders only the few it shows.
void sort_and_cut(std::vector<FacetValue>& values, std::size_t limit) {
  const auto order = [](const FacetValue& a, const FacetValue& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  };
  if (values.size() <= limit) {
    std::sort(values.begin(), values.end(), order);
    return;
  }
  std::partial_sort(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(limit),
                    values.end(), order);
  values.resize(limit);
}

// Hash lookups by string_view without building a std::string per lookup.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const {
    return std::hash<std::string_view>{}(text);
  }
};
using Ordinals = std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>>;

std::uint32_t intern(Ordinals& ordinals, std::vector<std::string>& values, std::string_view value) {
  if (const auto it = ordinals.find(value); it != ordinals.end()) return it->second;
  const auto ordinal = static_cast<std::uint32_t>(values.size());
  values.emplace_back(value);
  ordinals.emplace(value, ordinal);
  return ordinal;
}

// The identity of a single-valued facet's value: the issuer and signer filters match a key
// that folds spellings ("Uỷ"/"Ủy", "Bộ Công an"/"Bộ Công An"), so their facets count by it too,
// one value per body; the others by the value itself.
std::string facet_key(FieldId facet, std::string_view value) {
  if (facet == FieldId::issuer || facet == FieldId::signer) return schema::issuer_key(value);
  return std::string(value);
}

// The names a facet's value counts for, one per body (facet_key): a joint document's issuer
// each of its bodies' (the filter finds it by each: document_builder.cpp), a body named twice
// once; any other value itself.
std::vector<std::string> counted_names(FieldId facet, std::string_view value) {
  if (facet != FieldId::issuer) return {std::string(value)};
  std::vector<std::string> names;
  std::vector<std::string> keys;
  for (std::string& body : analyzers::issuing_bodies(value)) {
    std::string key = facet_key(facet, body);
    if (std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
    keys.push_back(std::move(key));
    names.push_back(std::move(body));
  }
  return names;
}

// Documents per cited instrument, from documents per spelling (each document counted once per
// instrument): an instrument's documents are the sum over its spellings, and it is shown as its
// most frequent spelling (ties: the smallest). The same for the values of one body. In no order:
// the caller sorts and cuts them (sort_and_cut), once.
std::vector<FacetValue> instrument_counts(const std::vector<std::uint64_t>& by_spelling,
                                          const std::vector<std::string>& spellings,
                                          const std::vector<std::uint32_t>& instrument_of_spelling,
                                          std::uint32_t instruments) {
  std::vector<std::uint64_t> documents(instruments, 0);
  std::vector<std::int64_t> shown(instruments, -1);
  for (std::size_t spelling = 0; spelling < by_spelling.size(); ++spelling) {
    if (by_spelling[spelling] == 0) continue;
    const std::uint32_t instrument = instrument_of_spelling[spelling];
    documents[instrument] += by_spelling[spelling];
    const std::int64_t best = shown[instrument];
    if (best < 0 || by_spelling[spelling] > by_spelling[static_cast<std::size_t>(best)] ||
        (by_spelling[spelling] == by_spelling[static_cast<std::size_t>(best)] &&
         spellings[spelling] < spellings[static_cast<std::size_t>(best)]))
      shown[instrument] = static_cast<std::int64_t>(spelling);
  }
  std::vector<FacetValue> values;
  for (std::uint32_t instrument = 0; instrument < instruments; ++instrument) {
    if (documents[instrument] == 0) continue;
    values.push_back(
        FacetValue{spellings[static_cast<std::size_t>(shown[instrument])], documents[instrument]});
  }
  return values;
}

// One document's cited instruments: each item's instrument once, as its first spelling.
// `spelling_of(item)` interns a spelling and returns its ordinal, learning its instrument.
template <typename Visit>
void visit_cited_once(std::string_view serialised, std::vector<std::uint32_t>& seen,
                      const std::vector<std::uint32_t>& instrument_of_spelling,
                      const std::function<std::uint32_t(std::string_view)>& spelling_of,
                      Visit&& visit) {
  seen.clear();
  for (const std::string_view item : schema::list_items(serialised)) {
    if (item.empty()) continue;
    const std::uint32_t spelling = spelling_of(item);
    const std::uint32_t instrument = instrument_of_spelling[spelling];
    if (std::find(seen.begin(), seen.end(), instrument) != seen.end()) continue;  // once each
    seen.push_back(instrument);
    visit(spelling);
  }
}

// Interns spellings of cited instruments and the instrument (citation key) of each.
struct InstrumentTable {
  Ordinals spelling_ordinals;
  Ordinals instrument_ordinals;
  std::vector<std::string> spellings;
  std::vector<std::string> instrument_keys;
  std::vector<std::uint32_t> instrument_of_spelling;

  std::uint32_t spelling_of(std::string_view item) {
    const std::size_t known = spellings.size();
    const std::uint32_t spelling = intern(spelling_ordinals, spellings, item);
    if (spelling == known) {  // a new spelling: which instrument is it?
      const std::string key = analyzers::citation_key(item).value_or(std::string(item));
      instrument_of_spelling.push_back(intern(instrument_ordinals, instrument_keys, key));
    }
    return spelling;
  }
};

}  // namespace

std::shared_ptr<const FacetColumns> FacetColumns::build(const Xapian::Database& database,
                                                        const std::string& day) {
  auto columns = std::make_shared<FacetColumns>();
  columns->uuid_ = database.get_uuid();
  columns->revision_ = database.get_revision();
  columns->day_ = day;
  const Xapian::docid last = database.get_lastdocid();
  // Every facet field holds one value per document in its slot, but the cited instruments,
  // a list per document, and the validity, worked out as of the day.
  for (const FieldSpec& spec : kSearchFields) {
    if (!spec.facet || !spec.value_slot || spec.id == FieldId::cites) continue;
    columns->columns_[spec.id] = read_column(database, spec.id, *spec.value_slot, last);
  }
  columns->cites_ = read_cites(database, last);
  Column& validity = columns->columns_[FieldId::validity];
  validity.values.assign(kStatuses.begin(), kStatuses.end());
  validity.spellings = validity.values;  // each status its own spelling and group
  const auto statuses = static_cast<std::uint32_t>(validity.values.size());
  validity.first_spelling.resize(statuses + 1);
  std::iota(validity.first_spelling.begin(), validity.first_spelling.end(), 0u);
  validity.spelling_of_value.resize(statuses);
  std::iota(validity.spelling_of_value.begin(), validity.spelling_of_value.end(), 0u);
  validity.group_of_spelling = validity.spelling_of_value;
  validity.groups = statuses;
  for (const std::uint8_t status : status_column(database, day))
    validity.ordinal_of_document.push_back(status);
  columns->lengths_.assign(static_cast<std::size_t>(last) + 1, 0);
  for (auto it = database.postlist_begin(std::string()); it != database.postlist_end(std::string());
       ++it)
    if (*it <= last) columns->lengths_[*it] = it.get_doclength();
  return columns;
}

std::string_view FacetColumns::value_of(FieldId facet, Xapian::docid docid) const {
  const auto column = columns_.find(facet);
  if (column == columns_.end() || docid >= column->second.ordinal_of_document.size()) return {};
  return column->second.values[column->second.ordinal_of_document[docid]];
}

FacetColumns::Column FacetColumns::read_column(const Xapian::Database& database, FieldId facet,
                                               Xapian::valueno slot, Xapian::docid last) {
  Column column;
  column.ordinal_of_document.assign(static_cast<std::size_t>(last) + 1, 0);
  Ordinals ordinals;
  Ordinals spelling_ordinals;
  Ordinals group_ordinals;
  std::vector<std::string> group_keys{std::string()};
  for (auto it = database.valuestream_begin(slot); it != database.valuestream_end(slot); ++it) {
    const Xapian::docid docid = it.get_docid();
    if (docid > last) break;  // cannot happen within one revision; never index past the end
    const std::string value = *it;
    if (value.empty()) continue;
    const std::size_t known = column.values.size();
    const std::uint32_t ordinal = intern(ordinals, column.values, value);
    if (ordinal == known) {
      for (const std::string& name : counted_names(facet, value)) {
        const std::size_t known_spellings = column.spellings.size();
        const std::uint32_t spelling = intern(spelling_ordinals, column.spellings, name);
        if (spelling == known_spellings)
          column.group_of_spelling.push_back(
              intern(group_ordinals, group_keys, facet_key(facet, name)));
        column.spelling_of_value.push_back(spelling);
      }
      column.first_spelling.push_back(static_cast<std::uint32_t>(column.spelling_of_value.size()));
    }
    column.ordinal_of_document[docid] = ordinal;
  }
  column.groups = static_cast<std::uint32_t>(group_keys.size());
  return column;
}

FacetColumns::ListColumn FacetColumns::read_cites(const Xapian::Database& database,
                                                  Xapian::docid last) {
  ListColumn column;
  column.begin.assign(static_cast<std::size_t>(last) + 2, 0);
  InstrumentTable table;
  const std::function<std::uint32_t(std::string_view)> spelling_of = [&](std::string_view item) {
    return table.spelling_of(item);
  };
  std::vector<std::uint32_t> seen;  // one document's instruments
  Xapian::docid filled = 0;         // begin[] is set up to here
  for (auto it = database.valuestream_begin(schema::kCitesSlot);
       it != database.valuestream_end(schema::kCitesSlot); ++it) {
    const Xapian::docid docid = it.get_docid();
    if (docid > last) break;
    while (filled < docid)
      column.begin[++filled] = static_cast<std::uint32_t>(column.ordinals.size());
    visit_cited_once(*it, seen, table.instrument_of_spelling, spelling_of,
                     [&](std::uint32_t spelling) { column.ordinals.push_back(spelling); });
  }
  while (filled <= last)
    column.begin[++filled] = static_cast<std::uint32_t>(column.ordinals.size());
  column.spellings = std::move(table.spellings);
  column.instrument_of_spelling = std::move(table.instrument_of_spelling);
  column.instruments = static_cast<std::uint32_t>(table.instrument_keys.size());
  return column;
}

std::vector<FacetValue> FacetColumns::count(FieldId facet, std::span<const Xapian::docid> docids,
                                            std::size_t limit) const {
  if (facet == FieldId::cites) return count_cites(docids, limit);
  const auto column = columns_.find(facet);
  if (column == columns_.end()) return {};
  return count_column(column->second, docids, limit);
}

std::vector<FacetValue> FacetColumns::count_column(const Column& column,
                                                   std::span<const Xapian::docid> docids,
                                                   std::size_t limit) const {
  std::vector<std::uint64_t> counts(column.values.size(), 0);
  for (const Xapian::docid docid : docids)
    if (docid < column.ordinal_of_document.size()) ++counts[column.ordinal_of_document[docid]];
  std::vector<std::uint64_t> by_spelling(column.spellings.size(), 0);
  for (std::size_t value = 0; value < counts.size(); ++value) {
    if (counts[value] == 0) continue;
    for (std::uint32_t i = column.first_spelling[value]; i < column.first_spelling[value + 1]; ++i)
      by_spelling[column.spelling_of_value[i]] += counts[value];
  }
  std::vector<FacetValue> values =
      instrument_counts(by_spelling, column.spellings, column.group_of_spelling, column.groups);
  for (FacetValue& value : values)  // ordinal 0 of a slot's column: documents without a value
    if (value.value.empty()) value.value = kUnknownValue;
  sort_and_cut(values, limit);
  return values;
}

std::vector<FacetValue> FacetColumns::count_cites(std::span<const Xapian::docid> docids,
                                                  std::size_t limit) const {
  std::vector<std::uint64_t> by_spelling(cites_.spellings.size(), 0);
  for (const Xapian::docid docid : docids) {
    if (docid + 1 >= cites_.begin.size()) continue;
    for (std::uint32_t i = cites_.begin[docid]; i < cites_.begin[docid + 1]; ++i)
      ++by_spelling[cites_.ordinals[i]];
  }
  std::vector<FacetValue> values = instrument_counts(
      by_spelling, cites_.spellings, cites_.instrument_of_spelling, cites_.instruments);
  sort_and_cut(values, limit);
  return values;
}

bool FacetCache::holds(const Xapian::Database& database) {
  const std::string uuid = database.get_uuid();
  const Xapian::rev revision = database.get_revision();
  const std::string day = today_value();
  const std::lock_guard lock(mutex_);
  return latest_ && latest_->uuid() == uuid && latest_->revision() == revision &&
         latest_->day() == day;
}

std::shared_ptr<const FacetColumns> FacetCache::columns(const Xapian::Database& database) {
  const std::string uuid = database.get_uuid();
  const Xapian::rev revision = database.get_revision();
  const std::string day = today_value();  // statuses change with the day too
  const std::lock_guard lock(mutex_);
  if (latest_ && latest_->uuid() == uuid && latest_->revision() == revision &&
      latest_->day() == day)
    return latest_;
  auto built = FacetColumns::build(database, day);
  // Searchers reopen at slightly different times: keep the newest revision (or the archive
  // made anew, or the day's statuses).
  if (!latest_ || latest_->uuid() != uuid || latest_->revision() < revision ||
      (latest_->revision() == revision && latest_->day() < day)) {
    latest_ = built;
    counted_.clear();
    by_key_.clear();
    matches_held_ = 0;
    walks_.clear();
    walk_by_key_.clear();
  }
  return built;
}

std::optional<Counted> FacetCache::counted(const FacetColumns& columns, const std::string& key) {
  const std::lock_guard lock(mutex_);
  if (latest_.get() != &columns) return std::nullopt;  // an older state: never cached
  const auto it = by_key_.find(key);
  if (it == by_key_.end()) return std::nullopt;
  counted_.splice(counted_.begin(), counted_, it->second);
  return it->second->second;
}

void FacetCache::remember(const FacetColumns& columns, const std::string& key, Counted counted) {
  const std::lock_guard lock(mutex_);
  if (remembered_ == 0 || latest_.get() != &columns || by_key_.contains(key)) return;
  auto held = [](const Counted& c) { return c.phrase_matches ? c.phrase_matches->size() : 0; };
  // Matches over the whole budget are not kept: the counts are, and the phrase is checked again.
  if (held(counted) > matches_budget_) counted.phrase_matches.reset();
  matches_held_ += held(counted);
  counted_.emplace_front(key, std::move(counted));
  by_key_.emplace(key, counted_.begin());
  while (counted_.size() > remembered_ || matches_held_ > matches_budget_) {
    matches_held_ -= held(counted_.back().second);
    by_key_.erase(counted_.back().first);
    counted_.pop_back();
  }
}

std::shared_ptr<const WeighedMatches> FacetCache::walked(const FacetColumns& columns,
                                                         const std::string& key) {
  const std::lock_guard lock(mutex_);
  if (latest_.get() != &columns) return nullptr;  // an older state: never cached
  const auto it = walk_by_key_.find(key);
  if (it == walk_by_key_.end()) return nullptr;
  walks_.splice(walks_.begin(), walks_, it->second);
  return it->second->second;
}

void FacetCache::remember_walk(const FacetColumns& columns, const std::string& key,
                               std::shared_ptr<const WeighedMatches> walk) {
  const std::lock_guard lock(mutex_);
  if (remembered_ == 0 || !walk || latest_.get() != &columns || walk_by_key_.contains(key)) return;
  walks_.emplace_front(key, std::move(walk));
  walk_by_key_.emplace(key, walks_.begin());
  if (walks_.size() > remembered_) {
    walk_by_key_.erase(walks_.back().first);
    walks_.pop_back();
  }
}

std::size_t FacetCache::walks_held() {
  const std::lock_guard lock(mutex_);
  return walks_.size();
}

std::size_t FacetCache::matches_held() {
  const std::lock_guard lock(mutex_);
  return matches_held_;
}

FacetSpies::FacetSpies(std::span<const FieldId> facets) {
  for (const FieldId facet : facets)
    if (const auto slot = field_spec(facet).value_slot)
      spies_.emplace_back(facet, std::make_unique<Xapian::ValueCountMatchSpy>(*slot));
}

void FacetSpies::attach(Xapian::Enquire& enquire) {
  for (auto& [facet, spy] : spies_)
    enquire.add_matchspy(spy.get());
}

std::uint64_t FacetSpies::total() const {
  return spies_.empty() ? 0 : spies_.front().second->get_total();
}

std::vector<FacetValue> FacetSpies::values(FieldId facet, std::size_t limit) const {
  const auto found = std::find_if(spies_.begin(), spies_.end(),
                                  [&](const auto& spy) { return spy.first == facet; });
  if (found == spies_.end()) return {};
  const Xapian::ValueCountMatchSpy& spy = *found->second;
  std::vector<FacetValue> values;
  if (facet != FieldId::cites) {
    // Grouped by body as the columns group them.
    Ordinals group_ordinals;
    std::vector<std::string> group_keys;
    std::vector<std::string> spellings;
    std::vector<std::uint32_t> group_of_spelling;
    std::vector<std::uint64_t> counts;
    std::uint64_t with_value = 0;
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
      if ((*it).empty()) continue;
      for (std::string& name : counted_names(facet, *it)) {
        group_of_spelling.push_back(intern(group_ordinals, group_keys, facet_key(facet, name)));
        spellings.push_back(std::move(name));
        counts.push_back(it.get_termfreq());
      }
      with_value += it.get_termfreq();
    }
    values = instrument_counts(counts, spellings, group_of_spelling,
                               static_cast<std::uint32_t>(group_keys.size()));
    // The documents without a value, as the columns count them.
    if (has_unknown_bucket(field_spec(facet)) && spy.get_total() > with_value)
      values.push_back(FacetValue{std::string(kUnknownValue), spy.get_total() - with_value});
    sort_and_cut(values, limit);
    return values;
  }
  // Each distinct list of cited instruments with how many documents hold it.
  InstrumentTable table;
  const std::function<std::uint32_t(std::string_view)> spelling_of = [&](std::string_view item) {
    return table.spelling_of(item);
  };
  std::vector<std::uint64_t> by_spelling;
  std::vector<std::uint32_t> seen;
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
    const std::uint64_t documents = it.get_termfreq();
    visit_cited_once(*it, seen, table.instrument_of_spelling, spelling_of,
                     [&](std::uint32_t spelling) {
                       if (by_spelling.size() <= spelling) by_spelling.resize(spelling + 1, 0);
                       by_spelling[spelling] += documents;
                     });
  }
  by_spelling.resize(table.spellings.size(), 0);
  values = instrument_counts(by_spelling, table.spellings, table.instrument_of_spelling,
                             static_cast<std::uint32_t>(table.instrument_keys.size()));
  sort_and_cut(values, limit);
  return values;
}

void DocidCollector::operator()(const Xapian::Document& document, double /*weight*/) {
  docids_.push_back(document.get_docid());
}

}  // namespace vanban::archive
