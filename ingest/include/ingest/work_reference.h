// Between the kb model's Work and the citations library's Reference, for
// whoever hands works to citations (resolution, CSL-JSON and BibTeX output).
#ifndef EVKB_INGEST_WORK_REFERENCE_H_
#define EVKB_INGEST_WORK_REFERENCE_H_

#include "citations/reference.h"
#include "kb/model.h"

namespace ingest {

// The bibliographic fields of `w` as a citations::Reference (raw stays empty).
citations::Reference ReferenceFromWork(const kb::Work& w);

}  // namespace ingest

#endif  // EVKB_INGEST_WORK_REFERENCE_H_
