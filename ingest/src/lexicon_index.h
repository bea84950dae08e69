// The lexicon compiled for matching: one PhraseMatcher per kind of cue.
// Built once per Pipeline from a finished kb::Lexicon.
#ifndef EVKB_INGEST_LEXICON_INDEX_H_
#define EVKB_INGEST_LEXICON_INDEX_H_

#include <map>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "kb/lexicon.h"
#include "phrase_matcher.h"
#include "stemmer.h"

namespace ingest {

class LexiconIndex {
 public:
  explicit LexiconIndex(const kb::Lexicon* lexicon);

  const kb::Lexicon& lexicon() const { return *lexicon_; }
  Stemmer* stemmer() { return &stemmer_; }
  std::vector<Token> Tokenize(std::string_view text) {
    return ingest::Tokenize(text, &stemmer_, &vocabulary_);
  }

  // payload: index into lexicon().concepts.
  const PhraseMatcher& concepts() const { return concepts_; }
  // payload: index into lexicon().relations.
  const PhraseMatcher& relations() const { return relations_; }
  // payload: index into mechanism_names().
  const PhraseMatcher& mechanisms() const { return mechanisms_; }
  const std::vector<std::string>& mechanism_names() const { return mechanism_names_; }
  // A named cue list of the lexicon ("negation", "hedge", ...); payload 0.
  const PhraseMatcher& cues(const std::string& name) const;
  // True when the lower-cased word is in the named list as a single word.
  bool HasWord(const std::string& list, const std::string& lower_word) const;

 private:
  const kb::Lexicon* lexicon_;
  Stemmer stemmer_;
  // Declared before the matchers, which intern into it.
  Vocabulary vocabulary_;
  PhraseMatcher concepts_{&vocabulary_}, relations_{&vocabulary_}, mechanisms_{&vocabulary_},
      empty_{&vocabulary_};
  std::vector<std::string> mechanism_names_;
  std::map<std::string, PhraseMatcher> cues_;
  std::map<std::string, std::unordered_set<std::string>> words_;
};

}  // namespace ingest

#endif  // EVKB_INGEST_LEXICON_INDEX_H_
