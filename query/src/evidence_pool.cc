#include "evidence_pool.h"

#include <algorithm>
#include <unordered_set>

#include "closeness.h"

namespace query {

namespace {

// The ids of `ids` that `have` lacks, sorted, each once.
template <typename Map>
std::vector<std::string> Unread(const std::vector<std::string>& ids, const Map& have) {
  std::vector<std::string> out;
  for (const std::string& id : ids) {
    if (have.count(id) == 0) out.push_back(id);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

// `id` and every concept below it.
const std::vector<std::string>& EvidencePool::AtOrBelow(const std::string& id) {
  auto [it, added] = at_or_below_.try_emplace(id);
  if (added) {
    it->second.push_back(id);
    if (lex_->FindConcept(id) != nullptr) {
      for (std::string& d : lex_->Descendants(id)) it->second.push_back(std::move(d));
    }
  }
  return it->second;
}

kb::Status EvidencePool::LookUp(const std::string& id, const kb::Claim** out) {
  auto it = claims_.find(id);
  if (it == claims_.end()) {
    if (kb::Status s = LoadClaims({id}); !s.ok()) return s;
    it = claims_.find(id);
  }
  *out = it->second == nullptr ? nullptr : &it->second->claim;
  return kb::Status::OK();
}

kb::Status EvidencePool::LoadClaims(const std::vector<std::string>& ids) {
  const std::vector<std::string> missing = Unread(ids, claims_);
  if (missing.empty()) return kb::Status::OK();
  std::vector<std::shared_ptr<const kb::ClaimRecord>> records;
  kb::Status s = store_->GetClaimRecords(missing, &records);
  if (!s.ok()) return s;
  for (size_t i = 0; i < missing.size(); ++i) {
    // The record holds the summary too: kept for SummaryOf.
    if (records[i] != nullptr) {
      summed_of_.emplace(&records[i]->claim, &KeepSummary(missing[i], records[i]));
    }
    claims_.emplace(missing[i], std::move(records[i]));
  }
  return kb::Status::OK();
}

kb::Status EvidencePool::ClaimsAbout(const std::string& concept_id,
                                     const std::vector<const kb::Claim*>** out) {
  auto it = claims_by_concept_.find(concept_id);
  if (it == claims_by_concept_.end()) {
    std::vector<std::string> ids;
    kb::Status s = store_->ClaimsByConcept(concept_id, &ids);
    if (!s.ok()) return s;
    if (s = LoadClaims(ids); !s.ok()) return s;
    std::vector<const kb::Claim*> claims;
    claims.reserve(ids.size());
    for (const std::string& id : ids) {
      const kb::Claim* c = nullptr;
      if (s = LookUp(id, &c); !s.ok()) return s;
      if (c != nullptr) claims.push_back(c);  // skips index entries outliving their claim
    }
    it = claims_by_concept_.emplace(concept_id, std::move(claims)).first;
  }
  *out = &it->second;
  return kb::Status::OK();
}

kb::Status EvidencePool::FindClaims(const std::vector<std::string>& subjects,
                                    const std::vector<std::string>& relations,
                                    const std::vector<std::string>& objects,
                                    std::vector<const kb::Claim*>* out) {
  out->clear();
  const size_t per_object = subjects.size() * relations.size();
  if (per_object * objects.size() > max_enumerated_) {
    // Too many ids to try: every object's claims are read instead.
    for (const std::string& o : objects) {
      const std::vector<const kb::Claim*>* around = nullptr;
      if (kb::Status st = ClaimsAbout(o, &around); !st.ok()) return st;
    }
  }
  // Each combination by id, but for an object whose claims ClaimsAbout has
  // read: those are all its claims, so they are picked from there. An id
  // is looked up once here; those not read yet are read in one batch.
  std::vector<std::string> ids;
  std::vector<const kb::Claim*> looked_up;  // null: not read yet, or missing
  std::vector<std::string> unread;
  for (const std::string& o : objects) {
    if (claims_by_concept_.count(o) != 0) continue;
    for (const std::string& s : subjects) {
      for (const std::string& r : relations) {
        std::string id = kb::ClaimId(s, r, o);
        auto it = claims_.find(id);
        if (it == claims_.end()) {
          unread.push_back(id);
          looked_up.push_back(nullptr);
        } else {
          looked_up.push_back(it->second == nullptr ? nullptr : &it->second->claim);
        }
        ids.push_back(std::move(id));
      }
    }
  }
  if (!unread.empty()) {
    if (kb::Status st = LoadClaims(unread); !st.ok()) return st;
    for (size_t i = 0; i < ids.size(); ++i) {
      if (looked_up[i] == nullptr) {
        const auto& record = claims_.find(ids[i])->second;
        looked_up[i] = record == nullptr ? nullptr : &record->claim;
      }
    }
  }
  size_t next = 0;
  for (const std::string& o : objects) {
    auto held = claims_by_concept_.find(o);
    if (held != claims_by_concept_.end()) {
      PickHeld(held->second, subjects, relations, o, out);
      continue;
    }
    for (size_t k = 0; k < per_object; ++k, ++next) {
      if (looked_up[next] != nullptr) out->push_back(looked_up[next]);
    }
  }
  return kb::Status::OK();
}

void EvidencePool::PickHeld(const std::vector<const kb::Claim*>& held,
                            const std::vector<std::string>& subjects,
                            const std::vector<std::string>& relations, const std::string& object,
                            std::vector<const kb::Claim*>* out) {
  auto [by_subject, added] = held_by_subject_.try_emplace(object);
  if (added) {
    for (const kb::Claim* c : held) {
      if (c->object == object) by_subject->second[c->subject].push_back(c);
    }
  }
  // In the order the ids are tried in, so sums add up in the same order.
  for (const std::string& s : subjects) {
    auto group = by_subject->second.find(s);
    if (group == by_subject->second.end()) continue;
    for (const std::string& r : relations) {
      for (const kb::Claim* c : group->second) {
        if (c->relation == r) out->push_back(c);
      }
    }
  }
}

const std::vector<std::string>& EvidencePool::SimilarRelations(const std::string& relation) {
  return SimilarOf(relation).relations;
}

const SimilarRelationSet& EvidencePool::SimilarOf(const std::string& relation) {
  auto it = similar_relations_.find(relation);
  if (it == similar_relations_.end()) {
    it = similar_relations_.emplace(relation, RelationsSimilarTo(*lex_, relation)).first;
  }
  return it->second;
}

const kb::Work* EvidencePool::FindWork(const std::string& id) const {
  auto it = works_.find(id);
  return it == works_.end() || it->second.id.empty() ? nullptr : &it->second;
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

kb::Status EvidencePool::OwnedOf(const std::string& claim_id, const std::vector<Owned>** out) {
  auto it = owned_.find(claim_id);
  if (it == owned_.end()) {
    std::vector<kb::Assertion> assertions;
    kb::Status s = store_->AssertionsForClaim(claim_id, &assertions);
    if (!s.ok()) return s;
    if (s = LoadWorksOf(assertions); !s.ok()) return s;
    std::vector<Owned> owned(assertions.size());
    for (size_t i = 0; i < assertions.size(); ++i) {
      WorksOf(assertions[i], &owned[i].works);
      owned[i].assertion = std::move(assertions[i]);
    }
    cached_assertions_ += owned.size();
    it = owned_.emplace(claim_id, std::move(owned)).first;
  }
  *out = &it->second;
  return kb::Status::OK();
}

void EvidencePool::WorksOf(const kb::Assertion& a, std::vector<const kb::Work*>* out) const {
  out->clear();
  for (const kb::WorkLink& link : a.works) {
    if (const kb::Work* work = FindWork(link.work_id)) out->push_back(work);
  }
}

kb::Status EvidencePool::TopEvidenceOf(const std::string& claim_id, kb::Stance side, size_t n,
                                       const std::vector<kb::RankedAssertion>** out) {
  const bool affirming = side == kb::Stance::kAsserts;
  TopEvidence& top = top_evidence_[claim_id];
  std::vector<kb::RankedAssertion>& items = top.sides[affirming ? 0 : 1];
  size_t& asked = top.asked[affirming ? 0 : 1];
  n = std::min(n, kMaxEvidencePerSide);
  // A read that came back short of what it asked for has read the side whole.
  if (n > asked && items.size() == asked) {
    std::vector<kb::RankedAssertion> read;
    kb::Status s = store_->TopAssertionsForClaim(claim_id, n, affirming ? &read : nullptr,
                                                 affirming ? nullptr : &read);
    if (!s.ok()) return s;
    cached_assertions_ = cached_assertions_ - items.size() + read.size();
    items = std::move(read);
    asked = n;
  }
  *out = &items;
  return kb::Status::OK();
}

kb::Status EvidencePool::LoadWorksOf(const std::vector<kb::Assertion>& assertions) {
  std::vector<std::string> ids;
  for (const kb::Assertion& a : assertions) {
    for (const kb::WorkLink& link : a.works) ids.push_back(link.work_id);
  }
  const std::vector<std::string> missing = Unread(ids, works_);
  if (missing.empty()) return kb::Status::OK();
  std::vector<kb::Work> works;
  std::vector<bool> found;
  kb::Status s = store_->GetWorks(missing, &works, &found);
  if (!s.ok()) return s;
  for (size_t i = 0; i < missing.size(); ++i) {
    if (!found[i]) works[i].id.clear();
    works_.emplace(missing[i], std::move(works[i]));
  }
  return kb::Status::OK();
}

namespace {

std::string ListedKey(const kb::RankedAssertion& ref) {
  std::string key = ref.claim_id;
  key.push_back('\0');
  key += ref.source_id;
  key.push_back('\0');
  key += std::to_string(ref.span_begin) + "-" + std::to_string(ref.span_end);
  return key;
}

kb::Status MissingListed(const kb::RankedAssertion& ref) {
  return kb::Status::Corruption("the top_evidence index names a missing assertion of claim " +
                                ref.claim_id + " from source " + ref.source_id +
                                "; run evkb-ingest on a fresh --db to rebuild");
}

}  // namespace

kb::Status EvidencePool::ListedAll(const std::vector<const kb::RankedAssertion*>& refs,
                                   std::vector<const Owned*>* out) {
  std::vector<std::string> keys(refs.size());
  std::vector<const kb::RankedAssertion*> unread;
  std::vector<std::string> unread_keys;
  for (size_t i = 0; i < refs.size(); ++i) {
    keys[i] = ListedKey(*refs[i]);
    if (listed_.count(keys[i]) == 0 &&
        std::find(unread_keys.begin(), unread_keys.end(), keys[i]) == unread_keys.end()) {
      unread.push_back(refs[i]);
      unread_keys.push_back(keys[i]);
    }
  }
  if (!unread.empty()) {
    std::vector<kb::Assertion> assertions;
    std::vector<bool> found;
    kb::Status s = store_->GetAssertions(unread, &assertions, &found);
    if (!s.ok()) return s;
    for (size_t i = 0; i < unread.size(); ++i) {
      if (!found[i]) return MissingListed(*unread[i]);
    }
    if (s = LoadWorksOf(assertions); !s.ok()) return s;
    for (size_t i = 0; i < unread.size(); ++i) {
      Owned o;
      WorksOf(assertions[i], &o.works);
      o.assertion = std::move(assertions[i]);
      cached_assertions_ += 1;
      listed_.emplace(std::move(unread_keys[i]), std::move(o));
    }
  }
  out->resize(refs.size());
  for (size_t i = 0; i < refs.size(); ++i) (*out)[i] = &listed_.find(keys[i])->second;
  return kb::Status::OK();
}

const EvidencePool::Summed& EvidencePool::KeepSummary(
    const std::string& claim_id, std::shared_ptr<const kb::ClaimRecord> record) {
  auto [it, added] = summaries_.try_emplace(claim_id);
  if (added) {
    Summed& s = it->second;
    s.record = std::move(record);
    const kb::EvidenceSummary& summary = s.summary();
    s.affirm = summary.Side(kb::Stance::kAsserts);
    s.deny = summary.Side(kb::Stance::kDenies);
    s.for_count = summary.Count(kb::Stance::kAsserts);
    s.against_count = summary.Count(kb::Stance::kDenies);
    for (const auto& [tag, n] : summary.mechanisms) {
      s.mechanisms.emplace_back(&*mechanism_tags_.insert(tag).first, n);
    }
  }
  return it->second;
}

kb::Status EvidencePool::SummaryOf(const std::string& claim_id, const Summed** out) {
  auto it = summaries_.find(claim_id);
  if (it != summaries_.end()) {
    *out = &it->second;
    return kb::Status::OK();
  }
  // Read with the claim's record, which LoadClaims keeps the summary of; a
  // claim the store does not have counts nothing.
  if (kb::Status s = LoadClaims({claim_id}); !s.ok()) return s;
  it = summaries_.find(claim_id);
  *out = it != summaries_.end() ? &it->second
                                : &KeepSummary(claim_id, std::make_shared<const kb::ClaimRecord>());
  return kb::Status::OK();
}

kb::Status EvidencePool::ForEachOwnAssertion(const std::string& claim_id,
                                             const Judge::AssertionFn& fn) {
  // Kept while they fit in the pool's bound (a later call may visit them);
  // beyond it, streamed past `fn`: a claim repeated by thousands of articles
  // would otherwise push out everything else.
  const Summed* summed = nullptr;
  kb::Status s = SummaryOf(claim_id, &summed);
  if (!s.ok()) return s;
  const size_t n = summed->for_count + summed->against_count;
  if (owned_.count(claim_id) != 0 || CachedRecords() + n <= kMaxCachedRecords) {
    const std::vector<Owned>* owned = nullptr;
    if (s = OwnedOf(claim_id, &owned); !s.ok()) return s;
    for (const Owned& o : *owned) fn(o.assertion, o.works);
    return kb::Status::OK();
  }
  std::vector<kb::Assertion> assertions;
  if (s = store_->AssertionsForClaim(claim_id, &assertions); !s.ok()) return s;
  if (s = LoadWorksOf(assertions); !s.ok()) return s;
  std::vector<const kb::Work*> works;
  for (const kb::Assertion& a : assertions) {
    WorksOf(a, &works);
    fn(a, works);
  }
  return kb::Status::OK();
}

kb::Status EvidencePool::OwnWeight(const std::string& claim_id, double* out) {
  const Summed* summed = nullptr;
  kb::Status s = SummaryOf(claim_id, &summed);
  if (s.ok()) *out = summed->affirm.total + summed->deny.total;
  return s;
}

void EvidencePool::Count(const kb::Claim& claim, const Summed& summed, double closeness,
                         Tally* tally, std::vector<Candidate>* candidates) {
  tally->affirm.Merge(summed.affirm, closeness);
  tally->deny.Merge(summed.deny, closeness);
  tally->for_count += summed.for_count;
  tally->against_count += summed.against_count;
  for (const auto& [tag, n] : summed.mechanisms) {
    auto it = std::find_if(tally->mechanisms.begin(), tally->mechanisms.end(),
                           [tag = tag](const auto& m) { return m.first == tag; });
    if (it == tally->mechanisms.end()) {
      tally->mechanisms.emplace_back(tag, n);
    } else {
      it->second += n;
    }
  }
  if (candidates != nullptr) candidates->push_back({&claim, closeness, &summed.summary()});
}

kb::Status EvidencePool::Gather(const std::vector<Candidate>& candidates, kb::Stance side,
                                size_t max_listed, std::vector<Counted>* listed) {
  auto buckets = [side](const Candidate& c) -> const std::vector<kb::EvidenceSummary::Bucket>& {
    return side == kb::Stance::kAsserts ? c.summary->affirm : c.summary->deny;
  };
  // The `wanted`-th heaviest item of all; 0 when there are fewer. A lighter
  // item can be neither listed nor a tie that orders the listed ones.
  const size_t wanted = std::min(max_listed, kMaxEvidencePerSide);
  std::vector<std::pair<double, uint32_t>> weights;  // discounted weight, items
  for (const Candidate& c : candidates) {
    for (const kb::EvidenceSummary::Bucket& b : buckets(c)) {
      weights.emplace_back(b.weight() * c.closeness, b.count);
    }
  }
  // Every bucket holds at least one item, so the `wanted` heaviest buckets
  // hold the `wanted`-th heaviest item: only they need ordering.
  auto head = weights.begin() + static_cast<std::ptrdiff_t>(std::min(wanted, weights.size()));
  std::partial_sort(weights.begin(), head, weights.end(), std::greater<>());
  double threshold = 0;
  size_t seen = 0;
  for (auto it = weights.begin(); it != head; ++it) {
    const auto& [weight, count] = *it;
    seen += count;
    if (seen >= wanted) {
      threshold = weight;
      break;
    }
  }
  // The index keeps weights as doubles, the summaries in millionths: the
  // margin only makes more claims be read, never fewer.
  constexpr double kMargin = 1e-4;
  for (const Candidate& c : candidates) {
    // The claim's items as heavy as the threshold: they come first in its
    // index, whose order one discount keeps, so only they are read (at most
    // kMaxEvidencePerSide of them can reach the listing).
    size_t heavy = 0;
    for (const kb::EvidenceSummary::Bucket& b : buckets(c)) {
      if (b.weight() * c.closeness >= threshold - kMargin) heavy += b.count;
    }
    if (heavy == 0) continue;
    const std::vector<kb::RankedAssertion>* items = nullptr;
    if (kb::Status s = TopEvidenceOf(c.claim->id, side, heavy, &items); !s.ok()) return s;
    const size_t n = std::min(items->size(), std::min(heavy, kMaxEvidencePerSide));
    for (size_t i = 0; i < n; ++i) {
      listed->push_back({&(*items)[i], c.claim, (*items)[i].weight * c.closeness});
    }
  }
  return kb::Status::OK();
}

kb::Status EvidencePool::List(std::vector<Counted>& side, size_t max_listed,
                              std::vector<Evidence>* out) {
  // Strongest first; ties in a fixed order that needs no source record.
  auto stronger = [](const Counted& a, const Counted& b) {
    if (a.weight != b.weight) return a.weight > b.weight;
    if (a.item->source_id != b.item->source_id) return a.item->source_id < b.item->source_id;
    return a.item->span_begin < b.item->span_begin;
  };
  const size_t keep = std::min(side.size(), kMaxEvidencePerSide);
  std::partial_sort(side.begin(), side.begin() + static_cast<std::ptrdiff_t>(keep), side.end(),
                    stronger);
  // Equal weights read best by source path; order the pointers, then copy
  // once. The index keeps each item's source path and title; a database
  // written before it did has the sources read (only those of items as
  // heavy as the last one listed: the lighter ones sort after it whatever
  // their path).
  const size_t shown = std::min(keep, max_listed);
  if (shown == 0) {
    out->clear();
    return kb::Status::OK();
  }
  const double lightest_shown = side[shown - 1].weight;
  struct Listing {
    const Counted* counted;
    const std::string* path;
    const kb::Source* source;  // null when the index knew the source
  };
  std::vector<Listing> listed;
  listed.reserve(keep);
  for (size_t i = 0; i < keep && side[i].weight >= lightest_shown; ++i) {
    const kb::RankedAssertion& r = *side[i].item;
    if (r.source_known) {
      listed.push_back({&side[i], &r.source_path, nullptr});
    } else {
      const kb::Source* src = FindSource(r.source_id);
      listed.push_back({&side[i], &src->path, src});
    }
  }
  std::stable_sort(listed.begin(), listed.end(), [](const Listing& a, const Listing& b) {
    if (a.counted->weight != b.counted->weight) return a.counted->weight > b.counted->weight;
    return *a.path < *b.path;
  });
  std::vector<const kb::RankedAssertion*> refs(shown);
  for (size_t i = 0; i < shown; ++i) refs[i] = listed[i].counted->item;
  std::vector<const Owned*> items;
  if (kb::Status s = ListedAll(refs, &items); !s.ok()) return s;
  out->resize(shown);
  for (size_t i = 0; i < out->size(); ++i) {
    Evidence& e = (*out)[i];
    const Counted& c = *listed[i].counted;
    const Owned* item = items[i];
    e.assertion = item->assertion;
    e.works.reserve(item->works.size());
    for (const kb::Work* work : item->works) e.works.push_back(*work);
    e.claim = *c.claim;
    e.weight = c.weight;
    if (listed[i].source != nullptr) {
      e.source = *listed[i].source;
    } else {
      e.source = kb::Source{};
      e.source.id = c.item->source_id;
      e.source.path = c.item->source_path;
      e.source.title = c.item->source_title;
    }
  }
  return kb::Status::OK();
}

kb::Status EvidencePool::NarrowerOf(const kb::Claim& claim, const std::vector<Narrower>** out) {
  auto it = narrower_.find(claim.id);
  if (it == narrower_.end()) {
    std::vector<const kb::Claim*> found;
    const SimilarRelationSet& similar = SimilarOf(claim.relation);
    kb::Status s =
        FindClaims(AtOrBelow(claim.subject), similar.relations, AtOrBelow(claim.object), &found);
    if (!s.ok()) return s;
    std::vector<Narrower> narrower;
    // Found at or below the claim's subject and object, so each is the same
    // concept or a narrower one (HierarchyCloseness without the lexicon walks).
    auto hierarchy = [](const std::string& wanted, const std::string& found) {
      return wanted == found ? kSameConcept : kNarrowerConcept;
    };
    // Each found claim has one of the few relations found for: their
    // similarities were worked out with the list.
    auto score = [&](const std::string& relation) {
      for (size_t k = 0; k < similar.relations.size(); ++k) {
        if (similar.relations[k] == relation) return similar.scores[k];
      }
      return lex_->RelationSimilarity(claim.relation, relation);
    };
    narrower.reserve(found.size());
    for (const kb::Claim* n : found) {
      if (n->id == claim.id) continue;
      const double closeness = hierarchy(claim.subject, n->subject) * score(n->relation) *
                               hierarchy(claim.object, n->object);
      const Summed* summed = nullptr;
      if (auto known = summed_of_.find(n); known != summed_of_.end()) {
        summed = known->second;
      } else if (s = SummaryOf(n->id, &summed); !s.ok()) {
        return s;
      }
      narrower.push_back({n, summed, closeness});
    }
    it = narrower_.emplace(claim.id, std::move(narrower)).first;
  }
  *out = &it->second;
  return kb::Status::OK();
}

kb::Status EvidencePool::JudgeClaim(const kb::Claim& claim, Judgement* out, size_t max_listed) {
  *out = Judgement{};
  out->claim = claim;
  std::vector<Candidate> candidates;
  auto [known, fresh] = tallies_.try_emplace(claim.id);
  // A listing needs the candidates, which only counting gives.
  if (fresh || max_listed > 0) {
    std::vector<Candidate>* listing = max_listed > 0 ? &candidates : nullptr;
    auto count = [&](Tally* tally) {
      const Summed* own = nullptr;
      kb::Status s = SummaryOf(claim.id, &own);
      if (!s.ok()) return s;
      Count(out->claim, *own, kSameConcept, tally, listing);
      const std::vector<Narrower>* narrower = nullptr;
      if (s = NarrowerOf(claim, &narrower); !s.ok()) return s;
      for (const Narrower& n : *narrower) {
        Count(*n.claim, *n.summed, n.closeness, tally, listing);
      }
      return kb::Status::OK();
    };
    Tally recount;
    if (kb::Status s = count(fresh ? &known->second : &recount); !s.ok()) {
      if (fresh) tallies_.erase(known);
      return s;
    }
  }
  const Tally& tally = known->second;
  out->for_count = tally.for_count;
  out->against_count = tally.against_count;
  for (const auto& [tag, n] : tally.mechanisms) out->mechanisms[*tag] += n;

  const kb::VerdictResult v = kb::CombineSides(tally.affirm, tally.deny);
  out->verdict = v.verdict;
  out->confidence = v.confidence;
  if (max_listed > 0) {
    std::vector<Counted> listed_for, listed_against;
    kb::Status s = Gather(candidates, kb::Stance::kAsserts, max_listed, &listed_for);
    if (!s.ok()) return s;
    if (s = Gather(candidates, kb::Stance::kDenies, max_listed, &listed_against); !s.ok()) {
      return s;
    }
    if (s = List(listed_for, max_listed, &out->for_evidence); !s.ok()) return s;
    if (s = List(listed_against, max_listed, &out->against_evidence); !s.ok()) return s;
  }
  return kb::Status::OK();
}

}  // namespace query
