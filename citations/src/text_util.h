// Text helpers shared by the citations sources: UTF-8 scanning, ICU-based
// folding, and small ASCII predicates. Stateless and thread-safe.
#ifndef EVKB_CITATIONS_SRC_TEXT_UTIL_H_
#define EVKB_CITATIONS_SRC_TEXT_UTIL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace citations::internal {

// Character classes of the ASCII range, equal to ICU's for those code points
// (u_isalpha, u_isupper/u_istitle, u_islower, u_isalnum, u_isUWhiteSpace):
// the fast path of the predicates below, which most text takes.
enum AsciiClass : uint8_t {
  kAsciiAlpha = 1,
  kAsciiUpper = 2,
  kAsciiLower = 4,
  kAsciiDigit = 8,
  kAsciiSpace = 16,
};
extern const uint8_t kAsciiClass[128];
inline bool IsAsciiByte(char c) { return static_cast<uint8_t>(c) < 0x80; }
inline bool AsciiIs(char c, uint8_t cls) {
  return (kAsciiClass[static_cast<uint8_t>(c)] & cls) != 0;
}
// True when every byte of `s` is below 0x80.
bool AllAscii(std::string_view s);

int32_t CodePointAtSlow(std::string_view s, size_t i, size_t* len);
bool IsLetterAtSlow(std::string_view s, size_t i);
bool IsUpperAtSlow(std::string_view s, size_t i);
bool IsLowerAtSlow(std::string_view s, size_t i);
bool IsSpaceAtSlow(std::string_view s, size_t i, size_t* len);
// u_isalnum of a code point.
bool IsAlnumCodePoint(int32_t c);

// Decodes the code point starting at byte `i` (U+FFFD on bad bytes) and
// stores its length in `*len` (at least 1).
inline int32_t CodePointAt(std::string_view s, size_t i, size_t* len) {
  if (i < s.size() && IsAsciiByte(s[i])) {
    *len = 1;
    return static_cast<uint8_t>(s[i]);
  }
  return CodePointAtSlow(s, i, len);
}
// Start of the code point that ends just before byte `i` (i > 0).
size_t PrevCodePointStart(std::string_view s, size_t i);

inline bool IsLetterAt(std::string_view s, size_t i) {
  if (i < s.size() && IsAsciiByte(s[i])) return AsciiIs(s[i], kAsciiAlpha);
  return IsLetterAtSlow(s, i);
}
inline bool IsUpperAt(std::string_view s, size_t i) {
  if (i < s.size() && IsAsciiByte(s[i])) return AsciiIs(s[i], kAsciiUpper);
  return IsUpperAtSlow(s, i);
}
inline bool IsLowerAt(std::string_view s, size_t i) {
  if (i < s.size() && IsAsciiByte(s[i])) return AsciiIs(s[i], kAsciiLower);
  return IsLowerAtSlow(s, i);
}
inline bool IsSpaceAt(std::string_view s, size_t i, size_t* len) {
  if (i < s.size() && IsAsciiByte(s[i])) {
    *len = 1;
    return AsciiIs(s[i], kAsciiSpace);
  }
  return IsSpaceAtSlow(s, i, len);
}
// u_isalnum of the code point at byte `i`; `*len` as CodePointAt.
inline bool IsAlnumAt(std::string_view s, size_t i, size_t* len) {
  if (i < s.size() && IsAsciiByte(s[i])) {
    *len = 1;
    return AsciiIs(s[i], kAsciiAlpha | kAsciiDigit);
  }
  return IsAlnumCodePoint(CodePointAtSlow(s, i, len));
}

inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
inline bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }

// Case-folds and strips diacritics ("Stöggl" -> "stoggl").
std::string Fold(std::string_view s);
// Fold(s) keeping only letters and digits, words separated by one space.
std::string FoldKey(std::string_view s);
// The folded letter/digit words of `s`.
std::vector<std::string> FoldWords(std::string_view s);
// Appends FoldKey(s) to `*out` (which is not cleared).
void AppendFoldKey(std::string_view s, std::string* out);
// ASCII case-insensitive equality (other bytes compare exactly).
bool EqualsAsciiNoCase(std::string_view a, std::string_view b);

// Collapses runs of Unicode white space into one ASCII space and trims.
std::string CollapseSpace(std::string_view s);
// Trims white space and the given ASCII punctuation from both ends.
std::string_view Trim(std::string_view s, std::string_view punct = "");
// Lower-cases ASCII letters only (for matching ASCII keywords).
std::string AsciiLower(std::string_view s);

// True if `s` at byte `i` starts with `word` (ASCII, case-insensitive) and the
// match is not followed by a letter or digit.
bool StartsWordAt(std::string_view s, size_t i, std::string_view word);
// Whether byte `i` begins a word (start of text or after a non-alphanumeric).
bool AtWordStart(std::string_view s, size_t i);

}  // namespace citations::internal

#endif  // EVKB_CITATIONS_SRC_TEXT_UTIL_H_
