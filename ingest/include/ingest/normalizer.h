// Normalisation with ICU: NFKC, curly quotes to straight, dashes to '-',
// non-breaking and other spaces to ' ', runs of white space folded. Keeps a
// byte map back to the input so spans can point into the original article.
#ifndef EVKB_INGEST_NORMALIZER_H_
#define EVKB_INGEST_NORMALIZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ingest {

struct Normalized {
  std::string text;
  // offsets[i] is the original offset of text[i]; size() == text.size() + 1.
  std::vector<uint32_t> offsets;
};

// `offsets` maps `text` to the original bytes (as Block::offsets does); the
// result's offsets are composed with it. REQUIRES: offsets.size() == text.size() + 1.
Normalized Normalize(std::string_view text, const std::vector<uint32_t>& offsets);

}  // namespace ingest

#endif  // EVKB_INGEST_NORMALIZER_H_
