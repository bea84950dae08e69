#include "tokens.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace ingest {
namespace {

// Decodes the code point at text[i]; advances i. Invalid bytes decode as
// U+FFFD and advance one byte.
UChar32 Next(std::string_view text, size_t* i) {
  UChar32 c;
  int32_t pos = static_cast<int32_t>(*i);
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), pos, static_cast<int32_t>(text.size()), c);
  *i = static_cast<size_t>(pos);
  return c < 0 ? 0xFFFD : c;
}

bool IsWordChar(UChar32 c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return u_isalnum(c);
}

bool IsPunct(UChar32 c) {
  switch (c) {
    case '.': case ',': case ';': case ':': case '!': case '?': case '(': case ')':
    case '[': case ']': case '"': case '\'': case '-': case '/': case '&': case '%':
      return true;
    default:
      return false;
  }
}

}  // namespace

uint32_t Vocabulary::Intern(const std::string& stem) {
  auto [it, fresh] = ids_.emplace(stem, static_cast<uint32_t>(ids_.size() + 1));
  (void)fresh;
  return it->second;
}

uint32_t Vocabulary::Find(const std::string& stem) const {
  auto it = ids_.find(stem);
  return it == ids_.end() ? kUnknown : it->second;
}

std::vector<Token> Tokenize(std::string_view text, Stemmer* stemmer, const Vocabulary* vocabulary) {
  std::vector<Token> out;
  out.reserve(text.size() / 5 + 1);
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    UChar32 c = Next(text, &i);
    if (IsWordChar(c)) {
      size_t end = i;
      while (end < text.size()) {
        size_t j = end;
        UChar32 d = Next(text, &j);
        if (IsWordChar(d)) {
          end = j;
          continue;
        }
        // An apostrophe between letters stays inside the word: can't, it's.
        if (d == '\'' && j < text.size()) {
          size_t k = j;
          if (IsWordChar(Next(text, &k))) {
            end = k;
            continue;
          }
        }
        break;
      }
      Token t;
      t.begin = static_cast<uint32_t>(start);
      t.end = static_cast<uint32_t>(end);
      std::string_view surface = text.substr(start, end - start);
      t.lower = Lower(surface);
      bool has_lower = false, has_alpha = false;
      for (unsigned char ch : surface) {
        if (ch >= 'a' && ch <= 'z') has_lower = true;
        if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')) has_alpha = true;
      }
      t.upper = has_alpha && !has_lower && surface.size() > 1;
      t.stem = stemmer->Stem(t.lower);
      if (vocabulary != nullptr) t.id = vocabulary->Find(t.stem);
      out.push_back(std::move(t));
      i = end;
    } else if (IsPunct(c)) {
      Token t;
      t.begin = static_cast<uint32_t>(start);
      t.end = static_cast<uint32_t>(i);
      t.lower = std::string(text.substr(start, i - start));
      t.stem = t.lower;
      t.word = false;
      if (vocabulary != nullptr) t.id = vocabulary->Find(t.stem);
      out.push_back(std::move(t));
    }
  }
  return out;
}

}  // namespace ingest
