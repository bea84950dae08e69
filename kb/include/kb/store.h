// kb::Store: the knowledge graph on disk. An interface; the RocksDB
// implementation is hidden behind Open() (no rocksdb/ header leaks from here).
//
// Thread-safety: a Store may be read from several threads at once; writes
// (PutSource, PutConcepts) must be serialised by the caller.
#ifndef EVKB_KB_STORE_H_
#define EVKB_KB_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kb/model.h"
#include "kb/status.h"
#include "kb/verdict.h"

namespace kb {

// The schema version this build writes. Opening a database whose meta holds a
// larger number fails with Status::NotSupported.
// Version 2 added the evidence summary to claim records, version 3 the
// top_evidence index; an older database is upgraded when opened writable
// (see kb/FORMAT.md).
// Version 4 added the by_object index (what `evkb-query sources` ranks),
// version 5 a binary layout for record values (JSON before), version 6
// by_object lists per object group (a concept and its narrower concepts),
// version 7 work_keys entries for the works with no first author.
inline constexpr int kSchemaVersion = 7;
// The oldest version a read-only open takes as it is: a version-4 database
// differs only in holding JSON values, which every reader still decodes, and
// in having no object groups, which readers do without.
// Older ones need `evkb-ingest --upgrade` first.
inline constexpr int kOldestReadableSchemaVersion = 4;

struct StoreOptions {
  // Writable open; creates the database when missing.
  bool read_only = false;
  bool create_if_missing = true;
  // For read-only opens: when another process holds the write lock, open as a
  // RocksDB secondary instance (a private catch-up copy of the MANIFEST under
  // secondary_dir, default a temp dir) instead of failing.
  bool allow_secondary = true;
  std::string secondary_dir;
  // For read-only opens: decoded claims, works, sources and assertions are
  // kept across calls, up to about this many bytes (0: none), so a process
  // asking many questions reads and decodes each record once. A read-only
  // store sees the database as it was opened, so what is kept stays right.
  size_t record_cache_bytes = 64 << 20;
  // Told, one line each, before long upkeep starts (an upgrade that
  // rebuilds, an index rebuilt for a changed concept hierarchy) and when it
  // ends; null: nothing is said.
  std::function<void(const std::string&)> notice;
};

enum class PutOutcome { kIngested, kUnchanged, kReplaced };

// A claim record as stored: the claim and its evidence summary.
struct ClaimRecord {
  Claim claim;
  EvidenceSummary summary;
};

// An assertion named by its key, with its weight (Store::TopAssertionsForClaim).
struct RankedAssertion {
  std::string claim_id, source_id;
  uint32_t span_begin = 0, span_end = 0;
  double weight = 0;
  // The source's path and title as the index keeps them; source_known is
  // false for entries of databases written before the index kept them.
  bool source_known = false;
  std::string source_path, source_title;
};

// A work linked by the claims about one object (Store::WorksForObject).
struct ObjectWork {
  std::string work_id;
  int level = 0;
  uint32_t claims = 0;  // claims with that object having an assertion that links the work
  uint32_t citing = 0;  // sources citing the work (any claim): SourcesCitingWork's size
};

// A source asserting claims about one object (Store::SourcesForObject).
struct ObjectSource {
  std::string source_id, path;
  uint32_t claims = 0;  // distinct claims with that object it asserts or denies
  // Those claims in id order, when the index lists them (claims_listed);
  // entries written by older builds list none.
  std::vector<std::string> claim_ids;
  bool claims_listed = false;
};

struct ObjectTotals {
  uint64_t works = 0, sources = 0;
};

// The name under which by_object keeps the lists of the object group of
// `concept_id` (Store::ObjectGroup): pass it as `object` to ObjectTotalsFor,
// WorksForObject and the other by_object reads.
std::string ObjectGroupName(std::string_view concept_id);

struct StoreCounts {
  uint64_t sources = 0, claims = 0, assertions = 0, works = 0, mentions = 0, concepts = 0;
};

class Store {
 public:
  // Opens (or creates) the database at `path`. On success *store owns it.
  // Errors: Busy (locked, and no secondary possible), NotSupported (newer
  // schema), Corruption, IOError, InvalidArgument (not a database).
  static Status Open(const StoreOptions& options, const std::string& path,
                     std::unique_ptr<Store>* store);

  Store() = default;
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;
  virtual ~Store() = default;

  // ---- Writes. REQUIRES: opened writable.

  // Writes everything one source contributes in one atomic batch. A source
  // is identified by its path: identical content at the same path is a no-op
  // (kUnchanged); different content replaces the old record, its assertions,
  // mentions and index entries (kReplaced). Claims and works that no longer
  // have any assertion or citing source are removed. Works in `record` are
  // written as given (the caller has already resolved them against the KB).
  virtual Status PutSource(const SourceRecord& record, PutOutcome* outcome) = 0;

  // Writes (overwrites) concept records, in one batch. When that changes
  // the object groups (their parents), by_object is made again from the
  // records, as an upgrade makes it (seconds per million claims).
  virtual Status PutConcepts(const std::vector<Concept>& concepts) = 0;

