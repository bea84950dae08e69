// Study classification and work identity.
#include "citations/grading.h"

#include <cstdlib>
#include <string>

#include "mention_internal.h"
#include "reference_internal.h"
#include "text_util.h"

namespace citations {
namespace {

// Level of a peer-reviewed article whose design the text does not state:
// primary research is the common case, so it sits with cohort/lab studies.
constexpr int kJournalArticleLevel = 3;
constexpr int kNarrativeReviewLevel = 4;
constexpr int kWebLevel = 5;

// Titles at or above this Dice similarity name the same work when the first
// author matches ("The effects of ..." vs "The effect of ...").
constexpr double kSameTitle = 0.6;
// Without a common first author the titles alone must nearly coincide.
constexpr double kSameTitleNoAuthor = 0.9;

bool JournalShaped(const Reference& r) {
  return !r.volume.empty() || !r.issue.empty() || !r.pages.empty() || !r.doi.empty() ||
         !r.pmid.empty() || (!r.container.empty() && internal::LooksJournalName(r.container));
}

std::string FirstPage(const std::string& pages) {
  size_t e = 0;
  while (e < pages.size() && pages[e] != '-' && static_cast<unsigned char>(pages[e]) != 0xE2)
    ++e;
  return pages.substr(0, e);
}

std::string Family(const Reference& r) {
  if (r.authors.empty()) return "";
  std::vector<std::string> words = internal::FoldWords(r.authors[0].family);
  return words.empty() ? "" : words.back();
}

}  // namespace

Grade ClassifyStudy(const Reference& ref, std::string_view context,
                    const std::vector<StudyTypeCue>& cues) {
  Grade g;
  std::string text = ref.title + " " + ref.container + " " + std::string(context);
  std::string folded = internal::FoldKey(text);
  if (internal::MatchFoldedCues(folded, cues, &g.type, &g.level)) return g;
  folded = " " + folded + " ";
  if (folded.find(" review ") != std::string::npos) {
    g.type = "narrative_review";
    g.level = kNarrativeReviewLevel;
    return g;
  }
  if (JournalShaped(ref)) {
    g.type = "unknown";
    g.level = kJournalArticleLevel;
    return g;
  }
  if (!ref.url.empty() || !ref.container.empty() || !ref.authors.empty() || !ref.title.empty()) {
    g.type = "web";
    g.level = kWebLevel;
  }
  return g;
}

bool SameWork(const Reference& a, const Reference& b) {
  if (!a.doi.empty() && !b.doi.empty())
    return internal::Fold(a.doi) == internal::Fold(b.doi);
  if (!a.pmid.empty() && !b.pmid.empty()) return a.pmid == b.pmid;
  // Facts both sides state must agree.
  if (a.year != 0 && b.year != 0 && std::abs(a.year - b.year) > 1) return false;
  if (!a.volume.empty() && !b.volume.empty() && a.volume != b.volume) return false;
  std::string pa = FirstPage(a.pages), pb = FirstPage(b.pages);
  if (!pa.empty() && !pb.empty() && pa != pb) return false;
  std::string fa = Family(a), fb = Family(b);
  bool same_author = !fa.empty() && fa == fb;
  if (!fa.empty() && !fb.empty() && !same_author) return false;
  if (!a.title.empty() && !b.title.empty()) {
    double sim = TitleSimilarity(a.title, b.title);
    return same_author ? sim >= kSameTitle : sim >= kSameTitleNoAuthor;
  }
  // No titles to compare: author, year, volume and first page must all agree.
  return same_author && a.year != 0 && a.year == b.year && !a.volume.empty() &&
         a.volume == b.volume && !pa.empty() && pa == pb;
}

}  // namespace citations
