// kb/src/verdict.cc: one case per weighing rule, combining rule and boundary.
#include "kb/verdict.h"

#include <catch2/catch.hpp>

namespace vr = kb::verdict_rules;
using kb::Attribution;
using kb::LinkKind;
using kb::Stance;
using kb::Verdict;
using kb::WeighedStance;

namespace {

kb::Work MakeWork(const std::string& id, int level) {
  kb::Work w;
  w.id = id;
  w.level = level;
  return w;
}

kb::Assertion MakeAssertion(Attribution who, std::vector<kb::WorkLink> links = {},
                            bool hedged = false) {
  kb::Assertion a;
  a.attribution = who;
  a.works = std::move(links);
  a.hedged = hedged;
  return a;
}

WeighedStance For(double w, bool researched = true) { return {Stance::kAsserts, w, researched}; }
WeighedStance Against(double w, bool researched = true) { return {Stance::kDenies, w, researched}; }

Verdict VerdictOf(const std::vector<WeighedStance>& items) {
  return kb::CombineEvidence(items).verdict;
}

}  // namespace

TEST_CASE("AssertionWeight: a direct work weighs by its evidence level", "[verdict]") {
  for (int level = 1; level <= 5; ++level) {
    const kb::Assertion a = MakeAssertion(Attribution::kStudy, {{"w1", LinkKind::kDirect}});
    CHECK(kb::AssertionWeight(a, {MakeWork("w1", level)}) ==
          Approx(std::max(vr::kLevelWeight[level], vr::kUncitedStudyWeight)));
  }
  const kb::Assertion a = MakeAssertion(Attribution::kAuthor, {{"w1", LinkKind::kDirect}});
  CHECK(kb::AssertionWeight(a, {MakeWork("w1", 1)}) == Approx(1.0));
  CHECK(kb::AssertionWeight(a, {MakeWork("w1", 1)}) > kb::AssertionWeight(a, {MakeWork("w1", 2)}));
  CHECK(kb::AssertionWeight(a, {MakeWork("w1", 3)}) > kb::AssertionWeight(a, {MakeWork("w1", 4)}));
}

TEST_CASE("AssertionWeight: levels out of range are clamped", "[verdict]") {
  const kb::Assertion a = MakeAssertion(Attribution::kAuthor, {{"w1", LinkKind::kDirect}});
  CHECK(kb::AssertionWeight(a, {MakeWork("w1", 0)}) == Approx(vr::kLevelWeight[1]));
  CHECK(kb::AssertionWeight(a, {MakeWork("w1", 9)}) == Approx(vr::kLevelWeight[5]));
}

TEST_CASE("AssertionWeight: context links count a little less, bibliography clearly less",
          "[verdict]") {
  const kb::Work w = MakeWork("w1", 1);
  const double direct =
      kb::AssertionWeight(MakeAssertion(Attribution::kAuthor, {{"w1", LinkKind::kDirect}}), {w});
  const double context =
      kb::AssertionWeight(MakeAssertion(Attribution::kAuthor, {{"w1", LinkKind::kContext}}), {w});
  const double biblio = kb::AssertionWeight(
      MakeAssertion(Attribution::kAuthor, {{"w1", LinkKind::kBibliography}}), {w});
  CHECK(direct == Approx(vr::kDirectLinkFactor));
  CHECK(context == Approx(vr::kContextLinkFactor));
  CHECK(biblio == Approx(vr::kBibliographyLinkFactor));
  CHECK(direct > context);
  CHECK(context - biblio > direct - context);
}

TEST_CASE("AssertionWeight: the best linked work decides", "[verdict]") {
  const kb::Assertion a = MakeAssertion(
      Attribution::kAuthor, {{"weak", LinkKind::kDirect}, {"strong", LinkKind::kDirect}});
  CHECK(kb::AssertionWeight(a, {MakeWork("weak", 5), MakeWork("strong", 2)}) ==
        Approx(vr::kLevelWeight[2]));
}

TEST_CASE("AssertionWeight: missing works are skipped", "[verdict]") {
  const kb::Assertion a = MakeAssertion(Attribution::kAuthor,
                                        {{"gone", LinkKind::kDirect}, {"w2", LinkKind::kContext}});
  CHECK(kb::AssertionWeight(a, {MakeWork("w2", 1)}) == Approx(vr::kContextLinkFactor));
  CHECK(kb::AssertionWeight(a, {}) == Approx(vr::kUncitedAuthorWeight));
}

TEST_CASE("AssertionWeight: without a work, who says it decides", "[verdict]") {
  const double expert = kb::AssertionWeight(MakeAssertion(Attribution::kExpert), {});
  const double author = kb::AssertionWeight(MakeAssertion(Attribution::kAuthor), {});
  const double hearsay = kb::AssertionWeight(MakeAssertion(Attribution::kHearsay), {});
  const double anecdote = kb::AssertionWeight(MakeAssertion(Attribution::kAnecdote), {});
  CHECK(expert == Approx(vr::kLevelWeight[5]));  // a quoted expert is expert opinion
  CHECK(author == Approx(vr::kUncitedAuthorWeight));
  CHECK(hearsay == Approx(vr::kHearsayWeight));
  CHECK(anecdote == Approx(vr::kAnecdoteWeight));
  CHECK(expert > author);
  CHECK(author > hearsay);
  CHECK(hearsay > anecdote);
  CHECK(anecdote > 0);
}

