// RocksStore writes. Everything one source contributes — and everything its
// previous version contributed that must go — is put in one WriteBatch, so a
// crash leaves the article fully in or fully out. Entity counters in 'meta'
// are updated in the same batch.
#include <rocksdb/perf_level.h>

#include <map>
#include <set>

#include "claim_summaries.h"
#include "object_index.h"
#include "store_rocksdb.h"
#include "value_codec.h"
#include "work_key_mirror.h"

namespace kb {

namespace {

struct Deltas {
  int64_t sources = 0, claims = 0, assertions = 0, works = 0, mentions = 0, concepts = 0;
};

bool HasZeroByte(std::string_view s) { return s.find('\0') != std::string_view::npos; }

// The new record, deduplicated by key, with every assertion and mention
// bound to the record's source id.
struct Planned {
  std::map<std::string, const Claim*> claims;      // claims the record asserts
  std::map<std::string, Assertion> assertions;     // by assertions key
  std::map<std::string, Mention> mentions;         // by mentions key
  std::map<std::string, const Work*> works;        // works written as given
  std::set<std::string> cited;                     // every work the source cites
};

}  // namespace

Status RocksStore::RequireWritable() const {
  if (read_only_) {
    return Status::InvalidArgument(path_ + " was opened read-only; it cannot be written");
  }
  return Status::OK();
}

Status RocksStore::LoadWorkKeys(const std::string& work_id, std::vector<std::string>* keys) const {
  keys->clear();
  std::string value;
  Status s = GetValue(Cf::kWorks, work_id, &value);
  if (!s.ok()) return s;
  Work w;
  if (!DecodeWork(value, &w)) return Corrupt(Cf::kWorks, work_id);
  w.id = work_id;
  *keys = WorkIndexKeys(w);
  return Status::OK();
}

Status RocksStore::PutSource(const SourceRecord& record, PutOutcome* outcome) {
  Status s = RequireWritable();
  if (!s.ok()) return s;
  // RocksDB counts every key comparison in a thread-local perf context
  // unless told not to; evkb never reads those counters, and a write
  // compares keys some 80 times per memtable insert.
  rocksdb::SetPerfLevel(rocksdb::PerfLevel::kDisable);
  if (!claim_cache_) claim_cache_ = std::make_unique<ClaimCache>();
  const Source& src = record.source;
  const std::string where = src.path.empty() ? src.id : src.path;
  if (src.id.empty() || src.path.empty() || HasZeroByte(src.id) || HasZeroByte(src.path)) {
    return Status::InvalidArgument(where + ": a source needs a non-empty id and path");
  }

  std::string value;
  s = GetValue(Cf::kSources, src.id, &value);
  if (s.ok()) {
    *outcome = PutOutcome::kUnchanged;
    return Status::OK();
  }
  if (!s.IsNotFound()) return s;
  std::string old_id;
  s = GetValue(Cf::kSourcePaths, src.path, &old_id);
  if (!s.ok() && !s.IsNotFound()) return s;
  const bool replacing = s.ok();

  // ---- Plan and validate the new contributions before touching anything.
  Planned plan;
  std::map<std::string, const Claim*> record_claims;
  for (const Claim& c : record.claims) {
    if (c.id.empty() || HasZeroByte(c.id) || HasZeroByte(c.subject) || HasZeroByte(c.object)) {
      return Status::InvalidArgument(where + ": claim '" + c.text + "' has an invalid id");
    }
    if (IsObjectGroupName(c.object)) {
      return Status::InvalidArgument(where + ": claim '" + c.text +
                                     "' has an object starting with the byte 01, which the "
                                     "store keeps for object groups");
    }
    record_claims[c.id] = &c;
  }
  for (const Work& w : record.works) {
    if (w.id.empty() || HasZeroByte(w.id)) {
      return Status::InvalidArgument(where + ": work '" + WorkLabel(w) + "' has no id");
    }
    plan.works[w.id] = &w;
    plan.cited.insert(w.id);
  }
  for (const Assertion& a : record.assertions) {
    Assertion bound = a;
    bound.source_id = src.id;
    auto rc = record_claims.find(a.claim_id);
    if (rc != record_claims.end()) {
      plan.claims[a.claim_id] = rc->second;
    } else {
      Status e = GetValue(Cf::kClaims, a.claim_id, &value);
      if (e.IsNotFound() || a.claim_id.empty() || HasZeroByte(a.claim_id)) {
        return Status::InvalidArgument(where + ": the assertion at bytes " +
                                       std::to_string(a.span_begin) + "-" +
                                       std::to_string(a.span_end) + " refers to claim '" +
                                       a.claim_id + "', which is neither in the record nor stored");
      }
      if (!e.ok()) return e;
    }
    for (const WorkLink& link : a.works) plan.cited.insert(link.work_id);
    plan.assertions[AssertionKey(bound)] = std::move(bound);
  }
  for (const Mention& m : record.mentions) {
    Mention bound = m;
    bound.source_id = src.id;
    if (!m.work_id.empty()) plan.cited.insert(m.work_id);
    plan.mentions[MentionKey(bound)] = std::move(bound);
  }
  for (const std::string& work_id : plan.cited) {
    if (plan.works.count(work_id) != 0) continue;
    Status e = GetValue(Cf::kWorks, work_id, &value);
    if (e.IsNotFound() || work_id.empty() || HasZeroByte(work_id)) {
      return Status::InvalidArgument(where + ": cites work '" + work_id +
                                     "', which is neither in the record nor stored");
    }
    if (!e.ok()) return e;
  }

  rocksdb::WriteBatch batch;
  // work_keys changes go to the batch and, once it is written, to the
  // writer's copy of the column family.
  WorkKeyChanges work_key_changes;
  auto put_work_key = [&](std::string key) {
    batch.Put(cf(Cf::kWorkKeys), key, "");
    work_key_changes.Put(std::move(key));
  };
  auto delete_work_key = [&](std::string key) {
    batch.Delete(cf(Cf::kWorkKeys), key);
    work_key_changes.Delete(std::move(key));
  };
  // The stored version of each work the record writes, read in one batch:
  // its level before the batch, and whether the batch changes it.
  std::map<std::string, std::string> stored_works;  // absent: not stored
  {
    std::vector<std::string> ids;
    for (const auto& [id, work] : plan.works) ids.push_back(id);
    s = MultiGetValues(Cf::kWorks, ids, [&](size_t i, std::string_view v) {
      stored_works.emplace(ids[i], v);
      return Status::OK();
    });
    if (!s.ok()) return s;
  }
  Deltas d;
  SummaryUpdater summaries(this, claim_cache_.get());
  summaries.KnowSource(src);
  for (const auto& [id, work] : plan.works) {
    auto stored = stored_works.find(id);
    s = summaries.OverrideWork(*work, stored == stored_works.end() ? nullptr : &stored->second);
    if (!s.ok()) return s;
  }
  if (!object_totals_) object_totals_ = std::make_unique<ObjectTotalsCache>();
  ObjectIndexUpdater objects(this, object_totals_.get());
  objects.KnowClaims(plan.claims);
  for (const auto& [id, work] : plan.works) objects.OverrideWork(*work, summaries.stored_level(id));

  // ---- Remove what the previous version of this path contributed.
  if (replacing) {
    batch.Delete(cf(Cf::kSources), old_id);
    d.sources -= 1;
    std::set<std::string> old_claims, old_works;
    std::vector<Assertion> old_assertions;
    if (s = AssertionsForSource(old_id, &old_assertions); !s.ok()) return s;
    for (const Assertion& a : old_assertions) {
      if (s = summaries.RemoveStored(a); !s.ok()) return s;
    }
    s = ScanPrefix(Cf::kBySource, BySourcePrefix(old_id, kBySourceAssertionTag),
                   [&](std::string_view key, std::string_view) {
                     std::string akey, claim_id, source_id;
                     uint32_t b = 0, e = 0;
                     if (BySourceToAssertionKey(key, &akey) &&
                         ParseAssertionKey(akey, &claim_id, &source_id, &b, &e)) {
                       batch.Delete(cf(Cf::kAssertions), akey);
                       old_claims.insert(claim_id);
                       d.assertions -= 1;
                     }
                     batch.Delete(cf(Cf::kBySource), rocksdb::Slice(key.data(), key.size()));
                     return true;
                   });
    if (!s.ok()) return s;
    s = ScanPrefix(Cf::kBySource, BySourcePrefix(old_id, kBySourceWorkTag),
                   [&](std::string_view key, std::string_view) {
                     std::string work_id;
                     if (ParseBySourceWorkKey(key, &work_id)) {
                       old_works.insert(work_id);
                       batch.Delete(cf(Cf::kByWork), ByWorkKey(work_id, old_id));
                     }
                     batch.Delete(cf(Cf::kBySource), rocksdb::Slice(key.data(), key.size()));
                     return true;
                   });
    if (!s.ok()) return s;
    s = ScanPrefix(Cf::kMentions, MentionPrefix(old_id), [&](std::string_view key, std::string_view) {
      batch.Delete(cf(Cf::kMentions), rocksdb::Slice(key.data(), key.size()));
      d.mentions -= 1;
      return true;
    });
    if (!s.ok()) return s;
    if (s = objects.RemoveSource(old_id, src.path, old_assertions, old_works); !s.ok()) return s;

    // Claims the new version no longer asserts survive only if another
    // source asserts them.
    for (const std::string& claim_id : old_claims) {
      if (plan.claims.count(claim_id) != 0) continue;
      bool shared = false;
      for (const auto& [k, a] : plan.assertions) {
        if (a.claim_id == claim_id) shared = true;
      }
      s = ScanPrefix(Cf::kAssertions, AssertionPrefixForClaim(claim_id),
                     [&](std::string_view key, std::string_view) {
                       std::string c, source_id;
                       uint32_t b = 0, e = 0;
                       if (ParseAssertionKey(key, &c, &source_id, &b, &e) && source_id != old_id) {
                         shared = true;
                       }
                       return !shared;
                     });
      if (!s.ok()) return s;
      if (shared) continue;
      Claim claim;
      s = GetClaim(claim_id, &claim);
      if (s.IsNotFound()) continue;
      if (!s.ok()) return s;
      batch.Delete(cf(Cf::kClaims), claim_id);
      summaries.Forget(claim_id);
      batch.Delete(cf(Cf::kByConcept), ByConceptKey(claim.subject, claim_id));
      batch.Delete(cf(Cf::kByConcept), ByConceptKey(claim.object, claim_id));
      d.claims -= 1;
    }
    // Works survive while any source still cites them.
    for (const std::string& work_id : old_works) {
      if (plan.cited.count(work_id) != 0) continue;
      bool cited = false;
      s = ScanPrefix(Cf::kByWork, ByWorkPrefix(work_id), [&](std::string_view key, std::string_view) {
        cited = SuffixAfterSeparator(key) != old_id;
        return !cited;
      });
      if (!s.ok()) return s;
      if (cited) continue;
      std::vector<std::string> keys;
      s = LoadWorkKeys(work_id, &keys);
      if (s.IsNotFound()) continue;
      if (!s.ok()) return s;
      for (std::string& k : keys) delete_work_key(std::move(k));
      batch.Delete(cf(Cf::kWorks), work_id);
      d.works -= 1;
    }
  }

  // ---- Stored assertions of other sources linking a work whose level
  // changes weigh differently now.
  // A by_work entry lists the citing source's assertions that link the work
  // (ByWorkLinks); an entry without the list (written before it existed)
  // means reading the whole source.
  if (!summaries.changed_works().empty()) {
    std::set<std::string> citing;
    std::map<std::string, Assertion> linking;  // by assertions key
    for (const std::string& work_id : summaries.changed_works()) {
      std::vector<std::string> keys;
      s = ScanPrefix(Cf::kByWork, ByWorkPrefix(work_id), [&](std::string_view key, std::string_view value) {
        std::string source_id(SuffixAfterSeparator(key));
        if (replacing && source_id == old_id) return true;
        if (!ParseByWorkLinks(value, &keys)) citing.insert(std::move(source_id));
        for (std::string& k : keys) linking.try_emplace(std::move(k));
        return true;
      });
      if (!s.ok()) return s;
    }
    for (auto& [key, a] : linking) {
      if (s = AssertionByKey(key, &a); !s.ok()) return s.IsNotFound() ? Corrupt(Cf::kByWork, key) : s;
    }
    std::vector<Assertion> stored;
    for (const std::string& source_id : citing) {
      if (s = AssertionsForSource(source_id, &stored); !s.ok()) return s;
      for (Assertion& a : stored) linking.try_emplace(AssertionKey(a), std::move(a));
    }
    for (const auto& [key, a] : linking) {
      bool links_changed = false;
      for (const WorkLink& link : a.works) {
        links_changed = links_changed || summaries.changed_works().count(link.work_id) != 0;
      }
      if (!links_changed) continue;
      if (s = summaries.Reweigh(a); !s.ok()) return s;
    }
  }

  // ---- Write the new version.
  batch.Put(cf(Cf::kSources), src.id, EncodeSource(src));
  batch.Put(cf(Cf::kSourcePaths), src.path, src.id);
  d.sources += 1;
  for (const auto& [id, claim] : plan.claims) {
    bool stored = false;
    if (s = summaries.IsStored(id, &stored); !s.ok()) return s;
    if (stored) continue;  // a stored claim keeps its index entries
    objects.KnowNewClaim(id);
    d.claims += 1;
    batch.Put(cf(Cf::kByConcept), ByConceptKey(claim->subject, id), "");
    batch.Put(cf(Cf::kByConcept), ByConceptKey(claim->object, id), "");
  }
  for (const auto& [key, a] : plan.assertions) {
    if (s = summaries.AddNew(a); !s.ok()) return s;
    batch.Put(cf(Cf::kAssertions), key, EncodeAssertion(a));
    batch.Put(cf(Cf::kBySource), BySourceAssertionKey(src.id, a.claim_id, a.span_begin, a.span_end),
              "");
    d.assertions += 1;
  }
  for (const auto& [key, m] : plan.mentions) {
    batch.Put(cf(Cf::kMentions), key, EncodeMention(m));
    d.mentions += 1;
  }
  for (const auto& [id, work] : plan.works) {
    std::string encoded = EncodeWork(*work);
    auto was = stored_works.find(id);
    if (was != stored_works.end() && was->second == encoded) continue;  // stored as it is
    if (was == stored_works.end()) {
      d.works += 1;
    } else {
      // An existing work rewritten with more fields (a DOI found later):
      // drop its old index keys first so none dangles.
      Work stored;
      if (!DecodeWork(was->second, &stored)) return Corrupt(Cf::kWorks, id);
      stored.id = id;
      for (std::string& k : WorkIndexKeys(stored)) delete_work_key(std::move(k));
    }
    batch.Put(cf(Cf::kWorks), id, encoded);
    for (std::string& k : WorkIndexKeys(*work)) put_work_key(std::move(k));
  }
  std::map<std::string, std::vector<std::string>> links;  // work id -> assertions keys
  for (const auto& [key, a] : plan.assertions) {
    for (const WorkLink& link : a.works) links[link.work_id].push_back(key);
  }
  for (const std::string& work_id : plan.cited) {
    batch.Put(cf(Cf::kByWork), ByWorkKey(work_id, src.id), EncodeByWorkLinks(links[work_id]));
    batch.Put(cf(Cf::kBySource), BySourceWorkKey(src.id, work_id), "");
  }

  // Claim records (with their evidence summaries) go in last: the claims
  // the record asserts and every stored claim whose summary changed.
  if (s = summaries.Write(plan.claims, &batch); !s.ok()) return s;
  if (s = objects.AddSource(src.id, src.path, plan.assertions, plan.cited); !s.ok()) return s;
  if (s = objects.Write(&batch); !s.ok()) return s;

  s = ApplyDeltas(&batch, {{"sources", d.sources},
                           {"claims", d.claims},
                           {"assertions", d.assertions},
                           {"works", d.works},
                           {"mentions", d.mentions}});
  if (!s.ok()) return s;
  s = FromRocks(db()->Write(rocksdb::WriteOptions(), &batch), path_, "writing source " + where);
  if (!s.ok()) return s;
  summaries.Commit();
  objects.Commit();
  if (work_keys_ != nullptr) work_keys_->Apply(work_key_changes);
  *outcome = replacing ? PutOutcome::kReplaced : PutOutcome::kIngested;
  return Status::OK();
}

Status RocksStore::PutConcepts(const std::vector<Concept>& concepts) {
  Status s = RequireWritable();
  if (!s.ok()) return s;
  rocksdb::WriteBatch batch;
  std::set<std::string> seen;
  int64_t added = 0;
  std::string value;
  for (const Concept& c : concepts) {
    if (c.id.empty()) return Status::InvalidArgument("a concept needs an id");
    if (seen.insert(c.id).second) {
      s = GetValue(Cf::kConcepts, c.id, &value);
      if (s.IsNotFound()) {
        added += 1;
      } else if (!s.ok()) {
        return s;
      }
    }
    batch.Put(cf(Cf::kConcepts), c.id, EncodeConcept(c));
  }
  s = ApplyDeltas(&batch, {{"concepts", added}});
  if (!s.ok()) return s;
  s = FromRocks(db()->Write(rocksdb::WriteOptions(), &batch), path_, "writing concepts");
  if (!s.ok()) return s;
  // The groups of every stored concept, these and any written before.
  std::vector<Concept> stored;
  s = ForEachConcept([&](const Concept& c) {
    stored.push_back(c);
    return true;
  });
  if (!s.ok()) return s;
  ObjectGroups groups = ObjectGroupsOf(stored);
  if (groups == object_groups_) return Status::OK();
  // Said only when there is something to rebuild (not for a new database).
  StoreCounts counts;
  if (s = Counts(&counts); !s.ok()) return s;
  return RebuildObjectIndex(groups, /*announce=*/counts.claims > 0);
}

Status RocksStore::ApplyDeltas(rocksdb::WriteBatch* batch,
                               std::initializer_list<std::pair<const char*, int64_t>> deltas) {
  for (const auto& [entity, delta] : deltas) {
    if (delta == 0) continue;
    std::string key = CountKey(entity), value;
    uint64_t count = 0;
    Status s = GetValue(Cf::kMeta, key, &value);
    if (s.ok() && !GetBE64(value, &count)) return Corrupt(Cf::kMeta, key);
    if (!s.ok() && !s.IsNotFound()) return s;
    int64_t next = static_cast<int64_t>(count) + delta;
    std::string encoded;
    PutBE64(&encoded, static_cast<uint64_t>(next < 0 ? 0 : next));
    batch->Put(cf(Cf::kMeta), key, encoded);
  }
  return Status::OK();
}

}  // namespace kb
