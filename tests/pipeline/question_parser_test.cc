#include <catch2/catch.hpp>

#include "ingest/pipeline.h"
#include "pipeline_test_util.h"

namespace {

// Forms of one question must land on the same claim: the same subject and
// object, and a relation of the same family.
TEST_CASE("ParseQuestion: paraphrases land on the same claim", "[pipeline]") {
  const kb::Lexicon& lex = evkb_test::ShippedLexicon();
  std::unique_ptr<ingest::Pipeline> p;
  REQUIRE(ingest::Pipeline::Create(&lex, &p).ok());
  struct Group {
    const char* subject;
    const char* family;
    const char* object;
    std::vector<const char*> questions;
  } groups[] = {
      {"foam_rolling", "increase", "range_of_motion",
       {"Does foam rolling improve range of motion?", "Is it true that foam rolling increases ROM?",
        "Can rolling out improve joint range of movement?", "Foam rolling improves range of motion - true?"}},
      {"foam_rolling", "decrease", "doms",
       {"Does foam rolling reduce DOMS?", "Does rolling out help with muscle soreness?",
        "Can a foam roller prevent sore muscles?", "Does foam rolling make you less sore?",
        "Should I foam roll to relieve delayed onset muscle soreness?"}},
      {"foam_rolling", "remodel", "adhesions",
       {"Does foam rolling break down adhesions?", "Does a roller massager release myofascial restrictions?",
        "Can self-myofascial release dissolve adhesions?", "Is it a myth that rollers break up adhesions?"}},
      {"foam_rolling", "remodel", "it_band",
       {"Can foam rolling lengthen the IT band?", "Can you lengthen your IT band with a foam roller?",
        "Does rolling the iliotibial band stretch it out?"}},
      {"foam_rolling", "harm", "kidneys",
       {"Is foam rolling bad for your kidneys?", "Can rolling the lower back damage the kidneys?"}},
  };
  for (const auto& g : groups) {
    for (const char* q : g.questions) {
      ingest::Pipeline::Question parsed;
      REQUIRE(p->ParseQuestion(q, &parsed).ok());
      INFO(q);
      REQUIRE_FALSE(parsed.claims.empty());
      const kb::Claim& c = parsed.claims[0];
      INFO("got " << c.subject << " " << c.relation << " " << c.object);
      CHECK(c.subject == g.subject);
      CHECK(c.object == g.object);
      const kb::RelationDef* rel = lex.FindRelation(c.relation);
      REQUIRE(rel != nullptr);
      CHECK(rel->family == g.family);
    }
  }
}

TEST_CASE("ParseQuestion: is-a questions and unknown subjects", "[pipeline]") {
  const kb::Lexicon& lex = evkb_test::ShippedLexicon();
  std::unique_ptr<ingest::Pipeline> p;
  REQUIRE(ingest::Pipeline::Create(&lex, &p).ok());
  ingest::Pipeline::Question q;
  REQUIRE(p->ParseQuestion("Is the IT band a muscle?", &q).ok());
  REQUIRE(q.claims.size() == 1);
  CHECK(q.claims[0].subject == "it_band");
  CHECK(q.claims[0].relation == "is_a");
  CHECK(q.claims[0].object == "muscle");

  // Words the lexicon does not know give no claim and say which words.
  REQUIRE(p->ParseQuestion("Does foam rolling cure diabetes?", &q).ok());
  CHECK(q.claims.empty());
  CHECK(std::find(q.unknown_terms.begin(), q.unknown_terms.end(), "diabetes") != q.unknown_terms.end());
}

TEST_CASE("MatchConcepts: benefits resolve through synonyms", "[pipeline]") {
  const kb::Lexicon& lex = evkb_test::ShippedLexicon();
  std::unique_ptr<ingest::Pipeline> p;
  REQUIRE(ingest::Pipeline::Create(&lex, &p).ok());
  CHECK(p->MatchConcepts("muscle soreness") == std::vector<std::string>{"doms"});
  CHECK(p->MatchConcepts("DOMS") == std::vector<std::string>{"doms"});
  CHECK(p->MatchConcepts("Range of Movement") == std::vector<std::string>{"range_of_motion"});
  CHECK(p->MatchConcepts("flexibility") == std::vector<std::string>{"flexibility"});
  CHECK(lex.IsA("flexibility", "range_of_motion"));
  CHECK(p->MatchConcepts("diabetes").empty());
}

}  // namespace
