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
std::string Acronym(const std::vector<std::string>& folded_words) {
  std::string out;
  for (const std::string& w : folded_words)
    if (w != "of" && w != "and" && w != "the" && w != "for" && w != "on") out += w[0];
  return out;
}

// The folded forms of a first author's family name that matching compares.
struct FamilyKeys {
  std::string family;  // as written: the cache key
  std::string squashed;
  std::string last_word;
  std::string acronym;
};

FamilyKeys MakeFamilyKeys(const std::string& fam) {
  FamilyKeys k;
  k.family = fam;
  k.squashed = Squash(fam);
  std::vector<std::string> words = internal::FoldWords(fam);
  if (!words.empty()) k.last_word = words.back();
  k.acronym = Acronym(words);
  return k;
}

// Reference lists are matched against every mention of an article: each
// thread keeps the keys of the list it saw last, entry by entry, and
// recomputes an entry only when its first author's family name differs.
const FamilyKeys& KeysFor(size_t i, const std::string& fam) {
  thread_local std::vector<FamilyKeys> cache;
  if (i >= cache.size()) cache.resize(i + 1);
  if (cache[i].family != fam)
    cache[i] = MakeFamilyKeys(fam);
  return cache[i];
}

// `m` is Squash(mention_name), non-empty.
bool FamilyMatches(const std::string& m, size_t i, const Reference& ref) {
  if (ref.authors.empty()) return false;
  const FamilyKeys& k = KeysFor(i, ref.authors[0].family);
  if (k.squashed.empty()) return false;
  if (m == k.squashed) return true;
  // "Van Breusegem" vs "Breusegem", "de Souza" vs "Souza".
  if (!k.last_word.empty() && k.last_word == m) return true;
  // An organisation cited by its acronym.
  return ref.authors[0].given.empty() && m.size() >= 2 && k.acronym == m;
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
    std::string name = Squash(m.authors.front());
    for (size_t i = 0; i < refs.size() && !name.empty(); ++i) {
      if (!FamilyMatches(name, i, refs[i])) continue;
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
