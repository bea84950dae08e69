// The reference parser: splitting a reference block, finding the reference
// section, and parsing each entry.
#include <string>
#include <vector>

#include "citations/reference_parser.h"
#include "fuzz_target.h"
#include "utf8.h"

EVKB_FUZZ_TARGET(reference_parser) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (ingest::FindInvalidUtf8(text) != ingest::kValidUtf8) return 0;
  citations::Reference whole = citations::ParseReference(text);
  (void)citations::LooksLikeReference(text);
  EVKB_FUZZ_CHECK(whole.year >= 0);
  std::vector<std::string> entries = citations::SplitReferences(text);
  std::vector<std::string_view> paragraphs;
  size_t i = 0;
  while (i <= text.size()) {
    size_t j = text.find('\n', i);
    if (j == std::string_view::npos) j = text.size();
    paragraphs.push_back(text.substr(i, j - i));
    i = j + 1;
  }
  for (size_t k : citations::FindReferenceSection(paragraphs)) {
    EVKB_FUZZ_CHECK(k < paragraphs.size());
  }
  for (const std::string& e : entries) (void)citations::ParseReference(e);
  return 0;
}
