// EvidencePool::JudgeClosed: the judgements of a set of claims that holds
// every claim they count, from sums per hierarchy cell. A sources report
// judges every claim about its benefit, and each judgement counts the
// claims below it: walked one judgement at a time, a broad benefit's
// claims are counted over and over, each time found again through the
// hierarchy. Here each claim is counted once into the cells it falls in,
// and each judgement adds up a few cells.
#include <cstdint>
#include <functional>
#include <string_view>
#include <unordered_map>

#include "closeness.h"
#include "evidence_pool.h"

namespace query {
namespace {

// Dense ids for the strings of one call (views into the pool's records).
class Interner {
 public:
  uint32_t Id(std::string_view s) {
    return ids_.try_emplace(s, static_cast<uint32_t>(ids_.size())).first->second;
  }
  // False when `s` has no id.
  bool Find(std::string_view s, uint32_t* id) const {
    auto it = ids_.find(s);
    if (it == ids_.end()) return false;
    *id = it->second;
    return true;
  }
  size_t size() const { return ids_.size(); }

 private:
  std::unordered_map<std::string_view, uint32_t> ids_;
};

// A (subject, relation, object) cell of the judged claims' hierarchy: the
// claims with that relation whose subject is at or below the subject and
// whose object is at or below the object.
struct CellKey {
  uint32_t subject, relation, object;
  bool operator==(const CellKey&) const = default;
};

struct CellKeyHash {
  size_t operator()(const CellKey& k) const {
    uint64_t h = (uint64_t{k.subject} << 32) ^ (uint64_t{k.relation} << 16) ^ k.object;
    h *= 0x9E3779B97F4A7C15ULL;
    return static_cast<size_t>(h ^ (h >> 29));
  }
};

// Which of a cell's claims a judgement of its (subject, relation, object)
// discounts how: subject the same or narrower, object the same or
// narrower. Class 0 is the judged claim itself.
constexpr int kClasses = 4;
constexpr int ClassOf(bool narrower_subject, bool narrower_object) {
  return (narrower_subject ? 2 : 0) + (narrower_object ? 1 : 0);
}

// The evidence of a cell's claims, by class; counts and mechanisms, which
// no discount touches, for the whole cell.
struct Cell {
  kb::SideEvidence affirm[kClasses], deny[kClasses];
  size_t for_count = 0, against_count = 0;
  std::vector<std::pair<const std::string*, int>> mechanisms;  // interned tags
};

}  // namespace

kb::Status EvidencePool::JudgeClosed(const std::vector<const kb::Claim*>& claims,
                                     std::vector<Judgement>* out) {
  out->clear();
  if (kb::Status s = TallyClosed(claims); !s.ok()) return s;
  out->reserve(claims.size());
  for (const kb::Claim* c : claims) {
    Judgement j;
    j.claim = *c;
    FillJudgement(tallies_.at(c->id), &j);
    out->push_back(std::move(j));
  }
  return kb::Status::OK();
}

kb::Status EvidencePool::TallyClosed(const std::vector<const kb::Claim*>& claims) {
  std::vector<const kb::Claim*> untallied;
  for (const kb::Claim* c : claims) {
    if (tallies_.count(c->id) == 0) untallied.push_back(c);
  }
  if (untallied.empty()) return kb::Status::OK();

  // Every claim is a row and column of some judgement: its subject and
  // object are the only concepts a cell needs.
  Interner concepts, relations;
  for (const kb::Claim* c : claims) {
    concepts.Id(c->subject);
    concepts.Id(c->object);
    relations.Id(c->relation);
  }
  std::vector<bool> is_subject(concepts.size()), is_object(concepts.size());  // by concept id
  for (const kb::Claim* c : claims) {
    uint32_t id = 0;
    if (concepts.Find(c->subject, &id)) is_subject[id] = true;
    if (concepts.Find(c->object, &id)) is_object[id] = true;
  }
  // A concept and those of its ancestors that are a subject (or object) of
  // some claim, the concept first: the cells a claim falls in. Only
  // ancestors the lexicon has, as only they have concepts below them
  // (AtOrBelow).
  std::vector<std::vector<uint32_t>> up_subject(concepts.size()), up_object(concepts.size());
  auto up = [&](const std::string& concept_id, const std::vector<bool>& wanted,
                std::vector<std::vector<uint32_t>>* memo) -> const std::vector<uint32_t>& {
    uint32_t id = 0;
    concepts.Find(concept_id, &id);
    std::vector<uint32_t>& line = (*memo)[id];
    if (line.empty()) {
      line.push_back(id);
      for (const std::string& a : lex_->Ancestors(concept_id)) {
        uint32_t aid = 0;
        if (lex_->FindConcept(a) != nullptr && concepts.Find(a, &aid) && wanted[aid]) {
          line.push_back(aid);
        }
      }
    }
    return line;
  };

  std::unordered_map<CellKey, Cell, CellKeyHash> cells;
  for (const kb::Claim* c : claims) {
    const Summed* summed = nullptr;
    if (auto known = summed_of_.find(c); known != summed_of_.end()) {
      summed = known->second;
    } else if (kb::Status s = SummaryOf(c->id, &summed); !s.ok()) {
      return s;
    }
    uint32_t relation = 0;
    relations.Find(c->relation, &relation);
    const std::vector<uint32_t>& subjects = up(c->subject, is_subject, &up_subject);
    const std::vector<uint32_t>& objects = up(c->object, is_object, &up_object);
    for (size_t i = 0; i < subjects.size(); ++i) {
      for (size_t k = 0; k < objects.size(); ++k) {
        Cell& cell = cells[CellKey{subjects[i], relation, objects[k]}];
        const int cls = ClassOf(i > 0, k > 0);
        cell.affirm[cls].Merge(summed->affirm, kSameConcept);
        cell.deny[cls].Merge(summed->deny, kSameConcept);
        cell.for_count += summed->for_count;
        cell.against_count += summed->against_count;
        for (const auto& [tag, n] : summed->mechanisms) AddMechanism(tag, n, &cell.mechanisms);
      }
    }
  }

  // A judgement counts the cells of its subject and object for each
  // relation similar to its own, each class at its discount (as NarrowerOf
  // weighs a narrower claim: subject, then relation, then object).
  constexpr double kSubjectCloseness[kClasses] = {kSameConcept, kSameConcept, kNarrowerConcept,
                                                  kNarrowerConcept};
  constexpr double kObjectCloseness[kClasses] = {kSameConcept, kNarrowerConcept, kSameConcept,
                                                 kNarrowerConcept};
  for (const kb::Claim* c : untallied) {
    uint32_t subject = 0, object = 0;
    concepts.Find(c->subject, &subject);
    concepts.Find(c->object, &object);
    const Similar& similar = SimilarOf(c->relation);
    Tally tally;
    for (size_t r = 0; r < similar.relations.size(); ++r) {
      uint32_t relation = 0;
      if (!relations.Find(similar.relations[r], &relation)) continue;
      auto cell = cells.find(CellKey{subject, relation, object});
      if (cell == cells.end()) continue;
      for (int cls = 0; cls < kClasses; ++cls) {
        const double closeness = kSubjectCloseness[cls] * similar.scores[r] * kObjectCloseness[cls];
        tally.affirm.Merge(cell->second.affirm[cls], closeness);
        tally.deny.Merge(cell->second.deny[cls], closeness);
      }
      tally.for_count += cell->second.for_count;
      tally.against_count += cell->second.against_count;
      for (const auto& [tag, n] : cell->second.mechanisms) {
        AddMechanism(tag, n, &tally.mechanisms);
      }
    }
    tallies_.emplace(c->id, std::move(tally));
  }
  return kb::Status::OK();
}

}  // namespace query
