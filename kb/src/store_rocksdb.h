// RocksStore: the RocksDB implementation of kb::Store. Private to kb/;
// callers use Store::Open. One column family per entity and index (see
// key_codec.h for the table and the key grammar, kb/FORMAT.md for the prose).
#ifndef EVKB_KB_SRC_STORE_ROCKSDB_H_
#define EVKB_KB_SRC_STORE_ROCKSDB_H_

#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include <functional>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "kb/store.h"
#include "key_codec.h"
#include "object_groups.h"

namespace kb {

class ClaimCache;         // claim_summaries.h
class RecordCache;        // record_cache.h
class ObjectTotalsCache;  // object_index.h
class WorkKeyMirror;      // work_key_mirror.h

// The one place a rocksdb::Status becomes a kb::Status. `db_path` and `action`
// ("opening", "writing source x") give the message its context.
Status FromRocks(const rocksdb::Status& s, const std::string& db_path, std::string_view action);

// Store::Open with a caller-supplied Env (nullptr: the default). Tests use it
// to inject I/O failures.
Status OpenRocksStore(const StoreOptions& options, const std::string& path, rocksdb::Env* env,
                      std::unique_ptr<Store>* store);

class RocksStore final : public Store {
 public:
  struct Handles {
    std::unique_ptr<rocksdb::DB> db;
    std::vector<rocksdb::ColumnFamilyHandle*> cfs;  // indexed by Cf; owned
  };
  RocksStore(std::string path, Handles handles, bool read_only, bool secondary,
             std::string owned_secondary_dir);
  ~RocksStore() override;

  Status PutSource(const SourceRecord& record, PutOutcome* outcome) override;
  Status PutConcepts(const std::vector<Concept>& concepts) override;

  Status GetSource(const std::string& id, Source* out) override;
  Status FindSourceByPath(const std::string& path, Source* out) override;
  Status GetClaim(const std::string& id, Claim* out) override;
  Status GetWork(const std::string& id, Work* out) override;
  Status GetConcept(const std::string& id, Concept* out) override;
  Status GetClaimSummary(const std::string& id, EvidenceSummary* out) override;
  Status GetSources(const std::vector<std::string>& ids, std::vector<Source>* out,
                    std::vector<bool>* found) override;
  Status GetWorks(const std::vector<std::string>& ids, std::vector<Work>* out,
                  std::vector<bool>* found) override;
  Status GetClaimRecords(const std::vector<std::string>& ids,
                         std::vector<std::shared_ptr<const ClaimRecord>>* out) override;

  Status ClaimsByConcept(const std::string& concept_id, std::vector<std::string>* claim_ids) override;
  Status AssertionsForClaim(const std::string& claim_id, std::vector<Assertion>* out) override;
  Status TopAssertionsForClaim(const std::string& claim_id, size_t per_side,
                               std::vector<RankedAssertion>* affirming,
                               std::vector<RankedAssertion>* denying) override;
  Status GetAssertion(const RankedAssertion& ref, Assertion* out) override;
  Status GetAssertions(const std::vector<const RankedAssertion*>& refs, std::vector<Assertion>* out,
                       std::vector<bool>* found) override;
  Status AssertionsForSource(const std::string& source_id, std::vector<Assertion>* out) override;
  Status MentionsForSource(const std::string& source_id, std::vector<Mention>* out) override;
  Status SourcesCitingWork(const std::string& work_id, std::vector<std::string>* source_ids) override;
  Status SourcesCitingWorks(const std::vector<std::string>& work_ids, size_t limit,
                            std::vector<std::vector<std::string>>* out) override;
  Status WorksCitedBySource(const std::string& source_id, std::vector<std::string>* work_ids) override;
  Status WorkCandidateIds(const Work& w, std::vector<std::string>* ids) override;

