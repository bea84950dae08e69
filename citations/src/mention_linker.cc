// LinkMention: from an in-text mention to its entry in the reference list.
#include <string>

#include "citations/grading.h"
#include "citations/mention_finder.h"
#include "text_util.h"

namespace citations {
namespace {

std::string Squash(std::string_view s) {
  std::string out;
  for (char c : internal::FoldKey(s))
    if (c != ' ') out += c;
  return out;
}

// "ACSM" for "American College of Sports Medicine".
std::string Acronym(std::string_view s) {
  std::string out;
  for (const std::string& w : internal::FoldWords(s))
    if (w != "of" && w != "and" && w != "the" && w != "for" && w != "on") out += w[0];
  return out;
}

bool FamilyMatches(const std::string& mention_name, const Reference& ref) {
  if (ref.authors.empty()) return false;
  std::string m = Squash(mention_name);
  const std::string& fam = ref.authors[0].family;
  std::string f = Squash(fam);
  if (m.empty() || f.empty()) return false;
  if (m == f) return true;
  // "Van Breusegem" vs "Breusegem", "de Souza" vs "Souza".
  std::vector<std::string> words = internal::FoldWords(fam);
  if (!words.empty() && words.back() == m) return true;
  // An organisation cited by its acronym.
  return ref.authors[0].given.empty() && m.size() >= 2 && Acronym(fam) == m;
}

}  // namespace

int LinkMention(const InTextMention& m, const std::vector<Reference>& refs) {
  if (!m.numbers.empty()) {
    int n = m.numbers.front();
    return n >= 1 && static_cast<size_t>(n) <= refs.size() ? n - 1 : -1;
  }
  if (!m.authors.empty()) {
    int with_year = -1, year_matches = 0;
    int any = -1, name_matches = 0;
    int yearless = -1, yearless_matches = 0;
    for (size_t i = 0; i < refs.size(); ++i) {
      if (!FamilyMatches(m.authors.front(), refs[i])) continue;
      ++name_matches;
      any = static_cast<int>(i);
      if (m.year != 0 && refs[i].year == m.year) {
        ++year_matches;
        if (with_year < 0) with_year = static_cast<int>(i);
      }
      if (refs[i].year == 0) {
        ++yearless_matches;
        yearless = static_cast<int>(i);
      }
    }
    if (m.year != 0) {
      if (year_matches >= 1) return with_year;
      // The list gives no year (Vancouver without dates): the name decides
      // when only one entry carries it.
      if (yearless_matches == 1 && name_matches == 1) return yearless;
      return -1;
    }
    return name_matches == 1 ? any : -1;
  }
  // Descriptive: year and venue, when exactly one entry fits.
  if (m.kind == MentionKind::kDescriptive && (!m.venue.empty() || !m.title.empty())) {
    int found = -1, count = 0;
    for (size_t i = 0; i < refs.size(); ++i) {
      const Reference& r = refs[i];
      bool ok = true;
      if (m.year != 0 && r.year != 0 && r.year != m.year) ok = false;
      if (!m.venue.empty() && !SameVenue(m.venue, r.container)) ok = false;
      if (!m.title.empty() && TitleSimilarity(m.title, r.title) < 0.8) ok = false;
      if (ok) {
        ++count;
        found = static_cast<int>(i);
      }
    }
    return count == 1 ? found : -1;
  }
  return -1;
}

}  // namespace citations
