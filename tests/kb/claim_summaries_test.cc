// Claims' evidence summaries (kb::EvidenceSummary in each claim record) must
// equal a summary made afresh from the claim's assertions and the stored
// works, after every kind of write; Verify must notice when they do not; a
// schema-1 database gets them on its first writable open.
#include "claim_summaries.h"

#include <rocksdb/db.h>

#include <catch2/catch.hpp>

#include "kb/store.h"
#include "kb/verdict.h"
#include "kb_test_util.h"
#include "key_codec.h"
#include "store_rocksdb.h"
#include "value_codec.h"

using kb_test::MakeClaim;
using kb_test::MakeRecord;
using kb_test::MakeWork;
using kb_test::Varied;
using kb_test::WithLevel;

namespace {

// The summary of `claim_id` made from its assertions with public reads only.
kb::EvidenceSummary Fresh(kb::Store* store, const std::string& claim_id) {
  std::vector<kb::Assertion> assertions;
  REQUIRE(store->AssertionsForClaim(claim_id, &assertions).ok());
  kb::EvidenceSummary out;
  for (const kb::Assertion& a : assertions) {
    const std::vector<kb::Work> works = kb_test::StoredWorksOf(store, a);
    out.Add(kb::WeighAssertion(a, works), a.mechanisms);
  }
  return out;
}

// Every stored claim's summary equals a fresh one.
void CheckAllSummaries(kb::Store* store) {
  size_t claims = 0;
  REQUIRE(store->ForEachClaim([&](const kb::Claim& c) {
                  kb::EvidenceSummary stored;
                  REQUIRE(store->GetClaimSummary(c.id, &stored).ok());
                  CHECK(stored == Fresh(store, c.id));
                  CHECK(!stored.empty());
                  // The claim's record holds the same claim and summary.
                  std::vector<std::shared_ptr<const kb::ClaimRecord>> records;
                  REQUIRE(store->GetClaimRecords({c.id}, &records).ok());
                  REQUIRE(records.at(0) != nullptr);
                  const kb::Claim& claim = records[0]->claim;
                  CHECK(records[0]->summary == stored);
                  CHECK(claim.id == c.id);
                  CHECK(claim.subject == c.subject);
                  CHECK(claim.relation == c.relation);
                  CHECK(claim.object == c.object);
                  CHECK(claim.text == c.text);
                  ++claims;
                  return true;
                })
              .ok());
  CHECK(claims > 0);
  CHECK(kb_test::CheckConsistency(store).empty());
}

// A claim record as schema version 1 wrote it: no evidence summary.
std::string SchemaOneClaimValue(const kb::Claim& c) {
  return "{\"id\":\"" + c.id + "\",\"subject\":\"" + c.subject + "\",\"relation\":\"" +
         c.relation + "\",\"object\":\"" + c.object + "\",\"text\":\"" + c.text + "\"}";
}

}  // namespace

TEST_CASE("EvidenceSummary: Remove takes back exactly one Add", "[kb]") {
  kb::EvidenceSummary s;
  const kb::WeighedStance strong{kb::Stance::kAsserts, 0.8, true};
  const kb::WeighedStance weak{kb::Stance::kDenies, 0.2, false};
  s.Add(strong, {"neurological"});
  s.Add(strong, {"neurological"});
  s.Add(weak, {});
  CHECK(s.Count(kb::Stance::kAsserts) == 2);
  CHECK(s.Count(kb::Stance::kDenies) == 1);
  CHECK(s.mechanisms.at("neurological") == 2);
  CHECK(s.Side(kb::Stance::kAsserts).strongest == Approx(0.8));
  CHECK(s.Side(kb::Stance::kAsserts).total == Approx(1.6));
  CHECK(s.Side(kb::Stance::kAsserts).researched);
  CHECK_FALSE(s.Side(kb::Stance::kDenies).researched);

  CHECK_FALSE(s.Remove({kb::Stance::kDenies, 0.8, true}, {}));  // no such item
  CHECK_FALSE(s.Remove(weak, {"mechanical"}));                  // tag never counted
  CHECK(s.Remove(strong, {"neurological"}));
  CHECK(s.Remove(weak, {}));
  kb::EvidenceSummary one;
  one.Add(strong, {"neurological"});
  CHECK(s == one);
  CHECK(s.Remove(strong, {"neurological"}));
  CHECK(s.empty());
  CHECK(s.mechanisms.empty());
}

TEST_CASE("ClaimCache: a taken record is out until put back", "[kb]") {
  kb::ClaimCache cache;
  kb::ClaimCache::Record r;
  CHECK_FALSE(cache.Take("c1", &r));
  kb::Claim claim;
  claim.id = "c1";
  claim.text = "foam rolling reduces soreness";
  kb::EvidenceSummary summary;
  summary.Add({kb::Stance::kAsserts, 0.5, true}, {"mechanical"});
  cache.Put("c1", claim, summary);
  REQUIRE(cache.Take("c1", &r));
  CHECK(r.claim.text == claim.text);
  CHECK(r.summary == summary);
  CHECK_FALSE(cache.Take("c1", &r));  // taken: a failed write cannot leave it stale
  cache.Put("c1", claim, summary);
  cache.Erase("c1");
  CHECK_FALSE(cache.Take("c1", &r));
}

