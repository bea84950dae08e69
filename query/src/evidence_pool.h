// The reads one judgement needs, cached for the length of one Judge call:
// claims around a concept, a claim's assertions, works and sources. Internal
// to the judge.
#ifndef EVKB_QUERY_EVIDENCE_POOL_H_
#define EVKB_QUERY_EVIDENCE_POOL_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "closeness.h"
#include "kb/lexicon.h"
#include "kb/store.h"
#include "query/judge.h"

namespace query {

// Above this many subject x relation x object combinations, FindClaims
// scans index entries instead of looking each combination up: a point
// lookup (mostly a bloom-filter miss) costs about as much as reading a few
// index entries, and 4096 lookups stay within a few milliseconds.
inline constexpr size_t kMaxEnumeratedTriples = 4096;

// A Judge drops its pool before a call once it holds more records (claims
// looked up, present or not, and assertions) than this: some 100 MB, far
// more than one question needs and well under a 1M-claim KB taken whole.
inline constexpr size_t kMaxCachedRecords = 400000;

class EvidencePool {
 public:
  // `max_enumerated`: see kMaxEnumeratedTriples (tests lower it).
  EvidencePool(kb::Store* store, const kb::Lexicon* lexicon,
               size_t max_enumerated = kMaxEnumeratedTriples)
      : store_(store), lex_(lexicon), max_enumerated_(max_enumerated) {}

  // The stored claims with a subject in `subjects`, a relation in
  // `relations` and an object in `objects`, by object, then subject, then
  // relation, as listed. Small products are looked up by id (kb::ClaimId),
  // so the cost does not grow with the KB; for larger ones the objects'
  // claims are read (ClaimsAbout), and an object's claims read so are
  // picked from there. Pointers stay valid while the pool lives.
  kb::Status FindClaims(const std::vector<std::string>& subjects,
                        const std::vector<std::string>& relations,
                        const std::vector<std::string>& objects,
                        std::vector<const kb::Claim*>* out);

  // The summed weight of the assertions of `claim_id` itself (no pooling).
  kb::Status OwnWeight(const std::string& claim_id, double* out);

  // The number of claims, summaries, tallies and assertions held, for the
  // Judge's bound.
  size_t CachedRecords() const {
    return claims_.size() + summaries_.size() + tallies_.size() + cached_assertions_;
  }

  // `relation` and every lexicon relation similar to it (similarity > 0).
  // Kept for the pool's life, as the lexicon is.
  const std::vector<std::string>& SimilarRelations(const std::string& relation);

  // The judgement of `claim`: its own assertions at full weight, and those of
  // the narrower claims it covers (subject and object the same or below,
  // relation similar) discounted by their closeness. Fills everything but
  // Judgement::match. Each evidence list holds the first `max_listed` items
  // of the full listing (kMaxEvidencePerSide); with 0 the lists stay empty
  // (the verdict, confidence, counts and mechanisms are the same).
  kb::Status JudgeClaim(const kb::Claim& claim, Judgement* out,
                        size_t max_listed = kMaxEvidencePerSide);

  // The claim with `id`, or nullptr when absent (remembered either way).
  kb::Status LookUp(const std::string& id, const kb::Claim** out);
  // Reads the claims of `ids` not looked up yet in one batch, so the
  // LookUp of each that follows finds it remembered.
  kb::Status LoadClaims(const std::vector<std::string>& ids);

  // Calls `fn` for each assertion of `claim_id` itself with its works.
  kb::Status ForEachOwnAssertion(const std::string& claim_id, const Judge::AssertionFn& fn);

  // Claims whose subject or object is `concept_id`.
  kb::Status ClaimsAbout(const std::string& concept_id, const std::vector<const kb::Claim*>** out);

 private:
  // One assertion that may be listed in a judgement: only its key and
  // weight are read until it is.
  struct Counted {
    const kb::RankedAssertion* item;
    const kb::Claim* claim;
    double weight;  // item->weight x closeness
  };
  // One assertion of a claim with its works loaded.
  struct Owned {
    kb::Assertion assertion;
    std::vector<const kb::Work*> works;  // into works_
  };
  // Appends the claims of `held` (ClaimsAbout's list for `object`: every
  // stored claim with that object) whose subject is one of `subjects` and
  // relation one of `relations`, in FindClaims' order: by subject, then by
  // relation, as listed.
  void PickHeld(const std::vector<const kb::Claim*>& held, const std::vector<std::string>& subjects,
                const std::vector<std::string>& relations, const std::string& object,
                std::vector<const kb::Claim*>* out);