TEST_CASE("AssertionWeight: hearsay stays hearsay even next to a reference", "[verdict]") {
  const kb::Assertion a = MakeAssertion(Attribution::kHearsay, {{"w1", LinkKind::kDirect}});
  CHECK(kb::AssertionWeight(a, {MakeWork("w1", 1)}) == Approx(vr::kHearsayWeight));
  CHECK_FALSE(kb::IsResearched(a, {MakeWork("w1", 1)}));
}

TEST_CASE("AssertionWeight: hedging lowers the weight", "[verdict]") {
  const kb::Work w = MakeWork("w1", 1);
  const double plain =
      kb::AssertionWeight(MakeAssertion(Attribution::kAuthor, {{"w1", LinkKind::kDirect}}), {w});
  const double hedged = kb::AssertionWeight(
      MakeAssertion(Attribution::kAuthor, {{"w1", LinkKind::kDirect}}, true), {w});
  CHECK(hedged == Approx(plain * vr::kHedgeFactor));
  CHECK(kb::AssertionWeight(MakeAssertion(Attribution::kAuthor, {}, true), {}) ==
        Approx(vr::kUncitedAuthorWeight * vr::kHedgeFactor));
}

TEST_CASE("IsResearched: a work of level 4 or better, not hearsay or anecdote", "[verdict]") {
  const kb::Assertion a = MakeAssertion(Attribution::kAuthor, {{"w1", LinkKind::kDirect}});
  CHECK(kb::IsResearched(a, {MakeWork("w1", vr::kResearchMaxLevel)}));
  CHECK_FALSE(kb::IsResearched(a, {MakeWork("w1", vr::kResearchMaxLevel + 1)}));
  CHECK_FALSE(kb::IsResearched(a, {}));
  CHECK_FALSE(kb::IsResearched(MakeAssertion(Attribution::kAnecdote, {{"w1", LinkKind::kDirect}}),
                               {MakeWork("w1", 1)}));
  const WeighedStance ws = kb::WeighAssertion(a, {MakeWork("w1", 1)}, 0.5);
  CHECK(ws.weight == Approx(0.5));
  CHECK(ws.researched);
}

TEST_CASE("CombineEvidence: nothing to weigh is unknown", "[verdict]") {
  CHECK(VerdictOf({}) == Verdict::kUnknown);
  CHECK(VerdictOf({For(0), Against(0)}) == Verdict::kUnknown);
  CHECK(kb::CombineEvidence({}).confidence == 0);
}

TEST_CASE("CombineEvidence: research affirms, nothing denies: supported", "[verdict]") {
  CHECK(VerdictOf({For(1.0)}) == Verdict::kSupported);
  CHECK(VerdictOf({For(0.27), For(0.2, false)}) == Verdict::kSupported);
}

TEST_CASE("CombineEvidence: only uncited statements affirm, nothing denies: unsupported",
          "[verdict]") {
  CHECK(VerdictOf({For(vr::kUncitedAuthorWeight, false)}) == Verdict::kUnsupported);
  CHECK(VerdictOf({For(vr::kHearsayWeight, false), For(vr::kAnecdoteWeight, false)}) ==
        Verdict::kUnsupported);
  CHECK(VerdictOf({For(vr::kExpertOpinionWeight, false)}) == Verdict::kUnsupported);
}

TEST_CASE("CombineEvidence: supported boundary at kClearMargin times the denials", "[verdict]") {
  const double against = 0.4;  // credible: above kCredibleStrength
  CHECK(VerdictOf({For(vr::kClearMargin * against), Against(against)}) == Verdict::kSupported);
  CHECK(VerdictOf({For(vr::kClearMargin * against - 0.01), Against(against)}) ==
        Verdict::kDisputed);
}

TEST_CASE("CombineEvidence: refuted boundary at kClearMargin times the affirmations", "[verdict]") {
  const double affirm = 0.4;
  CHECK(VerdictOf({For(affirm), Against(vr::kClearMargin * affirm)}) == Verdict::kRefuted);
  CHECK(VerdictOf({For(affirm), Against(vr::kClearMargin * affirm - 0.01)}) == Verdict::kDisputed);
}

TEST_CASE("CombineEvidence: credible evidence on both sides, neither clearly ahead: disputed",
          "[verdict]") {
  CHECK(VerdictOf({For(1.0), Against(1.0)}) == Verdict::kDisputed);
  CHECK(VerdictOf({For(0.5), Against(vr::kExpertOpinionWeight, false)}) == Verdict::kDisputed);
}

