// The by_object index: per claim object (the benefit `evkb-query sources`
// asks about), the works its claims link and the sources asserting them,
// ranked as the sources report lists them, with the counts the ranks are
// made from (key_codec.h has the key grammar, kb/FORMAT.md the prose).
// ObjectIndexBuilder makes the whole index from the records (upgrades,
// Verify); ObjectIndexUpdater keeps it in step with one PutSource batch.
// Private to kb/.
#ifndef EVKB_KB_SRC_OBJECT_INDEX_H_
#define EVKB_KB_SRC_OBJECT_INDEX_H_

#include <rocksdb/write_batch.h>

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "kb/model.h"
#include "store_rocksdb.h"

namespace kb {

// Every by_object entry of a database, made from its records and handed to
// a sink one object at a time, so what it holds grows with the number of
// works and sources, not of assertions: first every work, citation and
// source, then every claim with its assertions (the claims of one object
// consecutively), then Finish. Records that point at something missing (an
// assertion of an absent source, a link to an absent work) contribute
// nothing, as the report skips them.
class ObjectIndexBuilder {
 public:
  // Receives each entry once; an error stops the build and is returned.
  using Sink = std::function<Status(const std::string& key, const std::string& value)>;

  explicit ObjectIndexBuilder(Sink sink) : sink_(std::move(sink)) {}

  void AddWork(const std::string& work_id, int level);
  // One per by_work entry of the work.
  void AddCitation(const std::string& work_id);
  void AddSource(const std::string& source_id, const std::string& path);
  // The claim and its assertions (each with a.claim_id == claim_id).
  // `object` is the claim's object, or the name of an object group it is
  // a member of (its entries are the same but for the 'L' ones, which only
  // the claim's own object has).
  // REQUIRES: the works, citations and sources were added first; the
  // claims of an object come one after another, and no object comes twice.
  Status AddClaim(const std::string& claim_id, const std::string& object,
                  const std::vector<Assertion>& assertions);
  // The entries of the last object and the per-work ones.
  Status Finish();

 private:
  Status FinishObject();

  Sink sink_;
  std::unordered_map<std::string, int> level_of_;
  std::unordered_map<std::string, uint32_t> citing_;
  std::unordered_map<std::string, std::string> path_of_;
  // The object whose claims are being added, and its counts so far.
  std::optional<std::string> object_;
  std::map<std::string, uint32_t> work_claims_;    // work -> claims of object_
  std::map<std::string, std::vector<std::string>> source_claims_;  // source -> claims of object_
};

// The writer's copy of the by_object 'T' values it has read or written:
// every article changes the totals of its claims' objects, the same few
// concepts over and over, so they are read from the store once. Filled by
// ObjectIndexUpdater::Commit only after its batch is written; cleared when
// something else rewrites by_object (an upgrade).
class ObjectTotalsCache {
 public:
  // False when `object` is not cached.
  bool Get(const std::string& object, ObjectTotals* out) const;
  void Put(const std::string& object, const ObjectTotals& totals);
  void Clear() { totals_.clear(); }

 private:
  // Objects are lexicon concepts, a few hundred; the bound only keeps an
  // odd corpus from growing it without end.
  static constexpr size_t kMaxObjects = 1 << 14;
  std::unordered_map<std::string, ObjectTotals> totals_;
};

// The by_object changes of one PutSource batch. Reads see the store as it
// is before the batch; nothing is written until Write. Entries of works and
// claims new in the batch are known to be absent and not read.
class ObjectIndexUpdater {
 public:
  // `totals` (may be null) is read before the store; Commit refills it.
  // The groups the index holds are the store's (groups_by_object).
  explicit ObjectIndexUpdater(RocksStore* store, ObjectTotalsCache* totals = nullptr)
      : store_(store), totals_cache_(totals), groups_(store->groups_by_object()) {}

  // Claims the batch writes (their objects are not read from the store).
  void KnowClaims(const std::map<std::string, const Claim*>& claims);
  // A claim the batch writes that was not stored before it.
  void KnowNewClaim(const std::string& claim_id) { new_claims_.insert(claim_id); }
  // The batch writes `w`; `stored_level`: its level before the batch
  // (nullopt: a work new in the batch).
  void OverrideWork(const Work& w, std::optional<int> stored_level);
  // The source stored under `source_id` goes: its `assertions` and the
  // works it `cited` (its by_work entries).
  Status RemoveSource(const std::string& source_id, const std::string& path,
                      const std::vector<Assertion>& assertions, const std::set<std::string>& cited);
  // The source comes in with `assertions` (bound to it) and cites `cited`.
  Status AddSource(const std::string& source_id, const std::string& path,
                   const std::map<std::string, Assertion>& assertions,
                   const std::set<std::string>& cited);
  // Puts the changed entries into `batch`.
  Status Write(rocksdb::WriteBatch* batch);
  // The batch of Write was written: caches the totals it put.
  void Commit();

 private:
  Status ObjectOf(const std::string& claim_id, std::string* object);
  // Calls fn(o) for the object and for the name of each group it is in.
  template <typename Fn>
  void ForObjectAndGroups(const std::string& object, Fn fn) const;
  // A counter's value before the batch (0: absent): from ReadCounts when
  // it read the key, else read alone.
  Status Count(std::string_view key, uint32_t* n);
  // Reads the counters of `keys` in one MultiGet for Count. Write knows
  // which counters it needs before it reads any of them (the 'L' ones, then
  // the 'c' and 'w' ones of the works those change); RocksDB then looks
  // each table up once for the lot, not once per key.
  Status ReadCounts(std::vector<std::string> keys);
  Status Link(const Assertion& a, int delta);
  Status WriteWork(const std::string& work_id, const std::map<std::string, int>& claims_delta,
                   rocksdb::WriteBatch* batch);
  void Total(const std::string& object, int64_t works, int64_t sources);

  struct LinkParts {
    std::string work, object, claim;
  };
  // Whether `work_id` has no by_object entries before the batch.
  bool IsNewWork(const std::string& work_id) const;
  // Whether the 'L' counter of `parts` may be stored: neither its work nor
  // its claim is new in the batch.
  bool IsStoredLink(const LinkParts& parts) const;
  // Whether the batch changes the level of `work_id`, a stored work.
  bool IsMoved(const std::string& work_id) const;

  RocksStore* store_;
  ObjectTotalsCache* totals_cache_;
  const GroupsByObject& groups_;
  std::map<std::string, std::string> object_of_;
  std::map<std::string, int> new_levels_;
  // Of the works the batch writes (nullopt: not stored before it).
  std::map<std::string, std::optional<int>> stored_levels_;
  std::set<std::string> new_claims_;
  std::map<std::string, uint32_t, std::less<>> counts_;  // read by ReadCounts
  std::map<std::string, int> link_delta_;        // 'L' key -> change
  std::map<std::string, LinkParts> link_parts_;  // 'L' key -> its parts
  std::map<std::string, int> cited_delta_;       // work -> change in citing sources
  std::optional<std::pair<std::string, std::string>> removed_, added_;  // source id, path
  std::map<std::string, std::set<std::string>> added_claims_;           // object -> claims
  std::map<std::string, std::set<std::string>> removed_claims_;         // object -> claims
  std::map<std::string, std::pair<int64_t, int64_t>> totals_delta_;     // object -> works, sources
  std::vector<std::pair<std::string, ObjectTotals>> written_totals_;    // what Commit caches
};

}  // namespace kb

#endif  // EVKB_KB_SRC_OBJECT_INDEX_H_
