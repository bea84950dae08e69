// Matches a fixed set of phrases against token streams, on stems, longest
// match first, left to right. Built once from lexicon data; immutable and
// thread-safe after construction.
#ifndef EVKB_INGEST_PHRASE_MATCHER_H_
#define EVKB_INGEST_PHRASE_MATCHER_H_

#include <string>
#include <unordered_map>
#include <vector>

#include "tokens.h"

namespace ingest {

struct PhraseMatch {
  size_t begin = 0, end = 0;  // token indices [begin, end)
  int payload = 0;            // what Add() was given
};

class PhraseMatcher {
 public:
  // Adds `phrase` (tokenised and stemmed with `stemmer`) with `payload`.
  // A phrase added twice keeps its first payload. With `exact`, a one-word
  // phrase matches only its own spelling and plural ("stretching" must not
  // meet "stretches", which stems alike); longer phrases always match on stems.
  void Add(const std::string& phrase, int payload, Stemmer* stemmer, bool exact = false);

  // Non-overlapping matches in `tokens`, longest first at each position.
  std::vector<PhraseMatch> FindAll(const std::vector<Token>& tokens) const;
  // The longest match starting at token `at`, if any.
  bool MatchAt(const std::vector<Token>& tokens, size_t at, PhraseMatch* out) const;
  bool empty() const { return by_first_.empty(); }

 private:
  struct Entry {
    std::vector<std::string> stems;
    std::vector<std::string> forms;  // exact spellings; empty: match on the stem
    int payload;
  };
  // Phrases by their first stem, longest first.
  std::unordered_map<std::string, std::vector<Entry>> by_first_;
};

}  // namespace ingest

#endif  // EVKB_INGEST_PHRASE_MATCHER_H_
