// Cross-article resolution: the same study cited by different articles, in
// different styles, becomes one Work.
#ifndef EVKB_INGEST_WORK_RESOLVER_H_
#define EVKB_INGEST_WORK_RESOLVER_H_

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "citations/grading.h"
#include "citations/reference_parser.h"
#include "kb/model.h"
#include "kb/status.h"
#include "kb/store.h"

namespace ingest {

// Works as the store holds them, decoded once and kept with their reference
// form, for the single writer that resolves one article after another. It
// only mirrors the store: the writer reports each write (Stored), ids come
// from the store's own candidate index, so resolution is exactly as without
// it. Bounded: past `capacity` works it starts afresh.
class WorkCache {
 public:
  struct Entry {
    kb::Work work;
    // Of ReferenceFromWork(work) when work.resolved, for SameWork.
    citations::WorkIdentity identity;
  };
  static constexpr size_t kDefaultCapacity = 32768;
  explicit WorkCache(size_t capacity = kDefaultCapacity) : capacity_(capacity) {}

  // The stored work `id`, read from `store` on a miss.
  kb::Status Get(kb::Store* store, const std::string& id, const Entry** out);
  // `works` were just written (kb::PutOutcome kIngested or kReplaced);
  // `identities[i]` is the identity of `works[i]` as ResolveWorks gave it,
  // so none is worked out again.
  // REQUIRES: identities.size() == works.size().
  void Stored(const std::vector<kb::Work>& works, std::vector<citations::WorkIdentity> identities);
  size_t size() const { return entries_.size(); }

 private:
  const Entry* Put(kb::Work work, citations::WorkIdentity identity);

  size_t capacity_;
  std::unordered_map<std::string, Entry> entries_;
};

// For each work in `record`, finds the work it denotes among those already
// in `store` (kb::Store::WorkCandidateIds + citations::SameWork, descriptive
// works by year + venue); on a match, adopts the stored id and merges fields
// (known fields fill unknown ones; nothing is overwritten with less), and
// rewrites the assertions' and mentions' work ids. Works that match each
// other within the record are merged too. `store` may be null (dry run).
// With a `cache`, stored works are read through it (the caller reports its
// writes to the cache). With `identities`, it receives the identity of each
// of the record's works after resolution (what WorkCache::Stored needs).
kb::Status ResolveWorks(kb::Store* store, kb::SourceRecord* record, WorkCache* cache = nullptr,
                        std::vector<citations::WorkIdentity>* identities = nullptr);

}  // namespace ingest

#endif  // EVKB_INGEST_WORK_RESOLVER_H_
