// The validity status as a search filter and facet (archive/SCHEMA.md "Validity in search").
// A status depends on other documents and on the day, so it is never stored: the facts that
// change it are, on the document they belong to, and the status is a query over them as of a
// day. An acting document carries what it ends (XE terms: the day its act takes effect, whole
// or in part, the year and key of the instrument it names); a document carries its own stated
// effective and expiry days (value slots). A document indexed later brings its XE terms with
// it, so the statuses of those it acts on change at the next revision with no rewrite of them.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <xapian.h>

#include "vanban/analyzers/structure.hpp"
#include "vanban/archive/validity.hpp"

namespace vanban::archive {

// The statuses in the order of validity.hpp's rule (an earlier one wins).
inline constexpr std::array<std::string_view, 5> kStatuses{
    kStatusEnded, kStatusNotYet, kStatusPartlyEnded, kStatusInForce, kStatusUnknown};

// The XE term bodies of a document (after the prefix): day (YYYYMMDD) the act takes effect,
// 't' (the whole instrument) or 'p' (a part), the year the citation states or "0000", the
// cited key. Only replacing and repealing acts with a day; never the document's own keys.
std::vector<std::string> ending_facts(const analyzers::DocumentMetadata& metadata);

// "YYYYMMDD" of a full ISO date ("2026-01-31"), else empty.
std::string day_value(const std::optional<std::string>& iso_date);

// Today (UTC) as "YYYYMMDD".
std::string today_value();

// The documents whose status as of `day` ("YYYYMMDD") is `status` (one of kStatuses).
Xapian::Query status_query(const Xapian::Database& database, std::string_view status,
                           const std::string& day);

// The status of every docid up to the last (an index into kStatuses; deleted docids read as
// unknown), from the same queries: the facet counts what the filter finds.
std::vector<std::uint8_t> status_column(const Xapian::Database& database, const std::string& day);

// Where columns cannot be read (shards, a remote backend): the statuses of a page's documents,
// by status_query()'s rule applied to their own values and `N` terms and the archive's ending
// facts, without running a query per status (each such run passes over the value streams of
// the whole archive, the sharded search's largest cost: docs/SCALING.md)...
std::vector<std::string_view> statuses_of(const Xapian::Database& database,
                                          const std::vector<Xapian::Document>& documents,
                                          const std::string& day);

// ...and the validity facet of a result set (`total` documents), from `effective_days`, a
// ValueCountMatchSpy on kEffectiveSlot the caller attached to its counting run of the result
// set (a spy xapian-tcpsrv has built in; its entries are days, not documents), and at most two
// more runs, over the documents of the result set that acts or their own expiry end (few: the
// runs are driven by those postings, not the result set). The same counts as status_query()'s.
std::vector<std::pair<std::string_view, std::uint64_t>> status_counts(
    const Xapian::Database& database, const Xapian::Query& result_set, std::uint64_t total,
    const Xapian::ValueCountMatchSpy& effective_days, const std::string& day);

}  // namespace vanban::archive
