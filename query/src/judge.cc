#include "query/judge.h"

#include <algorithm>
#include <string_view>
#include <unordered_set>

#include "closeness.h"
#include "evidence_pool.h"
#include "verdicts_about.h"

namespace query {
namespace {

struct Candidate {
  const kb::Claim* claim;
  double score;
  double own_weight = 0;  // the claim's own assertions, summed
};

}  // namespace

ClaimVerdict MakeClaimVerdict(kb::Claim claim, kb::Verdict verdict, double confidence) {
  auto record = std::make_shared<kb::ClaimRecord>();
  record->claim = std::move(claim);
  return {std::move(record), verdict, confidence};
}

Judge::Judge(kb::Store* store, const kb::Lexicon* lexicon) : store_(store), lexicon_(lexicon) {}

Judge::~Judge() = default;

EvidencePool* Judge::Pool() {
  if (pool_ == nullptr || pool_->CachedRecords() > kMaxCachedRecords) {
    pool_ = std::make_unique<EvidencePool>(store_, lexicon_);
  }
  return pool_.get();
}

kb::Status Judge::Match(const kb::Claim& probe, size_t limit, std::vector<Judgement>* out,
                        size_t max_listed) {
  out->clear();
  if (probe.subject.empty() || probe.relation.empty() || probe.object.empty() || limit == 0) {
    return kb::Status::OK();
  }
  EvidencePool& pool = *Pool();

  // Candidates: subjects at, below or above the probe's; relations similar
  // to it; objects in its neighbourhood (closeness.h).
  std::vector<std::string> subjects = {probe.subject};
  if (lexicon_->FindConcept(probe.subject) != nullptr) {
    for (std::string& d : lexicon_->Descendants(probe.subject)) subjects.push_back(std::move(d));
    for (std::string& a : lexicon_->Ancestors(probe.subject)) subjects.push_back(std::move(a));
  }
  std::vector<const kb::Claim*> found;
  kb::Status s = pool.FindClaims(subjects, pool.SimilarRelations(probe.relation),
                                 ObjectNeighbourhood(*lexicon_, probe.object), &found);
  if (!s.ok()) return s;
  std::vector<Candidate> candidates;
  for (const kb::Claim* c : found) {
    const double score = ObjectCloseness(*lexicon_, probe.object, c->object) *
                         HierarchyCloseness(*lexicon_, probe.subject, c->subject) *
                         lexicon_->RelationSimilarity(probe.relation, c->relation);
    if (score > 0) candidates.push_back({c, score, 0});
  }

  // Rank by score, then by the weight of the candidate's own evidence, and
  // judge only the first `limit`: judging pools narrower claims, which for a
  // broad candidate reads a whole subtree of the hierarchy.
  std::sort(candidates.begin(), candidates.end(),
            [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
  if (candidates.size() > limit) {
    const double cutoff = candidates[limit - 1].score;
    candidates.erase(
        std::find_if(candidates.begin() + static_cast<std::ptrdiff_t>(limit), candidates.end(),
                     [cutoff](const Candidate& c) { return c.score < cutoff; }),
        candidates.end());
  }
  for (Candidate& c : candidates) {
    if (s = pool.OwnWeight(c.claim->id, &c.own_weight); !s.ok()) return s;
  }
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.own_weight != b.own_weight) return a.own_weight > b.own_weight;
    return a.claim->id < b.claim->id;
  });
  if (candidates.size() > limit) candidates.resize(limit);

  for (const Candidate& c : candidates) {
    Judgement j;
    if (s = pool.JudgeClaim(*c.claim, &j, max_listed); !s.ok()) return s;
    j.match = c.score;
    out->push_back(std::move(j));
  }
  return kb::Status::OK();
}

kb::Status Judge::JudgeClaim(const std::string& claim_id, Judgement* out) {
  kb::Claim claim;
  kb::Status s = store_->GetClaim(claim_id, &claim);
  if (!s.ok()) return s;
  s = Pool()->JudgeClaim(claim, out);
  out->match = 1.0;
  return s;
}

kb::Status Judge::JudgeClaims(const std::vector<std::string>& claim_ids,
                              std::vector<Judgement>* out) {
  return JudgeClaims(claim_ids, out, nullptr);
}

kb::Status Judge::JudgeClaimsWithoutEvidence(const std::vector<std::string>& claim_ids,
                                             std::vector<Judgement>* out) {
  auto none = [](const kb::Assertion&, const std::vector<const kb::Work*>&) {};
  return JudgeClaims(claim_ids, out, none, /*visit_own=*/false);
}

kb::Status Judge::VerdictsAbout(const std::vector<std::string>& objects,
                                std::vector<ClaimVerdict>* out) {
  // The claims a verdict counts have objects at or below its own: with the
  // concepts below `objects` read too, every claim is judged together with
  // all it counts, each counted once.
  std::vector<std::string> closed = objects;
  std::unordered_set<std::string> seen(objects.begin(), objects.end());
  for (const std::string& o : objects) {
    if (lexicon_->FindConcept(o) == nullptr) continue;
    for (std::string& d : lexicon_->Descendants(o)) {
      if (seen.insert(d).second) closed.push_back(std::move(d));
    }
  }
  kb::Status s = VerdictsOfClosedSet(store_, *lexicon_, closed, out);
  if (!s.ok() || closed.size() == objects.size()) return s;
  const std::unordered_set<std::string_view> wanted(objects.begin(), objects.end());
  std::erase_if(*out, [&](const ClaimVerdict& v) { return wanted.count(v.claim().object) == 0; });
  return kb::Status::OK();
}

kb::Status Judge::JudgeClaims(const std::vector<std::string>& claim_ids,
                              std::vector<Judgement>* out, const AssertionFn& own) {
  return JudgeClaims(claim_ids, out, own, /*visit_own=*/true);
}

kb::Status Judge::JudgeClaims(const std::vector<std::string>& claim_ids,
                              std::vector<Judgement>* out, const AssertionFn& own,
                              bool visit_own) {
  out->clear();
  // One pool for the whole call, so the assertions visited below are those
  // the judgements read.
  EvidencePool& pool = *Pool();
  if (kb::Status s = pool.LoadClaims(claim_ids); !s.ok()) return s;
  for (const std::string& id : claim_ids) {
    const kb::Claim* claim = nullptr;
    kb::Status s = pool.LookUp(id, &claim);
    if (!s.ok()) return s;
    if (claim == nullptr) continue;
    Judgement j;
    if (s = pool.JudgeClaim(*claim, &j, own == nullptr ? kMaxEvidencePerSide : 0); !s.ok()) {
      return s;
    }
    j.match = 1.0;
    out->push_back(std::move(j));
  }
  if (own == nullptr || !visit_own) return kb::Status::OK();
  for (const Judgement& j : *out) {
    kb::Status s = pool.ForEachOwnAssertion(j.claim.id, own);
    if (!s.ok()) return s;
  }
  return kb::Status::OK();
}

}  // namespace query