TEST_CASE("CombineEvidence: a lone uncited denial does not dispute research", "[verdict]") {
  // Within kClearMargin, but the denial is below kCredibleStrength.
  CHECK(VerdictOf({For(0.3), Against(vr::kUncitedAuthorWeight, false)}) == Verdict::kSupported);
  CHECK(VerdictOf({For(0.3), Against(vr::kCredibleStrength, false)}) == Verdict::kDisputed);
  CHECK(VerdictOf({For(0.3), Against(vr::kCredibleStrength - 0.01, false)}) == Verdict::kSupported);
}

TEST_CASE("CombineEvidence: denials against only uncited affirmations: refuted", "[verdict]") {
  CHECK(VerdictOf({For(vr::kHearsayWeight, false), Against(vr::kUncitedAuthorWeight, false)}) ==
        Verdict::kRefuted);
  CHECK(VerdictOf({For(vr::kUncitedAuthorWeight, false), For(vr::kHearsayWeight, false),
                   Against(0.6)}) == Verdict::kRefuted);
  // Equal unbacked weight on both sides: the affirmation is not ahead.
  CHECK(VerdictOf({For(0.2, false), Against(0.2, false)}) == Verdict::kRefuted);
}

TEST_CASE("CombineEvidence: uncited affirmations clearly ahead of a denial stay unsupported",
          "[verdict]") {
  const double against = vr::kHearsayWeight;
  CHECK(VerdictOf({For(vr::kClearMargin * against, false), Against(against, false)}) ==
        Verdict::kUnsupported);
  CHECK(VerdictOf({For(vr::kClearMargin * against - 0.01, false), Against(against, false)}) ==
        Verdict::kRefuted);
}

TEST_CASE("CombineEvidence: repetition corroborates but does not multiply", "[verdict]") {
  const kb::VerdictResult r =
      kb::CombineEvidence({For(0.2, false), For(0.2, false), For(0.2, false)});
  CHECK(r.for_weight == Approx(0.2 + 2 * vr::kCorroborationFactor * 0.2));
  CHECK(r.against_weight == 0);
  // Ten uncited affirmations do not outweigh one level-1 denial.
  std::vector<WeighedStance> many(10, For(vr::kUncitedAuthorWeight, false));
  many.push_back(Against(1.0));
  CHECK(VerdictOf(many) == Verdict::kRefuted);
}

TEST_CASE("CombineEvidence: confidence grows with evidence and margin, within [0,1]", "[verdict]") {
  const double one = kb::CombineEvidence({For(1.0)}).confidence;
  const double three = kb::CombineEvidence({For(1.0), For(1.0), For(1.0)}).confidence;
  const double weak = kb::CombineEvidence({For(0.2, false)}).confidence;
  const double split = kb::CombineEvidence({For(1.0), Against(0.45)}).confidence;
  CHECK(one > weak);
  CHECK(three > one);
  CHECK(one > split);
  for (double c : {one, three, weak, split}) {
    CHECK(c >= 0);
    CHECK(c <= 1);
  }
  CHECK(one == Approx(1.0 - std::exp(-1.0 / vr::kConfidenceScale)));
  // A dispute is most certain when the sides are even.
  CHECK(kb::CombineEvidence({For(1.0), Against(1.0)}).confidence >
        kb::CombineEvidence({For(1.0), Against(0.6)}).confidence);
}

TEST_CASE("VerdictName and ParseVerdict round-trip", "[verdict]") {
  for (Verdict v : {Verdict::kSupported, Verdict::kRefuted, Verdict::kDisputed,
                    Verdict::kUnsupported, Verdict::kUnknown}) {
    Verdict parsed;
    REQUIRE(kb::ParseVerdict(kb::VerdictName(v), &parsed));
    CHECK(parsed == v);
  }
  Verdict parsed;
  CHECK_FALSE(kb::ParseVerdict("true", &parsed));
}

TEST_CASE("CombineSides: summed-up sides give CombineEvidence's result", "[verdict]") {
  const std::vector<WeighedStance> items = {For(0.6), For(0.2, false), Against(0.45, false),
                                            Against(0.3)};
  kb::SideEvidence affirm, deny;
  for (const WeighedStance& s : items) {
    (s.stance == Stance::kAsserts ? affirm : deny).Add(s.weight, s.researched);
  }
  const kb::VerdictResult a = kb::CombineEvidence(items);
  const kb::VerdictResult b = kb::CombineSides(affirm, deny);
  CHECK(a.verdict == b.verdict);
  CHECK(a.confidence == Approx(b.confidence));
  CHECK(a.for_weight == Approx(0.6 + vr::kCorroborationFactor * 0.2));

  // Merging with a discount weighs every item of the other side by it.
  kb::SideEvidence pooled;
  pooled.Merge(affirm, 0.5);
  CHECK(pooled.strongest == Approx(0.3));
  CHECK(pooled.total == Approx(0.4));
  CHECK(pooled.researched);
  kb::SideEvidence none;
  none.Merge(affirm, 0);
  CHECK(none.total == 0);
  CHECK_FALSE(none.researched);
}
