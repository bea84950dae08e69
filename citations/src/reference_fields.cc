// Field extractors that do not depend on the entry's overall structure:
// identifiers, the year, and the volume/issue/pages locator.
#include <algorithm>
#include <string>

#include "reference_internal.h"
#include "text_util.h"

namespace citations::internal {
namespace {

bool IsUrlChar(char c) {
  return c != ' ' && c != '<' && c != '>' && c != '"';
}

// Blanks s[b, e) with spaces.
void Blank(std::string* s, size_t b, size_t e) {
  for (size_t i = b; i < e && i < s->size(); ++i) (*s)[i] = ' ';
}

// Trailing punctuation that ends a sentence rather than an identifier; a
// closing bracket stays when the identifier opened one.
size_t TrimIdentifierEnd(std::string_view s, size_t b, size_t e) {
  while (e > b) {
    char c = s[e - 1];
    if (c == '.' || c == ',' || c == ';' || c == ':' || c == '\'' || c == ']') {
      --e;
    } else if (c == ')') {
      std::string_view v = s.substr(b, e - b);
      if (std::count(v.begin(), v.end(), '(') < std::count(v.begin(), v.end(), ')'))
        --e;
      else
        break;
    } else {
      break;
    }
  }
  return e;
}

// Moves `b` back over a label such as "doi:", "DOI ", "https://doi.org/".
size_t LabelStart(std::string_view s, size_t b) {
  static constexpr std::string_view kLabels[] = {"https://dx.doi.org/",
                                                 "http://dx.doi.org/",
                                                 "https://doi.org/",
                                                 "http://doi.org/",
                                                 "dx.doi.org/",
                                                 "doi.org/",
                                                 "doi:",
                                                 "doi",
                                                 "available at:",
                                                 "available at",
                                                 "available from:",
                                                 "available from",
                                                 "retrieved from",
                                                 "pmid:",
                                                 "pmid",
                                                 "pmcid:",
                                                 "pmcid",
                                                 "[online]"};
  for (bool moved = true; moved;) {
    moved = false;
    size_t p = b;
    while (p > 0 && s[p - 1] == ' ') --p;
    for (std::string_view label : kLabels) {
      size_t n = label.size();
      if (p >= n && EqualsAsciiNoCase(s.substr(p - n, n), label) &&
          (p == n || !IsAsciiAlpha(s[p - n - 1]))) {
        b = p - n;
        moved = true;
        break;
      }
    }
  }
  return b;
}

bool IsMonth(std::string_view w) {
  static constexpr std::string_view kMonths[] = {
      "jan",      "feb",      "mar",       "apr",     "may",      "jun",     "jul",
      "aug",      "sep",      "sept",      "oct",     "nov",      "dec",     "january",
      "february", "march",    "april",     "june",    "july",     "august",  "september",
      "october",  "november", "december",  "spring",  "summer",   "autumn",  "fall",
      "winter",   "janvier",  "fevrier",   "mars",    "avril",    "mai",     "juin",
      "juillet",  "aout",     "septembre", "octobre", "novembre", "decembre"};
  std::string f = FoldKey(w);
  for (std::string_view m : kMonths)
    if (f == m) return true;
  return false;
}

}  // namespace

void ExtractIdentifiers(std::string* str, Reference* ref) {
  std::string& s = *str;
  // Rejoin "https://\ndoi.org/..." after whitespace collapsing.
  // (One pass, so a hostile entry full of them stays linear.)
  {
    std::string joined;
    joined.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
      joined += s[i];
      if (s[i] == '/' && i + 1 < s.size() && s[i + 1] == ' ' &&
          (joined.ends_with("://") || joined.ends_with("doi.org/")))
        ++i;
    }
    s.swap(joined);
  }

  // URLs first, so a DOI inside a doi.org URL is taken from it.
  for (size_t p = 0; p < s.size();) {
    size_t h = std::string::npos;
    for (std::string_view pre :
         std::initializer_list<std::string_view>{"https://", "http://", "www."}) {
      size_t q = s.find(pre, p);
      if (q != std::string::npos && (h == std::string::npos || q < h)) h = q;
    }
    if (h == std::string::npos) break;
    if (h > 0 && s.compare(h, 4, "www.") == 0 && s[h - 1] != ' ' &&
        s[h - 1] != '(' && s[h - 1] != '<') {
      p = h + 4;
      continue;
    }
    size_t e = h;
    while (e < s.size() && IsUrlChar(s[e])) ++e;
    e = TrimIdentifierEnd(s, h, e);
    std::string url = s.substr(h, e - h);
    std::string lower = AsciiLower(url);
    size_t d = lower.find("doi.org/");
    size_t pm = lower.find("pubmed.ncbi.nlm.nih.gov/");
    size_t pmc = lower.find("/pmc/articles/");
    if (d != std::string::npos) {
      if (ref->doi.empty()) ref->doi = url.substr(d + 8);
    } else if (pm != std::string::npos) {
      std::string id;
      for (size_t k = pm + 24; k < url.size() && IsDigit(url[k]); ++k) id += url[k];
      if (ref->pmid.empty()) ref->pmid = id;
      if (ref->url.empty()) ref->url = url;
    } else {
      if (pmc != std::string::npos && ref->pmcid.empty()) {
        std::string id = "PMC";
        for (size_t k = pmc + 17; k < url.size() && IsDigit(url[k]); ++k) id += url[k];
        if (id.size() > 3) ref->pmcid = id;
      }
      if (ref->url.empty()) ref->url = url;
    }
    Blank(&s, LabelStart(s, h), e);
    p = e;
  }

