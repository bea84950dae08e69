// The works and articles lists of a bounded sources report, read from the
// store's by_object index (kb::Store::WorksForObject and friends) instead of
// from every assertion behind the benefit's claims. Internal to query/.
#ifndef EVKB_QUERY_SRC_SOURCES_RANKED_H_
#define EVKB_QUERY_SRC_SOURCES_RANKED_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kb/status.h"
#include "kb/store.h"
#include "query/reports.h"

namespace query {

// The report's claims: id -> object (views of the report's own strings).
using ClaimObjects = std::unordered_map<std::string_view, std::string_view>;

// Fills out->works, out->sources, out->totals.works and out->totals.sources
// for the claims whose object is one of `objects` (an object group's name
// stands for its members; the objects' sets of claims must not overlap);
// `claims` are those claims (an index entry naming another is skipped).
// A work's claims are the first `limit` by object, then by id.
// REQUIRES: limit > 0.
// With one object holding entries the lists are prefix reads. With several
// (claims counts add up: a claim has one object) the works are a bounded
// merge of the objects' lists, and the sources lists are read whole and
// merged, as is every work id for the works total.
kb::Status RankSourcesFromIndex(kb::Store* store, const std::vector<std::string>& objects,
                                const ClaimObjects& claims, size_t limit, SourcesReport* out);

}  // namespace query

#endif  // EVKB_QUERY_SRC_SOURCES_RANKED_H_
