// RocksStore reads of the by_object index and the small lists the sources
// report shows with it: prefix scans that stop after the entries wanted.
#include <rocksdb/db.h>

#include <algorithm>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "record_cache.h"
#include "store_rocksdb.h"

namespace kb {

namespace {

// Copies of short strings that stay put while more are added, for views
// into them (a hash map keyed by the views needs no string of its own).
class StringArena {
 public:
  std::string_view Copy(std::string_view s) {
    if (blocks_.empty() || used_ + s.size() > kBlock) {
      blocks_.push_back(std::make_unique<char[]>(std::max(kBlock, s.size())));
      used_ = 0;
    }
    char* at = blocks_.back().get() + used_;
    std::copy(s.begin(), s.end(), at);
    used_ += s.size();
    return std::string_view(at, s.size());
  }

 private:
  static constexpr size_t kBlock = 64 << 10;
  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t used_ = 0;
};

}  // namespace

Status RocksStore::LoadObjectGroups() {
  object_groups_.clear();
  groups_by_object_.clear();
  std::string value;
  Status s = GetValue(Cf::kMeta, kObjectGroupsKey, &value);
  if (s.IsNotFound()) return Status::OK();
  if (!s.ok()) return s;
  if (!DecodeObjectGroups(value, &object_groups_)) {
    object_groups_.clear();
    return Corrupt(Cf::kMeta, kObjectGroupsKey);
  }
  groups_by_object_ = InvertObjectGroups(object_groups_);
  return Status::OK();
}

bool RocksStore::ObjectGroup(const std::string& concept_id, std::vector<std::string>* members) {
  auto it = object_groups_.find(concept_id);
  if (it == object_groups_.end()) return false;
  *members = it->second;
  return true;
}

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
  StringArena arena;
  std::unordered_set<std::string_view> ids;
  ids.reserve(sum);
  Status bad;
  Status s = ScanPrefixes(Cf::kByObject, prefixes, [&](size_t i, std::string_view key) {
    const std::string_view id = ObjectWorkRankId(key, prefixes[i].size());
    if (id.empty() && bad.ok()) bad = Corrupt(Cf::kByObject, key);
    if (ids.count(id) == 0) ids.insert(arena.Copy(id));
    return true;
  });
  if (s.ok()) s = bad;
  if (!s.ok()) return s;
  *works = ids.size();
  return Status::OK();
}

Status RocksStore::WorksForObject(const std::string& object, size_t limit,
                                  std::vector<ObjectWork>* out) {
  return WorksForObjectAfter(object, nullptr, limit, out);
}

namespace {

// The report's order of works: the rank key's (level, then most claims),
// then most citing sources, then id.
bool WorkBefore(const ObjectWork& a, const ObjectWork& b) {
  if (a.level != b.level) return a.level < b.level;
  if (a.claims != b.claims) return a.claims > b.claims;
  if (a.citing != b.citing) return a.citing > b.citing;
  return a.work_id < b.work_id;
}

}  // namespace

Status RocksStore::CitingCounts(std::vector<ObjectWork>* works) const {
  std::vector<std::string> keys;
  keys.reserve(works->size());
  for (const ObjectWork& w : *works) keys.push_back(ObjectCitedKey(w.work_id));
  std::vector<rocksdb::Slice> slices(keys.begin(), keys.end());
  std::vector<rocksdb::ColumnFamilyHandle*> cfs(keys.size(), cf(Cf::kByObject));
  std::vector<std::string> values;
  std::vector<rocksdb::Status> st = db()->MultiGet(ReadOpts(), cfs, slices, &values);
  for (size_t i = 0; i < keys.size(); ++i) {
    uint32_t& n = (*works)[i].citing;
    n = 0;
    if (st[i].IsNotFound()) continue;
    if (!st[i].ok()) return FromRocks(st[i], path_, "reading by_object");
    if (values[i].size() != 4 || !GetBE32(values[i], &n)) return Corrupt(Cf::kByObject, keys[i]);
  }
  return Status::OK();
}

