// The read side: query parsing, Xapian query building, ranking, facets, snippets, sorting,
// citation resolution. Used by `vanban search` and by the HTTP server alike.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "vanban/archive/analysis_version.hpp"
#include "vanban/archive/document.hpp"
#include "vanban/archive/relation_question.hpp"
#include "vanban/archive/search_request.hpp"
#include "vanban/archive/validity.hpp"
#include "vanban/common/result.hpp"

namespace vanban::archive {

class FacetCache;  // per-revision facet columns (archive/src/facets.hpp)

struct FacetValue {
  std::string value;
  std::uint64_t count = 0;
};

struct SearchHit {
  std::string id;
  double score = 0;
  // Without text, and only the fields a page shows (parse_page_document()): id, paths,
  // filename, format, ocr, and the metadata's type, type_code, number, issuer, date, title.
  ArchivedDocument document;
  std::string snippet;   // HTML-escaped, matches in <mark>
  std::string validity;  // its validity status as of today (one of validity.hpp's)
  // Under relaxed matching, the words of the box this document does not hold (exact forms).
  std::vector<std::string> missing_words;
};

// A document number typed in the box that no archived document bears.
struct MissingNumber {
  std::string number;          // as typed
  std::uint64_t cited_by = 0;  // archived documents citing it
};

// A word of the box no document holds, and the archive's word nearest to it.
struct Correction {
  std::string typed;      // exact form, as typed
  std::string suggested;  // as the archive spells it
};

// What an archived document does to another (a relation of one of its citations).
struct IncomingRelation {
  analyzers::Relation relation;
  ArchivedDocument document;  // the acting one, no text
};

// The archived documents that bear a number (or a law's name), and those that cite it.
struct InstrumentDocuments {
  std::string number_key;
  std::vector<ArchivedDocument> documents;  // no text, newest first
  std::vector<ArchivedDocument> cited_by;
  std::vector<IncomingRelation> relations_in;
};

// An instrument a relation question named, as the archive knows it.
struct NamedInstrument {
  std::string key;     // its citation key ("14/2017/nd-cp", "luat:luat dat dai")
  std::string number;  // as a document bears or cites it ("14/2017/NĐ-CP"; a law: its name)
  std::string type;  // "Nghị định": its document's, else a citation's, else as typed; or empty
  std::string title;  // of an archived document bearing it, when one does
  bool archived = false;
};

// The box read as a question about an instrument's relations (relation_question.hpp).
struct UnderstoodQuestion {
  RelationQuestion question;
  std::string label;  // "các văn bản sửa đổi, bổ sung" (question_label)
  std::vector<NamedInstrument> instruments;  // what it resolved to; empty: the archive knows none
  // The result set is the question's answer (else the box was searched as words, and `message`
  // says why).
  bool answered = false;
  std::string message;  // Vietnamese: an unknown instrument, several candidates, no bases known
  std::string subject;  // "văn bản", or the type asked for ("thông tư": question_subject)
};

struct SearchResponse {
  std::uint64_t total = 0;
  double took_ms = 0;
  std::vector<SearchHit> hits;
  // By the field's name, in the order of kSearchFields' facets.
  std::vector<std::pair<std::string, std::vector<FacetValue>>> facets;
  // Fewer than a few documents hold all the words: the result set holds documents with any of
  // them (those with all first), and each hit says which words it lacks.
  bool relaxed = false;
  std::uint64_t all_words_total = 0;  // when relaxed: how many documents hold all the words
  // A question, typed with or without diacritics (asks_question(): a question mark, an
  // interrogative frame): the result set holds documents with any of its words from the start
  // (typed with diacritics, any but its function words, which only weigh), ranked by weight
  // alone (none placed first for holding all); `relaxed` too, and `all_words_total` is not
  // counted (0).
  bool question = false;
  // The words of the box (exact forms) the result set did not require: function words, words
  // in most documents, and under relaxed matching every word but the `+words`.
  std::vector<std::string> unrequired_words;
  // A query typed without diacritics, with the ones the archive's own text most likely gives
  // it ("dan van kheo" → "dân vận khéo"), or a spelling correction; empty when none helps.
  std::string suggestion;
  // The words of the box no document holds, each with the archive's word nearest to it (a
  // typo's correction, in `suggestion` too); looked for only when all the words find few.
  std::vector<Correction> corrections;
  // The numbers of the box the archive does not hold ("Văn bản số X không có trong kho").
  std::vector<MissingNumber> missing_numbers;
  // A sharded archive with shards that did not answer in time: the answer covers the others
  // only (docs/SCALING.md); `missing_shards` names them as they were given.
  bool partial = false;
  std::vector<std::string> missing_shards;
  // The box read as a relation question; absent for a words search.
  std::optional<UnderstoodQuestion> understood;
  // A validity question: each instrument's archived documents and what the archive's documents
  // do to it that changes its validity (amend, replace, repeal, correct), as /api/instruments
  // gives them (cited_by left empty); the hits carry the own documents' statuses.
  std::vector<InstrumentDocuments> validity_answers;
};

// An archived document's original as stored: its record (without text) and the file that
// holds its bytes, to be read or streamed as they are (never written).
struct StoredOriginal {
  ArchivedDocument document;
  std::filesystem::path file;
};

// A citation of an archived document and the archived document it points to, by the rule of
// docs/ARCHITECTURE.md "Identity of a document number".
struct ResolvedCitation {
  analyzers::Citation citation;
  std::optional<std::string> id;        // the one archived document it points to
  std::vector<std::string> candidates;  // ids, when several agree with what it says
};

// An archived document as its page shows it.
struct DocumentDetail {
  ArchivedDocument document;                   // with its text
  std::vector<ResolvedCitation> citations;     // the document's citations, in order
  std::vector<ArchivedDocument> cited_by;      // documents that may cite it (no text), newest first
  std::vector<IncomingRelation> relations_in;  // what those do to it
  Validity validity;                           // as of today, from the archive's graph
};

// The read side, opened by Archive::open_searcher(). A Searcher holds its own handle on the
// index and is not thread-safe: use one per thread (the server keeps a pool). No method throws;
// a commit of the writer under a running search is retried inside.
class Searcher {
 public:
  // A cache for Archive::open_searcher(). It also remembers the total and facets of the latest
  // `remembered_counts` searches at the current revision, so the next page of a result skips its
  // counting runs; 0 makes every search count (what a benchmark of the counting wants).
  static std::shared_ptr<FacetCache> make_facet_cache(std::size_t remembered_counts = 256);
  virtual ~Searcher() = default;

