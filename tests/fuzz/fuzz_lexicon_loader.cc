// The lexicon loader: kb::ParseLexicon then kb::FinishLexicon, on its own or
// (odd first byte) as an extension merged into the shipped lexicon, with
// hierarchy lookups on every concept afterwards.
#include "fuzz_target.h"

EVKB_FUZZ_TARGET(lexicon_loader) {
  if (size == 0) return 0;
  std::string_view json(reinterpret_cast<const char*>(data + 1), size - 1);
  kb::Lexicon lex;
  if (data[0] & 1) lex = evkb_fuzz::ShippedLexicon();
  if (!kb::ParseLexicon(json, "fuzz.json", &lex).ok()) return 0;
  if (!kb::FinishLexicon(&lex).ok()) return 0;
  for (const kb::Concept& c : lex.concepts) {
    EVKB_FUZZ_CHECK(lex.FindConcept(c.id) != nullptr);
    EVKB_FUZZ_CHECK(lex.IsA(c.id, c.id));
    for (const std::string& a : lex.Ancestors(c.id)) EVKB_FUZZ_CHECK(a != c.id);
    (void)lex.Descendants(c.id);
  }
  for (const kb::RelationDef& r : lex.relations) (void)lex.RelationSimilarity(r.id, r.id);
  return 0;
}
