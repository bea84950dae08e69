// RocksStore::Upgrade: bringing a database written by an older evkb up to
// the current schema version, on the first writable open.
//
// Version 1 -> 2: claim records gain their evidence summary ("ev"). Every
// claim's summary is made from its stored assertions; the version is
// written last, so an upgrade cut short is simply done again.
//
// Version 2 -> 3: the top_evidence index (one entry per assertion, by claim,
// side and weight). It is built in the same pass, claim by claim, from the
// same weighing as the summaries (which are rewritten unchanged); entries
// are keyed by the assertion, so writing them again is harmless.
//
// Version 3 -> 4: the by_object index (object_index.h), made from the works,
// by_work entries and sources (kept in memory) and then the claims one object
// at a time: the claims are sorted by object through transient 'o' entries
// of by_object (written in batches as the claims are scanned, read back in
// key order, dropped at the end), each claim's assertions read by prefix and
// let go, so memory grows with neither the claims nor the assertions; the
// entries go out in batches as made. They are a function of the records, so
// an upgrade cut short and done again writes the same keys. A version-3
// database skips the summary pass above. `evkb-ingest --upgrade` then
// rewrites every table in the current layout (Store::Compact), first giving
// the top_evidence entries that older builds left empty their source's path
// and title (FillTopEvidenceValues; no version change: readers take either).
//
// Version 4 -> 5: record values are binary instead of JSON. Readers decode
// both, so nothing is rewritten: a record takes the new form when it is
// next written. Only the version changes.
//
// Version 5 -> 6: by_object may hold object groups (object_groups.h).
// Only the version changes: a database without meta "object_groups" has
// none, and gets them when PutConcepts (every ingest run) next writes a
// hierarchy; RebuildObjectIndex then makes the whole index again, groups
// included. The version keeps builds that would not keep the groups up to
// date from writing to a database that has them.
//
// Version 6 -> 7: work_keys gains an 'n' entry (year and container) for
// each work with a year and no first author, which resolution now reads
// instead of every work of the year and container when the new reference
// has an author. Made from the works in one scan; writing them again is
// harmless.
#include <chrono>
#include <cstdio>

#include "claim_summaries.h"
#include "object_index.h"
#include "store_rocksdb.h"
#include "value_codec.h"
#include "work_key_mirror.h"