  // Bare DOIs: 10.NNNN/suffix.
  for (size_t p = s.find("10."); p != std::string::npos; p = s.find("10.", p + 1)) {
    if (p > 0 && (IsDigit(s[p - 1]) || IsAsciiAlpha(s[p - 1]) || s[p - 1] == '.')) continue;
    size_t q = p + 3;
    while (q < s.size() && IsDigit(s[q])) ++q;
    if (q - (p + 3) < 4 || q >= s.size() || s[q] != '/') continue;
    size_t e = q + 1;
    while (e < s.size() && s[e] != ' ') ++e;
    e = TrimIdentifierEnd(s, p, e);
    if (e <= q + 1) continue;
    if (ref->doi.empty()) ref->doi = s.substr(p, e - p);
    Blank(&s, LabelStart(s, p), e);
  }

  // PMID / PMCID labels.
  std::string lower = AsciiLower(s);
  for (size_t p = lower.find("pmid"); p != std::string::npos; p = lower.find("pmid", p + 4)) {
    size_t q = p + 4;
    while (q < s.size() && (s[q] == ':' || s[q] == ' ')) ++q;
    size_t e = q;
    while (e < s.size() && IsDigit(s[e])) ++e;
    if (e == q) continue;
    if (ref->pmid.empty()) ref->pmid = s.substr(q, e - q);
    Blank(&s, p, e);
  }
  lower = AsciiLower(s);
  for (size_t p = lower.find("pmc"); p != std::string::npos; p = lower.find("pmc", p + 3)) {
    size_t q = p + 3;
    if (lower.compare(p, 5, "pmcid") == 0) {
      q = p + 5;
      while (q < s.size() && (s[q] == ':' || s[q] == ' ')) ++q;
      if (lower.compare(q, 3, "pmc") != 0) continue;
      q += 3;
    } else if (p > 0 && IsAsciiAlpha(s[p - 1])) {
      continue;
    }
    size_t e = q;
    while (e < s.size() && IsDigit(s[e])) ++e;
    if (e == q) continue;
    if (ref->pmcid.empty()) ref->pmcid = "PMC" + s.substr(q, e - q);
    Blank(&s, p, e);
  }
}

