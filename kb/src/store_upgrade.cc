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
#include "claim_summaries.h"
#include "store_rocksdb.h"
#include "value_codec.h"

namespace kb {

Status RocksStore::Upgrade(int from) {
  if (from >= kSchemaVersion) return Status::OK();
  Status s = RequireWritable();
  if (!s.ok()) return s;
  if (claim_cache_) claim_cache_->Clear();  // claim records are rewritten below
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
  batch.Put(cf(Cf::kMeta), kSchemaVersionKey.data(), std::to_string(kSchemaVersion));
  rocksdb::WriteOptions wo;
  wo.sync = true;
  return FromRocks(db()->Write(wo, &batch), path_,
                   "upgrading from schema version " + std::to_string(from));
}

}  // namespace kb
