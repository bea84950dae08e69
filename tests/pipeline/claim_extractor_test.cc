#include "claim_extractor.h"

#include <catch2/catch.hpp>

#include "pipeline_test_util.h"

namespace ingest {
namespace {

struct Expect {
  const char* subject;
  const char* relation;
  const char* object;
  kb::Stance stance;
  bool hedged;
};

std::string Show(const std::vector<ExtractedClaim>& claims) {
  std::string out;
  for (const ExtractedClaim& c : claims) {
    out += c.subject + " " + c.relation + " " + c.object +
           (c.stance == kb::Stance::kDenies ? " [denies]" : "") + (c.hedged ? " [hedged]" : "") + "; ";
  }
  return out;
}

bool Has(const std::vector<ExtractedClaim>& claims, const Expect& e) {
  for (const ExtractedClaim& c : claims) {
    if (c.subject == e.subject && c.relation == e.relation && c.object == e.object &&
        c.stance == e.stance && c.hedged == e.hedged) {
      return true;
    }
  }
  return false;
}

constexpr kb::Stance A = kb::Stance::kAsserts;
constexpr kb::Stance D = kb::Stance::kDenies;

TEST_CASE("ClaimExtractor: effects, stance and hedging", "[pipeline]") {
  LexiconIndex index(&evkb_test::ShippedLexicon());
  ClaimExtractor extractor(&index);
  struct Case {
    const char* sentence;
    Expect expect;
  } cases[] = {
      {"Foam rolling reduces muscle soreness after hard sessions.", {"foam_rolling", "reduces", "doms", A, false}},
      {"A roller massager improves range of motion for about twenty minutes.",
       {"foam_rolling", "improves", "range_of_motion", A, false}},
      {"Rolling may ease delayed onset muscle soreness.", {"foam_rolling", "reduces", "doms", A, true}},
      {"Some research suggests that foam rolling lowers inflammation.",
       {"foam_rolling", "reduces", "inflammation", A, true}},
      {"Foam rolling does NOT break up scar tissue.", {"foam_rolling", "breaks_down", "scar_tissue", D, false}},
      {"There is no reliable evidence that foam rollers deform fascia.",
       {"foam_rolling", "alters", "fascia", D, false}},
      {"A foam roller can't press hard enough to break adhesions.",
       {"foam_rolling", "breaks_down", "adhesions", D, false}},
      {"Rolling will not lengthen or release the IT band.", {"foam_rolling", "lengthens", "it_band", D, false}},
      {"Rolling will not lengthen or release the IT band.", {"foam_rolling", "releases", "it_band", D, false}},
      {"SMR won't lessen how sore you feel.", {"foam_rolling", "reduces", "doms", D, false}},
      {"The iliotibial band is not a muscle.", {"it_band", "is_a", "muscle", D, false}},
      {"The IT band is not a muscle, it's a tendon.", {"it_band", "is_a", "tendon", A, false}},
      {"Rolling your IT band every day will lengthen it.", {"foam_rolling", "lengthens", "it_band", A, false}},
      {"Using a roller on the lower back may cause harmful pressure on the kidneys.",
       {"foam_rolling", "harms", "kidneys", A, true}},
      {"Foam rolling is not recommended for people with deep vein thrombosis.",
       {"foam_rolling", "suits", "dvt", D, false}},
      {"People with advanced osteoporosis should not use a foam roller.",
       {"foam_rolling", "suits", "osteoporosis", D, false}},
      {"Claims that rollers flush toxins from the muscles are simply not true.",
       {"foam_rolling", "removes", "toxins", D, false}},
      {"Stretching gave no meaningful drop in soreness and little or no protection against injury.",
       {"stretching", "prevents", "injury_risk", D, false}},
      {"Stretching gave no meaningful drop in soreness and little or no protection against injury.",
       {"stretching", "reduces", "doms", D, false}},
      {"Static stretching before sprinting reduces power.", {"static_stretching", "reduces", "power", A, false}},
      {"Foam rolling helps with muscle soreness.", {"foam_rolling", "reduces", "doms", A, false}},
      {"It's believed that rolling flushes lactic acid out of the legs.",
       {"foam_rolling", "removes", "lactic_acid", A, true}},
  };
  for (const Case& c : cases) {
    SentenceReading r = extractor.Read(c.sentence, "foam_rolling", "", false);
    INFO(c.sentence << "\n  got: " << Show(r.claims));
    CHECK(Has(r.claims, c.expect));
  }
}

// The claims of one sentence of an article about foam rolling.
std::vector<ExtractedClaim> ClaimsAboutRolling(const char* sentence) {
  LexiconIndex index(&evkb_test::ShippedLexicon());
  ClaimExtractor extractor(&index);
  return extractor.Read(sentence, "foam_rolling", "", false).claims;
}

TEST_CASE("ClaimExtractor: a contrast ends a hedge and a negation", "[pipeline]") {
  std::vector<ExtractedClaim> claims = ClaimsAboutRolling(
      "Rolling may reduce the feeling of tightness, but it will not lengthen the IT band.");
  INFO(Show(claims));
  CHECK(Has(claims, {"foam_rolling", "reduces", "muscle_tension", A, true}));
  CHECK(Has(claims, {"foam_rolling", "lengthens", "it_band", D, false}));
}

// "reduce soreness and return muscle function to normal": "return" is a cue
// of improves (it restores), so it takes its own object, and the list of
// the first verb's objects stops at it.
TEST_CASE("ClaimExtractor: a second verb after 'and' takes its own object", "[pipeline]") {
  std::vector<ExtractedClaim> claims = ClaimsAboutRolling(
      "After a race, rolling can reduce soreness and return muscle function to normal sooner.");
  INFO(Show(claims));
  CHECK(Has(claims, {"foam_rolling", "reduces", "doms", A, false}));
  CHECK(Has(claims, {"foam_rolling", "improves", "performance", A, false}));
  CHECK_FALSE(Has(claims, {"foam_rolling", "reduces", "performance", A, false}));
}

TEST_CASE("ClaimExtractor: instructions, questions and sign-offs make no claims", "[pipeline]") {
  LexiconIndex index(&evkb_test::ShippedLexicon());
  ClaimExtractor extractor(&index);
  const char* non_claims[] = {
      "Place the roller under your calf and roll slowly towards the knee.",
      "Hold the pressure on a tender spot for thirty seconds.",
      "Does foam rolling really reduce soreness?",
      "Contact the clinic to book an appointment for your knee pain.",
      "Leave a comment below if rolling helped your recovery.",
  };
  for (const char* s : non_claims) {
    SentenceReading r = extractor.Read(s, "foam_rolling", "", false);
    INFO(s << "\n  got: " << Show(r.claims));
    CHECK(r.instruction);
    CHECK(r.claims.empty());
  }
}

TEST_CASE("ClaimExtractor: the topic stands in only where the text points to it", "[pipeline]") {
  LexiconIndex index(&evkb_test::ShippedLexicon());
  ClaimExtractor extractor(&index);
  // A pronoun before the verb: the topic.
  CHECK(Has(extractor.Read("It also improves circulation.", "foam_rolling", "", false).claims,
            {"foam_rolling", "improves", "circulation", A, false}));
  // A list item under "Benefits": the topic.
  CHECK(Has(extractor.Read("Improved flexibility", "foam_rolling", "", false, true).claims,
            {"foam_rolling", "improves", "flexibility", A, false}));
  // Plain prose with no subject of its own: nothing is guessed.
  CHECK(extractor.Read("Training hard increases pain the next day.", "foam_rolling", "", false)
            .claims.empty());
}

TEST_CASE("ClaimExtractor: mechanism cues, denied cues ignored", "[pipeline]") {
  LexiconIndex index(&evkb_test::ShippedLexicon());
  ClaimExtractor extractor(&index);
  struct Case {
    const char* sentence;
    std::vector<std::string> mechanisms;
  } cases[] = {
      {"Rolling calms the nervous system through mechanoreceptors in the skin.", {"neurological"}},
      {"Pressure from the roller breaks down adhesions in the fascia.", {"mechanical"}},
      {"The ritual helps runners feel prepared.", {"psychological"}},
      {"The effect is neurological, not mechanical.", {"neurological"}},
      {"Drink water afterwards.", {}},
  };
  for (const Case& c : cases) {
    INFO(c.sentence);
    CHECK(extractor.Read(c.sentence, "foam_rolling", "", false).mechanisms == c.mechanisms);
  }
}

TEST_CASE("ClaimExtractor: attribution of hearsay, anecdote and experts", "[pipeline]") {
  LexiconIndex index(&evkb_test::ShippedLexicon());
  ClaimExtractor extractor(&index);
  CHECK(extractor.Read("It is believed that rolling improves circulation.", "foam_rolling", "", false)
            .attribution == kb::Attribution::kHearsay);
  CHECK(extractor.Read("In my experience rolling reduces knee pain.", "foam_rolling", "", false)
            .attribution == kb::Attribution::kAnecdote);
  SentenceReading expert = extractor.Read(
      "Physiotherapist Dana Okafor said that rolling reduces soreness.", "foam_rolling", "", false);
  CHECK(expert.attribution == kb::Attribution::kExpert);
  CHECK(expert.attributed_to == "Physiotherapist Dana Okafor");
}

TEST_CASE("ClaimExtractor: claim-like sentences with unknown words report them", "[pipeline]") {
  LexiconIndex index(&evkb_test::ShippedLexicon());
  ClaimExtractor extractor(&index);
  SentenceReading r = extractor.Read("Studies show rolling boosts mitochondrial density.", "foam_rolling", "",
                                     false);
  CHECK(r.claims.empty());
  CHECK(r.claim_like);
  CHECK(std::find(r.unknown_terms.begin(), r.unknown_terms.end(), "mitochondrial") != r.unknown_terms.end());
}

}  // namespace
}  // namespace ingest
