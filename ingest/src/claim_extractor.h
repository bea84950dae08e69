// Reads one sentence: concepts, relation cues, negation, hedging,
// attribution, qualifiers, mechanisms; and from them the claims it makes.
// Grammar lives here; every word it relies on comes from the lexicon.
#ifndef EVKB_INGEST_CLAIM_EXTRACTOR_H_
#define EVKB_INGEST_CLAIM_EXTRACTOR_H_

#include <string>
#include <string_view>
#include <vector>

#include "kb/model.h"
#include "lexicon_index.h"
#include "tokens.h"

namespace ingest {

struct ExtractedClaim {
  std::string subject, relation, object;
  kb::Stance stance = kb::Stance::kAsserts;
  bool hedged = false;  // a hedge cue governs this claim's clause
};

struct SentenceReading {
  std::vector<Token> tokens;
  bool question = false;
  bool instruction = false;  // imperative, call to action, sign-off
  bool claim_like = false;   // has an effect verb or a "studies show" cue
  bool hedged = false;
  kb::Attribution attribution = kb::Attribution::kAuthor;
  std::string attributed_to;
  bool context_carry = false;  // "They also found...", "This suggests..."
  bool support_back = false;   // "... came to the same conclusion": backs the sentence before
  std::vector<std::string> concepts;     // every concept id mentioned, in order
  std::vector<std::string> qualifiers;   // timing and region concept ids
  std::vector<std::string> mechanisms;   // tags cued in this sentence
  std::vector<ExtractedClaim> claims;
  std::vector<std::string> unknown_terms;  // content words not understood
  std::string last_subject;  // for carrying a subject into the next sentence
};

class ClaimExtractor {
 public:
  // REQUIRES: index outlives the extractor.
  explicit ClaimExtractor(LexiconIndex* index) : index_(index) {}

  // `topic` is the article's main intervention ("" if none); `carried` the
  // subject of the previous sentence in the same paragraph. In question mode
  // a leading "does / can / is it true that" is skipped and nothing is
  // filtered as an instruction or question.
  // `elliptic` marks a heading or list item, whose subject may be left out
  // ("Improved flexibility" under "The Benefits").
  SentenceReading Read(std::string_view sentence, const std::string& topic,
                       const std::string& carried, bool question_mode,
                       bool elliptic = false) const;

  // The same, for a sentence already tokenised with this extractor's index.
  SentenceReading Read(std::string_view sentence, std::vector<Token> tokens,
                       const std::string& topic, const std::string& carried, bool question_mode,
                       bool elliptic) const;

  // Concept ids mentioned in `text`, in order, without duplicates.
  std::vector<std::string> ConceptsIn(std::string_view text) const;
  std::vector<std::string> ConceptsIn(const std::vector<Token>& tokens) const;

  std::vector<Token> Tokenize(std::string_view text) const { return index_->Tokenize(text); }

 private:
  LexiconIndex* index_;
};

}  // namespace ingest

#endif  // EVKB_INGEST_CLAIM_EXTRACTOR_H_
