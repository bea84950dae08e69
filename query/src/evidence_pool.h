// The reads one judgement needs, cached for the length of one Judge call:
// claims around a concept, a claim's assertions, works and sources. Internal
// to the judge.
#ifndef EVKB_QUERY_EVIDENCE_POOL_H_
#define EVKB_QUERY_EVIDENCE_POOL_H_

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "kb/lexicon.h"
#include "kb/store.h"
#include "query/judge.h"

namespace query {

class EvidencePool {
 public:
  EvidencePool(kb::Store* store, const kb::Lexicon* lexicon) : store_(store), lex_(lexicon) {}

  // Claims whose subject or object is `concept_id`. The pointer stays valid
  // until the pool is destroyed.
  kb::Status ClaimsAbout(const std::string& concept_id, const std::vector<kb::Claim>** out);

  // The judgement of `claim`: its own assertions at full weight, and those of
  // the narrower claims it covers (subject and object the same or below,
  // relation similar) discounted by their closeness. Fills everything but
  // Judgement::match.
  kb::Status JudgeClaim(const kb::Claim& claim, Judgement* out);

 private:
  kb::Status AddEvidence(const kb::Claim& claim, double closeness, Judgement* out,
                         std::vector<kb::WeighedStance>* stances);
  const kb::Work* FindWork(const std::string& id);
  const kb::Source* FindSource(const std::string& id);

  kb::Store* store_;
  const kb::Lexicon* lex_;
  std::unordered_map<std::string, std::vector<kb::Claim>> claims_by_concept_;
  std::unordered_map<std::string, kb::Claim> claims_;
  std::unordered_map<std::string, kb::Work> works_;  // id "" entries mark missing ones
  std::unordered_map<std::string, kb::Source> sources_;
};

}  // namespace query

#endif  // EVKB_QUERY_EVIDENCE_POOL_H_
