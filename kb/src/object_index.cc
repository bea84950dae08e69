#include "object_index.h"

#include <algorithm>

#include "key_codec.h"
#include "value_codec.h"

namespace kb {

namespace {

// The distinct works `a` links.
std::set<std::string> LinkedWorks(const Assertion& a) {
  std::set<std::string> out;
  for (const WorkLink& link : a.works) out.insert(link.work_id);
  return out;
}

uint32_t Narrow(int64_t n) { return n <= 0 ? 0 : static_cast<uint32_t>(n); }

}  // namespace

// ---- ObjectIndexBuilder

void ObjectIndexBuilder::AddWork(const std::string& work_id, int level) {
  level_of_[work_id] = level;
}

void ObjectIndexBuilder::AddCitation(const std::string& work_id) { citing_[work_id] += 1; }

void ObjectIndexBuilder::AddSource(const std::string& source_id, const std::string& path) {
  path_of_[source_id] = path;
}

Status ObjectIndexBuilder::AddClaim(const std::string& claim_id, const std::string& object,
                                    const std::vector<Assertion>& assertions) {
  if (object_.has_value() && *object_ != object) {
    if (Status s = FinishObject(); !s.ok()) return s;
  }
  if (!object_.has_value()) object_ = object;
  std::map<std::string, uint32_t> links;  // work -> assertions of the claim linking it
  std::set<std::string_view> sources;
  for (const Assertion& a : assertions) {
    if (path_of_.count(a.source_id) != 0) sources.insert(a.source_id);
    for (const std::string& w : LinkedWorks(a)) {
      if (level_of_.count(w) != 0) links[w] += 1;
    }
  }
  for (std::string_view src : sources) source_claims_[std::string(src)].push_back(claim_id);
  const bool group = IsObjectGroupName(object);
  for (const auto& [work, n] : links) {
    if (!group) {
      if (Status s = sink_(ObjectLinkKey(work, object, claim_id), EncodeBE32(n)); !s.ok()) {
        return s;
      }
    }
    work_claims_[work] += 1;
  }
  return Status::OK();
}

Status ObjectIndexBuilder::FinishObject() {
  if (!object_.has_value()) return Status::OK();
  const std::string& object = *object_;
  Status s;
  for (const auto& [work, n] : work_claims_) {
    if (!(s = sink_(ObjectWorkCountKey(work, object), EncodeBE32(n))).ok() ||
        !(s = sink_(ObjectWorkRankKey(object, level_of_.at(work), n, work), "")).ok()) {
      return s;
    }
  }
  for (auto& [source, claims] : source_claims_) {
    std::sort(claims.begin(), claims.end());
    claims.erase(std::unique(claims.begin(), claims.end()), claims.end());
    const std::string key = ObjectSourceRankKey(object, static_cast<uint32_t>(claims.size()),
                                                path_of_.at(source), source);
    if (!(s = sink_(key, EncodeSourceClaims(claims))).ok()) return s;
  }
  if (!work_claims_.empty() || !source_claims_.empty()) {
    s = sink_(ObjectTotalsKey(object),
              EncodeObjectTotals(work_claims_.size(), source_claims_.size()));
  }
  object_.reset();
  work_claims_.clear();
  source_claims_.clear();
  return s;
}

Status ObjectIndexBuilder::Finish() {
  if (Status s = FinishObject(); !s.ok()) return s;
  for (const auto& [work, cited] : citing_) {
    if (level_of_.count(work) == 0) continue;
    if (Status s = sink_(ObjectCitedKey(work), EncodeBE32(cited)); !s.ok()) return s;
  }
  return Status::OK();
}

// ---- ObjectTotalsCache

bool ObjectTotalsCache::Get(const std::string& object, ObjectTotals* out) const {
  auto it = totals_.find(object);
  if (it == totals_.end()) return false;
  *out = it->second;
  return true;
}

void ObjectTotalsCache::Put(const std::string& object, const ObjectTotals& totals) {
  if (totals_.size() >= kMaxObjects && totals_.count(object) == 0) totals_.clear();
  totals_[object] = totals;
}

// ---- ObjectIndexUpdater

void ObjectIndexUpdater::KnowClaims(const std::map<std::string, const Claim*>& claims) {
  for (const auto& [id, c] : claims) object_of_[id] = c->object;
}

void ObjectIndexUpdater::OverrideWork(const Work& w, std::optional<int> stored_level) {
  new_levels_[w.id] = w.level;
  stored_levels_[w.id] = stored_level;
}

bool ObjectIndexUpdater::IsNewWork(const std::string& work_id) const {
  auto it = stored_levels_.find(work_id);
  return it != stored_levels_.end() && !it->second.has_value();
}

bool ObjectIndexUpdater::IsStoredLink(const LinkParts& parts) const {
  return !IsNewWork(parts.work) && new_claims_.count(parts.claim) == 0;
}

bool ObjectIndexUpdater::IsMoved(const std::string& work_id) const {
  auto it = stored_levels_.find(work_id);
  return it != stored_levels_.end() && it->second.has_value() &&
         *it->second != new_levels_.at(work_id);
}

Status ObjectIndexUpdater::ObjectOf(const std::string& claim_id, std::string* object) {
  auto it = object_of_.find(claim_id);
  if (it == object_of_.end()) {
    std::string value;
    Status s = store_->GetValue(Cf::kClaims, claim_id, &value);
    if (!s.ok()) return s.IsNotFound() ? store_->Corrupt(Cf::kAssertions, claim_id) : s;
    Claim c;
    if (!DecodeClaim(value, &c)) return store_->Corrupt(Cf::kClaims, claim_id);
    it = object_of_.emplace(claim_id, c.object).first;
  }
  *object = it->second;
  return Status::OK();
}

template <typename Fn>
void ObjectIndexUpdater::ForObjectAndGroups(const std::string& object, Fn fn) const {
  fn(object);
  auto it = groups_.find(object);
  if (it == groups_.end()) return;
  for (const std::string& group : it->second) fn(group);
}

Status ObjectIndexUpdater::Count(std::string_view key, uint32_t* n) {
  if (auto it = counts_.find(key); it != counts_.end()) {
    *n = it->second;
    return Status::OK();
  }
  *n = 0;
  std::string value;
  Status s = store_->GetValue(Cf::kByObject, key, &value);
  if (s.IsNotFound()) return Status::OK();
  if (!s.ok()) return s;
  if (!GetBE32(value, n) || value.size() != 4) return store_->Corrupt(Cf::kByObject, key);
  return Status::OK();
}

Status ObjectIndexUpdater::ReadCounts(std::vector<std::string> keys) {
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  std::vector<uint32_t> counts(keys.size(), 0);
  Status s = store_->MultiGetValues(Cf::kByObject, keys, [&](size_t i, std::string_view value) {
    if (!GetBE32(value, &counts[i]) || value.size() != 4) {
      return store_->Corrupt(Cf::kByObject, keys[i]);
    }
    return Status::OK();
  });
  if (!s.ok()) return s;
  for (size_t i = 0; i < keys.size(); ++i) counts_.emplace(std::move(keys[i]), counts[i]);
  return Status::OK();
}

Status ObjectIndexUpdater::Link(const Assertion& a, int delta) {
  std::string object;
  Status s = ObjectOf(a.claim_id, &object);
  if (!s.ok()) return s;
  for (const std::string& w : LinkedWorks(a)) {
    std::string key = ObjectLinkKey(w, object, a.claim_id);
    link_delta_[key] += delta;
    link_parts_.try_emplace(std::move(key), LinkParts{w, object, a.claim_id});
  }
  return Status::OK();
}

Status ObjectIndexUpdater::RemoveSource(const std::string& source_id, const std::string& path,
                                        const std::vector<Assertion>& assertions,
                                        const std::set<std::string>& cited) {
  for (const Assertion& a : assertions) {
    if (Status s = Link(a, -1); !s.ok()) return s;
    std::string object;
    if (Status s = ObjectOf(a.claim_id, &object); !s.ok()) return s;
    ForObjectAndGroups(object, [&](const std::string& o) { removed_claims_[o].insert(a.claim_id); });
  }
  for (const std::string& w : cited) cited_delta_[w] -= 1;
  removed_.emplace(source_id, path);
  return Status::OK();
}

Status ObjectIndexUpdater::AddSource(const std::string& source_id, const std::string& path,
                                     const std::map<std::string, Assertion>& assertions,
                                     const std::set<std::string>& cited) {
  for (const auto& [key, a] : assertions) {
    if (Status s = Link(a, +1); !s.ok()) return s;
    std::string object;
    if (Status s = ObjectOf(a.claim_id, &object); !s.ok()) return s;
    const std::string& claim_id = a.claim_id;  // a lambda may not capture a structured binding
    ForObjectAndGroups(object, [&](const std::string& o) { added_claims_[o].insert(claim_id); });
  }
  for (const std::string& w : cited) cited_delta_[w] += 1;
  added_.emplace(source_id, path);
  return Status::OK();
}

void ObjectIndexUpdater::Total(const std::string& object, int64_t works, int64_t sources) {
  auto& t = totals_delta_[object];
  t.first += works;
  t.second += sources;
}

Status ObjectIndexUpdater::WriteWork(const std::string& work_id,
                                     const std::map<std::string, int>& claims_delta,
                                     rocksdb::WriteBatch* batch) {
  rocksdb::ColumnFamilyHandle* cf = store_->cf(Cf::kByObject);
  // The citing count is a counter of its own: an article citing the work
  // changes it and nothing else.
  uint32_t old_cited = 0;
  const std::string cited_key = ObjectCitedKey(work_id);
  Status s;
  if (!IsNewWork(work_id) && !(s = Count(cited_key, &old_cited)).ok()) return s;
  auto cd = cited_delta_.find(work_id);
  const int64_t cited =
      static_cast<int64_t>(old_cited) + (cd == cited_delta_.end() ? 0 : cd->second);
  if (cited < 0) return store_->Corrupt(Cf::kByObject, cited_key);
  if (cited > 0 && cited != old_cited) {
    batch->Put(cf, cited_key, EncodeBE32(static_cast<uint32_t>(cited)));
  } else if (cited == 0 && old_cited > 0) {
    batch->Delete(cf, cited_key);
  }
  const bool moved = IsMoved(work_id);
  if (claims_delta.empty() && !moved) return Status::OK();

  // The rank keys move when the work's level or its claims for an object
  // change. The stored level is read only for a work the batch does not
  // write.
  std::optional<int> old_level, new_level;
  auto nl = new_levels_.find(work_id);
  if (nl != new_levels_.end()) {
    new_level = nl->second;
    old_level = stored_levels_.at(work_id);
  } else {
    std::string value;
    s = store_->GetValue(Cf::kWorks, work_id, &value);
    if (s.ok()) {
      Work w;
      if (!DecodeWork(value, &w)) return store_->Corrupt(Cf::kWorks, work_id);
      old_level = w.level;
    } else if (!s.IsNotFound()) {
      return s;
    }
    if (!new_level.has_value()) new_level = old_level;
  }
  std::map<std::string, std::pair<uint32_t, int64_t>> objects;  // object -> old, new claims
  if (new_level != old_level) {
    // Every object's key moves: all of the work's counts.
    const std::string prefix = ObjectWorkCountPrefix(work_id);
    Status bad;
    s = store_->ScanPrefix(Cf::kByObject, prefix, [&](std::string_view key, std::string_view v) {
      uint32_t n = 0;
      if (!GetBE32(v, &n)) {
        bad = store_->Corrupt(Cf::kByObject, key);
        return false;
      }
      objects[std::string(key.substr(prefix.size()))] = {n, n};
      return true;
    });
    if (s.ok()) s = bad;
    if (!s.ok()) return s;
  } else {
    for (const auto& [object, d] : claims_delta) {
      uint32_t n = 0;
      if (!IsNewWork(work_id) && !(s = Count(ObjectWorkCountKey(work_id, object), &n)).ok()) {
        return s;
      }
      objects[object] = {n, n};
    }
  }
  for (const auto& [object, d] : claims_delta) objects[object].second += d;
  for (const auto& [object, n] : objects) {
    if (n.second < 0) return store_->Corrupt(Cf::kByObject, ObjectWorkCountKey(work_id, object));
    const bool same_key = n.first == n.second && new_level == old_level;
    if (n.first > 0 && old_level.has_value() && !same_key) {
      batch->Delete(cf, ObjectWorkRankKey(object, *old_level, n.first, work_id));
    }
    if (n.second > 0) {
      if (!new_level.has_value() || cited == 0) {
        return Status::InvalidArgument(store_->path() + ": work " + work_id +
                                       " is linked but neither stored nor cited");
      }
      if (!same_key) {
        batch->Put(cf, ObjectWorkRankKey(object, *new_level, Narrow(n.second), work_id), "");
      }
      if (n.second != n.first) {
        batch->Put(cf, ObjectWorkCountKey(work_id, object), EncodeBE32(Narrow(n.second)));
      }
    } else if (n.first > 0) {
      batch->Delete(cf, ObjectWorkCountKey(work_id, object));
    }
    Total(object, (n.second > 0) - (n.first > 0), 0);
  }
  return Status::OK();
}

Status ObjectIndexUpdater::Write(rocksdb::WriteBatch* batch) {
  rocksdb::ColumnFamilyHandle* cf = store_->cf(Cf::kByObject);
  // Claim-work links: a claim starts or stops counting for a work when its
  // first linking assertion comes or its last one goes.
  std::map<std::string, std::map<std::string, int>> claims_delta;  // work -> object -> change
  std::vector<std::string> to_read;
  for (const auto& [key, d] : link_delta_) {
    if (d != 0 && IsStoredLink(link_parts_.at(key))) to_read.push_back(key);
  }
  if (Status s = ReadCounts(std::move(to_read)); !s.ok()) return s;
  for (const auto& [key, d] : link_delta_) {
    if (d == 0) continue;
    const LinkParts& parts = link_parts_.at(key);
    uint32_t n = 0;  // absent for a work or claim new in the batch
    if (IsStoredLink(parts)) {
      if (Status s = Count(key, &n); !s.ok()) return s;
    }
    const int64_t next = static_cast<int64_t>(n) + d;
    if (next < 0) return store_->Corrupt(Cf::kByObject, key);
    if (next > 0) {
      batch->Put(cf, key, EncodeBE32(static_cast<uint32_t>(next)));
    } else {
      batch->Delete(cf, key);
    }
    // A claim has one object: it starts or stops counting for the groups
    // of that object when it does for the object.
    const int change = (n == 0 && next > 0) - (n > 0 && next == 0);
    if (change != 0) {
      ForObjectAndGroups(parts.object,
                         [&](const std::string& o) { claims_delta[parts.work][o] += change; });
    }
  }
  // Works whose counters or rank keys change: claims, citing sources or level.
  std::set<std::string> works;
  for (const auto& [w, d] : claims_delta) works.insert(w);
  for (const auto& [w, d] : cited_delta_) {
    if (d != 0) works.insert(w);
  }
  for (const auto& [w, level] : stored_levels_) {
    if (IsMoved(w)) works.insert(w);
  }
  // WriteWork's counters: a stored work's citing sources, and its claims
  // per object where its level stays (a moved work's are scanned).
  to_read.clear();
  for (const std::string& w : works) {
    if (IsNewWork(w)) continue;
    to_read.push_back(ObjectCitedKey(w));
    auto cd = claims_delta.find(w);
    if (cd == claims_delta.end() || IsMoved(w)) continue;
    for (const auto& [object, d] : cd->second) to_read.push_back(ObjectWorkCountKey(w, object));
  }
  if (Status s = ReadCounts(std::move(to_read)); !s.ok()) return s;
  static const std::map<std::string, int> kNone;
  for (const std::string& w : works) {
    auto cd = claims_delta.find(w);
    Status s = WriteWork(w, cd == claims_delta.end() ? kNone : cd->second, batch);
    if (!s.ok()) return s;
  }

  // Sources: the removed one's rank keys go (their claims counts made from
  // its assertions, as they were made when it came), the added one's come.
  if (removed_.has_value()) {
    const auto& [id, path] = *removed_;
    for (const auto& [object, claims] : removed_claims_) {
      batch->Delete(cf,
                    ObjectSourceRankKey(object, static_cast<uint32_t>(claims.size()), path, id));
      Total(object, 0, -1);
    }
  }
  if (added_.has_value()) {
    const auto& [id, path] = *added_;
    for (const auto& [object, claims] : added_claims_) {
      batch->Put(cf, ObjectSourceRankKey(object, static_cast<uint32_t>(claims.size()), path, id),
                 EncodeSourceClaims(claims));
      Total(object, 0, +1);
    }
  }

  for (const auto& [object, d] : totals_delta_) {
    if (d.first == 0 && d.second == 0) continue;
    const std::string key = ObjectTotalsKey(object);
    ObjectTotals old;
    if (totals_cache_ == nullptr || !totals_cache_->Get(object, &old)) {
      std::string value;
      Status s = store_->GetValue(Cf::kByObject, key, &value);
      if (s.ok() && !ParseObjectTotals(value, &old.works, &old.sources)) {
        return store_->Corrupt(Cf::kByObject, key);
      }
      if (!s.ok() && !s.IsNotFound()) return s;
    }
    const int64_t w = static_cast<int64_t>(old.works) + d.first;
    const int64_t n = static_cast<int64_t>(old.sources) + d.second;
    if (w < 0 || n < 0) return store_->Corrupt(Cf::kByObject, key);
    if (w == 0 && n == 0) {
      batch->Delete(cf, key);
    } else {
      batch->Put(cf, key, EncodeObjectTotals(static_cast<uint64_t>(w), static_cast<uint64_t>(n)));
    }
    written_totals_.emplace_back(object,
                                 ObjectTotals{static_cast<uint64_t>(w), static_cast<uint64_t>(n)});
  }
  return Status::OK();
}

void ObjectIndexUpdater::Commit() {
  if (totals_cache_ == nullptr) return;
  for (const auto& [object, totals] : written_totals_) totals_cache_->Put(object, totals);
}

}  // namespace kb
