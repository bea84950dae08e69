// Cross-article resolution: the same study cited by different articles, in
// different styles, becomes one Work.
#ifndef EVKB_INGEST_WORK_RESOLVER_H_
#define EVKB_INGEST_WORK_RESOLVER_H_

#include <string>
#include <unordered_map>

#include "kb/model.h"
#include "kb/status.h"
#include "kb/store.h"

namespace ingest {

// For each work in `record`, finds the work it denotes among those already
// in `store` (kb::Store::WorkCandidates + citations::SameWork, descriptive
// works by year + venue); on a match, adopts the stored id and merges fields
// (known fields fill unknown ones; nothing is overwritten with less), and
// rewrites the assertions' and mentions' work ids. Works that match each
// other within the record are merged too. `store` may be null (dry run).
//
// `cache`, when given, remembers resolutions across calls by the one writer
// of `store` during a run, so a study cited by many articles is looked up
// once. REQUIRES: nothing else writes to `store` while the cache is in use.
class WorkCache;
kb::Status ResolveWorks(kb::Store* store, kb::SourceRecord* record, WorkCache* cache = nullptr);

class WorkCache {
 public:
  // Bounds memory on huge corpora; an evicted entry is simply looked up again.
  static constexpr size_t kMaxEntries = 200000;

 private:
  friend kb::Status ResolveWorks(kb::Store*, kb::SourceRecord*, WorkCache*);
  std::unordered_map<std::string, kb::Work> by_provisional_id_;
};

}  // namespace ingest

#endif  // EVKB_INGEST_WORK_RESOLVER_H_
