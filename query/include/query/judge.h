// Judge: matches a proposition against the claims in the KB and weighs the
// evidence behind each match into a verdict (kb/verdict.h).
#ifndef EVKB_QUERY_JUDGE_H_
#define EVKB_QUERY_JUDGE_H_

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "kb/lexicon.h"
#include "kb/model.h"
#include "kb/status.h"
#include "kb/store.h"
#include "kb/verdict.h"

namespace query {

// One assertion as evidence, with what a reader needs to check it.
struct Evidence {
  kb::Assertion assertion;
  kb::Source source;  // id, path and title (what a listing shows)
  std::vector<kb::Work> works;  // the works linked to the assertion
  kb::Claim claim;              // the claim asserted (may be a narrower one than the match)
  double weight = 0;            // evidence weight after hedging and match discount
};

// Each side of a Judgement lists at most this many evidence items, the
// strongest: enough to show why, while a claim repeated by thousands of
// articles still judges in bounded time. The verdict weighs all of them.
inline constexpr size_t kMaxEvidencePerSide = 10;

struct Judgement {
  kb::Claim claim;   // the KB claim matched
  double match = 0;  // (0,1]: 1 for the same subject, relation and object
  kb::Verdict verdict = kb::Verdict::kUnknown;
  double confidence = 0;
  std::vector<Evidence> for_evidence;      // affirmations, strongest first
  std::vector<Evidence> against_evidence;  // denials, strongest first
  // All affirmations and denials weighed, including those not listed.
  size_t for_count = 0, against_count = 0;
  std::map<std::string, int> mechanisms;  // tag -> number of assertions carrying it
};

// A stored claim's verdict, without the evidence behind it.
struct ClaimVerdict {
  // The claim's record, shared as the store keeps it (never null).
  std::shared_ptr<const kb::ClaimRecord> record;
  kb::Verdict verdict = kb::Verdict::kUnknown;
  double confidence = 0;
  const kb::Claim& claim() const { return record->claim; }
};

// A ClaimVerdict of `claim` without a stored record to share.
ClaimVerdict MakeClaimVerdict(kb::Claim claim, kb::Verdict verdict, double confidence);

class EvidencePool;

// Thread-compatible: one Judge per thread. Borrows store and lexicon.
//
// A Judge keeps the records it has read (claims, assertions, works,
// sources) for later calls, up to a bounded amount: the store must not
// change while the Judge lives (evkb-query opens it read-only).
class Judge {
 public:
  Judge(kb::Store* store, const kb::Lexicon* lexicon);
  ~Judge();
  Judge(const Judge&) = delete;
  Judge& operator=(const Judge&) = delete;

  // The KB claims matching `probe` (its subject, relation, object), best
  // first, at most `limit`. Matching: exact concepts and relation, then is-a
  // parents/children and synonyms, then relations of the same family. A
  // match's evidence pools the assertions of its own claim and of the
  // narrower claims it covers (object is-a descendant, relation of the same
  // family), each weighed by how closely it matches. Empty when nothing matches.
  // Each evidence list holds the first `max_listed` items of the full
  // listing (a caller that shows fewer reads fewer records).
  kb::Status Match(const kb::Claim& probe, size_t limit, std::vector<Judgement>* out,
                   size_t max_listed = kMaxEvidencePerSide);

  // The judgement of one stored claim (its own and narrower claims' evidence).
  kb::Status JudgeClaim(const std::string& claim_id, Judgement* out);

  // JudgeClaim for each id, in order, reading shared evidence once. An id
  // that names no claim is skipped.
  kb::Status JudgeClaims(const std::vector<std::string>& claim_ids, std::vector<Judgement>* out);

  // JudgeClaims without the evidence lists (for_evidence and against_evidence
  // stay empty): verdicts, confidences, counts and mechanisms come from the
  // claims' stored summaries (kb::Store::GetClaimRecords), so the cost does
  // not grow with the number of assertions behind a claim.
  kb::Status JudgeClaimsWithoutEvidence(const std::vector<std::string>& claim_ids,
                                        std::vector<Judgement>* out);

  // The verdict and confidence of every stored claim whose object is one
  // of `objects`, in claim id order, as JudgeClaim gives them. The claims
  // are found through the by_concept entries of `objects` and the concepts
  // below them, which hold every claim their verdicts count, and each is
  // counted once for all of them (verdicts_about.h); the confidences may
  // differ from JudgeClaim's in the last bits, being summed in another order.
  kb::Status VerdictsAbout(const std::vector<std::string>& objects, std::vector<ClaimVerdict>* out);

  // Called with one of a claim's own assertions and the stored works it
  // links to (missing works left out). The pointers live for the call only.
  using AssertionFn =
      std::function<void(const kb::Assertion& assertion, const std::vector<const kb::Work*>& works)>;

  // JudgeClaims, then `own` for every assertion of each judged claim itself
  // (not of the narrower claims it pools), claim by claim in the order of
  // `claim_ids`: the evidence just read for the judgement, not read again.
  // The judgements' evidence lists are left empty (for_evidence,
  // against_evidence); everything else is as JudgeClaims fills it.
  kb::Status JudgeClaims(const std::vector<std::string>& claim_ids, std::vector<Judgement>* out,
                         const AssertionFn& own);

 private:
  // JudgeClaims with evidence lists when `own` is null; otherwise without
  // them, and then `own` for each own assertion when `visit_own`.
  kb::Status JudgeClaims(const std::vector<std::string>& claim_ids, std::vector<Judgement>* out,
                         const AssertionFn& own, bool visit_own);
  // The pool for the next call, emptied first when it has grown too large.
  EvidencePool* Pool();

  kb::Store* store_;
  const kb::Lexicon* lexicon_;
  std::unique_ptr<EvidencePool> pool_;
};

}  // namespace query

#endif  // EVKB_QUERY_JUDGE_H_
