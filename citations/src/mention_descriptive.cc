// Descriptive mentions ("A 2019 review published in the Journal of Sport
// Rehabilitation", "a cadaver study from the University of Vermont") and
// quoted experts ("Professor Roger Kerry ... told the Huffington Post").
#include <algorithm>
#include <memory>
#include <string>
#include <unordered_map>

#include "mention_internal.h"
#include "text_util.h"

namespace citations::internal {
namespace {

bool IsWordChar(std::string_view s, size_t i, size_t* len) {
  if (i < s.size() && IsAsciiByte(s[i])) {
    *len = 1;
    char c = s[i];
    return c == '-' || c == '\'' || c == '&' || AsciiIs(c, kAsciiAlpha | kAsciiDigit);
  }
  int32_t c = CodePointAt(s, i, len);
  return c == 0x2019 || IsLetterAt(s, i);
}

bool In(std::string_view w, std::initializer_list<std::string_view> list) {
  for (std::string_view x : list)
    if (w == x) return true;
  return false;
}

// Whether AsciiLower(w) is one of the (lower-case) words in `list`.
bool InNoCase(std::string_view w, std::initializer_list<std::string_view> list) {
  for (std::string_view x : list)
    if (EqualsAsciiNoCase(w, x)) return true;
  return false;
}

// The sentences of a text, split on first use: most texts hold no trigger.
class LazySentences {
 public:
  explicit LazySentences(std::string_view text) : text_(text) {}
  const std::vector<std::pair<size_t, size_t>>& get() {
    if (!done_) {
      ss_ = SplitSentences(text_);
      done_ = true;
    }
    return ss_;
  }

 private:
  std::string_view text_;
  bool done_ = false;
  std::vector<std::pair<size_t, size_t>> ss_;
};

bool IsAffiliation(std::string_view run) {
  for (std::string_view k : {"University", "College", "Institute", "Hospital", "School",
                        "Centre", "Center", "Clinic", "Laboratory", "Lab", "Academy",
                        "Foundation", "Department"})
    if (run.find(k) != std::string_view::npos) return true;
  return false;
}

// The sentence [b, e) holding byte `pos`.
std::pair<size_t, size_t> SentenceOf(const std::vector<std::pair<size_t, size_t>>& ss,
                                     size_t pos) {
  if (ss.empty()) return {0, 0};
  // Sentences are sorted and contiguous: the last one starting at or before pos.
  auto it = std::upper_bound(ss.begin(), ss.end(), pos,
                             [](size_t p, const std::pair<size_t, size_t>& s) { return p < s.first; });
  return it == ss.begin() ? ss.front() : *(it - 1);
}

size_t SkipSpaces(std::string_view t, size_t p) {
  while (p < t.size() && t[p] == ' ') ++p;
  return p;
}

// After a study phrase: "published in (the) V", "in (the) V", "from (the) A",
// "at (the) A", "by (the) University of X". Returns the run's span.
bool ReadVenueAfter(std::string_view text, size_t pos, size_t limit, size_t* vb, size_t* ve) {
  std::vector<TextWord> ws = SplitWords(text.substr(pos, std::min(limit, pos + 80) - pos));
  size_t i = 0;
  if (i < ws.size() && In(ws[i].text, {"recently", "just", "newly"})) ++i;
  if (i < ws.size() && In(ws[i].text, {"published", "appearing", "appeared", "conducted",
                                       "carried", "run", "done", "led"}))
    ++i;
  if (i < ws.size() && ws[i].text == "out") ++i;
  if (i >= ws.size() || !In(ws[i].text, {"in", "from", "at", "by", "of"})) return false;
  size_t p = pos + ws[i].end;
  // only spaces between the phrase and the preposition
  for (size_t k = pos; k < pos + ws[0].begin; ++k)
    if (text[k] != ' ' && text[k] != ',') return false;
  p = SkipSpaces(text, p);
  if (StartsWordAt(text, p, "the")) p = SkipSpaces(text, p + 3);
  size_t e = ReadProperRun(text, p);
  if (e == p) return false;
  *vb = p;
  *ve = e;
  return true;
}

}  // namespace

std::vector<TextWord> SplitWords(std::string_view text) {
  std::vector<TextWord> out;
  out.reserve(text.size() / 6 + 1);
  size_t i = 0;
  while (i < text.size()) {
    size_t len;
    if (!IsWordChar(text, i, &len) || text[i] == '-' || text[i] == '\'') {
      i += len;
      continue;
    }
    size_t b = i;
    if (text[i] == '&') {
      out.push_back({b, i + 1, text.substr(b, 1)});
      ++i;
      continue;
    }
    while (i < text.size() && IsWordChar(text, i, &len) && text[i] != '&') i += len;
    size_t e = i;
    while (e > b && (text[e - 1] == '-' || text[e - 1] == '\'')) --e;
    out.push_back({b, e, text.substr(b, e - b)});
  }
  return out;
}

std::vector<std::pair<size_t, size_t>> SplitSentences(std::string_view text) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t b = 0;
  for (size_t i = 0; i + 2 < text.size(); ++i) {
    char c = text[i];
    if (c != '.' && c != '?' && c != '!') continue;
    if (text[i + 1] != ' ' && text[i + 1] != '\n') continue;
    size_t n = i + 2;
    while (n < text.size() && (text[n] == ' ' || text[n] == '\n')) ++n;
    if (n >= text.size() || !(IsUpperAt(text, n) || text[n] == '"' ||
                              static_cast<unsigned char>(text[n]) == 0xE2))
      continue;
    if (c == '.') {
      size_t w = i;
      while (w > 0 && IsLetterAt(text, w - 1)) --w;
      std::string_view word = text.substr(w, i - w);
      if (word.size() <= 1 || In(word, {"al", "Dr", "Prof", "Mr", "Mrs", "Ms", "St", "vs",
                                        "e.g", "i.e", "Fig", "No", "Vol", "Jr"}))
        continue;
    }
    out.push_back({b, i + 1});
    b = n;
  }
  out.push_back({b, text.size()});
  return out;
}

