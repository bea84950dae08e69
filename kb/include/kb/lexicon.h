// The lexicon: all domain knowledge evkb uses, loaded from JSON files (the
// default kb/data/lexicon.json plus any --lexicon FILE, later files adding
// to or overriding earlier ones). See kb/data/README.md for the format.
//
// A Lexicon is immutable after FinishLexicon() and safe to share between threads.
#ifndef EVKB_KB_LEXICON_H_
#define EVKB_KB_LEXICON_H_

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kb/model.h"
#include "kb/status.h"

namespace kb {

// A relation between concepts ("reduces", "breaks_down", "is_a").
struct RelationDef {
  std::string id;
  std::string family;  // relations in one family are near-synonyms for matching
  std::string label;   // readable form used in claim text ("breaks down")
  std::vector<std::string> cues;  // verb and noun forms: "reduce", "reduction", "break up"
  // Concept kinds this relation takes as objects ("outcome", "structure", ...);
  // empty: any object kind.
  std::vector<std::string> object_kinds;
};

// Maps cue phrases to a study type and its evidence level (1 strongest .. 5).
struct StudyTypeDef {
  std::string type;
  int level = 5;
  std::vector<std::string> cues;
};

class Lexicon {
 public:
  std::vector<Concept> concepts;  // labels[0] preferred, the rest synonyms
  std::vector<RelationDef> relations;
  std::vector<StudyTypeDef> study_types;
  // Mechanism tag -> cue phrases (neurological, mechanical, psychological).
  std::map<std::string, std::vector<std::string>> mechanisms;
  // Named cue lists: "negation", "hedge", "hearsay", "anecdote", "expert",
  // "reporting", "context_carry", "instruction", "non_claim", "topic_anaphora",
  // "claim_like", ... Unknown names are kept, so extensions can add lists.
  std::map<std::string, std::vector<std::string>> cues;
  // Family -> families it may stand in for when matching, with a score in
  // (0,1]: {"decrease": {"remodel": 0.7}}.
  std::map<std::string, std::map<std::string, double>> family_similarity;

  // ---- Lookups; valid after FinishLexicon().
  const Concept* FindConcept(std::string_view id) const;
  const RelationDef* FindRelation(std::string_view id) const;
  // Cue list by name; an empty list when absent.
  const std::vector<std::string>& Cues(std::string_view name) const;
  // True when `id` is `ancestor` or below it in the is-a hierarchy.
  bool IsA(std::string_view id, std::string_view ancestor) const;
  // Parents of `id`, nearest first, `id` excluded.
  std::vector<std::string> Ancestors(std::string_view id) const;
  // Every concept below `id`, `id` excluded.
  std::vector<std::string> Descendants(std::string_view id) const;
  // Similarity of two relations for matching: 1 same id, family_similarity
  // or 0.8 for the same family, else 0.
  double RelationSimilarity(std::string_view a, std::string_view b) const;

  // Internal indexes, built by FinishLexicon().
  // Looked up by string_view without building a string.
  struct ViewHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using Index = std::unordered_map<std::string, size_t, ViewHash, std::equal_to<>>;
  Index concept_index_;
  Index relation_index_;
  // RelationSimilarity of relations i and j (indexes into `relations`) at
  // [i * relations.size() + j].
  std::vector<double> relation_similarity_;
  std::unordered_map<std::string, std::vector<std::string>> children_;
  // Concept id -> "file:line:col" of its definition, set by ParseLexicon, so
  // FinishLexicon's errors can point at the input.
  std::unordered_map<std::string, std::string> concept_origin_;
};

// Parses one lexicon JSON document and merges it into *lex: concepts and
// relations with an existing id replace it; cue lists are appended to (a list
// given as {"replace": true, "items": [...]} replaces). `name` is used in
// errors: "lexicon.json:12:5: expected ',' or '}'".
Status ParseLexicon(std::string_view json, const std::string& name, Lexicon* lex);
// Reads `path` and calls ParseLexicon.
Status LoadLexiconFile(const std::string& path, Lexicon* lex);
// Validates (parents exist, no is-a cycles, relation ids unique) and builds
// the indexes. Errors name the concept at fault.
Status FinishLexicon(Lexicon* lex);
// The shipped lexicon: $EVKB_LEXICON if set, else the source tree's
// kb/data/lexicon.json, else <prefix>/share/evkb/lexicon.json.
std::string DefaultLexiconPath();
// Loads the default lexicon, then each of `extra` in order, then finishes.
Status LoadLexicon(const std::vector<std::string>& extra, Lexicon* lex);

}  // namespace kb

#endif  // EVKB_KB_LEXICON_H_
