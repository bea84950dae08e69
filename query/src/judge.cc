#include "query/judge.h"

#include <algorithm>

#include "closeness.h"
#include "evidence_pool.h"

namespace query {
namespace {

struct Candidate {
  const kb::Claim* claim;
  double score;
};

double TotalWeight(const Judgement& j) {
  double total = 0;
  for (const Evidence& e : j.for_evidence) total += e.weight;
  for (const Evidence& e : j.against_evidence) total += e.weight;
  return total;
}

}  // namespace

Judge::Judge(kb::Store* store, const kb::Lexicon* lexicon) : store_(store), lexicon_(lexicon) {}

kb::Status Judge::Match(const kb::Claim& probe, size_t limit, std::vector<Judgement>* out) {
  out->clear();
  if (probe.subject.empty() || probe.relation.empty() || probe.object.empty() || limit == 0) {
    return kb::Status::OK();
  }
  EvidencePool pool(store_, lexicon_);

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
    if (score > 0) candidates.push_back({c, score});
  }

  // Only the best `limit` scores (and ties with the last) need judging:
  // evidence weight only breaks ties, and broad candidates pool whole
  // subtrees of the hierarchy.
  std::sort(candidates.begin(), candidates.end(),
            [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
  if (candidates.size() > limit) {
    const double cutoff = candidates[limit - 1].score;
    candidates.erase(
        std::find_if(candidates.begin() + static_cast<std::ptrdiff_t>(limit), candidates.end(),
                     [cutoff](const Candidate& c) { return c.score < cutoff; }),
        candidates.end());
  }

  std::vector<Judgement> judged;
  judged.reserve(candidates.size());
  for (const Candidate& c : candidates) {
    Judgement j;
    s = pool.JudgeClaim(*c.claim, &j);
    if (!s.ok()) return s;
    j.match = c.score;
    judged.push_back(std::move(j));
  }
  std::vector<double> totals;
  totals.reserve(judged.size());
  std::vector<size_t> order(judged.size());
  for (size_t i = 0; i < judged.size(); ++i) {
    order[i] = i;
    totals.push_back(TotalWeight(judged[i]));
  }
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (judged[a].match != judged[b].match) return judged[a].match > judged[b].match;
    if (totals[a] != totals[b]) return totals[a] > totals[b];
    return judged[a].claim.id < judged[b].claim.id;
  });
  for (size_t i = 0; i < order.size() && out->size() < limit; ++i) {
    out->push_back(std::move(judged[order[i]]));
  }
  return kb::Status::OK();
}

kb::Status Judge::JudgeClaim(const std::string& claim_id, Judgement* out) {
  kb::Claim claim;
  kb::Status s = store_->GetClaim(claim_id, &claim);
  if (!s.ok()) return s;
  EvidencePool pool(store_, lexicon_);
  s = pool.JudgeClaim(claim, out);
  out->match = 1.0;
  return s;
}

kb::Status Judge::JudgeClaims(const std::vector<std::string>& claim_ids,
                              std::vector<Judgement>* out) {
  out->clear();
  EvidencePool pool(store_, lexicon_);
  for (const std::string& id : claim_ids) {
    kb::Claim claim;
    kb::Status s = store_->GetClaim(id, &claim);
    if (s.IsNotFound()) continue;
    if (!s.ok()) return s;
    Judgement j;
    if (s = pool.JudgeClaim(claim, &j); !s.ok()) return s;
    j.match = 1.0;
    out->push_back(std::move(j));
  }
  return kb::Status::OK();
}

}  // namespace query
