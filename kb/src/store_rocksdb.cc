// RocksStore reads: point lookups, index reads and scans.
#include "store_rocksdb.h"

#include <algorithm>
#include <set>

#include "record_cache.h"
#include "value_codec.h"
#include "work_key_mirror.h"

namespace kb {

namespace {

template <typename T>
Status DecodeInto(const RocksStore& store, Cf c, std::string_view key, std::string_view value,
                  bool (*decode)(std::string_view, T*), T* out) {
  if (!decode(value, out)) return store.Corrupt(c, key);
  return Status::OK();
}

template <typename T>
Status GetRecord(const RocksStore& store, Cf c, const std::string& id,
                 bool (*decode)(std::string_view, T*), T* out) {
  std::string value;
  Status s = store.GetValue(c, id, &value);
  if (!s.ok()) return s;
  return DecodeInto(store, c, id, value, decode, out);
}

// The records of `keys`, null where the store has none: those the store's
// record cache holds from there, the others read in one batch (and kept,
// found or not).
template <typename T>
Status GetSharedRecords(const RocksStore& store, const std::vector<std::string>& keys,
                        bool (*decode)(std::string_view, T*),
                        std::vector<std::shared_ptr<const T>>* out) {
  constexpr Cf c = RecordCache::CfOf<T>();
  out->assign(keys.size(), nullptr);
  RecordCache* cache = store.records();
  std::vector<size_t> unread;  // indexes into keys
  for (size_t i = 0; i < keys.size(); ++i) {
    if (cache == nullptr || !cache->Lookup(keys[i], &(*out)[i])) unread.push_back(i);
  }
  if (unread.empty()) return Status::OK();
  std::vector<std::string> some;  // the keys to read, when not all of them
  if (unread.size() < keys.size()) {
    some.reserve(unread.size());
    for (size_t i : unread) some.push_back(keys[i]);
  }
  Status s =
      store.MultiGetValues(c, some.empty() ? keys : some, [&](size_t j, std::string_view value) {
        const size_t i = unread[j];
        auto record = std::make_shared<T>();
        Status d = DecodeInto(store, c, keys[i], value, decode, record.get());
        if (!d.ok()) return d;
        (*out)[i] = record;
        if (cache != nullptr) cache->Insert<T>(keys[i], std::move(record), value.size());
        return Status::OK();
      });
  if (!s.ok() || cache == nullptr) return s;
  for (size_t i : unread) {
    if ((*out)[i] == nullptr) cache->Insert<T>(keys[i], nullptr, 0);
  }
  return Status::OK();
}

// GetRecord for the record types a reader keeps (record_cache.h): through
// the store's record cache when it keeps one.
template <typename T>
Status GetKeptRecord(const RocksStore& store, const std::string& key,
                     bool (*decode)(std::string_view, T*), T* out) {
  if (store.records() == nullptr) return GetRecord(store, RecordCache::CfOf<T>(), key, decode, out);
  std::vector<std::shared_ptr<const T>> kept;
  Status s = GetSharedRecords(store, {key}, decode, &kept);
  if (!s.ok()) return s;
  if (kept[0] == nullptr) return Status::NotFound(key);
  *out = *kept[0];
  return Status::OK();
}

bool DecodeClaimRecord(std::string_view value, ClaimRecord* out) {
  return DecodeClaimWithSummary(value, &out->claim, &out->summary);
}

template <typename T>
Status ScanRecords(const RocksStore& store, Cf c, std::string_view prefix,
                   bool (*decode)(std::string_view, T*), const std::function<bool(const T&)>& fn) {
  Status bad;
  Status s = store.ScanPrefix(c, prefix, [&](std::string_view key, std::string_view value) {
    T record;
    bad = DecodeInto(store, c, key, value, decode, &record);
    if (!bad.ok()) return false;
    return fn(record);
  });
  return s.ok() ? bad : s;
}

Status CollectSuffixes(const RocksStore& store, Cf c, const std::string& prefix,
                       std::vector<std::string>* out) {
  out->clear();
  return store.ScanPrefix(c, prefix, [&](std::string_view key, std::string_view) {
    out->emplace_back(key.substr(prefix.size()));
    return true;
  });
}

}  // namespace

rocksdb::ReadOptions RocksStore::ReadOpts() const {
  rocksdb::ReadOptions ro;
  // A reader's queries touch many blocks once each; the block checksums are
  // still verified by writers (ingest reads through them) and by Verify.
  if (read_only_) ro.verify_checksums = false;
  return ro;
}

namespace {

// Iterators a reader keeps per column family: as many as threads reading
// one family at once, in practice.
constexpr size_t kMaxFreeIterators = 8;

}  // namespace

void RocksStore::IteratorReturn::operator()(rocksdb::Iterator* it) const {
  if (it != nullptr && store->ReusesIterators() && it->status().ok()) {
    std::lock_guard<std::mutex> lock(store->free_iterators_mu_);
    auto& list = store->free_iterators_[static_cast<int>(cf)];
    if (list.size() < kMaxFreeIterators) {
      list.emplace_back(it);
      return;
    }
  }
  delete it;
}

RocksStore::IteratorPtr RocksStore::NewIter(Cf c) const {
  if (ReusesIterators()) {
    std::lock_guard<std::mutex> lock(free_iterators_mu_);
    auto& list = free_iterators_[static_cast<int>(c)];
    if (!list.empty()) {
      IteratorPtr it(list.back().release(), IteratorReturn{this, c});
      list.pop_back();
      return it;
    }
  }
  return IteratorPtr(db()->NewIterator(ReadOpts(), cf(c)), IteratorReturn{this, c});
}

Status RocksStore::GetValue(Cf c, std::string_view key, std::string* value) const {
  const rocksdb::Slice k(key.data(), key.size());
  rocksdb::Status s;
  if (read_only_) {
    // RocksDB 7.8's read-only Get replays a row-cache hit with a sequence
    // number its own read callback rejects, so a row read twice is NotFound
    // the second time; MultiGet reads without that callback.
    rocksdb::PinnableSlice pinned;
    db()->MultiGet(ReadOpts(), cf(c), 1, &k, &pinned, &s);
    if (s.ok()) value->assign(pinned.data(), pinned.size());
  } else {
    s = db()->Get(ReadOpts(), cf(c), k, value);
  }
  if (s.IsNotFound()) return Status::NotFound(std::string(key));
  return FromRocks(s, path_, std::string("reading ") + CfSpecOf(c).name);
}

Status RocksStore::ScanPrefix(
    Cf c, std::string_view prefix,
    const std::function<bool(std::string_view, std::string_view)>& fn) const {
  IteratorPtr it = NewIter(c);
  for (it->Seek(rocksdb::Slice(prefix.data(), prefix.size())); it->Valid(); it->Next()) {
    std::string_view key(it->key().data(), it->key().size());
    if (!StartsWith(key, prefix)) break;
    if (!fn(key, std::string_view(it->value().data(), it->value().size()))) break;
  }
  return FromRocks(it->status(), path_, std::string("scanning ") + CfSpecOf(c).name);
}

Status RocksStore::ScanPrefixes(Cf c, const std::vector<std::string>& prefixes,
                                const std::function<bool(size_t, std::string_view)>& fn,
                                const std::function<bool(size_t)>& wanted) const {
  std::vector<size_t> order(prefixes.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return prefixes[a] < prefixes[b]; });
  IteratorPtr it = NewIter(c);
  // The last prefix read whole, the iterator standing on the first key
  // after its keys: if that key is at or past the next prefix (and the next
  // does not start with the last, whose keys would hold its own), it is
  // also the first key at or past the next, and a seek, which costs far
  // more than a step, would land on it again.
  const std::string* whole = nullptr;
  for (size_t k = 0; k < order.size() && it->status().ok(); ++k) {
    const size_t i = order[k];
    if (wanted != nullptr && !wanted(i)) continue;
    const std::string& prefix = prefixes[i];
    if (whole == nullptr || StartsWith(prefix, *whole) ||
        (it->Valid() && it->key().compare(prefix) < 0)) {
      it->Seek(prefix);
    }
    whole = &prefix;
    for (; it->Valid(); it->Next()) {
      std::string_view key(it->key().data(), it->key().size());
      if (!StartsWith(key, prefix)) break;
      if (!fn(i, key)) {
        whole = nullptr;
        break;
      }
    }
  }
  return FromRocks(it->status(), path_, std::string("scanning ") + CfSpecOf(c).name);
}

