// The lexicon compiled for matching: one PhraseMatcher per kind of cue.
// Built once per Pipeline from a finished kb::Lexicon.
#ifndef EVKB_INGEST_LEXICON_INDEX_H_
#define EVKB_INGEST_LEXICON_INDEX_H_

#include <functional>
#include <map>
#include <memory>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
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
  const PhraseMatcher& cues(std::string_view name) const;
  // True when the lower-cased word is in the named list as a single word.
  bool HasWord(std::string_view list, const std::string& lower_word) const;

  // The same test as bits, so a sentence can look each token up once: the
  // lists holding `lower_word`, as a mask of ListBit()s.
  uint64_t ListsOf(const std::string& lower_word) const;
  // The bit of a named list; 0 for a list without one (unknown, or past the
  // 63rd: ask HasWord).
  uint64_t ListBit(std::string_view list) const;

 private:
  const kb::Lexicon* lexicon_;
  Stemmer stemmer_;
  // Declared before the matchers, which intern into it.
  Vocabulary vocabulary_;
  PhraseMatcher concepts_{&vocabulary_}, relations_{&vocabulary_}, mechanisms_{&vocabulary_},
      empty_{&vocabulary_};
  std::vector<std::string> mechanism_names_;
  // Looked up by name for every sentence: hashed, and without a std::string.
  struct NameHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, PhraseMatcher, NameHash, std::equal_to<>> cues_;
  std::map<std::string, std::unordered_set<std::string>, std::less<>> words_;
  std::vector<std::pair<std::string, uint64_t>> list_bits_;
  std::unordered_map<std::string, uint64_t> word_lists_;  // word -> ListBit()s
};

}  // namespace ingest

#endif  // EVKB_INGEST_LEXICON_INDEX_H_
