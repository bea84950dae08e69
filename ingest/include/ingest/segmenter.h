// Sentence segmentation: ICU's sentence BreakIterator with abbreviation
// suppressions ("et al.", "e.g.", "Dr.", initials such as "S.W.", journal
// abbreviations), plus fixes ICU lacks. One Segmenter per thread.
#ifndef EVKB_INGEST_SEGMENTER_H_
#define EVKB_INGEST_SEGMENTER_H_

#include <memory>
#include <string_view>
#include <vector>

#include "kb/status.h"

namespace ingest {

struct SentenceSpan {
  size_t begin = 0, end = 0;  // byte offsets into the text given to Split, trimmed of white space
};

struct SegmenterOptions {
  // A line break is a sentence boundary, except one after white space and
  // before a lower-case letter. With join_wrapped_lines, any single line
  // break before a lower-case letter continues the sentence (hard-wrapped
  // text, PDF extractions).
  bool join_wrapped_lines = false;
};

class Segmenter {
 public:
  // Fails (NotSupported) only if ICU lacks its sentence break data.
  static kb::Status Create(std::unique_ptr<Segmenter>* out);
  static kb::Status Create(const SegmenterOptions& options, std::unique_ptr<Segmenter>* out);
  virtual ~Segmenter() = default;
  // Splits UTF-8 `text` into sentences. Empty sentences are dropped.
  virtual std::vector<SentenceSpan> Split(std::string_view text) = 0;
};

}  // namespace ingest

#endif  // EVKB_INGEST_SEGMENTER_H_
