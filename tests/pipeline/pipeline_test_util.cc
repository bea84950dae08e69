#include "pipeline_test_util.h"

#include <cstdio>
#include <cstdlib>

#include "ingest/reader.h"

namespace evkb_test {

const kb::Lexicon& ShippedLexicon() {
  static const kb::Lexicon* lexicon = [] {
    auto* lex = new kb::Lexicon();
    kb::Status s = kb::LoadLexicon({}, lex);
    if (!s.ok()) {
      std::fprintf(stderr, "cannot load the shipped lexicon: %s\n", s.ToString().c_str());
      std::abort();
    }
    return lex;
  }();
  return *lexicon;
}

ingest::Document TextDocument(const std::string& path, const std::string& text) {
  ingest::Document doc;
  kb::Status s = ingest::ParseText(text, path, &doc);
  if (!s.ok()) {
    std::fprintf(stderr, "fixture %s does not parse: %s\n", path.c_str(), s.ToString().c_str());
    std::abort();
  }
  return doc;
}

}  // namespace evkb_test
