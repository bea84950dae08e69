// The per-source JSON object of `evkb-ingest --format json` (CLI.md).
#ifndef EVKB_INGEST_DRY_RUN_JSON_H_
#define EVKB_INGEST_DRY_RUN_JSON_H_

#include <string>

#include "kb/json_out.h"
#include "kb/model.h"

namespace ingest {

// Writes {"id","path","title","status","error","claims":[...],"works":[...],
// "mentions":[...]} for one source. `record` may be null for a rejected input.
void WriteSourceReport(kb::JsonWriter& w, const std::string& path, const kb::SourceRecord* record,
                       const std::string& status, const std::string& error);

}  // namespace ingest

#endif  // EVKB_INGEST_DRY_RUN_JSON_H_
