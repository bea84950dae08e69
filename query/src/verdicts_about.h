// The verdicts of every claim about a set of concepts closed under
// narrower ones, each claim counted once. A sources report judges every
// claim about its benefit, and each judgement pools the claims below it:
// walked one judgement at a time, a broad benefit's claims are counted
// over and over, each time found again through the hierarchy. Here each
// claim is summed once into the (subject, relation, object) cells of the
// hierarchy it falls in, and each judgement adds up a few cells. Internal
// to the judge.
#ifndef EVKB_QUERY_VERDICTS_ABOUT_H_
#define EVKB_QUERY_VERDICTS_ABOUT_H_

#include <string>
#include <vector>

#include "kb/lexicon.h"
#include "kb/status.h"
#include "kb/store.h"
#include "query/judge.h"

namespace query {

// Judge::VerdictsAbout for `objects` that hold every concept below each of
// them: the verdict of every stored claim whose object is one of them, in
// claim id order, pooling its own assertions and those of the claims it
// covers (subject and object the same or below, relation similar),
// discounted by closeness, as EvidencePool::JudgeClaim pools them.
kb::Status VerdictsOfClosedSet(kb::Store* store, const kb::Lexicon& lex,
                               const std::vector<std::string>& objects,
                               std::vector<ClaimVerdict>* out);

}  // namespace query

#endif  // EVKB_QUERY_VERDICTS_ABOUT_H_
