// The Xapian-backed Searcher: one Database handle, reopened on demand; every Xapian call runs
// under a retry on DatabaseModifiedError and a catch-all that turns failures into errors.
#include "vanban/archive/searcher.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <iostream>
#include <limits>
#include <span>
#include <utility>

#include <sys/stat.h>

#include "vanban/analyzers/structure.hpp"
#include "vanban/analyzers/symbol.hpp"
#include "vanban/archive/query_parser.hpp"
#include "vanban/archive/validity.hpp"

#include "accent_restoration.hpp"
#include "backends.hpp"
#include "blob_store.hpp"
#include "boolean_match.hpp"
#include "citation_resolution.hpp"
#include "disk_layout.hpp"
#include "docid_list.hpp"
#include "facets.hpp"
#include "function_words.hpp"
#include "index_generation.hpp"
#include "instrument_resolution.hpp"
#include "passages.hpp"
#include "phrase_count.hpp"
#include "query_builder.hpp"
#include "ranking_weight.hpp"
#include "reader_pin.hpp"
#include "relation_keys.hpp"
#include "schema.hpp"
#include "snapshot_lock.hpp"
#include "snippets.hpp"
#include "spelling.hpp"
#include "stored_text.hpp"
#include "two_phase_ranking.hpp"
#include "typed_echo.hpp"
#include "utc_clock.hpp"
#include "validity_facts.hpp"

namespace vanban::archive {
namespace {

constexpr int kAttempts = 3;
constexpr std::size_t kMaxFacetValues = 50;
constexpr std::size_t kMaxListed = 500;         // cited_by and instrument lists
constexpr std::size_t kMaxValidityAnswers = 5;  // instruments a validity question details
constexpr double kCommonShare = 20;             // a word in more than 1 document in 20 is common

// The facet fields, in the table's order.
constexpr auto kFacets = [] {
  std::array<FieldId, kSearchFields.size()> facets{};
  std::size_t count = 0;
  for (const FieldSpec& spec : kSearchFields)
    if (spec.facet) facets[count++] = spec.id;
  return std::pair{facets, count};
}();

std::span<const FieldId> facet_fields() {
  return {kFacets.first.data(), kFacets.second};
}

// Sorts by date; documents without a date come last in both directions.
class DateKeyMaker : public Xapian::KeyMaker {
 public:
  explicit DateKeyMaker(bool newest_first) : newest_first_(newest_first) {}
  std::string operator()(const Xapian::Document& document) const override {
    std::string date = document.get_value(schema::kDateSlot);
    if (date.empty() && !newest_first_) return "\xff";
    return date;
  }

 private:
  bool newest_first_;
};

Error not_found(const std::string& id) {
  return make_error(ErrorKind::not_found, "no archived document with id " + id,
                    "Không tìm thấy văn bản.");
}

Error no_shard_answers(const std::vector<std::string>& missing) {
  std::string list;
  for (const std::string& spec : missing)
    list += (list.empty() ? "" : ", ") + spec;
  return make_error(
      ErrorKind::unavailable, "no shard of the archive answers: " + list,
      "Không truy cập được phân đoạn nào của kho văn bản (" + list + "). Vui lòng thử lại sau.");
}

// One archive, or several shards of one (docs/SCALING.md): `sharded_` chooses what every shard,
// remote ones included, can run (match spies for facets, date order by value, the rerank
// window by id terms) over the local-only ways (value stream columns, a KeyMaker, a
// PostingSource of docids).
class XapianSearcher final : public Searcher {
 public:
  XapianSearcher(std::vector<ShardLocation> shards, std::vector<std::filesystem::path> originals,
                 bool sharded, ShardOptions options, std::shared_ptr<FacetCache> facet_cache,
                 std::size_t rerank_window)
      : shards_(std::move(shards)),
        sharded_(sharded),
        options_(options),
        facet_cache_(std::move(facet_cache)),
        rerank_window_(rerank_window) {
    for (const std::filesystem::path& dir : originals) {
      originals_.emplace_back(originals_dir(dir));
      texts_.emplace_back(texts_dir(dir));
    }
  }

  Status open_database() {
    if (sharded_) return open_shards();
    if (!index_exists(db_dir())) return Status::success();  // empty until indexed
    try {
      open_current();
      opened_ = true;
      return Status::success();
    } catch (const Xapian::Error& error) {
      return make_error(ErrorKind::io, "cannot open " + xapian_dir(db_dir()).string() + ": " +
                                           error.get_description());
    }
  }

  using Searcher::search;
  Result<SearchResponse> search(const ParsedSearch& request) override {
    const auto started = std::chrono::steady_clock::now();
    auto response = guarded<SearchResponse>([&]() -> Result<SearchResponse> {
      if (!opened_ && !missing_.empty()) return no_shard_answers(missing_);
      if (request.question && opened_) return answer(request, *request.question);
      return run(request, request.query, request.filters);
    });
    if (response) {
      response->partial = !missing_.empty();
      response->missing_shards = missing_;
      response->took_ms =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
              .count();
    }
    return response;
  }

  using Searcher::document;
  Result<DocumentDetail> document(const std::string& id, const std::string& as_of) override {
    return guarded<DocumentDetail>([&]() -> Result<DocumentDetail> {
      auto stored = find(id);
      if (!stored) return stored.error();
      return detail_of(std::move(*stored), as_of.empty() ? utc_now_iso().substr(0, 10) : as_of);
    });
  }

  Result<ArchivedDocument> archived(const std::string& id) override {
    return guarded<ArchivedDocument>([&] { return find(id); });
  }

  Result<StoredOriginal> original(const std::string& id) override {
    auto document = guarded<ArchivedDocument>([&] { return find(id, /*with_text=*/false); });
    if (!document) return document.error();
    const auto store = std::find_if(originals_.begin(), originals_.end(), [&](const BlobStore& s) {
      return s.contains(document->sha256);
    });
    if (store == originals_.end()) {
      return make_error(ErrorKind::not_found, "original of " + id + " in no store given",
                        "Không tìm thấy bản gốc của văn bản.");
    }
    std::filesystem::path file = store->path_of(document->sha256);
    StoredOriginal original{std::move(*document), std::move(file)};
    if (!store->contains(original.document.sha256)) {
      return make_error(ErrorKind::not_found,
                        "original not in the store: " + original.file.string(),
                        "Không tìm thấy bản gốc của văn bản.");
    }
    return original;
  }

  Result<InstrumentDocuments> instrument(const std::string& number) override {
    const auto key = analyzers::citation_key(number);  // a number, or a law by its name
    if (!key) {
      return make_error(ErrorKind::invalid_argument, "not a document number: " + typed_echo(number),
                        "Số, ký hiệu hoặc tên luật không hợp lệ: “" + typed_echo(number) + "”.");
    }
    return guarded<InstrumentDocuments>([&]() -> Result<InstrumentDocuments> {
      if (!opened_) return InstrumentDocuments{*key, {}, {}, {}};
      return instrument_documents(*key);
    });
  }