  // ---- Point reads. NotFound when absent.
  virtual Status GetSource(const std::string& id, Source* out) = 0;
  virtual Status FindSourceByPath(const std::string& path, Source* out) = 0;
  virtual Status GetClaim(const std::string& id, Claim* out) = 0;
  virtual Status GetWork(const std::string& id, Work* out) = 0;
  virtual Status GetConcept(const std::string& id, Concept* out) = 0;
  // The summary of claim `id`'s own assertions, each weighed (kb::WeighAssertion)
  // with the works as stored now; kept up to date by every write, so it
  // equals a summary made from AssertionsForClaim.
  virtual Status GetClaimSummary(const std::string& id, EvidenceSummary* out) = 0;

  // GetSource for each of `ids` in one batch. On success out->size() and
  // found->size() equal ids.size(), and (*out)[i] holds the source when
  // (*found)[i]; an absent source is not an error.
  virtual Status GetSources(const std::vector<std::string>& ids, std::vector<Source>* out,
                            std::vector<bool>* found) = 0;
  // GetWork likewise.
  virtual Status GetWorks(const std::vector<std::string>& ids, std::vector<Work>* out,
                          std::vector<bool>* found) = 0;
  // The claim records of `ids`, each with its evidence summary, null where
  // the store has none; read-only and shared: a reader that keeps decoded
  // records (StoreOptions::record_cache_bytes) hands out those it keeps
  // instead of copies.
  virtual Status GetClaimRecords(const std::vector<std::string>& ids,
                                 std::vector<std::shared_ptr<const ClaimRecord>>* out) = 0;

  // ---- Index reads. Empty results are OK, not NotFound.

  // Claims whose subject or object is `concept_id` (exact id, no hierarchy).
  virtual Status ClaimsByConcept(const std::string& concept_id, std::vector<std::string>* claim_ids) = 0;
  virtual Status AssertionsForClaim(const std::string& claim_id, std::vector<Assertion>* out) = 0;
  // The strongest `per_side` assertions of `claim_id` affirming it (stance
  // kAsserts) and denying it, as keys with their weight (kb::WeighAssertion
  // with the works as stored now): each side strongest first, equal weights
  // in AssertionsForClaim order, i.e. the head of each side of
  // AssertionsForClaim stably sorted by weight. Read from the top_evidence
  // index alone; GetAssertion loads the ones wanted. A null side is not read.
  virtual Status TopAssertionsForClaim(const std::string& claim_id, size_t per_side,
                                       std::vector<RankedAssertion>* affirming,
                                       std::vector<RankedAssertion>* denying) = 0;
  // The assertion `ref` names. NotFound when absent.
  virtual Status GetAssertion(const RankedAssertion& ref, Assertion* out) = 0;
  // GetAssertion for each of `refs` in one batch, as GetSources.
  virtual Status GetAssertions(const std::vector<const RankedAssertion*>& refs,
                               std::vector<Assertion>* out, std::vector<bool>* found) = 0;
  virtual Status AssertionsForSource(const std::string& source_id, std::vector<Assertion>* out) = 0;
  virtual Status MentionsForSource(const std::string& source_id, std::vector<Mention>* out) = 0;
  // Ids of the sources citing `work_id` (through a mention, an assertion or its reference list).
  virtual Status SourcesCitingWork(const std::string& work_id, std::vector<std::string>* source_ids) = 0;
  // SourcesCitingWork for each of `work_ids`, (*out)[i] for work_ids[i]:
  // the first `limit` (0: all) of each, in its order, read with one iterator.
  virtual Status SourcesCitingWorks(const std::vector<std::string>& work_ids, size_t limit,
                                    std::vector<std::vector<std::string>>* out) = 0;
  virtual Status WorksCitedBySource(const std::string& source_id, std::vector<std::string>* work_ids) = 0;
  // The ids, sorted, of the candidate works for cross-article resolution of
  // `w`: works sharing its DOI, its first author's family name (case-folded;
  // with a year, that year or one either side, or none), or its year and
  // container. The works themselves are read by the caller (GetWork), which
  // may keep those it has decoded.
  virtual Status WorkCandidateIds(const Work& w, std::vector<std::string>* ids) = 0;

  // ---- The by_object index: per claim object, the works its claims link
  // and the sources asserting them, ranked (kb/FORMAT.md). Read-only
  // handles read them without touching any assertion.

  // Whether by_object keeps lists for the object group of `concept_id`:
  // the claims whose object is the concept or a narrower one, together, as
  // if their objects' lists were merged (claims and sources counted once).
  // If so, *members are those concepts (sorted; the concept included) as
  // the stored concept records (PutConcepts) had them when the lists were
  // made, and ObjectGroupName(concept_id) names the lists.
  virtual bool ObjectGroup(const std::string& concept_id, std::vector<std::string>* members) = 0;