bool IsNameToken(std::string_view w) {
  if (w.size() < 2 || !IsUpperAt(w, 0)) return false;
  static constexpr std::string_view kNot[] = {
      "The",      "A",         "An",       "In",          "On",         "At",         "This",
      "These",    "That",      "Those",    "It",          "Its",        "Study",      "Studies",
      "Research", "Review",    "Reviews",  "However",     "Also",       "And",        "But",
      "Table",    "Figure",    "Fig",      "Journal",     "Another",    "One",        "Some",
      "Many",     "Most",      "Our",      "We",          "They",       "He",         "She",
      "His",      "Her",       "Their",    "As",          "If",         "When",       "While",
      "For",      "From",      "By",       "With",        "To",         "Of",         "Per",
      "See",      "According", "Recent",   "Researchers", "Scientists", "Experts",    "Evidence",
      "Results",  "Data",      "Trial",    "Meta",        "Systematic", "Professor",  "Dr",
      "Doctor",   "Prof",      "Sources",  "Source",      "References", "Note",       "So",
      "Then",     "Yet",       "Although", "After",       "Before",     "During",     "Because",
      "Since",    "Why",       "What",     "How",         "Who",        "Where",      "Is",
      "Are",      "Was",       "Were",     "Foam",        "Rolling",    "Stretching", "Phase",
      "Step",     "Part",      "Chapter",  "Section",     "Appendix",   "Level",      "Type",
      "Group",    "Day",       "Week",     "Year",        "Monday",     "Tuesday",    "Wednesday",
      "Thursday", "Friday",    "Saturday", "Sunday",      "January",    "February",   "March",
      "April",    "May",       "June",     "July",        "August",     "September",  "October",
      "November", "December",  "I",        "You",         "My",         "Your",       "Yes",
      "No",       "Not",       "All",      "Both",        "Each",       "Every",      "Other",
      "Previous", "Earlier",   "Later",    "Further",     "Several",    "Two",        "Three",
      "Such",     "Here",      "There",    "Thus",        "Hence",      "Therefore"};
  for (std::string_view n : kNot)
    if (w == n) return false;
  // No digits (bytes of multi-byte code points are never ASCII digits).
  for (char c : w)
    if (IsDigit(c)) return false;
  return true;
}