  Status reopen() override {
    if (sharded_ && (!missing_.empty() || absent_)) {
      // A shard was down (tried again at most every retry_interval), or not indexed yet.
      if (!missing_.empty() &&
          std::chrono::steady_clock::now() - last_opened_ < options_.retry_interval)
        return Status::success();
      return open_shards();
    }
    if (!opened_) return open_database();
    try {
      if (sharded_ && shards_swapped()) return open_shards();
      database_.reopen();
      if (!sharded_) replace_if_swapped();
      return Status::success();
    } catch (const Xapian::NetworkError& error) {
      if (sharded_) return open_shards();  // a shard went away: serve what answers
      return make_error(ErrorKind::io, "cannot reopen: " + error.get_description());
    } catch (const Xapian::Error& error) {
      // The database was replaced under us in a way reopen() refuses: open it afresh. On
      // failure the old handle keeps serving what it can.
      if (sharded_) return open_shards();
      try {
        open_current();
        return Status::success();
      } catch (const Xapian::Error&) {
        return make_error(ErrorKind::io, "cannot reopen " + xapian_dir(db_dir()).string() + ": " +
                                             error.get_description());
      }
    }
  }

  Result<std::uint64_t> document_count() override {
    return guarded<std::uint64_t>(
        [&]() -> Result<std::uint64_t> { return opened_ ? database_.get_doccount() : 0; });
  }

  Result<AnalysisState> analysis() override {
    return guarded<AnalysisState>([&]() -> Result<AnalysisState> {
      if (!opened_) return AnalysisState{};
      return schema::analysis_state(database_, kAnalysisVersion);
    });
  }

  // Sharded: each local shard's revision, joined by '+' ("-" for a remote one, whose
  // revision Xapian 1.4 does not report).
  Result<std::string> revision() override {
    return guarded<std::string>([&]() -> Result<std::string> {
      if (!sharded_) return opened_ ? std::to_string(database_.get_revision()) : "0";
      std::string revisions;
      for (const ShardLocation& shard : shards_) {
        if (!revisions.empty()) revisions += '+';
        std::error_code ignored;
        if (shard.remote())
          revisions += '-';
        else if (!index_exists(shard.dir))
          revisions += '0';
        else
          revisions += std::to_string(open_index(shard.dir).database.get_revision());
      }
      return revisions;
    });
  }

 private:
  const std::filesystem::path& db_dir() const { return shards_.front().dir; }