Status RocksStore::Corrupt(Cf c, std::string_view key) const {
  std::string printable;
  for (char ch : key) printable += (ch == '\0') ? '|' : ch;
  return Status::Corruption(path_ + ": unreadable record '" + printable + "' in column family '" +
                            CfSpecOf(c).name +
                            "'; restore the database from a backup or re-ingest into a fresh --db");
}

Status RocksStore::GetSource(const std::string& id, Source* out) {
  return GetKeptRecord(*this, id, DecodeSource, out);
}

Status RocksStore::FindSourceByPath(const std::string& path, Source* out) {
  std::string id;
  Status s = GetValue(Cf::kSourcePaths, path, &id);
  if (!s.ok()) return s;
  s = GetSource(id, out);
  if (s.IsNotFound()) return Corrupt(Cf::kSourcePaths, path);  // dangling path entry
  return s;
}

Status RocksStore::GetClaim(const std::string& id, Claim* out) {
  if (records() == nullptr) return GetRecord(*this, Cf::kClaims, id, DecodeClaim, out);
  ClaimRecord record;
  Status s = GetKeptRecord(*this, id, DecodeClaimRecord, &record);
  if (s.ok()) *out = std::move(record.claim);
  return s;
}

Status RocksStore::GetClaimSummary(const std::string& id, EvidenceSummary* out) {
  if (records() == nullptr) return GetRecord(*this, Cf::kClaims, id, DecodeClaimSummary, out);
  ClaimRecord record;
  Status s = GetKeptRecord(*this, id, DecodeClaimRecord, &record);
  if (s.ok()) *out = std::move(record.summary);
  return s;
}

