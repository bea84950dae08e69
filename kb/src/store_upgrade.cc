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
// at a time, each claim's assertions read by prefix and let go, so memory
// does not grow with the assertions; the entries go out in batches as made.
// They are a function of the records, so an upgrade cut short and done again
// writes the same keys. A version-3 database skips the summary pass above.
#include <algorithm>

#include "claim_summaries.h"
#include "object_index.h"
#include "store_rocksdb.h"
#include "value_codec.h"

namespace kb {

Status RocksStore::Upgrade(int from) {
  if (from >= kSchemaVersion) return Status::OK();
  Status s = RequireWritable();
  if (!s.ok()) return s;
  if (claim_cache_) claim_cache_->Clear();  // claim records are rewritten below
  if (from < 3 && !(s = UpgradeSummaries()).ok()) return s;
  if (s = BuildObjectIndex(); !s.ok()) return s;
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
  auto scan = [&](Cf c, const std::function<bool(std::string_view, std::string_view)>& fn) {
    Status s = ScanPrefix(c, "", fn);
    return s.ok() ? bad : s;
  };
  Status s = scan(Cf::kWorks, [&](std::string_view key, std::string_view value) {
    Work w;
    if (!DecodeWork(value, &w)) bad = Corrupt(Cf::kWorks, key);
    builder.AddWork(std::string(key), w.level);
    return bad.ok();
  });
  if (s.ok()) {
    s = scan(Cf::kByWork, [&](std::string_view key, std::string_view) {
      builder.AddCitation(std::string(key.substr(0, key.find('\0'))));
      return true;
    });
  }
  if (s.ok()) {
    s = scan(Cf::kSources, [&](std::string_view key, std::string_view value) {
      Source src;
      if (!DecodeSource(value, &src)) bad = Corrupt(Cf::kSources, key);
      builder.AddSource(std::string(key), src.path);
      return bad.ok();
    });
  }
  std::vector<std::pair<std::string, std::string>> claims;  // object, claim id
  if (s.ok()) {
    s = scan(Cf::kClaims, [&](std::string_view key, std::string_view value) {
      Claim c;
      if (!DecodeClaim(value, &c)) bad = Corrupt(Cf::kClaims, key);
      claims.emplace_back(std::move(c.object), std::string(key));
      return bad.ok();
    });
  }
  if (!s.ok()) return s;
  std::sort(claims.begin(), claims.end());
  std::vector<Assertion> assertions;
  for (const auto& [object, claim_id] : claims) {
    if (s = AssertionsForClaim(claim_id, &assertions); !s.ok()) return s;
    if (s = builder.AddClaim(claim_id, object, assertions); !s.ok()) return s;
  }
  if (s = builder.Finish(); !s.ok()) return s;
  return FromRocks(db()->Write(rocksdb::WriteOptions(), &batch), path_, "building by_object");
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

  constexpr size_t kWritesPerBatch = 1000;
  rocksdb::WriteBatch batch;
  std::vector<Assertion> assertions;
  for (size_t i = 0; i < claims.size(); ++i) {
    if (s = AssertionsForClaim(claims[i].first, &assertions); !s.ok()) return s;
    batch.Put(cf(Cf::kClaims), claims[i].first,
              EncodeClaim(claims[i].second, SummarizeAssertions(assertions, level_of)));
    for (const Assertion& a : assertions) {
      batch.Put(cf(Cf::kTopEvidence), TopEvidenceKeyOf(a, WeighWithLevels(a, level_of)), "");
    }
    if (batch.Count() >= kWritesPerBatch) {
      s = FromRocks(db()->Write(rocksdb::WriteOptions(), &batch), path_, "upgrading claims");
      if (!s.ok()) return s;
      batch.Clear();
    }
  }
  return FromRocks(db()->Write(rocksdb::WriteOptions(), &batch), path_, "upgrading claims");
}

}  // namespace kb
