#include "text_util.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace citations::internal {

const uint8_t kAsciiClass[128] = {
    // 0x00-0x1F: controls; TAB, LF, VT, FF, CR are white space.
    0, 0, 0, 0, 0, 0, 0, 0, 0, kAsciiSpace, kAsciiSpace, kAsciiSpace, kAsciiSpace,
    kAsciiSpace, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    // 0x20-0x2F: space and punctuation.
    kAsciiSpace, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    // 0x30-0x3F: digits, punctuation.
    kAsciiDigit, kAsciiDigit, kAsciiDigit, kAsciiDigit, kAsciiDigit, kAsciiDigit,
    kAsciiDigit, kAsciiDigit, kAsciiDigit, kAsciiDigit, 0, 0, 0, 0, 0, 0,
    // 0x40-0x5F: '@', A-Z, punctuation.
    0, kAsciiAlpha | kAsciiUpper, kAsciiAlpha | kAsciiUpper, kAsciiAlpha | kAsciiUpper,
    kAsciiAlpha | kAsciiUpper, kAsciiAlpha | kAsciiUpper, kAsciiAlpha | kAsciiUpper,
    kAsciiAlpha | kAsciiUpper, kAsciiAlpha | kAsciiUpper, kAsciiAlpha | kAsciiUpper,
    kAsciiAlpha | kAsciiUpper, kAsciiAlpha | kAsciiUpper, kAsciiAlpha | kAsciiUpper,
    kAsciiAlpha | kAsciiUpper, kAsciiAlpha | kAsciiUpper, kAsciiAlpha | kAsciiUpper,
    kAsciiAlpha | kAsciiUpper, kAsciiAlpha | kAsciiUpper, kAsciiAlpha | kAsciiUpper,
    kAsciiAlpha | kAsciiUpper, kAsciiAlpha | kAsciiUpper, kAsciiAlpha | kAsciiUpper,
    kAsciiAlpha | kAsciiUpper, kAsciiAlpha | kAsciiUpper, kAsciiAlpha | kAsciiUpper,
    kAsciiAlpha | kAsciiUpper, kAsciiAlpha | kAsciiUpper, 0, 0, 0, 0, 0,
    // 0x60-0x7F: '`', a-z, punctuation, DEL.
    0, kAsciiAlpha | kAsciiLower, kAsciiAlpha | kAsciiLower, kAsciiAlpha | kAsciiLower,
    kAsciiAlpha | kAsciiLower, kAsciiAlpha | kAsciiLower, kAsciiAlpha | kAsciiLower,
    kAsciiAlpha | kAsciiLower, kAsciiAlpha | kAsciiLower, kAsciiAlpha | kAsciiLower,
    kAsciiAlpha | kAsciiLower, kAsciiAlpha | kAsciiLower, kAsciiAlpha | kAsciiLower,
    kAsciiAlpha | kAsciiLower, kAsciiAlpha | kAsciiLower, kAsciiAlpha | kAsciiLower,
    kAsciiAlpha | kAsciiLower, kAsciiAlpha | kAsciiLower, kAsciiAlpha | kAsciiLower,
    kAsciiAlpha | kAsciiLower, kAsciiAlpha | kAsciiLower, kAsciiAlpha | kAsciiLower,
    kAsciiAlpha | kAsciiLower, kAsciiAlpha | kAsciiLower, kAsciiAlpha | kAsciiLower,
    kAsciiAlpha | kAsciiLower, kAsciiAlpha | kAsciiLower, 0, 0, 0, 0, 0,
};

bool AllAscii(std::string_view s) {
  for (char c : s)
    if (!IsAsciiByte(c)) return false;
  return true;
}

int32_t CodePointAtSlow(std::string_view s, size_t i, size_t* len) {
  if (i >= s.size()) {
    *len = 1;
    return 0;
  }
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t n = static_cast<int32_t>(s.size());
  int32_t j = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(p, j, n, c);
  *len = static_cast<size_t>(j) - i;
  if (*len == 0) *len = 1;
  return c < 0 ? 0xFFFD : c;
}

size_t PrevCodePointStart(std::string_view s, size_t i) {
  if (i == 0) return 0;
  size_t j = i - 1;
  while (j > 0 && (static_cast<uint8_t>(s[j]) & 0xC0) == 0x80 && i - j < 4) --j;
  return j;
}

bool IsLetterAtSlow(std::string_view s, size_t i) {
  size_t len;
  return u_isalpha(CodePointAtSlow(s, i, &len));
}
bool IsUpperAtSlow(std::string_view s, size_t i) {
  size_t len;
  UChar32 c = CodePointAtSlow(s, i, &len);
  return u_isupper(c) || u_istitle(c);
}
bool IsLowerAtSlow(std::string_view s, size_t i) {
  size_t len;
  return u_islower(CodePointAtSlow(s, i, &len));
}
bool IsSpaceAtSlow(std::string_view s, size_t i, size_t* len) {
  UChar32 c = CodePointAtSlow(s, i, len);
  return u_isUWhiteSpace(c) || c == 0xA0;
}
bool IsAlnumCodePoint(int32_t c) { return u_isalnum(c); }