int ParseYearToken(std::string_view w) {
  if (w.size() < 4 || w.size() > 5) return 0;
  for (size_t i = 0; i < 4; ++i)
    if (!IsDigit(w[i])) return 0;
  if (w.size() == 5 && !(w[4] >= 'a' && w[4] <= 'z')) return 0;
  int y = (w[0] - '0') * 1000 + (w[1] - '0') * 100 + (w[2] - '0') * 10 + (w[3] - '0');
  return y >= 1900 && y <= 2099 ? y : 0;
}

size_t ReadProperRun(std::string_view text, size_t pos) {
  std::vector<TextWord> ws = SplitWords(text.substr(pos, std::min(text.size() - pos, size_t{160})));
  size_t end = pos;
  size_t last_proper = 0;
  bool any = false;
  for (size_t i = 0; i < ws.size(); ++i) {
    // words must be separated by spaces only
    if (i > 0) {
      std::string_view gap = text.substr(pos + ws[i - 1].end, ws[i].begin - ws[i - 1].end);
      if (gap != " ") break;
    } else if (ws[i].begin != 0) {
      break;
    }
    std::string_view w = ws[i].text;
    bool proper = IsUpperAt(w, 0) && !In(w, {"I"});
    bool inner = In(w, {"of", "and", "&", "in", "for", "on", "the", "de", "du", "des", "la"});
    if (!proper && !inner) break;
    if (proper) {
      any = true;
      last_proper = i;
      end = pos + ws[i].end;
    } else if (!any) {
      break;
    }
    (void)last_proper;
  }
  return any ? end : pos;
}

namespace {

// A cue table compiled for matching: each cue's folded words, indexed by the
// first word. Matching " " + FoldKey(cue) + " " inside " " + FoldKey(phrase)
// + " " is the same as finding the cue's words as a run of the phrase's
// folded words, which is what Match does.
class CompiledCues {
 public:
  explicit CompiledCues(const std::vector<StudyTypeCue>& cues) : source_(cues) {
    for (size_t g = 0; g < cues.size(); ++g) {
      for (const std::string& c : cues[g].cues) {
        std::vector<std::string> words = FoldWords(c);
        if (words.empty()) continue;  // folds to nothing: never matches
        keys_.push_back({g, std::move(words)});
      }
    }
    // Indexed once keys_ stops growing: the map's keys view its strings.
    for (size_t k = 0; k < keys_.size(); ++k) by_first_[keys_[k].words.front()].push_back(k);
  }

  bool SameSource(const std::vector<StudyTypeCue>& cues) const {
    if (cues.size() != source_.size()) return false;
    for (size_t g = 0; g < cues.size(); ++g)
      if (cues[g].level != source_[g].level || cues[g].type != source_[g].type ||
          cues[g].cues != source_[g].cues)
        return false;
    return true;
  }

  // The matching group of lowest level (the first such in table order).
  bool Match(std::string_view folded, std::string* type, int* level) const {
    words_.clear();
    for (size_t p = 0; p < folded.size();) {
      size_t e = folded.find(' ', p);
      if (e == std::string_view::npos) e = folded.size();
      words_.push_back(folded.substr(p, e - p));
      p = e + 1;
    }
    int best = -1;
    for (size_t i = 0; i < words_.size(); ++i) {
      auto it = by_first_.find(words_[i]);
      if (it == by_first_.end()) continue;
      for (size_t k : it->second) {
        const Key& key = keys_[k];
        if (best >= 0 && (source_[key.group].level > source_[best].level ||
                          (source_[key.group].level == source_[best].level &&
                           key.group >= static_cast<size_t>(best))))
          continue;
        if (i + key.words.size() > words_.size()) continue;
        bool all = true;
        for (size_t w = 1; w < key.words.size() && all; ++w) all = words_[i + w] == key.words[w];
        if (all) best = static_cast<int>(key.group);
      }
    }
    if (best < 0) return false;
    *type = source_[best].type;
    *level = source_[best].level;
    return true;
  }