Status RocksStore::GetWork(const std::string& id, Work* out) {
  return GetKeptRecord(*this, id, DecodeWork, out);
}

Status RocksStore::GetConcept(const std::string& id, Concept* out) {
  return GetRecord(*this, Cf::kConcepts, id, DecodeConcept, out);
}

Status RocksStore::MultiGetValues(Cf c, const std::vector<std::string>& keys,
                                  const std::function<Status(size_t, std::string_view)>& fn) const {
  // In slices, so the pinned values of a long list stay bounded.
  constexpr size_t kBatch = 256;
  std::vector<rocksdb::Slice> slices;
  std::vector<rocksdb::PinnableSlice> values(std::min(kBatch, keys.size()));
  std::vector<rocksdb::Status> statuses(values.size());
  const rocksdb::ReadOptions ro = ReadOpts();
  for (size_t begin = 0; begin < keys.size(); begin += kBatch) {
    const size_t n = std::min(kBatch, keys.size() - begin);
    slices.clear();
    for (size_t i = 0; i < n; ++i) {
      slices.emplace_back(keys[begin + i]);
      values[i].Reset();
    }
    // Keys given in order (ids read in a batch mostly are) spare RocksDB
    // sorting them again.
    const bool sorted = std::is_sorted(
        slices.begin(), slices.end(),
        [](const rocksdb::Slice& a, const rocksdb::Slice& b) { return a.compare(b) < 0; });
    db()->MultiGet(ro, cf(c), n, slices.data(), values.data(), statuses.data(), sorted);
    for (size_t i = 0; i < n; ++i) {
      if (statuses[i].IsNotFound()) continue;
      if (!statuses[i].ok()) {
        return FromRocks(statuses[i], path_, std::string("reading ") + CfSpecOf(c).name);
      }
      Status s = fn(begin + i, std::string_view(values[i].data(), values[i].size()));
      if (!s.ok()) return s;
    }
  }
  return Status::OK();
}

