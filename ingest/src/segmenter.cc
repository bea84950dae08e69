// Sentence splitting in three steps:
//  1. ICU's sentence BreakIterator proposes boundaries; a second copy wrapped
//     by FilteredBreakIteratorBuilder with our suppressions gives the default
//     decision at each (kept if the filtered iterator keeps it).
//  2. A post-pass looks at the words either side of each proposal and
//     corrects what ICU cannot know: initials ("S.W.", "G. E. P."), journal
//     abbreviations ("J. Sports Sci. 2015"), ambiguous abbreviations ("et
//     al.", "Co.", "U.S.") that end a sentence only before a sentence-starting
//     word, "!"/"?" before a lower-case word ("Yahoo! in"), ellipses.
//  3. Boundaries ICU does not propose are added: before inline list markers
//     ("1.) a 2.) b", "a. x b. y", bullets) and at "end.Start" with no space.
// A line break is a hard boundary unless it only wraps a sentence (see
// SegmenterOptions).
#include "ingest/segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/utext.h>

#include <algorithm>
#include <array>
#include <string>

#include "abbreviations.h"

namespace ingest {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return IsUpper(c) || IsLower(c); }

// Quotes and brackets that may wrap a word: ASCII and the UTF-8 curly quotes.
size_t OpenerLength(std::string_view s) {
  if (s.empty()) return 0;
  if (s[0] == '"' || s[0] == '\'' || s[0] == '(' || s[0] == '[') return 1;
  if (s.size() >= 3 && s.substr(0, 2) == "\xE2\x80" &&
      (s[2] == '\x9C' || s[2] == '\x98')) {
    return 3;
  }
  return 0;
}
size_t CloserLength(std::string_view s) {
  if (s.empty()) return 0;
  char c = s.back();
  if (c == '"' || c == '\'' || c == ')' || c == ']') return 1;
  if (s.size() >= 3 && s.substr(s.size() - 3, 2) == "\xE2\x80" &&
      (c == '\x9D' || c == '\x99')) {
    return 3;
  }
  return 0;
}

// The last white-space-delimited token of text[0, end).
std::string_view TokenBefore(std::string_view text, size_t end) {
  while (end > 0 && IsSpace(text[end - 1])) --end;
  size_t begin = end;
  while (begin > 0 && !IsSpace(text[begin - 1])) --begin;
  return text.substr(begin, end - begin);
}
// The token before `token` (which lies inside `text`).
std::string_view TokenBeforeToken(std::string_view text, std::string_view token) {
  return TokenBefore(text, static_cast<size_t>(token.data() - text.data()));
}
// The first token of text[begin, ...).
std::string_view TokenAfter(std::string_view text, size_t begin) {
  while (begin < text.size() && IsSpace(text[begin])) ++begin;
  size_t end = begin;
  while (end < text.size() && !IsSpace(text[end])) ++end;
  return text.substr(begin, end - begin);
}

// `token` without leading openers.
std::string_view StripOpeners(std::string_view token) {
  while (size_t n = OpenerLength(token)) token.remove_prefix(n);
  return token;
}

// The word of `next` with openers and trailing punctuation removed.
std::string_view BareWord(std::string_view token) {
  token = StripOpeners(token);
  size_t n = 0;
  while (n < token.size() && (IsAlpha(token[n]) || token[n] == '\'')) ++n;
  return token.substr(0, n);
}

// "S.", "S.W.", "G.E.P.", "U.S.": capital letters each followed by a period.
bool IsInitials(std::string_view t) {
  if (t.size() < 2 || t.size() % 2 != 0) return false;
  for (size_t i = 0; i < t.size(); i += 2) {
    if (!IsUpper(t[i]) || t[i + 1] != '.') return false;
  }
  return true;
}

bool StartsWithLower(std::string_view token) {
  token = StripOpeners(token);
  return !token.empty() && IsLower(token[0]);
}

