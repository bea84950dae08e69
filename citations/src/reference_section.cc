// Locating and splitting reference lists inside an article.
#include <cctype>
#include <string>

#include "citations/reference_parser.h"
#include "text_util.h"

namespace citations {
namespace {

using internal::AsciiLower;
using internal::Trim;

bool IsReferenceHeading(std::string_view p) {
  std::string h = AsciiLower(Trim(p, "#*:=-_ "));
  static constexpr std::string_view kHeadings[] = {"references",
                                                   "reference list",
                                                   "reference",
                                                   "bibliography",
                                                   "sources",
                                                   "source",
                                                   "works cited",
                                                   "citations",
                                                   "literature cited",
                                                   "literature",
                                                   "further reading",
                                                   "notes and references",
                                                   "sources and references",
                                                   "research",
                                                   "studies cited"};
  for (std::string_view k : kHeadings)
    if (h == k) return true;
  return false;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// A line that continues the previous entry rather than starting one.
bool IsContinuation(std::string_view prev, std::string_view line) {
  if (EndsWith(prev, "://") || EndsWith(prev, "/") || EndsWith(prev, "-") ||
      EndsWith(prev, "doi:") || EndsWith(prev, "DOI:") || EndsWith(prev, "doi.org"))
    return true;
  if (line.empty()) return false;
  std::string l = AsciiLower(line.substr(0, std::min<size_t>(line.size(), 8)));
  if (l.rfind("doi", 0) == 0 || l.rfind("http", 0) == 0 || l.rfind("10.", 0) == 0 ||
      l.rfind("pmid", 0) == 0 || l.rfind("pmcid", 0) == 0 || l.rfind("available", 0) == 0)
    return true;
  return internal::IsLowerAt(line, 0);
}

// Joins a continuation: no space after "://", "/" or a hyphen inside an
// identifier; one space otherwise.
void Append(std::string* entry, std::string_view line) {
  if (EndsWith(*entry, "://") || EndsWith(*entry, "/") ||
      (EndsWith(*entry, "-") && entry->find("10.") != std::string::npos)) {
    entry->append(line);
  } else {
    entry->push_back(' ');
    entry->append(line);
  }
}

// LooksLikeReference; `*strong` (when given) is set when the entry was parsed
// and has a DOI, or a year and a container; `*parsed` (when given) receives
// the parse.
bool LooksLikeReferenceImpl(std::string_view text, bool* strong, Reference* parsed = nullptr) {
  std::string_view t = Trim(text);
  if (t.size() < 12 || t.size() > 1200) return false;
  // Prose has many sentences and lower-case verbs; references are short.
  size_t sentences = 0;
  for (size_t i = 0; i + 1 < t.size(); ++i) {
    if ((t[i] != '.' && t[i] != '?' && t[i] != '!') || t[i + 1] != ' ') continue;
    // The period of an initial ("E. C., Clark, R. A.") ends no sentence.
    bool initial = i >= 1 && t[i] == '.' && std::isupper(static_cast<unsigned char>(t[i - 1])) &&
                   (i == 1 || t[i - 2] == ' ' || t[i - 2] == '.' || t[i - 2] == '-');
    if (!initial) ++sentences;
  }
  if (sentences > 6) return false;  // decided before the (costlier) parse
  Reference local;
  Reference& r = parsed != nullptr ? *parsed : local;
  r = ParseReference(t);
  if (strong) *strong = !r.doi.empty() || (r.year != 0 && !r.container.empty());
  int score = 0;
  if (!r.authors.empty()) ++score;
  if (r.year != 0) ++score;
  if (!r.doi.empty() || !r.pmid.empty()) score += 2;
  if (!r.url.empty()) ++score;
  if (!r.volume.empty() || !r.pages.empty()) ++score;
  if (!r.container.empty() && !r.title.empty()) ++score;
  bool urlish = !r.url.empty() && t.size() < 300;
  if (r.authors.empty() && r.doi.empty() && !urlish) return false;
  // Yearless Vancouver and web entries: authors, title and a site or journal.
  bool organisation = !r.authors.empty() && r.authors[0].given.empty();
  bool short_entry = !r.authors.empty() && !r.title.empty() &&
                     (!r.container.empty() || organisation) &&
                     sentences <= 3 && t.size() < 400;
  return score >= 3 || short_entry;
}

}  // namespace

bool LooksLikeReference(std::string_view text) { return LooksLikeReferenceImpl(text, nullptr); }

std::vector<size_t> FindReferenceSection(const std::vector<std::string_view>& paragraphs) {
  return FindReferenceSection(paragraphs, nullptr);
}

std::vector<size_t> FindReferenceSection(const std::vector<std::string_view>& paragraphs,
                                         std::vector<Reference>* parsed) {
  std::vector<size_t> out;
  // Each paragraph is judged (and parsed) at most once.
  enum : int8_t { kUnknown, kNo, kYes, kYesStrong };
  std::vector<int8_t> judged(paragraphs.size(), kUnknown);
  std::vector<Reference> parses(parsed != nullptr ? paragraphs.size() : 0);
  auto looks = [&](size_t i) {
    if (judged[i] == kUnknown) {
      bool strong = false;
      Reference* r = parsed != nullptr ? &parses[i] : nullptr;
      judged[i] = LooksLikeReferenceImpl(paragraphs[i], &strong, r) ? (strong ? kYesStrong : kYes)
                                                                    : kNo;
    }
    return judged[i] != kNo;
  };
  // Every index returned was judged a reference, and so parsed.
  auto hand_back = [&](const std::vector<size_t>& run) {
    if (parsed == nullptr) return;
    parsed->clear();
    for (size_t i : run) parsed->push_back(std::move(parses[i]));
  };
  for (size_t h = 0; h < paragraphs.size(); ++h) {
    if (!IsReferenceHeading(paragraphs[h])) continue;
    std::vector<size_t> run;
    for (size_t i = h + 1; i < paragraphs.size(); ++i) {
      if (Trim(paragraphs[i]).empty()) continue;
      if (!looks(i)) {
        if (!run.empty()) break;
        continue;
      }
      run.push_back(i);
    }
    if (!run.empty()) {
      hand_back(run);
      return run;
    }
  }
  // A trailing run of reference-shaped paragraphs, allowing a few lines of
  // boilerplate (bylines, sign-up prompts) after it.
  size_t end = paragraphs.size();
  size_t skipped = 0;
  while (end > 0 && skipped < 6 && !looks(end - 1)) {
    --end;
    ++skipped;
  }
  size_t begin = end;
  while (begin > 0 && (looks(begin - 1) ||
                       Trim(paragraphs[begin - 1]).empty()))
    --begin;
  for (size_t i = begin; i < end; ++i)
    if (!Trim(paragraphs[i]).empty()) out.push_back(i);
  bool strong = false;
  // Every paragraph in `out` was judged a reference, and so parsed; parsing
  // the trimmed text gives the same fields (only `raw` differs).
  for (size_t i : out) strong = strong || judged[i] == kYesStrong;
  if (out.size() < 2 && !strong) out.clear();
  hand_back(out);
  return out;
}

std::vector<std::string> SplitReferences(std::string_view text) {
  std::vector<std::string_view> lines;
  for (size_t p = 0; p <= text.size();) {
    size_t e = text.find('\n', p);
    if (e == std::string_view::npos) e = text.size();
    lines.push_back(Trim(text.substr(p, e - p)));
    p = e + 1;
  }
  // Blank-line-separated blocks where some block spans several lines that do
  // not each look like an entry: one entry per block.
  bool blank = false;
  for (size_t i = 0; i + 1 < lines.size() && !blank; ++i) blank = lines[i].empty();
  bool blocks = false;
  for (size_t i = 0; blank && !blocks && i + 1 < lines.size(); ++i)
    if (!lines[i].empty() && !lines[i + 1].empty() && !LooksLikeReference(lines[i + 1]))
      blocks = true;
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    std::string_view t = Trim(cur);
    if (!t.empty()) out.emplace_back(t);
    cur.clear();
  };
  for (std::string_view line : lines) {
    if (line.empty()) {
      flush();
      continue;
    }
    if (cur.empty()) {
      cur = std::string(line);
    } else if (blocks || IsContinuation(cur, line)) {
      Append(&cur, line);
    } else {
      flush();
      cur = std::string(line);
    }
  }
  flush();
  return out;
}

}  // namespace citations
