#include <catch2/catch.hpp>

#include "kb/store.h"
#include "kb_test_util.h"

using kb_test::MakeClaim;
using kb_test::MakeRecord;
using kb_test::MakeWork;

TEST_CASE("Store: changed content at the same path replaces the old record", "[kb]") {
  kb_test::TempDir dir;
  auto store = kb_test::OpenWritable(dir.Sub("db"));
  kb::Claim old_claim = MakeClaim("foam_rolling", "breaks_down", "scar_tissue");
  kb::Claim new_claim = MakeClaim("foam_rolling", "reduces", "doms");
  kb::Work old_work = MakeWork("Manusov", 2012, "Old");
  kb::Work new_work = MakeWork("Wilke", 2019, "New", "10.1/new");

  kb::SourceRecord v1 = MakeRecord("a.txt", "version 1", {old_claim}, {old_work});
  kb::SourceRecord v2 = MakeRecord("a.txt", "version 2", {new_claim}, {new_work});
  kb::PutOutcome outcome;
  REQUIRE(store->PutSource(v1, &outcome).ok());
  REQUIRE(store->PutSource(v2, &outcome).ok());
  CHECK(outcome == kb::PutOutcome::kReplaced);

  kb::Source src;
  CHECK(store->GetSource(v1.source.id, &src).IsNotFound());
  REQUIRE(store->FindSourceByPath("a.txt", &src).ok());
  CHECK(src.id == v2.source.id);
  kb::Claim claim;
  CHECK(store->GetClaim(old_claim.id, &claim).IsNotFound());
  CHECK(store->GetClaim(new_claim.id, &claim).ok());
  kb::Work work;
  CHECK(store->GetWork(old_work.id, &work).IsNotFound());
  std::vector<std::string> candidates;
  kb::Work probe;
  probe.authors = {{"Manusov", ""}};
  REQUIRE(store->WorkCandidateIds(probe, &candidates).ok());
  CHECK(candidates.empty());
  std::vector<std::string> ids;
  REQUIRE(store->ClaimsByConcept("scar_tissue", &ids).ok());
  CHECK(ids.empty());
  std::vector<kb::Mention> mentions;
  REQUIRE(store->MentionsForSource(v1.source.id, &mentions).ok());
  CHECK(mentions.empty());

  kb::StoreCounts counts;
  REQUIRE(store->Counts(&counts).ok());
  CHECK(counts.sources == 1);
  CHECK(counts.claims == 1);
  CHECK(counts.assertions == 1);
  CHECK(counts.works == 1);
  CHECK(counts.mentions == 1);
  std::vector<std::string> problems = kb_test::CheckConsistency(store.get());
  CAPTURE(problems);
  CHECK(problems.empty());
}

TEST_CASE("Store: a claim and a work shared with another source survive a replace", "[kb]") {
  kb_test::TempDir dir;
  auto store = kb_test::OpenWritable(dir.Sub("db"));
  kb::Claim shared = MakeClaim("foam_rolling", "releases", "it_band");
  kb::Claim only_a = MakeClaim("foam_rolling", "lengthens", "it_band");
  kb::Work shared_work = MakeWork("Chaudhry", 2008, "Squeezing the IT band");
  kb::PutOutcome outcome;
  REQUIRE(store->PutSource(MakeRecord("a.txt", "A1", {shared, only_a}, {shared_work}), &outcome).ok());
  REQUIRE(store->PutSource(MakeRecord("b.txt", "B1", {shared}, {shared_work}), &outcome).ok());
  // a.txt changes and no longer says anything.
  REQUIRE(store->PutSource(MakeRecord("a.txt", "A2", {}, {}), &outcome).ok());
  CHECK(outcome == kb::PutOutcome::kReplaced);

  kb::Claim claim;
  CHECK(store->GetClaim(shared.id, &claim).ok());
  CHECK(store->GetClaim(only_a.id, &claim).IsNotFound());
  std::vector<kb::Assertion> assertions;
  REQUIRE(store->AssertionsForClaim(shared.id, &assertions).ok());
  REQUIRE(assertions.size() == 1);
  CHECK(assertions[0].source_id == kb::ContentId("B1"));
  kb::Work work;
  CHECK(store->GetWork(shared_work.id, &work).ok());
  std::vector<std::string> citing;
  REQUIRE(store->SourcesCitingWork(shared_work.id, &citing).ok());
  CHECK(citing == std::vector<std::string>{kb::ContentId("B1")});
  std::vector<std::string> problems = kb_test::CheckConsistency(store.get());
  CAPTURE(problems);
  CHECK(problems.empty());
}

