// Decoded records a reader keeps across calls. A read-only or secondary
// RocksStore sees the database as it stood when it was opened (a secondary
// catches up with its primary only then), so a record read and decoded
// once stays right for the store's life. A process that asks many
// questions of one store (a server, an editor's checker, the audit's
// threads) then reads each claim, work, source and assertion from RocksDB
// and decodes it once, not once per question (and each claim's strongest
// evidence and each concept's claims from their indexes); records the
// store does not have are
// remembered too. Writable stores keep none: what they read can
// change under them.
//
// The entries live in a RocksDB LRU cache (sharded, thread-safe), charged
// by their stored size, so the memory they take is bounded by the capacity
// (StoreOptions::record_cache_bytes). Records are shared and read-only:
// the store's reads copy them out, except GetClaimRecords, which hands
// them out as they are kept.
#ifndef EVKB_KB_SRC_RECORD_CACHE_H_
#define EVKB_KB_SRC_RECORD_CACHE_H_

#include <rocksdb/cache.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "kb/model.h"
#include "kb/store.h"
#include "kb/verdict.h"
#include "key_codec.h"

namespace kb {

// The first entries of one side of a claim's top_evidence index, as
// TopAssertionsForClaim read them: `asked` were asked for, so the list is
// the whole side when it holds fewer.
struct TopEvidenceList {
  std::vector<RankedAssertion> items;
  size_t asked = 0;
};

// The head of a list of ids an index keeps under one key: its first
// `asked` ids (0: the whole list), so it answers a read of that many or
// fewer, and any read once it holds fewer than were asked.
struct KeptIds {
  std::vector<std::string> ids;
  size_t asked = 0;
  // Whether the first `limit` ids (0: all) are here.
  bool Covers(size_t limit) const {
    return asked == 0 || ids.size() < asked || (limit != 0 && limit <= asked);
  }
};
// The claims about a concept (by_concept), as ClaimsByConcept reads them.
struct ConceptClaims : KeptIds {};
// The sources citing a work (by_work), as SourcesCitingWorks reads them.
struct CitingSources : KeptIds {};
// The claims about an object (or group) linking a work (by_object), as
// ClaimsLinkingWorks reads them.
struct LinkingClaims : KeptIds {};

class RecordCache {
 public:
  explicit RecordCache(size_t capacity_bytes);

  // The column family a record type is read from; one type per family.
  template <typename T>
  static constexpr Cf CfOf() {
    if constexpr (std::is_same_v<T, ClaimRecord>) {
      return Cf::kClaims;
    } else if constexpr (std::is_same_v<T, Work>) {
      return Cf::kWorks;
    } else if constexpr (std::is_same_v<T, Source>) {
      return Cf::kSources;
    } else if constexpr (std::is_same_v<T, Assertion>) {
      return Cf::kAssertions;
    } else if constexpr (std::is_same_v<T, ConceptClaims>) {
      return Cf::kByConcept;
    } else if constexpr (std::is_same_v<T, CitingSources>) {
      return Cf::kByWork;
    } else if constexpr (std::is_same_v<T, LinkingClaims>) {
      return Cf::kByObject;
    } else {
      static_assert(std::is_same_v<T, TopEvidenceList>, "not a record type a reader keeps");
      return Cf::kTopEvidence;
    }
  }

  // True on a hit: *out is then the record kept, null when the store has
  // none.
  template <typename T>
  bool Lookup(std::string_view key, std::shared_ptr<const T>* out) const {
    const std::string k = CacheKey(CfOf<T>(), key);
    rocksdb::Cache::Handle* h = cache_->Lookup(k);
    if (h == nullptr) return false;
    *out = *static_cast<const std::shared_ptr<const T>*>(cache_->Value(h));
    cache_->Release(h);
    return true;
  }

  // Keeps `record` for `key` (null: the store has none); `stored_bytes`,
  // the size of the stored value, sets what the entry is charged.
  template <typename T>
  void Insert(std::string_view key, std::shared_ptr<const T> record, size_t stored_bytes) {
    auto entry = std::make_unique<std::shared_ptr<const T>>(std::move(record));
    const std::string k = CacheKey(CfOf<T>(), key);
    const size_t charge = sizeof(T) + k.size() + kDecodedPerStoredByte * stored_bytes;
    // Insert fails only with a strict capacity limit, which this cache has
    // not; the entry is then simply not kept.
    if (cache_->Insert(k, entry.get(), charge, &Delete<T>).ok()) entry.release();
  }

 private:
  // A decoded record takes about this many bytes per byte stored (strings
  // and vectors of what the stored value packs).
  static constexpr size_t kDecodedPerStoredByte = 3;

  template <typename T>
  static void Delete(const rocksdb::Slice&, void* value) {
    delete static_cast<std::shared_ptr<const T>*>(value);
  }
  // The column family's number, then the key.
  static std::string CacheKey(Cf c, std::string_view key);

  std::shared_ptr<rocksdb::Cache> cache_;
};

// For each of `keys`, the first `limit` ids (0: all) of its list: from the
// lists `cache` keeps (of type List, a KeptIds) where they cover `limit`;
// the others from `read`, called once with their indexes into `keys` to
// fill those of `out`, and then kept. `cache` may be null.
template <typename List>
Status ReadThroughKept(
    RecordCache* cache, const std::vector<std::string>& keys, size_t limit,
    const std::function<Status(const std::vector<size_t>& unread,
                               std::vector<std::vector<std::string>>* out)>& read,
    std::vector<std::vector<std::string>>* out) {
  out->assign(keys.size(), {});
  std::vector<size_t> unread;
  for (size_t i = 0; i < keys.size(); ++i) {
    std::shared_ptr<const List> kept;
    if (cache != nullptr && cache->Lookup(keys[i], &kept) && kept != nullptr &&
        kept->Covers(limit)) {
      const size_t n = limit == 0 ? kept->ids.size() : std::min(limit, kept->ids.size());
      (*out)[i].assign(kept->ids.begin(), kept->ids.begin() + static_cast<std::ptrdiff_t>(n));
    } else {
      unread.push_back(i);
    }
  }
  if (unread.empty()) return Status::OK();
  Status s = read(unread, out);
  if (!s.ok() || cache == nullptr) return s;
  for (size_t i : unread) {
    auto list = std::make_shared<List>();
    list->ids = (*out)[i];
    list->asked = limit;
    size_t stored_bytes = 0;  // each index entry's key
    for (const std::string& id : list->ids) stored_bytes += keys[i].size() + id.size();
    cache->Insert<List>(keys[i], std::move(list), stored_bytes);
  }
  return Status::OK();
}

}  // namespace kb

#endif  // EVKB_KB_SRC_RECORD_CACHE_H_
