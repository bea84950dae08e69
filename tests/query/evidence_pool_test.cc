// query/src/evidence_pool.cc: both ways of finding claims give the same
// answer, and pooling reaches narrower subjects and objects.
#include "evidence_pool.h"

#include <algorithm>
#include <catch2/catch.hpp>

#include "query_test_util.h"

using query_test::MakeClaim;
using query_test::Says;
using query_test::Statement;

namespace {

std::vector<std::string> InOrder(const std::vector<const kb::Claim*>& claims) {
  std::vector<std::string> ids;
  for (const kb::Claim* c : claims) ids.push_back(c->id);
  return ids;
}

}  // namespace

TEST_CASE("EvidencePool: lookup by id and index scan find the same claims in the same order",
          "[judge]") {
  query_test::TempDir dir;
  const kb::Lexicon lex = query_test::FixtureLexicon();
  query_test::FixtureStore kb(dir.path() + "/db");
  kb.AddSource("001_a.txt", {Says(MakeClaim("foam_rolling", "reduces", "doms")),
                             Says(MakeClaim("massage_ball", "relieves", "cramp")),
                             Says(MakeClaim("foam_rolling", "improves", "doms")),
                             Says(MakeClaim("doms", "reduces", "cramp"))});
  const std::vector<std::string> subjects = {"foam_rolling", "massage_ball"};
  const std::vector<std::string> objects = {"soreness", "doms", "cramp"};

  query::EvidencePool by_id(kb.store(), &lex);
  query::EvidencePool by_scan(kb.store(), &lex, 0);
  const std::vector<std::string> relations = by_id.SimilarRelations("reduces");
  CHECK(std::find(relations.begin(), relations.end(), "relieves") != relations.end());
  CHECK(std::find(relations.begin(), relations.end(), "improves") == relations.end());

  std::vector<const kb::Claim*> a, b;
  REQUIRE(by_id.FindClaims(subjects, relations, objects, &a).ok());
  REQUIRE(by_scan.FindClaims(subjects, relations, objects, &b).ok());
  CHECK(a.size() == 2);
  CHECK(InOrder(b) == InOrder(a));
}

TEST_CASE("EvidencePool: claims of an object already read come in lookup order", "[judge]") {
  query_test::TempDir dir;
  const kb::Lexicon lex = query_test::FixtureLexicon();
  query_test::FixtureStore kb(dir.path() + "/db");
  kb.AddSource("001_a.txt", {Says(MakeClaim("massage_ball", "relieves", "doms")),
                             Says(MakeClaim("foam_rolling", "relieves", "doms")),
                             Says(MakeClaim("massage_ball", "reduces", "doms")),
                             Says(MakeClaim("foam_rolling", "reduces", "doms")),
                             Says(MakeClaim("foam_rolling", "improves", "doms")),
                             Says(MakeClaim("doms", "reduces", "cramp")),
                             Says(MakeClaim("massage_ball", "reduces", "cramp")),
                             Says(MakeClaim("foam_rolling", "relieves", "cramp"))});
  const std::vector<std::string> subjects = {"foam_rolling", "massage_ball"};
  const std::vector<std::string> objects = {"doms", "soreness", "cramp"};

  query::EvidencePool looked_up(kb.store(), &lex);
  const std::vector<std::string> relations = looked_up.SimilarRelations("reduces");
  std::vector<const kb::Claim*> want;
  REQUIRE(looked_up.FindClaims(subjects, relations, objects, &want).ok());
  REQUIRE(want.size() == 6);
  // Every object's claims read first, then one object's only.
  for (size_t held : {objects.size(), size_t{1}}) {
    query::EvidencePool pool(kb.store(), &lex);
    for (size_t i = 0; i < held; ++i) {
      const std::vector<const kb::Claim*>* about = nullptr;
      REQUIRE(pool.ClaimsAbout(objects[i], &about).ok());
    }
    std::vector<const kb::Claim*> got;
    REQUIRE(pool.FindClaims(subjects, relations, objects, &got).ok());
    CHECK(InOrder(got) == InOrder(want));
  }
}