namespace {

// Decodes each found value of `keys` into (*out)[i], marking (*found)[i]:
// through the record cache (copies of what it keeps) when the store keeps
// one.
template <typename T>
Status GetRecords(const RocksStore& store, const std::vector<std::string>& keys,
                  bool (*decode)(std::string_view, T*), std::vector<T>* out,
                  std::vector<bool>* found) {
  constexpr Cf c = RecordCache::CfOf<T>();
  out->assign(keys.size(), T());
  found->assign(keys.size(), false);
  if (store.records() == nullptr) {
    return store.MultiGetValues(c, keys, [&](size_t i, std::string_view value) {
      Status s = DecodeInto(store, c, keys[i], value, decode, &(*out)[i]);
      if (s.ok()) (*found)[i] = true;
      return s;
    });
  }
  std::vector<std::shared_ptr<const T>> shared;
  Status s = GetSharedRecords(store, keys, decode, &shared);
  if (!s.ok()) return s;
  for (size_t i = 0; i < keys.size(); ++i) {
    if (shared[i] == nullptr) continue;
    (*out)[i] = *shared[i];
    (*found)[i] = true;
  }
  return Status::OK();
}

}  // namespace

Status RocksStore::GetSources(const std::vector<std::string>& ids, std::vector<Source>* out,
                              std::vector<bool>* found) {
  return GetRecords(*this, ids, DecodeSource, out, found);
}

Status RocksStore::GetWorks(const std::vector<std::string>& ids, std::vector<Work>* out,
                            std::vector<bool>* found) {
  return GetRecords(*this, ids, DecodeWork, out, found);
}

Status RocksStore::GetClaimRecords(const std::vector<std::string>& ids,
                                   std::vector<std::shared_ptr<const ClaimRecord>>* out) {
  return GetSharedRecords(*this, ids, DecodeClaimRecord, out);
}

Status RocksStore::ClaimsByConcept(const std::string& concept_id,
                                   std::vector<std::string>* claim_ids) {
  // A sources report reads the claims about every concept below its
  // benefit: a reader keeps the lists, as it keeps the claims.
  std::vector<std::vector<std::string>> lists;
  Status s = ReadThroughKept<ConceptClaims>(
      records(), {concept_id}, 0,
      [&](const std::vector<size_t>&, std::vector<std::vector<std::string>>* out) {
        return CollectSuffixes(*this, Cf::kByConcept, ByConceptPrefix(concept_id), &(*out)[0]);
      },
      &lists);
  if (s.ok()) *claim_ids = std::move(lists[0]);
  return s;
}

Status RocksStore::AssertionsForClaim(const std::string& claim_id, std::vector<Assertion>* out) {
  out->clear();
  return ScanRecords<Assertion>(*this, Cf::kAssertions, AssertionPrefixForClaim(claim_id),
                                DecodeAssertion, [&](const Assertion& a) {
                                  out->push_back(a);
                                  return true;
                                });
}

Status RocksStore::TopAssertionsForClaim(const std::string& claim_id, size_t per_side,
                                         std::vector<RankedAssertion>* affirming,
                                         std::vector<RankedAssertion>* denying) {
  if (affirming != nullptr) affirming->clear();
  if (denying != nullptr) denying->clear();
  if (per_side == 0 || (affirming == nullptr && denying == nullptr)) return Status::OK();
  RecordCache* cache = records();
  IteratorPtr it(nullptr, IteratorReturn{this, Cf::kTopEvidence});
  for (Stance side : {Stance::kAsserts, Stance::kDenies}) {
    std::vector<RankedAssertion>* out = side == Stance::kAsserts ? affirming : denying;
    if (out == nullptr) continue;
    const std::string prefix = TopEvidencePrefix(claim_id, side);
    std::shared_ptr<const TopEvidenceList> kept;
    if (cache != nullptr && cache->Lookup(prefix, &kept) && kept != nullptr &&
        (kept->asked >= per_side || kept->items.size() < kept->asked)) {
      out->assign(kept->items.begin(), kept->items.begin() + static_cast<std::ptrdiff_t>(std::min(
                                                                 kept->items.size(), per_side)));
      continue;
    }
    if (it == nullptr) it = NewIter(Cf::kTopEvidence);
    size_t stored_bytes = 0;
    it->Seek(prefix);
    for (; it->Valid(); it->Next()) {
      std::string_view key(it->key().data(), it->key().size());
      if (!StartsWith(key, prefix)) break;
      stored_bytes += key.size() + it->value().size();
      RankedAssertion& r = out->emplace_back();
      Stance stance = side;
      std::string_view source_id;
      if (!ParseTopEvidenceKey(key, &stance, &r.weight, &source_id, &r.span_begin, &r.span_end)) {
        return Corrupt(Cf::kTopEvidence, key);
      }
      r.claim_id = claim_id;
      r.source_id = source_id;
      r.source_known =
          ParseTopEvidenceValue(std::string_view(it->value().data(), it->value().size()),
                                &r.source_path, &r.source_title);
      if (out->size() == per_side) break;
    }
    if (!it->status().ok()) break;  // a later seek could clear the error
    if (cache != nullptr) {
      cache->Insert<TopEvidenceList>(
          prefix, std::make_shared<TopEvidenceList>(TopEvidenceList{*out, per_side}), stored_bytes);
    }
  }
  return it == nullptr ? Status::OK() : FromRocks(it->status(), path_, "scanning top_evidence");
}

