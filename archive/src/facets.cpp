#include "facets.hpp"

#include <algorithm>
#include <unordered_map>

#include "vanban/analyzers/structure.hpp"

#include "schema.hpp"
#include "validity_facts.hpp"

namespace vanban::archive {
namespace {

void sort_and_cut(std::vector<FacetValue>& values, std::size_t limit) {
  std::sort(values.begin(), values.end(), [](const FacetValue& a, const FacetValue& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  });
  if (values.size() > limit) values.resize(limit);
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
    columns->columns_[spec.id] = read_column(database, *spec.value_slot, last);
  }
  columns->cites_ = read_cites(database, last);
  Column& validity = columns->columns_[FieldId::validity];
  validity.values.assign(kStatuses.begin(), kStatuses.end());
  for (const std::uint8_t status : status_column(database, day))
    validity.ordinal_of_document.push_back(status);
  return columns;
}

std::string_view FacetColumns::value_of(FieldId facet, Xapian::docid docid) const {
  const auto column = columns_.find(facet);
  if (column == columns_.end() || docid >= column->second.ordinal_of_document.size()) return {};
  return column->second.values[column->second.ordinal_of_document[docid]];
}

FacetColumns::Column FacetColumns::read_column(const Xapian::Database& database,
                                               Xapian::valueno slot, Xapian::docid last) {
  Column column;
  column.ordinal_of_document.assign(static_cast<std::size_t>(last) + 1, 0);
  Ordinals ordinals;
  for (auto it = database.valuestream_begin(slot); it != database.valuestream_end(slot); ++it) {
    const Xapian::docid docid = it.get_docid();
    if (docid > last) break;  // cannot happen within one revision; never index past the end
    const std::string value = *it;
    if (value.empty()) continue;
    column.ordinal_of_document[docid] = intern(ordinals, column.values, value);
  }
  return column;
}

FacetColumns::ListColumn FacetColumns::read_cites(const Xapian::Database& database,
                                                  Xapian::docid last) {
  ListColumn column;
  column.begin.assign(static_cast<std::size_t>(last) + 2, 0);
  Ordinals spellings;
  Ordinals instruments;  // by citation key
  std::vector<std::string> instrument_keys;
  std::vector<std::uint32_t> seen;  // one document's instruments
  Xapian::docid filled = 0;         // begin[] is set up to here
  for (auto it = database.valuestream_begin(schema::kCitesSlot);
       it != database.valuestream_end(schema::kCitesSlot); ++it) {
    const Xapian::docid docid = it.get_docid();
    if (docid > last) break;
    while (filled < docid)
      column.begin[++filled] = static_cast<std::uint32_t>(column.ordinals.size());
    const std::string serialised = *it;
    seen.clear();
    for (const std::string_view item : schema::list_items(serialised)) {
      if (item.empty()) continue;
      const std::size_t known = column.spellings.size();
      const std::uint32_t spelling = intern(spellings, column.spellings, item);
      if (spelling == known) {  // a new spelling: which instrument is it?
        const std::string key = analyzers::citation_key(item).value_or(std::string(item));
        column.instrument_of_spelling.push_back(intern(instruments, instrument_keys, key));
      }
      const std::uint32_t instrument = column.instrument_of_spelling[spelling];
      if (std::find(seen.begin(), seen.end(), instrument) != seen.end()) continue;  // once each
      seen.push_back(instrument);
      column.ordinals.push_back(spelling);
    }
  }
  while (filled <= last)
    column.begin[++filled] = static_cast<std::uint32_t>(column.ordinals.size());
  column.instruments = static_cast<std::uint32_t>(instrument_keys.size());
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
  std::vector<FacetValue> values;
  for (std::size_t ordinal = 0; ordinal < counts.size(); ++ordinal)
    if (counts[ordinal] > 0)  // ordinal 0 of a slot's column: documents without a value
      values.push_back(FacetValue{
          column.values[ordinal].empty() ? std::string(kUnknownValue) : column.values[ordinal],
          counts[ordinal]});
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
  // An instrument's documents are the sum over its spellings (one per document); it is shown
  // as its most frequent spelling (ties: the smallest).
  std::vector<std::uint64_t> documents(cites_.instruments, 0);
  std::vector<std::int64_t> shown(cites_.instruments, -1);
  for (std::size_t spelling = 0; spelling < by_spelling.size(); ++spelling) {
    if (by_spelling[spelling] == 0) continue;
    const std::uint32_t instrument = cites_.instrument_of_spelling[spelling];
    documents[instrument] += by_spelling[spelling];
    const std::int64_t best = shown[instrument];
    if (best < 0 || by_spelling[spelling] > by_spelling[static_cast<std::size_t>(best)] ||
        (by_spelling[spelling] == by_spelling[static_cast<std::size_t>(best)] &&
         cites_.spellings[spelling] < cites_.spellings[static_cast<std::size_t>(best)]))
      shown[instrument] = static_cast<std::int64_t>(spelling);
  }
  std::vector<FacetValue> values;
  for (std::uint32_t instrument = 0; instrument < cites_.instruments; ++instrument) {
    if (documents[instrument] == 0) continue;
    values.push_back(FacetValue{cites_.spellings[static_cast<std::size_t>(shown[instrument])],
                                documents[instrument]});
  }
  sort_and_cut(values, limit);
  return values;
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
  counted_.emplace_front(key, std::move(counted));
  by_key_.emplace(key, counted_.begin());
  if (counted_.size() > remembered_) {
    by_key_.erase(counted_.back().first);
    counted_.pop_back();
  }
}

void DocidCollector::operator()(const Xapian::Document& document, double /*weight*/) {
  docids_.push_back(document.get_docid());
}

}  // namespace vanban::archive
