// query/src/judge.cc: matching through the is-a hierarchy and relation
// families, pooling narrower claims, ranking; a real store in a temp dir.
#include "query/judge.h"

#include <catch2/catch.hpp>

#include "query_test_util.h"

using kb::Attribution;
using kb::Stance;
using kb::Verdict;
using query::Judge;
using query::Judgement;
using query_test::MakeClaim;
using query_test::MakeWork;
using query_test::Says;
using query_test::Statement;

namespace {

struct Fixture {
  query_test::TempDir dir;
  kb::Lexicon lex = query_test::FixtureLexicon();
  query_test::FixtureStore kb{dir.path() + "/db"};
  Judge judge{kb.store(), &lex};

  std::vector<Judgement> Match(const std::string& s, const std::string& r, const std::string& o) {
    std::vector<Judgement> out;
    kb::Status st = judge.Match(MakeClaim(s, r, o), 10, &out);
    INFO(st.ToString());
    REQUIRE(st.ok());
    return out;
  }
};

const kb::Work kReview = MakeWork("Cheatham", 2015, "systematic_review", 1);
const kb::Work kTrial = MakeWork("Pearcey", 2015, "rct", 2);

// Every listing of `claim`'s match shorter than the full one, made by a
// fresh Judge, is the head of the full listing (a full one is required).
void CheckShorterListings(Fixture* f, const kb::Claim& claim) {
  std::vector<Judgement> full;
  REQUIRE(f->judge.Match(claim, 1, &full).ok());
  REQUIRE(full.size() == 1);
  REQUIRE(full[0].for_evidence.size() == query::kMaxEvidencePerSide);
  for (size_t listed = 0; listed <= query::kMaxEvidencePerSide; ++listed) {
    CAPTURE(listed);
    Judge fresh(f->kb.store(), &f->lex);
    std::vector<Judgement> part;
    REQUIRE(fresh.Match(claim, 1, &part, listed).ok());
    REQUIRE(part.size() == 1);
    REQUIRE(part[0].for_evidence.size() == listed);
    for (size_t i = 0; i < listed; ++i) {
      CHECK(part[0].for_evidence[i].source.path == full[0].for_evidence[i].source.path);
      CHECK(part[0].for_evidence[i].weight == full[0].for_evidence[i].weight);
    }
  }
}

}  // namespace

TEST_CASE("Judge: the exact claim matches with score 1", "[judge]") {
  Fixture f;
  f.kb.AddSource("001_a.txt",
                 {Says(MakeClaim("foam_rolling", "reduces", "doms"), Stance::kAsserts, {kTrial})});
  const auto m = f.Match("foam_rolling", "reduces", "doms");
  REQUIRE(m.size() == 1);
  CHECK(m[0].claim.id == kb::ClaimId("foam_rolling", "reduces", "doms"));
  CHECK(m[0].match == Approx(1.0));
  CHECK(m[0].verdict == Verdict::kSupported);
  REQUIRE(m[0].for_evidence.size() == 1);
  CHECK(m[0].for_evidence[0].source.path == "001_a.txt");
  REQUIRE(m[0].for_evidence[0].works.size() == 1);
  CHECK(m[0].for_evidence[0].works[0].id == kTrial.id);
}

TEST_CASE("Judge: a narrower subject matches at kNarrowerConcept", "[judge]") {
  Fixture f;
  f.kb.AddSource("001_a.txt",
                 {Says(MakeClaim("massage_ball", "reduces", "doms"), Stance::kAsserts, {kTrial})});
  const auto m = f.Match("foam_rolling", "reduces", "doms");
  REQUIRE(m.size() == 1);
  CHECK(m[0].match == Approx(0.9));
}

TEST_CASE("Judge: a relation of the same family matches, discounted", "[judge]") {
  Fixture f;
  f.kb.AddSource("001_a.txt",
                 {Says(MakeClaim("foam_rolling", "reduces", "doms"), Stance::kAsserts, {kTrial})});
  const auto m = f.Match("foam_rolling", "relieves", "doms");
  REQUIRE(m.size() == 1);
  CHECK(m[0].match == Approx(f.lex.RelationSimilarity("relieves", "reduces")));
  CHECK(m[0].match < 1.0);
}

