#ifndef EVKB_CITATIONS_GRADING_H_
#define EVKB_CITATIONS_GRADING_H_

#include <string>
#include <string_view>
#include <vector>

#include "citations/reference.h"

namespace citations {

struct Grade {
  std::string type = "unknown";
  int level = 5;
};

// Classifies a study from its title and surrounding context using cue
// phrases (case-insensitive). The most specific (lowest level) cue wins;
// a reference with only a URL / web container and no journal shape is "web".
Grade ClassifyStudy(const Reference& ref, std::string_view context,
                    const std::vector<StudyTypeCue>& cues);

// Normalised venue key, so that abbreviations and near-misses meet:
// "J Sports Sci Med" and "Journal of Sports Science and Medicine" give the
// same key; so do "Journal of Sports Rehabilitation" and "Journal of Sport
// Rehabilitation".
std::string VenueKey(std::string_view container);
bool SameVenue(std::string_view a, std::string_view b);

// Case-, diacritic- and punctuation-folded form of `text`: its letter and
// digit words, lower-cased and joined by single spaces ("Stöggl, T." ->
// "stoggl t"). The key that venue, title and name comparisons build on.
std::string FoldedKey(std::string_view text);

// Similarity in [0,1] of two titles (word overlap after folding case and punctuation).
double TitleSimilarity(std::string_view a, std::string_view b);

// Whether two references denote the same work: DOI when both have one, else
// first-author family name + title similarity, checked against year, volume
// and pages when both have them.
bool SameWork(const Reference& a, const Reference& b);

// What SameWork compares of a reference, worked out once: resolving one
// reference compares it with every candidate work of the KB, and folding a
// title into words costs far more than comparing the words.
struct WorkIdentity {
  bool has_doi = false;
  std::string doi;  // folded
  std::string pmid;
  int year = 0;
  std::string volume;
  std::string first_page;
  std::string family;  // the first author's last folded family word; "" if none
  bool has_title = false;
  std::vector<std::string> title_words;  // significant words, sorted, each once
  std::string title_key;                 // FoldedKey(title) when title_words is empty
};
WorkIdentity IdentityOf(const Reference& r);
// SameWork(a, b) for the references a and b describe.
bool SameWork(const WorkIdentity& a, const WorkIdentity& b);

}  // namespace citations

#endif  // EVKB_CITATIONS_GRADING_H_
