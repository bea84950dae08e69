#include "abbreviations.h"

#include <algorithm>
#include <iterator>
#include <string_view>

namespace ingest {
namespace {

// The lists are short and consulted only at candidate boundaries, so a
// linear scan is plenty.
template <size_t N>
bool Contains(const std::string_view (&list)[N], std::string_view word) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

constexpr std::string_view kTitles[] = {
    "Capt.", "Col.",   "Cpl.",    "Dr.",   "Drs.",   "Fr.",  "Ft.",   "Gen.",  "Gov.",  "Hon.",
    "Lt.",   "Maj.",   "Messrs.", "Mlle.", "Mme.",   "Mr.",  "Mrs.",  "Ms.",   "Mt.",   "Pres.",
    "Prof.", "Profs.", "Rep.",    "Rev.",  "Sen.",   "Sgt.", "St.",   "Supt.", "approx.", "ca.",
    "cf.",   "e.g.",   "esp.",    "i.e.",  "incl.",  "resp.", "viz.", "vs.",   "w.r.t.", "wrt."};

constexpr std::string_view kNumbers[] = {
    "Art.", "Ch.",   "Eq.",   "Eqs.", "Fig.", "Figs.", "N\u00B0.", "No.",  "Nos.",
    "Ref.", "Refs.", "Sec.",  "Tab.", "Vol.", "Vols.", "art.",    "ch.",  "eq.",
    "fig.", "n.",    "no.",   "nos.", "p.",   "pp.",   "sec.",    "vol."};

constexpr std::string_view kAmbiguous[] = {
    "Apr.",  "Assoc.", "Aug.",  "Ave.",  "B.Sc.", "Blvd.", "Bros.", "Co.",    "Corp.", "Dec.",
    "Dept.", "Ed.",    "Eds.",  "Feb.",  "Inc.",  "Inst.", "Jan.",  "Jr.",    "Jul.",  "Jun.",
    "Ltd.",  "M.D.",   "M.Sc.", "Mar.",  "Nov.",  "Oct.",  "Ph.D.", "Rd.",    "Sep.",  "Sept.",
    "Sr.",   "Univ.",  "a.m.",  "al.",   "co.",   "ed.",   "eds.",  "etc.",   "hr.",   "hrs.",
    "inc.",  "max.",   "min.",  "mins.", "mo.",   "p.m.",  "sq.",   "wk.",    "wks.",  "yr.",
    "yrs.",  "jr.",    "sr.",   "ltd."};

constexpr std::string_view kJournals[] = {
    "Acad.",    "Am.",      "Ann.",       "Appl.",    "Arch.",  "Assoc.",  "Athl.",   "Biol.",
    "Biomech.", "Bodyw.",   "Br.",        "Can.",     "Clin.",  "Cond.",   "Disord.", "Eur.",
    "Exerc.",   "Exp.",     "Front.",     "Gerontol.", "Int.",  "J.",      "Lett.",   "Man.",
    "Manip.",   "Med.",     "Mov.",       "Musculoskelet.", "Nat.", "Natl.", "Neurol.", "Neurosci.",
    "Nutr.",    "Orthop.",  "Physiol.",   "Physiother.", "Proc.", "Psychol.", "Q.",   "Rehabil.",
    "Rep.",     "Res.",     "Rev.",       "Rheumatol.", "Scand.", "Sci.",   "Soc.",    "Sport.",
    "Surg.",    "Ther.",    "Train.",     "Trans.",   "Phys.",  "Pract.",  "Educ.",   "Epidemiol.",
    "Emerg.",   "Fam.",     "Intern.",    "Pediatr.", "Prev.",  "Rehab.",  "Syst.",   "Eng.",
    "Sportsmed.", "Perform.", "Hum.",     "Kinesiol."};

constexpr std::string_view kStarters[] = {
    "A",       "After",  "All",    "Also",   "Although", "An",     "And",     "Another", "Are",
    "As",      "At",     "Because", "Before", "Both",    "But",    "By",      "Can",     "Could",
    "Did",     "Do",     "Does",   "During", "Each",     "Even",   "Every",   "Finally", "First",
    "For",     "From",   "Had",    "Has",    "Have",     "He",     "Her",     "Here",    "His",
    "How",     "However", "I",     "If",     "In",       "Instead", "Is",     "It",      "Its",
    "It's",    "Just",   "Many",   "May",    "Meanwhile", "Might", "More",    "Most",    "Much",
    "My",      "No",     "Not",    "Now",    "Of",       "On",     "One",     "Or",      "Our",
    "She",     "Should", "Since",  "So",     "Some",     "Still",  "That",    "The",     "Their",
    "Then",    "There",  "These",  "They",   "This",     "Those",  "Thus",    "To",      "We",
    "Were",    "What",   "When",   "Where",  "Which",    "While",  "Who",     "Why",     "Will",
    "With",    "Would",  "Yet",    "You",    "Your",     "Was"};

}  // namespace

bool IsTitleAbbreviation(std::string_view w) { return Contains(kTitles, w); }
bool IsNumberAbbreviation(std::string_view w) { return Contains(kNumbers, w); }
bool IsAmbiguousAbbreviation(std::string_view w) { return Contains(kAmbiguous, w); }
bool IsJournalAbbreviation(std::string_view w) { return Contains(kJournals, w); }
bool IsSentenceStarter(std::string_view w) { return Contains(kStarters, w); }

const std::vector<const char*>& SuppressedAbbreviations() {
  static const std::vector<const char*> list = [] {
    std::vector<const char*> out;
    for (std::string_view w : kTitles) out.push_back(w.data());
    out.push_back("et al.");
    return out;
  }();
  return list;
}

}  // namespace ingest
