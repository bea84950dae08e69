#ifndef EVKB_CITATIONS_REFERENCE_PARSER_H_
#define EVKB_CITATIONS_REFERENCE_PARSER_H_

#include <string_view>
#include <vector>

#include "citations/reference.h"

namespace citations {

// Parses one reference entry in any common style (Harvard, Vancouver, APA,
// AMA, bare web references). Never fails: unknown fields stay empty.
Reference ParseReference(std::string_view entry);

// Given an article's paragraphs in order, returns the indices of those that
// form its reference list: the paragraphs after a "References" /
// "Bibliography" / "Sources" heading, or a trailing run of citation-shaped
// paragraphs. Empty when there is none.
std::vector<size_t> FindReferenceSection(const std::vector<std::string_view>& paragraphs);
// The same; `parsed` receives, for each index returned and in the same
// order, the paragraph as judging it parsed it: ParseReference of its
// trimmed text (which is its `raw`). Saves parsing the entries again.
std::vector<size_t> FindReferenceSection(const std::vector<std::string_view>& paragraphs,
                                         std::vector<Reference>* parsed);

// True when `text` looks like a reference entry (authors, year/journal shape).
bool LooksLikeReference(std::string_view text);

// Splits a block of text holding several references (one per line, or per
// blank-line-separated block; a DOI split over lines is rejoined).
std::vector<std::string> SplitReferences(std::string_view text);

}  // namespace citations

#endif  // EVKB_CITATIONS_REFERENCE_PARSER_H_
