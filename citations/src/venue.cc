// Venue and title comparison: folding, stop words and abbreviations.
#include <algorithm>
#include <set>
#include <string>

#include "citations/grading.h"
#include "reference_internal.h"
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
  const std::vector<std::string> wa = internal::TitleWords(a), wb = internal::TitleWords(b);
  if (wa.empty() && wb.empty()) return internal::FoldKey(a) == internal::FoldKey(b) ? 1.0 : 0.0;
  return internal::TitleSimilarity(wa, "", wb, "");  // the keys count only when both are empty
}

namespace internal {

std::vector<std::string> TitleWords(std::string_view title) {
  std::vector<std::string> words = SignificantWords(title);
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

double TitleSimilarity(const std::vector<std::string>& words_a, const std::string& key_a,
                       const std::vector<std::string>& words_b, const std::string& key_b) {
  if (words_a.empty() && words_b.empty()) return key_a == key_b ? 1.0 : 0.0;
  if (words_a.empty() || words_b.empty()) return 0.0;
  size_t common = 0;
  for (size_t i = 0, j = 0; i < words_a.size() && j < words_b.size();) {
    const int c = words_a[i].compare(words_b[j]);
    if (c == 0) ++common;
    i += c <= 0;
    j += c >= 0;
  }
  return 2.0 * static_cast<double>(common) / static_cast<double>(words_a.size() + words_b.size());
}

}  // namespace internal

}  // namespace citations