bool StartsWithDigit(std::string_view token) {
  token = StripOpeners(token);
  return !token.empty() && IsDigit(token[0]);
}

bool StartsWithUpper(std::string_view token) {
  token = StripOpeners(token);
  return !token.empty() && IsUpper(token[0]);
}

// Whether text[0, end) ends with a spaced ellipsis of `dots` periods
// (". . ." is 3) not preceded by another " .".
bool EndsWithSpacedDots(std::string_view text, size_t end, int dots, bool* attached) {
  while (end > 0 && IsSpace(text[end - 1])) --end;
  size_t i = end;
  for (int k = 0; k < dots; ++k) {
    if (i == 0 || text[i - 1] != '.') return false;
    --i;
    if (k + 1 < dots) {
      if (i == 0 || text[i - 1] != ' ') return false;
      --i;
    }
  }
  // text[i] is the first dot of the run.
  *attached = i > 0 && !IsSpace(text[i - 1]) && text[i - 1] != '.';
  if (i >= 2 && text[i - 1] == ' ' && text[i - 2] == '.') return false;
  return true;
}

// A list marker at text[pos]: "1.", "1.)", "1)", "a.", optionally after a
// bullet. Returns its length (without following space) and its ordinal.
size_t ListMarkerAt(std::string_view text, size_t pos, int* ordinal, bool* letter) {
  size_t i = pos;
  size_t digits = 0;
  int value = 0;
  while (i < text.size() && IsDigit(text[i]) && digits < 3) {
    value = value * 10 + (text[i] - '0');
    ++i;
    ++digits;
  }
  *letter = false;
  if (digits == 0) {
    if (i < text.size() && IsLower(text[i]) && i + 1 < text.size() && text[i + 1] == '.') {
      *letter = true;
      value = text[i] - 'a' + 1;
      ++i;
    } else {
      return 0;
    }
  }
  if (i < text.size() && text[i] == '.') {
    ++i;
    if (i < text.size() && text[i] == ')') ++i;
  } else if (!*letter && i < text.size() && text[i] == ')') {
    ++i;
  } else {
    return 0;
  }
  if (i >= text.size() || text[i] != ' ') return 0;
  *ordinal = value;
  return i - pos;
}

// Bullet glyphs that start list items even in the middle of a line.
size_t BulletAt(std::string_view text, size_t pos) {
  static constexpr std::array<std::string_view, 5> kBullets = {"\u2022", "\u2043", "\u25E6",
                                                               "\u25AA", "\u2023"};
  // All of them start with the byte 0xE2; most positions hold anything else.
  if (pos >= text.size() || static_cast<unsigned char>(text[pos]) != 0xE2) return 0;
  for (std::string_view b : kBullets) {
    if (text.substr(pos, b.size()) == b) return b.size();
  }
  return 0;
}

class IcuSegmenter : public Segmenter {
 public:
  IcuSegmenter(std::unique_ptr<icu::BreakIterator> raw, std::unique_ptr<icu::BreakIterator> filtered,
               const SegmenterOptions& options)
      : raw_(std::move(raw)), filtered_(std::move(filtered)), options_(options) {
    for (const char* a : SuppressedAbbreviations()) {
      std::string_view s(a);
      suppressed_.push_back(s);
      size_t dot = s.find('.');
      if (dot + 1 < s.size()) partials_.push_back(s.substr(0, dot + 1));
    }
  }

  std::vector<SentenceSpan> Split(std::string_view text) override;

 private:
  std::vector<size_t> Boundaries(icu::BreakIterator* it, std::string_view text);
  // `keep()` gives the filtered iterator's view, computed only when asked.
  template <typename Keep>
  bool Decide(std::string_view text, size_t b, const Keep& keep, size_t* moved) const;
  void AddListBoundaries(std::string_view text, std::vector<size_t>* breaks,
                         std::vector<size_t>* removed) const;
  bool MaySuppress(std::string_view text, size_t b) const;

