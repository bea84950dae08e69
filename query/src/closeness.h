// How closely one concept stands for another when matching claims, from the
// lexicon's is-a hierarchy. Internal to the judge.
#ifndef EVKB_QUERY_CLOSENESS_H_
#define EVKB_QUERY_CLOSENESS_H_

#include <string>
#include <vector>

#include "kb/lexicon.h"

namespace query {

// The same concept: the claim says exactly what was asked.
inline constexpr double kSameConcept = 1.0;
// A narrower concept ("adhesions" for "scar tissue"): evidence about a kind
// of X speaks to X almost fully.
inline constexpr double kNarrowerConcept = 0.9;
// A broader concept ("scar tissue" for "adhesions"): what holds of the
// whole usually, not always, holds of the part.
inline constexpr double kBroaderConcept = 0.7;
// A sibling under a common parent that is not a root: related, but a
// different thing; only the object may be matched this way.
inline constexpr double kSiblingConcept = 0.5;

// Closeness of `candidate` to `wanted`: kSameConcept, kNarrowerConcept when
// candidate is below wanted, kBroaderConcept when above, else 0.
double HierarchyCloseness(const kb::Lexicon& lex, const std::string& wanted,
                          const std::string& candidate);

// HierarchyCloseness, or kSiblingConcept when both share a parent that
// itself has a parent.
double ObjectCloseness(const kb::Lexicon& lex, const std::string& wanted,
                       const std::string& candidate);

// Every concept an object match may come from: `id`, its descendants, its
// ancestors and its siblings (as ObjectCloseness defines them).
std::vector<std::string> ObjectNeighbourhood(const kb::Lexicon& lex, const std::string& id);

// A relation and those similar to it for matching and pooling: `relation`
// itself first, then every lexicon relation whose RelationSimilarity to it
// is above 0, with the similarities (scores[k] for relations[k]).
struct SimilarRelationSet {
  std::vector<std::string> relations;
  std::vector<double> scores;
};
SimilarRelationSet RelationsSimilarTo(const kb::Lexicon& lex, const std::string& relation);

}  // namespace query

#endif  // EVKB_QUERY_CLOSENESS_H_
