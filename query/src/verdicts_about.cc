#include "verdicts_about.h"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "closeness.h"
#include "kb/verdict.h"

namespace query {
namespace {

// Dense ids for the strings of one call (views into the records read),
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

// A (subject, relation, object) cell of the hierarchy: the claims with
// that relation whose subject is at or below the subject and whose object
// is at or below the object.
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

// How a judgement of a cell's (subject, relation, object) discounts the
// cell's claims: by whether their subject and their object are the same or
// narrower. Class 0 is the judged claim itself.
constexpr int kClasses = 4;
constexpr int ClassOf(bool narrower_subject, bool narrower_object) {
  return (narrower_subject ? 2 : 0) + (narrower_object ? 1 : 0);
}
// Subject, then object closeness by class (NarrowerOf's product order:
// subject, relation, object).
constexpr double kSubjectCloseness[kClasses] = {kSameConcept, kSameConcept, kNarrowerConcept,
                                                kNarrowerConcept};
constexpr double kObjectCloseness[kClasses] = {kSameConcept, kNarrowerConcept, kSameConcept,
                                               kNarrowerConcept};

// The evidence of a cell's claims, by class.
struct Cell {
  kb::SideEvidence affirm[kClasses], deny[kClasses];
};

// One claim about the objects, its strings as ids, its evidence summed.
struct Row {
  const std::shared_ptr<const kb::ClaimRecord>* record;
  uint32_t subject, relation, object;
  kb::SideEvidence affirm, deny;
};

}  // namespace

kb::Status VerdictsOfClosedSet(kb::Store* store, const kb::Lexicon& lex,
                               const std::vector<std::string>& objects,
                               std::vector<ClaimVerdict>* out) {
  out->clear();
  // The claims about each object, in claim id order: each concept's list
  // comes in that order from its index, so they are merged, not sorted.
  std::vector<std::string> ids;
  bool sorted = true;
  for (const std::string& o : objects) {
    std::vector<std::string> about;
    if (kb::Status s = store->ClaimsByConcept(o, &about); !s.ok()) return s;
    const size_t middle = ids.size();
    ids.insert(ids.end(), std::make_move_iterator(about.begin()),
               std::make_move_iterator(about.end()));
    const auto begin = ids.begin() + static_cast<std::ptrdiff_t>(middle);
    sorted = sorted && std::is_sorted(begin, ids.end());
    if (sorted) std::inplace_merge(ids.begin(), begin, ids.end());
  }
  if (!sorted) std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::vector<std::shared_ptr<const kb::ClaimRecord>> records;
  if (kb::Status s = store->GetClaimRecords(ids, &records); !s.ok()) return s;

  // The claims whose object is one of `objects` (the others have one as
  // their subject; a null record is an index entry outliving its claim).
  const std::unordered_set<std::string_view> wanted(objects.begin(), objects.end());
  Interner concepts, relations;
  std::vector<Row> rows;
  rows.reserve(records.size());
  for (const std::shared_ptr<const kb::ClaimRecord>& r : records) {
    if (r == nullptr || wanted.count(r->claim.object) == 0) continue;
    rows.push_back({&r, concepts.Id(r->claim.subject), relations.Id(r->claim.relation),
                    concepts.Id(r->claim.object), r->summary.Side(kb::Stance::kAsserts),
                    r->summary.Side(kb::Stance::kDenies)});
  }

  // A claim falls in the cells of its subject and object and of their
  // ancestors that are some claim's subject (object): the only cells a
  // judgement reads. Only ancestors the lexicon has count, as only they
  // have concepts below them.
  std::vector<bool> is_subject(concepts.size()), is_object(concepts.size());
  for (const Row& row : rows) {
    is_subject[row.subject] = true;
    is_object[row.object] = true;
  }
  std::vector<std::vector<uint32_t>> up_subject(concepts.size()), up_object(concepts.size());
  auto up = [&](uint32_t id, const std::vector<bool>& wanted_here,
                std::vector<std::vector<uint32_t>>* memo) -> const std::vector<uint32_t>& {
    std::vector<uint32_t>& line = (*memo)[id];
    if (line.empty()) {
      line.push_back(id);
      for (const std::string& a : lex.Ancestors(concepts.Name(id))) {
        uint32_t aid = 0;
        if (lex.FindConcept(a) != nullptr && concepts.Find(a, &aid) && wanted_here[aid]) {
          line.push_back(aid);
        }
      }
    }
    return line;
  };
  std::unordered_map<CellKey, uint32_t, CellKeyHash> cell_ids;
  cell_ids.reserve(rows.size() * 4);
  std::vector<Cell> cells;
  for (const Row& row : rows) {
    const std::vector<uint32_t>& subjects = up(row.subject, is_subject, &up_subject);
    const std::vector<uint32_t>& objects_up = up(row.object, is_object, &up_object);
    for (size_t i = 0; i < subjects.size(); ++i) {
      for (size_t k = 0; k < objects_up.size(); ++k) {
        auto [it, added] = cell_ids.try_emplace(CellKey{subjects[i], row.relation, objects_up[k]},
                                                static_cast<uint32_t>(cells.size()));
        if (added) cells.emplace_back();
        Cell& cell = cells[it->second];
        const int cls = ClassOf(i > 0, k > 0);
        cell.affirm[cls].Merge(row.affirm, kSameConcept);
        cell.deny[cls].Merge(row.deny, kSameConcept);
      }
    }
  }

  // Each claim adds up the cells of its subject and object for each
  // relation similar to its own (by relation id, worked out once).
  std::vector<std::vector<std::pair<uint32_t, double>>> similar(relations.size());
  std::vector<bool> similar_known(relations.size());
  out->reserve(rows.size());
  for (const Row& row : rows) {
    if (!similar_known[row.relation]) {
      similar_known[row.relation] = true;
      const SimilarRelationSet set = RelationsSimilarTo(lex, relations.Name(row.relation));
      for (size_t r = 0; r < set.relations.size(); ++r) {
        uint32_t id = 0;
        if (relations.Find(set.relations[r], &id)) {
          similar[row.relation].emplace_back(id, set.scores[r]);
        }
      }
    }
    kb::SideEvidence affirm, deny;
    for (const auto& [relation, score] : similar[row.relation]) {
      auto id = cell_ids.find(CellKey{row.subject, relation, row.object});
      if (id == cell_ids.end()) continue;
      const Cell& cell = cells[id->second];
      for (int cls = 0; cls < kClasses; ++cls) {
        const double closeness = kSubjectCloseness[cls] * score * kObjectCloseness[cls];
        affirm.Merge(cell.affirm[cls], closeness);
        deny.Merge(cell.deny[cls], closeness);
      }
    }
    const kb::VerdictResult v = kb::CombineSides(affirm, deny);
    out->push_back({*row.record, v.verdict, v.confidence});
  }
  return kb::Status::OK();
}

}  // namespace query