  std::unique_ptr<icu::BreakIterator> raw_;
  std::unique_ptr<icu::BreakIterator> filtered_;
  SegmenterOptions options_;
  std::string work_;  // text with wrapping line breaks blanked
  // SuppressedAbbreviations(), and those of them with an inner period up to
  // and including it ("e." of "e.g."): what ICU's filter matches backwards.
  std::vector<std::string_view> suppressed_;
  std::vector<std::string_view> partials_;
};

// Whether the filtered iterator could drop the raw boundary at `b`. ICU's
// filter (SimpleFilteredSentenceBreakIterator) steps back over one space,
// then matches the text backwards against the suppressed abbreviations (and
// against the prefix up to the inner period of "e.g.", then forwards for the
// whole word). Without such a suffix it keeps the boundary. This is a
// necessary condition only: when it holds, ICU decides.
bool IcuSegmenter::MaySuppress(std::string_view text, size_t b) const {
  size_t e = b;
  if (e > 0 && text[e - 1] == ' ') --e;
  if (e == 0 || text[e - 1] != '.') return false;  // every abbreviation ends in '.'
  std::string_view before = text.substr(0, e);
  for (std::string_view s : suppressed_) {
    if (before.size() >= s.size() && before.substr(before.size() - s.size()) == s) return true;
  }
  for (std::string_view p : partials_) {
    if (before.size() < p.size() || before.substr(before.size() - p.size()) != p) continue;
    std::string_view from = text.substr(before.size() - p.size());
    for (std::string_view s : suppressed_) {
      if (from.substr(0, s.size()) == s) return true;
    }
  }
  return false;
}

std::vector<size_t> IcuSegmenter::Boundaries(icu::BreakIterator* it, std::string_view text) {
  std::vector<size_t> out;
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return out;
  it->setText(ut, status);
  if (U_SUCCESS(status)) {
    it->first();
    for (int32_t b = it->next(); b != icu::BreakIterator::DONE; b = it->next()) {
      out.push_back(static_cast<size_t>(b));
    }
  }
  // The iterator keeps a shallow clone of `ut`; detach it before closing.
  UText* empty = utext_openUTF8(nullptr, "", 0, &status);
  it->setText(empty, status);
  utext_close(ut);
  utext_close(empty);
  return out;
}

// Returns whether the ICU candidate boundary at `b` stands. `keep()` is the
// filtered iterator's view. *moved may name a better position for it.
template <typename Keep>
bool IcuSegmenter::Decide(std::string_view text, size_t b, const Keep& keep, size_t* moved) const {
  *moved = b;
  // Hard line breaks always stand.
  for (size_t i = b; i > 0 && IsSpace(text[i - 1]); --i) {
    if (text[i - 1] == '\n' || text[i - 1] == '\r') return true;
  }
  std::string_view prev = TokenBefore(text, b);
  std::string_view next = TokenAfter(text, b);
  if (prev.empty() || next.empty()) return keep();

  // "Yahoo! in the", '"Stop!" she said'.
  std::string_view p = prev;
  while (size_t n = CloserLength(p)) p.remove_suffix(n);
  if (!p.empty() && (p.back() == '!' || p.back() == '?')) return !StartsWithLower(next);

  bool attached = false;
  if (EndsWithSpacedDots(text, b, 4, &attached)) {
    if (attached) {  // "compounds. . . . The": the period ends it, the ellipsis starts the next
      size_t end = static_cast<size_t>(prev.data() + prev.size() - text.data());
      *moved = end - 6;  // just after the attached period
      return true;
    }
    return true;
  }
  if (EndsWithSpacedDots(text, b, 3, &attached) && !attached) return false;

  std::string_view unquoted = prev;
  while (size_t n = CloserLength(unquoted)) {
    if (unquoted.back() == ']' || unquoted.back() == ')') break;
    unquoted.remove_suffix(n);
  }
  if (unquoted == "[...]" || unquoted == "[\u2026]" || unquoted == "(...)" ||
      unquoted == "(\u2026)") {
    return false;
  }
  if (p.empty() || p.back() != '.') return keep();

  std::string_view word = StripOpeners(p);
  const bool starter = IsSentenceStarter(BareWord(next));
  if (StartsWithLower(next)) return false;

  // Two-word abbreviations: "et al.".
  std::string_view before = TokenBeforeToken(text, prev);
  if (word == "al." && before == "et") return starter;

  if (IsNumberAbbreviation(word)) return !StartsWithDigit(next);
  if (IsTitleAbbreviation(word)) return false;
  if (word == "A.M." || word == "P.M.") return StartsWithUpper(next);
  if (IsInitials(word)) {
    // "you and I. Did", but "Albert I. Jones".
    if (word == "I." && !before.empty() && IsLower(StripOpeners(before)[0])) return true;
    return starter;
  }
  if (IsAmbiguousAbbreviation(word) || IsJournalAbbreviation(word)) return starter;
  return keep();
}

