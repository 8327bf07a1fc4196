#include "validity_facts.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "citation_resolution.hpp"
#include "facets.hpp"
#include "query_builder.hpp"
#include "relation_keys.hpp"
#include "schema.hpp"
#include "utc_clock.hpp"

namespace vanban::archive {
namespace {

constexpr std::size_t kDayBytes = 8;
constexpr std::size_t kYearBytes = 4;
constexpr std::size_t kFactHead = kDayBytes + 1 + kYearBytes;  // day, kind, year, then the key

// "YYYYMMDD" moved by `days` as a number: not a calendar day, but for 8-digit values of real
// days, value < day ⇔ value ≤ shifted(day, -1), and value > day ⇔ value ≥ shifted(day, +1).
std::string shifted(const std::string& day, int days) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%08ld", std::strtol(day.c_str(), nullptr, 10) + days);
  return buffer;
}

// The date values a fact's stated year rules out (citation_may_point_to's year rule): up to
// the first, or from the second; "0000" (no year stated) rules out none.
std::optional<std::pair<std::string, std::string>> ruled_out_dates(std::string_view year) {
  if (year == "0000") return std::nullopt;
  const int cited = std::atoi(std::string(year).c_str());
  char before[16];
  char after[16];
  std::snprintf(before, sizeof before, "%04d9999", cited - 1);
  std::snprintf(after, sizeof after, "%04d0000", cited + 1);
  return std::pair<std::string, std::string>(before, after);
}

Xapian::Query any_of(const std::vector<Xapian::Query>& queries) {
  if (queries.empty()) return Xapian::Query::MatchNothing;
  return Xapian::Query(Xapian::Query::OP_OR, queries.begin(), queries.end());
}

// The facts of the archive in force by `day`: the documents ended as a whole, and those ended
// in part, by acts of other documents.
struct Acts {
  Xapian::Query whole = Xapian::Query::MatchNothing;
  Xapian::Query parts = Xapian::Query::MatchNothing;
};

Acts acts_by(const Xapian::Database& database, const std::string& day) {
  // Each (kind, year, key) once: acts of several days name the same documents.
  std::set<std::string> whole;
  std::set<std::string> parts;
  const std::string prefix(schema::kEnds);
  for (auto it = database.allterms_begin(prefix); it != database.allterms_end(prefix); ++it) {
    const std::string term = *it;
    const std::string_view fact = std::string_view(term).substr(prefix.size());
    if (fact.size() <= kFactHead || fact.substr(0, kDayBytes) > day) continue;
    (fact[kDayBytes] == 't' ? whole : parts).emplace(fact.substr(kDayBytes + 1));
  }
  // The archived documents the facts name: those with a fact's key, unless their date's year
  // contradicts the year the citation states. Said with the year's `Y` term (or no date), the
  // keys grouped by year: an AND_NOT of date ranges per fact cost a scan of the date slot's
  // stream per fact, and each fact's own value cursor.
  auto targets = [](const std::set<std::string>& year_keys) {
    std::map<std::string_view, std::vector<Xapian::Query>> keys_by_year;
    std::vector<Xapian::Query> any_year;  // every key: matches an undated document
    for (const std::string& year_key : year_keys) {
      const std::string_view year = std::string_view(year_key).substr(0, kYearBytes);
      Xapian::Query key(
          schema::term(schema::kNumber, std::string_view(year_key).substr(kYearBytes)));
      keys_by_year[year].push_back(key);
      any_year.push_back(std::move(key));
    }
    std::vector<Xapian::Query> out;
    for (const auto& [year, keys] : keys_by_year)
      out.push_back(year == "0000"
                        ? any_of(keys)
                        : Xapian::Query(Xapian::Query::OP_FILTER, any_of(keys),
                                        Xapian::Query(schema::term(schema::kYear, year))));
    if (!any_year.empty())
      out.emplace_back(Xapian::Query::OP_AND_NOT, any_of(any_year),
                       Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kDateSlot, std::string()));
    return any_of(out);
  };
  return {targets(whole), targets(parts)};
}

Xapian::Query value_le(Xapian::valueno slot, const std::string& limit) {
  return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, limit);
}

Xapian::Query value_ge(Xapian::valueno slot, const std::string& limit) {
  return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, limit);
}

Xapian::Query but_not(Xapian::Query query, std::vector<Xapian::Query> excluded) {
  return Xapian::Query(Xapian::Query::OP_AND_NOT, std::move(query), any_of(excluded));
}