namespace kb {
namespace {

std::string SecondsSince(std::chrono::steady_clock::time_point start) {
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f s", s);
  return buf;
}

}  // namespace

Status RocksStore::Upgrade(int from) {
  if (from >= kSchemaVersion) return Status::OK();
  Status s = RequireWritable();
  if (!s.ok()) return s;
  if (claim_cache_) claim_cache_->Clear();      // claim records are rewritten below
  if (object_totals_) object_totals_->Clear();  // and by_object
  const auto start = std::chrono::steady_clock::now();
  if (from < 4) {
    Notice("upgrading from schema version " + std::to_string(from) + " to " +
           std::to_string(kSchemaVersion) + ": rebuilding " +
           (from < 3 ? "the claims' summaries and " : "") +
           "the sources index from every claim and assertion");
  }
  if (from < 3 && !(s = UpgradeSummaries()).ok()) return s;
  if (from < 4 && !(s = BuildObjectIndex()).ok()) return s;
  if (from < 4) Notice("rebuilt in " + SecondsSince(start));
  if (from < 7 && !(s = AddAuthorlessWorkKeys()).ok()) return s;
  rocksdb::WriteBatch batch;
  batch.Put(cf(Cf::kMeta), kSchemaVersionKey.data(), std::to_string(kSchemaVersion));
  rocksdb::WriteOptions wo;
  wo.sync = true;
  s = FromRocks(db()->Write(wo, &batch), path_,
                "upgrading from schema version " + std::to_string(from));
  // What the upgrade wrote is still in the write-ahead log, which every
  // later open (a read-only one included) would replay: flushed, it is not.
  return s.ok() ? Flush() : s;
}

Status RocksStore::AddAuthorlessWorkKeys() {
  rocksdb::WriteBatch batch;
  Status bad;
  Status s = ScanPrefix(Cf::kWorks, "", [&](std::string_view key, std::string_view value) {
    Work w;
    if (!DecodeWork(value, &w)) {
      bad = Corrupt(Cf::kWorks, key);
      return false;
    }
    w.id = std::string(key);
    if (std::string k = WorkKeyAuthorless(w); !k.empty()) batch.Put(cf(Cf::kWorkKeys), k, "");
    return true;
  });
  if (!s.ok()) return s;
  if (!bad.ok()) return bad;
  if (work_keys_ != nullptr) work_keys_->Clear();
  return FromRocks(db()->Write(rocksdb::WriteOptions(), &batch), path_, "adding work_keys");
}

Status RocksStore::BuildObjectIndex() {
  // Works, citations and sources first (what the builder keeps), then the
  // claims sorted by object, each with its assertions: the index's entries
  // stream out object by object into batches.
  constexpr size_t kWritesPerBatch = 10000;
  rocksdb::WriteBatch batch;
  ObjectIndexBuilder builder([&](const std::string& key, const std::string& value) {
    batch.Put(cf(Cf::kByObject), key, value);
    if (batch.Count() < kWritesPerBatch) return Status::OK();
    Status s = FromRocks(db()->Write(rocksdb::WriteOptions(), &batch), path_, "building by_object");
    batch.Clear();
    return s;
  });
  Status bad;
  auto scan = [&](Cf c, std::string_view prefix,
                  const std::function<bool(std::string_view, std::string_view)>& fn) {
    Status s = ScanPrefix(c, prefix, fn);
    return s.ok() ? bad : s;
  };
  Status s = scan(Cf::kWorks, "", [&](std::string_view key, std::string_view value) {
    Work w;
    if (!DecodeWork(value, &w)) bad = Corrupt(Cf::kWorks, key);
    builder.AddWork(std::string(key), w.level);
    return bad.ok();
  });
  if (s.ok()) {
    s = scan(Cf::kByWork, "", [&](std::string_view key, std::string_view) {
      builder.AddCitation(std::string(key.substr(0, key.find('\0'))));
      return true;
    });
  }
  if (s.ok()) {
    s = scan(Cf::kSources, "", [&](std::string_view key, std::string_view value) {
      Source src;
      if (!DecodeSource(value, &src)) bad = Corrupt(Cf::kSources, key);
      builder.AddSource(std::string(key), src.path);
      return bad.ok();
    });
  }
  if (!s.ok()) return s;
  // The claims sorted by object without holding them: one transient 'o'
  // entry per claim, written as the claims are scanned and read back in
  // key order, then dropped.
  rocksdb::WriteBatch sorted;
  auto write_sorted = [&]() {
    Status w =
        FromRocks(db()->Write(rocksdb::WriteOptions(), &sorted), path_, "building by_object");
    sorted.Clear();
    return w;
  };
  s = scan(Cf::kClaims, "", [&](std::string_view key, std::string_view value) {
    Claim c;
    if (!DecodeClaim(value, &c)) {
      bad = Corrupt(Cf::kClaims, key);
    } else {
      // Once under its object and once under each of its groups.
      sorted.Put(cf(Cf::kByObject), ObjectUpgradeClaimKey(c.object, key), "");
      auto groups = groups_by_object_.find(c.object);
      if (groups != groups_by_object_.end()) {
        for (const std::string& g : groups->second) {
          sorted.Put(cf(Cf::kByObject), ObjectUpgradeClaimKey(g, key), "");
        }
      }
      if (sorted.Count() >= kWritesPerBatch) bad = write_sorted();
    }
    return bad.ok();
  });
  if (s.ok()) s = write_sorted();
  if (!s.ok()) return s;
  const std::string first(1, kObjectUpgradeClaimTag);
  const std::string past(1, static_cast<char>(kObjectUpgradeClaimTag + 1));
  std::vector<Assertion> assertions;
  s = scan(Cf::kByObject, first, [&](std::string_view key, std::string_view) {
    // 'o' object 00 claim_id
    const size_t sep = key.find('\0');
    if (sep == std::string_view::npos) {
      bad = Corrupt(Cf::kByObject, key);
      return false;
    }
    const std::string claim_id(key.substr(sep + 1));
    if (bad = AssertionsForClaim(claim_id, &assertions); !bad.ok()) return false;
    bad = builder.AddClaim(claim_id, std::string(key.substr(1, sep - 1)), assertions);
    return bad.ok();
  });
  if (!s.ok()) return s;
  if (s = builder.Finish(); !s.ok()) return s;
  if (s = FromRocks(db()->Write(rocksdb::WriteOptions(), &batch), path_, "building by_object");
      !s.ok()) {
    return s;
  }
  return FromRocks(db()->DeleteRange(rocksdb::WriteOptions(), cf(Cf::kByObject), first, past),
                   path_, "building by_object");
}

Status RocksStore::RebuildObjectIndex(const ObjectGroups& groups, bool announce) {
  Status s = RequireWritable();
  if (!s.ok()) return s;
  const auto start = std::chrono::steady_clock::now();
  if (announce) {
    Notice(
        "the concept hierarchy differs from the one the sources index was built with: "
        "rebuilding it from every claim and assertion");
  }
  // First no groups on record, so that a rebuild cut short is noticed
  // (the groups differ) and done again.
  s = FromRocks(db()->Delete(rocksdb::WriteOptions(), cf(Cf::kMeta), kObjectGroupsKey.data()),
                path_, "rebuilding by_object");
  if (!s.ok()) return s;
  object_groups_.clear();
  groups_by_object_.clear();
  if (object_totals_) object_totals_->Clear();
  // Every by_object key starts with one of its tag bytes, all below 0x7f.
  const std::string all_end(1, '\x7f');
  s = FromRocks(db()->DeleteRange(rocksdb::WriteOptions(), cf(Cf::kByObject), "", all_end), path_,
                "rebuilding by_object");
  if (!s.ok()) return s;
  object_groups_ = groups;
  groups_by_object_ = InvertObjectGroups(groups);
  if (s = BuildObjectIndex(); !s.ok()) return s;
  if (!groups.empty()) {
    rocksdb::WriteOptions wo;
    wo.sync = true;
    s = FromRocks(db()->Put(wo, cf(Cf::kMeta), kObjectGroupsKey.data(), EncodeObjectGroups(groups)),
                  path_, "rebuilding by_object");
  }
  if (s.ok() && announce) Notice("sources index rebuilt in " + SecondsSince(start));
  return s;
}

Status RocksStore::UpgradeSummaries() {
  Status s;
  std::map<std::string, int> level_of;
  Status bad;
  s = ScanPrefix(Cf::kWorks, "", [&](std::string_view key, std::string_view value) {
    Work w;
    if (!DecodeWork(value, &w)) {
      bad = Corrupt(Cf::kWorks, key);
      return false;
    }
    level_of[std::string(key)] = w.level;
    return true;
  });
  if (s.ok()) s = bad;
  if (!s.ok()) return s;
  std::vector<std::pair<std::string, Claim>> claims;
  s = ScanPrefix(Cf::kClaims, "", [&](std::string_view key, std::string_view value) {
    Claim c;
    if (!DecodeClaim(value, &c)) {
      bad = Corrupt(Cf::kClaims, key);
      return false;
    }
    claims.emplace_back(std::string(key), std::move(c));
    return true;
  });
  if (s.ok()) s = bad;
  if (!s.ok()) return s;

  SourceListings listings(this);
  constexpr size_t kWritesPerBatch = 1000;
  rocksdb::WriteBatch batch;
  std::vector<Assertion> assertions;
  for (size_t i = 0; i < claims.size(); ++i) {
    if (s = AssertionsForClaim(claims[i].first, &assertions); !s.ok()) return s;
    batch.Put(cf(Cf::kClaims), claims[i].first,
              EncodeClaim(claims[i].second, SummarizeAssertions(assertions, level_of)));
    for (const Assertion& a : assertions) {
      // An assertion whose source is missing gets an empty value, as
      // builds before the values wrote (Verify reports the assertion).
      const std::string* listing = nullptr;
      s = listings.Of(a.source_id, &listing);
      if (!s.ok() && !s.IsNotFound()) return s;
      batch.Put(cf(Cf::kTopEvidence), TopEvidenceKeyOf(a, WeighWithLevels(a, level_of)),
                s.ok() ? *listing : std::string());
    }
    if (batch.Count() >= kWritesPerBatch) {
      s = FromRocks(db()->Write(rocksdb::WriteOptions(), &batch), path_, "upgrading claims");
      if (!s.ok()) return s;
      batch.Clear();
    }
  }
  return FromRocks(db()->Write(rocksdb::WriteOptions(), &batch), path_, "upgrading claims");
}

Status RocksStore::FillTopEvidenceValues() {
  Status s = RequireWritable();
  if (!s.ok()) return s;
  // The iterator reads one snapshot, so the batches written while it runs
  // do not move under it; an upgrade cut short leaves some entries empty,
  // which readers take, and a second run fills them.
  constexpr size_t kWritesPerBatch = 10000;
  rocksdb::WriteBatch batch;
  SourceListings listings(this);
  Status bad;
  s = ScanPrefix(Cf::kTopEvidence, "", [&](std::string_view key, std::string_view value) {
    if (!value.empty()) return true;
    std::string akey, claim_id, source_id;
    Stance side = Stance::kAsserts;
    double weight = 0;
    uint32_t begin = 0, end = 0;
    if (!ParseTopEvidenceKey(key, &akey, &side, &weight) ||
        !ParseAssertionKey(akey, &claim_id, &source_id, &begin, &end)) {
      bad = Corrupt(Cf::kTopEvidence, key);
      return false;
    }
    const std::string* listing = nullptr;
    if (bad = listings.Of(source_id, &listing); !bad.ok()) {
      if (bad.IsNotFound()) bad = Corrupt(Cf::kTopEvidence, key);
      return false;
    }
    batch.Put(cf(Cf::kTopEvidence), rocksdb::Slice(key.data(), key.size()), *listing);
    if (batch.Count() >= kWritesPerBatch) {
      bad = FromRocks(db()->Write(rocksdb::WriteOptions(), &batch), path_, "filling top_evidence");
      batch.Clear();
      if (!bad.ok()) return false;
    }
    return true;
  });
  if (s.ok()) s = bad;
  if (!s.ok()) return s;
  return FromRocks(db()->Write(rocksdb::WriteOptions(), &batch), path_, "filling top_evidence");
}

}  // namespace kb
