// The normaliser (ICU NFKC and folding, with its byte map) followed by the
// sentence segmenter, as the pipeline runs them on each block.
#include <memory>
#include <numeric>
#include <vector>

#include "fuzz_target.h"
#include "ingest/normalizer.h"
#include "ingest/segmenter.h"
#include "utf8.h"

EVKB_FUZZ_TARGET(normalize_segment) {
  if (size == 0) return 0;
  // First byte: segmenter options; the rest is block text, which readers
  // only ever hand over as valid UTF-8.
  bool join = data[0] & 1;
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  if (ingest::FindInvalidUtf8(text) != ingest::kValidUtf8) return 0;
  std::vector<uint32_t> offsets(text.size() + 1);
  std::iota(offsets.begin(), offsets.end(), 0u);
  ingest::Normalized n = ingest::Normalize(text, offsets);
  EVKB_FUZZ_CHECK(n.offsets.size() == n.text.size() + 1);
  for (uint32_t o : n.offsets) EVKB_FUZZ_CHECK(o <= text.size());
  EVKB_FUZZ_CHECK(ingest::FindInvalidUtf8(n.text) == ingest::kValidUtf8);

  static std::unique_ptr<ingest::Segmenter> plain, joining;
  if (!plain) {
    ingest::SegmenterOptions o;
    EVKB_FUZZ_CHECK(ingest::Segmenter::Create(o, &plain).ok());
    o.join_wrapped_lines = true;
    EVKB_FUZZ_CHECK(ingest::Segmenter::Create(o, &joining).ok());
  }
  for (const ingest::SentenceSpan& s : (join ? joining : plain)->Split(n.text)) {
    EVKB_FUZZ_CHECK(s.begin <= s.end && s.end <= n.text.size());
  }
  return 0;
}