  bool ObjectGroup(const std::string& concept_id, std::vector<std::string>* members) override;
  Status ObjectTotalsFor(const std::string& object, ObjectTotals* out) override;
  Status CountWorksForObjects(const std::vector<std::string>& objects, uint64_t* works) override;
  Status WorksForObject(const std::string& object, size_t limit,
                        std::vector<ObjectWork>* out) override;
  Status SourcesForObject(const std::string& object, size_t limit,
                          std::vector<ObjectSource>* out) override;
  Status SourcesForObjects(const std::vector<std::string>& objects, size_t limit,
                           std::vector<ObjectSource>* out, uint64_t* total) override;
  Status WorksForObjectAfter(const std::string& object, const ObjectWork* after, size_t limit,
                             std::vector<ObjectWork>* out) override;
  Status ObjectWorkClaims(const std::string& work_id, const std::string& object,
                          uint32_t* claims) override;
  Status ClaimsLinkingWorks(const std::vector<std::string>& work_ids, const std::string& object,
                            size_t limit, std::vector<std::vector<std::string>>* out) override;
  Status ClaimsOfSources(const std::vector<std::string>& source_ids,
                         std::vector<std::vector<std::string>>* out) override;

  Status ForEachSource(const std::function<bool(const Source&)>& fn) override;
  Status ForEachClaim(const std::function<bool(const Claim&)>& fn) override;
  Status ForEachAssertion(const std::function<bool(const Assertion&)>& fn) override;
  Status ForEachWork(const std::function<bool(const Work&)>& fn) override;
  Status ForEachMention(const std::function<bool(const Mention&)>& fn) override;
  Status ForEachConcept(const std::function<bool(const Concept&)>& fn) override;

  Status Counts(StoreCounts* out) override;
  Status Verify(std::vector<std::string>* problems) override;
  bool IsSecondary() const override { return secondary_; }
  Status Flush() override;
  Status Compact() override;

  // ---- Shared by the store's .cc files.

  rocksdb::ColumnFamilyHandle* cf(Cf c) const { return handles_.cfs[static_cast<int>(c)]; }
  rocksdb::DB* db() const { return handles_.db.get(); }
  const std::string& path() const { return path_; }
  // The options of every read: checksums are skipped on read-only handles.
  rocksdb::ReadOptions ReadOpts() const;
  // NotFound when absent.
  Status GetValue(Cf c, std::string_view key, std::string* value) const;
  // Reads `keys` in batches (RocksDB's MultiGet: one filter and index pass
  // per batch instead of per key) and calls fn(i, value) for each key found,
  // in order; stops at the first error, fn's included.
  Status MultiGetValues(Cf c, const std::vector<std::string>& keys,
                        const std::function<Status(size_t, std::string_view)>& fn) const;
  // Calls fn(key, value) for each key starting with `prefix`, in order, until
  // fn returns false.
  Status ScanPrefix(Cf c, std::string_view prefix,
                    const std::function<bool(std::string_view, std::string_view)>& fn) const;
  // Calls fn(i, key) for each key starting with prefixes[i], until fn
  // returns false (then goes on with the next prefix), with one iterator
  // (opening one costs more than the few keys a prefix holds). Prefixes are
  // visited in byte order, whatever their order in `prefixes`; one for
  // which `wanted(i)` (when given) is false by its turn is not read.
  Status ScanPrefixes(Cf c, const std::vector<std::string>& prefixes,
                      const std::function<bool(size_t, std::string_view)>& fn,
                      const std::function<bool(size_t)>& wanted = nullptr) const;
  Status Corrupt(Cf c, std::string_view key) const;
  // Decoded records kept across calls (record_cache.h), or null: a reader
  // keeps them when opened with StoreOptions::record_cache_bytes > 0.
  RecordCache* records() const { return records_.get(); }
  void KeepRecords(size_t capacity_bytes);

  // Reads the object groups by_object holds from meta (Open calls it).
  Status LoadObjectGroups();
  void set_notice(std::function<void(const std::string&)> notice) { notice_ = std::move(notice); }
  // Passes `what` to StoreOptions::notice, if any.
  void Notice(const std::string& what) const {
    if (notice_) notice_(what);
  }
  // Object -> the names of the groups whose lists its claims count in.
  const GroupsByObject& groups_by_object() const { return groups_by_object_; }