namespace {

// Appends code point `c` as UTF-8 (what UnicodeString::toUTF8String writes).
void AppendUtf8(UChar32 c, std::string* out) {
  if (U_IS_SURROGATE(c)) c = 0xFFFD;
  char buf[U8_MAX_LENGTH];
  int32_t n = 0;
  U8_APPEND_UNSAFE(buf, n, c);
  out->append(buf, static_cast<size_t>(n));
}

// Calls `word_char(c, bytes)` for each letter/digit code point of Fold(s) and
// `word_break()` where a word may end, as FoldWords splits them.
template <typename Char, typename Break>
void ScanFoldedWords(std::string_view s, Char word_char, Break word_break) {
  if (AllAscii(s)) {
    // NFD and case folding of ASCII are plain lower-casing.
    for (char c : s) {
      if (AsciiIs(c, kAsciiAlpha | kAsciiDigit)) {
        word_char(static_cast<char>(AsciiIs(c, kAsciiUpper) ? c - 'A' + 'a' : c));
      } else if (c != '\'') {
        word_break();
      }
    }
    return;
  }
  std::string f = Fold(s);
  for (size_t i = 0; i < f.size();) {
    size_t len;
    bool alnum = IsAlnumAt(f, i, &len);
    if (alnum) {
      for (size_t k = 0; k < len; ++k) word_char(f[i + k]);
    } else {
      size_t l2;
      int32_t c = CodePointAt(f, i, &l2);
      if (c != '\'' && c != 0x2019) word_break();
    }
    i += len;
  }
}

}  // namespace

std::string Fold(std::string_view s) {
  if (AllAscii(s)) return AsciiLower(s);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  icu::UnicodeString d = U_SUCCESS(status) ? nfd->normalize(u, status) : u;
  if (U_FAILURE(status)) d = u;
  std::string r;
  r.reserve(s.size());
  for (int32_t i = 0; i < d.length();) {
    UChar32 c = d.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (c == 0x00DF) {  // ß
      r += "ss";
      continue;
    }
    AppendUtf8(u_foldCase(c, U_FOLD_CASE_DEFAULT), &r);
  }
  return r;
}

std::vector<std::string> FoldWords(std::string_view s) {
  std::vector<std::string> words;
  std::string cur;
  ScanFoldedWords(
      s, [&](char c) { cur += c; },
      [&] {
        if (!cur.empty()) {
          words.push_back(std::move(cur));
          cur.clear();
        }
      });
  if (!cur.empty()) words.push_back(std::move(cur));
  return words;
}

void AppendFoldKey(std::string_view s, std::string* out) {
  bool in_word = false, any = false;
  ScanFoldedWords(
      s,
      [&](char c) {
        if (!in_word) {
          if (any) *out += ' ';
          in_word = any = true;
        }
        *out += c;
      },
      [&] { in_word = false; });
}

std::string FoldKey(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  AppendFoldKey(s, &out);
  return out;
}

bool EqualsAsciiNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

std::string CollapseSpace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending = false;
  for (size_t i = 0; i < s.size();) {
    if (IsAsciiByte(s[i]) && s[i] != '\0' && !AsciiIs(s[i], kAsciiSpace)) {
      // A run of ASCII text, copied at once.
      size_t j = i + 1;
      while (j < s.size() && IsAsciiByte(s[j]) && s[j] != '\0' && !AsciiIs(s[j], kAsciiSpace))
        ++j;
      if (pending) out += ' ';
      pending = false;
      out.append(s.data() + i, j - i);
      i = j;
      continue;
    }
    size_t len;
    if (IsSpaceAt(s, i, &len) || s[i] == '\0') {
      pending = !out.empty();
    } else {
      if (pending) out += ' ';
      pending = false;
      out.append(s.substr(i, len));
    }
    i += len;
  }
  return out;
}

std::string_view Trim(std::string_view s, std::string_view punct) {
  auto strip = [&](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
           punct.find(c) != std::string_view::npos;
  };
  while (!s.empty() && strip(s.front())) s.remove_prefix(1);
  while (!s.empty() && strip(s.back())) s.remove_suffix(1);
  return s;
}

std::string AsciiLower(std::string_view s) {
  std::string r(s);
  for (char& c : r)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return r;
}

bool AtWordStart(std::string_view s, size_t i) {
  if (i == 0) return true;
  size_t p = PrevCodePointStart(s, i);
  size_t len;
  return !IsAlnumAt(s, p, &len);
}

bool StartsWordAt(std::string_view s, size_t i, std::string_view word) {
  if (i + word.size() > s.size()) return false;
  for (size_t k = 0; k < word.size(); ++k) {
    char a = s[i + k], b = word[k];
    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
    if (b >= 'A' && b <= 'Z') b = static_cast<char>(b - 'A' + 'a');
    if (a != b) return false;
  }
  size_t e = i + word.size();
  if (e >= s.size()) return true;
  size_t len;
  return !IsAlnumAt(s, e, &len);
}

}  // namespace citations::internal