// validity_as_of's rule as queries: ended (a whole act in force, or its own expiry passed),
// then not yet in force (its effective day ahead), then ended in part, then in force (its
// effective day passed), else unknown.
Xapian::Query status_query(const Acts& acts, std::string_view status, const std::string& day) {
  const Xapian::Query ended(Xapian::Query::OP_OR, acts.whole,
                            value_le(schema::kExpiresSlot, shifted(day, -1)));
  const Xapian::Query ahead = value_ge(schema::kEffectiveSlot, shifted(day, +1));
  if (status == kStatusEnded) return ended;
  if (status == kStatusNotYet) return but_not(ahead, {ended});
  if (status == kStatusPartlyEnded) return but_not(acts.parts, {ended, ahead});
  const Xapian::Query passed = value_le(schema::kEffectiveSlot, day);
  if (status == kStatusInForce) return but_not(passed, {ended, acts.parts});
  if (status == kStatusUnknown) return but_not(all_documents(), {ended, ahead, acts.parts, passed});
  return Xapian::Query::MatchNothing;
}

}  // namespace

std::string day_value(const std::optional<std::string>& iso_date) {
  if (!iso_date || iso_date->size() != 10 || (*iso_date)[4] != '-' || (*iso_date)[7] != '-')
    return {};
  std::string day = iso_date->substr(0, 4) + iso_date->substr(5, 2) + iso_date->substr(8, 2);
  if (!std::all_of(day.begin(), day.end(), [](char c) { return c >= '0' && c <= '9'; })) return {};
  return day;
}

std::string today_value() {
  return day_value(utc_now_iso().substr(0, 10));
}

std::vector<std::string> ending_facts(const analyzers::DocumentMetadata& metadata) {
  std::vector<std::string> facts;
  const std::vector<std::string> own = own_keys(metadata);
  const std::optional<std::string> effective =
      metadata.effective ? std::optional(metadata.effective->date) : std::nullopt;
  for (const analyzers::Citation& citation : metadata.citations) {
    const std::string year = stated_year(citation.date, citation.number).value_or("0000");
    for (const analyzers::Relation& relation : citation.relations) {
      const Ending ending = ending_of(relation);
      if (ending == Ending::none) continue;
      const std::string day = day_value(act_takes_effect(relation, effective, metadata.date));
      if (day.empty()) continue;
      for (const std::string& key : cited_keys(citation)) {
        if (std::find(own.begin(), own.end(), key) != own.end()) continue;
        std::string fact = day + (ending == Ending::whole ? 't' : 'p') + year + key;
        if (std::find(facts.begin(), facts.end(), fact) == facts.end())
          facts.push_back(std::move(fact));
      }
    }
  }
  return facts;
}

Xapian::Query status_query(const Xapian::Database& database, std::string_view status,
                           const std::string& day) {
  return status_query(acts_by(database, day), status, day);
}

std::vector<std::uint8_t> status_column(const Xapian::Database& database, const std::string& day) {
  const auto unknown = static_cast<std::uint8_t>(kStatuses.size() - 1);
  std::vector<std::uint8_t> column(static_cast<std::size_t>(database.get_lastdocid()) + 1, unknown);
  const Acts acts = acts_by(database, day);
  for (std::uint8_t status = 0; status < unknown; ++status) {
    Xapian::Enquire enquire(database);
    enquire.set_query(status_query(acts, kStatuses[status], day));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    DocidCollector collector;
    enquire.add_matchspy(&collector);
    (void)enquire.get_mset(0, 0, database.get_doccount());
    for (const Xapian::docid docid : collector.take())
      if (docid < column.size()) column[docid] = status;
  }
  return column;
}

