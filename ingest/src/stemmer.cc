#include "stemmer.h"

#include <libstemmer.h>
#include <unicode/unistr.h>

namespace ingest {

Stemmer::Stemmer() : stemmer_(sb_stemmer_new("english", "UTF_8")) {}

Stemmer::~Stemmer() {
  if (stemmer_ != nullptr) sb_stemmer_delete(stemmer_);
}

// Past this many remembered words the memo starts again, bounding memory.
constexpr size_t kMaxMemo = 1 << 18;

const std::string& Stemmer::Stem(std::string_view word) {
  auto it = memo_.find(word);
  if (it != memo_.end()) return it->second;
  if (memo_.size() >= kMaxMemo) memo_.clear();
  return memo_.emplace(std::string(word), StemUncached(word)).first->second;
}

std::string Stemmer::StemUncached(std::string_view word) {
  // Contractions and very short words are kept whole: "can't" must not
  // become "can" and "its" must not meet "it".
  if (stemmer_ == nullptr || word.size() <= 3 || word.find('\'') != std::string_view::npos) {
    return std::string(word);
  }
  const sb_symbol* out = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(word.data()),
                                         static_cast<int>(word.size()));
  if (out == nullptr) return std::string(word);
  return std::string(reinterpret_cast<const char*>(out),
                     static_cast<size_t>(sb_stemmer_length(stemmer_)));
}

std::string Lower(std::string_view word) {
  bool ascii = true;
  for (unsigned char c : word) {
    if (c >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    std::string out(word);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  u.foldCase();
  std::string out;
  u.toUTF8String(out);
  return out;
}

}  // namespace ingest