TEST_CASE("EvidencePool: a claim pools narrower subjects and objects", "[judge]") {
  query_test::TempDir dir;
  const kb::Lexicon lex = query_test::FixtureLexicon();
  query_test::FixtureStore kb(dir.path() + "/db");
  Statement denial = Says(MakeClaim("massage_ball", "relieves", "doms"), kb::Stance::kDenies);
  kb.AddSource("001_a.txt", {Says(MakeClaim("foam_rolling", "reduces", "soreness")), denial});
  query::EvidencePool pool(kb.store(), &lex);
  query::Judgement j;
  REQUIRE(pool.JudgeClaim(MakeClaim("foam_rolling", "reduces", "soreness"), &j).ok());
  REQUIRE(j.against_evidence.size() == 1);
  // subject 0.9 x relation (same family) x object 0.9, times an uncited statement.
  const double closeness = 0.9 * lex.RelationSimilarity("reduces", "relieves") * 0.9;
  CHECK(j.against_evidence[0].weight ==
        Approx(closeness * kb::verdict_rules::kUncitedAuthorWeight));
}

TEST_CASE("EvidencePool: a judgement from stored summaries equals one from the assertions",
          "[judge]") {
  query_test::TempDir dir;
  const kb::Lexicon lex = query_test::FixtureLexicon();
  query_test::FixtureStore kb(dir.path() + "/db");
  const kb::Claim doms = MakeClaim("foam_rolling", "reduces", "doms");
  const kb::Work review = query_test::MakeWork("Wiewelhove", 2019, "meta_analysis", 1);
  const kb::Work lab = query_test::MakeWork("Macdonald", 2014, "lab", 3);
  kb.AddSource("001_a.txt", {Says(doms, kb::Stance::kAsserts, {lab})});
  kb.AddSource("002_b.txt", {Says(doms, kb::Stance::kDenies, {review})});
  kb.AddSource("003_c.txt", {Says(doms, kb::Stance::kAsserts, {}, kb::Attribution::kExpert),
                             Says(doms, kb::Stance::kDenies, {}, kb::Attribution::kHearsay)});
  // A later article grades the lab study higher: the first article's
  // assertion weighs more from now on.
  kb.AddSource("004_d.txt", {Says(MakeClaim("massage_ball", "relieves", "cramp"),
                                  kb::Stance::kAsserts, {query_test::MakeWork("Macdonald", 2014,
                                                                              "rct", 2)})});

  // Afresh: every assertion of the claim weighed with the works as stored.
  std::vector<kb::Assertion> assertions;
  REQUIRE(kb.store()->AssertionsForClaim(doms.id, &assertions).ok());
  REQUIRE(assertions.size() == 4);
  std::vector<kb::WeighedStance> items;
  for (const kb::Assertion& a : assertions) {
    std::vector<kb::Work> works;
    for (const kb::WorkLink& link : a.works) {
      kb::Work w;
      REQUIRE(kb.store()->GetWork(link.work_id, &w).ok());
      works.push_back(w);
    }
    items.push_back(kb::WeighAssertion(a, works));
  }
  const kb::VerdictResult fresh = kb::CombineEvidence(items);

  query::EvidencePool pool(kb.store(), &lex);
  query::Judgement listed, unlisted;
  REQUIRE(pool.JudgeClaim(doms, &listed).ok());
  REQUIRE(query::EvidencePool(kb.store(), &lex).JudgeClaim(doms, &unlisted, false).ok());
  for (const query::Judgement* j : {&listed, &unlisted}) {
    CHECK(j->verdict == fresh.verdict);
    CHECK(j->confidence == Approx(fresh.confidence));
    CHECK(j->for_count == 2);
    CHECK(j->against_count == 2);
  }
  CHECK(unlisted.for_evidence.empty());
  REQUIRE(listed.for_evidence.size() == 2);
  // The lab study, now graded an RCT (level 2), is the strongest affirmation.
  CHECK(listed.for_evidence[0].weight == Approx(kb::verdict_rules::kLevelWeight[2]));
}
