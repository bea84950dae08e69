// Word and punctuation tokens of a sentence, with byte spans, lower-cased
// and stemmed forms. The unit the phrase matcher and claim extractor work on.
#ifndef EVKB_INGEST_TOKENS_H_
#define EVKB_INGEST_TOKENS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "stemmer.h"

namespace ingest {

struct Token {
  uint32_t begin = 0, end = 0;  // bytes in the tokenised text
  std::string lower;            // lower-cased surface form
  std::string stem;             // Snowball stem of `lower`; punctuation as itself
  bool word = true;             // false for punctuation
  bool upper = false;           // written all in capitals ("NOT", "DOMS")
};

// Splits UTF-8 text into tokens: runs of letters and digits (keeping inner
// apostrophes, so "can't" and "it's" are single tokens; hyphens split words)
// and single punctuation characters. Other bytes are skipped.
std::vector<Token> Tokenize(std::string_view text, Stemmer* stemmer);

}  // namespace ingest

#endif  // EVKB_INGEST_TOKENS_H_