std::vector<std::string_view> statuses_of(const Xapian::Database& database,
                                          const std::vector<Xapian::Document>& documents,
                                          const std::string& day) {
  // The ending facts in force by `day`, as the `N` terms of the instruments they name.
  struct Fact {
    std::string term;
    std::string year;
    bool whole = false;
  };
  std::vector<Fact> facts;
  const std::string prefix(schema::kEnds);
  for (auto it = database.allterms_begin(prefix); it != database.allterms_end(prefix); ++it) {
    const std::string term = *it;
    const std::string_view fact = std::string_view(term).substr(prefix.size());
    if (fact.size() <= kFactHead || fact.substr(0, kDayBytes) > day) continue;
    facts.push_back({schema::term(schema::kNumber, fact.substr(kFactHead)),
                     std::string(fact.substr(kDayBytes + 1, kYearBytes)), fact[kDayBytes] == 't'});
  }
  std::sort(facts.begin(), facts.end(),
            [](const Fact& a, const Fact& b) { return a.term < b.term; });
  const std::string day_before = shifted(day, -1);
  const std::string day_after = shifted(day, +1);

  std::vector<std::string_view> out;
  out.reserve(documents.size());
  for (const Xapian::Document& document : documents) {
    // target()'s rule: the fact names this document when it holds the key, unless its date's
    // year contradicts the year the citation states.
    const std::string date = document.get_value(schema::kDateSlot);
    bool whole = false;
    bool part = false;
    if (!facts.empty()) {
      Xapian::TermIterator terms = document.termlist_begin();
      for (const Fact& fact : facts) {
        terms.skip_to(fact.term);
        if (terms == document.termlist_end()) break;
        if (*terms != fact.term) continue;
        const auto ruled_out = ruled_out_dates(fact.year);
        if (ruled_out && !date.empty() && (date <= ruled_out->first || date >= ruled_out->second))
          continue;
        (fact.whole ? whole : part) = true;
      }
    }
    const std::string effective = document.get_value(schema::kEffectiveSlot);
    const std::string expires = document.get_value(schema::kExpiresSlot);
    // status_query()'s order: ended, not yet in force, ended in part, in force, unknown.
    if (whole || (!expires.empty() && expires <= day_before))
      out.push_back(kStatusEnded);
    else if (!effective.empty() && effective >= day_after)
      out.push_back(kStatusNotYet);
    else if (part)
      out.push_back(kStatusPartlyEnded);
    else if (!effective.empty() && effective <= day)
      out.push_back(kStatusInForce);
    else
      out.push_back(kStatusUnknown);
  }
  return out;
}

std::vector<std::pair<std::string_view, std::uint64_t>> status_counts(
    const Xapian::Database& database, const Xapian::Query& result_set, std::uint64_t total,
    const Xapian::ValueCountMatchSpy& effective_days, const std::string& day) {
  const std::string after_day = shifted(day, +1);
  // Documents by their effective day: ahead of `day` (value ≥ day + 1) or passed (value ≤ day),
  // as status_query()'s value ranges.
  struct ByDay {
    std::uint64_t ahead = 0;
    std::uint64_t passed = 0;
  };
  auto by_day = [&](const Xapian::ValueCountMatchSpy& spy) {
    ByDay counts;
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it)
      ((*it >= after_day) ? counts.ahead : counts.passed) += it.get_termfreq();
    return counts;
  };
  // The documents of the result set in `subset`, by effective day, and their number.
  auto run = [&](const Xapian::Query& subset) {
    Xapian::ValueCountMatchSpy days(schema::kEffectiveSlot);
    Xapian::Enquire enquire(database);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, result_set, subset));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.add_matchspy(&days);
    (void)enquire.get_mset(0, 0, database.get_doccount());
    return std::pair(by_day(days), static_cast<std::uint64_t>(days.get_total()));
  };

  const Acts acts = acts_by(database, day);
  const Xapian::Query ended(Xapian::Query::OP_OR, acts.whole,
                            value_le(schema::kExpiresSlot, shifted(day, -1)));
  const bool any_ended = !acts.whole.empty() || database.get_value_freq(schema::kExpiresSlot) > 0;
  const auto [ended_days, ended_total] =
      any_ended ? run(ended) : std::pair(ByDay{}, std::uint64_t{0});
  const auto [parts_days, parts_total] = !acts.parts.empty() ? run(but_not(acts.parts, {ended}))
                                                             : std::pair(ByDay{}, std::uint64_t{0});
  const ByDay all_days = by_day(effective_days);

  // status_query()'s order: ended first; of the rest, an effective day ahead is not yet in
  // force (ended in part or not); then ended in part (no day, or a day passed); in force (a day
  // passed); the rest unknown.
  static_assert(kStatuses.size() == 5);
  const std::array<std::uint64_t, 4> counts = {
      ended_total, all_days.ahead - ended_days.ahead, parts_total - parts_days.ahead,
      all_days.passed - ended_days.passed - parts_days.passed};
  std::vector<std::pair<std::string_view, std::uint64_t>> out;
  std::uint64_t known = 0;
  for (std::size_t status = 0; status < counts.size(); ++status) {
    known += counts[status];
    if (counts[status] > 0) out.emplace_back(kStatuses[status], counts[status]);
  }
  if (total > known) out.emplace_back(kStatusUnknown, total - known);
  return out;
}

}  // namespace vanban::archive