void IcuSegmenter::AddListBoundaries(std::string_view text, std::vector<size_t>* breaks,
                                     std::vector<size_t>* removed) const {
  // Bullets after white space start a new item.
  for (size_t i = 1; i < text.size(); ++i) {
    if (IsSpace(text[i - 1]) && BulletAt(text, i)) breaks->push_back(i);
  }
  // An inline numbered or lettered list: its first marker opens the text (or
  // follows a bullet) and later markers count on from it.
  size_t pos = 0;
  while (pos < text.size() && IsSpace(text[pos])) ++pos;
  auto skip_bullet = [&](size_t at) {
    if (size_t n = BulletAt(text, at)) {
      at += n;
      while (at < text.size() && text[at] == ' ') ++at;
    }
    return at;
  };
  int ordinal = 0;
  bool letter = false;
  size_t start = skip_bullet(pos);
  size_t len = ListMarkerAt(text, start, &ordinal, &letter);
  if (len == 0) return;
  removed->push_back(start + len);
  const bool letters = letter;
  int expect = ordinal + 1;
  for (size_t i = start + len; i < text.size(); ++i) {
    if (!IsSpace(text[i - 1])) continue;
    size_t item = i;
    size_t at = skip_bullet(i);
    int n = 0;
    bool is_letter = false;
    size_t l = ListMarkerAt(text, at, &n, &is_letter);
    if (l == 0 || is_letter != letters || n != expect) continue;
    breaks->push_back(item);
    removed->push_back(at + l);
    ++expect;
    i = at + l;
  }
}

