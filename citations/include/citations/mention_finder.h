#ifndef EVKB_CITATIONS_MENTION_FINDER_H_
#define EVKB_CITATIONS_MENTION_FINDER_H_

#include <string>
#include <string_view>
#include <vector>

#include "citations/reference.h"

namespace citations {

enum class MentionKind {
  kAuthorYear,     // Pearcey et al (2015), (Behm, 2019; ACSM, 2021), In 2015, Cheatham et al
  kNumeric,        // [1], (1,2), (1-5)
  kAuthorNumeric,  // Fairclough et al (4,5)
  kAuthorOnly,     // "Cheatham et al found" with no year in the sentence
  kDescriptive,    // a 2019 review published in the Journal of Sport Rehabilitation
  kExpert,         // Professor Roger Kerry ... told the Huffington Post
};

// One in-text citation. A parenthetical with several works yields one
// InTextMention per work.
struct InTextMention {
  MentionKind kind = MentionKind::kAuthorYear;
  size_t begin = 0, end = 0;  // byte span in the text given to Find
  std::string text;           // the matched text
  std::vector<std::string> authors;  // family names as written ("Pearcey", "ACSM")
  bool et_al = false;
  int year = 0;
  std::vector<int> numbers;  // numeric references, ranges expanded
  // Descriptive and expert mentions:
  std::string study_type;    // from the cues given to the finder, "" if none
  int level = 5;
  std::string venue;         // "Journal of Sport Rehabilitation", "Huffington Post"
  std::string affiliation;   // "University of Vermont"
  std::string person;        // "Professor Roger Kerry"
  std::string title;         // a quoted title given in the text, "" if none
};

// Finds in-text citations in one sentence or paragraph. Immutable after
// construction; thread-safe.
class MentionFinder {
 public:
  // `study_cues` classify descriptive mentions ("a 2019 review", "a cadaver study").
  explicit MentionFinder(std::vector<StudyTypeCue> study_cues);
  std::vector<InTextMention> Find(std::string_view text) const;

 private:
  std::vector<StudyTypeCue> study_cues_;
};

// Index into `refs` of the entry `m` cites (by first author family name and
// year, by number for numeric mentions: number n is refs[n-1]), or -1.
int LinkMention(const InTextMention& m, const std::vector<Reference>& refs);

}  // namespace citations

#endif  // EVKB_CITATIONS_MENTION_FINDER_H_