  // How many works and sources WorksForObject and SourcesForObject list
  // with limit 0.
  virtual Status ObjectTotalsFor(const std::string& object, ObjectTotals* out) = 0;
  // How many distinct works WorksForObject lists over all of `objects`
  // together (a work listed for two of them counts once). Reads every entry
  // of those lists when there are several objects.
  virtual Status CountWorksForObjects(const std::vector<std::string>& objects, uint64_t* works) = 0;
  // The works linked by an assertion of a claim whose object is `object`:
  // lowest (strongest) level first, then most claims, then most citing
  // sources, then id. At most `limit` of them (0: all). Works with the same
  // level and claims are read together (with their citing counts), so a
  // call reads up to the end of the last one's tie group.
  virtual Status WorksForObject(const std::string& object, size_t limit,
                                std::vector<ObjectWork>* out) = 0;
  // The sources asserting or denying a claim whose object is `object`: most
  // claims first, then by path. At most `limit` (0: all).
  virtual Status SourcesForObject(const std::string& object, size_t limit,
                                  std::vector<ObjectSource>* out) = 0;
  // SourcesForObject over all of `objects` together: a source listed for
  // several of them once, with their claims summed, in the same order; the
  // first `limit` (0: all) and, in *total, how many there are. Reads every
  // entry of those lists.
  virtual Status SourcesForObjects(const std::vector<std::string>& objects, size_t limit,
                                   std::vector<ObjectSource>* out, uint64_t* total) = 0;
  // A page of WorksForObject: the entries after `after` (from the first
  // when null), at most `limit` (0: all). `after` need not be stored any more.
  virtual Status WorksForObjectAfter(const std::string& object, const ObjectWork* after,
                                     size_t limit, std::vector<ObjectWork>* out) = 0;
  // The `claims` of `work_id` in WorksForObject(object), read directly; 0
  // when it is not listed there.
  virtual Status ObjectWorkClaims(const std::string& work_id, const std::string& object,
                                  uint32_t* claims) = 0;
  // For each of `work_ids`, (*out)[i] for work_ids[i]: the claims with
  // object `object` (or, for an object group's name, with any of its
  // members) that have an assertion linking the work, by object, then by
  // id; the first `limit` of them (0: all). One iterator reads them all.
  virtual Status ClaimsLinkingWorks(const std::vector<std::string>& work_ids,
                                    const std::string& object, size_t limit,
                                    std::vector<std::vector<std::string>>* out) = 0;
  // For each of `source_ids`, (*out)[i] for source_ids[i]: the ids of the
  // claims the source asserts or denies, sorted and distinct, read from its
  // index entries alone, with one iterator.
  virtual Status ClaimsOfSources(const std::vector<std::string>& source_ids,
                                 std::vector<std::vector<std::string>>* out) = 0;

  // ---- Scans, in key order. The callback returns false to stop early.
  virtual Status ForEachSource(const std::function<bool(const Source&)>& fn) = 0;
  virtual Status ForEachClaim(const std::function<bool(const Claim&)>& fn) = 0;
  virtual Status ForEachAssertion(const std::function<bool(const Assertion&)>& fn) = 0;
  virtual Status ForEachWork(const std::function<bool(const Work&)>& fn) = 0;
  virtual Status ForEachMention(const std::function<bool(const Mention&)>& fn) = 0;
  virtual Status ForEachConcept(const std::function<bool(const Concept&)>& fn) = 0;

  virtual Status Counts(StoreCounts* out) = 0;

  // ---- Consistency.

  // Checks the whole database against the invariants of kb/FORMAT.md: every
  // stored source has all of its assertions, mentions and index entries and
  // nothing else; no index entry points at a missing record; every claim has
  // an assertion and every work a citing source; the counters match the
  // records. Reads one snapshot, so a concurrent writer does not cause false
  // alarms. Returns OK with *problems empty when the database is consistent,
  // OK with one readable line per problem found (at most about a thousand)
  // when it is not, and an error only when the database could not be read.
  virtual Status Verify(std::vector<std::string>* problems) = 0;

  // Writes the memtables out to table files, so that the next open (a
  // reader's) need not replay the write-ahead log, and merges each column
  // family's level-0 tables into one, so that a reader opens and probes one
  // table there instead of up to eight; but a table that was in level 0
  // before and weighs more than eight times the newer ones is left as it
  // is (the newer ones become one), so a small ingest into a large
  // database does not rewrite it. A column family whose level 0 holds an
  // eighth of its bytes or more is compacted whole into its last level, so
  // that a read probes one level. The column families are compacted side by
  // side, one thread per core. REQUIRES: writable.
  virtual Status Flush() = 0;

  // Brings what an earlier build wrote to this one's layout: fills the
  // top_evidence values that builds before them left empty, then rewrites
  // every table file in the current table format (compacting each column
  // family into its last level). What `evkb-ingest --upgrade` does.
  // REQUIRES: writable.
  virtual Status Compact() = 0;

  // True when this handle is a secondary instance (a writer held the lock).
  virtual bool IsSecondary() const = 0;
};

}  // namespace kb

#endif  // EVKB_KB_STORE_H_
