// ParseReference: one entry in any common style. The entry is read left to
// right: identifiers are lifted out first (they contain dots and digits that
// would confuse everything else), then the year is located, then the author
// list, title, container and the volume/issue/pages locator.
#include <algorithm>
#include <string>

#include "citations/reference_parser.h"
#include "reference_internal.h"
#include "text_util.h"

namespace citations {
namespace {

using internal::AsciiLower;
using internal::IsAsciiAlpha;
using internal::IsAsciiUpper;
using internal::IsDigit;
using internal::Span;
using internal::Trim;

constexpr std::string_view kPunct = ".,;:";

bool ContainsWord(std::string_view text, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    size_t n = w.size();
    for (size_t p = text.find(w); p != std::string_view::npos; p = text.find(w, p + 1)) {
      if (internal::AtWordStart(text, p) &&
          (p + n >= text.size() || !IsAsciiAlpha(text[p + n])))
        return true;
    }
  }
  return false;
}

bool LooksOrganisation(std::string_view c) {
  return ContainsWord(c, {"Council", "Association", "Institute", "College", "Society",
                          "University", "School", "Publishing", "Foundation",
                          "Organization", "Organisation", "Academy", "Clinic",
                          "Federation", "Centre", "Center", "Department", "Ministry",
                          "Agency", "Committee", "Service", "NHS", "Board"});
}

bool LooksPublisher(std::string_view c) {
  return ContainsWord(c, {"Press", "Publishers", "Publisher", "Verlag", "Books", "Inc",
                          "Ltd", "Wiley", "Springer", "Elsevier", "Routledge", "Editions",
                          "Éditions", "Kluwer", "Blackwell", "Macmillan", "Penguin"});
}

// An organisation or collective name: capitalised words joined by short
// function words, not a sentence ("In 2015, Cheatham et al reviewed").
bool LooksLikeName(std::string_view head) {
  static constexpr std::string_view kStart[] = {
      "In",        "The",       "A",        "An",     "On",      "This",   "These",
      "It",        "By",        "See",      "Source", "Sources", "Please", "Thank",
      "Available", "Retrieved", "Accessed", "If",     "When"};
  std::vector<std::string_view> words;
  for (size_t p = 0; p < head.size();) {
    size_t e = head.find(' ', p);
    if (e == std::string_view::npos) e = head.size();
    words.push_back(Trim(head.substr(p, e - p), ",;:&"));
    p = e + 1;
  }
  if (words.empty()) return false;
  for (std::string_view st : kStart)
    if (words[0] == st) return false;
  for (std::string_view w : words) {
    if (w.empty()) continue;
    if (w == "of" || w == "and" || w == "for" || w == "the" || w == "on" || w == "de" ||
        w == "&" || w == "in")
      continue;
    if (!internal::IsUpperAt(w, 0)) return false;
  }
  return true;
}

// Removes a leading list marker: "[6] ", "37. ", "5 ", "(12) ".
size_t SkipNumbering(std::string_view s) {
  size_t p = 0;
  bool bracket = p < s.size() && (s[p] == '[' || s[p] == '(');
  if (bracket) ++p;
  size_t d = p;
  while (p < s.size() && IsDigit(s[p])) ++p;
  if (p == d || p - d > 3) return 0;
  if (bracket) {
    if (p >= s.size() || (s[p] != ']' && s[p] != ')')) return 0;
    ++p;
  } else if (p < s.size() && (s[p] == '.' || s[p] == ')')) {
    ++p;
  } else if (!(p + 1 < s.size() && s[p] == ' ' && (IsAsciiUpper(s[p + 1]) ||
                                                  internal::IsUpperAt(s, p + 1)))) {
    return 0;
  }
  while (p < s.size() && s[p] == ' ') ++p;
  return p;
}

bool IsAbbreviationBefore(std::string_view s, size_t dot) {
  size_t w = dot;
  while (w > 0 && s[w - 1] != ' ' && s[w - 1] != '(') --w;
  std::string_view word = s.substr(w, dot - w);
  if (word.empty()) return false;
  size_t len;
  internal::CodePointAt(word, 0, &len);
  if (len == word.size()) return true;  // an initial, "p", Cyrillic "с"
  static constexpr std::string_view kAbbrev[] = {
      "vs",   "e.g", "i.e", "al",   "St",  "Dr",  "Mr",  "Mrs",    "No", "no",
      "Vol",  "vol", "Ed",  "ed",   "U.S", "cf",  "Fig", "approx", "Jr", "Sr",
      "Prof", "pp",  "Pp",  "vols", "nos", "eds", "Eds", "ch",     "pt", "S"};
  for (std::string_view a : kAbbrev)
    if (word == a) return true;
  return false;
}

bool IsOpenQuote(std::string_view s, size_t p, size_t* len, std::string* close) {
  struct Q { std::string_view open, close; };
  static const Q kQuotes[] = {{"\xE2\x80\x9C", "\xE2\x80\x9D"}, {"\"", "\""},
                              {"\xC2\xAB", "\xC2\xBB"}, {"\xE2\x80\x9E", "\xE2\x80\x9C"},
                              {"\xE2\x80\x9D", "\xE2\x80\x9D"}};
  for (const Q& q : kQuotes) {
    size_t n = q.open.size();
    if (s.compare(p, n, q.open) == 0) {
      *len = n;
      *close = q.close;
      return true;
    }
  }
  return false;
}

// Start of the first "locator-ish" number after p: a digit run preceded by a
// space, comma or colon, or a "vol."/"pp." label.
size_t FirstLocator(std::string_view s, size_t p, size_t limit) {
  for (size_t i = p; i < limit && i < s.size(); ++i) {
    if (IsDigit(s[i]) && i > 0 && (s[i - 1] == ' ' || s[i - 1] == ',' || s[i - 1] == '(')) {
      size_t e = i;
      while (e < s.size() && IsDigit(s[e])) ++e;
      if (e + 1 < s.size() && s[e] == ' ' && internal::IsUpperAt(s, e + 1)) continue;
      return i;
    }
    if (internal::AtWordStart(s, i) &&
        (internal::StartsWordAt(s, i, "vol") || internal::StartsWordAt(s, i, "pp") ||
         internal::StartsWordAt(s, i, "no")))
      return i;
    if (s.compare(i, 3, "\xE2\x84\x96") == 0 || s.compare(i, 3, "n\xC2\xB0") == 0) return i;
  }
  return limit;
}

// Whether s[p...] reads "A word" or "An word": how a subtitle after a
// question mark starts ("? A randomised trial"); journal names do not.
bool IsSubtitleStart(std::string_view s, size_t p) {
  for (std::string_view article : {std::string_view("A "), std::string_view("An ")}) {
    if (p + article.size() < s.size() && s.compare(p, article.size(), article) == 0) {
      return internal::IsLowerAt(s, p + article.size());
    }
  }
  return false;
}

// End of an unquoted title starting at p: the first sentence boundary not
// after an abbreviation, or the year, whichever is first. `*next` is where the
// following field starts.
size_t FindTitleEnd(std::string_view s, size_t p, size_t limit, size_t* next) {
  for (size_t i = p; i < s.size() && i < limit; ++i) {
    char c = s[i];
    bool at_end = i + 1 >= s.size() || s[i + 1] == ' ';
    if (c == '.' && at_end && i > p + 2 && !IsAbbreviationBefore(s, i)) {
      *next = i + 1;
      return i;
    }
    if ((c == '?' || c == '!') && (at_end || s[i + 1] == '.' || s[i + 1] == ',')) {
      // "Does it work? A systematic review." — a subtitle after the
      // question goes on with an article and a lower-case word.
      if (at_end && IsSubtitleStart(s, i + 2)) continue;
      *next = i + 1;
      return i + 1;
    }
  }
  size_t end = std::min(limit, s.size());
  // No sentence boundary: "Title, Journal, vol. 50" — the container is the
  // last comma-separated part before the locator.
  size_t loc = FirstLocator(s, p, end);
  size_t last_comma = s.rfind(", ", end);
  bool journal_tail = last_comma != std::string_view::npos && last_comma > p &&
                      internal::LooksJournalName(s.substr(last_comma, end - last_comma));
  if (loc < end || end < s.size() || journal_tail) {
    size_t upto = loc;
    while (upto > p && (s[upto - 1] == ' ' || s[upto - 1] == ',')) --upto;
    size_t comma = upto > 0 ? s.rfind(", ", upto - 1) : std::string_view::npos;
    if (comma != std::string_view::npos && comma > p + 10) {
      *next = comma + 1;
      return comma;
    }
  }
  *next = end;
  return end;
}

bool IsMonthWord(std::string_view w) {
  static constexpr std::string_view kMonths[] = {
      "Jan",       "Feb",     "Mar",      "Apr",     "May",       "Jun",     "Jul",      "Aug",
      "Sep",       "Sept",    "Oct",      "Nov",     "Dec",       "January", "February", "March",
      "April",     "June",    "July",     "August",  "September", "October", "November", "December",
      "janvier",   "février", "mars",     "avril",   "mai",       "juin",    "juillet",  "août",
      "septembre", "octobre", "novembre", "décembre"};
  for (std::string_view m : kMonths)
    if (internal::EqualsAsciiNoCase(w, m)) return true;
  return false;
}

// End of the container starting at c.
size_t FindContainerEnd(std::string_view s, size_t c, size_t year_begin) {
  for (size_t i = c; i < s.size(); ++i) {
    if (i == year_begin && i > c) return i;
    char ch = s[i];
    if (ch == ';' || ch == '[') return i;
    if (ch == '(' && i + 1 < s.size() && IsDigit(s[i + 1])) return i;
    if (IsDigit(ch) && i > c) {
      char prev = s[i - 1];
      bool starts = prev == ' ' || prev == ',' || prev == ':' || internal::IsLowerAt(s, i - 1);
      if (!starts) continue;
      size_t e = i;
      while (e < s.size() && IsDigit(s[e])) ++e;
      if (e + 1 < s.size() && s[e] == ' ' && internal::IsUpperAt(s, e + 1) && prev == ' ') {
        size_t we = e + 1;
        while (we < s.size() && internal::IsAsciiAlpha(s[we])) ++we;
        if (!IsMonthWord(s.substr(e + 1, we - e - 1))) continue;  // "Anglistentag 1999 Mainz"
      }
      return i;
    }
    if (ch == ',' && i + 1 < s.size() && s[i + 1] == ' ') {
      size_t w = i + 2, e = w;
      while (e < s.size() && s[e] != ' ' && s[e] != ',' && s[e] != '.') ++e;
      std::string word(s.substr(w, e - w));
      std::string lw = AsciiLower(word);
      if (IsMonthWord(word) || lw == "vol" || lw == "volume" || lw == "no" || lw == "pp" ||
          lw == "p" || lw == "n°" || lw == "pages" || lw == "issue" ||
          word.rfind("\xE2\x84\x96", 0) == 0 || word.rfind("n\xC2\xB0", 0) == 0 ||
          lw == "in" || lw == "ed" || lw == "eds" || lw == "v" || lw == "n" ||
          internal::IsLowerAt(s, w))
        return i;
    }
    if (ch == '.' && i + 2 < s.size() && s[i + 1] == ' ') {
      size_t w = i;
      while (w > c && s[w - 1] != ' ' && s[w - 1] != '.') --w;
      std::string_view word = s.substr(w, i - w);
      size_t letters = word.size();
      bool next_upper = internal::IsUpperAt(s, i + 2) || IsDigit(s[i + 2]);
      bool abbreviated = letters < 6 || word.ends_with("ol") || word.ends_with("ys") ||
                         word.ends_with("ci") || word.ends_with("ch");
      if (next_upper && !abbreviated && !IsAbbreviationBefore(s, i)) return i;
      if (internal::StartsWordAt(s, i + 2, "Eds") || internal::StartsWordAt(s, i + 2, "Ed") ||
          internal::StartsWordAt(s, i + 2, "In"))
        return i;
    }
  }
  return s.size();
}

// "J. Appl. Phys.", "Nano Lett.", "IEEE Trans. Electron Devices": a short run
// of capitalised words of which at least one is abbreviated with a period.
bool AbbreviatedJournal(std::string_view seg) {
  seg = Trim(seg, ",;: ");
  if (seg.empty()) return false;
  size_t words = 0, abbreviated = 0;
  for (size_t p = 0; p < seg.size();) {
    size_t e = seg.find(' ', p);
    if (e == std::string_view::npos) e = seg.size();
    std::string_view w = Trim(seg.substr(p, e - p), ",");
    p = e + 1;
    if (w.empty()) continue;
    ++words;
    if (w == "of" || w == "&" || w == "and") continue;
    if (!internal::IsUpperAt(w, 0)) return false;
    if (w.back() == '.' && w.size() <= 6) ++abbreviated;
  }
  if (seg.find(':') != std::string_view::npos) return false;
  return words >= 1 && words <= 6 && abbreviated >= 1;
}

std::string CleanField(std::string_view v) {
  std::string out(Trim(v, ".,;:"));
  // Strip trailing month words ("December", "Jun").
  for (;;) {
    size_t sp = out.rfind(' ');
    if (sp == std::string::npos || !IsMonthWord(out.substr(sp + 1))) break;
    out = std::string(Trim(out.substr(0, sp), ".,;:"));
  }
  return out;
}

std::string StripQuotes(std::string_view v) {
  std::string out(Trim(v, ".,;:"));
  for (std::string_view q : std::initializer_list<std::string_view>{"\xE2\x80\x9C", "\xE2\x80\x9D",
                                                                    "\"", "\xC2\xAB", "\xC2\xBB"}) {
    size_t n = q.size();
    if (out.size() >= n && out.compare(0, n, q) == 0) out.erase(0, n);
    if (out.size() >= n && out.compare(out.size() - n, n, q) == 0) out.erase(out.size() - n);
  }
  return std::string(Trim(out, ".,;:"));
}

size_t SkipSeparators(std::string_view s, size_t p) {
  p = std::min(p, s.size());
  while (p < s.size() && (s[p] == ' ' || s[p] == '.' || s[p] == ',' || s[p] == ':' ||
                          s[p] == ')' || s[p] == ';'))
    ++p;
  return p;
}

// Skips "(ed.)", "(eds.)", "ed.," after an author list.
size_t SkipEditorMark(std::string_view s, size_t p) {
  for (std::string_view m :
       std::initializer_list<std::string_view>{"(ed.)", "(eds.)", "(Ed.)", "(Eds.)", "(eds)",
                                               "(ed)", "(Hrsg.)", "ed.", "eds.", "Ed.", "Eds."}) {
    size_t n = m.size();
    if (s.compare(p, n, m) == 0) return SkipSeparators(s, p + n);
  }
  return p;
}

// Where a chapter's container begins after "In": past the editors.
size_t SkipInEditors(std::string_view s, size_t p) {
  size_t q = p;
  if (s.compare(q, 3, "In:") == 0) q += 3;
  else if (s.compare(q, 3, "In ") == 0) q += 3;
  else return p;
  while (q < s.size() && s[q] == ' ') ++q;
  size_t window = std::min(s.size(), q + 160);
  for (std::string_view m : std::initializer_list<std::string_view>{
           "(ed.)", "(eds.)", "(Ed.)", "(Eds.)", "(eds)", "(ed)", "(Hrsg.)", ", ed.", ", eds.",
           " ed.,", " eds.,", " Ed.,", " Eds.,", "(Hg.)"}) {
    size_t k = s.substr(0, window).find(m, q);
    if (k != std::string_view::npos) return SkipSeparators(s, k + m.size());
  }
  return q;
}

}  // namespace

