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

}  // namespace citations

#endif  // EVKB_CITATIONS_GRADING_H_