TEST_CASE("Judge: an opposite relation does not match", "[judge]") {
  Fixture f;
  f.kb.AddSource("001_a.txt",
                 {Says(MakeClaim("foam_rolling", "reduces", "doms"), Stance::kAsserts, {kTrial})});
  CHECK(f.Match("foam_rolling", "improves", "doms").empty());
}

TEST_CASE("Judge: a broader object matches at kBroaderConcept", "[judge]") {
  Fixture f;
  f.kb.AddSource("001_a.txt",
                 {Says(MakeClaim("foam_rolling", "breaks_down", "scar_tissue"), Stance::kAsserts)});
  const auto m = f.Match("foam_rolling", "breaks_down", "adhesions");
  REQUIRE(m.size() == 1);
  CHECK(m[0].match == Approx(0.7));
}

TEST_CASE("Judge: a sibling object under a non-root parent matches at kSiblingConcept", "[judge]") {
  Fixture f;
  f.kb.AddSource("001_a.txt",
                 {Says(MakeClaim("foam_rolling", "reduces", "doms"), Stance::kAsserts, {kTrial})});
  const auto m = f.Match("foam_rolling", "reduces", "cramp");
  REQUIRE(m.size() == 1);
  CHECK(m[0].match == Approx(0.5));
}

TEST_CASE("Judge: siblings under a root do not match", "[judge]") {
  Fixture f;
  // soreness and knee_pain share only the root "pain".
  f.kb.AddSource("001_a.txt",
                 {Says(MakeClaim("foam_rolling", "reduces", "knee_pain"), Stance::kAsserts)});
  CHECK(f.Match("foam_rolling", "reduces", "soreness").empty());
}

TEST_CASE("Judge: nothing matches, nothing is guessed", "[judge]") {
  Fixture f;
  f.kb.AddSource("001_a.txt",
                 {Says(MakeClaim("foam_rolling", "reduces", "doms"), Stance::kAsserts, {kTrial})});
  CHECK(f.Match("foam_rolling", "reduces", "fascia").empty());
  CHECK(f.Match("foam_rolling", "reduces", "diabetes").empty());
  CHECK(f.Match("stretching", "reduces", "doms").empty());
  CHECK(f.Match("", "reduces", "doms").empty());
}

TEST_CASE("Judge: denials of a narrower claim count against the broader one", "[judge]") {
  Fixture f;
  const kb::Claim scar = MakeClaim("foam_rolling", "breaks_down", "scar_tissue");
  const kb::Claim adhesions = MakeClaim("foam_rolling", "breaks_down", "adhesions");
  f.kb.AddSource("001_blog.txt", {Says(scar, Stance::kAsserts)});
  f.kb.AddSource("002_review.txt", {Says(adhesions, Stance::kDenies, {kReview})});
  const auto m = f.Match("foam_rolling", "breaks_down", "scar_tissue");
  REQUIRE(m.size() == 2);
  CHECK(m[0].claim.id == scar.id);  // the exact claim first
  CHECK(m[0].verdict == Verdict::kRefuted);
  REQUIRE(m[0].against_evidence.size() == 1);
  CHECK(m[0].against_evidence[0].source.path == "002_review.txt");
  CHECK(m[0].against_evidence[0].claim.id == adhesions.id);
  CHECK(m[0].against_evidence[0].weight == Approx(0.9));  // weighed by closeness
  CHECK(m[1].claim.id == adhesions.id);
  CHECK(m[1].match == Approx(0.9));
}

TEST_CASE("Judge: broader claims are not pooled into narrower ones", "[judge]") {
  Fixture f;
  f.kb.AddSource("001_blog.txt", {Says(MakeClaim("foam_rolling", "breaks_down", "scar_tissue"),
                                       Stance::kDenies, {kReview})});
  f.kb.AddSource("002_blog.txt",
                 {Says(MakeClaim("foam_rolling", "breaks_down", "adhesions"), Stance::kAsserts)});
  Judgement j;
  REQUIRE(f.judge.JudgeClaim(kb::ClaimId("foam_rolling", "breaks_down", "adhesions"), &j).ok());
  CHECK(j.against_evidence.empty());
  CHECK(j.verdict == Verdict::kUnsupported);
}

