// MentionFinder: author-year, numeric and author-only citations. Every
// scanner looks at a bounded window around a trigger ('(' / '[', "et al",
// "In YYYY,"), so the work is linear in the input whatever it contains.
#include "citations/mention_finder.h"

#include <algorithm>
#include <string>

#include "mention_internal.h"
#include "text_util.h"

namespace citations {
namespace {

using internal::AsciiLower;
using internal::IsDigit;
using internal::TextWord;
using internal::Trim;

constexpr size_t kMaxGroup = 300;   // longest parenthetical examined
constexpr int kMaxRange = 200;      // longest numeric range expanded

bool IsConnectorWord(std::string_view w) { return w == "and" || w == "&"; }

// Words of text[b, e) as TextWords, with '&' kept as a word.
std::vector<TextWord> WordsIn(std::string_view text, size_t b, size_t e) {
  std::vector<TextWord> out = internal::SplitWords(text.substr(b, e - b));
  for (TextWord& w : out) {
    w.begin += b;
    w.end += b;
  }
  return out;
}

// Whether only separators (spaces, commas, periods) lie in text[a, b).
bool OnlySeparators(std::string_view text, size_t a, size_t b) {
  for (size_t i = a; i < b; ++i)
    if (text[i] != ' ' && text[i] != ',' && text[i] != '.') return false;
  return true;
}

struct AuthorRun {
  size_t begin = 0;
  std::vector<std::string> authors;
  bool et_al = false;
};

// Reads names ending just before `end` ("Pearcey et al", "Brown and Miller",
// "Hall & Smith", "Andersen"), walking backwards over at most 12 words.
bool ReadAuthorsBackward(std::string_view text, size_t end, AuthorRun* run) {
  size_t from = end > 160 ? end - 160 : 0;
  std::vector<TextWord> ws = WordsIn(text, from, end);
  if (ws.empty() || !OnlySeparators(text, ws.back().end, end)) return false;
  int i = static_cast<int>(ws.size()) - 1;
  bool et_al = false;
  if (i >= 1 && ws[i].text == "al" && ws[i - 1].text == "et") {
    et_al = true;
    i -= 2;
  } else if (i >= 1 && (ws[i].text == "colleagues" || ws[i].text == "coworkers" ||
                        ws[i].text == "co-workers") &&
             (ws[i - 1].text == "and" || ws[i - 1].text == "his" || ws[i - 1].text == "her")) {
    et_al = true;
    i -= 2;
    if (i >= 0 && ws[i + 1].text != "and" && ws[i].text == "and") --i;
  }
  std::vector<std::string> authors;
  size_t begin = end;
  bool joined = false;  // a connector seen: "Smith, Jones and Brown"
  while (i >= 0 && authors.size() < 4) {
    if (!internal::IsNameToken(ws[i].text)) break;
    int j = i;
    if (j >= 1 && (ws[j - 1].text == "van" || ws[j - 1].text == "von" ||
                   ws[j - 1].text == "de" || ws[j - 1].text == "der"))
      --j;
    authors.insert(authors.begin(), std::string(text.substr(ws[j].begin, ws[i].end - ws[j].begin)));
    begin = ws[j].begin;
    i = j - 1;
    if (i >= 1 && IsConnectorWord(ws[i].text) && internal::IsNameToken(ws[i - 1].text) &&
        OnlySeparators(text, ws[i - 1].end, ws[i].begin)) {
      joined = true;
      --i;
      continue;
    }
    if (joined && i >= 0 && internal::IsNameToken(ws[i].text) &&
        Trim(text.substr(ws[i].end, ws[i + 1].begin - ws[i].end)) == ",")
      continue;
    break;
  }
  if (authors.empty()) return false;
  run->begin = begin;
  run->authors = std::move(authors);
  run->et_al = et_al;
  return true;
}

// Reads names forward from `pos` ("Cheatham et al", "Hall & Smith"); sets
// `*end` after them.
bool ReadAuthorsForward(std::string_view text, size_t pos, AuthorRun* run, size_t* end) {
  std::vector<TextWord> ws = WordsIn(text, pos, std::min(text.size(), pos + 160));
  size_t i = 0;
  std::vector<std::string> authors;
  size_t e = pos;
  while (i < ws.size() && authors.size() < 4) {
    if (i > 0 && !OnlySeparators(text, ws[i - 1].end, ws[i].begin) &&
        text.substr(ws[i - 1].end, ws[i].begin - ws[i - 1].end).find('&') == std::string_view::npos)
      break;
    size_t j = i;
    while (j < ws.size() && (ws[j].text == "van" || ws[j].text == "von" || ws[j].text == "de"))
      ++j;
    if (j >= ws.size() || !internal::IsNameToken(ws[j].text)) break;
    authors.emplace_back(text.substr(ws[i].begin, ws[j].end - ws[i].begin));
    e = ws[j].end;
    i = j + 1;
    if (i + 1 < ws.size() && ws[i].text == "et" && ws[i + 1].text == "al") {
      run->et_al = true;
      e = ws[i + 1].end;
      if (e < text.size() && text[e] == '.') ++e;
      break;
    }
    if (i + 1 < ws.size() && IsConnectorWord(ws[i].text) &&
        internal::IsNameToken(ws[i + 1].text)) {
      ++i;
      continue;
    }
    if (i + 1 < ws.size() && ws[i].text == "and" && ws[i + 1].text == "colleagues") {
      run->et_al = true;
      e = ws[i + 1].end;
    }
    break;
  }
  if (authors.empty()) return false;
  run->begin = pos;
  run->authors = std::move(authors);
  *end = e;
  return true;
}

// Numeric citation content: "1", "1,2", "5, 29", "1-5", "1–3, 7".
bool ParseNumberList(std::string_view c, std::vector<int>* out) {
  std::vector<int> nums;
  size_t i = 0;
  bool any = false;
  while (i < c.size()) {
    while (i < c.size() && (c[i] == ' ' || c[i] == ',')) ++i;
    if (i >= c.size()) break;
    size_t b = i;
    while (i < c.size() && IsDigit(c[i])) ++i;
    if (i == b || i - b > 3) return false;
    int a = std::stoi(std::string(c.substr(b, i - b)));
    size_t k = i;
    while (k < c.size() && c[k] == ' ') ++k;
    size_t dash = 0;
    if (k < c.size() && c[k] == '-') dash = 1;
    else if (c.compare(k, 3, "\xE2\x80\x93") == 0 || c.compare(k, 3, "\xE2\x80\x94") == 0) dash = 3;
    if (dash) {
      size_t m = k + dash;
      while (m < c.size() && c[m] == ' ') ++m;
      size_t mb = m;
      while (m < c.size() && IsDigit(c[m])) ++m;
      if (m == mb || m - mb > 3) return false;
      int z = std::stoi(std::string(c.substr(mb, m - mb)));
      if (z < a || z - a > kMaxRange) return false;
      for (int n = a; n <= z; ++n) nums.push_back(n);
      i = m;
    } else {
      nums.push_back(a);
    }
    any = true;
    if (i < c.size() && c[i] != ',' && c[i] != ' ') return false;
  }
  if (!any) return false;
  for (int n : nums)
    if (n <= 0) return false;
  *out = std::move(nums);
  return true;
}

void EmitAuthorOnly(std::string_view text, size_t b, size_t e,
                    const std::vector<std::string>& authors, std::vector<InTextMention>* out) {
  InTextMention m;
  m.kind = MentionKind::kAuthorOnly;
  m.begin = b;
  m.end = e;
  m.text = std::string(text.substr(b, e - b));
  m.authors = authors;
  m.et_al = true;
  out->push_back(std::move(m));
}

// One ";"-separated part of an author-year parenthetical: "Pearcey et al.,
// 2015", "ACSM, 2021", "Behm et al., 2021b", "Jonsen et al., 2003, 2005".
void ParseAuthorYearPart(std::string_view text, size_t b, size_t e,
                         std::vector<InTextMention>* out) {
  std::vector<TextWord> ws = WordsIn(text, b, e);
  // skip "e.g." / "see" / "cf."
  size_t i = 0;
  while (i < ws.size() && (ws[i].text == "e" || ws[i].text == "g" || ws[i].text == "eg" ||
                           ws[i].text == "see" || ws[i].text == "See" || ws[i].text == "cf" ||
                           ws[i].text == "also" || ws[i].text == "i" ||
                           ws[i].text == "reviewed" || ws[i].text == "in"))
    ++i;
  size_t first_year = ws.size();
  for (size_t k = i; k < ws.size(); ++k)
    if (internal::ParseYearToken(ws[k].text)) {
      first_year = k;
      break;
    }
  // Name words before the first year: split on "," / "and" / "&".
  std::vector<std::string> authors;
  bool et_al = false;
  std::string cur;
  size_t cur_begin = 0, name_begin = ws.size() > i ? ws[i].begin : b, name_end = b;
  auto push = [&] {
    if (!cur.empty()) authors.push_back(cur);
    cur.clear();
  };
  for (size_t k = i; k < first_year; ++k) {
    std::string_view w = ws[k].text;
    if (w == "et" && k + 1 < first_year && ws[k + 1].text == "al") {
      et_al = true;
      ++k;
      name_end = ws[k].end;
      push();
      if (first_year == ws.size() && !authors.empty()) {
        // "(Marti et al., Taunton et al.)": each "X et al" is its own work.
        EmitAuthorOnly(text, name_begin, name_end, authors, out);
        authors.clear();
        if (k + 1 < ws.size()) name_begin = ws[k + 1].begin;
      }
      continue;
    }
    if (IsConnectorWord(w)) {
      push();
      continue;
    }

    bool name = internal::IsNameToken(w) ||
                (w.size() >= 2 && std::all_of(w.begin(), w.end(), [](char c) {
                   return (c >= 'A' && c <= 'Z') || c == '-';
                 })) ||
                w == "of" || w == "for" || w == "the" || w == "van" || w == "de" || w == "von";
    if (!name) return;
    if (cur.empty()) cur_begin = ws[k].begin;
    cur = std::string(text.substr(cur_begin, ws[k].end - cur_begin));
    name_end = ws[k].end;
    if (ws[k].end < e && text[ws[k].end] == ',') push();
  }
  push();
  if (first_year == ws.size()) {
    // "(Marti et al., Taunton et al.)": names with et al but no year.
    return;
  }
  if (authors.empty() || authors.size() > 6) return;
  for (size_t k = first_year; k < ws.size(); ++k) {
    int y = internal::ParseYearToken(ws[k].text);
    if (!y) continue;
    InTextMention m;
    m.kind = MentionKind::kAuthorYear;
    m.begin = k == first_year ? name_begin : ws[k].begin;
    m.end = ws[k].end;
    m.text = std::string(text.substr(m.begin, m.end - m.begin));
    m.authors = authors;
    m.et_al = et_al;
    m.year = y;
    out->push_back(std::move(m));
  }
}

// Splits "Pearcey et al., 2015; Behm, 2019" at ';' and damaged "1951;Turchin".
void ParseAuthorYearGroup(std::string_view text, size_t b, size_t e,
                          std::vector<InTextMention>* out) {
  size_t p = b;
  while (p < e) {
    size_t q = text.find(';', p);
    if (q == std::string_view::npos || q > e) q = e;
    ParseAuthorYearPart(text, p, q, out);
    p = q + 1;
  }
}

void ScanGroups(std::string_view text, std::vector<InTextMention>* out) {
  for (size_t open = 0; open < text.size(); ++open) {
    char oc = text[open];
    if (oc != '(' && oc != '[') continue;
    char cc = oc == '(' ? ')' : ']';
    size_t close = open + 1;
    bool closed = false;
    while (close < text.size() && close - open <= kMaxGroup) {
      if (text[close] == cc) {
        closed = true;
        break;
      }
      if (text[close] == '(' || text[close] == '[') break;
      ++close;
    }
    if (close >= text.size() || close - open > kMaxGroup) close = std::min(text.size(), close);
    std::string_view content = text.substr(open + 1, close - open - 1);
    size_t group_end = closed ? close + 1 : close;
    std::vector<int> nums;
    // "16(3)", "training50(1)": an issue number, not a citation.
    bool glued_to_number = (open > 0 && IsDigit(text[open - 1])) ||
                           (open > 1 && text[open - 1] == ' ' && IsDigit(text[open - 2]));
    if (closed && !glued_to_number && ParseNumberList(content, &nums)) {
      bool year_like = nums.size() == 1 && nums[0] >= 1900;
      if (!year_like && nums.back() < 1000) {
        InTextMention m;
        m.kind = MentionKind::kNumeric;
        m.begin = open;
        m.end = group_end;
        m.numbers = nums;
        AuthorRun run;
        if (oc == '(' && ReadAuthorsBackward(text, open, &run)) {
          m.kind = MentionKind::kAuthorNumeric;
          m.begin = run.begin;
          m.authors = run.authors;
          m.et_al = run.et_al;
        }
        m.text = std::string(text.substr(m.begin, m.end - m.begin));
        out->push_back(std::move(m));
        continue;
      }
    }
    if (oc != '(') continue;
    // "(2015)" / "(2015a)" after names: narrative author-year.
    std::string_view inner = Trim(content);
    if (closed && internal::ParseYearToken(inner) && inner.size() <= 5) {
      AuthorRun run;
      if (ReadAuthorsBackward(text, open, &run)) {
        InTextMention m;
        m.kind = MentionKind::kAuthorYear;
        m.begin = run.begin;
        m.end = group_end;
        m.text = std::string(text.substr(m.begin, m.end - m.begin));
        m.authors = run.authors;
        m.et_al = run.et_al;
        m.year = internal::ParseYearToken(inner);
        out->push_back(std::move(m));
      }
      continue;
    }
    ParseAuthorYearGroup(text, open + 1, close, out);
  }
}

// "In 2015, Cheatham et al reviewed": a year that opens the sentence,
// followed by the authors.
void ScanYearFirst(std::string_view text, const std::vector<TextWord>& ws,
                   std::vector<InTextMention>* out) {
  for (size_t i = 0; i + 2 < ws.size(); ++i) {
    if (ws[i].text != "In" && ws[i].text != "in") continue;
    int y = internal::ParseYearToken(ws[i + 1].text);
    if (!y || ws[i + 1].text.size() != 4) continue;
    size_t p = ws[i + 1].end;
    while (p < text.size() && (text[p] == ',' || text[p] == ' ')) ++p;
    AuthorRun run;
    size_t end;
    if (!ReadAuthorsForward(text, p, &run, &end)) continue;
    if (!run.et_al && run.authors.size() < 2) {
      // "In 2015, Smith found": accept a single name only before a verb.
      size_t q = end;
      while (q < text.size() && text[q] == ' ') ++q;
      if (q >= text.size() || !internal::IsLowerAt(text, q)) continue;
    }
    InTextMention m;
    m.kind = MentionKind::kAuthorYear;
    m.begin = ws[i].begin;
    m.end = end;
    m.text = std::string(text.substr(m.begin, m.end - m.begin));
    m.authors = run.authors;
    m.et_al = run.et_al;
    m.year = y;
    out->push_back(std::move(m));
  }
}

// Whether [b, e) overlaps a mention. `ms` is scanned from the back over the
// mentions that can still reach b, so sorted input costs O(1) per query.
bool Overlaps(const std::vector<InTextMention>& ms, size_t b, size_t e) {
  size_t checked = 0;
  for (auto it = ms.rbegin(); it != ms.rend() && checked < 64; ++it, ++checked)
    if (b < it->end && it->begin < e) return true;
  return false;
}

void SortByBegin(std::vector<InTextMention>* ms) {
  std::stable_sort(ms->begin(), ms->end(), [](const InTextMention& a, const InTextMention& b) {
    return a.begin < b.begin;
  });
}

// "Cheatham et al found", "Gillinick and colleagues", "a study by Falvey",
// "a study by Hall & Smith".
void ScanAuthorOnly(std::string_view text, const std::vector<TextWord>& ws,
                    std::vector<InTextMention>* out) {
  std::vector<InTextMention> found;
  for (size_t i = 0; i + 1 < ws.size(); ++i) {
    bool et = ws[i].text == "et" && ws[i + 1].text == "al";
    bool coll = (ws[i].text == "and" || ws[i].text == "his" || ws[i].text == "her") &&
                (ws[i + 1].text == "colleagues" || ws[i + 1].text == "coworkers");
    if (et || coll) {
      size_t end = ws[i + 1].end;
      if (end < text.size() && text[end] == '.' && et) ++end;
      AuthorRun run;
      if (!ReadAuthorsBackward(text, ws[i + 1].end, &run)) continue;
      if (Overlaps(*out, run.begin, end) || Overlaps(found, run.begin, end)) continue;
      InTextMention m;
      m.kind = MentionKind::kAuthorOnly;
      m.begin = run.begin;
      m.end = end;
      m.text = std::string(text.substr(m.begin, m.end - m.begin));
      m.authors = run.authors;
      m.et_al = true;
      found.push_back(std::move(m));
      continue;
    }
    static constexpr std::string_view kNouns[] = {"study", "review",     "trial",
                                                  "paper", "research",   "analysis",
                                                  "work",  "experiment", "studies"};
    bool noun = false;
    for (std::string_view n : kNouns) noun = noun || ws[i].text == n;
    if (noun && ws[i + 1].text == "by" && i + 2 < ws.size()) {
      AuthorRun run;
      size_t end;
      if (!ReadAuthorsForward(text, ws[i + 2].begin, &run, &end)) continue;
      if (Overlaps(*out, ws[i + 2].begin, end) || Overlaps(found, ws[i + 2].begin, end)) continue;
      InTextMention m;
      m.kind = MentionKind::kAuthorOnly;
      m.begin = ws[i + 2].begin;
      m.end = end;
      m.text = std::string(text.substr(m.begin, m.end - m.begin));
      m.authors = run.authors;
      m.et_al = run.et_al;
      found.push_back(std::move(m));
    }
  }
  for (InTextMention& m : found) out->push_back(std::move(m));
}

}  // namespace

MentionFinder::MentionFinder(std::vector<StudyTypeCue> study_cues)
    : study_cues_(std::move(study_cues)) {}

std::vector<InTextMention> MentionFinder::Find(std::string_view text) const {
  std::vector<InTextMention> out;
  std::vector<TextWord> ws = internal::SplitWords(text);
  ScanGroups(text, &out);
  ScanYearFirst(text, ws, &out);
  internal::FindDescriptive(text, ws, study_cues_, &out);
  internal::FindExperts(text, ws, &out);
  SortByBegin(&out);
  // Author-only mentions are those no other mention already covers; a
  // descriptive mention carrying "by Pepper et al." keeps the names itself.
  std::vector<InTextMention> author_only;
  ScanAuthorOnly(text, ws, &author_only);
  std::vector<InTextMention> kept;
  kept.reserve(out.size() + author_only.size());
  size_t j = 0;
  for (InTextMention& m : author_only) {
    while (j < out.size() && out[j].begin < m.end) kept.push_back(std::move(out[j++]));
    if (!Overlaps(kept, m.begin, m.end)) kept.push_back(std::move(m));
  }
  while (j < out.size()) kept.push_back(std::move(out[j++]));
  SortByBegin(&kept);
  return kept;
}

}  // namespace citations
