// The question parser (ingest::Pipeline::ParseQuestion) and benefit matcher
// on raw bytes: a question arrives straight from the command line, unchecked.
#include <memory>
#include <string>

#include "fuzz_target.h"
#include "ingest/pipeline.h"

EVKB_FUZZ_TARGET(question_parser) {
  static std::unique_ptr<ingest::Pipeline> pipeline;
  if (!pipeline) EVKB_FUZZ_CHECK(ingest::Pipeline::Create(&evkb_fuzz::ShippedLexicon(), &pipeline).ok());
  std::string text(reinterpret_cast<const char*>(data), size);
  ingest::Pipeline::Question q;
  (void)pipeline->ParseQuestion(text, &q);
  (void)pipeline->MatchConcepts(text);
  return 0;
}