Status RocksStore::GetAssertion(const RankedAssertion& ref, Assertion* out) {
  return GetKeptRecord(*this,
                       AssertionKey(ref.claim_id, ref.source_id, ref.span_begin, ref.span_end),
                       DecodeAssertion, out);
}

Status RocksStore::GetAssertions(const std::vector<const RankedAssertion*>& refs,
                                 std::vector<Assertion>* out, std::vector<bool>* found) {
  std::vector<std::string> keys;
  keys.reserve(refs.size());
  for (const RankedAssertion* r : refs) {
    keys.push_back(AssertionKey(r->claim_id, r->source_id, r->span_begin, r->span_end));
  }
  return GetRecords(*this, keys, DecodeAssertion, out, found);
}

Status RocksStore::AssertionByKey(const std::string& key, Assertion* out) {
  return GetKeptRecord(*this, key, DecodeAssertion, out);
}

Status RocksStore::AssertionsForSource(const std::string& source_id, std::vector<Assertion>* out) {
  out->clear();
  std::vector<std::string> keys;
  Status s = ScanPrefix(Cf::kBySource, BySourcePrefix(source_id, kBySourceAssertionTag),
                        [&](std::string_view key, std::string_view) {
                          keys.emplace_back(key);
                          return true;
                        });
  if (!s.ok()) return s;
  for (const std::string& key : keys) {
    std::string akey, value;
    if (!BySourceToAssertionKey(key, &akey)) return Corrupt(Cf::kBySource, key);
    s = GetValue(Cf::kAssertions, akey, &value);
    if (s.IsNotFound()) return Corrupt(Cf::kBySource, key);  // dangling index entry
    if (!s.ok()) return s;
    Assertion a;
    s = DecodeInto(*this, Cf::kAssertions, akey, value, DecodeAssertion, &a);
    if (!s.ok()) return s;
    out->push_back(std::move(a));
  }
  return Status::OK();
}

Status RocksStore::MentionsForSource(const std::string& source_id, std::vector<Mention>* out) {
  out->clear();
  return ScanRecords<Mention>(*this, Cf::kMentions, MentionPrefix(source_id), DecodeMention,
                              [&](const Mention& m) {
                                out->push_back(m);
                                return true;
                              });
}

Status RocksStore::SourcesCitingWork(const std::string& work_id,
                                     std::vector<std::string>* source_ids) {
  return CollectSuffixes(*this, Cf::kByWork, ByWorkPrefix(work_id), source_ids);
}

Status RocksStore::SourcesCitingWorks(const std::vector<std::string>& work_ids, size_t limit,
                                      std::vector<std::vector<std::string>>* out) {
  // The heads of these lists are what a sources report shows of each work:
  // a reader keeps them.
  return ReadThroughKept<CitingSources>(
      records(), work_ids, limit,
      [&](const std::vector<size_t>& unread, std::vector<std::vector<std::string>>* lists) {
        std::vector<std::string> prefixes;
        prefixes.reserve(unread.size());
        for (size_t i : unread) prefixes.push_back(ByWorkPrefix(work_ids[i]));
        return ScanPrefixes(Cf::kByWork, prefixes, [&](size_t j, std::string_view key) {
          std::vector<std::string>& ids = (*lists)[unread[j]];
          ids.emplace_back(key.substr(prefixes[j].size()));
          return limit == 0 || ids.size() < limit;
        });
      },
      out);
}

Status RocksStore::WorksCitedBySource(const std::string& source_id,
                                      std::vector<std::string>* work_ids) {
  return CollectSuffixes(*this, Cf::kBySource, BySourcePrefix(source_id, kBySourceWorkTag),
                         work_ids);
}

