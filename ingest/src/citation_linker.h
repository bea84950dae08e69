// Turns an article's reference list and in-text mentions into Works and
// Mentions, and tells the pipeline which works each sentence cites.
#ifndef EVKB_INGEST_CITATION_LINKER_H_
#define EVKB_INGEST_CITATION_LINKER_H_

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "citations/mention_finder.h"
#include "citations/reference.h"
#include "kb/lexicon.h"
#include "ingest/work_reference.h"
#include "kb/model.h"
#include "tokens.h"

namespace ingest {

// A work cited in one sentence.
struct SentenceCitation {
  std::string work_id;
  citations::MentionKind kind;
};

class CitationLinker {
 public:
  explicit CitationLinker(const kb::Lexicon& lexicon);

  // Forgets the references of the previous article (the lexicon-derived
  // tables are kept: they cost more to build than most articles to link).
  void Clear();

  // Parses reference entries (one per string) into works, appended to
  // `works`; remembers them for linking mentions. `parsed`, when not empty,
  // holds per entry its ParseReference already made, or null.
  void AddReferences(const std::vector<std::string>& entries,
                     const std::vector<const citations::Reference*>& parsed,
                     std::vector<kb::Work>* works);

  // Finds mentions in one sentence. Appends Mentions (spans through
  // `offsets`, which map sentence bytes to original bytes; size()+1 entries),
  // new descriptive/expert Works, and returns the works the sentence cites.
  // `tokens` are the sentence's tokens (a cheap test of whether it can
  // cite anything at all).
  std::vector<SentenceCitation> LinkSentence(std::string_view sentence,
                                             const std::vector<Token>& tokens,
                                             const std::vector<uint32_t>& offsets,
                                             std::vector<kb::Mention>* mentions,
                                             std::vector<kb::Work>* works);

  const std::vector<citations::Reference>& references() const { return refs_; }
  const std::vector<std::string>& reference_ids() const { return ref_ids_; }

 private:
  kb::Work WorkFromMention(const citations::InTextMention& m) const;
  // Whether `sentence` can hold a citation at all: a digit or bracket, "et
  // al", or a study-type or expert word. Most sentences cannot, and the
  // mention finder is the costlier test.
  bool MayCite(const std::vector<Token>& tokens) const;

  std::unordered_set<std::string> trigger_words_;  // lower-case words that may open a mention

  std::vector<citations::StudyTypeCue> cues_;
  citations::MentionFinder finder_;
  std::vector<citations::Reference> refs_;
  std::vector<std::string> ref_ids_;
};

// Converts between the citations library's Reference and the kb model.
kb::Work WorkFromReference(const citations::Reference& ref,
                           const std::vector<citations::StudyTypeCue>& cues);
std::vector<citations::StudyTypeCue> StudyCues(const kb::Lexicon& lexicon);

}  // namespace ingest

#endif  // EVKB_INGEST_CITATION_LINKER_H_
