// Helpers shared by the mention finder's source files.
#ifndef EVKB_CITATIONS_SRC_MENTION_INTERNAL_H_
#define EVKB_CITATIONS_SRC_MENTION_INTERNAL_H_

#include <string>
#include <string_view>
#include <vector>

#include "citations/mention_finder.h"

namespace citations::internal {

// A word of running text: letters, digits, hyphens and apostrophes.
struct TextWord {
  size_t begin, end;
  std::string_view text;
};

// Words of `text` (bounded work: one pass).
std::vector<TextWord> SplitWords(std::string_view text);

// [begin, end) of the sentences of `text`, split at . ? ! before a capital,
// not after "et al.", initials or common abbreviations.
std::vector<std::pair<size_t, size_t>> SplitSentences(std::string_view text);

// A capitalised word that can be (part of) a person's or organisation's name.
bool IsNameToken(std::string_view w);
// A year 1900..2099 (optionally with a letter suffix: "2021b").
int ParseYearToken(std::string_view w);

// Descriptive mentions ("a 2019 review published in the Journal of ...") and
// quoted experts ("Professor Roger Kerry ... told the Huffington Post").
// `ws` is SplitWords(text).
void FindDescriptive(std::string_view text, const std::vector<TextWord>& ws,
                     const std::vector<StudyTypeCue>& cues, std::vector<InTextMention>* out);
void FindExperts(std::string_view text, const std::vector<TextWord>& ws,
                 std::vector<InTextMention>* out);

// Reads a run of capitalised words ("Journal of Sport Rehabilitation",
// "Medicine & Science in Sports & Exercise") starting at byte `pos`, with
// inner "of/and/&/in/for/the". Returns the end (== pos when none).
size_t ReadProperRun(std::string_view text, size_t pos);

// Study type of a phrase from the cue table (lowest level wins).
bool MatchCues(std::string_view phrase, const std::vector<StudyTypeCue>& cues,
               std::string* type, int* level);
// MatchCues on a phrase already folded: `folded` is FoldKey(phrase).
bool MatchFoldedCues(std::string_view folded, const std::vector<StudyTypeCue>& cues,
                     std::string* type, int* level);

}  // namespace citations::internal

#endif  // EVKB_CITATIONS_SRC_MENTION_INTERNAL_H_
