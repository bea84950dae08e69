#include "kb/store.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <set>

#include "kb_test_util.h"

using kb_test::MakeClaim;
using kb_test::MakeRecord;
using kb_test::MakeWork;

namespace {

std::set<std::string> AsSet(const std::vector<std::string>& v) { return {v.begin(), v.end()}; }

}  // namespace

TEST_CASE("Store: put, get and iterate one source", "[kb]") {
  kb_test::TempDir dir;
  auto store = kb_test::OpenWritable(dir.Sub("parents/that/do/not/exist/db"));
  CHECK_FALSE(store->IsSecondary());

  kb::Claim c1 = MakeClaim("foam_rolling", "reduces", "doms");
  kb::Claim c2 = MakeClaim("foam_rolling", "breaks_down", "scar_tissue");
  kb::Work w1 = MakeWork("Cheatham", 2015, "The effects of self-myofascial release", "10.1/cheat");
  kb::SourceRecord rec = MakeRecord("a.txt", "content A", {c1, c2}, {w1});
  kb::PutOutcome outcome;
  REQUIRE(store->PutSource(rec, &outcome).ok());
  CHECK(outcome == kb::PutOutcome::kIngested);

  kb::Source src;
  REQUIRE(store->GetSource(rec.source.id, &src).ok());
  CHECK(src.path == "a.txt");
  REQUIRE(store->FindSourceByPath("a.txt", &src).ok());
  CHECK(src.id == rec.source.id);
  CHECK(store->FindSourceByPath("b.txt", &src).IsNotFound());
  CHECK(store->GetSource("s-missing", &src).IsNotFound());

  kb::Claim claim;
  REQUIRE(store->GetClaim(c1.id, &claim).ok());
  CHECK(claim.text == c1.text);
  kb::Work work;
  REQUIRE(store->GetWork(w1.id, &work).ok());
  CHECK(work.doi == "10.1/cheat");

  std::vector<std::string> ids;
  REQUIRE(store->ClaimsByConcept("foam_rolling", &ids).ok());
  CHECK(AsSet(ids) == std::set<std::string>{c1.id, c2.id});
  REQUIRE(store->ClaimsByConcept("doms", &ids).ok());
  CHECK(ids == std::vector<std::string>{c1.id});
  REQUIRE(store->ClaimsByConcept("unknown", &ids).ok());
  CHECK(ids.empty());

  std::vector<kb::Assertion> assertions;
  REQUIRE(store->AssertionsForClaim(c1.id, &assertions).ok());
  REQUIRE(assertions.size() == 1);
  CHECK(assertions[0].source_id == rec.source.id);
  CHECK(assertions[0].works == std::vector<kb::WorkLink>{{w1.id, kb::LinkKind::kDirect}});
  REQUIRE(store->AssertionsForSource(rec.source.id, &assertions).ok());
  CHECK(assertions.size() == 2);

  std::vector<kb::Mention> mentions;
  REQUIRE(store->MentionsForSource(rec.source.id, &mentions).ok());
  REQUIRE(mentions.size() == 1);
  CHECK(mentions[0].work_id == w1.id);

  REQUIRE(store->SourcesCitingWork(w1.id, &ids).ok());
  CHECK(ids == std::vector<std::string>{rec.source.id});
  REQUIRE(store->WorksCitedBySource(rec.source.id, &ids).ok());
  CHECK(ids == std::vector<std::string>{w1.id});

  size_t n = 0;
  REQUIRE(store->ForEachClaim([&](const kb::Claim&) { return ++n < 1; }).ok());
  CHECK(n == 1);  // stopped early

  kb::StoreCounts counts;
  REQUIRE(store->Counts(&counts).ok());
  CHECK(counts.sources == 1);
  CHECK(counts.claims == 2);
  CHECK(counts.assertions == 2);
  CHECK(counts.works == 1);
  CHECK(counts.mentions == 1);
  CHECK(kb_test::CheckConsistency(store.get()).empty());
}

TEST_CASE("Store: re-ingesting the same content is a no-op", "[kb]") {
  kb_test::TempDir dir;
  auto store = kb_test::OpenWritable(dir.Sub("db"));
  kb::SourceRecord rec = MakeRecord("a.txt", "content A", {MakeClaim("x", "reduces", "y")},
                                    {MakeWork("Hall", 2018, "T")});
  kb::PutOutcome outcome;
  REQUIRE(store->PutSource(rec, &outcome).ok());
  kb::StoreCounts before, after;
  REQUIRE(store->Counts(&before).ok());
  for (const char* path : {"a.txt", "copy-of-a.txt"}) {
    kb::SourceRecord again = rec;
    again.source.path = path;
    REQUIRE(store->PutSource(again, &outcome).ok());
    CHECK(outcome == kb::PutOutcome::kUnchanged);
  }
  REQUIRE(store->Counts(&after).ok());
  CHECK(after.sources == before.sources);
  CHECK(after.claims == before.claims);
  CHECK(after.assertions == before.assertions);
  CHECK(after.works == before.works);
  CHECK(after.mentions == before.mentions);
  CHECK(kb_test::CheckConsistency(store.get()).empty());
}

