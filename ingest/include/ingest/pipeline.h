// The ingest pipeline for one article: normalise, segment, find the
// reference list and mentions, match concepts, extract claims with stance,
// hedging, attribution and mechanisms, link works. No storage: the result is
// a kb::SourceRecord ready for ResolveWorks() and kb::Store::PutSource(),
// plus a per-sentence view for audit and --dry-run.
#ifndef EVKB_INGEST_PIPELINE_H_
#define EVKB_INGEST_PIPELINE_H_

#include <memory>
#include <string>
#include <vector>

#include "ingest/document.h"
#include "kb/lexicon.h"
#include "kb/model.h"
#include "kb/status.h"

namespace ingest {

// What the pipeline understood of one sentence.
struct SentenceAnalysis {
  std::string text;                       // normalised sentence
  uint32_t span_begin = 0, span_end = 0;  // [begin, end) in the original bytes
  size_t block = 0;                       // index into Document::blocks
  BlockKind block_kind = BlockKind::kParagraph;
  bool in_references = false;   // part of the reference list
  bool instruction = false;     // an instruction, question, sign-off or call to action
  bool claim_like = false;      // states an effect ("studies show", effect verbs)
  std::vector<size_t> assertions;  // indices into Analysis::record.assertions
  std::vector<std::string> unknown_terms;  // claim-like words the lexicon did not know
};

struct Analysis {
  kb::SourceRecord record;
  std::vector<SentenceAnalysis> sentences;
  std::string topic;  // the article's main intervention concept, "" if none
};

class Pipeline {
 public:
  // REQUIRES: `lexicon` is finished and outlives the pipeline.
  static kb::Status Create(const kb::Lexicon* lexicon, std::unique_ptr<Pipeline>* out);
  virtual ~Pipeline() = default;

  // Analyses one document. The record's source id is the ContentId of
  // doc.raw; works get provisional ids (kb::WorkId) until ResolveWorks().
  // Not thread-safe: use one Pipeline per thread.
  virtual kb::Status Analyze(const Document& doc, Analysis* out) = 0;

  // Parses a question or statement ("Does foam rolling reduce DOMS?", "is it
  // true that...", "Foam rolling lengthens the IT band") into the claims it
  // asks about. stance is kDenies for a negated question ("Doesn't rolling
  // ..."). unknown_terms lists content words the lexicon did not know.
  struct Question {
    std::vector<kb::Claim> claims;  // best reading first
    kb::Stance stance = kb::Stance::kAsserts;
    std::vector<std::string> concepts;  // every concept id found
    std::vector<std::string> unknown_terms;
  };
  virtual kb::Status ParseQuestion(const std::string& text, Question* out) = 0;

  // Resolves a free-text benefit ("muscle soreness", "flexibility") to
  // concept ids, best first; empty when nothing matches.
  virtual std::vector<std::string> MatchConcepts(const std::string& text) = 0;
};

}  // namespace ingest

#endif  // EVKB_INGEST_PIPELINE_H_