  // Runs a search parsed at the edge (parse_search), trusting it.
  virtual Result<SearchResponse> search(const ParsedSearch& search) = 0;
  // parse_search(request) with the default limits, then search().
  Result<SearchResponse> search(const SearchRequest& request);
  // Metadata, text, citations resolved to archived ids and cited_by, and the validity as of
  // `as_of` (ISO YYYY-MM-DD, from parse_day) or today when it is empty.
  virtual Result<DocumentDetail> document(const std::string& id, const std::string& as_of) = 0;
  Result<DocumentDetail> document(const std::string& id) { return document(id, {}); }
  virtual Result<ArchivedDocument> archived(const std::string& id) = 0;
  // not_found when no such document is archived, or its original is missing from the store
  // (`vanban check` reports that).
  virtual Result<StoredOriginal> original(const std::string& id) = 0;
  // invalid_argument when `number` is neither a document number nor a law's name.
  virtual Result<InstrumentDocuments> instrument(const std::string& number) = 0;
  // Picks up the writer's latest commit (or a database replaced under it, opened afresh); cheap
  // when nothing changed. On an error the searcher keeps serving the revision it had. A local
  // archive's searches read the newest commit whether or not this was called: no reader may be
  // more than one revision behind the writer while it reads (archive/src/reader_pin.hpp).
  virtual Status reopen() = 0;
  virtual Result<std::uint64_t> document_count() = 0;
  // The index revision, "0" before anything was indexed.
  virtual Result<std::string> revision() = 0;
  // How many documents an older or newer analysis version made than this binary's
  // (analysis_version.hpp): a stale archive answers, with filters and "cited by" missing
  // those documents where a key rule changed, until `vanban index` analyses them again.
  virtual Result<AnalysisState> analysis() = 0;
};

}  // namespace vanban::archive