int FindYear(std::string_view s, Span* span) {
  int best_year = 0, best_score = -1;
  Span best{};
  for (size_t i = 0; i + 4 <= s.size(); ++i) {
    if (!IsDigit(s[i]) || (i > 0 && (IsDigit(s[i - 1]) || IsAsciiAlpha(s[i - 1]))))
      continue;
    size_t e = i;
    while (e < s.size() && IsDigit(s[e])) ++e;
    if (e - i != 4) {
      i = e;
      continue;
    }
    int y = std::stoi(std::string(s.substr(i, 4)));
    if (y < 1500 || y > 2099) continue;
    size_t ye = e;
    if (ye < s.size() && s[ye] >= 'a' && s[ye] <= 'z' &&
        (ye + 1 >= s.size() || !IsAsciiAlpha(s[ye + 1])))
      ++ye;  // 2021b
    else if (ye < s.size() && IsAsciiAlpha(s[ye]))
      continue;
    // Page ranges and volume(issue) are not years.
    auto dash_at = [&](size_t k) {
      return k < s.size() && (s[k] == '-' || s.compare(k, 3, "\xE2\x80\x93") == 0);
    };
    bool after_dash = i > 0 && (s[i - 1] == '-' || (i >= 3 && s.compare(i - 3, 3, "\xE2\x80\x93") == 0));
    if (after_dash && i >= 4 && IsDigit(s[i - (s[i - 1] == '-' ? 2 : 4)])) continue;
    if (dash_at(ye)) {
      size_t k = ye + (s[ye] == '-' ? 1 : 3);
      if (k < s.size() && IsDigit(s[k])) {
        size_t m = k;
        while (m < s.size() && IsDigit(s[m])) ++m;
        if (m - k != 4 && m - k != 2) continue;  // 1952-1962 is ok, 334-44 is pages
        if (m - k == 4) {
          int y2 = std::stoi(std::string(s.substr(k, 4)));
          if (y2 < y || y2 > y + 20) continue;
        }
      }
    }
    if (ye < s.size() && s[ye] == '(') continue;
    if (i > 0 && s[i - 1] == ':') continue;
    {
      // The word right before: "pp. 1999", "vol. 2001", "no. 2010" are not years.
      size_t w = i;
      while (w > 0 && s[w - 1] == ' ') --w;
      size_t wb = w;
      while (wb > 0 && s[wb - 1] != ' ' && s[wb - 1] != '(' && s[wb - 1] != ',') --wb;
      std::string_view prev = s.substr(wb, w - wb);
      bool label = false;
      for (std::string_view l : {"p.", "pp.", "p", "pp", "vol.", "vol", "no.", "no", "nr."})
        label = label || EqualsAsciiNoCase(prev, l);
      if (label) continue;
    }
    int score = 1;
    Span sp{i, ye};
    // Parenthesised: "(2015)", "(December, 1968)", "(2015a)".
    size_t open = std::string_view::npos;
    for (size_t k = i; k > 0 && i - k < 20; --k) {
      if (s[k - 1] == ')') break;
      if (s[k - 1] == '(' || s[k - 1] == '[') {
        open = k - 1;
        break;
      }
    }
    size_t close = std::string_view::npos;
    for (size_t k = ye; k < s.size() && k - ye < 12; ++k) {
      if (s[k] == '(') break;
      if (s[k] == ')' || s[k] == ']') {
        close = k;
        break;
      }
    }
    if (open != std::string_view::npos && close != std::string_view::npos) {
      score = 4;
      sp = {open, close + 1};
    } else if (ye < s.size() && s[ye] == ';') {
      score = 3;
    } else {
      size_t p = i;
      while (p > 0 && s[p - 1] == ' ') --p;
      bool sep_before = p == 0 || s[p - 1] == '.' || s[p - 1] == ',';
      size_t q = ye;
      bool sep_after = q >= s.size() || s[q] == '.' || s[q] == ',' ||
                       (q + 1 < s.size() && s[q] == ' ' && !IsDigit(s[q + 1]));
      if (!sep_before && p > 0) {
        // "December 1992", "2019 Apr 9": a month next to the year.
        size_t w = p;
        while (w > 0 && s[w - 1] != ' ') --w;
        if (IsMonth(s.substr(w, p - w))) sep_before = true;
      }
      if (sep_before && sep_after) score = 2;
    }
    if (score > best_score) {
      best_score = score;
      best_year = y;
      best = sp;
    }
    i = e;
  }
  if (span) *span = best;
  return best_year;
}

namespace {

// Reads digits (or a roman numeral / alphanumeric id) at `p`.
size_t ReadNumberish(std::string_view s, size_t p, bool allow_roman) {
  size_t e = p;
  while (e < s.size() && (IsDigit(s[e]) || (allow_roman && IsAsciiAlpha(s[e])))) ++e;
  return e;
}

size_t SkipSpace(std::string_view s, size_t p) {
  while (p < s.size() && s[p] == ' ') ++p;
  return p;
}

// Reads a page or page range at `p` ("827", "5-13", "R4921-R4924", "e134802",
// "334–344"); returns its end or p.
size_t ReadPages(std::string_view s, size_t p) {
  size_t e = p;
  if (e < s.size() && IsAsciiAlpha(s[e]) && e + 1 < s.size() && IsDigit(s[e + 1])) ++e;
  size_t d = e;
  while (e < s.size() && IsDigit(s[e])) ++e;
  if (e == d) return p;
  size_t k = SkipSpace(s, e);
  size_t dash = 0;
  if (k < s.size() && s[k] == '-') dash = 1;
  else if (s.compare(k, 3, "\xE2\x80\x93") == 0 || s.compare(k, 3, "\xE2\x80\x94") == 0) dash = 3;
  if (dash) {
    size_t m = SkipSpace(s, k + dash);
    if (m < s.size() && IsAsciiAlpha(s[m]) && m + 1 < s.size() && IsDigit(s[m + 1])) ++m;
    size_t n = m;
    while (n < s.size() && IsDigit(s[n])) ++n;
    if (n > m) e = n;
  }
  return e;
}

std::string CleanPages(std::string_view v) {
  std::string out;
  for (char c : v)
    if (c != ' ') out += c;
  return out;
}

// Matches a label ("vol.", "no.", "pp.") at p; returns the position after it
// and any spaces, or npos.
size_t AfterLabel(std::string_view s, size_t p, std::initializer_list<std::string_view> labels) {
  if (!AtWordStart(s, p)) return std::string_view::npos;
  for (std::string_view label : labels) {
    size_t n = label.size();
    if (p + n <= s.size() && EqualsAsciiNoCase(s.substr(p, n), label)) {
      size_t q = SkipSpace(s, p + n);
      if (q < s.size() && (IsDigit(s[q]) || (label[0] == 'v' && IsAsciiUpper(s[q]))) &&
          (label[n - 1] == '.' || label[n - 1] == ' ' || q > p + n || IsDigit(s[p + n])))
        return q;
    }
  }
  return std::string_view::npos;
}

}  // namespace

