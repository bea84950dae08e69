#include "evidence_pool.h"

#include <algorithm>
#include <unordered_set>

#include "closeness.h"

namespace query {
namespace {

bool StrongerFirst(const Evidence& a, const Evidence& b) {
  if (a.weight != b.weight) return a.weight > b.weight;
  if (a.source.path != b.source.path) return a.source.path < b.source.path;
  return a.assertion.span_begin < b.assertion.span_begin;
}

}  // namespace

kb::Status EvidencePool::ClaimsAbout(const std::string& concept_id,
                                     const std::vector<kb::Claim>** out) {
  auto it = claims_by_concept_.find(concept_id);
  if (it != claims_by_concept_.end()) {
    *out = &it->second;
    return kb::Status::OK();
  }
  std::vector<std::string> ids;
  kb::Status s = store_->ClaimsByConcept(concept_id, &ids);
  if (!s.ok()) return s;
  std::vector<kb::Claim> claims;
  claims.reserve(ids.size());
  for (const std::string& id : ids) {
    auto cached = claims_.find(id);
    if (cached != claims_.end()) {
      claims.push_back(cached->second);
      continue;
    }
    kb::Claim c;
    s = store_->GetClaim(id, &c);
    if (s.IsNotFound()) continue;  // an index entry outliving its claim: skip it
    if (!s.ok()) return s;
    claims_.emplace(id, c);
    claims.push_back(std::move(c));
  }
  *out = &claims_by_concept_.emplace(concept_id, std::move(claims)).first->second;
  return kb::Status::OK();
}

const kb::Work* EvidencePool::FindWork(const std::string& id) {
  auto it = works_.find(id);
  if (it == works_.end()) {
    kb::Work w;
    if (!store_->GetWork(id, &w).ok()) w.id.clear();
    it = works_.emplace(id, std::move(w)).first;
  }
  return it->second.id.empty() ? nullptr : &it->second;
}

const kb::Source* EvidencePool::FindSource(const std::string& id) {
  auto it = sources_.find(id);
  if (it == sources_.end()) {
    kb::Source src;
    if (!store_->GetSource(id, &src).ok()) src = kb::Source{};
    src.id = id;
    it = sources_.emplace(id, std::move(src)).first;
  }
  return &it->second;
}

kb::Status EvidencePool::AddEvidence(const kb::Claim& claim, double closeness, Judgement* out,
                                     std::vector<kb::WeighedStance>* stances) {
  std::vector<kb::Assertion> assertions;
  kb::Status s = store_->AssertionsForClaim(claim.id, &assertions);
  if (!s.ok()) return s;
  for (kb::Assertion& a : assertions) {
    Evidence e;
    for (const kb::WorkLink& link : a.works) {
      if (const kb::Work* w = FindWork(link.work_id)) e.works.push_back(*w);
    }
    const kb::WeighedStance ws = kb::WeighAssertion(a, e.works, closeness);
    stances->push_back(ws);
    e.weight = ws.weight;
    e.source = *FindSource(a.source_id);
    e.claim = claim;
    for (const std::string& m : a.mechanisms) ++out->mechanisms[m];
    e.assertion = std::move(a);
    (ws.stance == kb::Stance::kAsserts ? out->for_evidence : out->against_evidence)
        .push_back(std::move(e));
  }
  return kb::Status::OK();
}

kb::Status EvidencePool::JudgeClaim(const kb::Claim& claim, Judgement* out) {
  *out = Judgement{};
  out->claim = claim;
  std::vector<kb::WeighedStance> stances;
  kb::Status s = AddEvidence(claim, kSameConcept, out, &stances);
  if (!s.ok()) return s;

  // Narrower claims: their objects lie at or below this claim's object.
  std::vector<std::string> objects = {claim.object};
  if (lex_->FindConcept(claim.object) != nullptr) {
    for (std::string& d : lex_->Descendants(claim.object)) objects.push_back(std::move(d));
  }
  std::unordered_set<std::string> pooled = {claim.id};
  for (const std::string& object : objects) {
    const std::vector<kb::Claim>* around = nullptr;
    s = ClaimsAbout(object, &around);
    if (!s.ok()) return s;
    for (const kb::Claim& narrower : *around) {
      if (narrower.object != object || pooled.count(narrower.id) > 0) continue;
      const double subject = HierarchyCloseness(*lex_, claim.subject, narrower.subject);
      const double relation = lex_->RelationSimilarity(claim.relation, narrower.relation);
      const double obj = object == claim.object ? kSameConcept : kNarrowerConcept;
      // Only the same or narrower subjects are covered; a broader one is not.
      if (relation <= 0 || (subject != kSameConcept && subject != kNarrowerConcept)) continue;
      pooled.insert(narrower.id);
      s = AddEvidence(narrower, subject * relation * obj, out, &stances);
      if (!s.ok()) return s;
    }
  }

  const kb::VerdictResult v = kb::CombineEvidence(stances);
  out->verdict = v.verdict;
  out->confidence = v.confidence;
  std::sort(out->for_evidence.begin(), out->for_evidence.end(), StrongerFirst);
  std::sort(out->against_evidence.begin(), out->against_evidence.end(), StrongerFirst);
  return kb::Status::OK();
}

}  // namespace query
