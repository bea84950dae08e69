// Reads the author list at the head of a reference entry. Four name shapes
// are recognised: "Family, G. N." (APA, Harvard), "G. N. Family" (IEEE),
// "Family GN" (Vancouver) and "Given Family" (only where the list style makes
// it unambiguous: after "and", or in a list that began that way).
#include <algorithm>
#include <string>

#include "reference_internal.h"
#include "text_util.h"

namespace citations::internal {
namespace {

struct Word {
  size_t begin, end;      // whole token in the entry
  std::string core;       // without trailing , . ; : and a leading (
  char trail = 0;         // last punctuation removed (',' '.' ';' ':'), or 0
  bool period_inside = false;
};

std::vector<Word> Words(std::string_view s, size_t pos, size_t max_words) {
  std::vector<Word> out;
  out.reserve(std::min(max_words, s.size() / 4 + 1));
  size_t i = pos;
  while (i < s.size() && out.size() < max_words) {
    while (i < s.size() && s[i] == ' ') ++i;
    if (i >= s.size()) break;
    size_t b = i;
    while (i < s.size() && s[i] != ' ') ++i;
    Word w{b, i, std::string(s.substr(b, i - b))};
    while (!w.core.empty() && (w.core.back() == ',' || w.core.back() == '.' ||
                               w.core.back() == ';' || w.core.back() == ':')) {
      if (w.trail == 0 || w.core.back() != '.') w.trail = w.core.back();
      if (w.core.back() == '.' && w.trail != '.') w.period_inside = true;
      w.core.pop_back();
    }
    w.period_inside = w.core.find('.') != std::string::npos || w.trail == '.' ||
                      w.period_inside;
    out.push_back(std::move(w));
  }
  return out;
}

bool IsParticle(std::string_view w) {
  static constexpr std::string_view kParticles[] = {
      "van", "von", "de",  "der", "den", "da",  "di", "du", "del", "della", "la",
      "le",  "dos", "das", "ten", "ter", "bin", "al", "el", "st",  "zu",    "y"};
  for (std::string_view p : kParticles)
    if (w == p) return true;
  return false;
}

// "S.W", "G.E.P", "PV", "Y.-N", "M", "K.P" — 1 to 4 capitals with optional
// dots and hyphens. `strict` demands a dot or a single capital.
bool IsInitials(const Word& w, bool strict) {
  int caps = 0;
  for (size_t i = 0; i < w.core.size();) {
    size_t len;
    if (IsUpperAt(w.core, i)) {
      ++caps;
    } else if (w.core[i] != '.' && w.core[i] != '-') {
      return false;
    }
    CodePointAt(w.core, i, &len);
    i += len;
  }
  if (caps < 1 || caps > 4) return false;
  if (strict) return caps == 1 || w.period_inside;
  return caps <= 3 || w.period_inside;
}

bool IsStopWord(std::string_view w) {
  static constexpr std::string_view kStop[] = {
      "The",       "A",         "An",         "In",      "On",          "Of",     "For",
      "And",       "To",        "How",        "What",    "Why",         "When",   "Is",
      "Are",       "Do",        "Does",       "Should",  "Can",         "Effect", "Effects",
      "Available", "Retrieved", "Accessed",   "Journal", "Proceedings", "By",     "See",
      "Source",    "Sources",   "References", "Please",  "Thank"};
  for (std::string_view p : kStop)
    if (w == p) return true;
  return false;
}

// A capitalised name word: "Cheatham", "Bradbury-Squires", "O'Brien",
// "ARNOLDSON", "Stöggl". Single letters are initials, not names.
bool IsNameWord(const Word& w) {
  if (w.core.empty() || w.core.front() == '(' || IsStopWord(w.core)) return false;
  if (!IsUpperAt(w.core, 0)) return false;
  int letters = 0;
  for (size_t i = 0; i < w.core.size();) {
    size_t len;
    if (IsLetterAt(w.core, i)) ++letters;
    else if (w.core[i] != '-' && w.core[i] != '\'' &&
             w.core.compare(i, 3, "\xE2\x80\x99") != 0)
      return false;
    CodePointAt(w.core, i, &len);
    i += len;
  }
  if (letters < 2) return false;
  if (w.core.find('.') != std::string::npos) return false;
  // "ML", "KJ", "DR": Vancouver initials, not a family name.
  if (letters <= 3 && IsInitials(w, false)) return false;
  return true;
}

bool IsConnector(const Word& w) {
  return w.core == "and" || w.core == "&" || w.core == "und" || w.core == "et" ||
         w.core == "y" || w.core == "e";
}

bool IsEtAl(const std::vector<Word>& ws, size_t i, size_t* next) {
  if (i < ws.size() && (ws[i].core == "et" || ws[i].core == "etal") && i + 1 < ws.size() &&
      (ws[i + 1].core == "al" || ws[i + 1].core.rfind("al", 0) == 0) && ws[i + 1].core.size() <= 3) {
    *next = i + 2;
    return true;
  }
  if (i < ws.size() && (ws[i].core == "etal" || ws[i].core == "others" || ws[i].core == "…" ||
                        ws[i].core == "...")) {
    *next = i + 1;
    return true;
  }
  return false;
}

std::string Join(std::string_view s, const std::vector<Word>& ws, size_t a, size_t b) {
  if (a >= b) return "";
  std::string out(Trim(s.substr(ws[a].begin, ws[b - 1].end - ws[a].begin), ",;:"));
  // drop one trailing period of an abbreviation-free family name
  if (!out.empty() && out.back() == '.' && b - a == 1 && ws[a].core.size() > 1 &&
      !IsInitials(ws[a], false))
    out.pop_back();
  return out;
}

enum class Shape { kNone, kFamilyComma, kInitialsFirst, kFamilyInitials, kGivenFamily };

struct Unit {
  Shape shape = Shape::kNone;
  size_t next = 0;  // word index after the unit
  Name name;
};

// Family name words from i: particles and capitalised words, stopping after a
// word with trailing punctuation. Returns the index after them.
size_t FamilyWords(const std::vector<Word>& ws, size_t i, size_t max_words) {
  size_t j = i;
  while (j < ws.size() && j - i < max_words) {
    if (IsParticle(ws[j].core) && ws[j].trail == 0) {
      ++j;
      continue;
    }
    if (!IsNameWord(ws[j])) break;
    ++j;
    if (ws[j - 1].trail != 0) break;
  }
  // must end on a real name word
  while (j > i && IsParticle(ws[j - 1].core)) --j;
  return j;
}

Unit ReadUnit(std::string_view s, const std::vector<Word>& ws, size_t i, Shape style,
              bool after_connector) {
  Unit u;
  if (i >= ws.size()) return u;
  // "G. N. Family" / "Gesine H. Seeber"
  if (IsInitials(ws[i], true) && ws[i].trail != ',') {
    size_t j = i;
    while (j < ws.size() && IsInitials(ws[j], true) && ws[j].trail != ',' && j - i < 4) ++j;
    size_t k = FamilyWords(ws, j, 3);
    // "Skinner, B., A SYSTEMATIC REVIEW": a capitalised title after a list
    // of "Family, I." names is not an "I. Family" author.
    bool shouting = k > j && style == Shape::kFamilyComma &&
                    std::all_of(ws[j].core.begin(), ws[j].core.end(),
                                [](char c) { return !(c >= 'a' && c <= 'z'); });
    if (k > j && !shouting) {
      u.shape = Shape::kInitialsFirst;
      u.name = {Join(s, ws, j, k), Join(s, ws, i, j)};
      u.next = k;
      return u;
    }
    return u;
  }
  // "Family, Given" — family words of which the last carries the comma.
  size_t f = FamilyWords(ws, i, 4);
  if (f > i && ws[f - 1].trail == ',' && f < ws.size() && style != Shape::kFamilyInitials &&
      style != Shape::kInitialsFirst && !(style == Shape::kGivenFamily && !after_connector)) {
    size_t j = f;
    while (j < ws.size() && j - f < 4 && IsInitials(ws[j], false) &&
           (ws[j].period_inside || ws[j].trail == ',' || ws[j].core.size() <= 3)) {
      ++j;
      if (ws[j - 1].trail == ',' || ws[j - 1].trail == ';') break;
    }
    bool ended = j > f && (ws[j - 1].trail == ',' || ws[j - 1].trail == ';');
    // One full given name ("Poole, David (1988)", "Pate, C. Marvin.").
    if (!ended && j < ws.size() && j - f < 3 && IsNameWord(ws[j]) &&
        !IsParticle(ws[j].core)) {
      bool closes = ws[j].trail != 0 || j + 1 >= ws.size() ||
                    IsConnector(ws[j + 1]) || ws[j + 1].core.front() == '(' ||
                    IsInitials(ws[j + 1], true);
      // "Modahl, C. Green, L.": "Green," opens the next name.
      if (j > f && ws[j].trail == ',' && j + 1 < ws.size() && IsInitials(ws[j + 1], false))
        closes = false;
      if (closes) {
        ++j;
        while (j < ws.size() && ws[j - 1].trail != ',' && ws[j - 1].trail != ';' &&
               IsInitials(ws[j], true) && j - f < 5)
          ++j;
      }
    }
    if (j > f) {
      u.shape = Shape::kFamilyComma;
      u.name = {Join(s, ws, i, f), Join(s, ws, f, j)};
      u.next = j;
      return u;
    }
  }
  // "Family GN" (Vancouver).
  f = FamilyWords(ws, i, 3);
  if (f > i && ws[f - 1].trail == 0 && f < ws.size() && IsInitials(ws[f], false) &&
      style != Shape::kFamilyComma && style != Shape::kInitialsFirst) {
    // "Gesine H. Seeber," is given-initial-family, not Vancouver.
    bool given_first = f == i + 1 && (ws[f].trail == 0 || ws[f].trail == '.') &&
                       f + 1 < ws.size() &&
                       IsNameWord(ws[f + 1]) && ws[f + 1].trail == ',';
    if (given_first) {
      u.shape = Shape::kInitialsFirst;
      u.name = {Join(s, ws, f + 1, f + 2), Join(s, ws, i, f + 1)};
      u.next = f + 2;
      return u;
    }
    u.shape = Shape::kFamilyInitials;
    u.name = {Join(s, ws, i, f), std::string(Trim(ws[f].core, "."))};
    u.next = f + 1;
    return u;
  }
  // "Given Family": at the start of the list or after "and".
  if (style == Shape::kNone || style == Shape::kGivenFamily || after_connector) {
    size_t k = FamilyWords(ws, i, 4);
    if (k >= i + 2 && k - i <= 3 &&
        (ws[k - 1].trail == ',' || ws[k - 1].trail == '.' || ws[k - 1].trail == ':' ||
         (k < ws.size() && (IsConnector(ws[k]) || ws[k].core.front() == '(')))) {
      u.shape = Shape::kGivenFamily;
      u.name = {Join(s, ws, k - 1, k), Join(s, ws, i, k - 1)};
      u.next = k;
      return u;
    }
  }
  return u;
}

}  // namespace

size_t ScanAuthors(std::string_view s, size_t pos, std::vector<Name>* names, bool* et_al) {
  std::vector<Word> ws = Words(s, pos, 400);
  size_t i = 0;
  size_t end_byte = pos;
  Shape style = Shape::kNone;
  bool after_connector = false;
  std::vector<Name> found;
  while (i < ws.size()) {
    size_t n;
    if (!found.empty() && IsEtAl(ws, i, &n)) {
      *et_al = true;
      end_byte = ws[n - 1].end;
      i = n;
      if (i < ws.size() && IsConnector(ws[i])) continue;
      break;
    }
    if (!found.empty() && ws[i].core.empty() &&
        (s.substr(ws[i].begin, ws[i].end - ws[i].begin) == "..." ||
         s.substr(ws[i].begin, ws[i].end - ws[i].begin) == "\xE2\x80\xA6")) {
      ++i;  // an elided run of names: "Bradbury-Squires, D. J., ... and Button"
      continue;
    }
    if (!found.empty() && IsConnector(ws[i])) {
      after_connector = true;
      ++i;
      continue;
    }
    Unit u = ReadUnit(s, ws, i, style, after_connector);
    if (u.shape == Shape::kNone) break;
    // After a unit ending in ". " only a strongly shaped name continues the
    // list ("Langdon, R. Coltheart, M."); anything else starts the title.
    if (!found.empty() && !after_connector) {
      char prev = ws[i - 1].trail;
      bool separated = prev == ',' || prev == ';' || prev == '&';
      if (!separated && u.shape != Shape::kFamilyComma) break;
      if (u.shape == Shape::kGivenFamily && style != Shape::kGivenFamily) break;
    }
    if (style == Shape::kNone || u.shape != Shape::kGivenFamily) {
      if (style == Shape::kNone) style = u.shape;
    }
    if (u.name.given.empty() && u.name.family.empty()) break;
    found.push_back(u.name);
    end_byte = ws[u.next - 1].end;
    i = u.next;
    after_connector = false;
    if (ws[i - 1].trail == '.' && i < ws.size() && !IsConnector(ws[i]) &&
        u.shape == Shape::kFamilyInitials)
      break;  // Vancouver lists end with "Lee M."
  }
  for (Name& n : found) {
    n.family = std::string(Trim(n.family, ",;:"));
    n.given = std::string(Trim(n.given, ",;:"));
    names->push_back(std::move(n));
  }
  return found.empty() && !*et_al ? pos : end_byte;
}

}  // namespace citations::internal