void ParseLocator(std::string_view s, Reference* ref) {
  // Labelled parts first: "vol. 50, no. 1, pp. 5-13", "№ 15, с. 451", "n°59".
  for (size_t p = 0; p < s.size(); ++p) {
    size_t q;
    if (ref->volume.empty() && (q = AfterLabel(s, p, {"volume ", "vol.", "vol ", "bd.", "v."})) !=
                                   std::string_view::npos) {
      size_t e = ReadNumberish(s, q, true);
      ref->volume = std::string(s.substr(q, e - q));
      p = e;
    } else if (ref->issue.empty() && (q = AfterLabel(s, p,
                                                     {"no.", "no ", "nr.", "n\xC2\xB0", "issue ",
                                                      "\xE2\x84\x96"})) != std::string_view::npos) {
      size_t e = ReadNumberish(s, q, false);
      ref->issue = std::string(s.substr(q, e - q));
      p = e;
    } else if (ref->pages.empty() &&
               (q = AfterLabel(s, p, {"pp.", "pp ", "p.", "p ", "pages ", "s.", "\xD1\x81."})) !=
                   std::string_view::npos) {
      size_t e = ReadPages(s, q);
      if (e > q) ref->pages = CleanPages(s.substr(q, e - q));
      p = e;
    }
  }
  // "№ 15" (Crossref, volume) is stored as issue above when it is the only
  // number label; move it to the volume when no issue-like "no." came before.
  if (ref->volume.empty() && !ref->issue.empty() &&
      s.find("\xE2\x84\x96") != std::string_view::npos) {
    ref->volume = ref->issue;
    ref->issue.clear();
  }
  if (!ref->volume.empty() && !ref->pages.empty()) return;

  // Unlabelled: the first number starts "V(I):P", "V, P-Q", "V: P", "V".
  for (size_t p = 0; p < s.size(); ++p) {
    if (!IsDigit(s[p]) || (p > 0 && IsDigit(s[p - 1]))) continue;
    if (p > 0 && IsAsciiAlpha(s[p - 1]) && !(p > 1 && IsAsciiAlpha(s[p - 2]) && s[p - 1] >= 'a'))
      continue;  // "e134802", "R4921" handled as pages below
    size_t e = ReadNumberish(s, p, false);
    size_t k = SkipSpace(s, e);
    bool range = k < s.size() && (s[k] == '-' || s.compare(k, 3, "\xE2\x80\x93") == 0);
    if (range && ref->volume.empty() && ref->pages.empty()) {
      // A bare page range ("J. Chem. Soc., 3857-3861").
      size_t pe = ReadPages(s, p);
      ref->pages = CleanPages(s.substr(p, pe - p));
      return;
    }
    if (ref->volume.empty()) ref->volume = std::string(s.substr(p, e - p));
    if (k < s.size() && s[k] == '(') {
      size_t c = s.find(')', k);
      if (c != std::string_view::npos && c - k <= 12) {
        if (ref->issue.empty())
          ref->issue = std::string(Trim(s.substr(k + 1, c - k - 1)));
        k = SkipSpace(s, c + 1);
      }
    }
    while (k < s.size() && (s[k] == ':' || s[k] == ',' || s[k] == ' ' || s[k] == '.')) ++k;
    size_t q = AfterLabel(s, k, {"pp.", "pp ", "p.", "p "});
    if (q != std::string_view::npos) k = q;
    if (ref->pages.empty()) {
      size_t pe = ReadPages(s, k);
      if (pe > k) {
        std::string pages = CleanPages(s.substr(k, pe - k));
        // A lone 4-digit number after the volume is more likely a year.
        bool year_like = pe - k == 4 && (s.substr(k, 2) == "19" || s.substr(k, 2) == "20");
        if (!year_like) ref->pages = pages;
      }
    }
    return;
  }
}

}  // namespace citations::internal