TEST_CASE("Judge: equal scores rank by evidence weight", "[judge]") {
  Fixture f;
  f.kb.AddSource("001_a.txt",
                 {Says(MakeClaim("foam_rolling", "reduces", "cramp"), Stance::kAsserts)});
  f.kb.AddSource("002_b.txt",
                 {Says(MakeClaim("foam_rolling", "reduces", "doms"), Stance::kAsserts, {kReview})});
  const auto m = f.Match("foam_rolling", "reduces", "soreness");
  REQUIRE(m.size() == 2);
  CHECK(m[0].match == Approx(m[1].match));
  CHECK(m[0].claim.object == "doms");
}

TEST_CASE("Judge: mechanisms are counted per assertion", "[judge]") {
  Fixture f;
  Statement a = Says(MakeClaim("foam_rolling", "reduces", "doms"), Stance::kAsserts, {kTrial});
  a.mechanisms = {"neurological"};
  Statement b = Says(MakeClaim("foam_rolling", "reduces", "doms"), Stance::kAsserts);
  b.mechanisms = {"neurological", "mechanical"};
  f.kb.AddSource("001_a.txt", {a});
  f.kb.AddSource("002_b.txt", {b});
  const auto m = f.Match("foam_rolling", "reduces", "doms");
  REQUIRE(m.size() == 1);
  CHECK(m[0].mechanisms.at("neurological") == 2);
  CHECK(m[0].mechanisms.at("mechanical") == 1);
  CHECK(m[0].for_evidence.front().works.size() == 1);  // the stronger first
}

TEST_CASE("Judge: JudgeClaim of an unknown id is NotFound", "[judge]") {
  Fixture f;
  Judgement j;
  CHECK(f.judge.JudgeClaim("c0000000000000000", &j).IsNotFound());
}

TEST_CASE("Judge: evidence lists keep the strongest; counts and verdict take all", "[judge]") {
  Fixture f;
  const kb::Claim doms = MakeClaim("foam_rolling", "reduces", "doms");
  const size_t n = query::kMaxEvidencePerSide + 3;
  for (size_t i = 0; i < n; ++i) {
    f.kb.AddSource("blog_" + std::to_string(i) + ".txt", {Says(doms, Stance::kAsserts)});
  }
  f.kb.AddSource("review.txt", {Says(doms, Stance::kDenies, {kReview})});
  const auto m = f.Match("foam_rolling", "reduces", "doms");
  REQUIRE(m.size() == 1);
  CHECK(m[0].for_evidence.size() == query::kMaxEvidencePerSide);
  CHECK(m[0].for_count == n);
  CHECK(m[0].against_count == 1);
  CHECK(m[0].verdict == Verdict::kRefuted);
  // Equal weights are listed by source path.
  CHECK(m[0].for_evidence[0].source.path < m[0].for_evidence[1].source.path);
}

TEST_CASE("Judge: a shorter listing is the head of the full one", "[judge]") {
  Fixture f;
  const kb::Claim doms = MakeClaim("foam_rolling", "reduces", "doms");
  // Three weights, each tied across sources whose paths do not follow the
  // order they were written in, so every cut falls inside or between ties.
  const char* names[] = {"k", "c", "x", "a", "m", "e", "t", "b", "q", "h", "z"};
  for (size_t i = 0; i < 11; ++i) {
    std::vector<kb::Work> works;
    if (i % 3 == 0) works = {kReview};
    if (i % 3 == 1) works = {kTrial};
    f.kb.AddSource(std::string(names[i]) + ".txt", {Says(doms, Stance::kAsserts, works)});
  }
  CheckShorterListings(&f, doms);
}

TEST_CASE("Judge: a shorter listing of pooled claims is the head of the full one", "[judge]") {
  Fixture f;
  // The broad claim's evidence comes from four claims, each discounted
  // differently, with items of three weights: a short listing reads only
  // the claims whose heaviest item can reach it, and must still list the
  // same items in the same order.
  const kb::Claim broad = MakeClaim("foam_rolling", "reduces", "soreness");
  const kb::Claim narrower[] = {broad, MakeClaim("foam_rolling", "reduces", "doms"),
                                MakeClaim("foam_rolling", "reduces", "cramp"),
                                MakeClaim("massage_ball", "reduces", "doms")};
  const char* names[] = {"k", "c", "x", "a", "m", "e", "t", "b", "q", "h", "z", "d", "p", "g"};
  for (size_t i = 0; i < 14; ++i) {
    std::vector<kb::Work> works;
    if (i % 3 == 0) works = {kReview};
    if (i % 3 == 1) works = {kTrial};
    f.kb.AddSource(std::string(names[i]) + ".txt",
                   {Says(narrower[(i * 7) % 4], Stance::kAsserts, works)});
  }
  CheckShorterListings(&f, broad);
}

