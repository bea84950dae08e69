// Pieces of reference parsing shared between the parser's source files.
#ifndef EVKB_CITATIONS_SRC_REFERENCE_INTERNAL_H_
#define EVKB_CITATIONS_SRC_REFERENCE_INTERNAL_H_

#include <string>
#include <string_view>
#include <vector>

#include "citations/reference.h"

namespace citations::internal {

// A half-open byte range; begin == end means "absent".
struct Span {
  size_t begin = 0, end = 0;
  bool empty() const { return begin == end; }
};

// Finds DOI, PMID, PMCID and URLs in `*s`, stores them in `*ref` and blanks
// them (and their labels: "doi:", "Available at") out of `*s` with spaces.
void ExtractIdentifiers(std::string* s, Reference* ref);

// The most reference-like year in `s` (parenthesised, "2012;", ", 2004."),
// or 0. `*span` covers the year and its brackets.
int FindYear(std::string_view s, Span* span);

// Reads an author list starting at byte `pos`. Returns the byte just after the
// list (== pos when there is none) and appends the names to `*names`.
size_t ScanAuthors(std::string_view s, size_t pos, std::vector<Name>* names,
                   bool* et_al);

// Reads volume / issue / pages from the text after the container.
void ParseLocator(std::string_view tail, Reference* ref);

// Whether a container name reads like a journal ("Journal", "J", "Review",
// "Med", "Proceedings", ...).
bool LooksJournalName(std::string_view container);

// A title's significant words (folded, singular, no stop words), sorted,
// each once (venue.cc).
std::vector<std::string> TitleWords(std::string_view title);
// TitleSimilarity of two titles given as TitleWords and FoldKey (the keys
// are compared only when both titles have no significant word).
double TitleSimilarity(const std::vector<std::string>& words_a, const std::string& key_a,
                       const std::vector<std::string>& words_b, const std::string& key_b);

}  // namespace citations::internal

#endif  // EVKB_CITATIONS_SRC_REFERENCE_INTERNAL_H_
