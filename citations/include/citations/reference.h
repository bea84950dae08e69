// citations: references and in-text mentions. A pure library: strings in,
// structs out; no storage, no file I/O, nothing of evkb's but this folder.
#ifndef EVKB_CITATIONS_REFERENCE_H_
#define EVKB_CITATIONS_REFERENCE_H_

#include <string>
#include <vector>

namespace citations {

struct Name {
  std::string family;
  std::string given;  // initials or given names as written, e.g. "S. W."
  bool operator==(const Name&) const = default;
};

// One parsed reference entry, with CSL-JSON-like fields. Empty strings and
// year 0 mean "not given": nothing is invented.
struct Reference {
  std::vector<Name> authors;
  bool et_al = false;
  int year = 0;
  std::string title;
  std::string container;  // journal / site / book series
  std::string publisher;
  std::string volume, issue, pages;
  std::string doi, pmid, pmcid, url;
  std::string raw;  // the entry as it appeared
};

// A study type with its evidence level (CLI.md): systematic_review (1),
// meta_analysis (1), rct (2), cohort (3), cadaver (3), lab (3),
// narrative_review (4), expert_opinion (5), guideline (2), web (5), unknown (5).
struct StudyTypeCue {
  std::string type;
  int level = 5;
  std::vector<std::string> cues;  // lower-case phrases: "systematic review", "randomized"
};

}  // namespace citations

#endif  // EVKB_CITATIONS_REFERENCE_H_
