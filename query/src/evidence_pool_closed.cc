// EvidencePool::JudgeClosed: the judgements of a set of claims that holds
// every claim they count, from sums per hierarchy cell. A sources report
// judges every claim about its benefit, and each judgement counts the
// claims below it: walked one judgement at a time, a broad benefit's
// claims are counted over and over, each time found again through the
// hierarchy. Here each claim is counted once into the cells it falls in,
// and each judgement adds up a few cells.
#include <algorithm>
#include <cstdint>
#include <string_view>
#include <unordered_map>

#include "closeness.h"
#include "evidence_pool.h"

namespace query {
namespace {

// Dense ids for the strings of one call (views into the pool's records),
// with each id's string.
class Interner {
 public:
  uint32_t Id(const std::string& s) {
    auto [it, added] = ids_.try_emplace(s, static_cast<uint32_t>(names_.size()));
    if (added) names_.push_back(&s);
    return it->second;
  }
  // False when `s` has no id.
  bool Find(std::string_view s, uint32_t* id) const {
    auto it = ids_.find(s);
    if (it == ids_.end()) return false;
    *id = it->second;
    return true;
  }
  const std::string& Name(uint32_t id) const { return *names_[id]; }
  size_t size() const { return names_.size(); }

 private:
  std::unordered_map<std::string_view, uint32_t> ids_;
  std::vector<const std::string*> names_;
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

// The evidence of a cell's claims, by class; the counts, which no discount
// touches, for the whole cell (its mechanisms are kept beside it).
struct Cell {
  kb::SideEvidence affirm[kClasses], deny[kClasses];
  size_t for_count = 0, against_count = 0;
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
  if (std::all_of(claims.begin(), claims.end(),
                  [&](const kb::Claim* c) { return tallies_.count(c->id) != 0; })) {
    return kb::Status::OK();
  }

  // Each claim with its strings as ids and its summary.
  struct Row {
    uint32_t subject, relation, object;
    const Summed* summed;
  };
  Interner concepts, relations;
  std::vector<Row> rows;
  rows.reserve(claims.size());
  for (const kb::Claim* c : claims) {
    const Summed* summed = nullptr;
    if (auto known = summed_of_.find(c); known != summed_of_.end()) {
      summed = known->second;
    } else if (kb::Status s = SummaryOf(c->id, &summed); !s.ok()) {
      return s;
    }
    rows.push_back(
        {concepts.Id(c->subject), relations.Id(c->relation), concepts.Id(c->object), summed});
  }
  // Every claim is a row and column of some judgement: its subject and
  // object are the only concepts a cell needs.
  std::vector<bool> is_subject(concepts.size()), is_object(concepts.size());  // by concept id
  for (const Row& row : rows) {
    is_subject[row.subject] = true;
    is_object[row.object] = true;
  }
  // A concept and those of its ancestors that are a subject (or object) of
  // some claim, the concept first: the cells a claim falls in. Only
  // ancestors the lexicon has, as only they have concepts below them
  // (AtOrBelow).
  std::vector<std::vector<uint32_t>> up_subject(concepts.size()), up_object(concepts.size());
  auto up = [&](uint32_t id, const std::vector<bool>& wanted,
                std::vector<std::vector<uint32_t>>* memo) -> const std::vector<uint32_t>& {
    std::vector<uint32_t>& line = (*memo)[id];
    if (line.empty()) {
      line.push_back(id);
      for (const std::string& a : lex_->Ancestors(concepts.Name(id))) {
        uint32_t aid = 0;
        if (lex_->FindConcept(a) != nullptr && concepts.Find(a, &aid) && wanted[aid]) {
          line.push_back(aid);
        }
      }
    }
    return line;
  };
  // Mechanism tags as dense ids: a cell's mechanisms are counts at
  // [cell * tags.size() + tag].
  std::unordered_map<const std::string*, uint32_t> tag_ids;
  std::vector<const std::string*> tags;
  for (const Row& row : rows) {
    for (const auto& [tag, n] : row.summed->mechanisms) {
      if (tag_ids.try_emplace(tag, static_cast<uint32_t>(tags.size())).second) tags.push_back(tag);
    }
  }

  std::unordered_map<CellKey, uint32_t, CellKeyHash> cell_ids;
  cell_ids.reserve(rows.size() * 4);
  std::vector<Cell> cells;
  std::vector<int> mechanisms;
  for (const Row& row : rows) {
    const Summed& summed = *row.summed;
    const std::vector<uint32_t>& subjects = up(row.subject, is_subject, &up_subject);
    const std::vector<uint32_t>& objects = up(row.object, is_object, &up_object);
    for (size_t i = 0; i < subjects.size(); ++i) {
      for (size_t k = 0; k < objects.size(); ++k) {
        auto [it, added] = cell_ids.try_emplace(CellKey{subjects[i], row.relation, objects[k]},
                                                static_cast<uint32_t>(cells.size()));
        if (added) {
          cells.emplace_back();
          mechanisms.resize(mechanisms.size() + tags.size());
        }
        Cell& cell = cells[it->second];
        const int cls = ClassOf(i > 0, k > 0);
        cell.affirm[cls].Merge(summed.affirm, kSameConcept);
        cell.deny[cls].Merge(summed.deny, kSameConcept);
        cell.for_count += summed.for_count;
        cell.against_count += summed.against_count;
        int* counts = &mechanisms[size_t{it->second} * tags.size()];
        for (const auto& [tag, n] : summed.mechanisms) counts[tag_ids.at(tag)] += n;
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
  // By relation id: the similar relations any claim has, with their scores.
  std::vector<std::vector<std::pair<uint32_t, double>>> similar_ids(relations.size());
  std::vector<bool> similar_known(relations.size());
  for (size_t i = 0; i < claims.size(); ++i) {
    if (tallies_.count(claims[i]->id) != 0) continue;
    const Row& row = rows[i];
    if (!similar_known[row.relation]) {
      similar_known[row.relation] = true;
      const Similar& similar = SimilarOf(relations.Name(row.relation));
      for (size_t r = 0; r < similar.relations.size(); ++r) {
        uint32_t id = 0;
        if (relations.Find(similar.relations[r], &id)) {
          similar_ids[row.relation].emplace_back(id, similar.scores[r]);
        }
      }
    }
    Tally tally;
    std::vector<int> counts(tags.size());
    for (const auto& [relation, score] : similar_ids[row.relation]) {
      auto id = cell_ids.find(CellKey{row.subject, relation, row.object});
      if (id == cell_ids.end()) continue;
      const Cell& cell = cells[id->second];
      for (int cls = 0; cls < kClasses; ++cls) {
        const double closeness = kSubjectCloseness[cls] * score * kObjectCloseness[cls];
        tally.affirm.Merge(cell.affirm[cls], closeness);
        tally.deny.Merge(cell.deny[cls], closeness);
      }
      tally.for_count += cell.for_count;
      tally.against_count += cell.against_count;
      const int* cell_counts = &mechanisms[size_t{id->second} * tags.size()];
      for (size_t t = 0; t < tags.size(); ++t) counts[t] += cell_counts[t];
    }
    for (size_t t = 0; t < tags.size(); ++t) {
      if (counts[t] != 0) tally.mechanisms.emplace_back(tags[t], counts[t]);
    }
    tallies_.emplace(claims[i]->id, std::move(tally));
  }
  return kb::Status::OK();
}

}  // namespace query
