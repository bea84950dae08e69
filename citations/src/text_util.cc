#include "text_util.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace citations::internal {

int32_t CodePointAt(std::string_view s, size_t i, size_t* len) {
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

bool IsLetterAt(std::string_view s, size_t i) {
  size_t len;
  return u_isalpha(CodePointAt(s, i, &len));
}
bool IsUpperAt(std::string_view s, size_t i) {
  size_t len;
  UChar32 c = CodePointAt(s, i, &len);
  return u_isupper(c) || u_istitle(c);
}
bool IsLowerAt(std::string_view s, size_t i) {
  size_t len;
  return u_islower(CodePointAt(s, i, &len));
}
bool IsSpaceAt(std::string_view s, size_t i, size_t* len) {
  UChar32 c = CodePointAt(s, i, len);
  return u_isUWhiteSpace(c) || c == 0xA0;
}

std::string Fold(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  icu::UnicodeString d = U_SUCCESS(status) ? nfd->normalize(u, status) : u;
  if (U_FAILURE(status)) d = u;
  icu::UnicodeString out;
  for (int32_t i = 0; i < d.length();) {
    UChar32 c = d.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (c == 0x00DF) {  // ß
      out.append(u"ss");
      continue;
    }
    out.append(u_foldCase(c, U_FOLD_CASE_DEFAULT));
  }
  std::string r;
  out.toUTF8String(r);
  return r;
}

std::vector<std::string> FoldWords(std::string_view s) {
  std::string f = Fold(s);
  std::vector<std::string> words;
  std::string cur;
  for (size_t i = 0; i < f.size();) {
    size_t len;
    UChar32 c = CodePointAt(f, i, &len);
    if (u_isalnum(c)) {
      cur.append(f, i, len);
    } else if (c == '\'' || c == 0x2019) {
      // "o'brien" stays one word
    } else if (!cur.empty()) {
      words.push_back(std::move(cur));
      cur.clear();
    }
    i += len;
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  return words;
}

std::string FoldKey(std::string_view s) {
  std::string out;
  for (const std::string& w : FoldWords(s)) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

std::string CollapseSpace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending = false;
  for (size_t i = 0; i < s.size();) {
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
  return !u_isalnum(CodePointAt(s, p, &len));
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
  return !u_isalnum(CodePointAt(s, e, &len));
}

}  // namespace citations::internal
