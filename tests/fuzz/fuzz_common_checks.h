// Invariants of readers' output shared by several fuzz targets.
#ifndef EVKB_TESTS_FUZZ_FUZZ_COMMON_CHECKS_H_
#define EVKB_TESTS_FUZZ_FUZZ_COMMON_CHECKS_H_

#include "fuzz_target.h"
#include "ingest/document.h"

namespace evkb_fuzz {

// Every block maps each byte of its text into the original input.
inline void CheckDocument(const ingest::Document& doc) {
  for (const ingest::Block& b : doc.blocks) {
    EVKB_FUZZ_CHECK(b.offsets.size() == b.text.size() + 1);
    for (uint32_t o : b.offsets) EVKB_FUZZ_CHECK(o <= doc.raw.size());
  }
}

}  // namespace evkb_fuzz

#endif  // EVKB_TESTS_FUZZ_FUZZ_COMMON_CHECKS_H_