Status RocksStore::WorksForObjectAfter(const std::string& object, const ObjectWork* after,
                                       size_t limit, std::vector<ObjectWork>* out) {
  // The rank keys order works by level and claims; within such a tie group
  // the citing counts decide, so a group is read whole, its counts read,
  // and sorted. A page ends with a whole group, cut to `limit`.
  out->clear();
  const std::string prefix = ObjectWorkRankPrefix(object);
  IteratorPtr it = NewIter(Cf::kByObject);
  it->Seek(after == nullptr ? prefix : ObjectWorkRankGroupKey(object, after->level, after->claims));
  std::vector<ObjectWork> group;
  auto flush = [&]() {
    if (Status s = CitingCounts(&group); !s.ok()) return s;
    std::sort(group.begin(), group.end(), WorkBefore);
    for (ObjectWork& w : group) {
      if (after == nullptr || WorkBefore(*after, w)) out->push_back(std::move(w));
    }
    group.clear();
    return Status::OK();
  };
  for (; it->Valid(); it->Next()) {
    std::string_view key(it->key().data(), it->key().size());
    if (!StartsWith(key, prefix)) break;
    ObjectWork w;
    if (!ParseObjectWorkRankKey(key, prefix.size(), &w.level, &w.claims, &w.work_id)) {
      return Corrupt(Cf::kByObject, key);
    }
    if (!group.empty() && (w.level != group[0].level || w.claims != group[0].claims)) {
      if (Status s = flush(); !s.ok()) return s;
      if (limit != 0 && out->size() >= limit) break;
    }
    group.push_back(std::move(w));
  }
  if (Status s = FromRocks(it->status(), path_, "scanning by_object"); !s.ok()) return s;
  if (Status s = flush(); !s.ok()) return s;
  if (limit != 0 && out->size() > limit) out->resize(limit);
  return Status::OK();
}

Status RocksStore::SourcesForObject(const std::string& object, size_t limit,
                                    std::vector<ObjectSource>* out) {
  out->clear();
  const std::string prefix = ObjectSourceRankPrefix(object);
  Status bad;
  Status s = ScanPrefix(Cf::kByObject, prefix, [&](std::string_view key, std::string_view value) {
    ObjectSource src;
    if (!ParseObjectSourceRankKey(key, prefix.size(), &src.claims, &src.path, &src.source_id)) {
      bad = Corrupt(Cf::kByObject, key);
      return false;
    }
    src.claims_listed = ParseSourceClaims(value, &src.claim_ids);
    if (!src.claims_listed) src.claim_ids.clear();
    out->push_back(std::move(src));
    return limit == 0 || out->size() < limit;
  });
  return s.ok() ? bad : s;
}

