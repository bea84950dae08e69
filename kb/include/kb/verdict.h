// Verdicts: weigh assertions by the evidence behind them and combine
// affirmations against denials (DESIGN.md "Verdicts"). Pure functions.
//
// Weighing follows the spirit of GRADE and the Oxford CEBM levels: an
// assertion weighs as much as the best evidence behind it. A work's level
// gives the weight, discounted by how loosely the work is tied to the
// sentence; without a work, who says it decides (a quoted expert is expert
// opinion; the author alone is an uncited statement; hearsay and anecdote
// weigh least). Hedging lowers the weight.
//
// Combining: each side's strength is its strongest item plus a fraction of the
// rest (corroboration counts, repetition does not multiply). Then
//   supported   research-backed affirmations, no denial of comparable weight;
//   refuted     denials clearly outweigh affirmations, or denials stand
//               against affirmations that are only uncited or hearsay;
//   disputed    credible evidence on both sides, neither clearly ahead;
//   unsupported only uncited statements, hearsay or anecdote affirm.
#ifndef EVKB_KB_VERDICT_H_
#define EVKB_KB_VERDICT_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "kb/model.h"

namespace kb {

enum class Verdict { kSupported, kRefuted, kDisputed, kUnsupported, kUnknown };
const char* VerdictName(Verdict v);  // "supported" | "refuted" | ...
bool ParseVerdict(std::string_view name, Verdict* out);

// The weights and thresholds of the rules above; verdict.cc says why each
// value is what it is.
namespace verdict_rules {

// Weight of a work by evidence level (index 1..5; out-of-range levels are
// clamped to that range).
inline constexpr double kLevelWeight[6] = {0, 1.0, 0.8, 0.6, 0.45, 0.3};
// Weights of an assertion with no usable work, by who makes it.
inline constexpr double kExpertOpinionWeight = kLevelWeight[5];
inline constexpr double kUncitedStudyWeight = kLevelWeight[5];
inline constexpr double kUncitedAuthorWeight = 0.2;
inline constexpr double kHearsayWeight = 0.12;
inline constexpr double kAnecdoteWeight = 0.08;
// How much of a work's weight reaches the assertion, by how it is linked.
inline constexpr double kDirectLinkFactor = 1.0;
inline constexpr double kContextLinkFactor = 0.85;
inline constexpr double kBibliographyLinkFactor = 0.5;
// Multiplier for hedged statements ("may", "some research suggests").
inline constexpr double kHedgeFactor = 0.6;
// The highest level that still counts as research.
inline constexpr int kResearchMaxLevel = 4;
// Share of each non-strongest item added to a side's strength.
inline constexpr double kCorroborationFactor = 0.5;
// One side is "clearly ahead" when it is at least this many times the other.
inline constexpr double kClearMargin = 2.0;
// Below this strength a side does not count as credible evidence.
inline constexpr double kCredibleStrength = 0.25;
// Total strength at which confidence from the amount of evidence reaches
// 1 - 1/e.
inline constexpr double kConfidenceScale = 1.0;

}  // namespace verdict_rules

// Weight in (0,1] of one assertion given the works linked to it (in the
// order of a.works; missing works are skipped).
double AssertionWeight(const Assertion& a, const std::vector<Work>& works);

// True when a work of level <= kResearchMaxLevel backs the assertion and
// the assertion is not hearsay or anecdote. `works` as for AssertionWeight.
bool IsResearched(const Assertion& a, const std::vector<Work>& works);

struct WeighedStance {
  Stance stance;
  double weight;    // from AssertionWeight, times any match discount
  bool researched;  // backed by at least one work (level <= 4), not hearsay/anecdote
};

// AssertionWeight and IsResearched together, the weight times `discount`.
WeighedStance WeighAssertion(const Assertion& a, const std::vector<Work>& works,
                             double discount = 1.0);

struct VerdictResult {
  Verdict verdict = Verdict::kUnknown;
  double confidence = 0;                      // [0,1]
  double for_weight = 0, against_weight = 0;  // each side's strength
};

// Combines weighed stances into a verdict; kUnknown for an empty list (or
// one whose weights are all zero).
VerdictResult CombineEvidence(const std::vector<WeighedStance>& items);

// One side (affirmations or denials) summed up: all CombineSides needs, so
// evidence can be summed per claim once and pooled without the items.
struct SideEvidence {
  double strongest = 0;  // the heaviest item
  double total = 0;      // all items
  bool researched = false;
  void Add(double weight, bool is_researched);  // items of weight <= 0 are ignored
  // Adds every item of `other`, each weighed times `discount`.
  void Merge(const SideEvidence& other, double discount);
  // The strongest item in full plus kCorroborationFactor of the rest.
  double Strength() const;
};

// CombineEvidence on summed-up sides; the same rules and results.
VerdictResult CombineSides(const SideEvidence& affirm, const SideEvidence& deny);

// One claim's own assertions summed up: what CombineSides, the for/against
// counts and the mechanism tally need, without the assertions themselves.
// The store keeps one per claim, in the claim's record, updated by every
// write (Store::GetClaimSummary, GetClaimRecords), so a verdict costs one
// read however many articles repeat the claim. Items are kept as counts per
// distinct weight, which makes removing one exact (no floating-point drift)
// and the sums independent of the order items were added in.
struct EvidenceSummary {
  // Weights are kept in millionths: exact integers on disk, and finer than
  // any weight needs (they are products of the verdict_rules constants).
  static constexpr double kWeightUnit = 1e-6;
  static uint32_t WeightUnits(double weight);
  // The assertions of one stance with the same weight and research flag.
  struct Bucket {
    uint32_t weight_units = 0;  // the weight in kWeightUnit
    bool researched = false;
    uint32_t count = 0;
    double weight() const { return weight_units * kWeightUnit; }
    bool operator==(const Bucket&) const = default;
  };
  std::vector<Bucket> affirm, deny;       // by (weight, researched); every count > 0
  std::map<std::string, int> mechanisms;  // tag -> assertions carrying it; every count > 0

  // Counts one assertion weighed as `s` (its discount 1) with its mechanism tags.
  void Add(const WeighedStance& s, const std::vector<std::string>& mechanism_tags);
  // Takes back one Add with the same arguments. False (and nothing changed)
  // when the summary holds no such item.
  bool Remove(const WeighedStance& s, const std::vector<std::string>& mechanism_tags);
  // The number of assertions of `stance`.
  size_t Count(Stance stance) const;
  // The side of `stance` as SideEvidence, summed in bucket order.
  SideEvidence Side(Stance stance) const;
  bool empty() const { return affirm.empty() && deny.empty(); }
  bool operator==(const EvidenceSummary&) const = default;
};

}  // namespace kb

#endif  // EVKB_KB_VERDICT_H_
