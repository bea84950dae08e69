// The writer's copy of the work_keys column family. Resolving a cited work
// scans a handful of its prefixes (RocksStore::WorkCandidateIds), and in a
// large database each scan seeks through every level's tables: after a
// 1 GB ingest those seeks were a sixth of the writer's time, for a family
// of 16,000 keys (0.4 MB). A writer that has resolved a few dozen works
// reads the family into memory once and answers from there; PutSource
// tells it each change its batch made, once the batch is written, so it
// holds what the database holds. Private to kb/.
#ifndef EVKB_KB_SRC_WORK_KEY_MIRROR_H_
#define EVKB_KB_SRC_WORK_KEY_MIRROR_H_

#include <cstddef>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kb {

// The work_keys changes of one batch, in the batch's order.
class WorkKeyChanges {
 public:
  void Put(std::string key) { changes_.emplace_back(true, std::move(key)); }
  void Delete(std::string key) { changes_.emplace_back(false, std::move(key)); }

 private:
  friend class WorkKeyMirror;
  std::vector<std::pair<bool, std::string>> changes_;  // put?, key
};

class WorkKeyMirror {
 public:
  // Whether the mirror holds the family.
  bool loaded() const { return loaded_; }
  // Counts a scan answered by the database; true once enough have been
  // that the caller should Load.
  bool WantsLoad() { return !loaded_ && ++database_scans_ >= kScansBeforeLoad; }
  // The family's keys, in any order, replacing anything held.
  void Load(std::vector<std::string> keys);
  // Forgets the family (its writes were not seen); scans go to the database.
  void Clear();
  // A batch holding `changes` was written. Nothing when not loaded.
  void Apply(const WorkKeyChanges& changes);
  // Calls fn(i, key) for each key starting with prefixes[i], in key order,
  // until fn returns false (then goes on with the next prefix).
  // REQUIRES: loaded().
  void ScanPrefixes(const std::vector<std::string>& prefixes,
                    const std::function<bool(size_t, std::string_view)>& fn) const;

 private:
  // Few enough that a short ingest (an editor's save hook) never loads it.
  static constexpr int kScansBeforeLoad = 64;

  bool loaded_ = false;
  int database_scans_ = 0;
  std::set<std::string, std::less<>> keys_;
};

}  // namespace kb

#endif  // EVKB_KB_SRC_WORK_KEY_MIRROR_H_