TEST_CASE("EvidenceSummary: sides give CombineEvidence's verdict", "[kb]") {
  const std::vector<kb::WeighedStance> items = {{kb::Stance::kAsserts, 0.2, false},
                                                {kb::Stance::kDenies, 1.0, true},
                                                {kb::Stance::kDenies, 0.48, true},
                                                {kb::Stance::kAsserts, 0.12, false}};
  kb::EvidenceSummary s;
  for (const kb::WeighedStance& w : items) s.Add(w, {});
  const kb::VerdictResult a = kb::CombineEvidence(items);
  const kb::VerdictResult b =
      kb::CombineSides(s.Side(kb::Stance::kAsserts), s.Side(kb::Stance::kDenies));
  CHECK(a.verdict == kb::Verdict::kRefuted);
  CHECK(b.verdict == a.verdict);
  CHECK(b.confidence == Approx(a.confidence));
}

TEST_CASE("Store: claim summaries follow ingest, replace and re-ingest", "[kb]") {
  kb_test::TempDir dir;
  auto store = kb_test::OpenWritable(dir.Sub("db"));
  const kb::Claim c1 = MakeClaim("foam_rolling", "reduces", "doms");
  const kb::Claim c2 = MakeClaim("foam_rolling", "breaks_down", "scar_tissue");
  const kb::Claim c3 = MakeClaim("stretching", "improves", "range_of_motion");
  const kb::Work review = WithLevel(MakeWork("Wiewelhove", 2019, "A meta-analysis"), 1);
  const kb::Work blog = WithLevel(MakeWork("Blogger", 2020, "My view"), 5);
  kb::PutOutcome outcome;

  REQUIRE(store->PutSource(Varied(MakeRecord("a.md", "a1", {c1, c2, c1, c3}, {review})), &outcome)
              .ok());
  REQUIRE(store->PutSource(Varied(MakeRecord("b.md", "b1", {c2, c1}, {blog})), &outcome).ok());
  REQUIRE(store->PutSource(Varied(MakeRecord("c.md", "c1", {c3}, {})), &outcome).ok());
  CheckAllSummaries(store.get());
  kb::EvidenceSummary before;
  REQUIRE(store->GetClaimSummary(c1.id, &before).ok());
  CHECK(before.Count(kb::Stance::kAsserts) + before.Count(kb::Stance::kDenies) == 3);

  SECTION("compacting (evkb-ingest --upgrade) keeps every record and summary") {
    REQUIRE(store->Flush().ok());
    REQUIRE(store->Compact().ok());
    kb::EvidenceSummary after;
    REQUIRE(store->GetClaimSummary(c1.id, &after).ok());
    CHECK(after == before);
    CheckAllSummaries(store.get());
    store.reset();
    store = kb_test::OpenWritable(dir.Sub("db"));
    CheckAllSummaries(store.get());
  }

  SECTION("re-ingesting the same content changes nothing") {
    REQUIRE(store->PutSource(Varied(MakeRecord("b.md", "b1", {c2, c1}, {blog})), &outcome).ok());
    CHECK(outcome == kb::PutOutcome::kUnchanged);
    kb::EvidenceSummary after;
    REQUIRE(store->GetClaimSummary(c1.id, &after).ok());
    CHECK(after == before);
  }
  SECTION("a replaced source's assertions leave the summaries") {
    REQUIRE(store->PutSource(Varied(MakeRecord("a.md", "a2", {c3}, {blog})), &outcome).ok());
    CHECK(outcome == kb::PutOutcome::kReplaced);
    CheckAllSummaries(store.get());
    kb::EvidenceSummary after;
    REQUIRE(store->GetClaimSummary(c1.id, &after).ok());
    CHECK(after.Count(kb::Stance::kAsserts) + after.Count(kb::Stance::kDenies) == 1);
  }
  SECTION("a replacement dropping a claim's last assertion removes the claim") {
    REQUIRE(store->PutSource(Varied(MakeRecord("c.md", "c2", {c1}, {})), &outcome).ok());
    REQUIRE(store->PutSource(Varied(MakeRecord("a.md", "a3", {c1}, {})), &outcome).ok());
    kb::EvidenceSummary gone;
    CHECK(store->GetClaimSummary(c3.id, &gone).IsNotFound());
    CheckAllSummaries(store.get());
  }
}