TEST_CASE("Store: a replace that keeps a claim and a work keeps them once", "[kb]") {
  kb_test::TempDir dir;
  auto store = kb_test::OpenWritable(dir.Sub("db"));
  kb::Claim c = MakeClaim("foam_rolling", "reduces", "doms");
  kb::Work w = MakeWork("Pearcey", 2015, "Foam rolling for DOMS");
  kb::PutOutcome outcome;
  for (const char* content : {"v1", "v2", "v3", "v2"}) {
    REQUIRE(store->PutSource(MakeRecord("a.txt", content, {c}, {w}), &outcome).ok());
  }
  CHECK(outcome == kb::PutOutcome::kReplaced);
  kb::StoreCounts counts;
  REQUIRE(store->Counts(&counts).ok());
  CHECK(counts.sources == 1);
  CHECK(counts.claims == 1);
  CHECK(counts.assertions == 1);
  CHECK(counts.works == 1);
  CHECK(counts.mentions == 1);
  CHECK(kb_test::CheckConsistency(store.get()).empty());
}

TEST_CASE("Store: a work rewritten with a DOI drops its stale index keys", "[kb]") {
  kb_test::TempDir dir;
  auto store = kb_test::OpenWritable(dir.Sub("db"));
  kb::Work w = MakeWork("Cheatham", 2015, "Review");
  kb::PutOutcome outcome;
  REQUIRE(store->PutSource(MakeRecord("a.txt", "A", {}, {w}), &outcome).ok());
  kb::Work enriched = w;  // same id: the resolver matched it
  enriched.doi = "10.1/cheatham";
  enriched.container = "IJSPT";
  REQUIRE(store->PutSource(MakeRecord("b.txt", "B", {}, {enriched}), &outcome).ok());
  kb::Work stored;
  REQUIRE(store->GetWork(w.id, &stored).ok());
  CHECK(stored.doi == "10.1/cheatham");
  std::vector<std::string> problems = kb_test::CheckConsistency(store.get());
  CAPTURE(problems);
  CHECK(problems.empty());
}

TEST_CASE("Store: replacing many times stays consistent", "[kb]") {
  kb_test::TempDir dir;
  auto store = kb_test::OpenWritable(dir.Sub("db"));
  std::vector<kb::Claim> claims;
  std::vector<kb::Work> works;
  for (int i = 0; i < 6; ++i) {
    claims.push_back(MakeClaim("s" + std::to_string(i), "reduces", "o" + std::to_string(i % 3)));
    works.push_back(MakeWork("Author" + std::to_string(i % 4), 2000 + i, "Title " + std::to_string(i)));
  }
  kb::PutOutcome outcome;
  for (int round = 0; round < 5; ++round) {
    for (int src = 0; src < 3; ++src) {
      std::vector<kb::Claim> cs;
      std::vector<kb::Work> ws;
      for (int i = 0; i < 6; ++i) {
        if ((i + src + round) % 3 != 0) cs.push_back(claims[i]);
        if ((i * src + round) % 2 == 0) ws.push_back(works[i]);
      }
      std::string path = "p" + std::to_string(src) + ".txt";
      REQUIRE(store->PutSource(MakeRecord(path, path + std::to_string(round), cs, ws), &outcome).ok());
    }
    std::vector<std::string> problems = kb_test::CheckConsistency(store.get());
    CAPTURE(round, problems);
    REQUIRE(problems.empty());
  }
}