  // Brings a database written with schema version `from` (< kSchemaVersion)
  // up to date: recomputes every claim's evidence summary and top_evidence
  // entries (from versions 1 and 2) and builds the by_object index, then
  // records the new version. Safe to repeat after a crash. REQUIRES: writable.
  Status Upgrade(int from);

 private:
  // Upgrade's steps: every claim's summary and top_evidence entries (from
  // version 1 or 2), the whole by_object index (from any older version).
  Status UpgradeSummaries();
  Status BuildObjectIndex();
  // work_keys' authorless entries for the stored works (version 7).
  Status AddAuthorlessWorkKeys();
  // Drops every by_object entry and builds the index again for `groups`,
  // recording them in meta last (a rebuild cut short leaves no record of
  // groups, so readers use none and the next PutConcepts builds again).
  // `announce`: tell StoreOptions::notice when it starts and ends.
  Status RebuildObjectIndex(const ObjectGroups& groups, bool announce);
  // Fills each work's `citing` from its by_object 'c' entry (0 if none).
  Status CitingCounts(std::vector<ObjectWork>* works) const;
  Status RequireWritable() const;
  // Flush's second step: each column family's level-0 tables become one (or
  // two, see kb/src/store_open.cc), or with the levels below one level when
  // level 0 is an eighth of the family.
  Status CompactLevel0();
  // Each column family's level-0 table files when the store opened or the
  // last CompactLevel0 ended (writers only).
  std::vector<std::vector<std::string>> Level0Tables() const;
  // Compact's first step: top_evidence entries written empty by builds
  // that did not keep sources' paths and titles there get them.
  Status FillTopEvidenceValues();
  Status LoadWorkKeys(const std::string& work_id, std::vector<std::string>* keys) const;
  // The assertion stored under assertions key `key`.
  Status AssertionByKey(const std::string& key, Assertion* out);
  // Adds the counter updates in meta to `batch`.
  Status ApplyDeltas(rocksdb::WriteBatch* batch,
                     std::initializer_list<std::pair<const char*, int64_t>> deltas);

  // Returns an iterator to the store's free list when the store reuses
  // them, else deletes it.
  struct IteratorReturn {
    const RocksStore* store;
    Cf cf;
    void operator()(rocksdb::Iterator* it) const;
  };
  using IteratorPtr = std::unique_ptr<rocksdb::Iterator, IteratorReturn>;
  // An iterator over `c` with ReadOpts(). A reader nobody writes to
  // (read-only, not secondary) sees one unchanging version of the database,
  // so its iterators are kept and reused: making one costs more than a seek.
  // The caller seeks before reading.
  IteratorPtr NewIter(Cf c) const;
  // Whether NewIter's iterators are kept and reused.
  bool ReusesIterators() const { return read_only_ && !secondary_; }

  std::string path_;
  Handles handles_;
  bool read_only_;
  bool secondary_;
  // Level0Tables() at open or after the last CompactLevel0: the tables an
  // ingest found, as opposed to those it flushed.
  std::vector<std::vector<std::string>> settled_level0_;
  // Iterators kept for reuse, by column family (see NewIter).
  mutable std::mutex free_iterators_mu_;
  mutable std::vector<std::unique_ptr<rocksdb::Iterator>> free_iterators_[kNumCfs];
  std::function<void(const std::string&)> notice_;  // StoreOptions::notice
  std::string owned_secondary_dir_;
  // The writer's decoded claim records; made by the first PutSource.
  std::unique_ptr<ClaimCache> claim_cache_;
  std::unique_ptr<ObjectTotalsCache> object_totals_;  // the writer's by_object 'T' values
  std::unique_ptr<WorkKeyMirror> work_keys_;          // the writer's work_keys; made at open
  std::unique_ptr<RecordCache> records_;              // see records()
  ObjectGroups object_groups_;  // what meta "object_groups" records
  GroupsByObject groups_by_object_;
};

}  // namespace kb

#endif  // EVKB_KB_SRC_STORE_ROCKSDB_H_
