// What an audit finding says about its evidence: timing overreach and the
// one-line correction for a myth.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "query/audit.h"

namespace query {
namespace {

// Timing qualifier concepts (lexicon ids). An article claiming a lasting
// effect from evidence that only shows a short-term one overreaches.
constexpr const char* kShortTermIds[] = {"short_term"};
constexpr const char* kLastingIds[] = {"long_term", "permanent"};

// Corrections quote the evidence; longer sentences are cut at a word boundary.
constexpr size_t kMaxQuoteBytes = 160;

template <size_t N>
bool IsOneOf(const std::string& q, const char* const (&ids)[N], const kb::Lexicon* lexicon) {
  for (const char* id : ids) {
    if (q == id) return true;
    if (lexicon != nullptr && lexicon->FindConcept(q) != nullptr && lexicon->IsA(q, id))
      return true;
  }
  return false;
}

template <size_t N>
bool AnyOf(const std::vector<std::string>& qualifiers, const char* const (&ids)[N],
           const kb::Lexicon* lexicon) {
  return std::any_of(qualifiers.begin(), qualifiers.end(),
                     [&](const std::string& q) { return IsOneOf(q, ids, lexicon); });
}

}  // namespace

std::string Abbreviate(std::string_view text, size_t max) {
  std::string s(text);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.pop_back();
  if (s.size() <= max) return s;
  size_t cut = s.rfind(' ', max);
  if (cut == std::string::npos || cut < max / 2) {
    cut = max;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  }
  s.resize(cut);
  while (!s.empty() && (s.back() == ' ' || s.back() == ',' || s.back() == ';')) s.pop_back();
  return s + "\u2026";
}

std::string DescribeStudyType(std::string_view type) {
  if (type == "rct") return "randomised controlled trial";
  if (type == "meta_analysis") return "meta-analysis";
  if (type == "web") return "web resource";
  std::string out(type);
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

std::string SourceName(const kb::Source& source) {
  if (source.path.empty()) return source.title;
  const size_t slash = source.path.find_last_of('/');
  return slash == std::string::npos ? source.path : source.path.substr(slash + 1);
}

const kb::Work* StrongestWork(const Evidence& e) {
  const kb::Work* best = nullptr;
  for (const kb::Work& w : e.works) {
    if (best == nullptr || w.level < best->level) best = &w;
  }
  return best;
}

std::string DisplayLabel(const kb::Work& w) { return w.label.empty() ? kb::WorkLabel(w) : w.label; }

bool ClaimsLastingEffect(const std::vector<std::string>& qualifiers, const kb::Lexicon* lexicon) {
  return AnyOf(qualifiers, kLastingIds, lexicon);
}

bool IsTimingOverreach(const std::vector<std::string>& article_qualifiers,
                       const std::vector<Evidence>& for_evidence, const kb::Lexicon* lexicon) {
  if (!ClaimsLastingEffect(article_qualifiers, lexicon)) return false;
  bool short_term = false;
  for (const Evidence& e : for_evidence) {
    if (AnyOf(e.assertion.qualifiers, kLastingIds, lexicon)) return false;
    short_term = short_term || AnyOf(e.assertion.qualifiers, kShortTermIds, lexicon);
  }
  return short_term;
}

std::string CorrectionLine(const Evidence& opposing) {
  const std::string quote = Abbreviate(opposing.assertion.sentence, kMaxQuoteBytes);
  if (quote.empty()) return "";
  std::string line;
  const kb::Work* best = StrongestWork(opposing);
  if (best != nullptr) {
    line = DisplayLabel(*best);
    if (best->type != "unknown" && !best->type.empty()) {
      line += (line.empty() ? "" : " ") + ("(" + DescribeStudyType(best->type) + ")");
    }
    if (!line.empty()) line += ": ";
  }
  line += "\u201c" + quote + "\u201d";
  const std::string where = SourceName(opposing.source);
  if (!where.empty()) line += " \u2014 " + where;
  return line;
}

}  // namespace query
