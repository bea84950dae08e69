// Word and punctuation tokens of a sentence, with byte spans, lower-cased
// and stemmed forms. The unit the phrase matcher and claim extractor work on.
#ifndef EVKB_INGEST_TOKENS_H_
#define EVKB_INGEST_TOKENS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "stemmer.h"

namespace ingest {

struct Token {
  uint32_t begin = 0, end = 0;  // bytes in the tokenised text
  std::string lower;            // lower-cased surface form
  std::string stem;             // Snowball stem of `lower`; punctuation as itself
  // The stem's Vocabulary id: 0 when not looked up, Vocabulary::kUnknown
  // when the stem is in no phrase.
  uint32_t id = 0;
  bool word = true;             // false for punctuation
  bool upper = false;           // written all in capitals ("NOT", "DOMS")
};

// Interned stems: phrase matching compares small integers, not strings.
class Vocabulary {
 public:
  // The id of `stem`, adding it when new. Ids start at 1.
  uint32_t Intern(const std::string& stem);
  static constexpr uint32_t kUnknown = 0xFFFFFFFFu;
  // The id of `stem`, or kUnknown when it is not in the vocabulary.
  uint32_t Find(const std::string& stem) const;
  size_t size() const { return ids_.size() + 1; }

 private:
  std::unordered_map<std::string, uint32_t> ids_;
};

// Splits UTF-8 text into tokens: runs of letters and digits (keeping inner
// apostrophes, so "can't" and "it's" are single tokens; hyphens split words)
// and single punctuation characters. Other bytes are skipped. With a
// vocabulary, each token gets its stem's id.
std::vector<Token> Tokenize(std::string_view text, Stemmer* stemmer,
                            const Vocabulary* vocabulary = nullptr);

}  // namespace ingest

#endif  // EVKB_INGEST_TOKENS_H_
