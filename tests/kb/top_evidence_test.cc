// The top_evidence index (kb/FORMAT.md, "Indexes"): after every kind of
// write, Store::TopAssertionsForClaim must equal the head of each side of a
// claim's assertions stably sorted by their weight with the stored works;
// Verify must notice a missing, stray or stale entry; a schema-2 database
// (which has no top_evidence column family) gets it on its first writable
// open.
#include <rocksdb/db.h>

#include <algorithm>
#include <catch2/catch.hpp>

#include "kb/store.h"
#include "kb/verdict.h"
#include "kb_test_util.h"
#include "key_codec.h"
#include "store_rocksdb.h"

using kb_test::MakeClaim;
using kb_test::MakeRecord;
using kb_test::MakeWork;
using kb_test::Varied;
using kb_test::WithLevel;

namespace {

// The strongest `per_side` of each side of `claim_id`, made afresh from
// AssertionsForClaim with public reads only.
void Fresh(kb::Store* store, const std::string& claim_id, size_t per_side,
           std::vector<std::string>* affirming, std::vector<std::string>* denying) {
  std::vector<kb::Assertion> assertions;
  REQUIRE(store->AssertionsForClaim(claim_id, &assertions).ok());
  std::vector<std::pair<double, std::string>> sides[2];
  for (const kb::Assertion& a : assertions) {
    const std::vector<kb::Work> works = kb_test::StoredWorksOf(store, a);
    const kb::WeighedStance w = kb::WeighAssertion(a, works);
    sides[w.stance == kb::Stance::kAsserts ? 0 : 1].emplace_back(w.weight, kb::AssertionKey(a));
  }
  for (auto* out : {affirming, denying}) {
    auto& side = sides[out == affirming ? 0 : 1];
    std::stable_sort(side.begin(), side.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    out->clear();
    for (size_t i = 0; i < side.size() && i < per_side; ++i) out->push_back(side[i].second);
  }
}

// The assertions keys of `refs`; each names a stored assertion of its
// weight and carries its source's path and title.
std::vector<std::string> Keys(kb::Store* store, const std::vector<kb::RankedAssertion>& refs) {
  std::vector<std::string> out;
  for (const kb::RankedAssertion& r : refs) {
    kb::Assertion a;
    REQUIRE(store->GetAssertion(r, &a).ok());
    kb::Source src;
    REQUIRE(store->GetSource(r.source_id, &src).ok());
    CHECK(r.source_known);
    CHECK(r.source_path == src.path);
    CHECK(r.source_title == src.title);
    const std::vector<kb::Work> works = kb_test::StoredWorksOf(store, a);
    CHECK(kb::WeighAssertion(a, works).weight == r.weight);
    out.push_back(kb::AssertionKey(r.claim_id, r.source_id, r.span_begin, r.span_end));
    CHECK(out.back() == kb::AssertionKey(a));
  }
  return out;
}

// Every claim's top evidence equals a fresh one, at several depths, and the
// store is consistent (Verify checks the whole index).
void CheckAllTops(kb::Store* store) {
  size_t claims = 0;
  REQUIRE(store->ForEachClaim([&](const kb::Claim& c) {
                  for (size_t k : {size_t{1}, size_t{2}, size_t{100}}) {
                    std::vector<kb::RankedAssertion> affirming, denying;
                    REQUIRE(store->TopAssertionsForClaim(c.id, k, &affirming, &denying).ok());
                    std::vector<std::string> want_a, want_d;
                    Fresh(store, c.id, k, &want_a, &want_d);
                    CHECK(Keys(store, affirming) == want_a);
                    CHECK(Keys(store, denying) == want_d);
                  }
                  ++claims;
                  return true;
                })
              .ok());
  CHECK(claims > 0);
  CHECK(kb_test::CheckConsistency(store).empty());
}

}  // namespace

TEST_CASE("top_evidence keys order by side, weight (strongest first), then assertion", "[kb]") {
  const std::string a = kb::TopEvidenceKey("c1", kb::Stance::kAsserts, 0.5, "s1", 1, 2);
  const std::string b = kb::TopEvidenceKey("c1", kb::Stance::kAsserts, 0.25, "s0", 0, 1);
  const std::string c = kb::TopEvidenceKey("c1", kb::Stance::kAsserts, 0.25, "s1", 0, 1);
  const std::string d = kb::TopEvidenceKey("c1", kb::Stance::kAsserts, 0.0, "s0", 0, 1);
  const std::string e = kb::TopEvidenceKey("c1", kb::Stance::kDenies, 1.0, "s0", 0, 1);
  CHECK(a < b);
  CHECK(b < c);
  CHECK(c < d);
  CHECK(d < e);
  CHECK(kb::TopEvidenceKey("c1", kb::Stance::kAsserts, -0.0, "s0", 0, 1) == d);
  CHECK(kb::TopEvidenceKey("c1", kb::Stance::kAsserts, 1.0, "s0", 0, 1) < a);
  std::string akey;
  kb::Stance side = kb::Stance::kAsserts;
  double weight = 0;
  REQUIRE(kb::ParseTopEvidenceKey(e, &akey, &side, &weight));
  CHECK(akey == kb::AssertionKey("c1", "s0", 0, 1));
  CHECK(side == kb::Stance::kDenies);
  CHECK(weight == 1.0);
  REQUIRE(kb::ParseTopEvidenceKey(b, &akey, &side, &weight));
  CHECK(akey == kb::AssertionKey("c1", "s0", 0, 1));
  CHECK(side == kb::Stance::kAsserts);
  CHECK(weight == 0.25);
  CHECK_FALSE(kb::ParseTopEvidenceKey("c1", &akey, &side, &weight));
  CHECK_FALSE(kb::ParseTopEvidenceKey(std::string("c1\0X12345678s\0abcdefgh", 23), &akey, &side,
                                      &weight));
}

TEST_CASE("top_evidence values hold the source's path and title", "[kb]") {
  std::string path, title;
  REQUIRE(kb::ParseTopEvidenceValue(kb::TopEvidenceValue("dir/a.md", "A title"), &path, &title));
  CHECK(path == "dir/a.md");
  CHECK(title == "A title");
  REQUIRE(kb::ParseTopEvidenceValue(kb::TopEvidenceValue("a.md", ""), &path, &title));
  CHECK(path == "a.md");
  CHECK(title.empty());
  CHECK_FALSE(kb::ParseTopEvidenceValue("", &path, &title));  // written before values were kept
  CHECK_FALSE(kb::ParseTopEvidenceValue(std::string("\0title", 6), &path, &title));
  CHECK_FALSE(kb::ParseTopEvidenceValue("no separator", &path, &title));
}

TEST_CASE("Store: both sides of a claim read at once, past many affirmations", "[kb]") {
  // The denials follow the affirmations in the index; a read that stops
  // early on the affirmations must still find every denial it asks for,
  // however many affirmations lie between.
  kb_test::TempDir dir;
  auto store = kb_test::OpenWritable(dir.Sub("db"));
  const kb::Claim c = MakeClaim("foam_rolling", "reduces", "doms");
  const kb::Claim other = MakeClaim("massage", "reduces", "doms");
  kb::PutOutcome outcome;
  for (int i = 0; i < 30; ++i) {
    kb::SourceRecord r =
        MakeRecord("s" + std::to_string(i) + ".md", "s" + std::to_string(i), {c, other}, {});
    if (i % 10 == 9) r.assertions[0].stance = kb::Stance::kDenies;  // 3 denials, 27 affirmations
    REQUIRE(store->PutSource(r, &outcome).ok());
  }
  auto check = [&](kb::Store* reader) {
    for (size_t k : {size_t{1}, size_t{2}, size_t{10}, size_t{18}, size_t{19}, size_t{26},
                     size_t{27}, size_t{100}}) {
      INFO("per side " << k);
      std::vector<kb::RankedAssertion> affirming, denying, alone, others;
      REQUIRE(reader->TopAssertionsForClaim(c.id, k, &affirming, &denying).ok());
      std::vector<std::string> want_a, want_d;
      Fresh(reader, c.id, k, &want_a, &want_d);
      CHECK(Keys(reader, affirming) == want_a);
      CHECK(Keys(reader, denying) == want_d);
      CHECK(denying.size() == std::min<size_t>(k, 3));
      REQUIRE(reader->TopAssertionsForClaim(c.id, k, nullptr, &alone).ok());
      CHECK(Keys(reader, alone) == want_d);
      REQUIRE(reader->TopAssertionsForClaim(other.id, k, &others, nullptr).ok());
      CHECK(others.size() == std::min<size_t>(k, 30));
    }
  };
  check(store.get());
  // A reader reuses its iterators: the same reads, twice over, on one.
  store.reset();
  std::unique_ptr<kb::Store> reader;
  kb::StoreOptions options;
  options.read_only = true;
  REQUIRE(kb::Store::Open(options, dir.Sub("db"), &reader).ok());
  check(reader.get());
  check(reader.get());
}

TEST_CASE("Store: top evidence follows ingest, replace and level changes", "[kb]") {
  kb_test::TempDir dir;
  auto store = kb_test::OpenWritable(dir.Sub("db"));
  const kb::Claim c1 = MakeClaim("foam_rolling", "reduces", "doms");
  const kb::Claim c2 = MakeClaim("foam_rolling", "breaks_down", "scar_tissue");
  const kb::Claim c3 = MakeClaim("stretching", "improves", "range_of_motion");
  const kb::Work review = WithLevel(MakeWork("Wiewelhove", 2019, "A meta-analysis"), 1);
  const kb::Work blog = WithLevel(MakeWork("Blogger", 2020, "My view"), 5);
  kb::PutOutcome outcome;
  REQUIRE(store->PutSource(Varied(MakeRecord("a.md", "a1", {c1, c2, c1, c3, c1, c1}, {review})),
                           &outcome)
              .ok());
  REQUIRE(store->PutSource(Varied(MakeRecord("b.md", "b1", {c2, c1, c1, c1}, {blog})), &outcome)
              .ok());
  REQUIRE(store->PutSource(Varied(MakeRecord("c.md", "c1", {c3, c1}, {})), &outcome).ok());
  CheckAllTops(store.get());

  SECTION("a replaced source's entries go") {
    REQUIRE(store->PutSource(Varied(MakeRecord("a.md", "a2", {c3, c1}, {blog})), &outcome).ok());
    CHECK(outcome == kb::PutOutcome::kReplaced);
    CheckAllTops(store.get());
  }
  SECTION("a replacement dropping a claim removes its entries") {
    REQUIRE(store->PutSource(Varied(MakeRecord("c.md", "c2", {c1}, {})), &outcome).ok());
    REQUIRE(store->PutSource(Varied(MakeRecord("a.md", "a3", {c1}, {})), &outcome).ok());
    std::vector<kb::RankedAssertion> affirming, denying;
    REQUIRE(store->TopAssertionsForClaim(c3.id, 10, &affirming, &denying).ok());
    CHECK(affirming.empty());
    CHECK(denying.empty());
    CheckAllTops(store.get());
  }
  SECTION("a work's new level moves the entries of other sources' assertions") {
    REQUIRE(store->PutSource(MakeRecord("d.md", "d1", {c2}, {WithLevel(blog, 1)}), &outcome).ok());
    CheckAllTops(store.get());
    REQUIRE(store->PutSource(MakeRecord("d.md", "d2", {c2}, {WithLevel(review, 5)}), &outcome)
                .ok());
    CheckAllTops(store.get());
  }
}

TEST_CASE("Store::Verify: a missing, stray or stale top_evidence entry is reported", "[kb]") {
  kb_test::TempDir dir;
  auto store = kb_test::OpenWritable(dir.Sub("db"));
  const kb::Claim c1 = MakeClaim("foam_rolling", "reduces", "doms");
  kb::PutOutcome outcome;
  REQUIRE(store->PutSource(MakeRecord("a.md", "a1", {c1}, {}), &outcome).ok());
  auto* rs = dynamic_cast<kb::RocksStore*>(store.get());
  REQUIRE(rs != nullptr);
  std::vector<kb::Assertion> assertions;
  REQUIRE(store->AssertionsForClaim(c1.id, &assertions).ok());
  REQUIRE(assertions.size() == 1);
  const kb::Assertion& a = assertions[0];
  std::string entry;
  REQUIRE(rs->ScanPrefix(kb::Cf::kTopEvidence, "", [&](std::string_view key, std::string_view) {
             entry = std::string(key);
             return false;
           }).ok());
  REQUIRE(!entry.empty());
  std::vector<std::string> problems;

  SECTION("missing") {
    REQUIRE(rs->db()->Delete(rocksdb::WriteOptions(), rs->cf(kb::Cf::kTopEvidence), entry).ok());
    REQUIRE(store->Verify(&problems).ok());
    REQUIRE(problems.size() == 1);
    CHECK_THAT(problems[0], Catch::StartsWith("assertion missing from top_evidence: " + a.claim_id +
                                              "|" + a.source_id + "|"));
  }
  SECTION("stale weight") {
    REQUIRE(rs->db()->Delete(rocksdb::WriteOptions(), rs->cf(kb::Cf::kTopEvidence), entry).ok());
    REQUIRE(rs->db()->Put(rocksdb::WriteOptions(), rs->cf(kb::Cf::kTopEvidence),
                          kb::TopEvidenceKey(a.claim_id, a.stance, 0.125, a.source_id,
                                             a.span_begin, a.span_end),
                          "")
                .ok());
    REQUIRE(store->Verify(&problems).ok());
    REQUIRE(problems.size() == 2);
    CHECK_THAT(problems[0], Catch::StartsWith("assertion missing from top_evidence: "));
    CHECK_THAT(problems[1], Catch::StartsWith("top_evidence entry with a stale side or weight: "));
  }
  SECTION("stale source path or title") {
    REQUIRE(rs->db()->Put(rocksdb::WriteOptions(), rs->cf(kb::Cf::kTopEvidence), entry,
                          kb::TopEvidenceValue("a.md", "Another title"))
                .ok());
    REQUIRE(store->Verify(&problems).ok());
    REQUIRE(problems.size() == 1);
    CHECK_THAT(problems[0], Catch::StartsWith("top_evidence entry with a stale source path or title: "));
  }
  SECTION("an empty value, as earlier builds wrote, is accepted and reads as unknown") {
    REQUIRE(rs->db()->Put(rocksdb::WriteOptions(), rs->cf(kb::Cf::kTopEvidence), entry, "").ok());
    REQUIRE(store->Verify(&problems).ok());
    CHECK(problems.empty());
    std::vector<kb::RankedAssertion> affirming, denying;
    REQUIRE(store->TopAssertionsForClaim(c1.id, 10, &affirming, &denying).ok());
    REQUIRE(affirming.size() + denying.size() == 1);
    const kb::RankedAssertion& r = affirming.empty() ? denying[0] : affirming[0];
    CHECK_FALSE(r.source_known);
    CHECK(r.source_path.empty());
  }
  SECTION("stray") {
    REQUIRE(rs->db()->Put(rocksdb::WriteOptions(), rs->cf(kb::Cf::kTopEvidence),
                          kb::TopEvidenceKey(a.claim_id, a.stance, 0.5, a.source_id,
                                             a.span_begin + 100, a.span_end + 100),
                          "")
                .ok());
    REQUIRE(store->Verify(&problems).ok());
    REQUIRE(problems.size() == 1);
    CHECK_THAT(problems[0], Catch::StartsWith("top_evidence -> missing assertion: "));
    std::vector<kb::RankedAssertion> affirming, denying;
    REQUIRE(store->TopAssertionsForClaim(c1.id, 10, &affirming, &denying).ok());
    REQUIRE(affirming.size() + denying.size() == 2);
    for (const auto* side : {&affirming, &denying}) {
      for (const kb::RankedAssertion& r : *side) {
        kb::Assertion got;
        CHECK(store->GetAssertion(r, &got).IsNotFound() == (r.span_begin == a.span_begin + 100));
      }
    }
  }
}

TEST_CASE("Store::Open: a schema-2 database gets top_evidence on a writable open", "[kb]") {
  kb_test::TempDir dir;
  const std::string path = dir.Sub("db");
  const kb::Claim c1 = MakeClaim("foam_rolling", "reduces", "doms");
  const kb::Claim c2 = MakeClaim("foam_rolling", "breaks_down", "scar_tissue");
  const kb::Work review = WithLevel(MakeWork("Wilke", 2019, "A review"), 1);
  {
    auto store = kb_test::OpenWritable(path);
    kb::PutOutcome outcome;
    REQUIRE(store->PutSource(Varied(MakeRecord("a.md", "a1", {c1, c2, c1, c1}, {review})), &outcome)
                .ok());
    REQUIRE(store->PutSource(Varied(MakeRecord("b.md", "b1", {c1, c1, c2}, {})), &outcome).ok());
  }
  {
    // Make it look as schema version 2 left it: no top_evidence column family.
    kb_test::EditRaw(path, [](rocksdb::DB* db, const std::string& name,
                              rocksdb::ColumnFamilyHandle* cf) {
      if (name == kb::CfSpecOf(kb::Cf::kMeta).name) {
        REQUIRE(db->Put(rocksdb::WriteOptions(), cf, std::string(kb::kSchemaVersionKey), "2").ok());
      }
      if (name == kb::CfSpecOf(kb::Cf::kTopEvidence).name) REQUIRE(db->DropColumnFamily(cf).ok());
    });
  }
  kb_test::CheckRefusedAsOlder(path, 2);
  {
    auto store = kb_test::OpenWritable(path);
    CheckAllTops(store.get());
  }
  kb::StoreOptions ro;
  ro.read_only = true;
  std::unique_ptr<kb::Store> store;
  REQUIRE(kb::Store::Open(ro, path, &store).ok());
  CheckAllTops(store.get());
}

TEST_CASE("Store::Compact: fills the top_evidence values earlier builds left empty", "[kb]") {
  kb_test::TempDir dir;
  const std::string path = dir.Sub("db");
  const kb::Claim c1 = MakeClaim("foam_rolling", "reduces", "doms");
  const kb::Claim c2 = MakeClaim("stretching", "improves", "range_of_motion");
  {
    auto store = kb_test::OpenWritable(path);
    kb::PutOutcome outcome;
    REQUIRE(store->PutSource(Varied(MakeRecord("a.md", "a1", {c1, c2, c1}, {})), &outcome).ok());
    REQUIRE(store->PutSource(Varied(MakeRecord("b.md", "b1", {c2, c1}, {})), &outcome).ok());
  }
  size_t emptied = 0;
  kb_test::EditRaw(path, [&](rocksdb::DB* db, const std::string& name, rocksdb::ColumnFamilyHandle* cf) {
    if (name != kb::CfSpecOf(kb::Cf::kTopEvidence).name) return;
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions(), cf));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      REQUIRE(db->Put(rocksdb::WriteOptions(), cf, it->key(), "").ok());
      ++emptied;
    }
  });
  REQUIRE(emptied == 5);
  auto store = kb_test::OpenWritable(path);
  std::vector<kb::RankedAssertion> affirming, denying;
  REQUIRE(store->TopAssertionsForClaim(c1.id, 10, &affirming, &denying).ok());
  REQUIRE(affirming.size() + denying.size() == 3);
  for (const auto* side : {&affirming, &denying}) {
    for (const kb::RankedAssertion& r : *side) CHECK_FALSE(r.source_known);
  }
  REQUIRE(store->Compact().ok());
  CheckAllTops(store.get());  // every entry now carries its source's path and title
}