namespace internal {
bool LooksJournalName(std::string_view c) {
  return ContainsWord(c, {"Journal", "journal", "Review", "Proceedings", "Bulletin",
                          "Transactions", "Annals", "Letters", "Quarterly", "Research",
                          "Medicine", "Science", "J", "Rev", "Proc", "Med", "Sci", "Ther",
                          "Assoc", "Acta", "Archives", "Arch", "Clinics", "Clin"});
}
}  // namespace internal

Reference ParseReference(std::string_view entry) {
  Reference r;
  r.raw = std::string(entry);
  std::string s = internal::CollapseSpace(entry);
  s.erase(0, SkipNumbering(s));
  for (std::string_view prefix : std::initializer_list<std::string_view>{
           "Please cite this article as:", "Please cite this article as",
           "Cite this article as:", "How to cite:", "Cite as:", "Source:", "Citation:"}) {
    size_t n = prefix.size();
    if (s.size() > n && internal::EqualsAsciiNoCase(std::string_view(s).substr(0, n), prefix)) {
      s = std::string(Trim(std::string_view(s).substr(n)));
      break;
    }
  }
  internal::ExtractIdentifiers(&s, &r);
  s = internal::CollapseSpace(s);
  while (!s.empty() && (s.back() == ' ' || s.back() == '*' || s.back() == ',' ||
                        s.back() == ';'))
    s.pop_back();
  if (s.size() >= 4 && s.compare(s.size() - 3, 3, "\xE2\x80\xA0") == 0) s.resize(s.size() - 3);
  s = std::string(Trim(s, ".,;* "));

  Span year{};
  r.year = internal::FindYear(s, &year);
  size_t year_begin = year.empty() ? std::string::npos : year.begin;

  // A bare source line: "Int J Sports Phys Ther ; 16(3): 651-661, 2021".
  size_t head_end = s.find_first_of(";(0123456789");
  if (head_end != std::string::npos && head_end > 0) {
    std::string_view head = Trim(std::string_view(s).substr(0, head_end), " ,");
    if (head.find('.') == std::string_view::npos && head.find(',') == std::string_view::npos &&
        internal::LooksJournalName(head) && !LooksOrganisation(head)) {
      r.container = std::string(head);
      std::string tail = s.substr(head_end);
      if (!year.empty() && year.begin >= head_end)
        for (size_t i = year.begin - head_end; i < year.end - head_end; ++i) tail[i] = ' ';
      internal::ParseLocator(tail, &r);
      return r;
    }
  }

  // "———." / "---." stands for the previous entry's authors, which this
  // entry alone cannot name.
  size_t start = 0;
  {
    size_t k = 0;
    if (s.compare(0, 2, "\xC2\xB7") == 0) k = 2;  // a leading middle dot
    while (k < s.size() && s[k] == ' ') ++k;
    size_t d = k;
    while (d < s.size() && (s[d] == '-' || s[d] == '_' || s.compare(d, 3, "\xE2\x80\x94") == 0 ||
                            s.compare(d, 3, "\xE2\x80\x93") == 0))
      d += (s[d] == '-' || s[d] == '_') ? 1 : 3;
    if (d >= k + 2) start = SkipSeparators(s, d);
  }
  size_t p = internal::ScanAuthors(s, start, &r.authors, &r.et_al);
  if (p == start && start > 0) p = start;
  if (r.authors.empty() && start == 0) {
    // Organisation or collective author: "UNHCR, 2015.", "Harvard Health
    // Publishing Harvard Medical School. Title".
    size_t seg = s.find(". ");
    size_t qlen;
    std::string close;
    size_t quote = std::string::npos;
    for (size_t i = 0; i < s.size(); ++i)
      if (IsOpenQuote(s, i, &qlen, &close)) {
        quote = i;
        break;
      }
    size_t end = std::min({seg, quote, year_begin, s.size()});
    std::string_view head = Trim(std::string_view(s).substr(0, end), ".,;:(");
    size_t words = std::count(head.begin(), head.end(), ' ') + 1;
    bool org = !head.empty() && words <= 8 && internal::IsUpperAt(head, 0) &&
               LooksLikeName(head) &&
               (end == year_begin || LooksOrganisation(head) ||
                std::all_of(head.begin(), head.end(),
                            [](char c) { return !(c >= 'a' && c <= 'z'); })) &&
               end < s.size();
    if (org) {
      r.authors.push_back({std::string(head), ""});
      p = head.data() + head.size() - s.data();
    }
  }
  p = SkipSeparators(s, p);
  p = SkipEditorMark(s, p);
  if (!year.empty() && year.begin >= p && year.begin <= p + 2) {
    p = SkipSeparators(s, year.end);
    p = SkipEditorMark(s, p);
  }

  // No title: authors followed straight by an abbreviated journal and numbers.
  if (!r.authors.empty() && p < s.size()) {
    size_t d = p;
    while (d < s.size() && !IsDigit(s[d]) && s[d] != '(' && s[d] != ';') ++d;
    if (d < s.size() && AbbreviatedJournal(std::string_view(s).substr(p, d - p))) {
      r.container = CleanField(std::string_view(s).substr(p, d - p));
      std::string tail = s.substr(d);
      if (!year.empty() && year.begin >= d)
        for (size_t i = year.begin - d; i < year.end - d; ++i) tail[i] = ' ';
      internal::ParseLocator(tail, &r);
      return r;
    }
  }

  // Title.
  size_t qlen;
  std::string close;
  size_t next = p;
  if (p < s.size() && IsOpenQuote(s, p, &qlen, &close)) {
    size_t c = s.find(close, p + qlen);
    if (close == "\xE2\x80\x9D") {  // a curly quote mistyped as its opener
      size_t alt = s.find("\xE2\x80\x9C", p + qlen);
      if (alt < c) c = alt;
    }
    if (c == std::string::npos) c = s.size();
    // A title with quoted words inside: keep the last closing quote before
    // the next field when two are present ("“A” and “B.”").
    r.title = StripQuotes(std::string_view(s).substr(p + qlen, c - p - qlen));
    next = std::min(s.size(), c + close.size());
  } else if (p < s.size()) {
    size_t limit = year_begin != std::string::npos && year_begin > p ? year_begin : s.size();
    size_t te = FindTitleEnd(s, p, limit, &next);
    r.title = std::string(Trim(std::string_view(s).substr(p, te - p), ",;: "));
  }

  // "2019 Apr 9;10:376": a date and locator, no title.
  if (!r.title.empty() && r.authors.empty()) {
    int words = 0;
    for (const std::string& w : internal::FoldWords(r.title))
      if (!IsDigit(w[0]) && !IsMonthWord(w) && w.size() > 1) ++words;
    if (words == 0) {
      std::string tail = r.title;
      r.title.clear();
      internal::ParseLocator(tail, &r);
    }
  }

  // Container.
  size_t c = SkipSeparators(s, next);
  if (c == year_begin) c = SkipSeparators(s, year.end);
  c = SkipInEditors(s, c);
  size_t ce = FindContainerEnd(s, c, year_begin);
  std::string container = c < s.size() ? CleanField(std::string_view(s).substr(c, ce - c)) : "";
  // Book "Place: Publisher" or a publisher name is not a container.
  size_t colon = container.find(": ");
  bool place_publisher = colon != std::string::npos && colon < 30 &&
                         std::count(container.begin(), container.begin() + colon, ' ') <= 2 &&
                         !internal::LooksJournalName(container);
  if (place_publisher) {
    r.publisher = container.substr(colon + 2);
    container.clear();
  } else if (LooksPublisher(container) && !internal::LooksJournalName(container)) {
    r.publisher = container;
    container.clear();
  } else if (!container.empty() && container.back() == ')' && container.find('(') == std::string::npos) {
    container.pop_back();
  }
  r.container = std::move(container);

  // Locator from what follows the container, the year blanked out.
  if (ce < s.size()) {
    std::string tail = s.substr(ce);
    if (!year.empty() && year.end > ce) {
      size_t b = year.begin > ce ? year.begin - ce : 0;
      for (size_t i = b; i < year.end - ce && i < tail.size(); ++i) tail[i] = ' ';
    }
    internal::ParseLocator(tail, &r);
  }

  // Bare web reference: "Author. Organisation. Title." — the organisation
  // segment is the site, the other the title.
  if (r.year == 0 && r.volume.empty() && r.pages.empty() && !r.container.empty() &&
      LooksOrganisation(r.title) && !LooksOrganisation(r.container) &&
      !internal::LooksJournalName(r.container)) {
    std::swap(r.title, r.container);
  }
  return r;
}

}  // namespace citations
