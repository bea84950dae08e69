// Verdicts: weigh assertions by the evidence behind them and combine
// affirmations against denials (DESIGN.md "Verdicts"). Pure functions.
#ifndef EVKB_KB_VERDICT_H_
#define EVKB_KB_VERDICT_H_

#include <string_view>
#include <vector>

#include "kb/model.h"

namespace kb {

enum class Verdict { kSupported, kRefuted, kDisputed, kUnsupported, kUnknown };
const char* VerdictName(Verdict v);  // "supported" | "refuted" | ...
bool ParseVerdict(std::string_view name, Verdict* out);

// Weight in (0,1] of one assertion given the works linked to it (in the
// order of a.works; missing works are skipped).
double AssertionWeight(const Assertion& a, const std::vector<Work>& works);

struct WeighedStance {
  Stance stance;
  double weight;     // from AssertionWeight, times any match discount
  bool researched;   // backed by at least one work (level <= 4), not hearsay/anecdote
};

struct VerdictResult {
  Verdict verdict = Verdict::kUnknown;
  double confidence = 0;  // [0,1]
  double for_weight = 0, against_weight = 0;
};

// Combines weighed stances into a verdict; kUnknown for an empty list.
VerdictResult CombineEvidence(const std::vector<WeighedStance>& items);

}  // namespace kb

#endif  // EVKB_KB_VERDICT_H_
