#include "closeness.h"

#include <algorithm>

namespace query {
namespace {

// The parent of `id` when that parent is not a root, else "".
std::string NonRootParent(const kb::Lexicon& lex, const std::string& id) {
  const kb::Concept* c = lex.FindConcept(id);
  if (c == nullptr || c->parent.empty()) return "";
  const kb::Concept* parent = lex.FindConcept(c->parent);
  if (parent == nullptr || parent->parent.empty()) return "";
  return parent->id;
}

}  // namespace

double HierarchyCloseness(const kb::Lexicon& lex, const std::string& wanted,
                          const std::string& candidate) {
  if (wanted.empty() || candidate.empty()) return 0;
  if (wanted == candidate) return kSameConcept;
  if (lex.FindConcept(wanted) == nullptr || lex.FindConcept(candidate) == nullptr) return 0;
  if (lex.IsA(candidate, wanted)) return kNarrowerConcept;
  if (lex.IsA(wanted, candidate)) return kBroaderConcept;
  return 0;
}

double ObjectCloseness(const kb::Lexicon& lex, const std::string& wanted,
                       const std::string& candidate) {
  double c = HierarchyCloseness(lex, wanted, candidate);
  if (c > 0) return c;
  const std::string parent = NonRootParent(lex, wanted);
  if (!parent.empty() && parent == NonRootParent(lex, candidate)) return kSiblingConcept;
  return 0;
}

std::vector<std::string> ObjectNeighbourhood(const kb::Lexicon& lex, const std::string& id) {
  std::vector<std::string> out = {id};
  if (lex.FindConcept(id) == nullptr) return out;
  for (std::string& d : lex.Descendants(id)) out.push_back(std::move(d));
  for (std::string& a : lex.Ancestors(id)) out.push_back(std::move(a));
  const std::string parent = NonRootParent(lex, id);
  if (!parent.empty()) {
    for (const std::string& d : lex.Descendants(parent)) {
      const kb::Concept* c = lex.FindConcept(d);
      if (c != nullptr && c->parent == parent && d != id) out.push_back(d);
    }
  }
  std::sort(out.begin() + 1, out.end());
  out.erase(std::unique(out.begin() + 1, out.end()), out.end());
  return out;
}

SimilarRelationSet RelationsSimilarTo(const kb::Lexicon& lex, const std::string& relation) {
  SimilarRelationSet similar;
  similar.relations.push_back(relation);
  similar.scores.push_back(lex.RelationSimilarity(relation, relation));
  for (const kb::RelationDef& r : lex.relations) {
    const double score = r.id == relation ? 0 : lex.RelationSimilarity(relation, r.id);
    if (score > 0) {
      similar.relations.push_back(r.id);
      similar.scores.push_back(score);
    }
  }
  return similar;
}

}  // namespace query