Status RocksStore::SourcesForObjects(const std::vector<std::string>& objects, size_t limit,
                                     std::vector<ObjectSource>* out, uint64_t* total) {
  // Keys are only sliced here: 'S' object 00 BE32(~claims) path 00 source_id.
  struct Merged {
    uint32_t claims;
    std::string_view path, id;
    std::string_view claim_list;  // the values' claim lists, one after another
    bool listed;                  // every value had one
  };
  StringArena arena;
  std::unordered_map<std::string_view, Merged> by_id;
  IteratorPtr it = NewIter(Cf::kByObject);
  for (const std::string& object : objects) {
    const std::string prefix = ObjectSourceRankPrefix(object);
    for (it->Seek(prefix); it->Valid(); it->Next()) {
      std::string_view key(it->key().data(), it->key().size());
      if (!StartsWith(key, prefix)) break;
      uint32_t inverted = 0;
      const std::string_view rest =
          key.size() > prefix.size() + 4 ? key.substr(prefix.size() + 4) : std::string_view();
      const size_t sep = rest.find('\0');
      if (!GetBE32(key.substr(prefix.size()), &inverted) || sep == std::string_view::npos ||
          sep + 1 >= rest.size()) {
        return Corrupt(Cf::kByObject, key);
      }
      const std::string_view id = rest.substr(sep + 1);
      const std::string_view value(it->value().data(), it->value().size());
      auto found = by_id.find(id);
      if (found != by_id.end()) {
        Merged& m = found->second;
        m.claims += ~inverted;
        m.listed = m.listed && !value.empty();
        if (m.listed) m.claim_list = arena.Copy(std::string(m.claim_list).append(value));
        continue;
      }
      const std::string_view kept = arena.Copy(rest);
      const Merged m{~inverted, kept.substr(0, sep), kept.substr(sep + 1), arena.Copy(value),
                     !value.empty()};
      by_id.emplace(m.id, m);
    }
    if (!it->status().ok()) break;
  }
  if (Status s = FromRocks(it->status(), path_, "scanning by_object"); !s.ok()) return s;
  std::vector<Merged> merged;
  merged.reserve(by_id.size());
  for (const auto& [id, m] : by_id) merged.push_back(m);
  const size_t n = limit == 0 ? merged.size() : std::min(limit, merged.size());
  std::partial_sort(merged.begin(), merged.begin() + static_cast<std::ptrdiff_t>(n), merged.end(),
                    [](const Merged& a, const Merged& b) {
                      if (a.claims != b.claims) return a.claims > b.claims;
                      if (a.path != b.path) return a.path < b.path;
                      return a.id < b.id;
                    });
  out->clear();
  out->reserve(n);
  for (size_t k = 0; k < n; ++k) {
    ObjectSource& src = out->emplace_back();
    src.source_id = merged[k].id;
    src.path = merged[k].path;
    src.claims = merged[k].claims;
    src.claims_listed = merged[k].listed && ParseSourceClaims(merged[k].claim_list, &src.claim_ids);
    if (src.claims_listed) {
      std::sort(src.claim_ids.begin(), src.claim_ids.end());
    } else {
      src.claim_ids.clear();
    }
  }
  *total = merged.size();
  return Status::OK();
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

Status RocksStore::ClaimsLinkingWorks(const std::vector<std::string>& work_ids,
                                      const std::string& object, size_t limit,
                                      std::vector<std::vector<std::string>>* out) {
  // A group has no 'L' entries of its own: its members' are read, in the
  // members' order, which is also their prefixes' (the id ends at a 00).
  auto group = IsObjectGroupName(object) ? object_groups_.find(object.substr(1))
                                         : object_groups_.end();
  const std::vector<std::string> single = {object};
  const std::vector<std::string>& members = group == object_groups_.end() ? single : group->second;
  // What a sources report shows of each work: a reader keeps each work's
  // list for the object.
  std::vector<std::string> keys;
  keys.reserve(work_ids.size());
  for (const std::string& w : work_ids) keys.push_back(ObjectLinkPrefix(w, object));
  return ReadThroughKept<LinkingClaims>(
      records(), keys, limit,
      [&](const std::vector<size_t>& unread, std::vector<std::vector<std::string>>* lists) {
        std::vector<std::string> prefixes;
        std::vector<size_t> work_of;  // into work_ids
        prefixes.reserve(unread.size() * members.size());
        for (size_t w : unread) {
          for (const std::string& m : members) {
            prefixes.push_back(ObjectLinkPrefix(work_ids[w], m));
            work_of.push_back(w);
          }
        }
        auto open = [&](size_t i) { return limit == 0 || (*lists)[work_of[i]].size() < limit; };
        return ScanPrefixes(
            Cf::kByObject, prefixes,
            [&](size_t i, std::string_view key) {
              (*lists)[work_of[i]].emplace_back(key.substr(prefixes[i].size()));
              return open(i);
            },
            open);
      },
      out);
}

Status RocksStore::ClaimsOfSources(const std::vector<std::string>& source_ids,
                                   std::vector<std::vector<std::string>>* out) {
  out->assign(source_ids.size(), {});
  std::vector<std::string> prefixes;
  prefixes.reserve(source_ids.size());
  for (const std::string& id : source_ids) {
    prefixes.push_back(BySourcePrefix(id, kBySourceAssertionTag));
  }
  return ScanPrefixes(Cf::kBySource, prefixes, [&](size_t i, std::string_view key) {
    std::string_view rest = key.substr(prefixes[i].size());
    std::string_view claim = rest.substr(0, rest.find('\0'));
    std::vector<std::string>& ids = (*out)[i];
    if (ids.empty() || ids.back() != claim) ids.emplace_back(claim);
    return true;
  });
}

}  // namespace kb