 private:
  struct Key {
    size_t group;
    std::vector<std::string> words;
  };
  std::vector<StudyTypeCue> source_;
  std::vector<Key> keys_;
  std::unordered_map<std::string_view, std::vector<size_t>> by_first_;
  mutable std::vector<std::string_view> words_;  // scratch; the table is per thread
};

// Cue tables are reused for every reference and mention: each thread compiles
// the table it was last given once, and recompiles when given another.
const CompiledCues& CompiledFor(const std::vector<StudyTypeCue>& cues) {
  thread_local std::unique_ptr<CompiledCues> cache;
  if (!cache || !cache->SameSource(cues)) cache = std::make_unique<CompiledCues>(cues);
  return *cache;
}

}  // namespace

bool MatchFoldedCues(std::string_view folded, const std::vector<StudyTypeCue>& cues,
                     std::string* type, int* level) {
  return CompiledFor(cues).Match(folded, type, level);
}

bool MatchCues(std::string_view phrase, const std::vector<StudyTypeCue>& cues,
               std::string* type, int* level) {
  return MatchFoldedCues(FoldKey(phrase), cues, type, level);
}

void FindDescriptive(std::string_view text, const std::vector<TextWord>& ws,
                     const std::vector<StudyTypeCue>& cues, std::vector<InTextMention>* out) {
  LazySentences sentences(text);
  for (size_t i = 0; i < ws.size(); ++i) {
    if (!InNoCase(ws[i].text, {"a", "an", "one", "this", "another", "the", "that"})) continue;
    int year = 0;
    size_t head = 0;
    for (size_t j = i + 1; j < ws.size() && j <= i + 6; ++j) {
      // no punctuation inside the noun phrase
      std::string_view gap = text.substr(ws[j - 1].end, ws[j].begin - ws[j - 1].end);
      if (gap != " ") break;
      std::string_view w = ws[j].text;
      if (int y = ParseYearToken(w); y && w.size() == 4) {
        year = y;
        continue;
      }
      if (InNoCase(w, {"study", "review", "trial", "meta-analysis", "analysis", "paper",
                 "report", "experiment", "investigation", "survey"})) {
        head = j;
        break;
      }
      if (InNoCase(w, {"in", "of", "by", "from", "that", "which", "was", "is", "and", "to", "for",
                 "with", "on", "at", "the", "a"}))
        break;
    }
    if (!head) continue;
    auto [sb, se] = SentenceOf(sentences.get(), ws[i].begin);
    InTextMention m;
    m.kind = MentionKind::kDescriptive;
    m.begin = ws[i].begin;
    m.end = ws[head].end;
    m.year = year;
    std::string phrase(text.substr(ws[i].begin, ws[head].end - ws[i].begin));
    size_t p = m.end;
    // ", “Title”" directly after the noun phrase.
    size_t q = p;
    while (q < se && (text[q] == ',' || text[q] == ' ')) ++q;
    if (text.compare(q, 3, "\xE2\x80\x9C") == 0 || (q < se && text[q] == '"')) {
      size_t ql = text[q] == '"' ? 1 : 3;
      size_t c = text[q] == '"' ? text.find('"', q + 1) : text.find("\xE2\x80\x9D", q + 3);
      if (c != std::string_view::npos && c < se && c - q < 400) {
        m.title = std::string(Trim(text.substr(q + ql, c - q - ql), ".,"));
        p = c + (text[q] == '"' ? 1 : 3);
        m.end = p;
      }
    }
    // "by Pepper et al." / "by Hall & Smith"
    q = SkipSpaces(text, p);
    if (q < se && text[q] == ',') q = SkipSpaces(text, q + 1);
    if (StartsWordAt(text, q, "by")) {
      std::vector<TextWord> after = SplitWords(text.substr(q + 2, std::min(se, q + 120) - q - 2));
      size_t k = 0;
      std::vector<std::string> authors;
      size_t aend = 0;
      while (k < after.size() && IsNameToken(after[k].text) &&
             !IsAffiliation(after[k].text)) {
        authors.emplace_back(after[k].text);
        aend = after[k].end;
        ++k;
        if (k + 1 < after.size() && (after[k].text == "and" || after[k].text == "&")) {
          ++k;
          continue;
        }
        if (k + 1 < after.size() && after[k].text == "et" && after[k + 1].text == "al") {
          m.et_al = true;
          aend = after[k + 1].end;
          if (q + 2 + aend < text.size() && text[q + 2 + aend] == '.') ++aend;
        }
        break;
      }
      if (!authors.empty()) {
        m.authors = authors;
        p = q + 2 + aend;
        m.end = p;
      }
    }
    size_t vb, ve;
    if (ReadVenueAfter(text, p, se, &vb, &ve)) {
      std::string run(text.substr(vb, ve - vb));
      if (IsAffiliation(run)) m.affiliation = run;
      else m.venue = run;
      m.end = ve;
    }
    if (!MatchCues(phrase + " " + m.title, cues, &m.study_type, &m.level)) {
      if (EqualsAsciiNoCase(ws[head].text, "review")) {
        m.study_type = "narrative_review";
        m.level = 4;
      }
    }
    bool vague = year == 0 && m.venue.empty() && m.affiliation.empty() && m.title.empty();
    if (vague && m.authors.empty()) continue;
    if (vague) m.kind = MentionKind::kAuthorOnly;
    m.text = std::string(text.substr(m.begin, m.end - m.begin));
    out->push_back(std::move(m));
    i = head;
  }
}