  // The assertions of `claim_id` itself, in store order, read once per pool.
  kb::Status OwnedOf(const std::string& claim_id, const std::vector<Owned>** out);
  // The keys and weights of the first `n` (at most kMaxEvidencePerSide) of
  // one side of the claim's assertions by weight, read from the store's
  // top_evidence index: all a listing can show of the claim. What was read
  // is kept for the pool's life and read again only when more is wanted.
  struct TopEvidence {
    // Affirmations, denials: each strongest first.
    std::vector<kb::RankedAssertion> sides[2];
    size_t asked[2] = {0, 0};  // how many each read asked for
  };
  kb::Status TopEvidenceOf(const std::string& claim_id, kb::Stance side, size_t n,
                           const std::vector<kb::RankedAssertion>** out);
  // A claim's stored summary with what every judgement counting the claim
  // adds from it, worked out once per pool (a claim is counted by each
  // broader claim judged, over and over when one Judge judges many: an
  // audit, a sources report with --limit 0).
  struct Summed {
    // The stored record holding the summary (an empty record for a claim
    // the store does not have), shared with the store's record cache.
    std::shared_ptr<const kb::ClaimRecord> record;
    const kb::EvidenceSummary& summary() const { return record->summary; }
    kb::SideEvidence affirm, deny;
    size_t for_count = 0, against_count = 0;
    // summary.mechanisms with the tags interned (mechanism_tags_).
    std::vector<std::pair<const std::string*, int>> mechanisms;
  };
  // What a judgement has counted so far.
  struct Tally {
    kb::SideEvidence affirm, deny;
    size_t for_count = 0, against_count = 0;
    std::vector<std::pair<const std::string*, int>> mechanisms;  // interned tags
  };
  // A claim counted in a judgement, with the discount its items get there.
  struct Candidate {
    const kb::Claim* claim;
    double closeness;
    const kb::EvidenceSummary* summary;  // into summaries_
  };
  // A narrower claim a judgement of a claim counts, with its discount.
  struct Narrower {
    const kb::Claim* claim;  // into claims_
    const Summed* summed;    // into summaries_
    double closeness;
  };
  // The narrower claims a judgement of `claim` counts (subject and object
  // at or below its own, relation similar), in the order counted; found
  // once per pool.
  kb::Status NarrowerOf(const kb::Claim& claim, const std::vector<Narrower>** out);
  // Adds to `listed` every item of the candidates' `side` that can be among
  // its `max_listed` strongest (at most kMaxEvidencePerSide) or tie with the
  // last of them. The summaries say how heavy each claim's items are, so a
  // claim whose heaviest item is lighter than the `max_listed`-th heaviest
  // of all is not read.
  kb::Status Gather(const std::vector<Candidate>& candidates, kb::Stance side, size_t max_listed,
                    std::vector<Counted>* listed);
  // The assertions `refs` name, their works loaded, each read once per
  // pool: those not read yet, and then their works, in one batch each;
  // out[i] for refs[i].
  kb::Status ListedAll(const std::vector<const kb::RankedAssertion*>& refs,
                       std::vector<const Owned*>* out);
  // Reads the works the assertions link that are not read yet, in one
  // batch, for WorksOf.
  kb::Status LoadWorksOf(const std::vector<kb::Assertion>& assertions);
  // The works `a` links that the store has (read by LoadWorksOf).
  void WorksOf(const kb::Assertion& a, std::vector<const kb::Work*>* out) const;
  // The stored summary of `claim_id`'s own assertions, read once per pool.
  kb::Status SummaryOf(const std::string& claim_id, const Summed** out);
  // Keeps `record`'s summary as `claim_id`'s (if it has none yet) with its
  // sums.
  const Summed& KeepSummary(const std::string& claim_id,
                            std::shared_ptr<const kb::ClaimRecord> record);
  // Adds `claim`'s evidence (`summed`), weighed at `closeness`, to the
  // tally's sides, counts and mechanisms, and (when `candidates` is not
  // null) the claim to the candidates for the listing.
  static void Count(const kb::Claim& claim, const Summed& summed, double closeness, Tally* tally,
                    std::vector<Candidate>* candidates);
  // The strongest kMaxEvidencePerSide of `side` in listing order, of which
  // the first `max_listed` as Evidence, assertions, works and sources
  // loaded (ties in weight are ordered by source path, so the sources of
  // the items as heavy as the last one listed are read too).
  kb::Status List(std::vector<Counted>& side, size_t max_listed, std::vector<Evidence>* out);
  // The work `id` if LoadWorksOf read it and the store has it.
  const kb::Work* FindWork(const std::string& id) const;
  const kb::Source* FindSource(const std::string& id);

  kb::Store* store_;
  const kb::Lexicon* lex_;
  size_t max_enumerated_;
  size_t cached_assertions_ = 0;
  std::unordered_map<std::string, std::vector<const kb::Claim*>> claims_by_concept_;
  // Claims with an object whose claims_by_concept_ are read, by subject
  // (keys point into claims_): PickHeld's, filled once per object.
  std::unordered_map<std::string,
                     std::unordered_map<std::string_view, std::vector<const kb::Claim*>>>
      held_by_subject_;
  // The claim records read, by id; null for a claim the store does not have.
  std::unordered_map<std::string, std::shared_ptr<const kb::ClaimRecord>> claims_;
  std::unordered_map<std::string, kb::Work> works_;    // id "" entries mark missing ones
  std::unordered_map<std::string, kb::Source> sources_;
  std::unordered_map<std::string, std::vector<Owned>> owned_;
  std::unordered_map<std::string, TopEvidence> top_evidence_;
  std::unordered_map<std::string, Owned> listed_;  // by claim, source and span
  std::unordered_map<std::string, Summed> summaries_;
  // The summaries of the claims in claims_ read with their records, by
  // record: a judgement finds each counted claim's without hashing its id.
  std::unordered_map<const kb::Claim*, const Summed*> summed_of_;
  std::unordered_set<std::string> mechanism_tags_;  // Summed::mechanisms point here
  std::unordered_map<std::string, std::vector<Narrower>> narrower_;  // by claim id
  // Each judged claim's tally, by claim id: a claim's verdict is the same
  // every time, and one Judge may be asked it again (a warm judge, an audit
  // whose sentences repeat a claim).
  std::unordered_map<std::string, Tally> tallies_;
  // Lexicon walks, the same few over and over.
  // A relation's similar ones (SimilarRelations) and their similarities.
  const SimilarRelationSet& SimilarOf(const std::string& relation);
  std::unordered_map<std::string, SimilarRelationSet> similar_relations_;
  std::unordered_map<std::string, std::vector<std::string>> at_or_below_;
  const std::vector<std::string>& AtOrBelow(const std::string& concept_id);
};

}  // namespace query

#endif  // EVKB_QUERY_EVIDENCE_POOL_H_
