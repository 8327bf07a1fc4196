#include "validity_facts.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <optional>
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

// The archived documents an ending fact names: those with its key, unless their date's year
// contradicts the year the citation states.
Xapian::Query target(std::string_view year, std::string_view key) {
  Xapian::Query with_key(schema::term(schema::kNumber, key));
  const auto ruled_out = ruled_out_dates(year);
  if (!ruled_out) return with_key;
  return Xapian::Query(
      Xapian::Query::OP_AND_NOT, with_key,
      Xapian::Query(
          Xapian::Query::OP_OR,
          Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kDateSlot, ruled_out->first),
          Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kDateSlot, ruled_out->second)));
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
  std::vector<Xapian::Query> whole;
  std::vector<Xapian::Query> parts;
  const std::string prefix(schema::kEnds);
  for (auto it = database.allterms_begin(prefix); it != database.allterms_end(prefix); ++it) {
    const std::string term = *it;
    const std::string_view fact = std::string_view(term).substr(prefix.size());
    if (fact.size() <= kFactHead || fact.substr(0, kDayBytes) > day) continue;
    const std::string_view key = fact.substr(kFactHead);
    (fact[kDayBytes] == 't' ? whole : parts)
        .push_back(target(fact.substr(kDayBytes + 1, kYearBytes), key));
  }
  return {any_of(whole), any_of(parts)};
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
    const std::string& day) {
  std::vector<std::pair<std::string_view, std::uint64_t>> counts;
  const Acts acts = acts_by(database, day);
  std::uint64_t known = 0;
  for (std::size_t status = 0; status + 1 < kStatuses.size(); ++status) {
    Xapian::Enquire enquire(database);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, result_set,
                                    status_query(acts, kStatuses[status], day)));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    const Xapian::doccount count =
        enquire.get_mset(0, 0, database.get_doccount()).get_matches_estimated();
    known += count;
    if (count > 0) counts.emplace_back(kStatuses[status], count);
  }
  if (total > known) counts.emplace_back(kStatusUnknown, total - known);
  return counts;
}

}  // namespace vanban::archive
