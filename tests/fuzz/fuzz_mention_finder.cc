// The in-text mention finder, and linking its mentions to a reference list.
// Input: "text" or "text\x00references".
#include <string>
#include <vector>

#include "citations/mention_finder.h"
#include "citations/reference_parser.h"
#include "fuzz_target.h"
#include "utf8.h"

EVKB_FUZZ_TARGET(mention_finder) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  size_t nul = input.find('\0');
  std::string_view text = input.substr(0, nul);
  std::string_view refs_text = nul == std::string_view::npos ? "" : input.substr(nul + 1);
  if (ingest::FindInvalidUtf8(input) != ingest::kValidUtf8) return 0;
  static const citations::MentionFinder* finder = [] {
    std::vector<citations::StudyTypeCue> cues;
    for (const kb::StudyTypeDef& d : evkb_fuzz::ShippedLexicon().study_types) {
      cues.push_back({d.type, d.level, d.cues});
    }
    return new citations::MentionFinder(cues);
  }();
  std::vector<citations::Reference> refs;
  for (const std::string& e : citations::SplitReferences(refs_text)) {
    refs.push_back(citations::ParseReference(e));
  }
  for (const citations::InTextMention& m : finder->Find(text)) {
    EVKB_FUZZ_CHECK(m.begin <= m.end && m.end <= text.size());
    int k = citations::LinkMention(m, refs);
    EVKB_FUZZ_CHECK(k >= -1 && k < static_cast<int>(refs.size()));
  }
  return 0;
}