TEST_CASE("Store: the same claim from two sources is one claim with two assertions", "[kb]") {
  kb_test::TempDir dir;
  auto store = kb_test::OpenWritable(dir.Sub("db"));
  kb::Claim c = MakeClaim("foam_rolling", "reduces", "doms");
  kb::Work w = MakeWork("Cheatham", 2015, "Review");
  kb::PutOutcome outcome;
  REQUIRE(store->PutSource(MakeRecord("a.txt", "A", {c}, {w}), &outcome).ok());
  REQUIRE(store->PutSource(MakeRecord("b.txt", "B", {c}, {w}), &outcome).ok());
  std::vector<kb::Assertion> assertions;
  REQUIRE(store->AssertionsForClaim(c.id, &assertions).ok());
  CHECK(assertions.size() == 2);
  std::vector<std::string> citing;
  REQUIRE(store->SourcesCitingWork(w.id, &citing).ok());
  CHECK(citing.size() == 2);
  kb::StoreCounts counts;
  REQUIRE(store->Counts(&counts).ok());
  CHECK(counts.claims == 1);
  CHECK(counts.works == 1);
  CHECK(counts.sources == 2);
  CHECK(kb_test::CheckConsistency(store.get()).empty());
}

TEST_CASE("Store: WorkCandidateIds finds works by DOI, author and year+container", "[kb]") {
  kb_test::TempDir dir;
  auto store = kb_test::OpenWritable(dir.Sub("db"));
  kb::Work cheatham = MakeWork("Cheatham", 2015, "Self-myofascial release review", "10.1/c");
  kb::Work wilke = MakeWork("Wilke", 2019, "Fascial deformation");
  wilke.container = "Journal of Sport Rehabilitation";
  wilke.id = kb::WorkId(wilke);
  kb::PutOutcome outcome;
  REQUIRE(store->PutSource(MakeRecord("a.txt", "A", {}, {cheatham, wilke}), &outcome).ok());

  auto labels = [&](const kb::Work& probe) {
    std::vector<std::string> out;
    REQUIRE(store->WorkCandidateIds(probe, &out).ok());
    std::set<std::string> ids(out.begin(), out.end());
    CHECK(ids.size() == out.size());  // deduplicated
    CHECK(std::is_sorted(out.begin(), out.end()));
    for (const std::string& id : out) {
      kb::Work w;
      CHECK(store->GetWork(id, &w).ok());  // every candidate is stored
    }
    return ids;
  };
  kb::Work by_doi;
  by_doi.doi = "10.1/C";
  kb::Work by_author;
  by_author.authors = {{"CHEATHAM", ""}};
  kb::Work by_venue;
  by_venue.year = 2019;
  by_venue.container = "journal of sport rehabilitation";
  kb::Work by_year;
  by_year.year = 2019;
  kb::Work both = cheatham;  // DOI and author match the same work
  kb::Work nothing;
  nothing.authors = {{"Nobody", ""}};
  nothing.year = 2001;

  CHECK(labels(by_doi) == std::set<std::string>{cheatham.id});
  CHECK(labels(by_author) == std::set<std::string>{cheatham.id});
  CHECK(labels(by_venue) == std::set<std::string>{wilke.id});
  CHECK(labels(by_year) == std::set<std::string>{wilke.id});
  CHECK(labels(both) == std::set<std::string>{cheatham.id});
  CHECK(labels(nothing).empty());
}

TEST_CASE("Store: records that would leave dangling entries are refused", "[kb]") {
  kb_test::TempDir dir;
  auto store = kb_test::OpenWritable(dir.Sub("db"));
  kb::Claim c = MakeClaim("a", "reduces", "b");
  kb::Work w = MakeWork("Hall", 2018, "T");

  kb::SourceRecord unknown_claim = MakeRecord("a.txt", "A", {c}, {});
  unknown_claim.claims.clear();
  kb::SourceRecord unknown_work = MakeRecord("b.txt", "B", {c}, {w});
  unknown_work.works.clear();
  kb::SourceRecord no_path = MakeRecord("", "C", {}, {});

  struct Case {
    kb::SourceRecord record;
    const char* message;
  } cases[] = {
      {unknown_claim, "refers to claim"},
      {unknown_work, "cites work"},
      {no_path, "needs a non-empty id and path"},
  };
  for (const Case& k : cases) {
    kb::PutOutcome outcome;
    kb::Status s = store->PutSource(k.record, &outcome);
    CHECK(s.IsInvalidArgument());
    CHECK_THAT(s.message(), Catch::Contains(k.message));
  }
  kb::StoreCounts counts;
  REQUIRE(store->Counts(&counts).ok());
  CHECK(counts.sources == 0);
  CHECK(kb_test::CheckConsistency(store.get()).empty());
}