  // The index's version file (rewritten, under a new inode, by every commit): its inode and
  // modification time, {0, 0} when absent.
  std::pair<std::uintmax_t, std::int64_t> version_file_state() const {
    struct stat status {};
    if (::stat((location_.path / "iamglass").c_str(), &status) != 0) return {0, 0};
    return {status.st_ino, status.st_mtim.tv_sec * 1'000'000'000LL + status.st_mtim.tv_nsec};
  }

  // The archive's current database, opened whole (index_generation.hpp).
  void open_current() {
    OpenedIndex opened = open_index(db_dir());
    database_ = std::move(opened.database);
    location_ = std::move(opened.location);
    version_file_ = version_file_state();
    uuid_ = database_.get_uuid();
  }

  // A compacted database swapped in (another generation, index_generation.hpp) is opened
  // afresh: reopen() of the old handle would go on reading the old files, or fail once they
  // are removed. A database swapped in under the same folder (a restore, a rebuild) can be at
  // the revision the old one had, which reopen() takes for "nothing changed": when the version
  // file changed, compare the databases' identities (UUIDs).
  void replace_if_swapped() {
    if (const auto now = locate_index(db_dir()); now && *now && **now != location_) {
      open_current();
      return;
    }
    const auto now = version_file_state();
    if (now == version_file_) return;
    version_file_ = now;
    // Compared with the UUID seen at opening: the old handle's reopen() may already report the
    // new version file's while its tables are the old ones.
    OpenedIndex fresh = open_index(db_dir());
    if (fresh.database.get_uuid() == uuid_) return;
    uuid_ = fresh.database.get_uuid();
    database_ = std::move(fresh.database);
    location_ = std::move(fresh.location);
    version_file_ = version_file_state();
  }

  // Whether a local shard's index moved to another generation since open_shards().
  bool shards_swapped() const {
    for (std::size_t i = 0; i < shards_.size() && i < shard_locations_.size(); ++i) {
      if (shards_[i].remote()) continue;
      const auto now = locate_index(shards_[i].dir);
      if (now && *now != shard_locations_[i]) return true;
    }
    return false;
  }

  // Before a search is tried again: the newest revision, or the database swapped in.
  void refresh() {
    try {
      if (sharded_ && shards_swapped()) {
        (void)open_shards();
        return;
      }
      database_.reopen();
      if (!sharded_) replace_if_swapped();
    } catch (const Xapian::DatabaseError&) {
      // Its files removed by a swap: open what the archive names now.
      if (sharded_)
        (void)open_shards();
      else
        open_current();
    }
  }

  // The local shards moved to their newest commits (the database read as one with them), or
  // all opened again when one was swapped.
  void refresh_local_shards() {
    if (shards_swapped()) {
      (void)open_shards();
      return;
    }
    for (auto& shard : local_shards_)
      shard.second.reopen();
  }

  // Runs `body`, turning every exception into an error value. When the writer committed under
  // our feet (or replaced the database's files), reopens and runs it again: a modified database
  // up to kAttempts times, another database error once.
  template <typename T, typename Body>
  Result<T> guarded(Body&& body) {
    bool reopen_first = false;
    for (int attempt = 1;; ++attempt) {
      try {
        // The last attempt holds the writer's commits off (the snapshot lock it commits under):
        // a writer committing faster than a long search reads no longer fails it.
        std::optional<SnapshotLock> pinned;
        if (attempt == kAttempts && !sharded_) {
          auto lock = SnapshotLock::acquire(shards_.front().dir, SnapshotLock::Mode::shared);
          if (!lock.ok()) return lock.error();
          pinned = std::move(*lock);
        }
        if (reopen_first) refresh();
        // The revision read stays at most one behind the writer's while it is read: Xapian
        // guarantees no more (reader_pin.hpp).
        std::optional<ReaderPin> reading;
        std::vector<ReaderPin> shards_reading;  // each local shard is its own writer's
        if (opened_ && !sharded_) {
          auto pin = pin_newest_revision(db_dir(), database_, [this] { refresh(); });
          if (!pin.ok()) return pin.error();
          reading = std::move(*pin);
        } else if (opened_ && !local_shards_.empty()) {
          // Refreshed by the local shards alone: remote ones are not asked again.
          auto pins = pin_newest_revisions(
              [this]() -> const std::vector<LocalShard>& { return local_shards_; },
              [this] { refresh_local_shards(); });
          if (!pins.ok()) return pins.error();
          shards_reading = std::move(*pins);
        }
        return body();
      } catch (const Xapian::DatabaseModifiedError& error) {
        if (attempt >= kAttempts)
          return make_error(ErrorKind::io, "database kept changing: " + error.get_description());
        reopen_first = true;
      } catch (const Xapian::DatabaseError& error) {
        if (attempt > 1 || !opened_)
          return make_error(ErrorKind::io, "xapian: " + error.get_description());
        reopen_first = true;
      } catch (const Xapian::NetworkError& error) {
        // A shard down or slower than the timeout: open again what answers, then ask again
        // (the answer says it is partial).
        if (!sharded_ || attempt > 1)
          return make_error(ErrorKind::unavailable, "shard: " + error.get_description(),
                            "Một phân đoạn của kho văn bản không trả lời. Vui lòng thử lại sau.");
        if (Status reopened = open_shards(); !reopened) return reopened.error();
        if (!opened_) return no_shard_answers(missing_);
      } catch (const Xapian::Error& error) {
        return make_error(ErrorKind::io, "xapian: " + error.get_description());
      } catch (const std::exception& error) {
        return make_error(ErrorKind::internal, std::string("search: ") + error.what());
      }
    }
  }

  // The archived documents bearing `key`, and those citing it with what they do to it.
  InstrumentDocuments instrument_documents(const std::string& key) {
    InstrumentDocuments found;
    found.number_key = key;
    found.documents =
        documents_with_term(database_, schema::term(schema::kNumber, key), kMaxListed);
    // Cited by name or by number alike: the keys of the archived documents found too.
    std::vector<std::string> keys{key};
    for (const auto& document : found.documents)
      for (const std::string& own : own_keys(document.metadata))
        if (std::find(keys.begin(), keys.end(), own) == keys.end()) keys.push_back(own);
    for (Citing& citing : citing_documents(keys, nullptr)) {
      for (const analyzers::Relation& relation : citing.relations)
        found.relations_in.push_back({relation, citing.document});
      found.cited_by.push_back(std::move(citing.document));
    }
    return found;
  }

  // An instrument's key as the archive names it: its own document's number and title, else the
  // number (or a law's name) as a citing document writes it.
  NamedInstrument named(const std::string& key, const InstrumentRef& typed) {
    NamedInstrument named{key, key, typed.type_name, {}, false};
    const auto own = documents_with_term(database_, schema::term(schema::kNumber, key), 1);
    if (!own.empty()) {
      const auto& metadata = own.front().metadata;
      named.archived = true;
      named.type = metadata.type.value_or(named.type);
      named.title = metadata.title.value_or("");
      named.number = metadata.number.value_or(key);
      if (key.starts_with("luat:")) {  // a law by its name: "Luật Đất đai"
        named.number = named.type + " " + named.title;
        named.type.clear();
      }
      return named;
    }
    for (const ArchivedDocument& citing :
         documents_with_term(database_, schema::term(schema::kCites, key), 1)) {
      for (const analyzers::Citation& citation : citing.metadata.citations) {
        if (citation.number_key != key) continue;
        if (citation.number) {
          named.number = *citation.number;
          named.type = citation.type.value_or(named.type);
        } else {
          named.number = citation.title.value_or(key);
          named.type.clear();
        }
        break;
      }
    }
    return named;
  }

  // A relation question (relation_question.hpp): the instrument resolved against the archive;
  // known, the result set is the relation filter's (or the instrument's bases, or its own
  // documents for its validity), with no words; unknown, the box is searched as words and the
  // response says why.
  Result<SearchResponse> answer(const ParsedSearch& request, const RelationQuestion& question) {
    UnderstoodQuestion understood{question, question_label(question),  {}, false,
                                  {},       question_subject(question)};
    const std::string typed = typed_echo(question.instrument.typed);
    const std::vector<std::string> keys = resolve_instrument(database_, question.instrument);
    for (const std::string& key : keys)
      understood.instruments.push_back(named(key, question.instrument));
    auto as_words = [&]() -> Result<SearchResponse> {
      auto response = run(request, request.query, request.filters);
      if (response) response->understood = std::move(understood);
      return response;
    };
    if (keys.empty()) {
      understood.message = "Kho chưa có văn bản nào mang số hoặc trích dẫn “" + typed +
                           "”, nên câu hỏi được tìm theo từ.";
      return as_words();
    }
    Filters filters = request.filters;
    std::vector<InstrumentDocuments> answers;
    switch (question.kind) {
      case QuestionKind::relation:
        filters.keys[question.field] = keys;
        // "thông tư nào hướng dẫn X": the type asked for, unless the user chose types himself.
        if (!question.subject_type.empty() && !filters.has(FieldId::type))
          filters.values[FieldId::type] = {question.subject_type};
        break;
      case QuestionKind::bases: {
        // What its own documents cite with "Căn cứ ...": the archived documents bearing those.
        std::vector<std::string> bases;
        bool own = false;
        for (const std::string& key : keys) {
          for (const ArchivedDocument& document :
               documents_with_term(database_, schema::term(schema::kNumber, key), kMaxListed)) {
            own = true;
            for (const analyzers::Citation& citation : document.metadata.citations) {
              const bool based = std::any_of(citation.relations.begin(), citation.relations.end(),
                                             [](const analyzers::Relation& r) {
                                               return r.type == analyzers::kRelationBasedOn;
                                             });
              if (!based) continue;
              for (std::string& base : cited_keys(citation))
                if (std::find(bases.begin(), bases.end(), base) == bases.end())
                  bases.push_back(std::move(base));
            }
          }
        }
        if (!own) {
          understood.message = "Kho chưa lưu văn bản “" + typed +
                               "” nên không đọc được căn cứ ban hành của nó; câu hỏi được tìm "
                               "theo từ.";
          return as_words();
        }
        if (bases.empty())
          understood.message = "Văn bản “" + typed + "” trong kho không nêu căn cứ ban hành nào.";
        filters.keys[FieldId::number] = std::move(bases);
        break;
      }
      case QuestionKind::validity:
        filters.keys[FieldId::number] = keys;
        for (const std::string& key : keys) {
          if (answers.size() == kMaxValidityAnswers) break;
          InstrumentDocuments found = instrument_documents(key);
          found.cited_by.clear();
          std::erase_if(found.relations_in, [](const IncomingRelation& in) {
            const std::string& type = in.relation.type;
            return type != analyzers::kRelationAmends && type != analyzers::kRelationReplaces &&
                   type != analyzers::kRelationRepeals && type != analyzers::kRelationCorrects;
          });
          answers.push_back(std::move(found));
        }
        break;
    }
    if (keys.size() > 1 && understood.message.empty())
      understood.message = "“" + typed + "” ứng với " + std::to_string(keys.size()) +
                           " văn bản trong kho; kết quả gồm tất cả.";
    understood.answered = true;
    auto response = run(request, query::Node{}, filters);
    if (!response) return response;
    response->understood = std::move(understood);
    response->validity_answers = std::move(answers);
    return response;
  }

  Result<SearchResponse> run(const ParsedSearch& request, const query::Node& root,
                             const Filters& filters) {
    SearchResponse response;
    if (!opened_) {  // nothing indexed yet
      for (const FieldId facet : facet_fields())
        response.facets.emplace_back(field_spec(facet).name, std::vector<FacetValue>{});
      return response;
    }
    const bool has_text = std::any_of(
        root.children.begin(), root.children.end(),
        [](const query::Node& child) { return child.kind != query::Node::Kind::exclude; });
    SortOrder sort = request.sort;
    if (!has_text && sort == SortOrder::relevance) sort = SortOrder::newest;  // nothing to rank
    const bool rank_bonuses = sort == SortOrder::relevance;
    // Columns need value streams of a local database; shards count with match spies.
    std::shared_ptr<const FacetColumns> columns;
    if (!sharded_) {
      std::optional<SnapshotLock> pinned;
      if (!facet_cache_->holds(database_)) {
        // Building them reads every document's values and statuses: with the writer's commits
        // held off meanwhile, so that no commit discards the revision being read (one already
        // discarded is reported as modified, and the search retried on the newest one;
        // docs/RELIABILITY.md, the crash under load).
        auto lock = SnapshotLock::acquire(shards_.front().dir, SnapshotLock::Mode::shared);
        if (!lock.ok()) return lock.error();
        pinned = std::move(*lock);
      }
      columns = facet_cache_->columns(database_);
    }
    const Xapian::doccount all = database_.get_doccount();

    // All the words first; too few documents hold them: any of them (query_builder.hpp). A
    // question, typed either way: any of them from the start, by weight (asks_question()).
    // Each query in two forms: with its proximity bonuses, and without them (what is counted,
    // and what the first phase of the ranking ranks by).
    const bool local = std::none_of(shards_.begin(), shards_.end(),
                                    [](const ShardLocation& shard) { return shard.remote(); });
    const bool question = asks_question(root, request.asked);
    std::optional<QueryBuilder> builder(std::in_place, database_, rank_bonuses,
                                        question ? Matching::by_weight : Matching::all_words,
                                        request.scope, local);
    std::vector<Xapian::Query> proximity;
    Xapian::Query words_only = builder->text(root, &proximity);

    // Words typed without diacritics rank by the spelling the best documents give them
    // (accent_restoration.hpp); the hint changes no match, so the count stands. Ranked by
    // relevance, the best documents are the first phase's own (two_phase_ranking.hpp).
    const bool unaccented = typed_unaccented(root);
    query::Node hinted = root;
    auto restore = [&](const std::vector<Xapian::docid>& best) {
      return restore_accents(database_, best, hinted) && any_restored(hinted);
    };

    const int size = std::min(request.size, kMaxPageSize);
    const std::uint64_t offset =
        static_cast<std::uint64_t>(request.page - 1) * static_cast<std::uint64_t>(size);
    const auto first = static_cast<Xapian::doccount>(std::min<std::uint64_t>(offset, all));

    // The page and the counts of `*builder`'s queries (counts remembered per revision are not
    // counted again; shards count with spies, count_with_spies). When `may_relax` and too few
    // documents match, the caller asks again with any word: no page is made of this pass, and
    // no accents are restored from it.
    struct Pass {
      Counted counted;
      std::vector<RankedDocument> matches;
    };
    auto pass = [&](bool may_relax) {
      Pass out;
      std::optional<QueryBuilder> within;
      // The first phase's walk (while counting, or remembered), ranked below.
      std::shared_ptr<const WeighedMatches> first_phase;
      const Xapian::Query words_base = combined(*builder, words_only, filters, std::nullopt);
      // The first phase rank_two_phase would walk for this page (with every match listed when
      // `keep_all`, for counting).
      auto walk = [&](bool keep_all) {
        return walk_first_phase(database_, words_base, first, static_cast<Xapian::doccount>(size),
                                rerank_window_, sharded_ ? WindowBy::id_terms : WindowBy::docids,
                                columns->lengths(), keep_all);
      };
      // Counted by the same matching without weights: the same documents, fewer postings.
      const QueryBuilder counting = builder->matching_only();
      const Xapian::Query counted_text = counting.text(root);
      std::optional<Counted> known;
      bool known_before = false;  // counted by an earlier search (remembered)
      std::string key;
      if (!columns) {
        known = count_with_spies(counting, counted_text, filters);
      } else {
        key = count_key(counting, counted_text, filters);
        known = facet_cache_->counted(*columns, key);
        known_before = known.has_value();
        // Ranked by relevance, Xapian prunes (it stops weighing documents that cannot enter
        // the page or the window; a strict phrase is checked on fewer): a run of its own
        // counts cheaper than a spy there that must see every match (measured: 1.7x the
        // first phase of a topic, 4.5x the run of a strict phrase). Sorted by date, every
        // match is sorted anyway: the spy rides on that run.
        if (!known && sort == SortOrder::relevance) {
          std::vector<Xapian::docid> result_set;
          std::shared_ptr<const std::vector<Xapian::docid>> phrase_matches;
          if (builder->one_phrase_known_by_matches(root)) {
            // By choices of spellings, without the branches' walk (phrase_count.hpp).
            result_set = strict_phrase_matches(
                database_, counting, root,
                [&](const QueryBuilder& by) {
                  return combined(by, by.text(root), filters, std::nullopt);
                },
                [&](const Xapian::Query& query) { return matching_docids(query); });
            // A strict phrase alone: its positions were read to count it; ranking reads none,
            // nor does the same search again (its matches are remembered with the counts).
            phrase_matches = std::make_shared<const std::vector<Xapian::docid>>(result_set);
            within.emplace(builder->phrase_within(docid_query(phrase_matches)));
          } else {
            // The first phase's walk lists every match of the words: the same documents as
            // the counting query's (a word's exact form is indexed with its folded form).
            auto walked = walk(/*keep_all=*/true);
            if (walked) {
              result_set = std::move(walked->all);
              walked->all = {};
              first_phase = std::make_shared<const WeighedMatches>(std::move(*walked));
              if (in_window(first, size))
                facet_cache_->remember_walk(*columns, walk_key(words_base), first_phase);
            } else {
              result_set = matching_docids(combined(counting, counted_text, filters, std::nullopt));
            }
          }
          known = tally(std::move(result_set), counting, counted_text, filters, *columns, key,
                        std::move(phrase_matches));
        } else if (known && known->phrase_matches && sort == SortOrder::relevance &&
                   builder->one_phrase_known_by_matches(root)) {
          // Remembered under the same key: the same counting query, revision and filters.
          within.emplace(builder->phrase_within(docid_query(known->phrase_matches)));
        }
      }
      // What ranks: the builder's queries, or those of a phrase whose matches were counted.
      const QueryBuilder& ranking = within ? *within : *builder;
      DocidCollector collector;  // the result set, seen by the date order's run
      DocidCollector* spy = known ? nullptr : &collector;
      auto relaxing = [&] {
        const std::uint64_t total = known ? known->total : collector.size();
        return may_relax && total < kFewDocuments && can_relax(root);
      };
      if (known && relaxing()) {
        out.counted = std::move(*known);
        return out;
      }
      std::vector<Xapian::Query> within_bonuses;
      const Xapian::Query base =
          combined(ranking, within ? within->text(root, &within_bonuses) : words_only, filters,
                   std::nullopt);
      const std::vector<Xapian::Query>& bonuses = within ? within_bonuses : proximity;
      if (sort == SortOrder::relevance && !first_phase && !within && columns && known_before &&
          in_window(first, size)) {
        // Counted before: the same search's walk when remembered, else walked once here (what
        // rank_two_phase would walk) and remembered for the next page or the same search again.
        const std::string walked_key = walk_key(words_base);
        first_phase = facet_cache_->walked(*columns, walked_key);
        if (!first_phase) {
          auto walked = walk(/*keep_all=*/false);
          if (walked) {
            first_phase = std::make_shared<const WeighedMatches>(std::move(*walked));
            facet_cache_->remember_walk(*columns, walked_key, first_phase);
          }
        }
      }
      if (sort == SortOrder::relevance) {
        HintFrom hint_from;
        if (unaccented) {
          hint_from = [&](const std::vector<Xapian::docid>& best) -> std::optional<RankingHint> {
            if (!restore(best)) return std::nullopt;
            RankingHint hint;
            hint.base =
                combined(ranking, ranking.text(hinted, &hint.bonuses), filters, std::nullopt);
            hint.full = combined(ranking, ranking.text(hinted), filters, std::nullopt);
            return hint;
          };
        }
        out.matches =
            rank_two_phase(database_, base,
                           combined(ranking, ranking.text(root), filters, std::nullopt), bonuses,
                           first, static_cast<Xapian::doccount>(size), rerank_window_,
                           sharded_ ? WindowBy::id_terms : WindowBy::docids, hint_from,
                           /*prove=*/false, first_phase.get(),
                           columns ? columns->lengths() : std::span<const Xapian::termcount>())
                .documents;
      } else {
        out.matches = by_date(base, sort, first, static_cast<Xapian::doccount>(size), spy);
        // Sorted by date, nothing ranks by the hint: only the suggestion is wanted.
        if (unaccented && !relaxing()) restore(best_documents(base));
      }
      out.counted = known ? std::move(*known)
                          : tally(collector.take(), counting, counted_text, filters, *columns, key);
      return out;
    };
    Pass done = pass(/*may_relax=*/!question);
    const bool few = done.counted.total < kFewDocuments;
    response.question = question;
    response.relaxed = question;  // each hit says which of the words it lacks
    if (!question && few && can_relax(root)) {
      response.all_words_total = done.counted.total;
      builder.emplace(database_, rank_bonuses, Matching::any_word, request.scope, local);
      proximity.clear();
      words_only = builder->text(root, &proximity);
      done = pass(/*may_relax=*/false);
      response.relaxed = true;
    }
    response.total = done.counted.total;
    response.facets = std::move(done.counted.facets);
    response.unrequired_words = builder->unrequired_words(root);
    std::vector<RankedDocument> matches = std::move(done.matches);

    // Typos: only where all the words find few documents, for words that none holds.
    if (few &&
        correct_typos(database_,
                      request.scope == SearchScope::title ? schema::kTitleFolded : schema::kFolded,
                      hinted)) {
      for (const query::Node& child : hinted.children)
        for (const query::Word& word : child.words)
          if (!word.corrected.empty()) response.corrections.push_back({word.exact, word.corrected});
    }
    response.suggestion = box_suggestion(hinted);

    const HighlightTerms highlight = highlight_terms_of(root, *builder);
    std::vector<Xapian::docid> hit_docids;
    for (const RankedDocument& match : matches)
      hit_docids.push_back(match.docid);
    const auto spelled = spelled_in(database_, std::move(hit_docids), highlight);
    std::vector<Xapian::Document> documents;  // shards: their statuses come from them
    for (const RankedDocument& match : matches) {
      SearchHit hit;
      const Xapian::Document document = database_.get_document(match.docid);
      if (!columns) documents.push_back(document);
      // What the page shows, with the text where its data holds it.
      hit.document = stored_page_document(document);
      const auto spelled_here = spelled.find(match.docid);
      hit.snippet = snippet_of(match.docid, document, std::move(hit.document.text), highlight,
                               spelled_here == spelled.end() ? nullptr : &spelled_here->second);
      hit.document.text.clear();
      hit.id = hit.document.id;
      hit.score = match.weight;
      if (columns) hit.validity = columns->value_of(FieldId::validity, match.docid);
      response.hits.push_back(std::move(hit));
    }
    if (!columns) {  // shards: by the status rule on the documents themselves
      const auto statuses = statuses_of(database_, documents, today_value());
      for (std::size_t i = 0; i < statuses.size(); ++i)
        response.hits[i].validity = statuses[i];
    }
    if (response.relaxed)
      mark_missing_words(root, *builder, question, response.unrequired_words, matches,
                         response.hits);
    for (const query::Node& child : root.children) {
      if (child.kind != query::Node::Kind::number ||
          database_.get_termfreq(schema::term(schema::kNumber, child.number_key)) > 0)
        continue;
      response.missing_numbers.push_back(
          {child.value.empty() ? child.number_key : child.value,
           database_.get_termfreq(schema::term(schema::kCites, child.number_key))});
    }
    return response;
  }

  // The documents accents are restored from (sorted by date): the best few by the words'
  // weights, as the first phase of the ranking gives them.
  std::vector<Xapian::docid> best_documents(const Xapian::Query& query) {
    Xapian::Enquire enquire = ranking_enquire(database_);
    enquire.set_query(query);
    std::vector<Xapian::docid> out;
    const Xapian::MSet best = enquire.get_mset(0, static_cast<Xapian::doccount>(kHintFrom));
    for (auto it = best.begin(); it != best.end(); ++it)
      out.push_back(*it);
    return out;
  }

  // The words to mark in snippets; those common enough to be noise alone: function words,
  // and words in more than one document in kCommonShare (a topic's own words are rarer).
  HighlightTerms highlight_terms_of(const query::Node& root, const QueryBuilder& builder) const {
    HighlightTerms terms = highlight_terms(root);
    for (std::string& word : builder.type_hint_words(root))
      terms.secondary.insert(std::move(word));
    const double common_above = static_cast<double>(database_.get_doccount()) / kCommonShare;
    auto note = [&](const std::string& exact, const std::string& folded) {
      if (is_function_word(exact, folded) ||
          static_cast<double>(database_.get_termfreq(schema::term(schema::kFolded, folded))) >
              common_above) {
        terms.common.insert(folded);
      }
    };
    for (const std::string& folded : terms.plain)
      note(folded, folded);
    for (const auto& [exact, folded] : terms.exact)
      note(exact, folded);
    return terms;
  }

  // A page of results sorted by date (then by relevance, which carries no bonus here).
  // With `every_match`, the run shows it every match (as rank_two_phase does).
  std::vector<RankedDocument> by_date(const Xapian::Query& query, SortOrder sort,
                                      Xapian::doccount first, Xapian::doccount size,
                                      Xapian::MatchSpy* every_match) {
    if (sharded_) return by_date_value(query, sort, first, size);
    Xapian::Enquire enquire = ranking_enquire(database_);
    enquire.set_query(query);
    DateKeyMaker newest(true);
    DateKeyMaker oldest(false);
    if (sort == SortOrder::newest) enquire.set_sort_by_key_then_relevance(&newest, true);
    if (sort == SortOrder::oldest) enquire.set_sort_by_key_then_relevance(&oldest, false);
    if (every_match) enquire.add_matchspy(every_match);
    const Xapian::MSet matches =
        enquire.get_mset(first, size, every_match ? database_.get_doccount() : 0);
    std::vector<RankedDocument> out;
    for (auto it = matches.begin(); it != matches.end(); ++it)
      out.push_back({*it, it.get_weight(), {}});
    return out;
  }

  // by_date() where a KeyMaker cannot go (remote shards): Xapian's sort by the date slot. An
  // undated document has an empty value, last when newest come first; for oldest first the
  // dated documents are asked for first, then the undated ones (each by relevance).
  std::vector<RankedDocument> by_date_value(const Xapian::Query& query, SortOrder sort,
                                            Xapian::doccount first, Xapian::doccount size) {
    auto page = [&](const Xapian::Query& q, bool newest_first, Xapian::doccount from,
                    Xapian::doccount count, std::vector<RankedDocument>& out) {
      Xapian::Enquire enquire = ranking_enquire(database_);
      enquire.set_query(q);
      enquire.set_sort_by_value_then_relevance(schema::kDateSlot, newest_first);
      const Xapian::MSet matches = enquire.get_mset(from, count);
      for (auto it = matches.begin(); it != matches.end(); ++it)
        out.push_back({*it, it.get_weight(), {}});
    };
    std::vector<RankedDocument> out;
    if (sort == SortOrder::newest) {
      page(query, true, first, size, out);
      return out;
    }
    const Xapian::Query has_date(Xapian::Query::OP_VALUE_GE, schema::kDateSlot,
                                 std::string(1, '\x01'));
    const Xapian::Query dated(Xapian::Query::OP_FILTER, query, has_date);
    page(dated, false, first, size, out);
    if (out.size() == size) return out;
    // The dated ones end on this page: how many there are decides where the undated start.
    Xapian::doccount dated_total = first + static_cast<Xapian::doccount>(out.size());
    if (out.empty()) {
      Xapian::Enquire counting(database_);
      counting.set_query(dated);
      counting.set_weighting_scheme(Xapian::BoolWeight());
      dated_total = counting.get_mset(0, 0, database_.get_doccount()).get_matches_estimated();
    }
    const Xapian::doccount undated_first =
        first + static_cast<Xapian::doccount>(out.size()) - dated_total;
    page(Xapian::Query(Xapian::Query::OP_AND_NOT, query, has_date), false, undated_first,
         size - static_cast<Xapian::doccount>(out.size()), out);
    return out;
  }

  static Xapian::Query combined(const QueryBuilder& builder, const Xapian::Query& text,
                                const Filters& filters, std::optional<FieldId> without) {
    const auto filter = builder.filter(filters, without);
    return filter ? Xapian::Query(Xapian::Query::OP_FILTER, text, *filter) : text;
  }

  // Whether a page lies within the ranking's window: its first phase keeps the window's best
  // alone (rank_two_phase's `wanted`), and only such walks are remembered (memory stays
  // bounded: at most the window's documents per walk).
  bool in_window(Xapian::doccount first, int size) const {
    return std::size_t{first} + static_cast<std::size_t>(size) <= rerank_window_;
  }
  // What identifies a first phase's walk of a page within the window (FacetCache::walked): its
  // query and the window (searchers sharing a cache may rank different windows).
  std::string walk_key(const Xapian::Query& base) const {
    return base.get_description() + '\n' + std::to_string(rerank_window_);
  }

  // The documents `query` matches: by walking its posting lists (boolean_match.hpp), else by a
  // run without weights that collects their docids.
  std::vector<Xapian::docid> matching_docids(const Xapian::Query& query) {
    if (auto walked = boolean_matches(database_, query)) return std::move(*walked);
    Xapian::Enquire counting(database_);
    counting.set_query(query);
    counting.set_weighting_scheme(Xapian::BoolWeight());
    counting.set_docid_order(Xapian::Enquire::ASCENDING);
    DocidCollector collector;
    counting.add_matchspy(&collector);
    (void)counting.get_mset(0, 0, database_.get_doccount());
    return collector.take();
  }

  // What identifies the counting queries of `text` under `filters` (FacetCache's key): the
  // result set's query, and each query a filtered facet is counted over.
  static std::string count_key(const QueryBuilder& builder, const Xapian::Query& text,
                               const Filters& filters) {
    std::string key = combined(builder, text, filters, std::nullopt).get_description();
    for (const FieldId facet : facet_fields())
      if (filters.has(facet))
        key += '\n' + combined(builder, text, filters, facet).get_description();
    return key;
  }

  // The total and facets of the result set `result_set` of `text` under `filters` (its docids,
  // from a counting run or the date order's run; the page's order does not matter), remembered per
  // revision under `key`. A facet whose own field is filtered is counted over its own result
  // set, without that filter: a run without weights (an unweighted OP_AND_MAYBE drops its
  // adjacency branch, so no phrase is checked just to count) collecting the docids.
  Counted tally(std::vector<Xapian::docid> result_set, const QueryBuilder& builder,
                const Xapian::Query& text, const Filters& filters, const FacetColumns& columns,
                const std::string& key,
                std::shared_ptr<const std::vector<Xapian::docid>> phrase_matches = nullptr) {
    auto matching = [&](FieldId without) {
      return matching_docids(combined(builder, text, filters, without));
    };
    Counted counted;
    counted.total = result_set.size();
    for (const FieldId facet : facet_fields()) {
      const auto values = filters.has(facet)
                              ? columns.count(facet, matching(facet), kMaxFacetValues)
                              : columns.count(facet, result_set, kMaxFacetValues);
      counted.facets.emplace_back(field_spec(facet).name, values);
    }
    counted.phrase_matches = std::move(phrase_matches);
    facet_cache_->remember(columns, key, counted);
    return counted;
  }

  // count() on shards: the same runs, each carrying match spies instead of collecting docids
  // (facets.hpp FacetSpies); nothing is remembered (no revision spans the shards).
  Counted count_with_spies(const QueryBuilder& builder, const Xapian::Query& text,
                           const Filters& filters) {
    const Xapian::doccount all = database_.get_doccount();
    // The validity facet's effective days (status_counts) ride on the run of its result set.
    Xapian::ValueCountMatchSpy effective_days(schema::kEffectiveSlot);
    const bool validity_filtered = filters.has(FieldId::validity);
    auto spied = [&](std::optional<FieldId> without, std::span<const FieldId> facets) {
      auto spies = std::make_unique<FacetSpies>(facets);
      Xapian::Enquire counting(database_);
      counting.set_query(combined(builder, text, filters, without));
      counting.set_weighting_scheme(Xapian::BoolWeight());
      spies->attach(counting);
      if (without == (validity_filtered ? std::optional(FieldId::validity) : std::nullopt))
        counting.add_matchspy(&effective_days);
      (void)counting.get_mset(0, 0, all);
      return spies;
    };
    std::vector<FieldId> unfiltered;
    for (const FieldId facet : facet_fields())
      if (!filters.has(facet)) unfiltered.push_back(facet);
    // The total comes from a spy: at least one, even when every facet is filtered.
    std::vector<FieldId> first_run = unfiltered;
    if (std::find(first_run.begin(), first_run.end(), facet_fields().front()) == first_run.end())
      first_run.push_back(facet_fields().front());
    const auto result_set = spied(std::nullopt, first_run);
    Counted counted;
    counted.total = result_set->total();
    for (const FieldId facet : facet_fields()) {
      // A facet whose own field is filtered counts over the result set without that filter.
      if (facet == FieldId::validity) {  // no slot: effective days and the ending acts
        const std::uint64_t total =
            filters.has(facet) ? spied(facet, facet_fields().first(1))->total() : counted.total;
        std::vector<FacetValue> values;
        for (const auto& [status, count] :
             status_counts(database_, combined(builder, text, filters, facet), total,
                           effective_days, today_value()))
          values.push_back(FacetValue{std::string(status), count});
        std::sort(values.begin(), values.end(), [](const FacetValue& a, const FacetValue& b) {
          return a.count != b.count ? a.count > b.count : a.value < b.value;
        });
        counted.facets.emplace_back(field_spec(facet).name, std::move(values));
        continue;
      }
      const auto values = filters.has(facet)
                              ? spied(facet, std::span(&facet, 1))->values(facet, kMaxFacetValues)
                              : result_set->values(facet, kMaxFacetValues);
      counted.facets.emplace_back(field_spec(facet).name, values);
    }
    return counted;
  }

  // Each hit's words of the box that it does not hold (not the function words, never required
  // anyway), from the postings: in docid order, so each word's list is walked forward once.
  void mark_missing_words(const query::Node& root, const QueryBuilder& builder, bool question,
                          const std::vector<std::string>& unrequired,
                          const std::vector<RankedDocument>& matches,
                          std::vector<SearchHit>& hits) {
    // Nor the words of a question's frame ("bao lau"), nor a question's interrogative words,
    // which weigh nothing ("nào" of "cơ quan nào"; QueryBuilder::words): no answer holds the
    // asker's grammar.
    std::vector<const query::Word*> words;
    for (const query::Node& child : root.children) {
      if (child.kind != query::Node::Kind::words) continue;
      const std::vector<bool> framed = question_frame_words(child.words);
      std::vector<bool> asked(child.words.size(), false);
      if (question) asked = interrogative_words(child.words);
      if (std::all_of(asked.begin(), asked.end(), [](bool a) { return a; }))
        asked.assign(asked.size(), false);  // a question of nothing else: its words are the query
      for (std::size_t i = 0; i < child.words.size(); ++i) {
        const query::Word& word = child.words[i];
        if (!word.required && !builder.optional(word) && !framed[i] && !asked[i])
          words.push_back(&word);
      }
    }
    std::vector<std::pair<Xapian::docid, std::size_t>> order;
    std::size_t index = 0;
    for (const RankedDocument& match : matches)
      order.emplace_back(match.docid, index++);
    std::sort(order.begin(), order.end());
    // A hit misses a word without its folded term; a number (when several were typed, any one
    // matches) without its own number, a citation of it or a mention in its text.
    auto mark = [&](const std::vector<std::string>& terms, const std::string& shown) {
      std::vector<std::pair<Xapian::PostingIterator, Xapian::PostingIterator>> postings;
      for (const std::string& term : terms)
        postings.emplace_back(database_.postlist_begin(term), database_.postlist_end(term));
      for (const auto& [docid, hit] : order) {
        bool held = false;
        for (auto& [posting, end] : postings) {
          if (posting != end) posting.skip_to(docid);
          held = held || (posting != end && *posting == docid);
        }
        auto& missing = hits[hit].missing_words;
        if (!held && std::find(missing.begin(), missing.end(), shown) == missing.end())
          missing.push_back(shown);
      }
    };
    for (const query::Word* word : words)
      mark(builder.folded_keys(*word), word->exact);
    for (const query::Node& child : root.children) {
      if (child.kind == query::Node::Kind::number &&
          std::find(unrequired.begin(), unrequired.end(), child.value) != unrequired.end())
        mark({schema::term(schema::kNumber, child.number_key),
              schema::term(schema::kCites, child.number_key),
              schema::term(schema::kFolded, child.number_key)},
             child.value);
    }
  }

  Result<ArchivedDocument> find(const std::string& id, bool with_text = true) {
    if (!opened_ && !missing_.empty()) return no_shard_answers(missing_);
    if (!opened_) return not_found(id);
    const std::string term = schema::term(schema::kId, id);
    auto posting = database_.postlist_begin(term);
    if (id.empty() || posting == database_.postlist_end(term)) {
      if (missing_.empty()) return not_found(id);
      return make_error(ErrorKind::unavailable, "document " + id + " not in the shards that answer",
                        "Không tìm thấy văn bản trong các phân đoạn đang truy cập được; một phân "
                        "đoạn của kho đang không trả lời. Vui lòng thử lại sau.");
    }
    const Xapian::Document document = database_.get_document(*posting);
    return with_text ? stored_with_text(document) : stored_document(document, false);
  }

  // The document as stored, its text read from the text store where it is kept there
  // (stored_text.hpp). Runs inside guarded().
  ArchivedDocument stored_with_text(const Xapian::Document& document) {
    ArchivedDocument stored = stored_document(document);
    const std::string reference = text_reference(document);
    if (reference.empty()) return stored;  // in the data: indexed before texts were stored apart
    if (auto text = text_read(read_stored_text(texts_, reference))) stored.text = std::move(*text);
    return stored;
  }

  // A stored text as read, or nullopt where it could not be. The writer drops a text after the
  // commit that replaced or removed its document: a newer revision than ours exists, and
  // guarded() reads that one. At the newest revision the archive has lost it (`vanban check`
  // reports it): the document is shown without text.
  template <typename Text>
  std::optional<Text> text_read(Result<Text> text) {
    if (text) return std::move(*text);
    if (text.error().kind == ErrorKind::not_found && database_.reopen())
      throw Xapian::DatabaseModifiedError("a document's stored text was dropped by a commit");
    std::cerr << "vanban: " << text.error().message << '\n';
    return std::nullopt;
  }

  // A hit's snippet (make_snippet() from its passage_range()). `data_text` is the text its data
  // holds (indexed before texts were stored apart; else empty). A text in the text store whose
  // length the document records is inflated only as far as its passage ends (the passage map
  // is checked against that length); the rest of it only where the passage shows no match.
  // Runs inside guarded().
  std::string snippet_of(Xapian::docid docid, const Xapian::Document& document,
                         std::string data_text, const HighlightTerms& highlight,
                         const SpelledWords* spelled) {
    const std::string reference = text_reference(document);
    const auto whole_text = [&] {
      if (reference.empty()) return std::move(data_text);
      return text_read(read_stored_text(texts_, reference)).value_or(std::string());
    };
    const auto from_whole = [&](const std::string& text) {
      return make_snippet(
          text, highlight, kSnippetBytes,
          passage_range(database_, docid, document, highlight, text.size(), spelled));
    };
    const std::optional<std::uint64_t> size =
        reference.empty() ? std::nullopt : stored_text_size(document);
    if (!size || *size > std::numeric_limits<std::size_t>::max() - 1)
      return from_whole(whole_text());
    const auto range = passage_range(database_, docid, document, highlight, *size, spelled);
    if (!range) return make_snippet(whole_text(), highlight, kSnippetBytes, std::nullopt);
    const std::size_t wanted = std::min<std::size_t>(*size, range->end + 1);
    const auto head = text_read(read_stored_text_prefix(texts_, reference, wanted));
    if (!head) return from_whole(std::string());
    // A text shorter or longer than its recorded length (a damaged archive) is read whole.
    if ((head->whole && head->text.size() != *size) || (!head->whole && head->text.size() >= *size))
      return from_whole(whole_text());
    if (auto snippet = snippet_in_range(head->text, *size, highlight, kSnippetBytes, *range))
      return std::move(*snippet);
    return make_snippet(head->whole ? head->text : whole_text(), highlight, kSnippetBytes,
                        std::nullopt);
  }

  DocumentDetail detail_of(ArchivedDocument stored, const std::string& as_of) {
    DocumentDetail detail;
    for (const analyzers::Citation& citation : stored.metadata.citations) {
      ResolvedCitation resolved{citation, std::nullopt, {}};
      if (citation.number_key && !citation.number_key->empty()) {
        const auto with_number = documents_with_term(
            database_, schema::term(schema::kNumber, *citation.number_key), kMaxListed);
        Resolution resolution = resolve_citation(citation, with_number);
        resolved.id = std::move(resolution.id);
        resolved.candidates = std::move(resolution.candidates);
      }
      detail.citations.push_back(std::move(resolved));
    }

    // Documents citing this one: those with one of its keys among their citations (a law's
    // name too), unless what they say of the cited issuer or year rules this document out;
    // with what each does to it, which gives its validity.
    std::vector<IncomingAct> acts;
    for (Citing& one : citing_documents(own_keys(stored.metadata), &stored)) {
      const auto& metadata = one.document.metadata;
      for (const analyzers::Relation& relation : one.relations) {
        detail.relations_in.push_back({relation, one.document});
        acts.push_back({one.document.id, metadata.number, metadata.title, metadata.date,
                        metadata.effective ? std::optional(metadata.effective->date) : std::nullopt,
                        relation});
      }
      detail.cited_by.push_back(std::move(one.document));
    }
    detail.validity = validity_as_of(stored.metadata, acts, as_of);
    detail.document = std::move(stored);
    return detail;
  }

  struct Citing {
    ArchivedDocument document;
    std::vector<analyzers::Relation> relations;  // what it does to the cited document
  };

  // The archived documents citing one of `keys`, each once, with their relations to it; when
  // `target` is known, citations whose issuer or year rule it out do not count.
  std::vector<Citing> citing_documents(const std::vector<std::string>& keys,
                                       const ArchivedDocument* target) {
    std::vector<Citing> out;
    for (const std::string& key : keys) {
      for (ArchivedDocument& document :
           documents_with_term(database_, schema::term(schema::kCites, key), kMaxListed)) {
        if (target && document.id == target->id) continue;
        if (std::any_of(out.begin(), out.end(),
                        [&](const Citing& c) { return c.document.id == document.id; }))
          continue;
        Citing citing;
        bool points_here = document.metadata.citations.empty();
        for (const analyzers::Citation& citation : document.metadata.citations) {
          const auto named = cited_keys(citation);
          const bool names_one = std::any_of(named.begin(), named.end(), [&](const auto& k) {
            return std::find(keys.begin(), keys.end(), k) != keys.end();
          });
          if (!names_one || (target && !citation_may_point_to(citation, *target))) continue;
          points_here = true;
          for (const analyzers::Relation& relation : citation.relations)
            if (std::none_of(citing.relations.begin(), citing.relations.end(),
                             [&](const auto& r) { return r.type == relation.type; }))
              citing.relations.push_back(relation);
        }
        if (!points_here) continue;
        citing.document = std::move(document);
        out.push_back(std::move(citing));
      }
    }
    return out;
  }

  // Opens every shard that answers as one database; those that do not are `missing_` (the
  // answers say so) and are tried again at a later reopen. Never an error for a shard down.
  Status open_shards() {
    Xapian::Database combined;
    std::vector<std::string> missing;
    std::size_t absent = 0;
    bool any = false;
    std::vector<std::optional<IndexLocation>> locations;
    std::vector<LocalShard> local;
    for (const ShardLocation& shard : shards_) {
      locations.emplace_back();
      try {
        if (shard.remote()) {
          const auto timeout = static_cast<useconds_t>(options_.timeout.count());
          combined.add_database(Xapian::Remote::open(shard.host, shard.port, timeout, timeout));
        } else {
          if (!index_exists(shard.dir)) {
            ++absent;  // nothing indexed into it yet
            continue;
          }
          OpenedIndex opened = open_index(shard.dir);
          combined.add_database(opened.database);
          local.emplace_back(shard.dir, opened.database);
          locations.back() = std::move(opened.location);
        }
        any = true;
      } catch (const Xapian::Error& error) {
        std::cerr << "vanban: shard " << shard.spec << " unavailable: " << error.get_description()
                  << '\n';
        missing.push_back(shard.spec);
      }
    }
    database_ = std::move(combined);
    shard_locations_ = std::move(locations);
    local_shards_ = std::move(local);
    opened_ = any;
    missing_ = std::move(missing);
    absent_ = absent;
    last_opened_ = std::chrono::steady_clock::now();
    return Status::success();
  }

  std::vector<ShardLocation> shards_;
  IndexLocation location_;  // the generation database_ is, unsharded (index_generation.hpp)
  std::vector<std::optional<IndexLocation>> shard_locations_;  // each shard's, when opened
  // Each local shard's folder and its part of database_ (sharing its state: reopening
  // database_ moves them), which guarded() pins (reader_pin.hpp).
  using LocalShard = std::pair<std::filesystem::path, Xapian::Database>;
  std::vector<LocalShard> local_shards_;
  std::pair<std::uintmax_t, std::int64_t> version_file_{};  // see replace_if_swapped()
  std::string uuid_;                                        // of the database opened
  bool sharded_ = false;
  ShardOptions options_;
  std::vector<std::string> missing_;  // shards that did not answer at the last opening
  std::size_t absent_ = 0;            // local shards with no index yet
  std::chrono::steady_clock::time_point last_opened_{};
  std::vector<BlobStore> originals_;
  std::vector<BlobStore> texts_;  // beside each of originals_ (stored_text.hpp)
  Xapian::Database database_;
  bool opened_ = false;
  std::shared_ptr<FacetCache> facet_cache_;
  std::size_t rerank_window_ = kRerankWindow;
};

}  // namespace

Result<SearchResponse> Searcher::search(const SearchRequest& request) {
  // Callers of the library (`vanban search`, tests, benchmarks) meet the parser's own limits
  // only; the server applies its stricter SearchLimits itself, in parse_search.
  SearchLimits limits;
  limits.max_query_bytes = std::numeric_limits<std::size_t>::max();
  limits.max_page = std::numeric_limits<int>::max();
  limits.max_filter_values = std::numeric_limits<std::size_t>::max();
  auto parsed = parse_search(request, limits);
  if (!parsed) return parsed.error();
  return search(*parsed);
}

std::shared_ptr<FacetCache> Searcher::make_facet_cache(std::size_t remembered_counts) {
  return std::make_shared<FacetCache>(remembered_counts);
}

Result<std::unique_ptr<Searcher>> open_xapian_searcher(const std::filesystem::path& db_dir,
                                                       std::shared_ptr<FacetCache> facet_cache,
                                                       std::size_t rerank_window) {
  if (!facet_cache) facet_cache = Searcher::make_facet_cache();
  auto searcher = std::make_unique<XapianSearcher>(
      std::vector<ShardLocation>{ShardLocation::local(db_dir)},
      std::vector<std::filesystem::path>{db_dir}, /*sharded=*/false, ShardOptions{},
      std::move(facet_cache), rerank_window);
  if (Status status = searcher->open_database(); !status) return status.error();
  return std::unique_ptr<Searcher>(std::move(searcher));
}

Result<std::unique_ptr<Searcher>> open_sharded_searcher(
    std::vector<ShardLocation> shards, std::vector<std::filesystem::path> originals,
    const ShardOptions& options, std::size_t rerank_window) {
  if (shards.empty())
    return make_error(ErrorKind::invalid_argument, "no shards",
                      "Chưa chỉ ra phân đoạn nào của kho.");
  for (const ShardLocation& shard : shards)
    if (!shard.remote()) originals.insert(originals.begin(), shard.dir);
  auto searcher =
      std::make_unique<XapianSearcher>(std::move(shards), std::move(originals),
                                       /*sharded=*/true, options, nullptr, rerank_window);
  if (Status status = searcher->open_database(); !status) return status.error();
  return std::unique_ptr<Searcher>(std::move(searcher));
}

}  // namespace vanban::archive