Status RocksStore::WorkCandidateIds(const Work& w, std::vector<std::string>* ids) {
  ids->clear();
  std::vector<std::string> prefixes;
  if (!w.doi.empty()) prefixes.push_back(WorkKeyDoiPrefix(w.doi));
  const bool has_author = HasFirstAuthor(w);
  if (has_author && w.year != 0) {
    // Works of that author a year either side (citations disagree by one),
    // and those with no year: a prolific author's other years are skipped.
    const std::string& family = w.authors[0].family;
    for (int y : {0, w.year - 1, w.year, w.year + 1}) {
      prefixes.push_back(WorkKeyAuthorYearPrefix(family, y));
    }
  } else if (has_author) {
    prefixes.push_back(WorkKeyAuthorPrefix(w.authors[0].family));
  }
  if (w.year != 0 && !w.container.empty()) {
    // A work with a first author matches another of the same year and
    // venue only when that one has none (citations::SameWork; a shared
    // author is found by its own key): the authorless ones suffice, where
    // every work of a busy journal's year would be read and compared.
    prefixes.push_back(has_author ? WorkKeyAuthorlessPrefix(w.year, w.container)
                                  : WorkKeyYearContainerPrefix(w.year, w.container));
  } else if (w.year != 0 && !has_author) {
    // "A 2019 review": the year is all there is to go on.
    prefixes.push_back(WorkKeyYearPrefix(w.year));
  }
  std::set<std::string> unique;
  auto collect = [&](size_t, std::string_view key) {
    unique.emplace(WorkKeyWorkId(key));
    return true;
  };
  if (work_keys_ != nullptr && work_keys_->WantsLoad()) {
    std::vector<std::string> keys;
    Status s = ScanPrefix(Cf::kWorkKeys, "", [&](std::string_view key, std::string_view) {
      keys.emplace_back(key);
      return true;
    });
    if (!s.ok()) return s;
    work_keys_->Load(std::move(keys));
  }
  if (work_keys_ != nullptr && work_keys_->loaded()) {
    work_keys_->ScanPrefixes(prefixes, collect);
  } else if (Status s = ScanPrefixes(Cf::kWorkKeys, prefixes, collect); !s.ok()) {
    return s;
  }
  ids->assign(unique.begin(), unique.end());
  return Status::OK();
}

Status RocksStore::ForEachSource(const std::function<bool(const Source&)>& fn) {
  return ScanRecords(*this, Cf::kSources, "", DecodeSource, fn);
}

Status RocksStore::ForEachClaim(const std::function<bool(const Claim&)>& fn) {
  return ScanRecords(*this, Cf::kClaims, "", DecodeClaim, fn);
}

Status RocksStore::ForEachAssertion(const std::function<bool(const Assertion&)>& fn) {
  return ScanRecords(*this, Cf::kAssertions, "", DecodeAssertion, fn);
}

Status RocksStore::ForEachWork(const std::function<bool(const Work&)>& fn) {
  return ScanRecords(*this, Cf::kWorks, "", DecodeWork, fn);
}

Status RocksStore::ForEachMention(const std::function<bool(const Mention&)>& fn) {
  return ScanRecords(*this, Cf::kMentions, "", DecodeMention, fn);
}

Status RocksStore::ForEachConcept(const std::function<bool(const Concept&)>& fn) {
  return ScanRecords(*this, Cf::kConcepts, "", DecodeConcept, fn);
}

Status RocksStore::Counts(StoreCounts* out) {
  *out = StoreCounts();
  struct Entry {
    const char* entity;
    uint64_t* field;
  } entries[] = {{"sources", &out->sources},   {"claims", &out->claims},
                 {"assertions", &out->assertions}, {"works", &out->works},
                 {"mentions", &out->mentions}, {"concepts", &out->concepts}};
  for (const Entry& e : entries) {
    std::string value;
    Status s = GetValue(Cf::kMeta, CountKey(e.entity), &value);
    if (s.IsNotFound()) continue;
    if (!s.ok()) return s;
    if (!GetBE64(value, e.field) || value.size() != 8) return Corrupt(Cf::kMeta, CountKey(e.entity));
  }
  return Status::OK();
}

}  // namespace kb
