// Cross-article resolution: the same study cited by different articles, in
// different styles, becomes one Work.
#ifndef EVKB_INGEST_WORK_RESOLVER_H_
#define EVKB_INGEST_WORK_RESOLVER_H_

#include "kb/model.h"
#include "kb/status.h"
#include "kb/store.h"

namespace ingest {

// For each work in `record`, finds the work it denotes among those already
// in `store` (kb::Store::WorkCandidates + citations::SameWork, descriptive
// works by year + venue); on a match, adopts the stored id and merges fields
// (known fields fill unknown ones; nothing is overwritten with less), and
// rewrites the assertions' and mentions' work ids. Works that match each
// other within the record are merged too. `store` may be null (dry run).
kb::Status ResolveWorks(kb::Store* store, kb::SourceRecord* record);

}  // namespace ingest

#endif  // EVKB_INGEST_WORK_RESOLVER_H_