TEST_CASE("Store: a work's new level re-weighs other sources' assertions", "[kb]") {
  kb_test::TempDir dir;
  auto store = kb_test::OpenWritable(dir.Sub("db"));
  const kb::Claim c1 = MakeClaim("foam_rolling", "reduces", "doms");
  const kb::Claim c2 = MakeClaim("massage", "improves", "recovery");
  const kb::Work study = WithLevel(MakeWork("Cheatham", 2015, "Foam rolling"), 5);
  kb::PutOutcome outcome;
  REQUIRE(store->PutSource(MakeRecord("a.md", "a1", {c1}, {study}), &outcome).ok());
  kb::EvidenceSummary weak;
  REQUIRE(store->GetClaimSummary(c1.id, &weak).ok());
  CHECK_FALSE(weak.Side(kb::Stance::kAsserts).researched);

  // Another article cites the same work, now known to be a systematic review.
  REQUIRE(store->PutSource(MakeRecord("b.md", "b1", {c2}, {WithLevel(study, 1)}), &outcome).ok());
  kb::EvidenceSummary strong;
  REQUIRE(store->GetClaimSummary(c1.id, &strong).ok());
  CHECK(strong.Side(kb::Stance::kAsserts).researched);
  CHECK(strong.Side(kb::Stance::kAsserts).strongest == Approx(1.0));
  CheckAllSummaries(store.get());

  // Replacing the first article while the level drops again.
  REQUIRE(store->PutSource(MakeRecord("b.md", "b2", {c2, c1}, {WithLevel(study, 3)}), &outcome)
              .ok());
  CheckAllSummaries(store.get());
}

TEST_CASE("Store::Verify: a tampered claim summary is reported", "[kb]") {
  kb_test::TempDir dir;
  auto store = kb_test::OpenWritable(dir.Sub("db"));
  const kb::Claim c1 = MakeClaim("foam_rolling", "reduces", "doms");
  kb::PutOutcome outcome;
  REQUIRE(store->PutSource(MakeRecord("a.md", "a1", {c1}, {}), &outcome).ok());
  auto* rs = dynamic_cast<kb::RocksStore*>(store.get());
  REQUIRE(rs != nullptr);

  kb::EvidenceSummary wrong;
  wrong.Add({kb::Stance::kDenies, 1.0, true}, {});
  REQUIRE(rs->db()->Put(rocksdb::WriteOptions(), rs->cf(kb::Cf::kClaims), c1.id,
                        kb::EncodeClaim(c1, wrong))
              .ok());
  std::vector<std::string> problems;
  REQUIRE(store->Verify(&problems).ok());
  REQUIRE(problems.size() == 1);
  CHECK(problems[0] == "claim evidence summary disagrees with its assertions: " + c1.id);

  // A record without a summary (as schema version 1 wrote them).
  REQUIRE(rs->db()->Put(rocksdb::WriteOptions(), rs->cf(kb::Cf::kClaims), c1.id,
                        SchemaOneClaimValue(c1))
              .ok());
  REQUIRE(store->Verify(&problems).ok());
  REQUIRE(problems.size() == 1);
  CHECK(problems[0] == "claim record without a readable evidence summary: " + c1.id);
}

TEST_CASE("Store::Open: a schema-1 database is upgraded by a writable open", "[kb]") {
  kb_test::TempDir dir;
  const std::string path = dir.Sub("db");
  const kb::Claim c1 = MakeClaim("foam_rolling", "reduces", "doms");
  const kb::Claim c2 = MakeClaim("foam_rolling", "breaks_down", "scar_tissue");
  const kb::Work review = WithLevel(MakeWork("Wilke", 2019, "A review"), 1);
  {
    auto store = kb_test::OpenWritable(path);
    kb::PutOutcome outcome;
    REQUIRE(store->PutSource(Varied(MakeRecord("a.md", "a1", {c1, c2, c1}, {review})), &outcome)
                .ok());
    // Make it look as schema version 1 left it: claims without summaries.
    auto* rs = dynamic_cast<kb::RocksStore*>(store.get());
    REQUIRE(rs != nullptr);
    for (const kb::Claim& c : {c1, c2}) {
      REQUIRE(rs->db()->Put(rocksdb::WriteOptions(), rs->cf(kb::Cf::kClaims), c.id,
                            SchemaOneClaimValue(c))
                  .ok());
    }
    REQUIRE(rs->db()->Put(rocksdb::WriteOptions(), rs->cf(kb::Cf::kMeta),
                          std::string(kb::kSchemaVersionKey), "1")
                .ok());
  }
  kb_test::CheckRefusedAsOlder(path, 1);
  {
    auto store = kb_test::OpenWritable(path);
    CheckAllSummaries(store.get());
    kb::Claim claim;
    REQUIRE(store->GetClaim(c2.id, &claim).ok());
    CHECK(claim.text == c2.text);
  }
  kb::StoreOptions ro;
  ro.read_only = true;
  std::unique_ptr<kb::Store> store;
  REQUIRE(kb::Store::Open(ro, path, &store).ok());
  CheckAllSummaries(store.get());
}
