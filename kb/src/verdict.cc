#include "kb/verdict.h"

#include <algorithm>
#include <cmath>

namespace kb {

// Why the values in verdict_rules are what they are.
//
// kLevelWeight: CEBM level 1 (systematic review, meta-analysis) is the
//   reference, 1.0. Each level down loses about a fifth: an RCT (2) is strong
//   but single; cohort, cadaver and lab studies (3) are indirect for a
//   practical claim; a narrative review (4) is someone's reading of the
//   literature; expert opinion and web pages (5) stay above uncited talk.
// kExpertOpinionWeight: a quoted expert with no work is expert opinion, level 5.
// kUncitedStudyWeight: "a study found" with no resolvable work cannot be
//   checked or graded, so it is no better than expert opinion.
// kUncitedAuthorWeight: an author's own unsourced statement; below expert
//   opinion because nobody accountable stands behind it.
// kHearsayWeight / kAnecdoteWeight: "it's believed" and "in my experience"
//   report belief, not evidence; anecdote is one person's sample of one.
// kDirectLinkFactor: a citation in the sentence itself is what the author
//   offers as evidence for it.
// kContextLinkFactor: a citation carried from the neighbouring sentence is
//   usually right ("They also found...") but can drift; a little less.
// kBibliographyLinkFactor: a reference-list entry matched only by its
//   title's concepts may not support this sentence at all: half.
// kHedgeFactor: "may", "some research suggests": the source itself claims
//   less, so the statement weighs about half again less.
// kResearchMaxLevel: levels 1-4 are research (primary studies and reviews);
//   level 5 is opinion and web material.
// kCorroborationFactor: independent sources agreeing add confidence, but ten
//   blogs repeating a claim are not ten studies; the strongest item counts
//   fully and each further one half.
// kClearMargin: "clearly more" means at least double; below that, credible
//   evidence on both sides makes a dispute rather than a winner.
// kCredibleStrength: just under expert opinion (0.3) and above one uncited
//   statement (0.2): a lone unsourced remark does not make a dispute.
// kConfidenceScale: one direct level-1 work (1.0) gives 1 - 1/e ≈ 0.63 of
//   the confidence the amount of evidence can give; more saturates toward 1.

namespace vr = verdict_rules;

const char* VerdictName(Verdict v) {
  switch (v) {
    case Verdict::kSupported:
      return "supported";
    case Verdict::kRefuted:
      return "refuted";
    case Verdict::kDisputed:
      return "disputed";
    case Verdict::kUnsupported:
      return "unsupported";
    case Verdict::kUnknown:
      return "unknown";
  }
  return "unknown";
}

bool ParseVerdict(std::string_view name, Verdict* out) {
  for (Verdict v : {Verdict::kSupported, Verdict::kRefuted, Verdict::kDisputed,
                    Verdict::kUnsupported, Verdict::kUnknown}) {
    if (name == VerdictName(v)) {
      *out = v;
      return true;
    }
  }
  return false;
}

namespace {

double LevelWeight(int level) { return vr::kLevelWeight[std::clamp(level, 1, 5)]; }

double LinkFactor(LinkKind kind) {
  switch (kind) {
    case LinkKind::kDirect:
      return vr::kDirectLinkFactor;
    case LinkKind::kContext:
      return vr::kContextLinkFactor;
    case LinkKind::kBibliography:
      return vr::kBibliographyLinkFactor;
  }
  return vr::kBibliographyLinkFactor;
}

bool ReportsBeliefOnly(Attribution a) {
  return a == Attribution::kHearsay || a == Attribution::kAnecdote;
}

double AttributionWeight(Attribution a) {
  switch (a) {
    case Attribution::kAuthor:
      return vr::kUncitedAuthorWeight;
    case Attribution::kExpert:
      return vr::kExpertOpinionWeight;
    case Attribution::kStudy:
      return vr::kUncitedStudyWeight;
    case Attribution::kHearsay:
      return vr::kHearsayWeight;
    case Attribution::kAnecdote:
      return vr::kAnecdoteWeight;
  }
  return vr::kAnecdoteWeight;
}

// How `work` is tied to `a`. A work the assertion does not list is treated
// as carried from context: the caller says it belongs, but not how.
LinkKind LinkOf(const Assertion& a, const Work& work) {
  for (const WorkLink& link : a.works) {
    if (link.work_id == work.id) return link.kind;
  }
  return LinkKind::kContext;
}

}  // namespace

double AssertionWeight(const Assertion& a, const std::vector<Work>& works) {
  double weight = AttributionWeight(a.attribution);
  // Hearsay and anecdote report belief even when a reference is nearby.
  if (!ReportsBeliefOnly(a.attribution)) {
    for (const Work& w : works) {
      weight = std::max(weight, LevelWeight(w.level) * LinkFactor(LinkOf(a, w)));
    }
  }
  if (a.hedged) weight *= vr::kHedgeFactor;
  return weight;
}

bool IsResearched(const Assertion& a, const std::vector<Work>& works) {
  if (ReportsBeliefOnly(a.attribution)) return false;
  return std::any_of(works.begin(), works.end(),
                     [](const Work& w) { return w.level <= vr::kResearchMaxLevel; });
}

WeighedStance WeighAssertion(const Assertion& a, const std::vector<Work>& works, double discount) {
  return WeighedStance{a.stance, AssertionWeight(a, works) * discount, IsResearched(a, works)};
}

void SideEvidence::Add(double weight, bool is_researched) {
  if (weight <= 0) return;
  strongest = std::max(strongest, weight);
  total += weight;
  researched = researched || is_researched;
}

void SideEvidence::Merge(const SideEvidence& other, double discount) {
  if (other.total <= 0 || discount <= 0) return;
  strongest = std::max(strongest, other.strongest * discount);
  total += other.total * discount;
  researched = researched || other.researched;
}

double SideEvidence::Strength() const {
  return strongest + vr::kCorroborationFactor * (total - strongest);
}

VerdictResult CombineEvidence(const std::vector<WeighedStance>& items) {
  SideEvidence affirm, deny;
  for (const WeighedStance& s : items) {
    (s.stance == Stance::kAsserts ? affirm : deny).Add(s.weight, s.researched);
  }
  return CombineSides(affirm, deny);
}

VerdictResult CombineSides(const SideEvidence& affirm, const SideEvidence& deny) {
  VerdictResult r;
  const double f = affirm.Strength();
  const double a = deny.Strength();
  r.for_weight = f;
  r.against_weight = a;
  if (f + a <= 0) return r;

  const bool deny_credible = deny.researched || a >= vr::kCredibleStrength;
  bool disputed = false;
  if (a == 0) {
    r.verdict = affirm.researched ? Verdict::kSupported : Verdict::kUnsupported;
  } else if (!affirm.researched) {
    // Nothing research-backed affirms: unless the unbacked affirmations are
    // clearly ahead, the denials stand.
    r.verdict = f >= vr::kClearMargin * a ? Verdict::kUnsupported : Verdict::kRefuted;
  } else if (f >= vr::kClearMargin * a) {
    r.verdict = Verdict::kSupported;
  } else if (a >= vr::kClearMargin * f) {
    r.verdict = Verdict::kRefuted;
  } else if (deny_credible) {
    r.verdict = Verdict::kDisputed;
    disputed = true;
  } else {
    // Research affirms; only a lone unsourced remark denies.
    r.verdict = Verdict::kSupported;
  }

  const double amount = 1.0 - std::exp(-(f + a) / vr::kConfidenceScale);
  const double margin = std::fabs(f - a) / (f + a);
  const double agreement = disputed ? 1.0 - margin : margin;
  r.confidence = std::clamp(amount * (0.5 + 0.5 * agreement), 0.0, 1.0);
  return r;
}

namespace {

bool BucketBefore(const EvidenceSummary::Bucket& b, uint32_t units, bool researched) {
  if (b.weight_units != units) return b.weight_units < units;
  return b.researched < researched;
}

}  // namespace

uint32_t EvidenceSummary::WeightUnits(double weight) {
  if (!(weight > 0)) return 0;
  return static_cast<uint32_t>(std::llround(std::min(weight, 1000.0) / kWeightUnit));
}

void EvidenceSummary::Add(const WeighedStance& s, const std::vector<std::string>& mechanism_tags) {
  std::vector<Bucket>& side = s.stance == Stance::kAsserts ? affirm : deny;
  const uint32_t units = WeightUnits(s.weight);
  auto it = std::lower_bound(side.begin(), side.end(), units, [&](const Bucket& b, uint32_t u) {
    return BucketBefore(b, u, s.researched);
  });
  if (it == side.end() || it->weight_units != units || it->researched != s.researched) {
    it = side.insert(it, Bucket{units, s.researched, 0});
  }
  ++it->count;
  for (const std::string& tag : mechanism_tags) ++mechanisms[tag];
}

bool EvidenceSummary::Remove(const WeighedStance& s,
                             const std::vector<std::string>& mechanism_tags) {
  std::vector<Bucket>& side = s.stance == Stance::kAsserts ? affirm : deny;
  const uint32_t units = WeightUnits(s.weight);
  auto it = std::lower_bound(side.begin(), side.end(), units, [&](const Bucket& b, uint32_t u) {
    return BucketBefore(b, u, s.researched);
  });
  if (it == side.end() || it->weight_units != units || it->researched != s.researched) {
    return false;
  }
  std::map<std::string, int> tally;
  for (const std::string& tag : mechanism_tags) ++tally[tag];
  for (const auto& [tag, n] : tally) {
    auto m = mechanisms.find(tag);
    if (m == mechanisms.end() || m->second < n) return false;
  }
  if (--it->count == 0) side.erase(it);
  for (const auto& [tag, n] : tally) {
    auto m = mechanisms.find(tag);
    if ((m->second -= n) == 0) mechanisms.erase(m);
  }
  return true;
}

size_t EvidenceSummary::Count(Stance stance) const {
  size_t n = 0;
  for (const Bucket& b : stance == Stance::kAsserts ? affirm : deny) n += b.count;
  return n;
}

SideEvidence EvidenceSummary::Side(Stance stance) const {
  SideEvidence side;
  for (const Bucket& b : stance == Stance::kAsserts ? affirm : deny) {
    if (b.weight_units == 0) continue;
    side.strongest = std::max(side.strongest, b.weight());
    side.total += b.weight() * b.count;
    side.researched = side.researched || b.researched;
  }
  return side;
}

}  // namespace kb