TEST_CASE("Store: concepts are written, overwritten and counted once", "[kb]") {
  kb_test::TempDir dir;
  auto store = kb_test::OpenWritable(dir.Sub("db"));
  std::vector<kb::Concept> concepts = {{"doms", "outcome", {"DOMS"}, ""},
                                       {"it_band", "structure", {"IT band"}, "fascia"}};
  REQUIRE(store->PutConcepts(concepts).ok());
  concepts[0].labels.push_back("muscle soreness");
  REQUIRE(store->PutConcepts(concepts).ok());
  kb::Concept c;
  REQUIRE(store->GetConcept("doms", &c).ok());
  CHECK(c.labels == std::vector<std::string>{"DOMS", "muscle soreness"});
  CHECK(store->GetConcept("nope", &c).IsNotFound());
  kb::StoreCounts counts;
  REQUIRE(store->Counts(&counts).ok());
  CHECK(counts.concepts == 2);
  size_t n = 0;
  REQUIRE(store->ForEachConcept([&](const kb::Concept&) { return ++n > 0; }).ok());
  CHECK(n == 2);
}

TEST_CASE("Store: batched reads equal one read per id, in order, absent ids marked", "[kb]") {
  kb_test::TempDir dir;
  auto store = kb_test::OpenWritable(dir.Sub("db"));
  kb::Claim c1 = MakeClaim("foam_rolling", "reduces", "doms");
  kb::Claim c2 = MakeClaim("massage", "improves", "recovery");
  kb::Work w1 = MakeWork("Cheatham", 2015, "Review", "10.1/cheat");
  kb::Work w2 = MakeWork("Pearcey", 2015, "Trial");
  kb::PutOutcome outcome;
  REQUIRE(store->PutSource(MakeRecord("a.txt", "A", {c1, c2}, {w1, w2}), &outcome).ok());
  REQUIRE(store->PutSource(MakeRecord("b.txt", "B", {c1}, {w2}), &outcome).ok());
  store.reset();
  store = kb_test::OpenReadOnly(dir.Sub("db"));

  // Enough ids to need several MultiGet slices, repeats and absent ones among them.
  std::vector<std::string> claim_ids, work_ids;
  for (int i = 0; i < 300; ++i) {
    claim_ids.push_back(i % 3 == 0 ? c1.id : i % 3 == 1 ? "c-missing" + std::to_string(i) : c2.id);
    work_ids.push_back(i % 2 == 0 ? w2.id : i % 5 == 1 ? "w-missing" : w1.id);
  }
  std::vector<std::shared_ptr<const kb::ClaimRecord>> records;
  REQUIRE(store->GetClaimRecords(claim_ids, &records).ok());
  REQUIRE(records.size() == claim_ids.size());
  for (size_t i = 0; i < claim_ids.size(); ++i) {
    kb::Claim one;
    kb::EvidenceSummary one_summary;
    kb::Status s = store->GetClaim(claim_ids[i], &one);
    REQUIRE((records[i] != nullptr) == s.ok());
    if (records[i] == nullptr) continue;
    REQUIRE(store->GetClaimSummary(claim_ids[i], &one_summary).ok());
    CHECK(records[i]->claim.id == claim_ids[i]);
    CHECK(records[i]->claim.text == one.text);
    CHECK(records[i]->summary.Count(kb::Stance::kAsserts) ==
          one_summary.Count(kb::Stance::kAsserts));
    CHECK(records[i]->summary.Count(kb::Stance::kAsserts) == (claim_ids[i] == c1.id ? 2u : 1u));
  }
  std::vector<bool> found;

  std::vector<kb::Work> works;
  REQUIRE(store->GetWorks(work_ids, &works, &found).ok());
  REQUIRE(works.size() == work_ids.size());
  for (size_t i = 0; i < work_ids.size(); ++i) {
    kb::Work one;
    REQUIRE(found[i] == store->GetWork(work_ids[i], &one).ok());
    if (found[i]) CHECK(works[i].title == one.title);
  }
  CHECK(std::count(found.begin(), found.end(), false) ==
        std::count(work_ids.begin(), work_ids.end(), "w-missing"));

  std::vector<kb::RankedAssertion> top;
  REQUIRE(store->TopAssertionsForClaim(c1.id, 10, &top, nullptr).ok());
  REQUIRE(top.size() == 2);
  kb::RankedAssertion absent = top[0];
  absent.span_begin += 1000;
  std::vector<const kb::RankedAssertion*> refs = {&top[1], &absent, &top[0], &top[1]};
  std::vector<kb::Assertion> assertions;
  REQUIRE(store->GetAssertions(refs, &assertions, &found).ok());
  CHECK(found == std::vector<bool>{true, false, true, true});
  for (size_t i : {0, 2, 3}) {
    kb::Assertion one;
    REQUIRE(store->GetAssertion(*refs[i], &one).ok());
    CHECK(assertions[i].source_id == one.source_id);
    CHECK(assertions[i].span_begin == one.span_begin);
    CHECK(assertions[i].works == one.works);
  }
  CHECK(assertions[0].source_id != assertions[2].source_id);
}
