#include "phrase_matcher.h"

#include <catch2/catch.hpp>

#include "tokens.h"

namespace ingest {
namespace {

TEST_CASE("Tokenize: contractions stay whole, hyphens split, punctuation kept", "[pipeline]") {
  Stemmer stemmer;
  std::vector<Token> t = Tokenize("Rollers can't reach self-myofascial tissue.", &stemmer);
  std::vector<std::string> lower;
  for (const Token& tok : t) lower.push_back(tok.lower);
  CHECK(lower == std::vector<std::string>{"rollers", "can't", "reach", "self", "-", "myofascial",
                                          "tissue", "."});
  CHECK(t[0].begin == 0);
  CHECK(t[0].end == 7);
  CHECK_FALSE(t.back().word);
}

TEST_CASE("Tokenize: all-capitals words are flagged", "[pipeline]") {
  Stemmer stemmer;
  std::vector<Token> t = Tokenize("It does NOT reduce DOMS", &stemmer);
  CHECK_FALSE(t[0].upper);
  CHECK(t[2].upper);
  CHECK(t[4].upper);
}

TEST_CASE("PhraseMatcher: inflections meet on stems, longest phrase wins", "[pipeline]") {
  Stemmer stemmer;
  PhraseMatcher m;
  m.Add("break", 1, &stemmer);
  m.Add("break down", 2, &stemmer);
  m.Add("range of motion", 3, &stemmer);
  struct Case {
    const char* text;
    std::vector<int> payloads;
  } cases[] = {
      {"rolling breaks down adhesions", {2}},
      {"it broke nothing", {}},
      {"it is breaking the cycle", {1}},
      {"improves ranges of motion", {3}},
      {"no phrase here", {}},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    std::vector<int> got;
    for (const PhraseMatch& pm : m.FindAll(Tokenize(c.text, &stemmer))) got.push_back(pm.payload);
    CHECK(got == c.payloads);
  }
}

TEST_CASE("PhraseMatcher: exact one-word phrases do not meet their stem-mates", "[pipeline]") {
  Stemmer stemmer;
  PhraseMatcher m;
  m.Add("stretching", 7, &stemmer, /*exact=*/true);
  CHECK(m.FindAll(Tokenize("static stretching helps", &stemmer)).size() == 1);
  CHECK(m.FindAll(Tokenize("it stretches the tissue", &stemmer)).empty());
  PhraseMatcher plural;
  plural.Add("muscle", 1, &stemmer, /*exact=*/true);
  CHECK(plural.FindAll(Tokenize("tight muscles", &stemmer)).size() == 1);
}

}  // namespace
}  // namespace ingest
