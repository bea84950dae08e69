// Word lists the segmenter consults around a candidate sentence boundary.
// Words include their final period ("Dr.") and match case-sensitively.
#ifndef EVKB_INGEST_SRC_ABBREVIATIONS_H_
#define EVKB_INGEST_SRC_ABBREVIATIONS_H_

#include <string_view>
#include <vector>

namespace ingest {

// Precede a name and never end a sentence: "Dr.", "Prof.", "e.g.", "vs.".
bool IsTitleAbbreviation(std::string_view word);
// Precede a number: "p.", "No.", "Fig.", "Vol.". A sentence may still end
// with "No." when no number follows.
bool IsNumberAbbreviation(std::string_view word);
// End a sentence only when a sentence-starting word follows: "etc.", "Co.",
// "Inc.", "Jr.", "a.m.", month names.
bool IsAmbiguousAbbreviation(std::string_view word);
// Journal title abbreviations in references: "Sci.", "Med.", "Int.".
bool IsJournalAbbreviation(std::string_view word);
// Words that typically open an English sentence ("The", "He", "However"),
// the evidence that an ambiguous abbreviation ended the previous one.
bool IsSentenceStarter(std::string_view word);
// Everything the filtered ICU iterator suppresses by default.
// Each ends in a period: the segmenter relies on it to skip the filtered pass.
const std::vector<const char*>& SuppressedAbbreviations();

}  // namespace ingest

#endif  // EVKB_INGEST_SRC_ABBREVIATIONS_H_