TEST_CASE("Judge: listings read the same with or without sources in the index", "[judge]") {
  Fixture f;
  const kb::Claim doms = MakeClaim("foam_rolling", "reduces", "doms");
  // Ties across paths that do not follow the order they were written in.
  const char* names[] = {"k", "c", "x", "a", "m", "e", "t", "b", "q", "h", "z", "d"};
  for (size_t i = 0; i < 12; ++i) {
    std::vector<kb::Work> works;
    if (i % 3 == 0) works = {kReview};
    if (i % 3 == 1) works = {kTrial};
    const Stance stance = i % 4 == 3 ? Stance::kDenies : Stance::kAsserts;
    f.kb.AddSource(std::string(names[i]) + ".txt", {Says(doms, stance, works)});
  }
  auto listing = [&](kb::Store* store) {
    Judge fresh(store, &f.lex);
    std::vector<Judgement> out;
    REQUIRE(fresh.Match(doms, 1, &out).ok());
    REQUIRE(out.size() == 1);
    std::vector<std::string> lines;
    for (const auto* side : {&out[0].for_evidence, &out[0].against_evidence}) {
      for (const query::Evidence& e : *side) {
        kb::Source stored;
        REQUIRE(store->GetSource(e.source.id, &stored).ok());
        CHECK(e.source.path == stored.path);
        CHECK(e.source.title == stored.title);
        lines.push_back(e.source.id + " " + e.source.path + " " + e.source.title + " " +
                        std::to_string(e.weight));
      }
      lines.push_back("--");
    }
    return lines;
  };
  const std::vector<std::string> with_index = listing(f.kb.store());
  REQUIRE(with_index.size() == 12 + 2);
  f.kb.EmptyValues(kb::Cf::kTopEvidence);
  CHECK(listing(f.kb.store()) == with_index);
}

TEST_CASE("Judge: JudgeClaimsWithoutEvidence gives JudgeClaims' verdicts, no lists", "[judge]") {
  Fixture f;
  const kb::Claim soreness = MakeClaim("foam_rolling", "reduces", "soreness");
  const kb::Claim doms = MakeClaim("foam_rolling", "reduces", "doms");
  f.kb.AddSource("a.txt", {Says(soreness, Stance::kAsserts), Says(doms, Stance::kDenies, {kReview})});
  f.kb.AddSource("b.txt", {Says(doms, Stance::kAsserts, {}, Attribution::kExpert)});
  const std::vector<std::string> ids = {soreness.id, "c-not-a-claim", doms.id};
  std::vector<Judgement> listed, bare;
  REQUIRE(Judge(f.kb.store(), &f.lex).JudgeClaims(ids, &listed).ok());
  REQUIRE(Judge(f.kb.store(), &f.lex).JudgeClaimsWithoutEvidence(ids, &bare).ok());
  REQUIRE(listed.size() == 2);
  REQUIRE(bare.size() == 2);
  for (size_t i = 0; i < listed.size(); ++i) {
    CHECK(bare[i].claim.id == listed[i].claim.id);
    CHECK(bare[i].verdict == listed[i].verdict);
    CHECK(bare[i].confidence == listed[i].confidence);
    CHECK(bare[i].for_count == listed[i].for_count);
    CHECK(bare[i].against_count == listed[i].against_count);
    CHECK(bare[i].mechanisms == listed[i].mechanisms);
    CHECK(bare[i].for_evidence.empty());
    CHECK(bare[i].against_evidence.empty());
  }
  CHECK_FALSE(listed[0].for_evidence.empty());
  CHECK(listed[0].against_count == 1);  // the narrower doms denial pools into soreness

  // One judge, verdicts first and listings after: the listings are those a
  // fresh judge makes, and the verdicts asked for again the same.
  Judge reused(f.kb.store(), &f.lex);
  std::vector<Judgement> first, again, relisted;
  REQUIRE(reused.JudgeClaimsWithoutEvidence(ids, &first).ok());
  REQUIRE(reused.JudgeClaims(ids, &relisted).ok());
  REQUIRE(reused.JudgeClaimsWithoutEvidence(ids, &again).ok());
  REQUIRE(relisted.size() == listed.size());
  REQUIRE(again.size() == bare.size());
  for (size_t i = 0; i < listed.size(); ++i) {
    CHECK(relisted[i].verdict == listed[i].verdict);
    CHECK(relisted[i].confidence == listed[i].confidence);
    CHECK(relisted[i].for_count == listed[i].for_count);
    CHECK(relisted[i].mechanisms == listed[i].mechanisms);
    CHECK(relisted[i].for_evidence.size() == listed[i].for_evidence.size());
    CHECK(relisted[i].against_evidence.size() == listed[i].against_evidence.size());
    CHECK(again[i].confidence == bare[i].confidence);
    CHECK(again[i].against_count == bare[i].against_count);
    CHECK(again[i].mechanisms == bare[i].mechanisms);
  }
}

