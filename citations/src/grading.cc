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
  return SameWork(IdentityOf(a), IdentityOf(b));
}

WorkIdentity IdentityOf(const Reference& r) {
  WorkIdentity id;
  id.has_doi = !r.doi.empty();
  if (id.has_doi) id.doi = internal::Fold(r.doi);
  id.pmid = r.pmid;
  id.year = r.year;
  id.volume = r.volume;
  id.first_page = FirstPage(r.pages);
  id.family = Family(r);
  id.has_title = !r.title.empty();
  if (id.has_title) {
    id.title_words = internal::TitleWords(r.title);
    if (id.title_words.empty()) id.title_key = internal::FoldKey(r.title);
  }
  return id;
}

bool SameWork(const WorkIdentity& a, const WorkIdentity& b) {
  if (a.has_doi && b.has_doi) return a.doi == b.doi;
  if (!a.pmid.empty() && !b.pmid.empty()) return a.pmid == b.pmid;
  // Facts both sides state must agree.
  if (a.year != 0 && b.year != 0 && std::abs(a.year - b.year) > 1) return false;
  if (!a.volume.empty() && !b.volume.empty() && a.volume != b.volume) return false;
  const std::string &pa = a.first_page, &pb = b.first_page;
  if (!pa.empty() && !pb.empty() && pa != pb) return false;
  const std::string &fa = a.family, &fb = b.family;
  bool same_author = !fa.empty() && fa == fb;
  if (!fa.empty() && !fb.empty() && !same_author) return false;
  if (a.has_title && b.has_title) {
    double sim = internal::TitleSimilarity(a.title_words, a.title_key, b.title_words, b.title_key);
    return same_author ? sim >= kSameTitle : sim >= kSameTitleNoAuthor;
  }
  // No titles to compare: author, year, volume and first page must all agree.
  return same_author && a.year != 0 && a.year == b.year && !a.volume.empty() &&
         a.volume == b.volume && !pa.empty() && pa == pb;
}

}  // namespace citations
