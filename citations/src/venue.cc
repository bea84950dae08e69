// Venue and title comparison: folding, stop words and abbreviations.
#include <algorithm>
#include <set>
#include <string>

#include "citations/grading.h"
#include "text_util.h"

namespace citations {
namespace {

bool IsStop(const std::string& w) {
  static const std::set<std::string> kStop = {"the", "of", "and", "in", "for", "on", "a",
                                              "an", "to", "with", "at", "by", "de", "la",
                                              "des", "du", "und", "fur", "der", "die"};
  return kStop.count(w) > 0;
}

// "sports" -> "sport", "effects" -> "effect"; short words are left alone.
std::string Singular(std::string w) {
  if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's') w.pop_back();
  return w;
}

std::vector<std::string> SignificantWords(std::string_view s) {
  std::vector<std::string> out;
  for (std::string& w : internal::FoldWords(s))
    if (!IsStop(w)) out.push_back(Singular(std::move(w)));
  return out;
}

}  // namespace

std::string FoldedKey(std::string_view text) { return internal::FoldKey(text); }

std::string VenueKey(std::string_view container) {
  // The initials of the significant words: abbreviated and spelled-out names
  // share them ("J Sports Sci Med" / "Journal of Sports Science and
  // Medicine" -> "jssm"). A blocking key; SameVenue decides.
  std::string key;
  for (const std::string& w : SignificantWords(container)) key += w[0];
  return key;
}

bool SameVenue(std::string_view a, std::string_view b) {
  std::vector<std::string> wa = SignificantWords(a), wb = SignificantWords(b);
  if (wa.empty() || wb.empty() || wa.size() != wb.size()) return false;
  for (size_t i = 0; i < wa.size(); ++i) {
    const std::string& x = wa[i].size() <= wb[i].size() ? wa[i] : wb[i];
    const std::string& y = wa[i].size() <= wb[i].size() ? wb[i] : wa[i];
    if (y.compare(0, x.size(), x) != 0) return false;  // abbreviation is a prefix
  }
  return true;
}

double TitleSimilarity(std::string_view a, std::string_view b) {
  std::vector<std::string> wa = SignificantWords(a), wb = SignificantWords(b);
  std::set<std::string> sa(wa.begin(), wa.end()), sb(wb.begin(), wb.end());
  if (sa.empty() && sb.empty()) return internal::FoldKey(a) == internal::FoldKey(b) ? 1.0 : 0.0;
  if (sa.empty() || sb.empty()) return 0.0;
  size_t common = 0;
  for (const std::string& w : sa) common += sb.count(w);
  return 2.0 * static_cast<double>(common) / static_cast<double>(sa.size() + sb.size());
}

}  // namespace citations
