// Text helpers shared by the citations sources: UTF-8 scanning, ICU-based
// folding, and small ASCII predicates. Stateless and thread-safe.
#ifndef EVKB_CITATIONS_SRC_TEXT_UTIL_H_
#define EVKB_CITATIONS_SRC_TEXT_UTIL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace citations::internal {

// Decodes the code point starting at byte `i` (U+FFFD on bad bytes) and
// stores its length in `*len` (at least 1).
int32_t CodePointAt(std::string_view s, size_t i, size_t* len);
// Start of the code point that ends just before byte `i` (i > 0).
size_t PrevCodePointStart(std::string_view s, size_t i);

bool IsLetterAt(std::string_view s, size_t i);
bool IsUpperAt(std::string_view s, size_t i);
bool IsLowerAt(std::string_view s, size_t i);
bool IsSpaceAt(std::string_view s, size_t i, size_t* len);

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
