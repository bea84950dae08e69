// Matches a fixed set of phrases against token streams, on stems, longest
// match first, left to right. Stems are compared as Vocabulary ids. Built
// once from lexicon data; immutable and thread-safe after construction.
#ifndef EVKB_INGEST_PHRASE_MATCHER_H_
#define EVKB_INGEST_PHRASE_MATCHER_H_

#include <memory>
#include <string>
#include <vector>

#include "tokens.h"

namespace ingest {

struct PhraseMatch {
  size_t begin = 0, end = 0;  // token indices [begin, end)
  int payload = 0;            // what Add() was given
};

class PhraseMatcher {
 public:
  // `vocabulary` interns the phrases' stems; tokens matched later should
  // carry ids from it (Tokenize with the same vocabulary), else their stems
  // are looked up. Null: the matcher keeps a vocabulary of its own.
  explicit PhraseMatcher(Vocabulary* vocabulary = nullptr);

  // Adds `phrase` (tokenised and stemmed with `stemmer`) with `payload`.
  // A phrase added twice keeps its first payload. With `exact`, a one-word
  // phrase matches only its own spelling and plural ("stretching" must not
  // meet "stretches", which stems alike); longer phrases always match on stems.
  void Add(const std::string& phrase, int payload, Stemmer* stemmer, bool exact = false);

  // Non-overlapping matches in `tokens`, longest first at each position.
  std::vector<PhraseMatch> FindAll(const std::vector<Token>& tokens) const;
  // The longest match starting at token `at`, if any.
  bool MatchAt(const std::vector<Token>& tokens, size_t at, PhraseMatch* out) const;
  bool empty() const { return entries_ == 0; }

 private:
  struct Entry {
    std::vector<uint32_t> ids;
    std::vector<std::string> forms;  // exact spellings; empty: match on the stem
    int payload;
  };
  uint32_t IdOf(const Token& t) const;

  std::unique_ptr<Vocabulary> own_;
  Vocabulary* vocabulary_;
  // Phrases by the id of their first stem, longest first.
  std::vector<std::vector<Entry>> by_first_;
  size_t entries_ = 0;
};

}  // namespace ingest

#endif  // EVKB_INGEST_PHRASE_MATCHER_H_