std::vector<SentenceSpan> IcuSegmenter::Split(std::string_view text) {
  std::vector<SentenceSpan> spans;
  if (text.empty()) return spans;
  // Line breaks that only wrap a sentence become spaces (same length, so
  // offsets are unchanged): one after white space and before a lower-case
  // letter, or with join_wrapped_lines any before a lower-case letter.
  work_.assign(text.data(), text.size());
  for (size_t i = 0; i < work_.size(); ++i) {
    if (work_[i] != '\n' && work_[i] != '\r') continue;
    size_t j = i;
    while (j < work_.size() && (work_[j] == '\n' || work_[j] == '\r')) ++j;
    bool single = (j - i == 1) || (j - i == 2 && work_[i] == '\r' && work_[i + 1] == '\n');
    size_t k = j;
    while (k < work_.size() && (work_[k] == ' ' || work_[k] == '\t')) ++k;
    bool lower_next = k < work_.size() && (IsLower(work_[k]) || work_[k] == '(');
    bool space_before = i > 0 && (work_[i - 1] == ' ' || work_[i - 1] == '\t');
    if (single && lower_next && (space_before || options_.join_wrapped_lines)) {
      for (size_t m = i; m < j; ++m) work_[m] = ' ';
    }
    i = j - 1;
  }
  const std::string_view w = work_;

  std::vector<size_t> candidates = Boundaries(raw_.get(), w);
  // The filtered iterator drops a raw boundary only after a suppressed
  // abbreviation (MaySuppress); elsewhere it keeps it. Its own pass over the
  // text, as costly as the raw one, runs only when a decision needs it.
  std::vector<size_t> filtered;
  bool have_filtered = false;
  auto keep_at = [&](size_t b) {
    if (!MaySuppress(w, b)) return true;
    if (!have_filtered) {
      filtered = Boundaries(filtered_.get(), w);
      have_filtered = true;
    }
    return std::binary_search(filtered.begin(), filtered.end(), b);
  };
  std::vector<size_t> breaks;
  for (size_t b : candidates) {
    if (b >= w.size()) continue;
    size_t moved;
    if (Decide(w, b, [&] { return keep_at(b); }, &moved)) breaks.push_back(moved);
  }
  // "world.Today": a period between a lower-case word and a capitalised one,
  // outside addresses (e-mail, URLs, file names).
  for (size_t i = 1; i + 2 < w.size(); ++i) {
    if (w[i] != '.' || !(IsLower(w[i - 1]) || IsDigit(w[i - 1])) || !IsUpper(w[i + 1]) ||
        !IsLower(w[i + 2])) {
      continue;
    }
    std::string_view token = TokenAfter(w, static_cast<size_t>(TokenBefore(w, i + 1).data() - w.data()));
    if (token.find('@') != std::string_view::npos || token.find("://") != std::string_view::npos ||
        token.find("www.") != std::string_view::npos) {
      continue;
    }
    breaks.push_back(i + 1);
  }
  std::vector<size_t> removed;
  AddListBoundaries(w, &breaks, &removed);
  std::sort(breaks.begin(), breaks.end());
  breaks.erase(std::unique(breaks.begin(), breaks.end()), breaks.end());
  breaks.push_back(w.size());

  // A boundary that only separates a list marker from its item goes.
  auto marker_end = [&](size_t b) {
    for (size_t r : removed) {
      size_t x = r;
      while (x < w.size() && IsSpace(w[x])) ++x;
      if (b >= r && b <= x) return true;
    }
    return false;
  };

  size_t begin = 0;
  for (size_t b : breaks) {
    if (b < w.size() && marker_end(b)) continue;
    size_t s = begin, e = b;
    while (s < e && IsSpace(text[s])) ++s;
    while (e > s && IsSpace(text[e - 1])) --e;
    if (s < e) spans.push_back({s, e});
    begin = b;
  }
  return spans;
}

}  // namespace

kb::Status Segmenter::Create(std::unique_ptr<Segmenter>* out) {
  return Create(SegmenterOptions(), out);
}

kb::Status Segmenter::Create(const SegmenterOptions& options, std::unique_ptr<Segmenter>* out) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> raw(
      icu::BreakIterator::createSentenceInstance(icu::Locale("en_US"), status));
  if (U_FAILURE(status) || !raw) {
    return kb::Status::NotSupported(std::string("ICU sentence break iterator unavailable: ") +
                                    u_errorName(status));
  }
  std::unique_ptr<icu::FilteredBreakIteratorBuilder> builder(
      icu::FilteredBreakIteratorBuilder::createEmptyInstance(status));
  if (U_FAILURE(status) || !builder) {
    return kb::Status::NotSupported(std::string("ICU FilteredBreakIteratorBuilder unavailable: ") +
                                    u_errorName(status));
  }
  for (const char* abbreviation : SuppressedAbbreviations()) {
    builder->suppressBreakAfter(icu::UnicodeString::fromUTF8(abbreviation), status);
  }
  std::unique_ptr<icu::BreakIterator> filtered(builder->build(raw->clone(), status));
  if (U_FAILURE(status) || !filtered) {
    return kb::Status::NotSupported(std::string("cannot build the filtered break iterator: ") +
                                    u_errorName(status));
  }
  *out = std::make_unique<IcuSegmenter>(std::move(raw), std::move(filtered), options);
  return kb::Status::OK();
}

}  // namespace ingest
