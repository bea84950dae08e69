#include "lexicon_index.h"

namespace ingest {
namespace {

// Lists with a bit of their own in ListsOf(); the top bit is left to callers.
constexpr size_t kListBits = 63;

}  // namespace

LexiconIndex::LexiconIndex(const kb::Lexicon* lexicon) : lexicon_(lexicon) {
  const kb::Lexicon& lex = *lexicon_;
  for (size_t i = 0; i < lex.concepts.size(); ++i) {
    for (const std::string& label : lex.concepts[i].labels) {
      concepts_.Add(label, static_cast<int>(i), &stemmer_, /*exact=*/true);
    }
  }
  for (size_t i = 0; i < lex.relations.size(); ++i) {
    for (const std::string& cue : lex.relations[i].cues) {
      relations_.Add(cue, static_cast<int>(i), &stemmer_);
    }
  }
  for (const auto& [name, list] : lex.mechanisms) {
    int id = static_cast<int>(mechanism_names_.size());
    mechanism_names_.push_back(name);
    for (const std::string& cue : list) mechanisms_.Add(cue, id, &stemmer_);
  }
  for (const auto& [name, list] : lex.cues) {
    PhraseMatcher& m = cues_.try_emplace(name, &vocabulary_).first->second;
    std::unordered_set<std::string>& words = words_[name];
    for (const std::string& cue : list) {
      m.Add(cue, 0, &stemmer_);
      if (cue.find(' ') == std::string::npos) words.insert(Lower(cue));
    }
  }
  for (const auto& [name, words] : words_) {
    if (list_bits_.size() == kListBits) break;
    uint64_t bit = uint64_t{1} << list_bits_.size();
    list_bits_.emplace_back(name, bit);
    for (const std::string& w : words) word_lists_[w] |= bit;
  }
}

const PhraseMatcher& LexiconIndex::cues(std::string_view name) const {
  auto it = cues_.find(name);
  return it == cues_.end() ? empty_ : it->second;
}

uint64_t LexiconIndex::ListsOf(const std::string& lower_word) const {
  auto it = word_lists_.find(lower_word);
  return it == word_lists_.end() ? 0 : it->second;
}

uint64_t LexiconIndex::ListBit(std::string_view list) const {
  for (const auto& [name, bit] : list_bits_) {
    if (name == list) return bit;
  }
  return 0;
}

bool LexiconIndex::HasWord(std::string_view list, const std::string& lower_word) const {
  auto it = words_.find(list);
  return it != words_.end() && it->second.count(lower_word) > 0;
}

}  // namespace ingest
