// RocksStore reads of the by_object index and the small lists the sources
// report shows with it: prefix scans that stop after the entries wanted.
#include <rocksdb/db.h>

#include <memory>
#include <unordered_set>

#include "store_rocksdb.h"

namespace kb {

Status RocksStore::ObjectTotalsFor(const std::string& object, ObjectTotals* out) {
  *out = ObjectTotals{};
  std::string value;
  const std::string key = ObjectTotalsKey(object);
  Status s = GetValue(Cf::kByObject, key, &value);
  if (s.IsNotFound()) return Status::OK();
  if (!s.ok()) return s;
  if (!ParseObjectTotals(value, &out->works, &out->sources)) return Corrupt(Cf::kByObject, key);
  return Status::OK();
}

Status RocksStore::CountWorksForObjects(const std::vector<std::string>& objects, uint64_t* works) {
  // The sum of the objects' totals: the count itself for one object, an
  // upper bound for several.
  uint64_t sum = 0;
  std::vector<std::string> prefixes;
  for (const std::string& o : objects) {
    ObjectTotals t;
    if (Status s = ObjectTotalsFor(o, &t); !s.ok()) return s;
    sum += t.works;
    prefixes.push_back(ObjectWorkRankPrefix(o));
  }
  *works = sum;
  if (objects.size() <= 1) return Status::OK();
  // Ids only, taken from the rank keys unparsed.
  std::unordered_set<std::string> ids;
  ids.reserve(sum);
  Status bad;
  Status s = ScanPrefixes(Cf::kByObject, prefixes, [&](size_t i, std::string_view key) {
    const std::string_view id = ObjectWorkRankId(key, prefixes[i].size());
    if (id.empty() && bad.ok()) bad = Corrupt(Cf::kByObject, key);
    ids.emplace(id);
  });
  if (s.ok()) s = bad;
  if (!s.ok()) return s;
  *works = ids.size();
  return Status::OK();
}

namespace {

// Calls fn(key) for the keys starting with `prefix` from `start` on (a key
// equal to `start` skipped) until fn returns false.
Status ScanAfter(const RocksStore& store, std::string_view prefix, const std::string& start,
                 const std::function<bool(std::string_view)>& fn) {
  std::unique_ptr<rocksdb::Iterator> it(
      store.db()->NewIterator(store.ReadOpts(), store.cf(Cf::kByObject)));
  for (it->Seek(start.empty() ? rocksdb::Slice(prefix.data(), prefix.size())
                              : rocksdb::Slice(start));
       it->Valid(); it->Next()) {
    std::string_view key(it->key().data(), it->key().size());
    if (!StartsWith(key, prefix)) break;
    if (key == start) continue;
    if (!fn(key)) break;
  }
  return FromRocks(it->status(), store.path(), "scanning by_object");
}

}  // namespace

Status RocksStore::WorksForObject(const std::string& object, size_t limit,
                                  std::vector<ObjectWork>* out) {
  return WorksForObjectAfter(object, nullptr, limit, out);
}

Status RocksStore::WorksForObjectAfter(const std::string& object, const ObjectWork* after,
                                       size_t limit, std::vector<ObjectWork>* out) {
  out->clear();
  const std::string prefix = ObjectWorkRankPrefix(object);
  const std::string start =
      after == nullptr
          ? std::string()
          : ObjectWorkRankKey(object, after->level, after->claims, after->citing, after->work_id);
  Status bad;
  Status s = ScanAfter(*this, prefix, start, [&](std::string_view key) {
    ObjectWork w;
    if (!ParseObjectWorkRankKey(key, prefix.size(), &w.level, &w.claims, &w.citing, &w.work_id)) {
      bad = Corrupt(Cf::kByObject, key);
      return false;
    }
    out->push_back(std::move(w));
    return limit == 0 || out->size() < limit;
  });
  return s.ok() ? bad : s;
}

Status RocksStore::SourcesForObject(const std::string& object, size_t limit,
                                    std::vector<ObjectSource>* out) {
  return SourcesForObjectAfter(object, nullptr, limit, out);
}

Status RocksStore::SourcesForObjectAfter(const std::string& object, const ObjectSource* after,
                                         size_t limit, std::vector<ObjectSource>* out) {
  out->clear();
  const std::string prefix = ObjectSourceRankPrefix(object);
  const std::string start =
      after == nullptr ? std::string()
                       : ObjectSourceRankKey(object, after->claims, after->path, after->source_id);
  Status bad;
  Status s = ScanAfter(*this, prefix, start, [&](std::string_view key) {
    ObjectSource src;
    if (!ParseObjectSourceRankKey(key, prefix.size(), &src.claims, &src.path, &src.source_id)) {
      bad = Corrupt(Cf::kByObject, key);
      return false;
    }
    out->push_back(std::move(src));
    return limit == 0 || out->size() < limit;
  });
  return s.ok() ? bad : s;
}

namespace {

Status ReadCount(const RocksStore& store, const std::string& key, uint32_t* n) {
  *n = 0;
  std::string value;
  Status s = store.GetValue(Cf::kByObject, key, &value);
  if (s.IsNotFound()) return Status::OK();
  if (!s.ok()) return s;
  if (value.size() != 4 || !GetBE32(value, n)) return store.Corrupt(Cf::kByObject, key);
  return Status::OK();
}

}  // namespace

Status RocksStore::ObjectWorkClaims(const std::string& work_id, const std::string& object,
                                    uint32_t* claims) {
  return ReadCount(*this, ObjectWorkCountKey(work_id, object), claims);
}

Status RocksStore::ObjectSourceClaims(const std::string& source_id, const std::string& object,
                                      uint32_t* claims) {
  return ReadCount(*this, ObjectSourceCountKey(source_id, object), claims);
}

Status RocksStore::ClaimsLinkingWork(const std::string& work_id, const std::string& object,
                                     std::vector<std::string>* claim_ids) {
  claim_ids->clear();
  const std::string prefix = ObjectLinkPrefix(work_id, object);
  return ScanPrefix(Cf::kByObject, prefix, [&](std::string_view key, std::string_view) {
    claim_ids->emplace_back(key.substr(prefix.size()));
    return true;
  });
}

Status RocksStore::SourcesCitingWorkUpTo(const std::string& work_id, size_t limit,
                                         std::vector<std::string>* source_ids) {
  source_ids->clear();
  const std::string prefix = ByWorkPrefix(work_id);
  return ScanPrefix(Cf::kByWork, prefix, [&](std::string_view key, std::string_view) {
    source_ids->emplace_back(key.substr(prefix.size()));
    return limit == 0 || source_ids->size() < limit;
  });
}

Status RocksStore::ClaimsOfSource(const std::string& source_id,
                                  std::vector<std::string>* claim_ids) {
  claim_ids->clear();
  const std::string prefix = BySourcePrefix(source_id, kBySourceAssertionTag);
  Status s = ScanPrefix(Cf::kBySource, prefix, [&](std::string_view key, std::string_view) {
    std::string_view rest = key.substr(prefix.size());
    std::string_view claim = rest.substr(0, rest.find('\0'));
    if (claim_ids->empty() || claim_ids->back() != claim) claim_ids->emplace_back(claim);
    return true;
  });
  return s;
}

}  // namespace kb