void FindExperts(std::string_view text, const std::vector<TextWord>& ws,
                 std::vector<InTextMention>* out) {
  LazySentences sentences(text);
  std::vector<std::string> seen;
  for (size_t i = 0; i < ws.size(); ++i) {
    std::string_view w = ws[i].text;
    size_t name_from = 0, person_begin = 0;
    bool titled = In(w, {"Professor", "Prof", "Dr", "Doctor"});
    if (titled) {
      name_from = i + 1;
      person_begin = ws[i].begin;
    } else if ((EqualsAsciiNoCase(w, "author") || In(w, {"researcher", "physiotherapist",
                                                    "physician", "surgeon", "scientist",
                                                    "coach", "trainer", "therapist"})) &&
               i + 1 < ws.size() && IsNameToken(ws[i + 1].text)) {
      name_from = i + 1;
      person_begin = ws[i + 1].begin;
    } else {
      continue;
    }
    size_t k = name_from;
    while (k < ws.size() && k < name_from + 3 && IsNameToken(ws[k].text)) {
      if (k > name_from && text.substr(ws[k - 1].end, ws[k].begin - ws[k - 1].end) != " " &&
          text.substr(ws[k - 1].end, ws[k].begin - ws[k - 1].end) != ". ")
        break;
      ++k;
    }
    if (k == name_from || (!titled && k - name_from < 2)) continue;
    size_t person_end = ws[k - 1].end;
    auto [sb, se] = SentenceOf(sentences.get(), ws[i].begin);
    std::string sentence = AsciiLower(text.substr(sb, se - sb));
    bool speaks = false;
    for (std::string_view v : std::initializer_list<std::string_view>{
             "said",       "says",      "stated",   "states",       "told",   "tells",
             "explain",    "talked",    "talks",    "noted",        "notes",  "according to",
             "speaking",   "commented", "added",    "warned",       "argues", "argued",
             "recommends", "believes",  "suggests", "\xE2\x80\x9C", "\""})
      if (sentence.find(v) != std::string::npos) speaks = true;
    if (!speaks) continue;
    std::string person(text.substr(person_begin, person_end - person_begin));
    if (std::find(seen.begin(), seen.end(), person) != seen.end()) continue;
    seen.push_back(person);
    InTextMention m;
    m.kind = MentionKind::kExpert;
    m.begin = person_begin;
    m.end = person_end;
    m.person = person;
    // "told the Huffington Post", "to the Huffington Post", "with Runner's World"
    for (std::string_view cue : std::initializer_list<std::string_view>{
             " told the ", " to the ", " told ", " with the ", " in the ", " speaking to "}) {
      if (person_end >= se) break;
      size_t c = text.substr(0, se).find(cue, person_end);
      if (c == std::string_view::npos) continue;
      size_t vb = c + cue.size();
      size_t ve = ReadProperRun(text, vb);
      if (ve > vb) {
        m.venue = std::string(text.substr(vb, ve - vb));
        m.end = ve;
        break;
      }
    }
    m.study_type = "expert_opinion";
    m.level = 5;
    m.text = std::string(text.substr(m.begin, m.end - m.begin));
    out->push_back(std::move(m));
    i = k - 1;
  }
}

}  // namespace citations::internal
