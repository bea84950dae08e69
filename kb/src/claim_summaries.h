// Keeping claims' evidence summaries (kb::EvidenceSummary, stored in each
// claim record) in step with a write. A summary holds every stored assertion
// of the claim weighed with the works as stored; a write that adds or removes
// assertions, or changes the level of a work other assertions link, updates
// the summaries it touches in the same batch. Private to kb/.
#ifndef EVKB_KB_SRC_CLAIM_SUMMARIES_H_
#define EVKB_KB_SRC_CLAIM_SUMMARIES_H_

#include <rocksdb/write_batch.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "kb/model.h"
#include "kb/verdict.h"
#include "store_rocksdb.h"

namespace kb {

// Weighs `a` (kb::WeighAssertion) with the works `level_of` knows; works it
// does not know are skipped, as AssertionWeight skips missing works.
WeighedStance WeighWithLevels(const Assertion& a, const std::map<std::string, int>& level_of);

// The top_evidence entry of `a` weighed `w` (key_codec.h).
std::string TopEvidenceKeyOf(const Assertion& a, const WeighedStance& w);

// Each source's top_evidence value (key_codec.h: its path and title),
// read from the store once per source.
class SourceListings {
 public:
  explicit SourceListings(RocksStore* store) : store_(store) {}
  // `s` is being written (the store may not hold it yet).
  void Know(const Source& s);
  // NotFound when the store has no such source.
  Status Of(const std::string& source_id, const std::string** out);

 private:
  RocksStore* store_;
  std::unordered_map<std::string, std::string> values_;
};

// The writer's decoded claim records (fields and evidence summary), as
// stored: a write reads every claim it touches, and as a lexicon's claims
// saturate, nearly every article touches claims written just before.
// It only mirrors the store: a write takes out the records it reads and
// puts back what its batch stored once the batch is written; a claim the
// batch deleted stays out. Bounded (a record is about 1 KB): when full it
// starts over. Not thread-safe (one writer).
class ClaimCache {
 public:
  struct Record {
    Claim claim;
    EvidenceSummary summary;
  };
  // Moves the cached record of `claim_id` into *out and drops it from the
  // cache (a write that fails after taking it leaves it uncached, so the
  // next read goes to the store); false when it is not cached.
  bool Take(const std::string& claim_id, Record* out);
  void Put(const std::string& claim_id, const Claim& claim, EvidenceSummary summary);
  void Erase(const std::string& claim_id) { records_.erase(claim_id); }
  void Clear() { records_.clear(); }

 private:
  // Twice the claims the shipped lexicon saturates at (~15,000).
  static constexpr size_t kMaxRecords = 1 << 15;
  std::unordered_map<std::string, Record> records_;
};

// The summaries (and top_evidence entries) one batch changes. Reads go to the store as it is before the
// batch; nothing is written until Write.
class SummaryUpdater {
 public:
  // `cache` (may be null) is read before the store; Commit refills it.
  explicit SummaryUpdater(RocksStore* store, ClaimCache* cache = nullptr)
      : store_(store), cache_(cache), listings_(store) {}

  // The batch writes `w`, stored before it as `stored` (null: not
  // stored): new assertions are weighed with it, and stored assertions
  // linking it are re-weighed when its level changes (Reweigh).
  Status OverrideWork(const Work& w, const std::string* stored);
  // Works whose stored level differs from the one the batch writes.
  const std::set<std::string>& changed_works() const { return changed_works_; }
  // The stored level of a work given to OverrideWork (nullopt: not stored
  // before the batch). REQUIRES: OverrideWork(w) with w.id == work_id.
  std::optional<int> stored_level(const std::string& work_id) const {
    return stored_levels_.at(work_id);
  }

  // The source the batch writes: its assertions' top_evidence entries carry
  // its path and title (those of stored sources are read when needed).
  void KnowSource(const Source& s) { listings_.Know(s); }

  // Takes a stored assertion out of its claim's summary (weighed with the
  // stored works).
  Status RemoveStored(const Assertion& a);
  // Adds a new assertion (weighed with the batch's works).
  Status AddNew(const Assertion& a);
  // A stored assertion that stays: moves it from its stored weight to its
  // weight with the batch's works.
  Status Reweigh(const Assertion& a);
  // Whether the store holds `claim_id` (read once, with its summary).
  Status IsStored(const std::string& claim_id, bool* stored);
  // The claim is deleted by the batch: its summary is not written.
  void Forget(const std::string& claim_id) { forgotten_.insert(claim_id); }

  // Puts every touched claim's record into `batch`, with `rewritten`
  // supplying the claim fields of claims the batch writes anew (others keep
  // their stored fields), and the top_evidence entries of the assertions
  // removed, added and re-weighed.
  Status Write(const std::map<std::string, const Claim*>& rewritten, rocksdb::WriteBatch* batch);
  // Puts what the batch of Write stored into the cache. REQUIRES: that
  // batch was written (after a failed write, do not call: the claims read
  // for it are then just not cached).
  void Commit();

 private:
  struct Entry {
    std::optional<Claim> stored;  // absent for a claim new in this batch
    EvidenceSummary summary;
  };
  Status Load(const std::string& claim_id, Entry** out);
  // The stored level of each of a's works that exists.
  Status StoredLevels(const Assertion& a, std::map<std::string, int>* out);
  Status NewLevels(const Assertion& a, std::map<std::string, int>* out);

  RocksStore* store_;
  ClaimCache* cache_;
  // The claims Write put, with the fields written: what Commit caches.
  std::vector<std::pair<std::string, const Claim*>> written_;
  std::map<std::string, std::optional<int>> stored_levels_;  // nullopt: no such work
  std::map<std::string, int> new_levels_;
  std::set<std::string> changed_works_;
  std::map<std::string, Entry> entries_;
  std::set<std::string> forgotten_;
  // top_evidence entries to delete and to put, with their values (deletes
  // go first).
  std::set<std::string> index_deletes_;
  std::map<std::string, std::string> index_puts_;
  SourceListings listings_;
};

// The summary of `assertions` (all of one claim's), each weighed with
// `level_of`: what the store keeps, made from scratch (upgrades, Verify).
EvidenceSummary SummarizeAssertions(const std::vector<Assertion>& assertions,
                                    const std::map<std::string, int>& level_of);

}  // namespace kb

#endif  // EVKB_KB_SRC_CLAIM_SUMMARIES_H_