TEST_CASE("Judge: VerdictsAbout a subtree judges each claim as JudgeClaims does", "[judge]") {
  Fixture f;
  // Claims at every depth of the subject and object hierarchies, with
  // relations of one family and of another, a subject the lexicon does not
  // know, and evidence on both sides.
  const kb::Claim broad = MakeClaim("soft_tissue_therapy", "reduces", "pain");
  const kb::Claim mid = MakeClaim("foam_rolling", "reduces", "soreness");
  const kb::Claim deep = MakeClaim("massage_ball", "relieves", "doms");
  const kb::Claim cramp = MakeClaim("foam_rolling", "reduces", "cramp");
  const kb::Claim knee = MakeClaim("massage_ball", "reduces", "knee_pain");
  const kb::Claim other_family = MakeClaim("foam_rolling", "improves", "doms");
  const kb::Claim unknown_subject = MakeClaim("ice_bath", "reduces", "doms");
  f.kb.AddSource("a.txt", {Says(broad, Stance::kAsserts), Says(mid, Stance::kAsserts, {kTrial}),
                           Says(deep, Stance::kDenies, {kReview})});
  f.kb.AddSource("b.txt", {Says(cramp, Stance::kAsserts, {}, Attribution::kExpert),
                           Says(knee, Stance::kDenies), Says(other_family, Stance::kAsserts)});
  f.kb.AddSource("c.txt", {Says(unknown_subject, Stance::kAsserts, {kReview}),
                           Says(deep, Stance::kAsserts, {}, Attribution::kHearsay)});

  auto check_same = [&](const std::vector<std::string>& objects, size_t expected) {
    CAPTURE(objects);
    std::vector<query::ClaimVerdict> about;
    REQUIRE(Judge(f.kb.store(), &f.lex).VerdictsAbout(objects, &about).ok());
    REQUIRE(about.size() == expected);
    std::vector<std::string> ids;
    for (const query::ClaimVerdict& v : about) ids.push_back(v.claim().id);
    REQUIRE(std::is_sorted(ids.begin(), ids.end()));
    std::vector<Judgement> each;
    REQUIRE(Judge(f.kb.store(), &f.lex).JudgeClaimsWithoutEvidence(ids, &each).ok());
    REQUIRE(each.size() == about.size());
    for (size_t i = 0; i < about.size(); ++i) {
      CAPTURE(about[i].claim().subject, about[i].claim().relation, about[i].claim().object);
      CHECK(about[i].claim().id == each[i].claim.id);
      CHECK(about[i].verdict == each[i].verdict);
      CHECK(about[i].confidence == Approx(each[i].confidence).epsilon(1e-12));
    }
    return about;
  };
  // Closed under narrower concepts: judged together.
  const std::vector<query::ClaimVerdict> all =
      check_same({"pain", "soreness", "doms", "cramp", "knee_pain"}, 7);
  // Not closed (doms and cramp are below soreness): their claims are read
  // for the verdicts, and only the claims about the objects asked listed.
  check_same({"soreness", "knee_pain"}, 2);

  // The pooling shows: the broadest claim, said by its author alone, is
  // disputed by the review's denial of a claim two levels below it; the
  // claim with a subject the lexicon lacks pools nothing.
  auto of = [&](const kb::Claim& c) {
    return *std::find_if(all.begin(), all.end(),
                         [&](const query::ClaimVerdict& v) { return v.claim().id == c.id; });
  };
  CHECK(of(broad).verdict != Verdict::kUnsupported);
  CHECK(of(unknown_subject).verdict == Verdict::kSupported);
  CHECK(of(other_family).verdict == Verdict::kUnsupported);
}
